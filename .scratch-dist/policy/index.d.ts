/** Policies, the scorecard and the release gate (docs/report.md): parse → catalogue → apply → format. */
export type { Bound, MissingRule, On, Operator, Over, Policy, PolicySubject, Scorecard, ScorecardRow, Status, Target, TargetInfo, } from './types.js';
export { OPERATORS } from './types.js';
export { targetCatalogue, targetInfo, catalogueIds } from './catalogue.js';
export { parsePolicy, validatePolicy, type ParsePolicyOptions } from './parse.js';
export { applyPolicy, policySubject, evaluationMetricIds, gateExitCode } from './apply.js';
export { opSymbol, formatRowNumber, formatScorecard, formatFailures, formatPolicy, formatCatalogue, } from './format.js';
export { DEFAULT_POLICY, DEFAULT_POLICY_YAML, defaultPolicyText } from './default.js';
