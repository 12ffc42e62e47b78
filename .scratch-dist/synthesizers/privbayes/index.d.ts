import type { Synthesizer } from '../types.js';
/**
 * `privbayes` — Zhang, Cormode, Procopiuc, Srivastava & Xiao 2017, "PrivBayes: Private Data Release via Bayesian
 * Networks" (ACM TODS 42(4)), with its noisy conditionals estimated by Private-PGM (as in McKenna et al. 2019, §6):
 *
 * 1. Structure (β = 0.3 of ρ): the first attribute is drawn uniformly (data-independent); then, d−1 times, the
 *    exponential mechanism (each ε with ε²/8 = 0.3ρ/(d−1)) picks a pair (X, Π) — X not yet in the network, Π a set
 *    of min(k, |network|) attributes already in it — scored by F(X, Π) = ‖x_{XΠ} − x_X ⊗ x_Π / n‖₁, the L1
 *    distance of the joint counts from independence (sensitivity < 4 under add/remove-one-row: the joint term
 *    moves by 1, the product term by (3n+1)/(n+1) < 3). Candidates are limited to families of at most
 *    min(n̂ / (θ·σ), n̂ / 8) cells (θ-usefulness, and at least 8 rows per cell on average; default θ = 1 — Private-PGM copes with larger, noisier families than PrivBayes' own θ = 4 — n̂ from the first noisy marginal), shrinking Π when needed.
 * 2. Measurements (0.7 of ρ): the d family marginals x_{X∪Π}, discrete Gaussian noise (each 0.7ρ/d).
 * 3. Private-PGM estimation of the model from the noisy family marginals (post-processing), sampling along the
 *    junction tree (the network's families are its cliques).
 *
 * Guarantee: ρ-zCDP, ρ the largest that converts to the requested (ε, δ); every step is in the ledger. Domains
 * must be public or DP-released. Runtime: O(d · candidates · n) counting for the scores, then estimation.
 * Options: `degree` k (default 3), `theta` (default 1), `iters` (default 3000), `bins`, `maxExactIntegers`.
 * The seed (FitOptions.seed) only picks the first attribute. δ defaults to privacy/'s DEFAULT_DELTA (1e-9).
 */
export declare const privbayes: Synthesizer;
