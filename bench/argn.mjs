// Benchmark of the argn synthesizer (issues 11, 12, 13) on UCI Adult (../shared/datasets/adult, never copied).
//
//   npm run build
//   nice -n 10 node bench/argn.mjs                    # default settings: fit + sample 32,561 rows, judge.py scores
//   nice -n 10 node bench/argn.mjs --cond             # + conditional sampling of a ~1 %-prevalence value
//   nice -n 10 node bench/argn.mjs --eps 1 --eps 4    # DP runs (domains declared public, as bench/dp.mjs's B)
//   node bench/argn.mjs --one '{"epochs":10}' [--eps 1] [--dataset adult]   # one run (its own process), JSON line
//   node bench/argn.mjs --plan                         # DP-SGD noise multipliers for batch/epoch choices
//   --write                                            # write bench/RESULTS-argn.md
//
// Every run is its own process (peak RSS is per run). Scores: /usr/bin/python3 ../shared/tools/judge.py.
import './help.mjs';
import { benchArgs } from './args.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { publicDomains } from './adult-public.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(here, '../../shared');
const DATASETS = {
  adult: { train: 'datasets/adult/adult_train.csv', test: 'datasets/adult/adult_test.csv', target: 'income' },
};
const OUT = join(here, 'out');

/** TV distance of each 1-way marginal (categorical columns, numerics in 16 quantile bins of the reference). */
function marginalTv(lib, ref, syn) {
  const out = {};
  for (const name of ref.names) {
    const a = ref.column(name);
    const b = syn.column(name);
    const key = (col, i, edges) => {
      if (col.kind === 'categorical') return col.codes[i] < 0 ? '∅' : col.categories[col.codes[i]];
      if (col.kind === 'boolean') return String(col.values[i]);
      const x = col.values[i];
      if (x !== x) return '∅';
      let k = 0;
      while (k < edges.length && x > edges[k]) k++;
      return String(k);
    };
    let edges = [];
    if (a.kind === 'numeric') {
      const s = Float64Array.from(a.values)
        .filter((x) => x === x)
        .sort();
      const d = new Set(s);
      edges =
        d.size > 16 ? Array.from({ length: 15 }, (_, k) => s[Math.floor(((k + 1) * s.length) / 16)]) : [...d];
    }
    const dist = (col, n) => {
      const m = new Map();
      for (let i = 0; i < n; i++) {
        const k = key(col, i, edges);
        m.set(k, (m.get(k) ?? 0) + 1 / n);
      }
      return m;
    };
    const p = dist(a, ref.nRows);
    const q = dist(b, syn.nRows);
    let s = 0;
    for (const k of new Set([...p.keys(), ...q.keys()])) s += Math.abs((p.get(k) ?? 0) - (q.get(k) ?? 0));
    out[name] = s / 2;
  }
  void lib;
  return out;
}

async function one(o) {
  const lib = await import(join(here, '../dist/index.js'));
  const ds = DATASETS[o.dataset ?? 'adult'];
  const train = join(SHARED, ds.train);
  const options = o.one === true ? {} : JSON.parse(o.one);
  const eps = o.eps.length ? o.eps[0] : undefined;
  const read = await lib.readTable(train);
  const { table, schema } = eps !== undefined ? publicDomains(read.table, read.schema) : read;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let epochTimes = [];
  let last = t0;
  const model = o.model
    ? lib.loadModel(JSON.parse(readFileSync(o.model, 'utf8')))
    : await lib.getSynthesizer('argn').fit(table, schema, {
        seed: 42,
        ...(eps !== undefined ? { epsilon: eps, delta: 1e-9 } : {}),
        options,
        onProgress: (e) => {
          if (e.phase !== 'argn') return;
          const now = performance.now();
          epochTimes.push((now - last) / 1000);
          last = now;
          if (o.verbose) console.error(e.message);
        },
      });
  const t1 = performance.now();
  const syn = model.sample(table.nRows, { seed: 42 });
  const t2 = performance.now();
  const c1 = process.cpuUsage(c0);
  mkdirSync(OUT, { recursive: true });
  const tag = `argn-${eps ?? 'nodp'}-${process.pid}`;
  const file = join(OUT, `${tag}.csv`);
  await lib.writeTable(syn, file);
  if (o.save) writeFileSync(join(OUT, `argn-model-${eps ?? 'nodp'}.json`), JSON.stringify(model.toJSON()));
  const res = {
    eps: eps ?? null,
    options,
    fit: (t1 - t0) / 1000,
    sample: (t2 - t1) / 1000,
    epochs: model.params?.training?.epochs ?? epochTimes.length,
    bestEpoch: model.params?.training?.bestEpoch,
    epochTime: epochTimes.length
      ? epochTimes.slice(1).reduce((a, b) => a + b, 0) / Math.max(1, epochTimes.length - 1)
      : null,
    cpu: (c1.user + c1.system) / 1e6,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    load: os.loadavg()[0],
  };
  if (eps !== undefined) res.privacy = model.privacy;
  if (o.cond) {
    // conditional sampling of a rare value (~1 % of the rows): time vs unconditional, 1-way TV vs the real conditional
    const col = table.column(o.condColumn ?? 'native-country');
    const counts = new Map();
    for (let i = 0; i < table.nRows; i++) {
      const k = col.codes[i];
      if (k >= 0) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    let best = null;
    for (const [k, c] of counts)
      if (!best || Math.abs(c / table.nRows - 0.01) < Math.abs(best[1] / table.nRows - 0.01)) best = [k, c];
    const value = col.categories[best[0]];
    const m = 5000;
    const u0 = performance.now();
    model.sample(m, { seed: 7 });
    const u1 = performance.now();
    const cs = model.sample(m, { seed: 7, conditions: { [col.name]: value } });
    const u2 = performance.now();
    const rows = [];
    for (let i = 0; i < table.nRows; i++) if (col.codes[i] === best[0]) rows.push(i);
    const realCond = table.take(Int32Array.from(rows));
    const tv = marginalTv(lib, realCond, cs);
    delete tv[col.name];
    // the floor: TV between two halves of the real conditional rows (sampling noise at this size)
    const half = Math.floor(rows.length / 2);
    const tvNoise = marginalTv(
      lib,
      table.take(Int32Array.from(rows.slice(0, half))),
      table.take(Int32Array.from(rows.slice(half))),
    );
    delete tvNoise[col.name];
    const mean = (x) => Object.values(x).reduce((a, b) => a + b, 0) / Object.values(x).length;
    res.cond = {
      column: col.name,
      value,
      prevalence: best[1] / table.nRows,
      realRows: rows.length,
      rows: m,
      unconditional: (u1 - u0) / 1000,
      conditional: (u2 - u1) / 1000,
      tvMean: mean(tv),
      tvMax: Math.max(...Object.values(tv)),
      tvHalvesMean: mean(tvNoise),
    };
  }
  const j = spawnSync(
    '/usr/bin/python3',
    [
      join(SHARED, 'tools/judge.py'),
      train,
      file,
      '--holdout',
      join(SHARED, ds.test),
      '--target',
      ds.target,
      '--json',
    ],
    { encoding: 'utf8' },
  );
  try {
    res.judge = JSON.parse(j.stdout);
  } catch {
    res.judgeError = (j.stderr || j.stdout).slice(-500);
  }
  console.log(JSON.stringify(res));
}

function run(extra) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...extra], { encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    return { error: (r.stderr || r.stdout).slice(-800) };
  }
}

/** Noise multipliers the planner gives for DP-SGD configurations on Adult's 32,561 rows (no data read). */
async function plan() {
  const lib = await import(join(here, '../dist/index.js'));
  const d = 150000;
  console.log('| ε | expected batch | epochs | steps | noise multiplier z | z·√d / batch (d = 150,000) |');
  console.log('|---|---|---|---|---|---|');
  for (const eps of [1, 4])
    for (const [batch, epochs] of [
      [512, 20],
      [2048, 20],
      [4096, 30],
      [4096, 60],
    ]) {
      const ledger = new lib.PrivacyLedger({ epsilon: eps, delta: 1e-9 });
      const q = lib.dyadicRate(batch / 32561);
      const steps = Math.ceil(epochs / q);
      const z = lib.planNoiseMultiplier(ledger, { samplingRate: q, steps, coordinates: d });
      console.log(
        `| ${eps} | ${batch} | ${epochs} | ${steps} | ${z.toFixed(2)} | ${((z * Math.sqrt(d)) / batch).toFixed(2)} |`,
      );
    }
}

const o = benchArgs(['eps']);
o.eps = o.eps.map(Number);
if (o.plan) await plan();
else if (o.one) await one(o);
else {
  if (!existsSync(join(SHARED, DATASETS.adult.train))) {
    console.log('skipped: ../shared/datasets/adult is absent');
    process.exit(0);
  }
  const runs = [];
  runs.push(['default', run(['--one', '{}', ...(o.cond ? ['--cond'] : [])])]);
  for (const e of o.eps) runs.push([`ε = ${e}`, run(['--one', '{}', '--eps', String(e)])]);
  const rows = runs.map(([name, r]) => {
    const j = r.judge ?? {};
    return [
      name,
      r.fit?.toFixed(1),
      r.sample?.toFixed(1),
      r.epochs,
      r.epochTime?.toFixed(2),
      j.quality?.toFixed(3),
      j.w3_err?.toFixed(3),
      j.tstr_ratio?.toFixed(3),
      j.dcr_share?.toFixed(3),
      j.exact_match !== undefined ? `${(100 * j.exact_match).toFixed(2)} %` : undefined,
      r.maxRssMB,
      r.load?.toFixed(2),
    ];
  });
  const head = [
    'run',
    'fit s',
    'sample s',
    'epochs',
    's/epoch',
    'quality',
    'w3_err',
    'TSTR ratio',
    'dcr_share',
    'exact',
    'peak MB',
    'load',
  ];
  const table = [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  console.log(table);
  for (const [name, r] of runs) console.log(name, JSON.stringify(r));
  if (o.write) writeFileSync(join(here, 'RESULTS-argn.md'), `${table}\n`);
}
