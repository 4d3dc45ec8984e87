import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';

/** A JSON value with where it sits in the document, built from the editor's syntax tree. */
export type JsonNode = { from: number; to: number } & (
  | { kind: 'object'; entries: JsonEntry[] }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
);

export interface JsonEntry {
  key: string;
  keyFrom: number;
  keyTo: number;
  /** `null` while the value is still being typed. */
  value: JsonNode | null;
}

const VALUE = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

/** The text of a JSON string token as its value; the raw text when it is not complete yet. */
export function stringValue(state: EditorState, node: SyntaxNode): string {
  const raw = state.sliceDoc(node.from, node.to);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.replace(/^"|"$/g, '');
  }
}

function nodeOf(state: EditorState, node: SyntaxNode): JsonNode {
  const at = { from: node.from, to: node.to };
  switch (node.name) {
    case 'Object':
      return { ...at, kind: 'object', entries: node.getChildren('Property').map((property) => entryOf(state, property)) };
    case 'Array': {
      const items: JsonNode[] = [];
      for (let child = node.firstChild; child; child = child.nextSibling) if (VALUE.has(child.name)) items.push(nodeOf(state, child));
      return { ...at, kind: 'array', items };
    }
    case 'String':
      return { ...at, kind: 'string', value: stringValue(state, node) };
    case 'Number':
      return { ...at, kind: 'number', value: Number(state.sliceDoc(node.from, node.to)) };
    case 'True':
    case 'False':
      return { ...at, kind: 'boolean', value: node.name === 'True' };
    default:
      return { ...at, kind: 'null' };
  }
}

function entryOf(state: EditorState, property: SyntaxNode): JsonEntry {
  const name = property.getChild('PropertyName');
  let value: SyntaxNode | null = null;
  for (let child = property.firstChild; child; child = child.nextSibling) if (VALUE.has(child.name)) value = child;
  return {
    key: name ? stringValue(state, name) : '',
    keyFrom: name?.from ?? property.from,
    keyTo: name?.to ?? property.from,
    value: value ? nodeOf(state, value) : null,
  };
}

/** The document's top value, or `null` for an empty document. */
export function jsonTreeOf(state: EditorState): JsonNode | null {
  const tree = ensureSyntaxTree(state, state.doc.length, 500) ?? syntaxTree(state);
  for (let child = tree.topNode.firstChild; child; child = child.nextSibling) if (VALUE.has(child.name)) return nodeOf(state, child);
  return null;
}

/**
 * The node a path such as `triggers[0].when.all[1].usage.feature` (the paths
 * `parseConfig` and the server report) names, or the deepest one that exists.
 */
export function nodeAtPath(root: JsonNode, path: string): JsonNode {
  let node = root;
  for (const token of path.match(/[^.[\]]+/g) ?? []) {
    const next = node.kind === 'object' ? node.entries.find((entry) => entry.key === token)?.value : node.kind === 'array' ? node.items[Number(token)] : undefined;
    if (!next) return node;
    node = next;
  }
  return node;
}
