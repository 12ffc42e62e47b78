import { type DpTrainingStart } from '../dp-training/index.js';
import type { Synthesizer } from '../types.js';
/**
 * The noisy 1-way marginals with the clamping's excess removed (post-processing; "Norm-Sub", Wang et al., "Locally
 * Differentially Private Frequency Estimation with Consistency", NDSS 2020, as PrivSyn uses it): the counts were clamped at 0, so a column
 * of many small cells gains ≈ 0.4σ per empty cell (capital-gain's 119 values on Adult: several percent of the mass
 * on values few rows have). Each column's counts become max(0, c − δ) with δ ≥ 0 chosen so they sum to N̂ (δ = 0
 * when they already sum to at most N̂).
 */
export declare function normSub(marginals: DpTrainingStart['marginals'], rowsHat: number): DpTrainingStart['marginals'];
export declare const pateGan: Synthesizer;
