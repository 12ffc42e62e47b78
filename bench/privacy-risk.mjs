// Benchmark of the privacy-risk suite (src/metrics/privacy) on UCI Adult, against the Anonymeter figures of
// ../shared/peers.md (train = adult_train.csv, control/holdout = adult_test.csv, synthetic = 32,561 rows).
//
//   npx tsc -p tsconfig.build.json --outDir bench/out/dist-privacy
//   LOOKALIKE_DIST=bench/out/dist-privacy node bench/privacy-risk.mjs [--synth gaussian-copula|independent|shuffle|copy]
//       [--seed 42] [--attacks 500] [--threads 2] [--shadow] [--scale] [--null]
//
// Prints one table per part: (1) Anonymeter's three evaluators alone with Anonymeter's default 500 attacks
// (singling out univariate, linkability on two halves of the columns, inference for each of the 15 columns),
// (2) the whole suite without shadow modelling (defaults: 1,000 attacks, inference for all 15 columns),
// (3) with --shadow, shadow modelling of 10 outlying targets with the `independent` synthesizer;
// (4) with --scale, exact nearest neighbours of 50,000 synthetic rows among the 48,842 real rows (train + test),
// on one thread and on the worker pool, checked equal;
// (5) with --null, the null check of singling out: train ∪ test split (seeds 1–3) into training, holdout and unseen
// rows whose columns are shuffled as the synthetic table, with the holdout 3× smaller, then 3× larger than training.
// Times are wall seconds in this process (and CPU seconds of the main thread, which is what a loaded machine
// inflates least); nearest-neighbour searches of the suite run on --threads worker threads (src/io/nn-workers.ts).
// The data is read from ../shared/datasets (never copied).
import './help.mjs';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const ADULT = resolve(here, '../../shared/datasets/adult');
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const NUMERIC = new Set(['age', 'fnlwgt', 'education-num', 'capital-gain', 'capital-loss', 'hours-per-week']);
const QI = new Set(['age', 'sex', 'race', 'marital-status', 'native-country']);

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? true : v;
};
const imp = (p) => import(pathToFileURL(join(DIST, p)).href);

const { Table } = await imp('table/table.js');
const { takeColumn } = await imp('table/column.js');
const { Rng } = await imp('random/rng.js');
const P = await imp('metrics/privacy/index.js');
await imp('synthesizers/builtin.js');
const { getSynthesizer } = await imp('synthesizers/registry.js');
const { createWorkerSearch } = await imp('io/nn-workers.js');
const pool = createWorkerSearch({ threads: Number(arg('threads', 2)) });
const cpu = () => process.cpuUsage().user / 1e6;

function readAdult(file) {
  const lines = readFileSync(join(ADULT, file), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const n = lines.length - 1;
  const cells = header.map(() => new Array(n));
  for (let i = 0; i < n; i++) {
    const f = lines[i + 1].split(',');
    for (let k = 0; k < header.length; k++) cells[k][i] = f[k] ?? '';
  }
  const cols = header.map((name, k) => {
    if (NUMERIC.has(name)) {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = cells[k][i] === '' ? NaN : Number(cells[k][i]);
      return { kind: 'numeric', name, values: v, integer: true };
    }
    const dict = new Map();
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = cells[k][i];
      if (s === '') codes[i] = -1;
      else {
        if (!dict.has(s)) dict.set(s, dict.size);
        codes[i] = dict.get(s);
      }
    }
    return { kind: 'categorical', name, codes, categories: [...dict.keys()] };
  });
  return new Table(cols, n);
}

const train = readAdult('adult_train.csv');
const test = readAdult('adult_test.csv');
const schema = {
  version: 1,
  columns: train.columns.map((c) => ({
    name: c.name,
    kind: c.kind,
    role:
      c.name === 'income'
        ? 'target'
        : QI.has(c.name)
          ? 'quasi-identifier'
          : c.name === 'occupation'
            ? 'sensitive'
            : undefined,
  })),
};
const seed = Number(arg('seed', 42));
const nAnon = Number(arg('attacks', 500));
const synthName = arg('synth', 'gaussian-copula');

let t0 = performance.now();
let synthetic;
if (synthName === 'shuffle') {
  const rng = new Rng(seed);
  synthetic = new Table(
    train.columns.map((c) => takeColumn(c, rng.permutation(train.nRows))),
    train.nRows,
  );
} else if (synthName === 'copy') {
  synthetic = train.take(new Rng(seed).permutation(train.nRows));
} else {
  const model = await getSynthesizer(synthName).fit(train, schema, { seed });
  synthetic = model.sample(train.nRows, { seed });
}
const synthSeconds = (performance.now() - t0) / 1000;
console.log(
  `# privacy-risk bench: Adult ${train.nRows} train / ${test.nRows} holdout; synthetic: ${synthName} (${synthetic.nRows} rows, ${synthSeconds.toFixed(1)} s); seed ${seed}`,
);

const allCols = train.names;
const fmtRisk = (m) => `${m.value.toFixed(3)} [${m.ci[0].toFixed(3)}, ${m.ci[1].toFixed(3)}]`;

// (1) Anonymeter's evaluators, Anonymeter's settings
{
  const half = Math.floor(allCols.length / 2);
  const link = [allCols.slice(0, half), allCols.slice(half)];
  const rows = [];
  const run = async (label, attacks, extra) => {
    const t = performance.now();
    const c = cpu();
    const r = await P.evaluatePrivacy(train, synthetic, test, {
      schema,
      seed,
      attacks,
      nAttacks: nAnon,
      ...extra,
    });
    rows.push([label, (performance.now() - t) / 1000, r, cpu() - c]);
  };
  await run('singling out (uni + multivariate)', ['singling-out']);
  await run('linkability (2 halves)', ['linkability'], { linkabilityColumns: link });
  await run('inference, all 15 columns', ['inference'], { secrets: allCols });
  console.log(`\n## Anonymeter-equivalent evaluators, ${nAnon} attacks\n`);
  console.log('| evaluator | wall s | CPU s | risk [95% CI] | success main / control / baseline |');
  console.log('|---|---|---|---|---|');
  for (const [label, s, r, c] of rows) {
    for (const m of r.metrics) {
      const d = m.details;
      const rates = `${d.mainRate.value.toFixed(3)} / ${d.controlRate.value.toFixed(3)} / ${d.baselineRate.value.toFixed(3)}`;
      const what = `${label}: ${m.id}${m.columns ? ` ${m.columns.join(',')}` : ''}`;
      const own = d.seconds === undefined ? '' : ` (this mode alone: ${d.seconds.toFixed(2)} s wall)`;
      console.log(`| ${what} | ${s.toFixed(2)}${own} | ${c.toFixed(2)} | ${fmtRisk(m)} | ${rates} |`);
    }
  }
  const detail = rows.map(([l, s, r]) => `${l} ${s.toFixed(2)} s (${JSON.stringify(r.timings)})`).join('; ');
  console.log(`\ntiming detail: ${detail}`);
}

// (2) the whole suite without shadow modelling
{
  const mem0 = process.memoryUsage().rss;
  t0 = performance.now();
  const c0 = cpu();
  const r = await P.evaluatePrivacy(train, synthetic, test, {
    schema,
    seed,
    secrets: allCols,
    search: pool.search,
  });
  const total = (performance.now() - t0) / 1000;
  const cpuMain = cpu() - c0;
  console.log(
    `\n## Whole suite (defaults, inference for all 15 columns, ${pool.threads} NN threads): ${total.toFixed(1)} s wall, ${cpuMain.toFixed(1)} s main-thread CPU, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB (before ${(mem0 / 2 ** 20).toFixed(0)} MB)\n`,
  );
  console.log(
    `timings: ${Object.entries(r.timings)
      .map(([k, v]) => `${k} ${v.toFixed(2)} s`)
      .join(', ')}`,
  );
  console.log(
    `aggregate privacy protection: ${r.aggregate.toFixed(3)}; empirical ε lower bound: ${r.empiricalEpsilonLower}`,
  );
  console.log('\n| metric | columns | value | 95% CI | baseline |');
  console.log('|---|---|---|---|---|');
  for (const m of r.metrics) {
    console.log(
      `| ${m.id} | ${m.columns ? m.columns.join(',') : ''} | ${m.value.toFixed(4)} | ${m.ci ? `${m.ci[0].toFixed(4)}–${m.ci[1].toFixed(4)}` : ''} | ${m.baseline === undefined ? '' : m.baseline.toFixed(4)} |`,
    );
  }
  if (r.warnings.length) console.log(`\nwarnings: ${r.warnings.join('; ')}`);
}

// (3) shadow modelling
if (arg('shadow', false)) {
  t0 = performance.now();
  const r = await P.evaluatePrivacy(train, synthetic, test, {
    schema,
    seed,
    attacks: ['shadow'],
    synthesizer: getSynthesizer(String(arg('shadow-synth', 'independent'))),
    shadowTargets: 10,
    shadowRuns: 8,
  });
  const m = r.metrics[0];
  console.log(
    `\n## Shadow modelling, 10 targets × 8 runs per side (${arg('shadow-synth', 'independent')}): ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  console.log(
    `AUC ${m.value.toFixed(3)} [${m.ci[0].toFixed(3)}, ${m.ci[1].toFixed(3)}], ${JSON.stringify(m.details)}`,
  );
}
// (4) nearest-neighbour scale
if (arg('scale', false)) {
  const real = train.concat(test);
  const model = await getSynthesizer('gaussian-copula').fit(train, schema, { seed });
  const syn = model.sample(50_000, { seed: seed + 1 });
  const u = P.usableColumns(real, schema);
  const space = P.makeSpace(real, u.num, u.cat);
  const q = P.encode(space, syn);
  const c = P.encode(space, real);
  let t = performance.now();
  const one = P.nearestTwo(q, c);
  const tOne = (performance.now() - t) / 1000;
  t = performance.now();
  const pool2 = createWorkerSearch({ threads: 2 });
  const par = await pool2.search(q, c);
  await pool2.close();
  const tPar = (performance.now() - t) / 1000;
  let same = true;
  for (let i = 0; i < q.n; i++) if (one.d1[i] !== par.d1[i] || one.d2[i] !== par.d2[i]) same = false;
  const pairs = q.n * c.n;
  console.log(
    `\n## Exact nearest neighbours, ${q.n} x ${c.n} (${(pairs / 1e9).toFixed(2)} G pairs, ${u.num.length + u.cat.length} columns)`,
  );
  console.log(
    `1 thread: ${tOne.toFixed(1)} s (${((tOne / pairs) * 1e9).toFixed(2)} ns/pair); 2 worker threads: ${tPar.toFixed(1)} s; identical: ${same}`,
  );
}
// (5) null check
if (arg('null', false)) {
  const all = train.concat(test);
  console.log('\n## Null check (synthetic = column-shuffled unseen rows)\n');
  console.log(
    '| seed | training / holdout rows | dcr_share [95% CI] (baseline) | singling out uni | singling out multi |',
  );
  console.log('|---|---|---|---|---|');
  for (const [nTrain, nHold] of [
    [24000, 8000],
    [8000, 24000],
  ]) {
    for (const s of [1, 2, 3]) {
      const rng = new Rng(s);
      const p = rng.permutation(all.nRows);
      const tr = all.take(p.subarray(0, nTrain));
      const ho = all.take(p.subarray(nTrain, nTrain + nHold));
      const fresh = all.take(p.subarray(nTrain + nHold));
      const syn = new Table(
        fresh.columns.map((c) => takeColumn(c, rng.permutation(fresh.nRows))),
        fresh.nRows,
      );
      const r = await P.evaluatePrivacy(tr, syn, ho, {
        schema,
        seed: s,
        attacks: ['singling-out', 'distance'],
        search: pool.search,
      });
      const m = (id) => r.metrics.find((x) => x.id === id);
      const dcr = m('dcr_share');
      console.log(
        `| ${s} | ${nTrain} / ${nHold} | ${dcr.value.toFixed(4)} [${dcr.ci[0].toFixed(4)}, ${dcr.ci[1].toFixed(4)}] (${dcr.baseline.toFixed(4)}) | ${fmtRisk(m('singling_out_univariate'))} | ${fmtRisk(m('singling_out_multivariate'))} |`,
      );
    }
  }
}
await pool.close();
