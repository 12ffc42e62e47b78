import { Sequential } from './layers.js';
import { type Ctx, type Mat } from './tensor.js';
/**
 * The WGAN-GP gradient penalty (Gulrajani et al. 2017) of a piecewise-linear critic, with its exact weight gradient
 * — the "double backward" written out by hand instead of taped.
 *
 * The critic is a `Sequential` of `Dense` layers separated by element-wise layers that, at a given input, multiply
 * by a constant: `Activation` relu / leaky-relu (the slope, 1 or the leak) and `Dropout` (its mask). Its last layer
 * is a `Dense` to one output. Then, for a row x, ∇ₓD(x) = u₀·W₀ᵀ where, from the last layer down,
 * u_{K−1} = 1 and u_{k−1} = (u_k·W_kᵀ) ⊙ M_{k−1}, with M_k the product of the multipliers after dense layer k.
 * Those multipliers are piecewise constant in the weights (their derivative is 0 almost everywhere), so for
 * P = λ/G · Σ_g (‖∇ₓD(x_g)‖ − 1)² and t₀ = ∂P/∂(∇ₓD) = λ/G · 2(‖∇‖ − 1)/‖∇‖ · ∇:
 *
 *   ∂P/∂W_k = t_kᵀ·u_k,   t_{k+1} = (t_k·W_k) ⊙ M_k,
 *
 * a handful of GEMMs. Biases do not enter ∇ₓD: their penalty gradient is 0. Checked against finite differences in
 * test/nn/gradient-penalty.test.ts.
 *
 * `penalty(critic, x, lambda, ctx)` runs the critic forward on `x` (rows = the critic's examples: with PacGAN, a
 * row is a pack), adds ∂P/∂W to each dense weight's `grad` and returns P. The critic's forward caches are then
 * those of `x` (no backward is needed or allowed before the next forward).
 */
export declare function gradientPenalty(critic: Sequential, x: Mat, lambda: number, ctx: Ctx): number;
/** A batch viewed as packs of `pac` consecutive rows, one row per pack (PacGAN, Lin et al. 2018): no copy. */
export declare function packRows(x: Mat, pac: number): Mat;
