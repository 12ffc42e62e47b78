/**
 * The browser entry: everything but io/ and cli/ (DESIGN.md). It imports no Node built-in, so a table can be
 * synthesized and evaluated where it lives — in a page, a worker, or any JS runtime with WebCrypto.
 * An explicit list of exports (no `export *`).
 */
export { LookalikeError, ProblemList, type ErrorKind } from './errors.js';
export { type Column, type ColumnKind, type NumericColumn, type CategoricalColumn, type BooleanColumn, type DatetimeColumn, type IdColumn, type TextColumn, COLUMN_KINDS, isMissing, missingCount, } from './table/column.js';
export { Table, type Row, type Cell } from './table/table.js';
export { type Schema, type ColumnSpec, type Role, type Domain, type DomainSource, type SchemaFact, type NumericDomain, type CategoricalDomain, type DatetimeDomain, targetColumn, specOf, } from './table/schema.js';
export { type RawColumn } from './table/raw.js';
export { buildTable, tableFromRecords, inferSchema, type BuildResult, type BuildOptions, } from './table/infer.js';
export { parseMetadata, schemaToMetadata, schemaFromMetadata, validateSchema, type Metadata, type ColumnMetadata, } from './table/metadata.js';
export { discretizer, discretizerFromJSON, Discretizer, type DiscretizerJSON, type DiscretizeOptions, } from './table/encode.js';
export { datetimeCodec, detectDatetimeFormat, CANDIDATE_FORMATS } from './table/datetime.js';
export { parseDelimited, columnNames, MAX_TEXT_COLUMNS, type DelimitedOptions, type DelimitedResult, } from './table/delimited.js';
export { plainJsonRecords } from './table/json-records.js';
export { tableText, delimitedChunks, jsonChunks, csvField } from './table/text.js';
export { Rng, AliasTable } from './random/rng.js';
export { SecureRng } from './random/secure.js';
export { BUILTIN_SYNTHESIZERS } from './synthesizers/builtin.js';
export { BUILTIN_CATALOG } from './synthesizers/catalog.js';
export { registerBuiltinCatalog } from './synthesizers/register-catalog.js';
export { registerSynthesizer, registerSynthesizerLoader, getSynthesizer, listSynthesizers, loadSynthesizer, loadModel, openModel, defineSynthesizer, checkFitOptions, type SynthesizerImplementation, } from './synthesizers/registry.js';
export { optionProblems, optionValues, optionHelp, optionExpects, type OptionSpec, type OptionSchema, type OptionContext, type OptionValue, } from './synthesizers/options.js';
export type { Synthesizer, SynthesizerInfo, Model, ModelFile, FitOptions, SampleOptions, Conditions, ConditionRow, ConditionValue, } from './synthesizers/types.js';
export type { PrivacyGuarantee } from './privacy/guarantee.js';
export type { ProgressEvent, ProgressFn } from './progress.js';
export { planConditions, sampleGroups, sampleByRejection, type ColumnCondition, type ConditionGroup, type ConditionPlan, } from './synthesizers/conditions.js';
export { sampleInChunks, chunkSeed, SAMPLE_CHUNK_ROWS, type ChunkOptions } from './synthesizers/chunks.js';
export { rowsInMemory, encodingOf, type CountableRows, type CountSource, type Encoding, ChunkCounts, } from './synthesizers/marginal/index.js';
export { countQuery, codesQuery, checkQuery, codeExpression, fillCounts, SQL_DIALECTS, type SqlDialect, } from './synthesizers/marginal/sql.js';
export { parseRules, describeRule } from './constraints/parse.js';
export { checkRules, type RuleViolations } from './constraints/check.js';
export { fitWithRules, ConstrainedModel, type RuleFitNote, type ConstraintsFile, } from './constraints/model.js';
export { planConstraints, type ConstraintPlan } from './constraints/transform.js';
export type { Rule, RuleType, RuleCell } from './constraints/types.js';
export { applyDisclosureControl, guaranteeAfter, kAnonymise, TRAINING_FILTER_WARNING, type DisclosureStep, type DisclosureReport, type StepReport, } from './constraints/disclosure.js';
export { parseRebalance, rebalancePlan, sampleRebalanced, type RebalanceSpec, } from './constraints/rebalance.js';
export type { MetricResult, MetricFamily } from './metrics/types.js';
export { PrivacyLedger, DEFAULT_DELTA, formatLedger, privacyFromLedger, cdpEpsilon, cdpDelta, cdpRho, gaussianMechanism, laplaceMechanism, exponentialMechanism, DiscreteGaussian, DiscreteLaplace, requirePublicDomains, releaseDomains, subsampledGaussianEpsilonRdp, subsampledGaussianPrv, planNoiseMultiplier, DpSgdNoise, LatticeGaussian, poissonBatch, dyadicRate, subsampledGaussianEntry, pateAggregate, assignTeachers, auditDpSgdLogistic, auditEpsilonLowerBound, type LedgerEntry, type LedgerJSON, type PrivacyBudget, type SubsampledGaussianParams, type DpSgdNoiseOptions, type DpSgdPlanOptions, type PrvResult, } from './privacy/index.js';
export { makeLearnData, makeTarget, presentRows, fitBoosting, fitForest, fitTree, fitLogistic, fitLinear, rocAuc, accuracy, type LearnData, type Target, type Predictor, type BoostingOptions, } from './learn/index.js';
export { ksComplement, tvComplement, wassersteinDistance, jensenShannonDistance, columnMetrics, pairMetrics, correlationSimilarity, contingencyMetrics, qualityScore, threeWayMarginals, distanceMetrics as fidelityDistanceMetrics, detectionMetrics, tailMetrics, } from './metrics/fidelity/index.js';
export { utilityMetrics } from './metrics/utility/index.js';
export { evaluatePrivacy, PRIVACY_ATTACKS, distanceMetrics as privacyDistanceMetrics, membershipInference, singlingOut, linkability, attributeInference, kAnonymityMetrics, shadowModelAttack, epsilonLowerBound, type PrivacyOptions, type PrivacyEvaluation, } from './metrics/privacy/index.js';
export { evaluate, formatSummary, asEvaluation, projection, registerMetric, registerAggregate, getMetric, listMetrics, listAggregates, type EvaluateOptions, type Evaluation, type Projection, type MetricDescriptor, type EvaluationMetricDescriptor, type PrivacyMetricDescriptor, type AggregateDescriptor, type EvaluationContext, type PrivacyContext, } from './metrics/index.js';
export { parsePolicy, validatePolicy, applyPolicy, policySubject, gateExitCode, formatScorecard, targetCatalogue, DEFAULT_POLICY, DEFAULT_POLICY_YAML, type Policy, type Scorecard, } from './policy/index.js';
export { formatNumber, formatEpsilon, formatTable } from './format.js';
export { renderHtmlReport, type ReportInput } from './report/html.js';
export { renderMarkdownReport, reportSummary } from './report/summary.js';
export { modelSummary } from './report/model.js';
export { recommend, renderSweepHtml, type SweepPoint } from './report/sweep.js';
export { renderRelationalReport, relationalSection, schemaDiagramSvg, type RelationalReportInput, } from './report/relational.js';
export { holdOut, release, fitCounted, assess, gate, renderReport, runJob, jobSummary, sweep, sweepPlan, sweepBaselines, DEFAULT_SWEEP_BASELINES, sweepProblems, memorySweepStore, sweepSummary, formatSweep, privacyLabel, REPORT_FORMATS, type StepHooks, type HoldoutSpec, type HeldOut, type FitSpec, type ReleaseSpec, type Release, type AssessSpec, type Gate, type ReportFormat, type ReportSpec, type JobSpec, type JobResult, type SweepSpec, type SweepStore, type SweepRecord, type SweepResult, sample, disclose, type DiscloseSpec, type Disclosed, type SampleSpec, } from './pipeline/index.js';
export { estimateModel, type Measurement } from './pgm/estimate.js';
export { GraphicalModel } from './pgm/model.js';
export { buildJunctionTree } from './pgm/junction-tree.js';
export { sampleCodes, conditionalBeliefs, type Evidence } from './pgm/sample.js';
export { measureSite, readSiteFile, schemaHash, SITE_FORMAT, SITE_PROTOCOL, combineSites, CombinedModel, formatSiteGuarantees, type SiteFile, type SiteMeasurement, type SiteMeasurements, type SiteOptions, type CombineOptions, type SiteGuarantee, } from './synthesizers/federated/index.js';
export { parseRelationalMetadata, checkRelational, validateRelational, relationalMetadataToJSON, inferRelationalMetadata, fitRelational, loadRelationalModel, RelationalModel, fitRelationalDp, loadRelationalDpModel, boundContributions, RelationalDpModel, evaluateRelational, registerSequenceSynthesizer, getSequenceSynthesizer, listSequenceSynthesizers, arTreesSynthesizer, type RelationalMetadata, type TableSpec, type ForeignKey, type SequenceSpec, type PersonSpec, type RelationalFitOptions, type RelationalSampleOptions, type RelationalSample, type RelationalModelFile, type RelationalDpFitOptions, type RelationalDpModelFile, type RelationalEvaluation, type SequenceSynthesizer, type SequenceModel, type SequenceData, } from './relational/index.js';
