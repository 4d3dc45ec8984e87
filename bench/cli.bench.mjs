// The built CLI on 1,000,000 sample events: `report` and `simulate` throughput and
// peak memory, each run as a child process (as a user runs them), against a
// baseline measured in the same run on the same file: a bare pass that only
// counts its lines. The file is made once by `upgradekit sample` and cached in the
// OS temp directory, keyed by the config, the seed and the sample code.
// Reads the built packages (npm run build).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EVENTS = 1_000_000;
const SEED = 42;
// About 2.6 events per customer-day with the example config: 6,000 customers for 70 days pass 1M.
const CUSTOMERS = 6000;
const DAYS = 70;
const TARGETS = { reportPerSecond: 1_000_000, simulatePerSecond: 250_000, peakRssMb: 256 };

const cli = fileURLToPath(new URL('../packages/cli/', import.meta.url));
const bin = join(cli, 'dist/bin.js');
const config = join(cli, 'examples/upgradekit.json');
const TIME = '/usr/bin/time';

/** The cached sample's path: a new config, seed or sample code makes a new file. */
function samplePath() {
  const hash = createHash('sha256').update(readFileSync(config)).update(`${SEED}:${CUSTOMERS}:${DAYS}:${EVENTS}`);
  const sampleDir = join(cli, 'dist/sample');
  for (const file of readdirSync(sampleDir).filter((name) => name.endsWith('.js')).sort()) hash.update(readFileSync(join(sampleDir, file)));
  return join(tmpdir(), `upgradekit-bench-${hash.digest('hex').slice(0, 16)}.ndjson`);
}

/** Makes the 1M-event file with `upgradekit sample` (once; a few minutes), keeping its first 1M lines. */
function ensureSample() {
  const path = samplePath();
  if (existsSync(path)) return { path, made: false };
  const partial = `${path}.partial`;
  const started = performance.now();
  execFileSync(process.execPath, [bin, 'sample', '--config', config, '--customers', String(CUSTOMERS), '--days', String(DAYS), '--seed', String(SEED), '--out', partial], { stdio: 'inherit' });
  // The sample is in time order: its first 1M lines are a shorter history of the same customers.
  execFileSync('sh', ['-c', `head -n ${EVENTS} '${partial}' > '${partial}.head' && mv '${partial}.head' '${partial}'`]);
  renameSync(partial, path);
  return { path, made: true, seconds: (performance.now() - started) / 1000 };
}

/**
 * The example config without its triggers and activation condition, in the OS temp
 * directory: simulating it costs what reading, grouping by customer and one
 * client per customer cost, before any condition is evaluated.
 */
function configWithoutTriggers() {
  const { policy, ...rest } = JSON.parse(readFileSync(config, 'utf8'));
  const { activation, ...otherPolicy } = policy ?? {};
  const path = join(tmpdir(), 'upgradekit-bench-no-triggers.json');
  writeFileSync(path, JSON.stringify({ ...rest, policy: otherPolicy, triggers: [] }));
  return path;
}

/** Lines per second of a pass that reads the file in 1 MiB chunks and counts newlines: the least any reader can cost. */
async function countLines(path) {
  const started = performance.now();
  let lines = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++;
  }
  return { lines, perSecond: lines / ((performance.now() - started) / 1000) };
}

/** Events per second of JSON.parse on every line, in this process: what any NDJSON reader pays before its own work. */
async function parseLines(path) {
  const started = performance.now();
  let events = 0;
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      JSON.parse(text.slice(start, end));
      events++;
      start = end + 1;
    }
    rest = text.slice(start);
  }
  return events / ((performance.now() - started) / 1000);
}

/**
 * Runs `upgradekit <args> --stats` as a child process with its output discarded:
 * events/s from its --stats line, peak RSS from `/usr/bin/time -v` where there is
 * one (else from --stats, which reads `process.resourceUsage().maxRSS`).
 */
function runCli(args) {
  const command = [bin, ...args, '--stats'];
  const timed = existsSync(TIME);
  const result = timed
    ? spawnSync(TIME, ['-v', process.execPath, ...command], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 16 << 20 })
    : spawnSync(process.execPath, command, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 16 << 20 });
  const stats = /stats: events=(\d+) seconds=([\d.]+) events_per_second=(\d+) peak_rss_mb=([\d.]+)/.exec(result.stderr);
  if (!stats) throw new Error(`upgradekit ${args[0]} failed (exit ${result.status}):\n${result.stderr}`);
  const timeRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return {
    events: Number(stats[1]),
    seconds: Number(stats[2]),
    perSecond: Number(stats[3]),
    peakRssMb: timeRss ? Number(timeRss[1]) / 1024 : Number(stats[4]),
    rssFrom: timeRss ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
  };
}

const verdict = (ok) => (ok ? 'meets' : 'misses');

export async function run() {
  const sample = ensureSample();
  const size = statSync(sample.path).size;
  const baseline = await countLines(sample.path);
  const parsePerSecond = await parseLines(sample.path);
  const report = runCli(['report', '--config', config, '--events', sample.path, '--format', 'json']);
  const simulate = runCli(['simulate', '--config', config, '--events', sample.path, '--format', 'json']);
  const oneThread = runCli(['simulate', '--config', config, '--events', sample.path, '--format', 'json', '--threads', '1']);
  const noTriggers = runCli(['simulate', '--config', configWithoutTriggers(), '--events', sample.path, '--format', 'json']);
  const threads = Math.min(4, availableParallelism());
  const base = { name: 'bare line count of the same file', value: Math.round(baseline.perSecond) };
  const made = sample.made ? `made by upgradekit sample in ${sample.seconds.toFixed(0)} s` : 'cached';
  return [
    {
      name: `upgradekit report, ${baseline.lines.toLocaleString('en')} events`,
      value: report.perSecond,
      unit: 'events/s',
      baseline: base,
      note:
        `${report.seconds.toFixed(2)} s; target ≥ ${TARGETS.reportPerSecond.toLocaleString('en')}/s: ${verdict(report.perSecond >= TARGETS.reportPerSecond)}; ` +
        `JSON.parse of every line alone: ${Math.round(parsePerSecond).toLocaleString('en')}/s; file ${(size / 2 ** 20).toFixed(0)} MiB (${made}, ${sample.path})`,
    },
    {
      name: 'upgradekit report, peak RSS',
      value: report.peakRssMb,
      unit: 'MB',
      note: `from ${report.rssFrom}; target ≤ ${TARGETS.peakRssMb} MB: ${verdict(report.peakRssMb <= TARGETS.peakRssMb)}`,
    },
    {
      name: `upgradekit simulate, ${simulate.events.toLocaleString('en')} events`,
      value: simulate.perSecond,
      unit: 'events/s',
      baseline: base,
      note: `${simulate.seconds.toFixed(1)} s in ${threads} threads (its default here); target ≥ ${TARGETS.simulatePerSecond.toLocaleString('en')}/s: ${verdict(simulate.perSecond >= TARGETS.simulatePerSecond)}`,
    },
    {
      name: 'upgradekit simulate --threads 1',
      value: oneThread.perSecond,
      unit: 'events/s',
      baseline: base,
      note: `${oneThread.seconds.toFixed(1)} s, ${oneThread.peakRssMb.toFixed(0)} MB; the default's ${threads} threads run ${(simulate.perSecond / oneThread.perSecond).toFixed(2)}× as fast`,
    },
    {
      name: 'upgradekit simulate, the config without triggers',
      value: noTriggers.perSecond,
      unit: 'events/s',
      baseline: base,
      note: `${noTriggers.seconds.toFixed(1)} s in ${threads} threads: reading, grouping by customer and one client per customer, before any condition is evaluated`,
    },
    {
      name: 'upgradekit simulate, peak RSS',
      value: simulate.peakRssMb,
      unit: 'MB',
      note: `from ${simulate.rssFrom}; target ≤ ${TARGETS.peakRssMb} MB: ${verdict(simulate.peakRssMb <= TARGETS.peakRssMb)}`,
    },
  ];
}
