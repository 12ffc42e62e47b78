/**
 * What the DP-marginal synthesizers (mst, aim, privbayes, independent with ε) share — the room of docs/pgm.md's
 * "shared plumbing": start (budget → ledger, domains, encoding, count source) → plan (`privacy/planBudget`, the
 * budget split as a value) → measure (through a `CountSource`, charged to the ledger) → model (graphical model +
 * encoding + ledger, and its validated file). An explicit list of exports.
 */
export { startMarginalFit, startCountFit, numberOption, type MarginalFit, type MarginalStart, } from './fit.js';
export { rowsInMemory, type CountableRows } from './rows.js';
export { encodingOf, countsInMemory, type Encoding, type DiscretisationOptions } from './encode.js';
export { CodeCounts, MergedCounts, CachedCounts, ChunkCounts, marginalCounts, tableTotal, type CountSource, } from './counts.js';
export { measureMarginals, measureMarginal, type Noise } from './measure.js';
export { MarginalModel, marginalModel, loadMarginalModel, type MarginalParams, type Compression, } from './model.js';
