import type { LedgerEntry, SubsampledGaussianParams } from './ledger.js';
/**
 * The guarantee of a ledger that holds DP-SGD steps ("subsampled-gaussian" entries) besides zCDP measurements.
 *
 * The subsampled Gaussian is not zCDP (its Rényi curve is not linear in α), so these ledgers are composed on Rényi
 * curves and, when it is tighter, with the PRV accountant; the smaller ε of two valid bounds is reported:
 *
 * - **RDP**: ε(α) = α·Σρ + Σ_entries steps·ε_SG(α) — ρ-zCDP is (α, ρα)-RDP for every α (Bun & Steinke 2016) and
 *   RDP composes additively (Mironov 2017) — converted at δ' by CKS 2020 Prop. 12 (`rdpToEpsilon`).
 * - **PRV + basic composition** (when every DP-SGD entry shares one sampling rate and noise multiplier): the PRV ε
 *   of all steps at δ'(1 − f), plus the zCDP ε of Σρ at δ'·f (basic composition of (ε₁, δ₁) and (ε₂, δ₂); the
 *   split f is searched over a few values, each a valid bound). Skipped when the PRV grid would be too large
 *   (extreme step counts, tiny sampling rates): the RDP bound then stands alone.
 *
 * δ' = δ − Σδᵢ (approximate steps set aside, as in the zCDP ledger) − a reserve for the lattice sampler's slack
 * (lattice-gaussian.ts, step 4), which is then added: ε grows by 2Nη and the reserve must cover the slack's δ
 * at the final ε (checked). N is the number of noise coordinates of all steps; η and δ₀ are the library-wide
 * certified maxima (the ledger never trusts a stored value for them).
 */
export interface ComposedGuarantee {
    readonly epsilon: number;
    readonly delta: number;
    /** Σρ of the zCDP entries (the DP-SGD steps are not zCDP and are not included). */
    readonly rho: number;
    /** Which bound gave ε. */
    readonly method: 'rdp' | 'prv';
}
/** True when an entry is a DP-SGD run. */
export declare function isSubsampled(e: LedgerEntry): e is LedgerEntry & {
    subsampled: SubsampledGaussianParams;
};
/**
 * The (ε, δ) guarantee of `entries` at the budget δ (ε rounded up to 10 significant digits; Infinity when δ'
 * is exhausted).
 */
export declare function composeWithSubsampled(entries: readonly LedgerEntry[], delta: number, opts?: {
    rdpOnly?: boolean;
}): ComposedGuarantee;
