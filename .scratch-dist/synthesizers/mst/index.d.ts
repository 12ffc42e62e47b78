import type { Synthesizer } from '../types.js';
/**
 * `mst` — McKenna, Miklau & Sheldon 2021, "Winning the NIST Contest: A scalable and general approach to
 * differentially private synthetic data" (J. Privacy and Confidentiality 11(3)); the algorithm of private-pgm's
 * `mechanisms/mst.py`.
 *
 * 1. ρ/3: every 1-way marginal, discrete Gaussian noise (each σ² = 3d/(2ρ)). Cells whose noisy count is below 3σ
 *    are merged into one (domain compression; the merged cell's measurement has σ√k).
 * 2. ρ/3: a maximum spanning tree over the attributes, built by d−1 exponential-mechanism picks (each ε with
 *    ε²/8 = ρ/(3(d−1))) among the pairs joining two components, scored by ‖x_ab − x̂_ab‖₁ where x̂ is the
 *    independent model estimated from step 1 (score sensitivity 1).
 * 3. ρ/3: the d−1 chosen 2-way marginals, discrete Gaussian noise.
 * 4. Private-PGM estimation from all measurements (post-processing), then sampling along the tree.
 *
 * Guarantee: ρ-zCDP with ρ the largest that the ledger converts to the requested (ε, δ) (tight conversion), so
 * (ε, δ)-DP under add/remove-one-row neighbours; every step is in the model's ledger. Sensitivity: each marginal
 * count vector has L2 sensitivity 1. Domains must be public or DP-released (DESIGN.md rule 5).
 * Runtime: O(n·d²) counting for the 2-way scores, O(iters × Σ tree cells) estimation; seconds on Adult.
 * Options: `iters` (mirror-descent iterations, default 2000), `bins` (default 32), `maxExactIntegers` (128),
 * `compress` (default true). δ defaults to privacy/'s DEFAULT_DELTA (1e-9).
 */
export declare const mst: Synthesizer;
