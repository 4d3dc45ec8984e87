import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { emptyStoreAt, EXAMPLE, exampleInput, parseLines, tempDir, upgradekit, writeJson } from './helpers.js';
import { startServe, type Serving } from './serveProcess.js';

const temp = tempDir();
afterAll(() => temp.remove());
let running: Serving[] = [];
afterEach(async () => {
  await Promise.all(running.map((serving) => serving.stop()));
  running = [];
});
const serve = async (args: readonly string[], env?: NodeJS.ProcessEnv) => {
  const serving = await startServe(args, env);
  running.push(serving);
  return serving;
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('upgradekit serve', () => {
  it('serves the API and the cockpit on the port it prints, keeps a second process off its directory, and closes cleanly on SIGTERM', async () => {
    const dataDir = emptyStoreAt(temp.path('served'));
    const server = await serve(['--port', '0', '--data-dir', dataDir, '--config', EXAMPLE, '--admin-token', 'tok_admin', '--write-key', 'wk_test', '--allowed-origin', 'http://app.test/']);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toMatch(/:0$/);
    expect(server.stdout()).toContain(`  Cockpit:         ${server.url}/\n`);
    expect(server.stdout()).toContain(`  Data:            ${dataDir}\n`);
    expect(server.stdout()).toContain(`  Live config:     v1, from ${EXAMPLE}\n`);
    expect(server.stdout()).toContain('  Write key:       wk_test (its events go to app "default")\n');
    expect(server.stdout()).toContain('  Allowed origins: http://app.test\n');

    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true, store: 'pglite', events: 0 });
    for (const path of ['/', '/triggers/power-user-pdf']) {
      const page = await fetch(`${server.url}${path}`);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<title>UpgradeKit cockpit</title>');
    }
    expect((await fetch(`${server.url}/api/session`, { headers: bearer('tok_admin') })).status).toBe(204);
    expect((await fetch(`${server.url}/api/session`, { headers: bearer('wrong') })).status).toBe(401);
    const config = await fetch(`${server.url}/api/config`, { headers: { 'x-upgradekit-key': 'wk_test' } });
    expect(config.headers.get('etag')).toBe('"v1"');

    // The allowed origin may send events from a browser; any other is refused.
    const event = parseLines(upgradekit(['sample', '--config', EXAMPLE, '--customers', '5', '--days', '2']).stdout)[0];
    const post = (origin: string) =>
      fetch(`${server.url}/api/events?key=wk_test`, { method: 'POST', headers: { origin, 'content-type': 'text/plain' }, body: JSON.stringify({ events: [event] }) });
    const accepted = await post('http://app.test');
    expect(accepted.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(await accepted.json()).toEqual({ stored: 1, duplicates: 0, rejected: [] });
    expect((await post('http://elsewhere.test')).status).toBe(403);

    const second = upgradekit(['serve', '--port', '0', '--data-dir', dataDir]);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`upgradekit serve: cannot serve: the data directory ${dataDir} is in use by process ${server.pid} `);
    expect(second.stderr).toContain('Stop that server or use another data directory');

    const stopped = await server.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain(`Stopping (SIGTERM)...\nStopped. The data stays in ${dataDir}.\n`);
    expect(stopped.stderr).toBe('');
    expect(existsSync(`${dataDir}/upgradekit.lock`)).toBe(false);

    // Released: the next serve opens it, with the event kept and the published config left as it is.
    const other = writeJson(temp.path('other.json'), { ...exampleInput(), triggers: [] });
    const again = await serve(['--port', '0', '--data-dir', dataDir, '--config', other, '--admin-token', 'tok_admin']);
    expect(await (await fetch(`${again.url}/api/health`)).json()).toMatchObject({ events: 1 });
    expect(again.stdout()).toMatch(/ {2}Live config: {5}v1, published \d{4}-\d\d-\d\d \d\d:\d\d UTC by server \(kept: --config is used only while the store holds no config\)\n/);
    expect((await (await fetch(`${again.url}/api/config`, { headers: bearer('tok_admin') })).json()).triggers.length).toBeGreaterThan(0);
    expect((await again.stop('SIGINT')).code).toBe(0);
  });

  it('makes up an admin token when none is given and says so, and takes UPGRADEKIT_ADMIN_TOKEN', async () => {
    const generated = await serve(['--port', '0', '--data-dir', emptyStoreAt(temp.path('tokens'))]);
    expect(generated.adminToken.length).toBeGreaterThanOrEqual(32);
    expect(generated.stdout()).toContain(`${generated.adminToken} (generated for this run: pass --admin-token or set UPGRADEKIT_ADMIN_TOKEN to keep one)`);
    expect(generated.stdout()).toContain('Live config:     none yet');
    expect((await fetch(`${generated.url}/api/session`, { headers: bearer(generated.adminToken) })).status).toBe(204);
    await generated.stop();

    const fromEnv = await serve(['--port', '0', '--data-dir', temp.path('tokens')], { UPGRADEKIT_ADMIN_TOKEN: 'tok_from_env' });
    expect(fromEnv.stdout()).toContain('  Admin token:     tok_from_env (from UPGRADEKIT_ADMIN_TOKEN)\n');
    expect((await fetch(`${fromEnv.url}/api/session`, { headers: bearer('tok_from_env') })).status).toBe(204);
  });

  it('says which port is taken, and keeps nothing locked', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const run = upgradekit(['serve', '--port', String(port), '--data-dir', emptyStoreAt(temp.path('taken'))]);
    await new Promise((resolve) => taken.close(resolve));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`upgradekit serve: port ${port} on 127.0.0.1 is already in use by another program; pass another --port (or --port 0 for any free one)\n`);
    expect(existsSync(temp.path('taken/upgradekit.lock'))).toBe(false);
  });

  it('refuses bad flags before opening anything', () => {
    const cases: Array<[string[], string]> = [
      [['--port', '70000'], '--port must be a whole number from 0 to 65535 (got "70000")'],
      [['--allowed-origin', 'https://app.acme.com/login'], '--allowed-origin must be an origin such as https://app.acme.com, without a path (got "https://app.acme.com/login")'],
      [['--allowed-origin', 'app.acme.com'], '--allowed-origin must be an origin such as https://app.acme.com (got "app.acme.com")'],
      [['--config', temp.path('missing.json')], `${temp.path('missing.json')}: not found`],
      [['--colour'], 'unknown option --colour (see upgradekit serve --help)'],
    ];
    for (const [args, message] of cases) {
      const run = upgradekit(['serve', '--data-dir', temp.path('never'), ...args]);
      expect(run, args.join(' ')).toMatchObject({ status: 2, stdout: '', stderr: `upgradekit serve: ${message}\n` });
    }
    writeJson(temp.path('invalid.json'), { ...exampleInput(), plans: 'none' });
    expect(upgradekit(['serve', '--data-dir', temp.path('never'), '--config', temp.path('invalid.json')]).stderr).toMatch(/^upgradekit serve: .*invalid\.json: not a valid config \(.*\); run upgradekit validate invalid\.json\n$/);
    expect(existsSync(temp.path('never'))).toBe(false);
  });

  it('documents every flag with its default', () => {
    const help = upgradekit(['serve', '--help']);
    expect(help.status).toBe(0);
    for (const flag of ['--data-dir <dir>', '--port <N>', '--host <address>', '--config <file>', '--admin-token <token>', '--write-key <key>', '--app <name>', '--allowed-origin <url>']) {
      const line = help.stdout.slice(help.stdout.indexOf(flag)).split(/\n {2}--/)[0]!;
      expect(line, flag).toMatch(/\(default/);
    }
  });
});
