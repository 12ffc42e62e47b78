import type { Schema } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import type { FitOptions, Model } from '../types.js';
/** Rows per float32 chunk of argn's DP-SGD clipped sum. */
export declare const ARGN_DP_CHUNK = 32;
/**
 * `argn` with a privacy budget: (ε, δ)-DP under add/remove-one-row neighbours, by DP-SGD (Abadi et al. 2016).
 *
 * 1. **Preprocessing is public or paid for** (`startDpTraining`, synthesizers/dp-training): the budget → ledger,
 *    domains declared public or released with `dpDomains` (a column with neither is refused, by name), and the
 *    noisy 1-way marginal of every column (a `preprocessing` share of the budget) from which, by post-processing,
 *    the row count N̂ and each binned numeric column's quantile knots. The tokenisation reads no row: categories from
 *    the domains, an integer column whose domain spans ≤ `maxDiscrete` values is discrete over it, other numeric or
 *    datetime columns are cut at ≤ `bins` of the DP knots within the domain's bounds, and the missing token exists
 *    unless a column is declared not nullable. Output biases are started at the noisy marginals' frequencies (post-processing).
 * 2. **Training** reads rows only through `DpSgd` (nn/dp-sgd.ts): Poisson batches at rate q = batchSize/N̂ from the
 *    SecureRng, per-example gradients of all weights (embeddings and heads) clipped jointly to `clipNorm` with ghost
 *    norms, lattice Gaussian noise, for exactly ⌈epochs/q⌉ steps — a fixed count: no validation split, no early
 *    stopping. The column order of each step is a permutation from the seeded Rng (independent of the data, shared
 *    by every row of the step). No dropout: its masks are drawn by position in the batch, so an added row would shift
 *    every later row's mask.
 * 3. **The ledger** holds the marginals (zCDP) and one "subsampled-gaussian" entry (noise multiplier, q, steps,
 *    clipping norm, sensitivity with the float slack, batch-cap δ), composed by the ledger's accountant; the noise
 *    multiplier is the smallest that fits what the marginals left (`planDpSgd`).
 * 4. **The model's default row count** (`Model.defaultRows`, what `run` and `sweep` draw) is N̂, never N.
 *
 * Sampling reads the model only: post-processing, no budget.
 */
export declare function fitArgnDp(table: Table, schema: Schema, fo: FitOptions): Promise<Model>;
