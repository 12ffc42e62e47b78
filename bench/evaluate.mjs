// Benchmark of the evaluation (issue 4 targets) on UCI Adult, as in ../shared/peers.md.
//
//   npx tsc -p tsconfig.build.json          # or --outDir bench/out/dist and LOOKALIKE_DIST=bench/out/dist
//   node bench/evaluate.mjs                 # synthetic = Adult with every column shuffled (seed 42)
//   node bench/evaluate.mjs --synth s.csv   # any synthetic table with Adult's columns (no quoted fields)
//   node bench/evaluate.mjs --judge         # also run /work/shared/tools/judge.py on the same files
//
// Prints: the SDMetrics-compatible quality score and w3_err with their times (median of 5 runs, tables already
// in memory), then the full `evaluate` (every suite; holdout adult_test.csv, target income) with its time per
// phase, its CPU time (user + system: a fairer figure when the machine is shared) and the peak RSS. The data is read from ../shared/datasets/adult (never copied); CSVs are
// split on commas by hand (Adult has no quoted fields) so the timing does not depend on the DuckDB reader.
import './help.mjs';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const ADULT = resolve(here, '../../shared/datasets/adult');
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const argv = process.argv.slice(2);
const opt = (k) => {
  const i = argv.indexOf(`--${k}`);
  return i < 0 ? undefined : argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : true;
};

if (!existsSync(ADULT)) {
  console.error(`bench/evaluate: ${ADULT} not found (the real datasets live there)`);
  process.exit(1);
}
const load = (p) => import(pathToFileURL(join(DIST, p)).href);
const { tableFromRecords } = await load('table/infer.js');
const { qualityScore, threeWayMarginals } = await load('metrics/fidelity/index.js');
const { evaluate } = await load('metrics/index.js');
const { Rng } = await load('random/rng.js');

function readCsv(path) {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length);
  const head = lines[0].split(',').map((s) => s.trim());
  const rows = lines.slice(1).map((l) => l.split(',').map((s) => s.trim()));
  return { head, rows };
}
function toRecords({ head, rows }) {
  const numeric = head.map((_, j) => rows.every((r) => r[j] === '' || !Number.isNaN(Number(r[j]))));
  return rows.map((r) =>
    Object.fromEntries(head.map((h, j) => [h, r[j] === '' ? null : numeric[j] ? Number(r[j]) : r[j]])),
  );
}

const trainCsv = readCsv(join(ADULT, 'adult_train.csv'));
const testCsv = readCsv(join(ADULT, 'adult_test.csv'));
let synthPath = opt('synth');
let synthCsv;
if (typeof synthPath === 'string') synthCsv = readCsv(synthPath);
else {
  // every column permuted independently: same marginals, no dependence (peers.md's "floor for correlations")
  const rng = new Rng(42);
  const n = trainCsv.rows.length;
  const perms = trainCsv.head.map(() => rng.permutation(n));
  synthCsv = {
    head: trainCsv.head,
    rows: trainCsv.rows.map((_, i) => perms.map((p, j) => trainCsv.rows[p[i]][j])),
  };
  mkdirSync(join(here, 'out'), { recursive: true });
  synthPath = join(here, 'out', 'adult-shuffled.csv');
  writeFileSync(
    synthPath,
    [synthCsv.head.join(','), ...synthCsv.rows.map((r) => r.join(','))].join('\n') + '\n',
  );
}

const real = tableFromRecords(toRecords(trainCsv));
const meta = { version: 1, columns: real.schema.columns.map((c) => ({ name: c.name, kind: c.kind })) };
const synthetic = tableFromRecords(toRecords(synthCsv), meta).table;
const holdout = tableFromRecords(toRecords(testCsv), meta).table;

function median(f, k = 5) {
  const ts = [];
  let out;
  for (let i = 0; i < k; i++) {
    const t = performance.now();
    out = f();
    ts.push((performance.now() - t) / 1000);
  }
  ts.sort((a, b) => a - b);
  return { out, seconds: ts[Math.floor(k / 2)] };
}

const q = median(() => qualityScore(real.table, synthetic));
const w3 = median(() => threeWayMarginals(real.table, synthetic), 3);
const t0 = performance.now();
const c0 = process.cpuUsage();
const ev = await evaluate(real.table, synthetic, { schema: real.schema, holdout, target: 'income', seed: 0 });
const total = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const f3 = (x) => (x === null || x === undefined ? '—' : x.toFixed(3));
console.log(
  `machine: ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  `real ${real.table.nRows} × ${real.table.nColumns}, synthetic ${synthetic.nRows} (${synthPath}), holdout ${holdout.nRows}`,
);
console.log('');
console.log('| measure | value | time (s) | target |');
console.log('|---|---|---|---|');
console.log(
  `| quality (SDMetrics-compatible) | ${q.out.quality.toFixed(4)} | ${q.seconds.toFixed(3)} | ≤ 0.3 s |`,
);
console.log(`| w3_err (all 455 triples) | ${w3.out.value.toFixed(4)} | ${w3.seconds.toFixed(3)} | |`);
console.log(
  `| full evaluate (every suite) | overall ${f3(ev.aggregates.overall)} | ${total.toFixed(2)} wall, ${cpuSeconds.toFixed(2)} CPU | ≤ 10 s |`,
);
console.log('');
console.log('phases: ' + ev.timings.map((t) => `${t.phase} ${t.seconds.toFixed(2)}`).join(', '));
console.log(
  'aggregates: ' +
    Object.entries(ev.aggregates)
      .map(([k, v]) => `${k} ${f3(v)}`)
      .join(', '),
);
if (ev.utility) {
  for (const m of ev.utility.models) {
    console.log(
      `utility ${m.model}: TRTR ${f3(m.trtr.rocAuc)} TSTR ${f3(m.tstr.rocAuc)} ratio ${f3(m.ratio)}`,
    );
  }
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

if (opt('judge')) {
  const r = spawnSync(
    '/usr/bin/python3',
    ['/work/shared/tools/judge.py', join(ADULT, 'adult_train.csv'), synthPath, '--json'],
    { encoding: 'utf8' },
  );
  if (r.status === 0) {
    const j = JSON.parse(r.stdout);
    console.log(
      `judge.py: quality ${j.quality.toFixed(4)}, w3_err ${j.w3_err.toFixed(4)} (a random 400 of 455 triples)`,
    );
  } else console.log(`judge.py failed: ${r.stderr.trim().split('\n').at(-1)}`);
}
