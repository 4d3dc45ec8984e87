/**
 * Every TypeScript example in the README and the docs runs as printed: the `ts`
 * and `tsx` blocks of one Markdown file are joined, in order, into one module (its
 * imports merged), type-checked with `tsc`, then imported. What an example takes
 * from the host app around it comes from `prelude.ts`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const generated = join(here, '.generated');
const DOCS = ['README.md', 'docs/architecture.md', 'docs/config.md', 'docs/events.md', 'docs/reliability.md', 'docs/server.md', 'packages/react/README.md', 'packages/server/README.md'];
const PRELUDE = ['app', 'openCheckout', 'exportPdf', 'loadAccount', 'events', 'config', 'customer', 'openChat', 'App', 'SsoSettings', 'MyBanner', 'MyProgress', 'MyAlert'];
const FENCE = /^```(ts|tsx)\n([\s\S]*?)^```$/gm;
const IMPORT = /^import\s+(type\s+)?(?:\{([^}]*)\}\s+from\s+)?'([^']+)';\n?/gm;

/** The file's examples as one module: imports merged by source, bodies in order. */
function moduleOf(markdown: string): { code: string; blocks: number; jsx: boolean } {
  const imports = new Map<string, { names: Set<string>; types: Set<string> }>();
  const bodies: string[] = [];
  let jsx = false;
  for (const [, lang, block] of markdown.matchAll(FENCE)) {
    jsx ||= lang === 'tsx';
    bodies.push(
      block!.replace(IMPORT, (_line, type: string | undefined, names: string | undefined, source: string) => {
        const entry = imports.get(source) ?? { names: new Set<string>(), types: new Set<string>() };
        imports.set(source, entry);
        for (const name of (names ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
          (type || name.startsWith('type ') ? entry.types : entry.names).add(name.replace(/^type\s+/, ''));
        }
        return '';
      }),
    );
  }
  const body = bodies.join('\n');
  // What the file uses and does not declare itself comes from the prelude.
  const used = PRELUDE.filter((name) => new RegExp(`\\b${name}\\b`).test(body) && !new RegExp(`\\b(const|let|function|class)\\s+${name}\\b`).test(body));
  const header = [
    ...[...imports].map(([source, { names, types }]) => {
      const all = [...names, ...[...types].filter((name) => !names.has(name)).map((name) => `type ${name}`)];
      return all.length ? `import { ${all.join(', ')} } from '${source}';` : `import '${source}';`;
    }),
    ...(used.length ? [`import { ${used.join(', ')} } from '../prelude.tsx';`] : []),
  ];
  return { code: `${header.join('\n')}\n\n${body}\nexport {};\n`, blocks: bodies.length, jsx };
}

const modules = DOCS.map((doc) => {
  const { code, blocks, jsx } = moduleOf(readFileSync(join(root, doc), 'utf8'));
  const file = join(generated, `${doc.replace(/[/.]/g, '_')}.${jsx ? 'tsx' : 'ts'}`);
  return { doc, code, blocks, file };
}).filter((module) => module.blocks > 0);

beforeAll(() => {
  rmSync(generated, { recursive: true, force: true });
  mkdirSync(generated, { recursive: true });
  for (const { file, code } of modules) writeFileSync(file, code);
  // The server example reads a config file beside itself.
  copyFileSync(join(root, 'tests/docs/upgradekit.json'), join(generated, 'upgradekit.json'));
});

describe('documentation examples', () => {
  it('type-check as printed', () => {
    const tsc = join(root, 'node_modules/.bin/tsc');
    let output = '';
    try {
      execFileSync(tsc, ['-p', join(here, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output.replaceAll(`${relative(root, generated)}/`, '')).toBe('');
  });

  it.each(modules.map(({ doc, file, blocks }) => [doc, file, blocks] as const))('%s runs (%#)', async (_doc, file) => {
    await expect(import(/* @vite-ignore */ file)).resolves.toBeDefined();
  });
});

