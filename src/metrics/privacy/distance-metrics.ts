/**
 * Distance-based privacy checks of a synthetic table against the real training rows, each compared with the
 * same check against a holdout of real rows the synthesizer never saw (the baseline).
 *
 * - DCR share: share of synthetic rows whose nearest real row is a training row rather than a holdout row
 *   (ties count one half). Baseline nT/(nT + nH): a synthesizer that never saw either set has no reason to land
 *   nearer one, so each real row is equally likely to be the nearest (0.5 for equal sizes). Risk =
 *   (share − baseline)/(1 − baseline), clipped at 0.
 * The next three compare the synthetic rows with equally many training and holdout rows (a random part of the
 * training rows of the holdout's size), so the holdout value is the exact baseline under the null:
 * - NNDR: mean ratio d1/d2 of each synthetic row's nearest to second-nearest training distance (0 when the row
 *   sits on one training record, near 1 when it sits between several); descriptive, not scored as a risk.
 * - Exact-match rate: share of synthetic rows equal to a training row on every feature (the rate against all
 *   training rows is in `details`).
 * - Near-duplicate rate: share of synthetic rows closer to a training row than τ, τ = the 5% quantile of the
 *   synthetic rows' holdout distances (baseline 5%).
 *
 * Distances: see neighbors.ts. Runtime O(m · n · p) worst case for m synthetic and n real rows, with pruning.
 */
import type { Encoded } from './space.js';
import { nearestTwo, type TopTwo } from './neighbors.js';
import { takeRows } from './space.js';
import { clopperPearson } from './stats.js';
import type { MetricResult } from '../types.js';

export interface DistanceResults {
  readonly metrics: MetricResult[];
  /** Synthetic → (cut) training and → (cut) holdout neighbours, for reuse. */
  readonly toTrain: TopTwo;
  readonly toHoldout: TopTwo;
}

export type NeighborSearch = (queries: Encoded, candidates: Encoded) => Promise<TopTwo>;

export const localSearch: NeighborSearch = async (q, c) => nearestTwo(q, c);

function quantile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

/**
 * DCR share, NNDR, exact-match and near-duplicate rates of `synthetic` against all rows of `train` and `holdout`.
 */
export async function distanceMetrics(
  train: Encoded,
  holdout: Encoded,
  synthetic: Encoded,
  search: NeighborSearch = localSearch,
  note?: string,
): Promise<DistanceResults> {
  const nT = train.n,
    nH = holdout.n;
  // training rows = a part of holdout size (callers pass rows in random order) + the rest; the full-training
  // neighbours are the merge of the two searches, so the size-matched comparison costs nothing extra
  const nCut = Math.min(nT, nH);
  const cut =
    nCut === nT
      ? train
      : takeRows(
          train,
          Int32Array.from({ length: nCut }, (_, i) => i),
        );
  const toCut = await search(synthetic, cut);
  let toTrain: TopTwo = toCut;
  if (nCut < nT) {
    const rest = await search(
      synthetic,
      takeRows(
        train,
        Int32Array.from({ length: nT - nCut }, (_, i) => nCut + i),
      ),
    );
    toTrain = mergeTopTwo(toCut, rest, nCut);
  }
  const toHoldout = await search(synthetic, holdout);
  const m = synthetic.n;
  let closer = 0,
    exactT = 0,
    exactFull = 0,
    exactH = 0,
    nndrT = 0,
    nndrH = 0;
  for (let i = 0; i < m; i++) {
    const a = toTrain.d1[i],
      b = toHoldout.d1[i];
    closer += a < b ? 1 : a === b ? 0.5 : 0;
    if (a === 0) exactFull++;
    if (toCut.d1[i] === 0) exactT++;
    if (b === 0) exactH++;
    nndrT += ratio(toCut.d1[i], toCut.d2[i]);
    nndrH += ratio(toHoldout.d1[i], toHoldout.d2[i]);
  }
  const shareValue = closer / m;
  const share = shareInterval(toTrain, toHoldout, nT, shareValue);
  const sortedH = Float64Array.from(toHoldout.d1).sort();
  const tau = quantile(sortedH, 0.05);
  let nearT = 0,
    nearH = 0;
  for (let i = 0; i < m; i++) {
    if (toCut.d1[i] < tau) nearT++;
    if (toHoldout.d1[i] < tau) nearH++;
  }
  const sizes = `${m} synthetic rows; ${nT} training and ${nH} holdout rows`;
  const matched = `${m} synthetic rows; ${nCut} training rows (random) vs ${nCut > nH ? nH : nCut} holdout rows`;
  // under the null (the synthesizer never favoured training rows), each real row is equally likely to be a synthetic
  // row's nearest, so P(closer to train) = nT/(nT + nH)
  const shareBase = nT / (nT + nH);
  const base = { family: 'privacy' as const, note: note ? `${note}; ${sizes}` : sizes };
  const baseMatched = { family: 'privacy' as const, note: note ? `${note}; ${matched}` : matched };
  const risk = (v: number, b: number): number => Math.max(0, (v - b) / (1 - b));
  const metrics: MetricResult[] = [
    {
      ...base,
      id: 'dcr_share',
      name: 'Share of synthetic rows closer to training than to holdout (DCR)',
      value: shareValue,
      score: 1 - risk(shareValue, shareBase),
      ci: share.ci,
      baseline: shareBase,
      details: {
        se: share.se,
        medianDcrTrain: quantile(Float64Array.from(toTrain.d1).sort(), 0.5),
        medianDcrHoldout: quantile(sortedH, 0.5),
        histogram: dcrHistogram(toCut.d1, toHoldout.d1),
      },
    },
    {
      ...baseMatched,
      id: 'nndr',
      name: 'Mean nearest-neighbour distance ratio to training rows',
      value: nndrT / m,
      score: Math.min(1, nndrH > 0 ? nndrT / nndrH : 1),
      baseline: nndrH / m,
    },
    {
      ...baseMatched,
      id: 'exact_match_rate',
      name: 'Share of synthetic rows equal to a training row',
      value: exactT / m,
      score: 1 - risk(exactT / m, exactH / m),
      ci: clopperPearson(exactT, m),
      baseline: exactH / m,
      details: {
        syntheticRows: m,
        exactMatchesTrain: exactT,
        exactMatchesHoldout: exactH,
        exactMatchRateAllTraining: exactFull / m,
      },
    },
    {
      ...baseMatched,
      id: 'near_duplicate_rate',
      name: 'Share of synthetic rows nearer a training row than the 5% quantile of holdout distances',
      value: nearT / m,
      score: 1 - risk(nearT / m, nearH / m),
      ci: clopperPearson(nearT, m),
      baseline: nearH / m,
      details: { threshold: tau, syntheticRows: m, nearTrain: nearT, nearHoldout: nearH },
    },
  ];
  return { metrics, toTrain, toHoldout };
}

/**
 * 95% interval of the DCR share, cluster-robust: synthetic rows sharing their nearest real row are not independent
 * evidence (they all move together with which side of the split that real row fell on), so the variance is the
 * sandwich estimator over clusters of synthetic rows grouped by nearest real row (ties: their own cluster),
 * Σ_c (Σ_{i∈c} (x_i − x̄))² / m², never below the binomial variance x̄(1 − x̄)/m.
 */
function shareInterval(
  toTrain: TopTwo,
  toHoldout: TopTwo,
  nT: number,
  mean: number,
): { ci: [number, number]; se: number } {
  const m = toTrain.d1.length;
  const sums = new Map<number, number>();
  let ownId = -1;
  for (let i = 0; i < m; i++) {
    const a = toTrain.d1[i],
      b = toHoldout.d1[i];
    const x = (a < b ? 1 : a === b ? 0.5 : 0) - mean;
    const id = a < b ? toTrain.i1[i] : a > b ? nT + toHoldout.i1[i] : ownId--;
    sums.set(id, (sums.get(id) ?? 0) + x);
  }
  let v = 0;
  for (const t of sums.values()) v += t * t;
  v = Math.max(v / (m * m), (mean * (1 - mean)) / m);
  const se = Math.sqrt(v);
  const half = 1.959963984540054 * se;
  return { ci: [Math.max(0, mean - half), Math.min(1, mean + half)], se };
}

/** Top-two neighbours over the union of two candidate sets (the second's indices offset by `offset`). */
function mergeTopTwo(a: TopTwo, b: TopTwo, offset: number): TopTwo {
  const n = a.d1.length;
  const d1 = new Float64Array(n),
    d2 = new Float64Array(n),
    i1 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (b.d1[i] < a.d1[i]) {
      d1[i] = b.d1[i];
      i1[i] = b.i1[i] + offset;
      d2[i] = Math.min(b.d2[i], a.d1[i]);
    } else {
      d1[i] = a.d1[i];
      i1[i] = a.i1[i];
      d2[i] = Math.min(a.d2[i], b.d1[i]);
    }
  }
  return { d1, d2, i1 };
}

function ratio(d1: number, d2: number): number {
  // two coincident neighbours, or a single candidate: the row is not pinned to one record
  if (d2 === 0 || !Number.isFinite(d2)) return 1;
  return d1 / d2;
}

/**
 * Histograms (counts) of the distances of synthetic rows to their closest training row (among as many training
 * rows as there are holdout rows, so the two are comparable) and to their closest holdout row: 30 equal-width
 * bins from 0 to the 99th percentile of both, the last bin open-ended. Two curves on top of each other mean the
 * synthetic rows sit no closer to the people they learned from than to strangers.
 */
export function dcrHistogram(
  toTrain: ArrayLike<number>,
  toHoldout: ArrayLike<number>,
  bins = 30,
): { edges: number[]; train: number[]; holdout: number[] } {
  const all = Float64Array.from([...Array.from(toTrain), ...Array.from(toHoldout)]).sort();
  const top = all.length ? quantile(all, 0.99) : 0;
  const hi = top > 0 ? top : all.length ? all[all.length - 1] || 1 : 1;
  const edges = Array.from({ length: bins + 1 }, (_, k) => (hi * k) / bins);
  const count = (d: ArrayLike<number>): number[] => {
    const c = new Array<number>(bins).fill(0);
    for (let i = 0; i < d.length; i++) c[Math.min(bins - 1, Math.floor((d[i] / hi) * bins))]++;
    return c;
  };
  return { edges, train: count(toTrain), holdout: count(toHoldout) };
}
