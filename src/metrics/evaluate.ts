/**
 * `evaluate`: runs the fidelity and utility suites on a synthetic table against the real one and aggregates them
 * into scores in [0, 1] (docs/evaluation.md has every definition). Pure core code: no I/O, runs in a browser.
 */
import { projection, type Projection } from './projection.js';
import type { Table } from '../table/table.js';
import type { Schema } from '../table/schema.js';
import { targetColumn } from '../table/schema.js';
import type { ProgressFn } from '../progress.js';
import { LookalikeError, ProblemList } from '../errors.js';
import { Rng } from '../random/rng.js';
import type { MetricResult } from './types.js';
import type { AlignedColumn } from './fidelity/prepare.js';
import { alignTables, countCodes, discreteCategorical, fidelityKind } from './fidelity/prepare.js';
import { columnMetricsOf, missingShare, numericHistogram } from './fidelity/columns.js';
import { pairMetricsOf, sdmetricsDiscrete } from './fidelity/pairs.js';
import { qualityOf, threeWayOf } from './fidelity/quality.js';
import { alphaBetaOf, distanceContext, mmdOf, prdcOf } from './fidelity/distance.js';
import { detectionMetrics } from './fidelity/detection.js';
import { tailMetricsOf } from './fidelity/tails.js';
import { utilityMetrics } from './utility/tstr.js';
import type {
  ColumnHistogram,
  ColumnSummary,
  Evaluation,
  EvaluationAggregates,
  EvaluationInputs,
  PairDetail,
  Timing,
} from './evaluation.js';
import type { UtilityDetail } from './utility/types.js';

/** The metric suites `evaluate` can run (all by default). */
export type MetricSuite =
  | 'columns' // per-column metrics (KS/TV, Wasserstein, JS, missing rate, coverage, adherence)
  | 'pairs' // correlation, contingency, Cramér's V, mutual information
  | 'marginals' // 3-way marginals (w3_err)
  | 'distance' // MMD, precision/recall/density/coverage, α-precision/β-recall
  | 'detection' // detection AUC and pMSE
  | 'tails' // tail and rare-category preservation
  | 'utility'; // TSTR vs TRTR, importance agreement, subgroup gaps
export const METRIC_SUITES: readonly MetricSuite[] = [
  'columns',
  'pairs',
  'marginals',
  'distance',
  'detection',
  'tails',
  'utility',
];

export interface EvaluateOptions {
  /** The real table's schema: roles (target, sensitive, id) and kinds. */
  readonly schema: Schema;
  /** Real rows the synthesizer never saw, for utility. Without it, utility splits `holdoutFraction` of `real`. */
  readonly holdout?: Table;
  /** The column to predict for utility; default the schema's column whose role is `target`. */
  readonly target?: string;
  /** Seed of every subsample, split and model. Default 0. */
  readonly seed?: number;
  readonly onProgress?: ProgressFn;
  /** Suites to run (default all; the SDMetrics quality score always runs). */
  readonly metrics?: readonly MetricSuite[];
  /** Share of `real` held out for utility when no holdout is given. Default 0.2. */
  readonly holdoutFraction?: number;
  /** Rows per table for the distance metrics (default 1500) and the detection test (default 5000). */
  readonly distanceRows?: number;
  readonly detectionRows?: number;
  /**
   * Boosted trees of the utility models. Default 100 trees of depth 6 (learning rate 0.1, early stopping beyond
   * 10,000 training rows, as sklearn's HistGradientBoosting).
   */
  readonly utilityTrees?: number;
  readonly utilityDepth?: number;
}

const MAX_HISTOGRAM_CATEGORIES = 40;

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

function validate(real: Table, synthetic: Table, opts: EvaluateOptions): void {
  const p = new ProblemList();
  if (!opts || typeof opts !== 'object' || !opts.schema || !Array.isArray(opts.schema.columns)) {
    throw new LookalikeError('evaluate: options with a `schema` are required', [], 'usage');
  }
  if (real.nRows === 0) p.add('the real table has no rows');
  if (synthetic.nRows === 0) p.add('the synthetic table has no rows');
  if (opts.seed !== undefined && !Number.isSafeInteger(opts.seed))
    p.add(`seed must be an integer, got ${opts.seed}`);
  const hf = opts.holdoutFraction;
  if (hf !== undefined && !(hf > 0 && hf < 1)) p.add(`holdoutFraction must be in (0, 1), got ${hf}`);
  for (const m of opts.metrics ?? [])
    if (!METRIC_SUITES.includes(m)) p.add(`unknown metric suite "${m}" (known: ${METRIC_SUITES.join(', ')})`);
  for (const [k, v] of [
    ['distanceRows', opts.distanceRows],
    ['detectionRows', opts.detectionRows],
    ['utilityTrees', opts.utilityTrees],
    ['utilityDepth', opts.utilityDepth],
  ] as const) {
    if (v !== undefined && !(Number.isInteger(v) && v >= 1))
      p.add(`${k} must be a positive integer, got ${v}`);
  }
  for (const c of opts.schema.columns) {
    if (!real.has(c.name)) p.add(`schema column "${c.name}" is not in the real table`);
  }
  const target = opts.target ?? targetColumn(opts.schema);
  if (opts.target !== undefined && !real.has(opts.target))
    p.add(`the target "${opts.target}" is not a column of the real table`);
  if (target !== undefined && real.has(target) && fidelityKind(real.column(target).kind) === null) {
    p.add(
      `the target "${target}" is a ${real.column(target).kind} column; use a categorical, boolean or numeric one`,
    );
  }
  if (opts.holdout) {
    for (const n of real.names) {
      if (!opts.holdout.has(n)) p.add(`column "${n}" is missing from the holdout table`);
      else if (opts.holdout.column(n).kind !== real.column(n).kind) {
        p.add(
          `column "${n}" is ${opts.holdout.column(n).kind} in the holdout but ${real.column(n).kind} in the real table`,
        );
      }
    }
  }
  for (const n of real.names) {
    const r = real.column(n);
    if (fidelityKind(r.kind) === null) continue;
    if (!synthetic.has(n)) p.add(`column "${n}" is missing from the synthetic table`);
    else if (
      fidelityKind(synthetic.column(n).kind) !== fidelityKind(r.kind) ||
      (r.kind === 'boolean') !== (synthetic.column(n).kind === 'boolean')
    ) {
      p.add(
        `column "${n}" is ${r.kind} in the real table but ${synthetic.column(n).kind} in the synthetic table`,
      );
    }
  }
  p.throwIfAny('cannot evaluate the synthetic table:');
}

const mean = (xs: readonly number[]): number => {
  const v = xs.filter((x) => Number.isFinite(x));
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : NaN;
};
/** Mean score of the results with id `id`. */
const meanScore = (ms: readonly MetricResult[], id: string): number =>
  mean(ms.filter((m) => m.id === id).map((m) => m.score));
const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

function histogram(c: AlignedColumn): ColumnHistogram {
  if (c.kind === 'numeric') {
    const h = numericHistogram(c);
    const nr = c.real.length || 1,
      ns = c.synthetic.length || 1;
    const k = h.real.length - 1;
    return {
      name: c.name,
      kind: 'numeric',
      edges: Array.from(h.edges),
      real: Array.from(h.real.subarray(0, k), (x) => x / nr),
      synthetic: Array.from(h.synthetic.subarray(0, k), (x) => x / ns),
      missingReal: h.real[k] / nr,
      missingSynthetic: h.synthetic[k] / ns,
      ...(c.datetime ? { datetime: true } : {}),
    };
  }
  const d = discreteCategorical(c);
  const r = countCodes(d.real, d.size),
    s = countCodes(d.synthetic, d.size);
  const k = c.categories.length;
  const nr = c.real.length || 1,
    ns = c.synthetic.length || 1;
  const order = Array.from({ length: c.nRealCategories }, (_, i) => i)
    .filter((i) => r[i] > 0 || s[i] > 0)
    .sort((a, b) => r[b] - r[a] || s[b] - s[a] || a - b);
  const shown = order.slice(0, MAX_HISTOGRAM_CATEGORIES);
  let otherR = 0,
    otherS = 0;
  const shownSet = new Set(shown);
  for (let i = 0; i < k; i++) {
    if (shownSet.has(i)) continue;
    otherR += r[i];
    otherS += s[i];
  }
  const pooled = otherR > 0 || otherS > 0;
  let otherLabel = '(other)';
  while (c.categories.includes(otherLabel)) otherLabel = `(${otherLabel})`;
  return {
    name: c.name,
    kind: 'categorical',
    categories: [...shown.map((i) => c.categories[i]), ...(pooled ? [otherLabel] : [])],
    real: [...shown.map((i) => r[i] / nr), ...(pooled ? [otherR / nr] : [])],
    synthetic: [...shown.map((i) => s[i] / ns), ...(pooled ? [otherS / ns] : [])],
    missingReal: r[k] / nr,
    missingSynthetic: s[k] / ns,
    ...(pooled ? { otherLabel } : {}),
  };
}

function matrices(
  cols: readonly AlignedColumn[],
  pairs: readonly MetricResult[],
  trends: readonly MetricResult[],
): PairDetail {
  const numeric = cols.filter((c) => c.kind === 'numeric').map((c) => c.name);
  const all = cols.map((c) => c.name);
  const sq = (names: string[], id: string, which: 'real' | 'synthetic'): (number | null)[] => {
    const k = names.length;
    const idx = new Map(names.map((n, i) => [n, i]));
    const m: (number | null)[] = new Array(k * k).fill(null);
    for (let i = 0; i < k; i++) m[i * k + i] = 1;
    for (const r of pairs) {
      if (r.id !== id || !r.columns) continue;
      const a = idx.get(r.columns[0]),
        b = idx.get(r.columns[1]);
      const v = (r.details as Record<string, number> | undefined)?.[which];
      if (a === undefined || b === undefined || v === undefined) continue;
      m[a * k + b] = m[b * k + a] = Number.isFinite(v) ? v : null;
    }
    return m;
  };
  return {
    numericColumns: numeric,
    pearsonReal: sq(numeric, 'correlation_similarity', 'real'),
    pearsonSynthetic: sq(numeric, 'correlation_similarity', 'synthetic'),
    spearmanReal: sq(numeric, 'spearman_similarity', 'real'),
    spearmanSynthetic: sq(numeric, 'spearman_similarity', 'synthetic'),
    associationColumns: all,
    cramersVReal: sq(all, 'cramers_v_difference', 'real'),
    cramersVSynthetic: sq(all, 'cramers_v_difference', 'synthetic'),
    trends: trends.map((t) => ({
      columns: [t.columns![0], t.columns![1]] as const,
      metric: t.id as 'correlation_similarity' | 'contingency_similarity',
      score: t.score,
    })),
  };
}

/**
 * Evaluate `synthetic` against `real` (and a holdout): every suite in `opts.metrics` (default all), the SDMetrics
 * quality score, aggregates in [0, 1], per-column histograms and pairwise matrices for a report. Columns compared:
 * the real table's numeric, datetime, categorical and boolean columns except those whose schema role is `id`.
 * Throws a LookalikeError listing every problem with the inputs. Deterministic given `seed` (except `timings` and
 * `createdAt`). Runtime on Adult (32k × 15 vs 32k): see docs/evaluation.md.
 */
export async function evaluate(real: Table, synthetic: Table, opts: EvaluateOptions): Promise<Evaluation> {
  validate(real, synthetic, opts);
  const seed = opts.seed ?? 0;
  const suites = new Set(opts.metrics ?? METRIC_SUITES);
  const progress = opts.onProgress ?? (() => {});
  const timings: Timing[] = [];
  const warnings: string[] = [];
  const metrics: MetricResult[] = [];
  const steps = ['align', 'quality', ...METRIC_SUITES.filter((s) => suites.has(s)), 'projection'];
  let step = 0;
  const phase = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    progress({ phase: 'evaluate', done: step, total: steps.length, message: name });
    // let a caller's UI update between phases
    await new Promise<void>((r) => setTimeout(r, 0));
    const t = now();
    const out = await f();
    timings.push({ phase: name, seconds: (now() - t) / 1000 });
    step++;
    return out;
  };
  const t0 = now();
  const roles = new Map(opts.schema.columns.map((c) => [c.name, c.role]));
  const compared = real.names.filter(
    (n) => roles.get(n) !== 'id' && fidelityKind(real.column(n).kind) !== null,
  );
  const skipped = real.names.filter((n) => !compared.includes(n));
  if (skipped.length)
    warnings.push(`not compared (id or text columns): ${skipped.map((n) => `"${n}"`).join(', ')}`);

  const cols = await phase('align', () => alignTables(real, synthetic, compared));
  const discrete = sdmetricsDiscrete(cols);
  const q = await phase('quality', () => qualityOf(cols, discrete));
  metrics.push(
    { id: 'quality', family: 'fidelity', name: 'Quality (SDMetrics)', value: q.quality, score: q.quality },
    {
      id: 'column_shapes',
      family: 'fidelity',
      name: 'Column shapes',
      value: q.columnShapes,
      score: q.columnShapes,
    },
    {
      id: 'column_pair_trends',
      family: 'fidelity',
      name: 'Column pair trends',
      value: q.columnPairTrends,
      score: q.columnPairTrends,
    },
  );
  if (suites.has('columns')) metrics.push(...(await phase('columns', () => cols.flatMap(columnMetricsOf))));
  let pairResults: MetricResult[] = [];
  if (suites.has('pairs')) {
    pairResults = await phase('pairs', () => pairMetricsOf(cols, discrete));
    metrics.push(...pairResults);
  }
  let w3: MetricResult | null = null;
  if (suites.has('marginals')) {
    w3 = await phase('marginals', () => threeWayOf(cols, { seed }));
    metrics.push(w3);
  }
  if (suites.has('distance')) {
    metrics.push(
      ...(await phase('distance', () => {
        const ctx = distanceContext(cols, real.nRows, synthetic.nRows, {
          seed,
          maxRows: opts.distanceRows ?? 1500,
        });
        return [mmdOf(ctx), ...prdcOf(ctx, 5), ...alphaBetaOf(ctx)];
      })),
    );
  }
  if (suites.has('detection')) {
    metrics.push(
      ...(await phase('detection', () =>
        detectionMetrics(real, synthetic, { columns: compared, seed, maxRows: opts.detectionRows ?? 5000 }),
      )),
    );
  }
  if (suites.has('tails')) {
    metrics.push(
      ...(await phase('tails', () => cols.map(tailMetricsOf).filter((m): m is MetricResult => m !== null))),
    );
  }

  // utility
  const target = opts.target ?? targetColumn(opts.schema);
  const sensitive = opts.schema.columns.filter((c) => c.role === 'sensitive').map((c) => c.name);
  let utility: UtilityDetail | undefined;
  let holdoutInfo: EvaluationInputs['holdout'];
  if (suites.has('utility')) {
    if (target === undefined) {
      warnings.push(
        'no target column (give --target or a column with role "target"): utility metrics skipped',
      );
    } else {
      // A degenerate target (one class, too few rows with a label…) skips utility with a warning instead of
      // failing the whole evaluation; LookalikeError messages never hold cell values.
      const r = await phase('utility', () => {
        let train = real,
          holdout = opts.holdout;
        if (!holdout) {
          const nHold = Math.round(real.nRows * (opts.holdoutFraction ?? 0.2));
          if (nHold < 1 || nHold >= real.nRows) {
            warnings.push(
              `utility metrics skipped: ${real.nRows} real rows are too few to split off a holdout`,
            );
            return null;
          }
          const split = real.split(new Rng(seed), nHold);
          train = split.train;
          holdout = split.holdout;
          warnings.push(
            `no holdout given: TRTR trained on ${train.nRows} real rows and both models tested on ${holdout.nRows} ` +
              'other real rows (seeded split); the synthesizer may have seen those rows, so TSTR can be optimistic',
          );
        }
        holdoutInfo = {
          rows: holdout.nRows,
          columns: holdout.nColumns,
          source: opts.holdout ? 'given' : 'split',
        };
        try {
          return utilityMetrics(train, synthetic, {
            target,
            holdout,
            features: compared.filter((n) => n !== target),
            sensitive,
            seed,
            nTrees: opts.utilityTrees ?? 100,
            maxDepth: opts.utilityDepth ?? 6,
          });
        } catch (e) {
          if (!(e instanceof LookalikeError)) throw e;
          warnings.push(`utility metrics skipped: ${e.message.replace(/\n\s*-\s*/g, '; ')}`);
          return null;
        }
      });
      if (r) {
        metrics.push(...r.metrics);
        utility = r.detail;
      }
    }
  } else if (opts.holdout) {
    holdoutInfo = { rows: opts.holdout.nRows, columns: opts.holdout.nColumns, source: 'given' };
  }

  // aggregates
  const fam = (ids: string[]) => mean(ids.map((id) => meanScore(metrics, id)));
  const statisticalSimilarity = mean([
    q.columnShapes,
    meanScore(metrics, 'js_distance'),
    meanScore(metrics, 'wasserstein'),
    w3 ? w3.score : NaN,
    meanScore(metrics, 'mmd'),
    meanScore(metrics, 'detection_auc'),
  ]);
  const correlationPreservation = fam([
    'correlation_similarity',
    'spearman_similarity',
    'contingency_similarity',
    'cramers_v_difference',
    'mutual_information_difference',
  ]);
  const dataValidity = fam([
    'boundary_adherence',
    'category_adherence',
    'range_coverage',
    'category_coverage',
    'missing_similarity',
  ]);
  let classBalance = NaN;
  if (target !== undefined) {
    const tc = cols.find((c) => c.name === target);
    if (tc && tc.kind === 'categorical') classBalance = q.shapes[cols.indexOf(tc)].score;
  }
  const mlUtility = meanScore(metrics, 'utility_ratio');
  const parts = [
    q.quality,
    statisticalSimilarity,
    correlationPreservation,
    dataValidity,
    classBalance,
    mlUtility,
  ];
  const aggregates: EvaluationAggregates = {
    quality: q.quality,
    columnShapes: q.columnShapes,
    columnPairTrends: q.columnPairTrends,
    statisticalSimilarity: orNull(statisticalSimilarity),
    correlationPreservation: orNull(correlationPreservation),
    dataValidity: orNull(dataValidity),
    classBalance: orNull(classBalance),
    mlUtility: orNull(mlUtility),
    w3Error: w3 && Number.isFinite(w3.value) ? w3.value : null,
    overall: mean(parts),
  };

  const columnSummaries: ColumnSummary[] = real.names.map((n) => {
    const c = real.column(n);
    const a = cols.find((x) => x.name === n);
    const role = roles.get(n);
    return {
      name: n,
      kind: c.kind,
      ...(role ? { role } : {}),
      evaluatedAs: a ? a.kind : 'skipped',
      missingReal: a ? missingShare(a, false) : NaN,
      missingSynthetic: a ? missingShare(a, true) : NaN,
    };
  });
  let targetInfo: EvaluationInputs['target'];
  if (utility) targetInfo = { name: utility.target, task: utility.task };
  else if (target !== undefined) {
    const tc = cols.find((c) => c.name === target);
    if (tc) {
      const task = tc.kind === 'numeric' ? 'regression' : tc.categories.length <= 2 ? 'binary' : 'multiclass';
      targetInfo = { name: target, task };
    }
  }
  const inputs: EvaluationInputs = {
    real: { rows: real.nRows, columns: real.nColumns },
    synthetic: { rows: synthetic.nRows, columns: synthetic.nColumns },
    ...(holdoutInfo ? { holdout: holdoutInfo } : {}),
    columns: columnSummaries,
    ...(targetInfo ? { target: targetInfo } : {}),
    sensitive,
  };
  // a 2-D view for the report: binned shares only, small real cells blanked (metrics/projection.ts)
  let proj: Projection | undefined;
  try {
    proj = await phase('projection', () => projection(real, synthetic, { seed }));
  } catch (e) {
    warnings.push(`no 2-D projection: ${(e as Error).message}`);
  }
  const evaluation: Evaluation = {
    format: 'lookalike-evaluation',
    version: 1,
    createdAt: new Date().toISOString(),
    seed,
    inputs,
    aggregates,
    metrics,
    columns: cols.map(histogram),
    pairs: matrices(cols, pairResults, q.trends),
    ...(utility ? { utility } : {}),
    ...(proj ? { projection: proj } : {}),
    timings: [...timings, { phase: 'total', seconds: (now() - t0) / 1000 }],
    warnings,
  };
  progress({ phase: 'evaluate', done: steps.length, total: steps.length, message: 'done' });
  return evaluation;
}
