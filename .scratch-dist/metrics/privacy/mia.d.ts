/**
 * Membership inference from the synthetic table alone (no access to the synthesizer).
 *
 * Game: members are a random sample of training rows, non-members an equally large random sample of holdout
 * rows; the attacker scores each candidate, higher = "was in the training set".
 * - distance attack: score = −(distance from the candidate to its nearest synthetic row) (e.g. Chen et al.,
 *   GAN-Leaks, 2020).
 * - DOMIAS (van Breugel et al., AISTATS 2023): score = log p_syn(x) − log p_ref(x), the density ratio of the
 *   synthetic data to reference data from the same population (the holdout rows outside the non-member sample).
 *   Both densities are k-nearest-neighbour estimates (Loftsgaarden & Quesenberry 1965) with k = 1 in the encoded
 *   space: p(x) ∝ 1/(N · r₁(x)^D), so log p_syn − log p_ref = D·(log r₁,ref − log r₁,syn) + const. The ROC of the
 *   attack does not depend on D or the constant, so the score is log(r₁,ref + c) − log(r₁,syn + c), with
 *   c = 10⁻³/p keeping exact copies finite. A copy-happy synthesizer makes r₁,syn small at training rows beyond
 *   what the population explains. (The paper uses a kernel or flow density; kNN keeps the search exact and fast.)
 *
 * Runtime: nearest-neighbour searches of 2k candidates against the synthetic and the reference rows,
 * O(k · (m + r) · p) worst case, pruned (neighbors.ts).
 */
import type { Encoded } from './space.js';
import type { NeighborSearch } from './distance-metrics.js';
import { type AttackSummary } from './roc.js';
import type { Rng } from '../../random/rng.js';
import type { MetricResult } from '../types.js';
import type { Table } from '../../table/table.js';
export interface MiaSetup {
    readonly members: Encoded;
    readonly nonMembers: Encoded;
    /** Holdout rows outside the non-member sample (DOMIAS's reference data). */
    readonly reference: Encoded;
}
/** Draw members (train), non-members and reference (disjoint parts of holdout). */
export declare function miaSetup(train: Encoded, holdout: Encoded, rng: Rng, maxPerSide?: number): MiaSetup;
export interface MiaResult {
    readonly distance?: AttackSummary;
    readonly domias?: AttackSummary;
    readonly metrics: MetricResult[];
}
export declare function membershipInference(setup: MiaSetup, synthetic: Encoded, rng: Rng, opts: {
    attacks: readonly ('distance' | 'domias')[];
    delta?: number;
    claimedEpsilon?: number;
    search?: NeighborSearch;
}): Promise<MiaResult>;
/** A MetricResult for an attack: value = AUC (baseline 0.5), risk = 2·(AUC − 0.5) clipped, score = 1 − risk. */
export declare function miaMetric(id: string, name: string, s: AttackSummary, claimedEpsilon?: number, extra?: Record<string, unknown>): MetricResult;
/**
 * DOMIAS with a classifier-based density ratio (van Breugel et al. 2023, §4; Sugiyama et al. 2012): gradient-boosted
 * trees (src/learn) learn to tell synthetic rows (label 1) from reference rows (label 0); by Bayes' rule the
 * predicted odds are proportional to p_syn(x)/p_ref(x), so the log-odds rank candidates exactly like the density
 * ratio. Members: training rows; non-members and reference: disjoint parts of the holdout; at most 20,000 synthetic
 * rows. Runtime: one boosting fit on ≈ (synthetic + reference) rows, 100 trees of depth 6.
 */
export declare function classifierMia(train: Table, synthetic: Table, holdout: Table, features: readonly string[], rng: Rng, opts?: {
    maxPerSide?: number;
    delta?: number;
    claimedEpsilon?: number;
}): {
    summary: AttackSummary;
    metric: MetricResult;
};
