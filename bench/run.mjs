// Runs every bench/*.bench.mjs in name order and prints one table of their rows.
// Each file exports `async function run()` returning rows of
// `{ name, value, unit, baseline?: { name, value }, note? }`.
// Usage: node --expose-gc bench/run.mjs [filter]   (filter: part of a file name)
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.mjs') && (!filter || file.includes(filter)))
  .sort();

const format = (value) =>
  typeof value !== 'number' ? String(value) : value.toLocaleString('en', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2 });

/** How many times the baseline's cost this row costs: time units compare directly, rates (x/s) inversely. */
function costRatio({ value, unit, baseline }) {
  if (!baseline || !baseline.value || !value) return '';
  const ratio = /\/s$/.test(unit) ? baseline.value / value : value / baseline.value;
  return `${ratio.toFixed(2)}x`;
}

function printTable(rows) {
  const header = ['benchmark', 'value', 'unit', 'baseline', 'cost vs baseline'];
  const lines = rows.map((row) => [
    row.name,
    format(row.value),
    row.unit,
    row.baseline ? `${format(row.baseline.value)} (${row.baseline.name})` : '',
    costRatio(row),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const render = (cells) => cells.map((cell, column) => (column === 1 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  console.log(render(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const [index, line] of lines.entries()) {
    console.log(render(line));
    if (rows[index].note) console.log(`  ${rows[index].note}`);
  }
}

console.log(`node ${process.version}, ${process.platform}/${process.arch}, gc ${typeof globalThis.gc === 'function' ? 'exposed' : 'not exposed (run with --expose-gc)'}`);
if (!files.length) console.log(filter ? `no bench file matches "${filter}"` : 'no bench files');

let failed = false;
for (const file of files) {
  console.log(`\n# ${basename(file, '.bench.mjs')}`);
  const started = performance.now();
  try {
    const module = await import(pathToFileURL(`${dir}${file}`).href);
    if (typeof module.run !== 'function') throw new Error('exports no run() function');
    const rows = await module.run();
    printTable(rows);
  } catch (error) {
    failed = true;
    console.log(`FAILED: ${error instanceof Error ? error.stack : String(error)}`);
  }
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
if (failed) process.exitCode = 1;
