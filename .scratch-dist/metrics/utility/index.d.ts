/** Utility metrics (docs/evaluation.md): TSTR vs TRTR, feature-importance agreement, subgroup gaps. */
export { utilityMetrics, scorePredictions } from './tstr.js';
export type { UtilityOptions, UtilityResult } from './tstr.js';
export type { ModelScores, SubgroupRow, UtilityDetail, UtilityRow } from './types.js';
