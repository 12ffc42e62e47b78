/**
 * What a model promises. `none`: not differentially private (labelled so everywhere, DESIGN.md rule 8).
 * `dp`: (epsilon, delta)-DP, computed from the ledger — never typed in by hand (docs/privacy.md).
 */
export type PrivacyGuarantee = {
    readonly type: 'none';
} | {
    readonly type: 'dp';
    readonly epsilon: number;
    readonly delta: number;
    readonly rho?: number;
};
/** A guarantee in words; ε and δ rounded up (src/format.ts: printing may only overstate them). */
export declare function privacyLabel(p: PrivacyGuarantee): string;
