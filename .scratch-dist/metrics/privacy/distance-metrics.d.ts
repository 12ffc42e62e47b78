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
import { type TopTwo } from './neighbors.js';
import type { MetricResult } from '../types.js';
export interface DistanceResults {
    readonly metrics: MetricResult[];
    /** Synthetic → (cut) training and → (cut) holdout neighbours, for reuse. */
    readonly toTrain: TopTwo;
    readonly toHoldout: TopTwo;
}
export type NeighborSearch = (queries: Encoded, candidates: Encoded) => Promise<TopTwo>;
export declare const localSearch: NeighborSearch;
/**
 * DCR share, NNDR, exact-match and near-duplicate rates of `synthetic` against all rows of `train` and `holdout`.
 */
export declare function distanceMetrics(train: Encoded, holdout: Encoded, synthetic: Encoded, search?: NeighborSearch, note?: string): Promise<DistanceResults>;
/**
 * Histograms (counts) of the distances of synthetic rows to their closest training row (among as many training
 * rows as there are holdout rows, so the two are comparable) and to their closest holdout row: 30 equal-width
 * bins from 0 to the 99th percentile of both, the last bin open-ended. Two curves on top of each other mean the
 * synthetic rows sit no closer to the people they learned from than to strangers.
 */
export declare function dcrHistogram(toTrain: ArrayLike<number>, toHoldout: ArrayLike<number>, bins?: number): {
    edges: number[];
    train: number[];
    holdout: number[];
};
