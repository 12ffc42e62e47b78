import type { Synthesizer } from '../types.js';
/**
 * `argn`: an autoregressive generator in the style of MOSTLY AI's TabularARGN (Tiwald et al. 2025, "TabularARGN:
 * A Flexible and Efficient Auto-Regressive Framework for Generating High-Fidelity Synthetic Data"; the
 * `mostlyai-engine` package). Each modelled column is tokenised (encode.ts: categories; numeric values kept as
 * tokens when few, else quantile bins with spikes of their own), embedded, and predicted by a small head from the
 * embeddings of the columns before it (network.ts). Training draws a random column order per batch (`flexible`,
 * the default), so one network models every order; sampling draws one column at a time in the model's order
 * (temperature, nucleus `topP`), a bin's value uniformly within it.
 *
 * Training: Adam on the summed cross-entropy of all heads, batches of `batchSize` shuffled rows, early stopping on a
 * seeded validation split (`validation`, `patience`; the learning rate halves after 2 epochs without improvement,
 * the best epoch's weights are kept). A NaN or infinite loss stops the fit with an error naming the epoch.
 *
 * Conditional sampling is native: the conditioned columns are generated first, fixed to their tokens (a set of
 * allowed values: drawn among their tokens by the model's probabilities), and the other columns follow from the
 * network given them — exact for categories, booleans and discrete numerics; for a binned numeric the network
 * conditions on the value's bin and the value is written exactly. A model trained with `flexible: false` conditions
 * natively only on a prefix of its order, else by rejection (`sampleByRejection`).
 *
 * Guarantee: without ε NOT differentially private (the model file holds values of the training rows). With ε,
 * (ε, δ)-DP by DP-SGD: see dp.ts.
 *
 * Runtime: O(epochs · n · Σ_j (D·H_j + H_j·K_j)) for D the summed embedding width, H_j and K_j the head and token
 * counts of column j; sampling O(n · the same) without the backward pass.
 */
/** The most rows ever needed: a fit refuses fewer. */
export declare const ARGN_MIN_ROWS = 10;
export declare const argn: Synthesizer;
