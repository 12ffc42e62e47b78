import type { Synthesizer } from '../types.js';
/**
 * `aim` — McKenna, Mullins, Sheldon & Miklau 2022, "AIM: An Adaptive and Iterative Mechanism for Differentially
 * Private Synthetic Data" (PVLDB 15(11)); the algorithm of private-pgm's `mechanisms/aim.py`.
 *
 * Workload W (default: all 3-way marginals); candidates = every subset of a workload clique, weighted by
 * w(c) = Σ_{s∈W} |c ∩ s|. With T = 16·d rounds planned: σ = √(T / (2·0.9ρ)), ε = √(8·0.1ρ / T).
 * 1. Every 1-way marginal with discrete Gaussian noise σ.
 * 2. Each round: pick the candidate c maximising w(c)·(‖x_c − x̂_c‖₁ − √(2/π)·σ·|c|) with the exponential mechanism
 *    (ε, sensitivity max w), among candidates that keep the model's junction tree under
 *    maxModelSize × (ρ used / ρ) MB (or already lie in a model clique); measure it with noise σ; re-estimate with
 *    Private-PGM (warm start). When the estimate of c moved by less than √(2/π)·σ·|c| the budget is annealed:
 *    σ /= 2, ε ×= 2. When the budget left cannot pay two more rounds, the last round spends all of it.
 * 3. A final longer estimation; sampling along the junction tree.
 *
 * Guarantee: ρ-zCDP (selections (ε²/8 each) + measurements (1/(2σ²) each)), ρ the largest that converts to the
 * requested (ε, δ); every step is in the ledger, which refuses any overspend. Sensitivity: each marginal has L2
 * sensitivity 1; a selection score changes by at most w(c) when one row is added or removed.
 * Domains must be public or DP-released (DESIGN.md rule 5).
 * Runtime: rounds × (estimation iters × junction-tree cells + candidate marginals); memory ≈ model size.
 * Options: `workload` (2 or 3 for all 2-/3-way marginals, or a list of column-name lists; default 3),
 * `maxModelSize` (MB, default 80), `rounds` (default 16·d), `iters` (estimation iterations per round, default
 * 500), `finalIters` (default 1000), `bins`, `maxExactIntegers`. δ defaults to privacy/'s DEFAULT_DELTA (1e-9).
 */
export declare const aim: Synthesizer;
