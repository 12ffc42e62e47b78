/**
 * The browser entry: everything but io/ and cli/ (DESIGN.md). It imports no Node built-in, so a table can be
 * synthesized and evaluated where it lives — in a page, a worker, or any JS runtime with WebCrypto.
 * An explicit list of exports (no `export *`).
 */
export { LookalikeError, ProblemList } from './errors.js';
export { COLUMN_KINDS, isMissing, missingCount, } from './table/column.js';
export { Table } from './table/table.js';
export { targetColumn, specOf, } from './table/schema.js';
export { buildTable, tableFromRecords, inferSchema, } from './table/infer.js';
export { parseMetadata, schemaToMetadata, schemaFromMetadata, validateSchema, } from './table/metadata.js';
export { discretizer, discretizerFromJSON, Discretizer, } from './table/encode.js';
export { datetimeCodec, detectDatetimeFormat, CANDIDATE_FORMATS } from './table/datetime.js';
export { parseDelimited, columnNames, MAX_TEXT_COLUMNS, } from './table/delimited.js';
export { plainJsonRecords } from './table/json-records.js';
export { tableText, delimitedChunks, jsonChunks, csvField } from './table/text.js';
export { Rng, AliasTable } from './random/rng.js';
export { SecureRng } from './random/secure.js';
export { BUILTIN_SYNTHESIZERS } from './synthesizers/builtin.js';
export { BUILTIN_CATALOG } from './synthesizers/catalog.js';
export { registerBuiltinCatalog } from './synthesizers/register-catalog.js';
export { registerSynthesizer, registerSynthesizerLoader, getSynthesizer, listSynthesizers, loadSynthesizer, loadModel, openModel, defineSynthesizer, checkFitOptions, } from './synthesizers/registry.js';
export { optionProblems, optionValues, optionHelp, optionExpects, } from './synthesizers/options.js';
export { planConditions, sampleGroups, sampleByRejection, } from './synthesizers/conditions.js';
export { sampleInChunks, chunkSeed, SAMPLE_CHUNK_ROWS } from './synthesizers/chunks.js';
// counting the private rows where they live (issue 15, docs/scale.md)
export { rowsInMemory, encodingOf, ChunkCounts, } from './synthesizers/marginal/index.js';
export { countQuery, codesQuery, checkQuery, codeExpression, fillCounts, SQL_DIALECTS, } from './synthesizers/marginal/sql.js';
// business rules (docs/constraints.md)
export { parseRules, describeRule } from './constraints/parse.js';
export { checkRules } from './constraints/check.js';
export { fitWithRules, ConstrainedModel, } from './constraints/model.js';
export { planConstraints } from './constraints/transform.js';
export { applyDisclosureControl, guaranteeAfter, kAnonymise, TRAINING_FILTER_WARNING, } from './constraints/disclosure.js';
export { parseRebalance, rebalancePlan, sampleRebalanced, } from './constraints/rebalance.js';
// differential privacy (docs/privacy.md)
export { PrivacyLedger, DEFAULT_DELTA, formatLedger, privacyFromLedger, cdpEpsilon, cdpDelta, cdpRho, gaussianMechanism, laplaceMechanism, exponentialMechanism, DiscreteGaussian, DiscreteLaplace, requirePublicDomains, releaseDomains, subsampledGaussianEpsilonRdp, subsampledGaussianPrv, planNoiseMultiplier, DpSgdNoise, LatticeGaussian, poissonBatch, dyadicRate, subsampledGaussianEntry, pateAggregate, assignTeachers, auditDpSgdLogistic, auditEpsilonLowerBound, } from './privacy/index.js';
// the tree learner and linear models (docs/learn.md)
export { makeLearnData, makeTarget, presentRows, fitBoosting, fitForest, fitTree, fitLogistic, fitLinear, rocAuc, accuracy, } from './learn/index.js';
// metrics (docs/evaluation.md, docs/privacy-risk.md)
export { ksComplement, tvComplement, wassersteinDistance, jensenShannonDistance, columnMetrics, pairMetrics, correlationSimilarity, contingencyMetrics, qualityScore, threeWayMarginals, distanceMetrics as fidelityDistanceMetrics, detectionMetrics, tailMetrics, } from './metrics/fidelity/index.js';
export { utilityMetrics } from './metrics/utility/index.js';
export { evaluatePrivacy, PRIVACY_ATTACKS, distanceMetrics as privacyDistanceMetrics, membershipInference, singlingOut, linkability, attributeInference, kAnonymityMetrics, shadowModelAttack, epsilonLowerBound, } from './metrics/privacy/index.js';
// evaluation, policy and reports (docs/evaluation.md, docs/report.md)
export { evaluate, formatSummary, asEvaluation, projection, registerMetric, registerAggregate, getMetric, listMetrics, listAggregates, } from './metrics/index.js';
export { parsePolicy, validatePolicy, applyPolicy, policySubject, gateExitCode, formatScorecard, targetCatalogue, DEFAULT_POLICY, DEFAULT_POLICY_YAML, } from './policy/index.js';
export { formatNumber, formatEpsilon, formatTable } from './format.js';
export { renderHtmlReport } from './report/html.js';
export { renderMarkdownReport, reportSummary } from './report/summary.js';
export { modelSummary } from './report/model.js';
export { recommend, renderSweepHtml } from './report/sweep.js';
export { renderRelationalReport, relationalSection, schemaDiagramSvg, } from './report/relational.js';
// the pipeline as library calls: holdOut → release → assess → gate → renderReport; runJob, sweep (docs/pipeline.md)
export { holdOut, release, fitCounted, assess, gate, renderReport, runJob, jobSummary, sweep, sweepPlan, sweepBaselines, DEFAULT_SWEEP_BASELINES, sweepProblems, memorySweepStore, sweepSummary, formatSweep, privacyLabel, REPORT_FORMATS, sample, disclose, } from './pipeline/index.js';
// the graphical-model engine behind the DP synthesizers (docs/pgm.md)
export { estimateModel } from './pgm/estimate.js';
export { GraphicalModel } from './pgm/model.js';
export { buildJunctionTree } from './pgm/junction-tree.js';
export { sampleCodes, conditionalBeliefs } from './pgm/sample.js';
// federated synthesis: noisy marginals measured at each site, one model from all of them (docs/federated.md)
export { measureSite, readSiteFile, schemaHash, SITE_FORMAT, SITE_PROTOCOL, combineSites, CombinedModel, formatSiteGuarantees, } from './synthesizers/federated/index.js';
// multi-table and sequential synthesis (docs/relational.md)
export { parseRelationalMetadata, checkRelational, validateRelational, relationalMetadataToJSON, inferRelationalMetadata, fitRelational, loadRelationalModel, RelationalModel, fitRelationalDp, loadRelationalDpModel, boundContributions, RelationalDpModel, evaluateRelational, registerSequenceSynthesizer, getSequenceSynthesizer, listSequenceSynthesizers, arTreesSynthesizer, } from './relational/index.js';
//# sourceMappingURL=browser.js.map