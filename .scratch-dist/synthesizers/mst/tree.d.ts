import type { Measurement } from '../../pgm/estimate.js';
import type { PrivacyLedger } from '../../privacy/ledger.js';
import type { SecureRng } from '../../random/secure.js';
import type { Compression, CountSource } from '../marginal/index.js';
/**
 * MST's selection step (McKenna, Miklau & Sheldon 2021, Algorithm 1 step 2): a maximum spanning tree over the d
 * attributes of `source`, built by d−1 exponential-mechanism picks (each at `epsilon`, score sensitivity 1, charged
 * to `ledger`) among the pairs that join two components. A pair (a, b) scores ‖x_ab − x̂_ab‖₁, x̂ the independent
 * model estimated from the noisy 1-way `oneWay` measurements (post-processing). Returns the chosen pairs in order.
 * Shared by `mst` and the federated site measurement (`synthesizers/federated`).
 */
export declare function selectSpanningTree(source: CountSource, oneWay: readonly Measurement[], epsilon: number, ledger: PrivacyLedger, rng: SecureRng, names: readonly string[]): Promise<[number, number][]>;
/**
 * MST's domain compression (post-processing of the noisy 1-way marginals `oneWay`, one per attribute in order):
 * the cells of attribute a whose noisy count is below 3σ are merged into one code (the last; one per class with `classes`), and a's measurement
 * becomes one over the merged domain (the merged cell's σ is σ√k for k cells). With `enabled` false, or when no
 * cell is below 3σ, the attribute is left as it is (null map). Returns the maps, the new domain sizes and the
 * 1-way measurements over them.
 */
export declare function compressDomains(oneWay: readonly Measurement[], enabled?: boolean, 
/**
 * Per attribute, a class per code (structural-zeros.ts `compressionClasses`): rare codes are merged within their
 * class only, so a merged code never mixes codes a structural zero treats differently. Null: one class.
 */
classes?: readonly (Int32Array | null)[]): {
    compression: Compression;
    sizes: number[];
    measurements: Measurement[];
};
