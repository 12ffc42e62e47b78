// One configuration of bench/dp-real.mjs (issue 10): fit one synthesizer on one table, sample, score; prints one JSON
// line. This file never starts a Node process (only, with --judge, /usr/bin/python3 on tools/judge.py): the
// orchestrator bench/dp-real.mjs runs it once per configuration, one at a time.
//
//   node bench/dp-real-one.mjs --data housing --synth mst --eps 1 --bins adaptive [--judge]
//
// bins: adaptive — adaptive DP bins (option adaptiveBins = --share, default 0.1 of ρ); equal — equal-width bins
// (adaptiveBins = 0); quantile — 32 bins at the training data's exact quantiles declared as public metadata (NOT
// private: the reference the DP bins are measured against); default — no bin option (the synthesizer's default).
import './help.mjs';
import { benchArgs } from './args.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = resolve(here, '../../shared');
const DATA = {
  adult: join(SHARED, 'datasets/adult/adult_train.csv'),
  housing: join(SHARED, 'datasets/california_housing/housing.csv'),
  credit: join(SHARED, 'datasets/credit_default/credit_default.csv'),
  // not in ../shared: shipped by the vega-datasets package (3 000 000 rows × 5 columns); w3_err only, no --judge
  flights: join(here, '../node_modules/vega-datasets/data/flights-3m.parquet'),
};
const TARGET = { adult: 'income', housing: 'median_house_value', credit: 'default.payment.next.month' };
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));

/** Present values as numbers (numeric columns) or labels, per column. */
function columnValues(t, name) {
  const c = t.column(name);
  if (c.kind === 'numeric') return { num: c.values };
  if (c.kind === 'categorical') return { cat: Array.from(c.codes, (k) => (k < 0 ? null : c.categories[k])) };
  if (c.kind === 'boolean') return { cat: Array.from(c.values, (k) => (k < 0 ? null : String(k))) };
  return { cat: Array.from(c.values, (v) => (v === null ? null : String(v))) };
}

function quantileEdges(v, bins = 16) {
  const s = Float64Array.from(v)
    .filter((x) => !Number.isNaN(x))
    .sort();
  const edges = [];
  for (let i = 0; i <= bins; i++) {
    const pos = (i / bins) * (s.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(s.length - 1, lo + 1);
    edges.push(s[lo] + (s[hi] - s[lo]) * (pos - lo));
  }
  return [...new Set(edges)];
}

function binned(real, synth, names) {
  const R = [],
    S = [],
    K = [];
  for (const name of names) {
    const r = columnValues(real, name);
    const s = columnValues(synth, name);
    const distinct = r.num ? new Set(Array.from(r.num).filter((x) => !Number.isNaN(x))).size : 0;
    if (r.num && distinct > 10) {
      const edges = quantileEdges(r.num);
      const nb = Math.max(edges.length - 1, 1);
      const cut = (x) => {
        if (Number.isNaN(x)) return nb;
        let lo = 0,
          hi = edges.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (edges[mid] <= x) lo = mid + 1;
          else hi = mid;
        }
        return Math.min(Math.max(lo - 1, 0), nb - 1);
      };
      R.push(Int32Array.from(r.num, cut));
      S.push(Int32Array.from(s.num ?? [], cut));
      K.push(nb + 1);
    } else {
      const labels = new Map();
      const code = (v) => {
        const key = v === null || (typeof v === 'number' && Number.isNaN(v)) ? '\u0000nan' : String(v);
        if (!labels.has(key)) labels.set(key, labels.size);
        return labels.get(key);
      };
      const rv = r.num ? Array.from(r.num) : r.cat;
      const sv = s.num ? Array.from(s.num) : s.cat;
      R.push(Int32Array.from(rv, code));
      S.push(Int32Array.from(sv, code));
      K.push(labels.size);
    }
  }
  return { R, S, K };
}

function w3Err(real, synth) {
  const names = real.names.filter((n) => {
    const k = real.column(n).kind;
    return k !== 'id' && k !== 'text';
  });
  const { R, S, K } = binned(real, synth, names);
  const d = names.length;
  let sum = 0,
    count = 0;
  for (let a = 0; a < d; a++)
    for (let b = a + 1; b < d; b++)
      for (let c = b + 1; c < d; c++) {
        const cells = K[a] * K[b] * K[c];
        const pr = new Float64Array(cells);
        const ps = new Float64Array(cells);
        for (let i = 0; i < real.nRows; i++)
          pr[(R[a][i] * K[b] + R[b][i]) * K[c] + R[c][i]] += 1 / real.nRows;
        for (let i = 0; i < synth.nRows; i++)
          ps[(S[a][i] * K[b] + S[b][i]) * K[c] + S[c][i]] += 1 / synth.nRows;
        let tv = 0;
        for (let i = 0; i < cells; i++) tv += Math.abs(pr[i] - ps[i]);
        sum += tv / 2;
        count++;
      }
  return sum / count;
}

async function runOne(o) {
  const L = await import(pathToFileURL(join(DIST, 'index.js')));
  const path = DATA[o.data];
  const first = await L.readTable(path);
  const meta = L.schemaToMetadata(first.schema, true, first.table);
  // the ids of credit_default are a row number: declared an id column (not modelled)
  for (const c of meta.columns)
    if (c.name === 'ID') {
      for (const k of Object.keys(c)) if (k !== 'name') delete c[k];
      Object.assign(c, { kind: 'id', idStyle: 'integer', nullable: false });
    }
  const { table } = await L.readTable(path, { metadata: meta });
  const { train, holdout } = table.split(new L.Rng(0), 0.3);
  let metadata = meta;
  const options = {};
  if (o.bins === 'equal' || o.bins === 'quantile') options.adaptiveBins = 0;
  if (o.bins === 'adaptive') options.adaptiveBins = Number(o.share ?? 0.1);
  if (o.maxbins !== undefined) options.bins = Number(o.maxbins);
  if (o.bins === 'quantile') {
    metadata = structuredClone(meta);
    for (const c of metadata.columns) {
      const col = train.has(c.name) ? train.column(c.name) : null;
      if (col?.kind !== 'numeric' || !c.domain || c.domain.values) continue;
      const q = quantileEdges(col.values, 32);
      q[0] = c.domain.min;
      q[q.length - 1] = c.domain.max;
      const edges = [...new Set(q)].filter((x, i, a) => i === 0 || x > a[i - 1]);
      if (edges.length >= 2 && !(c.integer && c.domain.max - c.domain.min < 128)) c.domain.bins = edges;
    }
  }
  const schema = (await L.readTable(path, { metadata })).schema;
  const synth = L.getSynthesizer(o.synth === 'independent-dp' ? 'independent' : o.synth);
  const dp = o.synth !== 'gaussian-copula' && o.synth !== 'independent' && o.synth !== 'cart';
  const eps = dp ? Number(o.eps ?? 1) : null;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const model = await synth.fit(train, schema, {
    ...(dp ? { epsilon: eps, delta: 1e-9, options } : { seed: 0 }),
  });
  const t1 = performance.now();
  const c1 = process.cpuUsage(c0);
  // resident memory right after the fit (the peak below also holds the table read twice, the split and the sample)
  const rssAfterFit = Math.round(process.memoryUsage().rss / 2 ** 20);
  // a DP model's default row count is its noisy total (what `run` draws); otherwise the training rows
  const sample = model.sample(model.defaultRows ?? train.nRows, { seed: 0 });
  const t2 = performance.now();
  const out = {
    data: o.data,
    synth: o.synth,
    eps,
    bins: dp ? (o.bins ?? 'default') : '-',
    rows: train.nRows,
    fit_s: +((t1 - t0) / 1000).toFixed(2),
    fit_cpu_s: +((c1.user + c1.system) / 1e6).toFixed(2),
    sample_s: +((t2 - t1) / 1000).toFixed(2),
    load: +os.loadavg()[0].toFixed(1),
    peak_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    rss_after_fit_mb: rssAfterFit,
    // flights' 3-way marginals over its airports do not fit in a dense array: no w3_err there
    w3_err: o.data === 'flights' ? null : +w3Err(train, sample).toFixed(4),
    epsilon_spent: model.privacy.type === 'dp' ? model.privacy.epsilon : null,
  };
  if (o.judge) {
    const dir = join(here, 'out/dp-real');
    mkdirSync(dir, { recursive: true });
    const tag = `${o.data}-${o.synth}-${eps ?? 'inf'}-${out.bins}`;
    const files = {
      real: join(dir, `${o.data}-train.csv`),
      synth: join(dir, `${tag}.csv`),
      hold: join(dir, `${o.data}-holdout.csv`),
    };
    await L.writeTable(train, files.real);
    await L.writeTable(holdout, files.hold);
    await L.writeTable(sample, files.synth);
    const j = spawnSync(
      '/usr/bin/python3',
      [
        join(SHARED, 'tools/judge.py'),
        files.real,
        files.synth,
        '--holdout',
        files.hold,
        '--target',
        TARGET[o.data],
        '--json',
      ],
      { encoding: 'utf8' },
    );
    try {
      out.judge = JSON.parse(j.stdout);
    } catch {
      out.judge = { error: (j.stderr || j.stdout).slice(0, 300) };
    }
  }
  return out;
}

const o = benchArgs();
if (!DATA[o.data]) {
  console.error(`--data must be one of ${Object.keys(DATA).join(', ')}`);
  process.exit(2);
}
if (!existsSync(DATA[o.data])) console.log(JSON.stringify({ skipped: `${DATA[o.data]} not found` }));
else console.log(JSON.stringify(await runOne(o)));
