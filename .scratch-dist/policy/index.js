export { OPERATORS } from './types.js';
export { targetCatalogue, targetInfo, catalogueIds } from './catalogue.js';
export { parsePolicy, validatePolicy } from './parse.js';
export { applyPolicy, policySubject, evaluationMetricIds, gateExitCode } from './apply.js';
export { opSymbol, formatRowNumber, formatScorecard, formatFailures, formatPolicy, formatCatalogue, } from './format.js';
export { DEFAULT_POLICY, DEFAULT_POLICY_YAML, defaultPolicyText } from './default.js';
//# sourceMappingURL=index.js.map