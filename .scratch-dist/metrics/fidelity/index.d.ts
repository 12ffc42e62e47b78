/** Fidelity metrics (docs/evaluation.md): each a pure function of the real and synthetic tables. */
export { ksComplement, tvComplement, wassersteinDistance, jensenShannonDistance, missingRateSimilarity, rangeCoverage, categoryCoverage, boundaryAdherence, columnMetrics, } from './columns.js';
export type { ColumnOptions } from './columns.js';
export { correlationSimilarity, contingencyMetrics, pairMetrics } from './pairs.js';
export type { PairOptions } from './pairs.js';
export { qualityScore, threeWayMarginals } from './quality.js';
export type { QualityResult, ThreeWayOptions } from './quality.js';
export { distanceMetrics } from './distance.js';
export type { DistanceOptions } from './distance.js';
export { detectionMetrics } from './detection.js';
export type { DetectionOptions } from './detection.js';
export { tailMetrics } from './tails.js';
