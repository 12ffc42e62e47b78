/**
 * Distance-based privacy checks of a synthetic table against the real training rows, each compared with the
 * same check against a holdout of real rows the synthesizer never saw (the baseline).
 *
 * - DCR share: share of synthetic rows whose nearest real row is a training row rather than a holdout row
 *   (ties count one half). Baseline nT/(nT + nH): a synthesizer that never saw either set has no reason to land
 *   nearer one, so each real row is equally likely to be the nearest (0.5 for equal sizes). Risk =
 *   (share − baseline)/(1 − baseline), clipped at 0.
 * - NNDR: mean ratio d1/d2 of each synthetic row's nearest to second-nearest training distance (0 when the row
 *   sits on one training record, near 1 when it sits between several); baseline: the same against the holdout
 *   (not size-adjusted; descriptive only).
 * - Exact-match rate: share of synthetic rows equal to a training row on every feature. Baseline: the holdout
 *   rate r scaled to the training size, 1 − (1 − r)^(nT/nH) (independent rows).
 * - Near-duplicate rate: share of synthetic rows closer to a training row than τ, τ = the 5% quantile of the
 *   synthetic rows' holdout distances; baseline 5% scaled the same way.
 *
 * Distances: see neighbors.ts. Runtime O(m · n · p) worst case for m synthetic and n real rows, with pruning.
 */
import type { Encoded } from './space.js';
import { nearestTwo, type TopTwo } from './neighbors.js';
import { clopperPearson, wilsonRate } from './stats.js';
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
  const toTrain = await search(synthetic, train);
  const toHoldout = await search(synthetic, holdout);
  const m = synthetic.n;
  const nT = train.n,
    nH = holdout.n;
  let closer = 0,
    exactT = 0,
    exactH = 0,
    nndrT = 0,
    nndrH = 0;
  for (let i = 0; i < m; i++) {
    const a = toTrain.d1[i],
      b = toHoldout.d1[i];
    closer += a < b ? 1 : a === b ? 0.5 : 0;
    if (a === 0) exactT++;
    if (b === 0) exactH++;
    nndrT += ratio(toTrain.d1[i], toTrain.d2[i]);
    nndrH += ratio(toHoldout.d1[i], toHoldout.d2[i]);
  }
  const share = wilsonRate(m, closer);
  const shareValue = closer / m;
  const sortedH = Float64Array.from(toHoldout.d1).sort();
  const tau = quantile(sortedH, 0.05);
  let nearT = 0,
    nearH = 0;
  for (let i = 0; i < m; i++) {
    if (toTrain.d1[i] < tau) nearT++;
    if (toHoldout.d1[i] < tau) nearH++;
  }
  const sizes = `${m} synthetic rows; ${nT} training and ${nH} holdout rows`;
  // under the null (the synthesizer never favoured training rows), each real row is equally likely to be a synthetic
  // row's nearest, so P(closer to train) = nT/(nT + nH); a rate r against nH rows becomes 1 − (1 − r)^(nT/nH)
  // against nT rows (independent rows)
  const shareBase = nT / (nT + nH);
  const scaleRate = (r: number): number => 1 - Math.pow(1 - r, nT / nH);
  const base = { family: 'privacy' as const, note: note ? `${note}; ${sizes}` : sizes };
  const risk = (v: number, b: number): number => Math.max(0, (v - b) / (1 - b));
  const metrics: MetricResult[] = [
    {
      ...base,
      id: 'dcr_share',
      name: 'Share of synthetic rows closer to training than to holdout (DCR)',
      value: shareValue,
      score: 1 - risk(shareValue, shareBase),
      ci: [share.value - share.error, share.value + share.error],
      baseline: shareBase,
      details: {
        medianDcrTrain: quantile(Float64Array.from(toTrain.d1).sort(), 0.5),
        medianDcrHoldout: quantile(sortedH, 0.5),
      },
    },
    {
      ...base,
      id: 'nndr',
      name: 'Mean nearest-neighbour distance ratio to training rows',
      value: nndrT / m,
      score: Math.min(1, nndrH > 0 ? nndrT / nndrH : 1),
      baseline: nndrH / m,
    },
    {
      ...base,
      id: 'exact_match_rate',
      name: 'Share of synthetic rows equal to a training row',
      value: exactT / m,
      score: 1 - risk(exactT / m, scaleRate(exactH / m)),
      ci: clopperPearson(exactT, m),
      baseline: scaleRate(exactH / m),
      details: { exactMatchesTrain: exactT, exactMatchesHoldout: exactH, holdoutRate: exactH / m },
    },
    {
      ...base,
      id: 'near_duplicate_rate',
      name: 'Share of synthetic rows nearer a training row than the 5% quantile of holdout distances',
      value: nearT / m,
      score: 1 - risk(nearT / m, scaleRate(nearH / m)),
      ci: clopperPearson(nearT, m),
      baseline: scaleRate(nearH / m),
      details: { threshold: tau, holdoutRate: nearH / m },
    },
  ];
  return { metrics, toTrain, toHoldout };
}

function ratio(d1: number, d2: number): number {
  // two coincident neighbours, or a single candidate: the row is not pinned to one record
  if (d2 === 0 || !Number.isFinite(d2)) return 1;
  return d1 / d2;
}
