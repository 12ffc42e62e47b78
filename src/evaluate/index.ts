/** Evaluation of a synthetic table: run the metric suites, aggregate, summarise (docs/evaluation.md). */
export { evaluate, METRIC_SUITES } from './evaluate.js';
export type { EvaluateOptions, MetricSuite } from './evaluate.js';
export { formatSummary } from './summary.js';
export type {
  ColumnHistogram,
  ColumnSummary,
  Evaluation,
  EvaluationAggregates,
  EvaluationInputs,
  ModelScores,
  PairDetail,
  PrivacyEvaluation,
  SubgroupRow,
  Timing,
  UtilityDetail,
  UtilityRow,
} from './types.js';
