/**
 * The SDMetrics-compatible quality score and the 3-way marginal workload error.
 *
 * quality = (Column Shapes + Column Pair Trends) / 2, as SDMetrics' QualityReport (single table) computes it:
 * Column Shapes = mean over columns of KS complement (numeric, datetime) or TV complement (categorical, boolean);
 * Column Pair Trends = mean over all column pairs of correlation similarity (Pearson, both numeric) or contingency
 * similarity (any other pair; numerics cut into 10 equal-width bins of the real range). Missing values: dropped for
 * KS and correlations, a category of their own for TV and contingency — exactly /work/shared/tools/judge.py's
 * `quality`, which reimplements SDMetrics 0.29. One difference: column kinds come from the tables (a numeric
 * column is numeric even with ≤ 10 distinct values, as in SDMetrics' metadata), while judge.py reads a numeric
 * column with ≤ 10 distinct values as categorical.
 *
 * w3_err (Aydore et al. 2021; McKenna et al. 2022 "AIM"): mean over 3-way marginals of the TV distance between
 * the real and synthetic joint frequencies, numerics cut into 16 quantile bins of the real data, missing as its
 * own bin — judge.py's `workload3`. judge.py scores a random 400 of the triples when there are more; lookalike
 * scores all of them up to `maxTriples` (default 2000) and a seeded random subset beyond.
 * Runtime: O(n · (#columns + #pairs)) for quality; O(n · #triples) for w3_err.
 */
import type { Table } from '../../table/table.js';
import { Rng } from '../../random/rng.js';
import type { MetricResult } from '../types.js';
import type { AlignedColumn, Discrete } from './prepare.js';
import { alignTables, checkIntOptions, clamp01, discretize, discreteQuantile } from './prepare.js';
import { columnShapeOf } from './columns.js';
import { pearsonSimilarityOf, sdmetricsDiscrete } from './pairs.js';

export interface QualityResult {
  /** (columnShapes + columnPairTrends) / 2. */
  readonly quality: number;
  readonly columnShapes: number;
  readonly columnPairTrends: number;
  /** One KS / TV complement per column. */
  readonly shapes: readonly MetricResult[];
  /** One correlation / contingency similarity per pair. */
  readonly trends: readonly MetricResult[];
}

/** Quality over aligned columns (see the module comment). `discrete`: SDMetrics discretisation, if computed. */
export function qualityOf(cols: readonly AlignedColumn[], discrete?: readonly Discrete[]): QualityResult {
  const shapes = cols.map(columnShapeOf);
  const d = discrete ?? sdmetricsDiscrete(cols);
  const trends: MetricResult[] = [];
  for (let i = 0; i < cols.length; i++) {
    for (let j = i + 1; j < cols.length; j++) {
      const a = cols[i],
        b = cols[j];
      if (a.kind === 'numeric' && b.kind === 'numeric') trends.push(pearsonSimilarityOf(a, b));
      else trends.push(contingencyOnly(d[i], d[j]));
    }
  }
  const mean = (xs: readonly MetricResult[]) => xs.reduce((s, m) => s + m.score, 0) / xs.length;
  const columnShapes = shapes.length ? mean(shapes) : NaN;
  const columnPairTrends = trends.length ? mean(trends) : columnShapes;
  return { quality: (columnShapes + columnPairTrends) / 2, columnShapes, columnPairTrends, shapes, trends };
}

function contingencyOnly(a: Discrete, b: Discrete): MetricResult {
  // the cheap part of discretePairMetrics: one joint count per table and the TV distance
  const sb = b.size;
  const tr = new Float64Array(a.size * sb),
    ts = new Float64Array(a.size * sb);
  for (let i = 0; i < a.real.length; i++) tr[a.real[i] * sb + b.real[i]]++;
  for (let i = 0; i < a.synthetic.length; i++) ts[a.synthetic[i] * sb + b.synthetic[i]]++;
  const ir = a.real.length ? 1 / a.real.length : 0,
    is = a.synthetic.length ? 1 / a.synthetic.length : 0;
  let s = 0;
  for (let i = 0; i < tr.length; i++) s += Math.abs(tr[i] * ir - ts[i] * is);
  const sim = 1 - 0.5 * s;
  return {
    id: 'contingency_similarity',
    family: 'fidelity',
    name: 'Contingency similarity',
    columns: [a.name, b.name],
    value: sim,
    score: clamp01(sim),
  };
}

/**
 * SDMetrics-compatible quality score of `synthetic` against `real` (see the module comment). Throws a
 * LookalikeError when a compared column is missing from the synthetic table or has another kind there.
 */
export function qualityScore(
  real: Table,
  synthetic: Table,
  opts?: { columns?: readonly string[] },
): QualityResult {
  return qualityOf(alignTables(real, synthetic, opts?.columns));
}

export interface ThreeWayOptions {
  readonly columns?: readonly string[];
  /** Score every triple up to this many; beyond, a seeded random subset of this size. Default 2000. */
  readonly maxTriples?: number;
  readonly seed?: number;
}

/** TV distance of one k-way marginal of discrete columns (dense when the table is small, sort-merge otherwise). */
export function marginalTvd(
  cols: readonly Discrete[],
  scratch?: { real: Float64Array; synthetic: Float64Array },
): number {
  const nr = cols[0].real.length,
    ns = cols[0].synthetic.length;
  let cells = 1;
  for (const c of cols) cells *= c.size;
  const key = (which: 'real' | 'synthetic', n: number) => {
    const k = new Float64Array(n);
    for (const c of cols) {
      const v = c[which];
      for (let i = 0; i < n; i++) k[i] = k[i] * c.size + v[i];
    }
    return k;
  };
  if (nr === 0 || ns === 0) return nr === ns ? 0 : 1;
  if (cells <= Math.max(1 << 16, 4 * (nr + ns))) {
    let tr: Float64Array, ts: Float64Array;
    if (scratch && scratch.real.length >= cells) {
      tr = scratch.real;
      ts = scratch.synthetic;
      tr.fill(0, 0, cells);
      ts.fill(0, 0, cells);
    } else {
      tr = new Float64Array(cells);
      ts = new Float64Array(cells);
    }
    // fused key computation for the common 3-way case
    if (cols.length === 3) {
      const [a, b, c] = cols;
      const sb = b.size,
        sc = c.size;
      for (let i = 0; i < nr; i++) tr[(a.real[i] * sb + b.real[i]) * sc + c.real[i]]++;
      for (let i = 0; i < ns; i++) ts[(a.synthetic[i] * sb + b.synthetic[i]) * sc + c.synthetic[i]]++;
    } else {
      const kr = key('real', nr),
        ks = key('synthetic', ns);
      for (let i = 0; i < nr; i++) tr[kr[i]]++;
      for (let i = 0; i < ns; i++) ts[ks[i]]++;
    }
    let s = 0;
    for (let i = 0; i < cells; i++) s += Math.abs(tr[i] / nr - ts[i] / ns);
    return 0.5 * s;
  }
  const kr = key('real', nr).sort(),
    ks = key('synthetic', ns).sort();
  let i = 0,
    j = 0,
    s = 0;
  while (i < nr || j < ns) {
    const x = j >= ns || (i < nr && kr[i] <= ks[j]) ? kr[i] : ks[j];
    let ci = 0,
      cj = 0;
    while (i < nr && kr[i] === x) {
      i++;
      ci++;
    }
    while (j < ns && ks[j] === x) {
      j++;
      cj++;
    }
    s += Math.abs(ci / nr - cj / ns);
  }
  return 0.5 * s;
}

/** w3_err over aligned columns (see the module comment). `value` = mean TVD, `score` = 1 − value. */
export function threeWayOf(cols: readonly AlignedColumn[], opts?: ThreeWayOptions): MetricResult {
  const d = cols.map((c) => discretize(c, (n) => discreteQuantile(n, 16)));
  const k = d.length;
  const total = (k * (k - 1) * (k - 2)) / 6;
  const max = opts?.maxTriples ?? 2000;
  const base = {
    id: 'w3_err',
    family: 'fidelity' as const,
    name: 'Mean TV distance of 3-way marginals',
  };
  if (total === 0) return { ...base, value: NaN, score: NaN, note: 'fewer than 3 compared columns' };
  let triples: number[][] = [];
  let note: string | undefined;
  if (total <= max) {
    for (let a = 0; a < k; a++)
      for (let b = a + 1; b < k; b++) for (let c = b + 1; c < k; c++) triples.push([a, b, c]);
  } else {
    const rng = new Rng(opts?.seed ?? 0);
    const seen = new Set<number>();
    while (triples.length < max) {
      const t = [rng.int(k), rng.int(k), rng.int(k)].sort((x, y) => x - y);
      if (t[0] === t[1] || t[1] === t[2]) continue;
      const id = (t[0] * k + t[1]) * k + t[2];
      if (seen.has(id)) continue;
      seen.add(id);
      triples.push(t);
    }
    triples = triples.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
    note = `${max} of ${total} triples drawn at random (seed ${opts?.seed ?? 0})`;
  }
  let s = 0;
  let worst = 0;
  let worstCols: string[] = [];
  const nr = cols[0].real.length,
    ns = cols[0].synthetic.length;
  const size = Math.max(1 << 16, 4 * (nr + ns));
  const scratch = { real: new Float64Array(size), synthetic: new Float64Array(size) };
  for (const t of triples) {
    const v = marginalTvd([d[t[0]], d[t[1]], d[t[2]]], scratch);
    s += v;
    if (v > worst) {
      worst = v;
      worstCols = t.map((i) => d[i].name);
    }
  }
  const value = s / triples.length;
  return {
    ...base,
    value,
    score: clamp01(1 - value),
    ...(note ? { note } : {}),
    details: { triples: triples.length, of: total, worst, worstColumns: worstCols },
  };
}

/** w3_err of `synthetic` against `real`. */
export function threeWayMarginals(real: Table, synthetic: Table, opts?: ThreeWayOptions): MetricResult {
  checkIntOptions('threeWayMarginals', [
    ['maxTriples', opts?.maxTriples, 1],
    ['seed', opts?.seed, -(2 ** 53)],
  ]);
  return threeWayOf(alignTables(real, synthetic, opts?.columns), opts);
}
