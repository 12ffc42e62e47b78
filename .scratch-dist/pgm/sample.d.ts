import type { Rng } from '../random/rng.js';
import type { GraphicalModel } from './model.js';
export type SampleMethod = 'iid' | 'systematic';
/**
 * Draw `n` records from a graphical model, as one Int32Array of codes per attribute (attribute a's codes in
 * 0..sizes[a]-1). Forward sampling along the junction tree (cliques in BFS order): the root clique's cells are
 * drawn from its belief, then each clique's new attributes from its belief conditioned on the separator values
 * already drawn — exact, because a calibrated junction tree factorises p as Π μ_C / Π μ_S.
 *
 * - `iid`: every record independently (a cumulative table per separator value, binary search per record).
 * - `systematic` (default): the records sharing a separator value are given their conditional distribution by
 *   systematic sampling (one uniform offset, then evenly spaced quantiles) and shuffled — every record still has
 *   exactly the model's distribution, but the counts of each group stay within 1 of their expectation, which
 *   removes most sampling noise from the released table's marginals (private-pgm's `synthetic_data` rounds counts
 *   for the same reason).
 *
 * Runtime O(Σ cells + n × cliques) for systematic, O(Σ cells + n × Σ log cells) for iid; randomness only from `rng`.
 */
export declare function sampleCodes(model: GraphicalModel, n: number, rng: Rng, method?: SampleMethod, evidence?: Evidence): Int32Array[];
/**
 * Evidence for conditional sampling: per attribute null (free) or one weight per code — 0 excludes a code, 1
 * keeps it, a value in between keeps it with that weight (used when a model code stands for several values of
 * which only some are allowed).
 */
export type Evidence = readonly (Float64Array | null)[];
/**
 * Calibrated beliefs of the model given evidence (Koller & Friedman 2009, §10.3: evidence enters as indicator
 * factors multiplied into one clique holding each attribute, then one calibration): every clique belief is then
 * proportional to the joint of its attributes and the evidence, so forward sampling from them draws from
 * p(x | evidence) exactly. Returns null when the model gives the evidence probability 0. Cost: one calibration,
 * O(Σ cells × (1 + degree)). Post-processing: it reads the model only.
 */
export declare function conditionalBeliefs(model: GraphicalModel, evidence: Evidence): Float64Array[] | null;
/** Forward sampling from calibrated beliefs (the model's own, or `conditionalBeliefs`). */
export declare function sampleFromBeliefs(model: GraphicalModel, B: readonly Float64Array[], n: number, rng: Rng, method?: SampleMethod): Int32Array[];
