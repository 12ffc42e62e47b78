import type { Evaluation } from '../metrics/evaluation.js';
import type { Policy, Scorecard } from '../policy/types.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
export interface Gate {
    readonly scorecard: Scorecard;
    /** Every target met (a policy's `missing: ignore` lets unmeasured targets pass). */
    readonly passed: boolean;
    /** The CLI's exit code for it: 0, or 3 when a target fails. */
    readonly exitCode: number;
}
/**
 * Step `gate`: the scorecard of `evaluation` (and the release's guarantee, for ε targets; null when unknown) against
 * `policy` (default: the default policy, lookalike policy show).
 */
export declare function gate(evaluation: Evaluation, policy?: Policy, guarantee?: PrivacyGuarantee | null): Gate;
