import { applyPolicy, gateExitCode, policySubject } from '../policy/apply.js';
import { DEFAULT_POLICY } from '../policy/default.js';
/**
 * Step `gate`: the scorecard of `evaluation` (and the release's guarantee, for ε targets; null when unknown) against
 * `policy` (default: the default policy, lookalike policy show).
 */
export function gate(evaluation, policy = DEFAULT_POLICY, guarantee = null) {
    const scorecard = applyPolicy(policySubject(evaluation, guarantee), policy);
    const exitCode = gateExitCode(scorecard);
    return { scorecard, passed: exitCode === 0, exitCode };
}
//# sourceMappingURL=gate.js.map