import type { Synthesizer } from '../types.js';
/**
 * `ddpm`: TabDDPM-style diffusion (Kotelnikov, Baranchuk, Rubachev & Babenko 2023, "TabDDPM: Modelling Tabular Data
 * with Diffusion Models", ICML; github.com/yandex-research/tab-ddpm), on the training engine of `src/nn/`.
 *
 * Data: the shared transforms with `quantile` encoding (TabDDPM's QuantileTransformer to a normal): a numeric or
 * datetime column is one real value Φ⁻¹(F(x)) (plus a present/missing category when it has missing values); a
 * categorical or boolean column is one categorical variable (missing its own category).
 *
 * Forward process over T `steps` with one schedule of β_t (cosine, Nichol & Dhariwal 2021, or linear, Ho et al. 2020
 * scaled to T), ᾱ_t = Π(1 − β_s): real values by Gaussian diffusion, x_t = √ᾱ_t·x_0 + √(1 − ᾱ_t)·ε; each categorical
 * by multinomial diffusion (Hoogeboom et al. 2021), x_t ~ Cat(ᾱ_t·x_0 + (1 − ᾱ_t)/K).
 *
 * Denoiser: an MLP (`depth` hidden layers of `width` SiLU units) on [x_t (values, one-hot categories), a sinusoidal
 * embedding of t (16 features)] predicting ε for the real values and the logits of x_0 for every categorical. Loss:
 * the mean squared error of ε plus the cross-entropy of x_0 per categorical (averaged over the categoricals) — the
 * x_0-parameterisation's auxiliary loss of D3PM (Austin et al. 2021) instead of TabDDPM's KL between posteriors;
 * sampling is the same. Adam (its rate falling linearly to 0 over `epochs` with `lrDecay: 'linear'`, TabDDPM's
 * annealing), gradient norm clipped at 1, batches of `batchSize` rows, t uniform in 1..T.
 * Early stopping: `validation` of the rows (seeded) are held out; their loss, at t and noise drawn once, is measured
 * after every epoch; training stops after `patience` epochs without improvement and keeps the best weights.
 *
 * Sampling: x_T from N(0, 1) and uniform categories; for t = T..1 the DDPM ancestral step for the values
 * (posterior mean from ε̂, variance β_t — TabDDPM's "fixed large" choice) and, for each categorical, a draw from
 * the x_0-parameterised step Σ_{x_0} q(x_{t−1} | x_t, x_0)·p̂_0(x_0) (`reverseCategorical`), at t = 1 from p̂_0; then the
 * transforms decode (quantile function, integers rounded, values clipped to the column's bounds).
 * Conditional sampling falls back to `sampleByRejection` (no native inpainting yet).
 *
 * Guarantee: NOT differentially private. The model file holds the network's weights and the transforms' quantile
 * knots (up to 1,000 empirical quantiles of every numeric column): treat it as confidential.
 *
 * Reproducibility: the same data, options and seed give the same model bytes (the GEMM is bit-identical on any
 * thread count, `exp`/`log` come from nn/math.ts, the schedule and time embedding are stored in the model);
 * sampling from a model file is byte-reproducible.
 */
export interface DdpmOptions {
    readonly epochs?: number;
    readonly batchSize?: number;
    readonly steps?: number;
    readonly schedule?: 'cosine' | 'linear';
    readonly width?: number;
    readonly depth?: number;
    readonly lr?: number;
    readonly lrDecay?: 'linear' | 'none';
    readonly validation?: number;
    readonly patience?: number;
    readonly threads?: number;
}
/** β_t per step: cosine (Nichol & Dhariwal 2021, s = 0.008, β ≤ 0.999) or linear 1e-4..0.02 scaled by 1000/T. */
export declare function betaSchedule(kind: 'cosine' | 'linear', T: number): number[];
/**
 * One reverse step of multinomial diffusion in the x_0-parameterisation (Austin et al. 2021, D3PM): `p` holds
 * p̂_0(x_0 | x_t) (any positive scale) on entry and p(x_{t−1} | x_t) (unnormalised; the total is returned) on exit,
 * x_t = `cur`. The step is the mixture Σ_{x_0} q(x_{t−1} | x_t, x_0)·p̂_0(x_0), each posterior normalised by
 * q(x_t | x_0) = ᾱ_t·[x_0 = x_t] + (1 − ᾱ_t)/K: with w(x_0) = p̂_0(x_0)/q(x_t | x_0),
 * p(x_{t−1} = j | x_t) ∝ (α_t·[j = x_t] + (1 − α_t)/K)·(ᾱ_{t−1}·w(j) + (1 − ᾱ_{t−1})/K·Σw).
 * Putting p̂_0 in place of x_0 without the normalisers (Hoogeboom et al.'s plug-in, which TabDDPM trains its network
 * through) is not this mixture: with p̂_0 the exact p(x_0 | x_t) it pulls the categories towards uniform (a
 * 0.7/0.2/0.1 column came out 0.53/0.27/0.20 in 50 steps), and our network is trained by cross-entropy to p(x_0 | x_t).
 */
export declare function reverseCategorical(p: Float64Array, K: number, cur: number, alpha: number, abar: number, abarPrev: number): number;
/** Stop the fit (no model is returned) when a loss is NaN or infinite, naming the epoch. */
export declare function checkFinite(loss: number, epoch: number, which: 'training' | 'validation'): void;
export declare const ddpm: Synthesizer;
