import type { Rng } from '../../random/rng.js';
export interface AttackSummary {
    readonly auc: number;
    readonly aucCi: readonly [number, number];
    /** max over thresholds of TPR − FPR. */
    readonly advantage: number;
    readonly tprAt1: number;
    readonly tprAt1Ci: readonly [number, number];
    readonly tprAt10: number;
    readonly tprAt10Ci: readonly [number, number];
    /** 95% lower confidence bound on ε from this attack (0 when nothing can be shown). */
    readonly epsilonLower: number;
    readonly nMembers: number;
    readonly nNonMembers: number;
    /** The ROC curve from (0, 0) over 201 FPR grid points (the best TPR at or below each FPR), for charts. */
    readonly roc: {
        readonly fpr: number[];
        readonly tpr: number[];
    };
}
/** Summarise an attack: scores (higher = "member") for members (label 1) and non-members (label 0). */
export declare function summarizeAttack(scores: ArrayLike<number>, labels: ArrayLike<number>, rng: Rng, delta?: number): AttackSummary;
/** See the module comment. Returns 0 when no positive bound can be shown. */
export declare function epsilonLowerBound(scores: ArrayLike<number>, labels: ArrayLike<number>, rng: Rng, delta?: number): number;
