/**
 * What the DP-marginal synthesizers (mst, aim, privbayes, independent with ε) share — the room of docs/pgm.md's
 * "shared plumbing": start (budget → ledger, domains, encoding, count source) → plan (`privacy/planBudget`, the
 * budget split as a value) → measure (through a `CountSource`, charged to the ledger) → model (graphical model +
 * encoding + ledger, and its validated file). An explicit list of exports.
 */
export { startMarginalFit, startCountFit, numberOption, } from './fit.js';
export { rowsInMemory } from './rows.js';
export { encodingOf, countsInMemory } from './encode.js';
export { CodeCounts, MergedCounts, CachedCounts, ChunkCounts, marginalCounts, tableTotal, } from './counts.js';
export { measureMarginals, measureMarginal } from './measure.js';
export { MarginalModel, marginalModel, loadMarginalModel, } from './model.js';
//# sourceMappingURL=index.js.map