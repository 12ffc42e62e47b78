// The learned synthesizers (tvae, ctgan, argn, arf, ddpm) on california_housing and credit_default (issue 11: "the
// same synthesizers on california_housing and credit_default with their scores"), scored by ../shared/tools/judge.py.
//
//   npm run build
//   nice -n 10 node bench/learned-tables.mjs                        # every (data, synthesizer), one process each
//   nice -n 10 node bench/learned-tables.mjs --data credit --synth arf,ddpm
//   node bench/learned-tables.mjs --one --data housing --synth tvae  # one run in this process, one JSON line
//   node bench/learned-tables.mjs --table                           # RESULTS from the latest run of each pair
//
// Data as bench/dp-real-one.mjs reads it: ../shared/datasets/{california_housing/housing.csv,
// credit_default/credit_default.csv} (never copied), the metadata inferred from the whole file, credit_default's `ID`
// declared an id column (a row number: not modelled), then `table.split(new Rng(0), 0.3)` — 70 % training rows,
// 30 % holdout. Each synthesizer is fitted on the training rows with its default settings (tvae and ctgan: 50
// epochs), seed 42, samples as many rows, and judge.py scores the sample against the training rows with the holdout
// (quality, w3_err, TSTR ratio, dcr_share, exact_match; targets median_house_value and default.payment.next.month).
// Every run is its own process (peak RSS is that run's) and runs alone; the load average is recorded beside the
// times. Every run is appended to bench/out/learned-tables-runs.jsonl (git-ignored); --table rewrites the table of
// bench/RESULTS-learned-tables.md from the latest run of each (data, synthesizer) and keeps the notes below it.
import './help.mjs';
import { benchArgs } from './args.mjs';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(here, '../../shared');
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const DATA = {
  housing: join(SHARED, 'datasets/california_housing/housing.csv'),
  credit: join(SHARED, 'datasets/credit_default/credit_default.csv'),
};
const TARGET = { housing: 'median_house_value', credit: 'default.payment.next.month' };
const SYNTHS = ['tvae', 'ctgan', 'argn', 'arf', 'ddpm'];
/** Settings other than the defaults: issue 11 times tvae and ctgan at 50 epochs. */
const SETTINGS = { tvae: { epochs: 50 }, ctgan: { epochs: 50 } };
const SEED = 42;
const runsFile = join(here, 'out', 'learned-tables-runs.jsonl');
const resultsFile = join(here, 'RESULTS-learned-tables.md');

async function runOne(data, name) {
  const L = await import(pathToFileURL(join(DIST, 'index.js')));
  const path = DATA[data];
  const first = await L.readTable(path);
  const meta = L.schemaToMetadata(first.schema, true, first.table);
  for (const c of meta.columns)
    if (c.name === 'ID') {
      for (const k of Object.keys(c)) if (k !== 'name') delete c[k];
      Object.assign(c, { kind: 'id', idStyle: 'integer', nullable: false });
    }
  const { table, schema } = await L.readTable(path, { metadata: meta });
  const { train, holdout } = table.split(new L.Rng(0), 0.3);
  const options = SETTINGS[name] ?? {};
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const model = await L.getSynthesizer(name).fit(train, schema, { seed: SEED, options });
  const t1 = performance.now();
  const sample = model.sample(train.nRows, { seed: SEED });
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  const dir = join(here, 'out', 'learned-tables');
  mkdirSync(dir, { recursive: true });
  const files = {
    real: join(dir, `${data}-train.csv`),
    hold: join(dir, `${data}-holdout.csv`),
    synth: join(dir, `${data}-${name}.csv`),
  };
  await L.writeTable(train, files.real);
  await L.writeTable(holdout, files.hold);
  await L.writeTable(sample, files.synth);
  const out = {
    data,
    synth: name,
    options,
    rows: train.nRows,
    fit_s: +((t1 - t0) / 1000).toFixed(2),
    sample_s: +((t2 - t1) / 1000).toFixed(2),
    cpu_s: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    peak_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    load: +os.loadavg()[0].toFixed(1),
  };
  const j = spawnSync(
    '/usr/bin/python3',
    [
      join(SHARED, 'tools/judge.py'),
      files.real,
      files.synth,
      '--holdout',
      files.hold,
      '--target',
      TARGET[data],
      '--json',
    ],
    { encoding: 'utf8' },
  );
  try {
    const r = JSON.parse(j.stdout);
    Object.assign(out, {
      quality: r.quality,
      w3_err: r.w3_err,
      tstr: r.tstr?.tstr,
      ratio: r.tstr?.ratio,
      dcr_share: r.dcr_share,
      exact_match: r.exact_match,
    });
  } catch {
    out.judge_error = (j.stderr || j.stdout).slice(0, 300);
  }
  return out;
}

const f = (x, d) => (typeof x === 'number' ? x.toFixed(d) : '—');
const HEADER = [
  '| data | synthesizer | settings | rows | fit (s, wall) | sample (s, wall) | CPU (s) | peak RSS (MB) | load avg | quality | w3_err | TSTR | ratio | dcr_share | exact |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
];
const row = (r) =>
  `| ${r.data} | ${r.synth} | ${
    Object.entries(r.options ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(' ') || 'defaults'
  } | ${r.rows} | ${r.fit_s} | ${r.sample_s} | ${r.cpu_s} | ${r.peak_mb} | ${r.load} | ${f(r.quality, 3)} | ${f(r.w3_err, 3)} | ${f(r.tstr, 3)} | ${f(r.ratio, 3)} | ${f(r.dcr_share, 3)} | ${f(r.exact_match, 4)} |`;

/** Rewrite the first table of the RESULTS file from the runs file (latest run per data and synthesizer). */
function writeTable() {
  const latest = new Map();
  if (existsSync(runsFile))
    for (const l of readFileSync(runsFile, 'utf8').split('\n').filter(Boolean)) {
      const r = JSON.parse(l);
      latest.set(`${r.data} ${r.synth}`, r);
    }
  const order = (r) => Object.keys(DATA).indexOf(r.data) * 10 + SYNTHS.indexOf(r.synth);
  const rows = [...latest.values()].sort((a, b) => order(a) - order(b)).map(row);
  const old = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').split('\n') : [];
  const first = old.findIndex((l) => l.startsWith('| data |'));
  let end = first;
  if (first >= 0) while (end < old.length && old[end].startsWith('|')) end++;
  const rest = first >= 0 ? old.slice(end) : ['', 'Notes (not measurements):', ''];
  const md = [
    '# The learned synthesizers on california_housing and credit_default',
    '',
    'Command: `nice -n 10 node bench/learned-tables.mjs [--data housing,credit] [--synth tvae,ctgan,argn,arf,ddpm]`,',
    'then `node bench/learned-tables.mjs --table`. Data: ../shared/datasets, split 70/30 by `table.split(new Rng(0),',
    "0.3)` (credit_default's `ID` an id column); default settings (tvae, ctgan: 50 epochs), seed 42, as many rows",
    'sampled as trained on, scored by `../shared/tools/judge.py` against the training rows with the holdout (targets',
    '`median_house_value`, `default.payment.next.month`). One process per row, run alone; wall seconds inside the',
    'process, CPU seconds of the process (fit + sample), its peak RSS, and the 1-minute load average at the end of the',
    'run on a shared 2-core machine (wall time stretches with the load; compare CPU seconds).',
    '',
    ...HEADER,
    ...rows,
    ...rest,
  ].join('\n');
  writeFileSync(resultsFile, md);
  return rows;
}

const o = benchArgs();
const list = (k, all) => (typeof o[k] === 'string' ? o[k].split(',') : all);
if (o.table) {
  console.log([...HEADER, ...writeTable()].join('\n'));
} else if (o.one) {
  if (!DATA[o.data] || !SYNTHS.includes(o.synth)) {
    console.error(
      `--data must be one of ${Object.keys(DATA).join(', ')}; --synth one of ${SYNTHS.join(', ')}`,
    );
    process.exit(2);
  }
  const r = await runOne(o.data, o.synth);
  mkdirSync(join(here, 'out'), { recursive: true });
  appendFileSync(runsFile, JSON.stringify(r) + '\n');
  console.log(JSON.stringify(r));
} else {
  console.log(HEADER.join('\n'));
  for (const data of list('data', Object.keys(DATA))) {
    if (!existsSync(DATA[data])) {
      console.log(`skipped ${data}: ${DATA[data]} not found`);
      continue;
    }
    for (const name of list('synth', SYNTHS)) {
      const p = spawnSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--one', '--data', data, '--synth', name],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const line = p.stdout.trim().split('\n').pop();
      if (p.status !== 0 || !line) {
        console.log(`| ${data} | ${name} | failed: exit ${p.status} ${p.signal ?? ''} |`);
        continue;
      }
      console.log(row(JSON.parse(line)));
    }
  }
  writeTable();
}
