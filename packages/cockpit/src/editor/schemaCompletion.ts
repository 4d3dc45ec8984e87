import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import type { EditorState } from '@codemirror/state';
import type { SyntaxNode } from '@lezer/common';
import { stringValue } from './jsonTree.js';
import { describe, propertySchema, resolve, schemaAt, type JsonSchema } from './jsonSchema.js';

/** Keys and indexes from the document's top value down to `node`'s container. */
function pathTo(state: EditorState, node: SyntaxNode): Array<string | number> {
  const path: Array<string | number> = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.name === 'Property') {
      const name = parent.getChild('PropertyName');
      if (name && child.from > name.from) path.unshift(stringValue(state, name));
    } else if (parent.name === 'Array') {
      let index = 0;
      for (let item = parent.firstChild; item && item.from < child.from; item = item.nextSibling) if (item.name !== '[' && item.name !== ',') index++;
      path.unshift(index);
    }
  }
  return path;
}

/** The object schemas `schema` allows (its own, or an `anyOf`'s object branches). */
const objectBranches = (schema: JsonSchema, root: JsonSchema): JsonSchema[] => {
  const resolved = resolve(schema, root);
  return resolved.anyOf ? resolved.anyOf.flatMap((branch) => objectBranches(branch, root)) : resolved.properties ? [resolved] : [];
};

function keyOptions(object: SyntaxNode, state: EditorState, root: JsonSchema): Completion[] {
  const schema = schemaAt(root, pathTo(state, object));
  if (!schema) return [];
  const present = new Set(object.getChildren('Property').map((property) => property.getChild('PropertyName')).map((name) => (name ? stringValue(state, name) : '')));
  return objectBranches(schema, root).flatMap((branch) =>
    Object.entries(branch.properties ?? {})
      .filter(([key]) => !present.has(key))
      .map(([key, child]) => ({ label: `"${key}"`, apply: `"${key}": `, type: 'property', detail: describe(child, root), boost: branch.required?.includes(key) ? 1 : 0 })),
  );
}

function valueOptions(schema: JsonSchema, root: JsonSchema): Completion[] {
  const resolved = resolve(schema, root);
  if (resolved.anyOf) return resolved.anyOf.flatMap((branch) => valueOptions(branch, root));
  if (resolved.const !== undefined) return [{ label: JSON.stringify(resolved.const), type: 'constant' }];
  if (resolved.enum) return resolved.enum.map((value) => ({ label: JSON.stringify(value), type: 'enum' }));
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  if (types.includes('boolean')) return ['true', 'false'].map((label) => ({ label, type: 'keyword' }));
  if (types.includes('object')) return [{ label: '{}', type: 'keyword', detail: 'an object' }];
  if (types.includes('array')) return [{ label: '[]', type: 'keyword', detail: 'a list' }];
  return [];
}

/**
 * Completion from the JSON Schema: property names the object at the cursor
 * allows (required ones first, present ones left out), and the values a
 * property allows (enums, constants, true/false).
 */
export function schemaCompletion(root: JsonSchema): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const { state, pos } = context;
    const node = syntaxTree(state).resolveInner(pos, -1);
    const word = context.matchBefore(/"?[\w$.:-]*"?/);
    const from = node.name === 'PropertyName' || node.name === 'String' ? node.from : (word?.from ?? pos);
    if (!context.explicit && (!word || word.from === word.to)) return null;
    const object = node.name === 'Object' ? node : node.name === 'PropertyName' ? node.parent?.parent : node.parent?.name === 'Object' && node.name === '⚠' ? node.parent : null;
    if (object?.name === 'Object') return { from, options: keyOptions(object, state, root), validFor: /^"?[\w$.:-]*"?$/ };
    const property = node.name === 'Property' ? node : node.parent?.name === 'Property' ? node.parent : null;
    const name = property?.getChild('PropertyName');
    if (!property || !name || pos <= name.to) return null;
    const container = schemaAt(root, pathTo(state, property));
    const schema = container && propertySchema(container, stringValue(state, name), root);
    return schema ? { from, options: valueOptions(schema, root) } : null;
  };
}
