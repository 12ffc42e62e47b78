// Streaming output (issue 15): `lookalike sample` of an MST model with 10 columns to Parquet, chunk by chunk.
// Target: 100,000,000 rows in ≤ 3 minutes at ≤ 1 GB peak RSS.
//
//   npm run build
//   nice -n 10 node bench/scale-sample.mjs --rows 10000000 --table
//   nice -n 10 node bench/scale-sample.mjs --rows 100000000 --table
//
// The model: MST at ε = 1 fitted on 100,000 generated rows (5 categorical columns of 3–40 categories, 5 numeric,
// dependent on each other; every domain declared public), written to bench/out/. The sample runs as the real CLI
// in a child process under /usr/bin/time -v (wall time, CPU seconds, peak RSS of that process); the rows of the
// file are counted back with DuckDB. Each run is appended to bench/out/scale-sample.jsonl; --table writes every
// recorded run to bench/RESULTS-scale-sample.md.
import './help.mjs';
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const L = await import(pathToFileURL(join(root, 'dist/index.js')));

const argv = process.argv.slice(2);
const opt = (name, def) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : def;
};
const ROWS = Number(opt('rows', 10_000_000));
const table = argv.includes('--table');

// the model: generated rows with dependence, public domains
const modelPath = join(out, 'scale-sample-model.json');
if (!existsSync(modelPath)) {
  const n = 100_000;
  const rng = new L.Rng(1);
  const sizes = [3, 8, 12, 20, 40];
  const cats = sizes.map((k) => Array.from({ length: k }, (_, i) => `v${i}`));
  const codes = sizes.map(() => new Int32Array(n));
  const nums = [0, 1, 2, 3, 4].map(() => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    let prev = rng.int(3);
    sizes.forEach((k, j) => {
      const c = rng.float() < 0.6 ? (prev * 7 + j) % k : rng.int(k);
      codes[j][r] = c;
      prev = c;
    });
    nums[0][r] = 18 + ((codes[1][r] * 5 + rng.int(10)) % 70); // age-like integer
    nums[1][r] = Math.round((codes[2][r] * 1000 + rng.float() * 5000) * 100) / 100; // amount, 2 decimals
    nums[2][r] = rng.int(100); // integer 0..99
    nums[3][r] = Math.round(rng.float() * codes[3][r] * 10) / 10; // 1 decimal
    nums[4][r] = codes[4][r] * 2 + rng.int(5); // integer
  }
  const columns = [
    ...sizes.map((k, j) => ({ kind: 'categorical', name: `c${j}`, codes: codes[j], categories: cats[j] })),
    ...nums.map((v, j) => ({ kind: 'numeric', name: `x${j}`, values: v, integer: j !== 1 && j !== 3 })),
  ];
  const t = new L.Table(columns, n);
  const numDomain = [
    { min: 18, max: 87 },
    { min: 0, max: 25000 },
    { min: 0, max: 99 },
    { min: 0, max: 200 },
    { min: 0, max: 82 },
  ];
  const schema = {
    version: 1,
    columns: [
      ...sizes.map((k, j) => ({
        name: `c${j}`,
        kind: 'categorical',
        nullable: false,
        domain: { categories: cats[j], source: 'public' },
      })),
      ...nums.map((_, j) => ({
        name: `x${j}`,
        kind: 'numeric',
        integer: j !== 1 && j !== 3,
        ...(j === 1 ? { decimals: 2 } : j === 3 ? { decimals: 1 } : {}),
        nullable: false,
        domain: { ...numDomain[j], source: 'public' },
      })),
    ],
  };
  const model = await L.getSynthesizer('mst').fit(t, schema, { epsilon: 1 });
  writeFileSync(modelPath, JSON.stringify(model.toJSON()));
}

const file = join(out, 'scale-sample.parquet');
rmSync(file, { force: true });
const load = os.loadavg()[0];
const r = spawnSync(
  '/usr/bin/time',
  [
    '-v',
    process.execPath,
    join(root, 'bin/lookalike.js'),
    'sample',
    modelPath,
    '--rows',
    String(ROWS),
    '--seed',
    '1',
    '--out',
    file,
    '--quiet',
  ],
  { encoding: 'utf8', maxBuffer: 1 << 24 },
);
if (r.status !== 0) {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
const field = (name) => {
  const m = new RegExp(`${name}: (.+)`).exec(r.stderr);
  return m ? m[1].trim() : '';
};
const elapsed = field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')
  .split(':')
  .reduce((s, x) => s * 60 + Number(x), 0);
const cpu = Number(field('User time \\(seconds\\)')) + Number(field('System time \\(seconds\\)'));
const rssMB = Number(field('Maximum resident set size \\(kbytes\\)')) / 1024;
const { DuckDBInstance } = await import('@duckdb/node-api');
const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const counted = await con.runAndReadAll(`SELECT count(*)::BIGINT FROM read_parquet('${file}')`);
const nBack = Number(counted.getRows()[0][0]);
con.closeSync();
const run = {
  at: new Date().toISOString().slice(0, 16),
  rows: ROWS,
  back: nBack,
  wall: elapsed,
  cpu,
  rssMB,
  mb: statSync(file).size / 2 ** 20,
  load: Number(load.toFixed(2)),
  loadAfter: Number(os.loadavg()[0].toFixed(2)),
};
console.log(JSON.stringify(run));
appendFileSync(join(out, 'scale-sample.jsonl'), JSON.stringify(run) + '\n');
rmSync(file, { force: true });

if (table) {
  const runs = readFileSync(join(out, 'scale-sample.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const lines = [
    '# Streaming output: sampling to Parquet (issue 15)',
    '',
    '`lookalike sample` of an MST model (ε = 1, 10 columns: 5 categorical with 3–40 categories, 5 numeric, fitted on',
    '100,000 generated rows) to Parquet, drawn and written chunk by chunk (1,000,000 rows per chunk; DuckDB table',
    'function → one single-threaded COPY). Measured with /usr/bin/time -v on the CLI process; rows counted back.',
    'Target: 100,000,000 rows in ≤ 3 minutes at ≤ 1 GB peak RSS.',
    '',
    'Command: `nice -n 10 node bench/scale-sample.mjs --rows N --table` (2 cores shared',
    'by several sessions: the load average is given; CPU seconds are the machine-independent figure).',
    '',
    '| when (UTC) | rows | rows read back | wall (s) | CPU (s) | peak RSS (MB) | file (MB) | load before / after |',
    '|---|---|---|---|---|---|---|---|',
    ...runs.map(
      (x) =>
        `| ${x.at} | ${x.rows.toLocaleString('en-US')} | ${x.back.toLocaleString('en-US')} | ${x.wall.toFixed(1)} | ${x.cpu.toFixed(1)} | ${x.rssMB.toFixed(0)} | ${x.mb.toFixed(0)} | ${x.load} / ${x.loadAfter} |`,
    ),
  ];
  writeFileSync(join(here, 'RESULTS-scale-sample.md'), lines.join('\n') + '\n');
  console.log(lines.join('\n'));
}
