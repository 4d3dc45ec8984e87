import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { bracketMatching, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter, lintKeymap, type Diagnostic } from '@codemirror/lint';
import { EditorState, StateEffect } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import schemaJson from '@upgradekit/core/config.schema.json';
import { useEffect, useRef } from 'react';
import type { ConfigIssue } from '../api/schemas/config.js';
import type { JsonSchema } from './jsonSchema.js';
import { jsonTreeOf, nodeAtPath } from './jsonTree.js';
import { schemaCompletion } from './schemaCompletion.js';
import { lint } from './schemaLint.js';

/** A problem in the document, with its line for the list beside the editor. */
export interface EditorProblem {
  line: number;
  message: string;
}

export interface JsonEditorProps {
  /** The text the editor starts with; remount (a new `key`) to start over. */
  initialText: string;
  onChange: (text: string) => void;
  /** Every problem after each check: syntax, schema and `issues`. */
  onProblems: (problems: EditorProblem[]) => void;
  /** Problems the server found (`invalid_config`), shown at their paths. */
  issues: ConfigIssue[];
  label: string;
}

const schema = schemaJson as JsonSchema;
/** Dispatched when the server's issues change: the linter runs again without an edit. */
const issuesChanged = StateEffect.define<null>();

/** Syntax errors, then the schema's problems, then the server's issues at their paths. */
function diagnose(view: EditorView, issues: ConfigIssue[]): Diagnostic[] {
  const syntax = jsonParseLinter()(view);
  if (syntax.length) return syntax;
  const root = jsonTreeOf(view.state);
  if (!root) return [{ from: 0, to: 0, severity: 'error', message: 'The config is empty; it needs at least "features" and "plans".' }];
  const found: Diagnostic[] = lint(root, schema, schema).map((problem) => ({ ...problem, severity: 'error' }));
  for (const issue of issues) {
    const node = nodeAtPath(root, issue.path);
    found.push({ from: node.from, to: node.to, severity: 'error', source: 'server', message: `${issue.path}: ${issue.message}` });
  }
  return found;
}

/**
 * The config's JSON in CodeMirror 6: completion and inline validation from the
 * JSON Schema the core exports (`@upgradekit/core/config.schema.json`), and the
 * server's own issues at their paths. Loaded on demand by the Config screen.
 */
export default function JsonEditor({ initialText, onChange, onProblems, issues, label }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const latest = useRef({ onChange, onProblems, issues });
  latest.current = { onChange, onProblems, issues };
  const view = useRef<EditorView | null>(null);

  useEffect(() => {
    const check = linter(
      (editor) => {
        const diagnostics = diagnose(editor, latest.current.issues);
        latest.current.onProblems(diagnostics.map((diagnostic) => ({ line: editor.state.doc.lineAt(diagnostic.from).number, message: diagnostic.message })));
        return diagnostics;
      },
      { delay: 300, needsRefresh: (update) => update.transactions.some((transaction) => transaction.effects.some((effect) => effect.is(issuesChanged))) },
    );
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initialText,
        extensions: [
          lineNumbers(),
          foldGutter(),
          lintGutter(),
          history(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          // Token classes, coloured by the stylesheet's variables: readable in light and dark alike.
          syntaxHighlighting(classHighlighter),
          json(),
          check,
          autocompletion({ override: [schemaCompletion(schema)] }),
          // Tab indents; Escape then Tab (CodeMirror's convention) moves focus on, so the editor is no keyboard trap.
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap, indentWithTab]),
          // An explicit tab stop: axe does not count a bare contenteditable as what makes the scroller keyboard-reachable.
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is created once per mount; `initialText` is read at that moment only.
  }, []);

  // New server issues: check again now, so they show without an edit.
  useEffect(() => {
    view.current?.dispatch({ effects: issuesChanged.of(null) });
  }, [issues]);

  return <div className="editor" ref={host} />;
}
