import { DpSgd } from '../../nn/dp-sgd.js';
import type { PerExampleModule } from '../../nn/per-example.js';
import type { PrivacyLedger } from '../../privacy/ledger.js';
import type { ProgressFn } from '../../progress.js';
import type { SecureRng } from '../../random/secure.js';
import type { ColumnSpec, Schema } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import type { IdStyle } from '../common.js';
import { type NumericEncoding, type TableTransform } from '../transforms/index.js';
import type { FitOptions } from '../types.js';
/**
 * The DP start of a learned synthesizer (tvae, ctgan, pate-gan with `--epsilon`; docs/privacy.md, "DP training"):
 * everything a network's training needs that is a fact about the data is either declared public or released under
 * DP and charged here, before any row reaches a network:
 *
 * 1. the budget → ledger, DP domain release with `dpDomains`, and the refusal of undeclared domains — exactly the
 *    start of the DP-marginal synthesizers (`startMarginalFit`), so the same errors name the same columns;
 * 2. the noisy 1-way marginal of every modelled column (discrete Gaussian, a share `preprocessing` of the budget,
 *    equal per column), from which, by post-processing only: the row count N̂ (inverse-variance weighted totals),
 *    each numeric column's mode-specific normalisation (a Bayesian Gaussian mixture fitted to a pseudo-sample drawn
 *    from its noisy histogram) or quantile knots, and each categorical column's category frequencies (for CTGAN's
 *    conditional sampling);
 * 3. the transform is fitted with `dataIndependent`: bounds from the domains, the missing slot unless a column is
 *    declared not nullable, datetimes rounded to their format. Column order is the schema's.
 *
 * Early stopping on a validation split would be another data-dependent choice: DP fits train a fixed number of
 * epochs on all rows.
 */
export interface DpTrainingStart {
    readonly ledger: PrivacyLedger;
    readonly secureRng: SecureRng;
    readonly table: Table;
    readonly schema: Schema;
    readonly specs: readonly ColumnSpec[];
    readonly transform: TableTransform;
    readonly ids: Record<string, IdStyle>;
    /** N̂: the DP row count, and an upper confidence bound N⁺ (N ≤ N⁺ except with probability < e^{-98}). */
    readonly rowsHat: number;
    readonly rowsUpper: number;
    /** Noisy (clamped, normalised) frequencies of each categorical/boolean column's categories, by column name. */
    readonly frequencies: ReadonlyMap<string, Float64Array>;
    /** Columns whose domains were released under DP. */
    readonly released: readonly string[];
    /**
     * The noisy 1-way marginal of each modelled column (in `specs` order), already paid for: counts clamped at 0 over
     * the marginal encoding's codes, with a label per code (a category, an exact integer as text, a bin, "false" /
     * "true"; "(missing)" last when the column has a missing code). Post-processing material, e.g. for output biases.
     */
    readonly marginals: readonly {
        readonly counts: Float64Array;
        readonly labels: readonly string[];
        readonly missing: boolean;
    }[];
}
export interface DpTrainingOptions {
    /** Share of the budget (of ρ) spent on the 1-way marginals, default 0.1. */
    readonly preprocessing?: number;
    /** Numeric encoding of the transform (default `modes`). */
    readonly numeric?: NumericEncoding;
}
export declare function startDpTraining(table0: Table, schema0: Schema, opts: FitOptions, synthesizer: string, dpOpts?: DpTrainingOptions): Promise<DpTrainingStart>;
export interface DpSgdPlan {
    readonly samplingRate: number;
    readonly steps: number;
    readonly noiseMultiplier: number;
    readonly expectedBatch: number;
    readonly batchCap: number;
    /** δ of the batch cap (recorded on the ledger entry). */
    readonly capDelta: number;
}
/**
 * Plan DP-SGD for `epochs` epochs at an expected batch size, with what is left of the ledger (less `reserveRho` for
 * anything charged later): q = batch/N̂ (as sampled), T = ⌈epochs/q⌉, the batch cap from N⁺, and the smallest noise
 * multiplier that fits (`planNoiseMultiplier`). Throws (kind 'privacy') when no noise level fits.
 */
export declare function planDpSgd(start: Pick<DpTrainingStart, 'ledger' | 'rowsHat' | 'rowsUpper'>, opts: {
    readonly batchSize: number;
    readonly epochs: number;
    readonly coordinates: number;
}): DpSgdPlan;
/** Rows per float32 chunk of DP-SGD's clipped sum (its float error is in the sensitivity, nn/dp-sgd.ts). */
export declare const DP_CHUNK = 64;
/**
 * The `DpSgd` of a plan: its noise multiplier, sampling rate, expected batch and batch cap, chunks of `chunk` rows
 * (default `DP_CHUNK`; smaller chunks make the float slack in the sensitivity smaller, at some speed).
 */
export declare function dpSgdFor(modules: readonly PerExampleModule[], plan: DpSgdPlan, clipNorm: number, chunk?: number): DpSgd;
export interface DpSgdRun {
    /** The synthesizer: the progress phase, and the ledger entry's query (`<name> DP-SGD`). */
    readonly synthesizer: string;
    /** The fixed epoch count the plan was made for. */
    readonly epochs: number;
    /** What one step is called in progress messages (default `step`; ctgan's are `critic step`s). */
    readonly stepName?: string;
    readonly onProgress?: ProgressFn;
}
/**
 * The DP-SGD training run of a learned synthesizer (tvae, ctgan's critic, argn), then its ledger charge:
 *
 * - exactly `plan.steps` steps, each `step(t, epoch)` (t from 0, epoch from 1 to `epochs`), which must take exactly
 *   one `dp.step` (checked: the plan's accounting is for one Poisson batch per step);
 * - a progress event at the end of each epoch (⌈1/q⌉ steps) and after the last step, with the epoch and step count
 *   only — never a loss or a batch size (facts about the rows);
 * - after the last step, one "subsampled-gaussian" entry on the ledger (query `<synthesizer> DP-SGD`, the modelled
 *   columns, `dp.ledgerParams()`: the noise multiplier used, q, the steps taken, C and Δ with the float slack), with
 *   the batch cap's δ (`plan.capDelta`). If a step throws, nothing is charged and no model is made.
 */
export declare function trainDpSgd(start: Pick<DpTrainingStart, 'ledger' | 'specs'>, plan: DpSgdPlan, dp: DpSgd, run: DpSgdRun, step: (t: number, epoch: number) => void): void;
/**
 * Output-layer biases that make a generator's softmax spans start at the noisy 1-way marginals (post-processing of
 * what `startDpTraining` paid for): a one-hot span gets the log of each category's noisy frequency (and of the
 * missing share), a mode span the log of the mixture weights times the present share (and of the missing share);
 * tanh/identity spans 0. A floor of 1e-4 keeps every slot possible. With the rest of the output layer small, a
 * generator then samples each column from its noisy marginal before it has learned anything.
 */
export declare function marginalLogits(transform: TableTransform, start: Pick<DpTrainingStart, 'marginals'>): Float32Array;
