/**
 * The metrics floor's public surface (docs/evaluation.md, docs/privacy-risk.md): `evaluate` (fidelity and utility
 * suites → an `Evaluation`), `evaluatePrivacy` (the privacy-risk suite → its `privacy` slot), the text summary, the
 * evaluation file's loader and the 2-D projection. Single metrics: ./fidelity, ./utility, ./privacy.
 */
export { evaluate, METRIC_SUITES } from './evaluate.js';
export { formatSummary, metricSummaries } from './summary.js';
export { registerMetric, registerAggregate, getMetric, getAggregate, listMetrics, listAggregates, listTargetGroups, evaluationSuites, privacyAttacks, } from './registry.js';
export { asEvaluation, } from './evaluation.js';
export { projection } from './projection.js';
export { evaluatePrivacy, PRIVACY_ATTACKS, DEFAULT_PRIVACY_ATTACKS, } from './privacy/evaluate.js';
//# sourceMappingURL=index.js.map