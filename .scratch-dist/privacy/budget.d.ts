import type { PrivacyLedger } from './ledger.js';
/**
 * The budget plan of a DP fit, as a value: the steps a synthesizer will run (each a number of measurements by one
 * mechanism, with a relative weight), and what that makes each measurement cost. One plan is read twice — by the
 * up-front check that refuses a budget too small to measure anything useful, and by the measuring code, which
 * takes its ρ, σ and ε from the same plan — so the check can never describe a different split than the one spent.
 *
 * "Useful" is decided from public quantities only (ε, δ, the plan), never from the data: a refusal that depended
 * on the private row count would itself leak. The default criterion is a noise σ of at most 1000 per cell (cells
 * with fewer than ~3σ rows are drowned in noise); a synthesizer may pass another `maxSigma`.
 */
export interface PlanStep {
    /** Names the step in messages and in `BudgetPlan` look-ups, e.g. "1-way marginals"; unique within a plan. */
    readonly name: string;
    /**
     * `gaussian`: discrete Gaussian measurements (ρ = 1/(2σ²) for sensitivity 1), checked against maxSigma;
     * `exponential`: exponential-mechanism selections (ρ = ε²/8).
     */
    readonly mechanism: 'gaussian' | 'exponential';
    /** How many measurements of this kind (a whole number ≥ 1). */
    readonly count: number;
    /** Relative weight of *each* measurement: one gets ρ·weight / Σ(count·weight) of the plan's ρ. */
    readonly weight: number;
}
export interface BudgetPlanOptions {
    /** Share of the ledger's remaining ρ this plan may use, in (0, 1]; default 1. */
    readonly fraction?: number;
    /** Largest useful Gaussian noise σ per cell; default 1000. */
    readonly maxSigma?: number;
}
/** A step with its cost per measurement. */
export interface PlannedStep extends PlanStep {
    /** ρ of each measurement of the step. */
    readonly rho: number;
    /** Gaussian: σ = 1/√(2ρ) of each measurement (sensitivity 1); exponential: undefined. */
    readonly sigma?: number;
    /** Exponential: ε = √(8ρ) of each selection; Gaussian: undefined. */
    readonly epsilon?: number;
}
export declare const DEFAULT_MAX_SIGMA = 1000;
export declare class BudgetPlan {
    /** ρ the whole plan spends: Σ count·ρ over the steps (≤ fraction × the ledger's remaining ρ). */
    readonly rho: number;
    readonly steps: readonly PlannedStep[];
    constructor(rho: number, steps: readonly PlanStep[]);
    /** The planned step called `name` (an internal error when there is none: plans are written by code). */
    step(name: string): PlannedStep;
    /** ρ of each measurement of step `name`. */
    rhoOf(name: string): number;
    /** σ of each Gaussian measurement of step `name`. */
    sigmaOf(name: string): number;
    /** ε of each exponential-mechanism selection of step `name`. */
    epsilonOf(name: string): number;
}
/** The smallest ε (at δ, rounded up to 3 significant digits) whose zCDP budget reaches `rho`. */
export declare function epsilonForRho(rho: number, delta: number): number;
/**
 * Split `fraction` of the ledger's remaining ρ (less a 1e-6 relative margin) between the steps of `plan` by their
 * weights. Throws a LookalikeError (kind 'privacy') when some Gaussian measurement would get σ > maxSigma, stating
 * the σ it would get and the smallest ε (at the ledger's δ) that makes the whole plan useful; (kind 'internal') on
 * a malformed plan.
 */
export declare function planBudget(ledger: PrivacyLedger, plan: readonly PlanStep[], opts?: BudgetPlanOptions): BudgetPlan;
/** ρ that (ε, δ) allows — a convenience for planning before a ledger exists (rounded down). */
export declare function rhoForBudget(epsilon: number, delta: number): number;
