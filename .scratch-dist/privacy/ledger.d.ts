import type { PrivacyGuarantee } from './guarantee.js';
/**
 * The privacy ledger of one fit (DESIGN.md rule 3): every measurement that read private rows, with its mechanism,
 * noise scale and cost, and the (ε, δ) guarantee *computed from those entries* — never from the requested budget.
 *
 * Accounting is zero-concentrated DP: the entries' ρ add up (Bun & Steinke 2016). An entry may also carry
 * - `epsilon`: the pure ε-DP of that step (Laplace, exponential mechanism). When *every* entry is pure the
 *   basic composition Σε (with δ = 0) is also valid, and the smaller of the two ε is reported.
 * - `delta`: the δ of a δ-approximate ρ-zCDP step (the thresholded histogram of a DP category list): with
 *   probability ≥ 1 − δ it behaves as ρ-zCDP. Such δ add up and are *set aside* from the budget δ before the
 *   zCDP → (ε, δ) conversion: the fit is (ε, δ)-DP with ε = cdpEpsilon(Σρ, δ − Σδᵢ).
 *
 * - `subsampled`: a DP-SGD run (mechanism "subsampled-gaussian"): its parameters, from which its cost is recomputed
 *   (its `rho` is 0 — it is not a zCDP step). A ledger holding such entries is composed on Rényi curves and with
 *   the PRV accountant (compose.ts) and is written as version 2, which older readers refuse rather than misread.
 *
 * The ledger refuses (throws a LookalikeError, kind 'privacy') any charge after which the computed guarantee would
 * exceed the budget, so a fit can never overspend silently. Mechanisms charge *before* drawing noise.
 */
/** The parameters of a DP-SGD run (docs/privacy.md, "DP-SGD"). */
export interface SubsampledGaussianParams {
    /** z = σ/Δ, the noise multiplier the accountant uses. */
    readonly noiseMultiplier: number;
    /** q, each row's probability of being in a batch (as sampled). */
    readonly samplingRate: number;
    /** Number of noisy steps. */
    readonly steps: number;
    /** C, the clipping norm. */
    readonly clippingNorm: number;
    /** Δ ≥ C, the L2 sensitivity of one step's sum. */
    readonly sensitivity: number;
    /** Noisy coordinates per step (the sampler's slack grows with steps × coordinates). */
    readonly coordinates: number;
}
/** One measurement of private data. */
export interface LedgerEntry {
    /** What was measured, e.g. "marginal", "domain:categories", "select". */
    readonly query: string;
    /** The columns it read (names only — never values). */
    readonly columns: readonly string[];
    /** e.g. "discrete-gaussian", "discrete-laplace", "exponential", "thresholded-discrete-gaussian". */
    readonly mechanism: string;
    /** σ of Gaussian noise, scale b of Laplace noise, or ε of a selection — as documented by the mechanism. */
    readonly noiseScale: number;
    /** zCDP cost of this step (rounded up). */
    readonly rho: number;
    /** Pure ε-DP cost of this step, when it has one. */
    readonly epsilon?: number;
    /** δ of a δ-approximate ρ-zCDP step (0 or absent otherwise). */
    readonly delta?: number;
    /** A DP-SGD run's parameters (mechanism "subsampled-gaussian" only). */
    readonly subsampled?: SubsampledGaussianParams;
    /**
     * Sensitivity Δ of the query (L2 for Gaussian noise, L1 for Laplace, of the scores for a selection), when not 1.
     * Loading checks every entry's cost against it (`costProblems`); it may not be below 1 (no query of a row-level
     * neighbour relation lookalike uses has a smaller one).
     */
    readonly sensitivity?: number;
}
export interface PrivacyBudget {
    readonly epsilon: number;
    readonly delta: number;
}
/** The JSON form of a ledger, as stored in `ModelFile.ledger`. `total` is informational; loading recomputes it. */
export interface LedgerJSON {
    readonly format: 'lookalike-ledger';
    /** 1: zCDP entries only; 2: with DP-SGD ("subsampled-gaussian") entries. */
    readonly version: 1 | 2;
    readonly accounting: 'zcdp' | 'zcdp+subsampled';
    readonly budget: PrivacyBudget;
    readonly entries: readonly LedgerEntry[];
    readonly total: {
        readonly epsilon: number;
        readonly delta: number;
        readonly rho: number;
    };
}
export type DpGuarantee = Extract<PrivacyGuarantee, {
    type: 'dp';
}> & {
    readonly rho: number;
};
/**
 * The δ of a DP fit given ε only — the one default of the whole project (synthesizers, pipeline, CLI read it from
 * here). 1e-9 is far below 1/n for any table lookalike can hold, as δ must be.
 */
export declare const DEFAULT_DELTA = 1e-9;
/** Problems with a budget; empty when it is valid. Shared by the ledger and by synthesizers' option checks. */
export declare function budgetProblems(budget: {
    epsilon?: unknown;
    delta?: unknown;
}): string[];
export declare class PrivacyLedger {
    readonly budget: PrivacyBudget;
    private readonly list;
    private allowedCache;
    /**
     * @param budget the (ε, δ) the whole fit may spend. Throws a LookalikeError (kind 'usage') listing every
     * problem: ε must be finite and > 0, δ in (0, 1).
     */
    constructor(budget: PrivacyBudget);
    /** The entries, in the order they were charged. */
    get entries(): readonly LedgerEntry[];
    /** ρ the whole budget allows when no δ is set aside for approximate steps (rounded down). */
    get rhoBudget(): number;
    /** Σρ of the entries (rounded up). */
    get rhoSpent(): number;
    /**
     * When every entry so far is a pure-ε step: the ε still available under basic composition (rounded down);
     * otherwise 0. Pure-DP synthesizers (PrivBayes) plan with this; zCDP ones with `rhoRemaining`.
     */
    get pureEpsilonRemaining(): number;
    /** Σδ of approximate steps (rounded up). */
    get deltaSpent(): number;
    /**
     * ρ that can still be charged, given the δ already set aside (rounded down, with a 1e-9 relative margin so
     * that charging exactly `rhoRemaining` succeeds).
     */
    get rhoRemaining(): number;
    /** ρ that could still be charged if a further `delta` were set aside for an approximate step. */
    rhoRemainingAfter(delta: number): number;
    /** With DP-SGD entries: the largest further ρ (at δ set aside) the composed guarantee still allows (bisection). */
    private rhoRemainingWithSubsampled;
    /** True when a step costing `rho` (and optionally δ) fits in what is left. */
    canAfford(rho: number, delta?: number): boolean;
    /** True when `entry` (of any kind, e.g. a DP-SGD run) could be charged without exceeding the budget. */
    wouldAllow(entry: LedgerEntry): boolean;
    /**
     * The guarantee the ledger would report after charging `entry` (nothing is recorded). `rdpOnly` skips the PRV
     * bound for ledgers with DP-SGD entries (a cheaper, larger ε: for planning searches).
     */
    guaranteeWith(entry: LedgerEntry, opts?: {
        rdpOnly?: boolean;
    }): DpGuarantee;
    /**
     * Record a measurement. Throws a LookalikeError (kind 'privacy') — and records nothing — when the entry is
     * malformed or when the guarantee computed after adding it would exceed the budget. Call *before* releasing
     * anything computed from private data.
     */
    charge(entry: LedgerEntry): void;
    /** Alias of `charge`. */
    record(entry: LedgerEntry): void;
    /** The guarantee of everything charged so far: (ε, δ) with ε computed from the entries, rounded up. */
    guarantee(): DpGuarantee;
    toJSON(): LedgerJSON;
    /**
     * Rebuild a ledger from its JSON. Validates every field (LookalikeError, kind 'input', listing every problem),
     * ignores the stored `total` and recomputes it from the entries, and refuses a ledger whose entries spend more
     * than its budget.
     */
    static fromJSON(json: unknown, source?: string): PrivacyLedger;
    private allowed;
    private check;
}
/** The mechanisms a ledger entry may name; `costProblems` knows the cost of each. */
export declare const LEDGER_MECHANISMS: readonly ["discrete-gaussian", "thresholded-discrete-gaussian", "discrete-laplace", "exponential", "subsampled-gaussian"];
/**
 * Problems with an entry's cost given its mechanism and noise scale (DESIGN.md rule 3, issue 10: a tampered model
 * file must not load as DP). With Δ = the entry's `sensitivity` (default 1, never below 1):
 * - discrete Gaussian (also thresholded): ρ ≥ Δ²/(2σ²), σ = noiseScale > 0; the thresholded one has a δ > 0;
 * - discrete Laplace: ε ≥ Δ/b with b = noiseScale > 0, ρ ≥ ε²/2;
 * - exponential: ε ≥ 2Δ/noiseScale, ρ ≥ ε²/8;
 * - subsampled Gaussian (DP-SGD): its cost is recomputed from its parameters (checked by `entryProblems`).
 * Any other mechanism is refused: the ledger cannot say what it costs.
 */
export declare function costProblems(e: LedgerEntry, where: string): string[];
/**
 * The check every file that carries a ledger goes through when it is read (a model file, a federated site's
 * measurements): the ledger is validated (`PrivacyLedger.fromJSON`: every entry's cost against its mechanism and
 * noise scale, the total against the budget), must list at least one measurement (a file computed from data has
 * read it), and the file's stated guarantee `stated` may not be smaller than what the ledger adds up to. Returns
 * the ledger (null when invalid) and every problem found; the guarantee to use is always `ledger.guarantee()`.
 */
export declare function ledgerClaimProblems(stated: unknown, ledgerJson: unknown): {
    ledger: PrivacyLedger | null;
    problems: string[];
};
/** The guarantee recorded by a ledger JSON (validated, recomputed from its entries). */
export declare function privacyFromLedger(json: unknown): DpGuarantee;
/**
 * The ledger as a plain-text table: one line per entry (query, columns, mechanism, noise scale, ρ, ε, δ) and the
 * total (ε, δ, ρ) computed from the entries. For the CLI (`lookalike ledger`) and reports.
 */
export declare function formatLedger(ledger: PrivacyLedger | LedgerJSON | unknown): string;
/**
 * What `lookalike ledger` shows of a model's ledger (`null` for a model of a non-DP synthesizer): `json` — the
 * entries and the total recomputed from them, or `privacy: 'none'` — and the same as `text`.
 */
export declare function ledgerSummary(synthesizer: string, ledger: PrivacyLedger | null): {
    json: object;
    text: string;
};
