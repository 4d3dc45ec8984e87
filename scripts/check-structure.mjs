#!/usr/bin/env node
// The shape a newcomer can read, checked in CI: no source module longer than 250
// lines, no function longer than 80, and no import cycle (type imports included:
// a type cycle is a design cycle too). Tests, stories, examples and CSS are exempt.
// Parses with @babel/parser, because TypeScript 7 ships no JavaScript API.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';

const MAX_FILE_LINES = 250;
const MAX_FUNCTION_LINES = 80;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = /\.(ts|tsx|mjs)$/;
const EXEMPT = /(__tests__|\.test\.|\.stories\.|\/stories\/|\.d\.ts$)/;
const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod']);

/** Every source file under `dir`. */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ['node_modules', 'dist'].includes(entry.name) ? [] : sources(path);
    return SOURCE.test(entry.name) && !EXEMPT.test(path) ? [path] : [];
  });
}

/** Calls `visit` on every AST node under `node`. */
function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'leadingComments' || key === 'trailingComments') continue;
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value === 'object') walk(value, visit);
  }
}

/** Resolves a relative import to a source file (the code imports `.js` names of `.ts` files). */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}.mjs`, join(base, 'index.ts')]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const problems = [];
const graph = new Map();
const dirs = ['packages/core/src', 'packages/react/src', 'packages/cli/src', 'packages/server/src', 'packages/cockpit/src'].map((dir) => join(root, dir));
for (const file of dirs.flatMap((dir) => { try { return sources(dir); } catch { return []; } })) {
  const text = readFileSync(file, 'utf8');
  const name = relative(root, file);
  const lines = text.split('\n').length;
  if (lines > MAX_FILE_LINES) problems.push(`${name}: ${lines} lines (at most ${MAX_FILE_LINES})`);
  const ast = parse(text, { sourceType: 'module', plugins: ['typescript', ...(file.endsWith('.tsx') ? ['jsx'] : [])] });
  const imports = new Set();
  walk(ast.program, (node) => {
    if (FUNCTION_TYPES.has(node.type)) {
      const length = node.loc.end.line - node.loc.start.line + 1;
      const label = node.id?.name ?? node.key?.name ?? 'anonymous function';
      if (length > MAX_FUNCTION_LINES) problems.push(`${name}:${node.loc.start.line}: ${label} is ${length} lines (at most ${MAX_FUNCTION_LINES})`);
    }
    const source = (node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source?.value;
    const dynamic = node.type === 'ImportExpression' || (node.type === 'CallExpression' && node.callee.type === 'Import') ? (node.source ?? node.arguments?.[0])?.value : undefined;
    const target = resolveImport(file, source || dynamic || '');
    if (target) imports.add(target);
  });
  graph.set(file, imports);
}

// Tarjan's strongly connected components: any component of two or more files is a cycle.
let index = 0;
const stack = [];
const meta = new Map();
function connect(file) {
  meta.set(file, { index, low: index, onStack: true });
  index++;
  stack.push(file);
  for (const next of graph.get(file) ?? []) {
    if (!meta.has(next)) {
      connect(next);
      meta.get(file).low = Math.min(meta.get(file).low, meta.get(next).low);
    } else if (meta.get(next).onStack) {
      meta.get(file).low = Math.min(meta.get(file).low, meta.get(next).index);
    }
  }
  if (meta.get(file).low === meta.get(file).index) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      meta.get(member).onStack = false;
      component.push(member);
    } while (member !== file);
    if (component.length > 1) problems.push(`import cycle: ${component.map((path) => relative(root, path)).join(' → ')}`);
  }
}
for (const file of graph.keys()) if (!meta.has(file)) connect(file);

if (problems.length) {
  console.error(`Structure check failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Structure check passed: ${graph.size} modules, none over ${MAX_FILE_LINES} lines, no function over ${MAX_FUNCTION_LINES}, no import cycle.`);
