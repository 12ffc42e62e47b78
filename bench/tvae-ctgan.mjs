// Benchmark of the learned synthesizers tvae and ctgan on UCI Adult (issue 11 targets), with ../shared/tools/judge.py.
//
//   npm run build
//   nice -n 10 node bench/tvae-ctgan.mjs                      # tvae and ctgan, 50 epochs, 2 threads
//   node bench/tvae-ctgan.mjs --synth tvae --epochs 50 --threads 1 [--seed 42] [--data adult] [--options '{...}']
//   node bench/tvae-ctgan.mjs --one ...                       # one run in this process (used by the driver)
//   node bench/tvae-ctgan.mjs --table                         # RESULTS from the latest run of each configuration
//
// Every judged run is also appended to bench/out/tvae-ctgan-runs.jsonl (git-ignored); RESULTS-tvae-ctgan.md holds
// the latest run of each (data, synthesizer, epochs, threads, options), so a single row can be re-run on its own.
//
// Every configuration runs in its own process (peak RSS is per process): read the training CSV, fit, sample as
// many rows as the training table has, write them to a temporary CSV; then judge.py scores it (quality, w3_err,
// TSTR ratio, dcr_share, exact_match) against the real training and test files. The data is read from
// ../shared/datasets (never copied). Writes bench/RESULTS-tvae-ctgan.md with the load average beside each time.
import './help.mjs';
import { benchArgs } from './args.mjs';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const DATASETS = resolve(here, '../../shared/datasets');
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const FILES = {
  adult: { train: 'adult/adult_train.csv', test: 'adult/adult_test.csv', target: 'income' },
};

async function one(o) {
  const lib = await import(pathToFileURL(join(DIST, 'index.js')).href);
  const d = FILES[o.data ?? 'adult'];
  const t0 = performance.now();
  const read = await lib.readTable(join(DATASETS, d.train));
  const { schema } = read;
  const table = o.rows
    ? read.table.take(Int32Array.from({ length: Number(o.rows) }, (_, i) => i))
    : read.table;
  const t1 = performance.now();
  const options = {
    epochs: Number(o.epochs ?? 50),
    threads: Number(o.threads ?? 2),
    ...JSON.parse(o.options ?? '{}'),
  };
  let last = '';
  const model = await lib.getSynthesizer(o.synth).fit(table, schema, {
    seed: Number(o.seed ?? 42),
    options,
    onProgress: (e) => (last = `${e.done}/${e.total} ${e.message ?? ''}`),
  });
  const t2 = performance.now();
  const syn = model.sample(table.nRows, { seed: Number(o.seed ?? 42) });
  const t3 = performance.now();
  await lib.writeTable(syn, o.out);
  const training = model.toJSON().params.training ?? null;
  console.log(
    JSON.stringify({
      read: (t1 - t0) / 1000,
      fit: (t2 - t1) / 1000,
      sample: (t3 - t2) / 1000,
      cpu: process.resourceUsage().userCPUTime / 1e6,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      load: os.loadavg()[0],
      training,
      last,
    }),
  );
}

function judge(data, synthCsv) {
  const d = FILES[data];
  const argv = [join(here, '../../shared/tools/judge.py'), join(DATASETS, d.train), synthCsv, '--json'];
  if (d.test) argv.push('--holdout', join(DATASETS, d.test));
  if (d.target) argv.push('--target', d.target);
  const r = spawnSync('/usr/bin/python3', argv, { encoding: 'utf8' });
  if (r.status !== 0) return { error: r.stderr.slice(-500) };
  return JSON.parse(r.stdout);
}

async function driver(o) {
  const runs = o.synth
    ? [
        {
          synth: o.synth,
          epochs: Number(o.epochs ?? 50),
          threads: Number(o.threads ?? 2),
          options: o.options,
        },
      ]
    : [
        { synth: 'tvae', epochs: 50, threads: 2 },
        { synth: 'ctgan', epochs: 50, threads: 2 },
      ];
  const dir = mkdtempSync(join(os.tmpdir(), 'lookalike-bench-'));
  const rows = [];
  for (const r of runs) {
    const out = join(dir, `${r.synth}.csv`);
    const a = [fileURLToPath(import.meta.url), '--one', '--synth', r.synth, '--epochs', String(r.epochs)];
    a.push(
      '--threads',
      String(r.threads),
      '--out',
      out,
      '--data',
      o.data ?? 'adult',
      '--seed',
      String(o.seed ?? 42),
    );
    if (r.options) a.push('--options', r.options);
    if (o.rows) a.push('--rows', String(o.rows));
    const loadBefore = os.loadavg()[0];
    const p = spawnSync(process.execPath, a, { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (p.status !== 0) {
      console.error(p.stderr);
      rows.push({ ...r, error: p.stderr.split('\n').slice(-5).join(' ') });
      continue;
    }
    const m = JSON.parse(p.stdout.trim().split('\n').pop());
    const j = existsSync(out) ? judge(o.data ?? 'adult', out) : {};
    const row = { ...r, ...m, loadBefore, judge: j, data: o.data ?? 'adult', date: new Date().toISOString() };
    rows.push(row);
    console.log(JSON.stringify(row));
    mkdirSync(dirname(RUNS), { recursive: true });
    appendFileSync(RUNS, JSON.stringify(row) + '\n');
  }
  return rows;
}

const RUNS = join(here, 'out', 'tvae-ctgan-runs.jsonl');

/** The latest judged run of each configuration, from bench/out/tvae-ctgan-runs.jsonl. */
function latestRuns(data) {
  const latest = new Map();
  if (!existsSync(RUNS)) return [];
  for (const l of readFileSync(RUNS, 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(l);
    if ((r.data ?? 'adult') !== data) continue;
    latest.set(`${r.synth} ${r.epochs} ${r.threads} ${r.options ?? ''}`, r);
  }
  return [...latest.values()];
}

function render(rows) {
  const fmt = (x, d = 3) => (typeof x === 'number' ? x.toFixed(d) : '—');
  const lines = [
    '| synthesizer | epochs (run/best) | threads | options | fit s | sample s | total s | CPU s | peak RSS MB | quality | w3_err | TSTR AUC | TSTR ratio | dcr_share | exact | load avg (before/after) | date |',
    '|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of rows) {
    if (r.error) {
      lines.push(`| ${r.synth} | ${r.epochs} | ${r.threads} | ${r.options ?? ''} | error: ${r.error} |`);
      continue;
    }
    const j = r.judge ?? {};
    const t = r.training;
    lines.push(
      `| ${r.synth} | ${t ? `${t.epochs}/${t.bestEpoch}` : r.epochs} | ${r.threads} | ${r.options ?? ''} | ${fmt(r.fit, 1)} | ${fmt(r.sample, 1)} | ${fmt(r.fit + r.sample, 1)} | ${fmt(r.cpu, 1)} | ${fmt(r.maxRssMB, 0)} | ${fmt(j.quality)} | ${fmt(j.w3_err)} | ${fmt(j.tstr?.tstr)} | ${fmt(j.tstr?.ratio)} | ${fmt(j.dcr_share)} | ${fmt(j.exact_match, 4)} | ${fmt(r.loadBefore, 1)}/${fmt(r.load, 1)} | ${(r.date ?? '').slice(0, 16)} |`,
    );
  }
  const table = lines.join('\n');
  console.log(table);
  return table;
}

const o = benchArgs();
if (o.only) o.synth = o.only; // `--only tvae`: one row, as `--synth tvae`
if (o.one) await one(o);
else {
  if (!o.table) await driver(o);
  const table = render(latestRuns(o.data ?? 'adult'));
  if (o.write !== 'no') {
    const cmd =
      'node bench/tvae-ctgan.mjs --synth <tvae|ctgan> --epochs <n> [--threads t] [--options json], then --table';
    const text = `# tvae and ctgan on ${o.data ?? 'adult'}\n\nCommand: \`nice -n 10 ${cmd}\` (each row: the latest run of its configuration, run date in the table); Node ${process.version}; ${os.cpus().length} cores. CPU s is the fitting process's user time (reading, transforms, training, sampling); the load average beside it says how much the shared machine stretched the wall time.\n\n${table}\n`;
    // a "## Notes" section written by hand below the table is kept
    const file = join(here, `RESULTS-tvae-ctgan${o.data && o.data !== 'adult' ? `-${o.data}` : ''}.md`);
    const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const at = old.indexOf('\n## Notes');
    writeFileSync(file, at >= 0 ? `${text}${old.slice(at)}` : text);
  }
}
