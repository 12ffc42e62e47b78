import type { Rng } from '../../random/rng.js';
/**
 * Conditional sampling of the copula's latent normal vector z ~ N(0, R) given constraints on some of its
 * coordinates. A condition on a column is a set of latent values: a point (a continuous value that the decoder
 * maps from one latent value), an interval (a category, a tie block such as the zeros of `capital-gain`, an
 * integer — every latent value that decodes to it — or "not missing"), or a union of intervals (one of several
 * categories).
 *
 * 1. Points P: the Gaussian conditional N(R_{·P} R_PP⁻¹ z_P, R − R_{·P} R_PP⁻¹ R_{P·}) (exact).
 * 2. Sets B: z_B drawn from that normal restricted to the sets — exactly by the inverse CDF when there is one
 *    (Devroye 1986, §2.1), by Gibbs sampling over 1-D truncated normals otherwise (Geweke 1991; `GIBBS_SWEEPS`
 *    sweeps per row from an independent start inside the sets, an approximation that is closer the weaker the
 *    correlation between the conditioned coordinates).
 * 3. The free coordinates F: N(R_FK R_KK⁻¹ z_K, R_FF − R_FK R_KK⁻¹ R_KF), K = P ∪ B (exact).
 *
 * Runtime O(d³) once per group + O(n·(d² + |B|²·sweeps)).
 */
export type Interval = readonly [number, number];
export declare const GIBBS_SWEEPS = 50;
/** Latent uniforms (Φ(z)) of every dimension for n rows drawn given `sets` (dimension → intervals in z). */
export declare function conditionalUniforms(corr: readonly number[], d: number, sets: ReadonlyMap<number, readonly Interval[]>, n: number, rng: Rng): Float64Array[];
/**
 * One draw of N(mu, sd²) restricted to a union of intervals, by the inverse CDF: pick an interval by its mass,
 * then invert the CDF inside it (computed on the upper tail's mirror where that is more precise).
 */
export declare function truncatedNormal(mu: number, sd: number, ivs: readonly Interval[], rng: Rng): number;
