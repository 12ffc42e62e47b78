/** The loss model of one direction: X has density `density`, the loss is `loss(x)` (monotone). */
interface LossModel {
    readonly increasing: boolean;
    loss(x: number): number;
    /** The x whose loss is g (±Infinity outside the loss range). */
    xOfLoss(g: number): number;
    density(x: number): number;
    /** P(xa < X < xb) for xa ≤ xb, accurate in the tails; and the reference magnitude of the CDF values used. */
    mass(xa: number, xb: number): {
        m: number;
        ref: number;
    };
    /** inf and sup of the loss. */
    readonly lossLow: number;
    readonly lossHigh: number;
    readonly z: number;
}
export declare function removeModel(q: number, z: number): LossModel;
export declare function addModel(q: number, z: number): LossModel;
/** A single step's discretised loss: pmf on g_i = (iLo + i)·h, plus the mass at +∞. */
interface Discrete {
    readonly h: number;
    readonly iLo: number;
    readonly pmf: Float64Array;
    readonly pInf: number;
    /** Bound on |θ̂ − θ| over the cells split by quadrature (the rounding bias per unit h). */
    readonly kappa: number;
    /** Bound on the relative error of each pmf cell. */
    readonly relErr: number;
}
/**
 * Discretise one step's loss on the grid (iLo..iHi)·h. Cells whose within-cell mean (θ, in units of h) is checked by
 * two quadrature rules to within `kappaMax` (after the ×10 safety factor) are split mean-preservingly; the others are
 * rounded up. The caller charges T·h·κ for the observed κ ≤ 2·kappaMax.
 */
export declare function discretize(model: LossModel, h: number, iLo: number, iHi: number, kappaMax?: number): Discrete;
/** δ(ε) upper bounds for one direction, from one tilted FFT composition. */
interface Composed {
    /** An upper bound of δ_Ỹ(ε') (the discretised composition), valid for every ε'. */
    delta(epsPrime: number): number;
    /** The centre of the tilted composition (where the bound is tightest). */
    readonly centre: number;
}
export declare function composeTilted(d: Discrete, steps: number, lambda: number): Composed;
export interface PrvOptions {
    /** Target ε error of the discretisation (absolute); default 0.3 % of the RDP ε, at least 1e-4. */
    readonly epsilonError?: number;
}
export interface PrvResult {
    /** The ε (rounded up) such that the composition is (ε, δ)-DP: the larger of the two directions. */
    readonly epsilon: number;
    readonly epsilonRemove: number;
    readonly epsilonAdd: number;
    /** The ε error charged: Hoeffding term + quadrature bias. */
    readonly epsilonError: number;
}
/**
 * (ε, δ) of `steps` steps of the Poisson-subsampled Gaussian (sampling rate q, noise multiplier z) by the PRV
 * method, rounded up. Deterministic: the same arguments give the same ε on every machine with IEEE doubles.
 */
export declare function subsampledGaussianPrv(q: number, z: number, steps: number, delta: number, opts?: PrvOptions): PrvResult;
/** λ ≥ 0 with T·E_λ[Ỹ] ≈ target (the tilted mean), by bisection; 0 when the untilted mean is already above. */
export declare function tiltFor(d: Discrete, steps: number, target: number): number;
export {};
