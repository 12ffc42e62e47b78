/**
 * The metrics floor's public surface (docs/evaluation.md, docs/privacy-risk.md): `evaluate` (fidelity and utility
 * suites → an `Evaluation`), `evaluatePrivacy` (the privacy-risk suite → its `privacy` slot), the text summary, the
 * evaluation file's loader and the 2-D projection. Single metrics: ./fidelity, ./utility, ./privacy.
 */
export { evaluate, METRIC_SUITES, type EvaluateOptions, type MetricSuite } from './evaluate.js';
export { formatSummary, metricSummaries, type MetricSummary } from './summary.js';
export { registerMetric, registerAggregate, getMetric, getAggregate, listMetrics, listAggregates, listTargetGroups, evaluationSuites, privacyAttacks, } from './registry.js';
export type { MetricDescriptor, EvaluationMetricDescriptor, PrivacyMetricDescriptor, AggregateDescriptor, TargetGroupDescriptor, EvaluationContext, Direction, MetricScope, } from './descriptor.js';
export type { PrivacyContext } from './privacy/context.js';
export type { AlignedColumn } from './fidelity/prepare.js';
export { asEvaluation, type ColumnHistogram, type ColumnSummary, type Evaluation, type EvaluationAggregates, type EvaluationInputs, type PairDetail, type Timing, } from './evaluation.js';
export type { ModelScores, SubgroupRow, UtilityDetail, UtilityRow } from './utility/types.js';
export { projection, type Projection, type ProjectionOptions } from './projection.js';
export { evaluatePrivacy, PRIVACY_ATTACKS, DEFAULT_PRIVACY_ATTACKS, type PrivacyAttack, type PrivacyOptions, type PrivacyEvaluation, } from './privacy/evaluate.js';
export type { MetricFamily, MetricResult } from './types.js';
