// argn's conditional sampling on Adult, several rare conditions × fit seeds × sampling variants (issue 13).
//
//   npm run build && nice -n 10 node bench/argn-conditional.mjs [--fit-seeds 1,2,3] [--models DIR] [--own] [--drift]
//        [--conditions 'education=5th-6th;native-country=Mexico;race=Amer-Indian-Eskimo;education=Doctorate']
//
// For each fit seed, argn is fitted with its default options on adult_train (or its model file DIR/argn-s<seed>.json
// is read, when --models names a folder holding one; a fit writes it there). For each condition, 10,000 conditional
// rows at three sample seeds per variant, scored by the mean 1-way TV of the other columns to the rows with the value
// in all of Adult (train + test; numerics in 16 quantile bins of adult_train, as in bench/constraints.mjs
// conditional-ref), next to that reference's bootstrap floor (a resample of it, of its size, against it; 200
// resamples). Variants (the options conditionalSweeps / conditionalOrder set on the fitted model; sampling only):
//   default                  1 sweep, a random order of the open columns per chunk of 1,024 rows
//   model order, no sweep    the condition-first draw in the model's order (the default before issue 13's fix)
//   model order, 1 sweep     conditionalOrder "model"
//   random orders, no sweep  conditionalSweeps 0
//   model order, 2 sweeps
// --own: also the unconditional sampler's own conditional (1,000,000 unconditional rows filtered on the value).
// --drift: the pseudo-Gibbs chain without a condition — an unconditional draw of 30,000 rows followed by k sweeps
// (k = 0, 1, 2, 4, 8), mean 1-way TV of all 15 columns to all of Adult.
// Time: 10,000 rows given the first condition against 10,000 unconditional rows, default variant, median of 5, CPU
// of the process and wall. Writes bench/RESULTS-argn-conditional.md (its tables are copied into
// RESULTS-constraints.md).
import './help.mjs';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { benchArgs } from './args.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const L = await import(pathToFileURL(join(DIST, 'index.js')).href);
const { decodeColumn } = await import(pathToFileURL(join(DIST, 'synthesizers/argn/encode.js')).href);
const DATA = resolve(here, '../../shared/datasets/adult');
const args = benchArgs();
const FIT_SEEDS = String(args['fit-seeds'] ?? '1,2,3')
  .split(',')
  .map(Number);
const MODELS = typeof args.models === 'string' ? args.models : null;
const CONDS = String(
  args.conditions ?? 'education=5th-6th;native-country=Mexico;race=Amer-Indian-Eskimo;education=Doctorate',
)
  .split(';')
  .map((s) => {
    const i = s.indexOf('=');
    return { column: s.slice(0, i), value: s.slice(i + 1) };
  });
const VARIANTS = [
  { label: 'default', params: { conditionalSweeps: 1, conditionalOrder: 'random' } },
  { label: 'model order, no sweep', params: { conditionalSweeps: 0, conditionalOrder: 'model' } },
  { label: 'model order, 1 sweep', params: { conditionalSweeps: 1, conditionalOrder: 'model' } },
  { label: 'random orders, no sweep', params: { conditionalSweeps: 0, conditionalOrder: 'random' } },
  { label: 'model order, 2 sweeps', params: { conditionalSweeps: 2, conditionalOrder: 'model' } },
];
const SAMPLE_SEEDS = [3, 4, 5];

const lines = [];
const out = (s = '') => {
  lines.push(s);
  console.log(s);
};
const load = () => os.loadavg()[0].toFixed(1);
const fmt = (x, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const cpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};

const { table, schema } = await L.readTable(join(DATA, 'adult_train.csv'));
const { table: test0 } = await L.readTable(join(DATA, 'adult_test.csv'), {
  metadata: L.schemaToMetadata(schema),
});
const test = test0.select(table.names);
const all = table.concat(test);

/** A column's cells: 16 quantile bins of adult_train for numerics (as constraints.mjs), else the value. */
const keys = new Map();
function keyOf(name) {
  if (keys.has(name)) return keys.get(name);
  const c = table.column(name);
  let key;
  if (c.kind === 'numeric') {
    const s = Array.from(c.values)
      .filter((x) => !Number.isNaN(x))
      .sort((x, y) => x - y);
    const edges = [
      ...new Set(
        Array.from(
          { length: 17 },
          (_, k) => s[Math.min(s.length - 1, Math.floor(((s.length - 1) * k) / 16))],
        ),
      ),
    ];
    key = (t, i) => {
      const v = t.column(name).values[i];
      if (Number.isNaN(v)) return -1;
      let k = 0;
      while (k < edges.length - 2 && v >= edges[k + 1]) k++;
      return k;
    };
  } else key = (t, i) => String(t.cell(name, i));
  keys.set(name, key);
  return key;
}
function dist(t, name) {
  const key = keyOf(name);
  const m = new Map();
  for (let i = 0; i < t.nRows; i++) {
    const k = key(t, i);
    m.set(k, (m.get(k) ?? 0) + 1 / t.nRows);
  }
  return m;
}
function tvd(p, q) {
  let s = 0;
  for (const k of new Set([...p.keys(), ...q.keys()])) s += Math.abs((p.get(k) ?? 0) - (q.get(k) ?? 0));
  return s / 2;
}
/** Mean 1-way TV of `t` to the reference distributions `refD` over `cols`, and the worst column. */
function score(t, cols, refD) {
  let m = 0;
  let worst = ['', -1];
  for (const n of cols) {
    const v = tvd(dist(t, n), refD[n]);
    m += v / cols.length;
    if (v > worst[1]) worst = [n, v];
  }
  return { m, worst };
}
const pick = (t, c, v) => {
  const idx = [];
  for (let i = 0; i < t.nRows; i++) if (t.cell(c, i) === v) idx.push(i);
  return t.take(Int32Array.from(idx));
};

// the references and their floors
const refs = CONDS.map(({ column, value }) => {
  const ref = pick(all, column, value);
  const others = table.names.filter((n) => n !== column);
  const refD = Object.fromEntries(others.map((n) => [n, dist(ref, n)]));
  const rng = new L.Rng(7);
  const boots = [];
  for (let b = 0; b < 200; b++)
    boots.push(
      score(ref.take(Int32Array.from({ length: ref.nRows }, () => rng.int(ref.nRows))), others, refD).m,
    );
  boots.sort((x, y) => x - y);
  const train = pick(table, column, value).nRows;
  return {
    column,
    value,
    ref,
    others,
    refD,
    train,
    floor: boots.reduce((a, b) => a + b) / 200,
    floor95: boots[190],
  };
});

out(
  '# argn: conditional sampling on Adult, rare conditions × fit seeds × sampling variants (bench/argn-conditional.mjs)',
);
out();
out(
  `Node ${process.version}, ${os.cpus().length} cores; load average ${load()} at the start (${new Date().toISOString().slice(0, 16)} UTC). argn with its default options on adult_train, fit seeds ${FIT_SEEDS.join(', ')}; 10,000 conditional rows per sample seed (${SAMPLE_SEEDS.join(', ')}); mean 1-way TV of the other 14 columns to the rows with the value in all of Adult (train + test), numerics in 16 quantile bins of adult_train. Floor: a bootstrap resample of the reference against it (mean of 200; 95 % ≤ the second figure).`,
);
out();
out('| condition | rows in train / all of Adult | floor (95 %) |');
out('|---|---|---|');
for (const r of refs)
  out(
    `| ${r.column} = ${r.value} | ${r.train} / ${r.ref.nRows} (${fmt((100 * r.ref.nRows) / all.nRows, 2)} %) | ${fmt(r.floor)} (${fmt(r.floor95)}) |`,
  );
out();

const results = new Map(); // `${variant}|${cond}` → [per fit seed mean]
const fitNotes = [];
let timing = null;
const drift = [];
for (const seed of FIT_SEEDS) {
  const file = MODELS ? join(MODELS, `argn-s${seed}.json`) : null;
  let base;
  if (file && existsSync(file)) {
    base = JSON.parse(readFileSync(file, 'utf8'));
    fitNotes.push(
      `seed ${seed}: model file ${file} (epochs ${base.params.training.epochs}, best ${base.params.training.bestEpoch})`,
    );
  } else {
    const t0 = performance.now();
    const c0 = cpu();
    const l0 = load();
    const m = await L.getSynthesizer('argn').fit(table, schema, { seed });
    base = JSON.parse(JSON.stringify(m.toJSON()));
    const tr = base.params.training;
    fitNotes.push(
      `seed ${seed}: fit ${fmt((performance.now() - t0) / 1000, 1)} s wall, ${fmt(cpu() - c0, 1)} s CPU, load ${l0} → ${load()} (epochs ${tr.epochs}, best ${tr.bestEpoch})`,
    );
    if (MODELS) {
      mkdirSync(MODELS, { recursive: true });
      writeFileSync(file, JSON.stringify(base));
    }
  }
  for (const v of VARIANTS) {
    const model = L.loadModel({ ...base, params: { ...base.params, ...v.params } });
    for (const r of refs) {
      const ms = SAMPLE_SEEDS.map(
        (s) =>
          score(model.sample(10000, { seed: s, conditions: { [r.column]: r.value } }), r.others, r.refD).m,
      );
      const key = `${v.label}|${r.column}=${r.value}`;
      if (!results.has(key)) results.set(key, []);
      results.get(key).push(ms.reduce((a, b) => a + b) / ms.length);
    }
  }
  if (args.own) {
    const model = L.loadModel(base);
    for (const r of refs) {
      let kept = null;
      for (let s = 0; s < 10; s++) {
        const p = pick(model.sample(100000, { seed: 1000 + s }), r.column, r.value);
        kept = kept ? kept.concat(p) : p;
      }
      const key = `the unconditional sampler's own conditional|${r.column}=${r.value}`;
      if (!results.has(key)) results.set(key, []);
      results.get(key).push(score(kept, r.others, r.refD).m);
    }
  }
  if (seed === FIT_SEEDS[0]) {
    // time: the default variant, the first condition, against unconditional rows
    const model = L.loadModel({ ...base, params: { ...base.params, ...VARIANTS[0].params } });
    const r = refs[0];
    const cond = { seed: 3, conditions: { [r.column]: r.value } };
    model.sample(10000, { seed: 9 });
    model.sample(10000, cond);
    const med = (f) => {
      const w = [];
      const c = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const c0 = cpu();
        f();
        w.push((performance.now() - t0) / 1000);
        c.push(cpu() - c0);
      }
      return { wall: w.sort((a, b) => a - b)[2], cpu: c.sort((a, b) => a - b)[2] };
    };
    const l0 = load();
    const u = med(() => model.sample(10000, { seed: 3 }));
    const t = med(() => model.sample(10000, cond));
    timing = { u, t, load: `${l0} → ${load()}`, cond: `${r.column} = ${r.value}`, seed };
  }
  if (args.drift) {
    const model = L.loadModel(base);
    const net = model.net;
    const cols = base.params.columns;
    const names = cols.map((c) => c.name);
    const order = base.params.order.map((nm) => names.indexOf(nm));
    const allD = Object.fromEntries(table.names.map((n) => [n, dist(all, n)]));
    const row = [];
    for (const k of [0, 1, 2, 4, 8]) {
      const rng = new L.Rng(7);
      model.sample(1, {});
      const ctx = { gemm: model.gemm, training: false, rng: rng.fork() };
      const tokens = net.sample(
        30000,
        order,
        cols.map(() => null),
        1,
        1,
        ctx,
        rng.fork(),
        1024,
        k,
      );
      const t = new L.Table(
        cols.map((c, j) => decodeColumn(c, tokens[j], rng.fork())),
        30000,
      );
      const s = score(t, table.names, allD);
      row.push(`${fmt(s.m)} (${s.worst[0]} ${fmt(s.worst[1])})`);
    }
    drift.push({ seed, row });
  }
}

out(`Fits: ${fitNotes.join('; ')}.`);
out();
out(
  `| variant | ${refs.map((r) => `${r.column} = ${r.value} (fit seeds ${FIT_SEEDS.join(' / ')})`).join(' | ')} | mean |`,
);
out(`|---|${refs.map(() => '---|').join('')}---|`);
const labels = [
  ...VARIANTS.map((v) => v.label),
  ...(args.own ? ["the unconditional sampler's own conditional"] : []),
];
for (const label of labels) {
  const cells = refs.map((r) => results.get(`${label}|${r.column}=${r.value}`));
  const mean = cells.flat().reduce((a, b) => a + b, 0) / cells.flat().length;
  out(`| ${label} | ${cells.map((c) => c.map((x) => fmt(x)).join(' / ')).join(' | ')} | ${fmt(mean)} |`);
}
out();
if (timing)
  out(
    `Time (fit seed ${timing.seed}, default variant, 10,000 rows, median of 5; load ${timing.load}): unconditional ${fmt(timing.u.cpu, 2)} s CPU (${fmt(timing.u.wall, 2)} s wall), given ${timing.cond} ${fmt(timing.t.cpu, 2)} s CPU (${fmt(timing.t.wall, 2)} s wall): ratio ${fmt(timing.t.cpu / timing.u.cpu, 2)} by CPU, ${fmt(timing.t.wall / timing.u.wall, 2)} by wall.`,
  );
out();
if (drift.length) {
  out(
    'Without a condition: 30,000 unconditional rows, then k sweeps; mean 1-way TV of the 15 columns to all of Adult (worst column).',
  );
  out();
  out('| fit seed | k = 0 | 1 | 2 | 4 | 8 |');
  out('|---|---|---|---|---|---|');
  for (const d of drift) out(`| ${d.seed} | ${d.row.join(' | ')} |`);
  out();
}
out(`Load average at the end: ${load()}.`);
writeFileSync(join(here, 'RESULTS-argn-conditional.md'), lines.join('\n') + '\n');
