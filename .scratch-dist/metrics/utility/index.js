/** Utility metrics (docs/evaluation.md): TSTR vs TRTR, feature-importance agreement, subgroup gaps. */
export { utilityMetrics, scorePredictions } from './tstr.js';
//# sourceMappingURL=index.js.map