/**
 * The fidelity metrics as descriptors (../descriptor.ts): what each one is, which suite runs it, which aggregates
 * its score feeds. The kernels are in this folder; definitions in docs/evaluation.md. Registered by ../builtin.ts.
 */
import type { EvaluationContext, EvaluationMetricDescriptor } from '../descriptor.js';
import { type QualityResult } from './quality.js';
/** The SDMetrics quality computation, shared by quality, column shapes, column pair trends and class balance. */
export declare function qualityRun(ctx: EvaluationContext): QualityResult;
export declare const quality: EvaluationMetricDescriptor;
export declare const columnShapes: EvaluationMetricDescriptor;
export declare const columnPairTrends: EvaluationMetricDescriptor;
export declare const ksComplement: EvaluationMetricDescriptor;
export declare const tvComplement: EvaluationMetricDescriptor;
export declare const wasserstein: EvaluationMetricDescriptor;
export declare const jsDistance: EvaluationMetricDescriptor;
export declare const missingSimilarity: EvaluationMetricDescriptor;
export declare const rangeCoverage: EvaluationMetricDescriptor;
export declare const categoryCoverage: EvaluationMetricDescriptor;
export declare const boundaryAdherence: EvaluationMetricDescriptor;
export declare const categoryAdherence: EvaluationMetricDescriptor;
export declare const correlationSimilarity: EvaluationMetricDescriptor;
export declare const spearmanSimilarity: EvaluationMetricDescriptor;
export declare const contingencySimilarity: EvaluationMetricDescriptor;
export declare const cramersVDifference: EvaluationMetricDescriptor;
export declare const mutualInformationDifference: EvaluationMetricDescriptor;
export declare const w3Err: EvaluationMetricDescriptor;
export declare const mmd: EvaluationMetricDescriptor;
export declare const precision: EvaluationMetricDescriptor;
export declare const recall: EvaluationMetricDescriptor;
export declare const density: EvaluationMetricDescriptor;
export declare const coverage: EvaluationMetricDescriptor;
export declare const alphaPrecision: EvaluationMetricDescriptor;
export declare const betaRecall: EvaluationMetricDescriptor;
export declare const detectionAuc: EvaluationMetricDescriptor;
export declare const pmse: EvaluationMetricDescriptor;
export declare const tailPreservation: EvaluationMetricDescriptor;
export declare const rareCategoryPreservation: EvaluationMetricDescriptor;
