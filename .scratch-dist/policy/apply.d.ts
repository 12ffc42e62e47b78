/**
 * Applying a policy: what it is checked against (`policySubject`: an evaluation's aggregates, every metric and the
 * model's claimed guarantee), the scorecard (`applyPolicy`) and the gate's exit code. Pure.
 */
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import type { Evaluation } from '../metrics/evaluation.js';
import type { Policy, PolicySubject, Scorecard } from './types.js';
/**
 * What a policy checks in an evaluation: its aggregates (by policy id, every registered one), every metric (fidelity, utility and
 * privacy) and the claimed guarantee of the model, which the evaluation itself does not carry — pass the model
 * file's `privacy` (null when unknown: ε / δ targets are then "not measured").
 */
export declare function policySubject(evaluation: Evaluation, privacy?: PrivacyGuarantee | null): PolicySubject;
/** Metric ids present in an evaluation (to pass as `knownIds` when parsing a policy for it). */
export declare function evaluationMetricIds(evaluation: Evaluation): string[];
/** Check a subject (an evaluation's aggregates, metrics and claimed guarantee) against a policy. Pure. */
export declare function applyPolicy(subject: PolicySubject, policy: Policy): Scorecard;
/** Exit code of a release gate: 0 when the scorecard's verdict is pass, 3 when it is fail. */
export declare function gateExitCode(scorecard: Scorecard): 0 | 3;
