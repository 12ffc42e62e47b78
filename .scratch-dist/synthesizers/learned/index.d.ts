import { ProblemList } from '../../errors.js';
import { type Gemm } from '../../nn/index.js';
import { Param } from '../../nn/tensor.js';
import { PrivacyLedger } from '../../privacy/ledger.js';
import { Rng } from '../../random/rng.js';
import type { Column } from '../../table/column.js';
import type { ColumnSpec, Schema } from '../../table/schema.js';
import { Table } from '../../table/table.js';
import { type ColumnCondition } from '../conditions.js';
import { type IdStyle } from '../common.js';
import { type TableTransform } from '../transforms/index.js';
import type { ModelFile, SampleOptions } from '../types.js';
/**
 * What the learned synthesizers `tvae` and `ctgan` share (docs/nn.md, "TVAE and CTGAN"): preparing the training
 * matrix through the transforms, the validation split and early stopping, the NaN/inf guard, the common options, the
 * model-file pieces (transform + weights, validated on load) and sampling (unmodelled columns, conditions by
 * rejection). Nothing here is specific to one network.
 */
/** The fewest rows a learned synthesizer trains on (a batch of 10 and something to validate on). */
export declare const MIN_LEARNED_ROWS = 10;
export interface TrainingData {
    readonly specs: readonly ColumnSpec[];
    readonly transform: TableTransform;
    readonly ids: Record<string, IdStyle>;
    /** Encoded rows, `rows × transform.width`. */
    readonly data: Float32Array;
    readonly rows: number;
    /** Row indices to train on and to validate on (disjoint; `valid` empty without a validation split). */
    readonly train: Int32Array;
    readonly valid: Int32Array;
}
/**
 * Fit the transforms and encode the table; split the rows (seeded) into training and validation. Too few rows and
 * columns the transforms cannot represent are refused together (LookalikeError, kind input).
 */
export declare function prepareTraining(name: string, table: Table, schema: Schema, rng: Rng, validation: number, minRows?: number): TrainingData;
/** Copy rows `idx[from..from+count)` of `data` (width `w`) into `out`. */
export declare function gatherRows(data: Float32Array, w: number, idx: Int32Array, from: number, count: number, out: Float32Array): void;
/** A GEMM for training (threads through the registered spawner; one thread where none is). */
export declare function trainingGemm(threads: number): Promise<Gemm>;
/** Stop with an error naming the epoch when a loss is not finite (no model is returned, nothing is written). */
export declare function checkFiniteLoss(name: string, loss: number, epoch: number, what?: string): void;
/**
 * Early stopping on a validation loss: remembers the best epoch's weights; `done` after `patience` epochs without
 * an improvement (relative 1e-4). `restore` puts the best weights back.
 */
export declare class EarlyStopping {
    private readonly params;
    private readonly patience;
    private best;
    private bestEpoch;
    private since;
    private snapshot;
    constructor(params: readonly Param[], patience: number);
    /** Record an epoch's validation loss; returns true when training should stop. */
    update(loss: number, epoch: number): boolean;
    get bestLoss(): number;
    get bestEpochNumber(): number;
    restore(): void;
}
/** A report of the training, kept in the model file. */
export interface TrainingSummary {
    readonly epochs: number;
    readonly bestEpoch: number;
    readonly trainLoss: number;
    readonly validLoss: number | null;
    readonly stoppedEarly: boolean;
}
/** The parts of a learned model's params every such model has; `load` checks them with `readLearnedParams`. */
export interface LearnedParams {
    readonly ids: Record<string, IdStyle>;
    readonly transform: unknown;
    readonly weights: unknown;
    readonly training?: TrainingSummary;
}
/**
 * Read and check the transform of a model file against its schema: every modelled column of the schema has a
 * transform of a matching kind, in schema order. Adds problems to `p`; returns the transform when it is valid.
 */
export declare function readTransform(params: Record<string, unknown>, schema: Schema, p: ProblemList): {
    transform: TableTransform;
    ids: Record<string, IdStyle>;
} | null;
/**
 * Sample a learned model: `draw(n, rng)` gives the modelled columns (in schema order of modelled specs);
 * unmodelled columns are added; conditions go through `sampleByRejection`, drawing from `conditional(conditions)`
 * when the model gives a draw that leans towards them (ctgan's conditional vector), else from `draw`.
 */
export declare function sampleLearned(schema: Schema, ids: Record<string, IdStyle>, n: number, opts: SampleOptions, draw: (n: number, rng: Rng) => Column[], conditional?: (conds: readonly ColumnCondition[]) => ((n: number, rng: Rng) => Column[]) | null): Table;
/** Round decoded float columns to the decimals their schema declares (as the input had them). */
export declare function roundFloats(columns: Column[], schema: Schema): Column[];
/**
 * The DP part of a learned model file: for a DP model (the registry has already checked that the claim is what the
 * ledger adds up to), its ledger and the noisy row count `params.dp.rows`; null for a model without DP (which must
 * then carry no `dp` part). Throws a LookalikeError naming the problem.
 */
export declare function readDpPart(file: ModelFile, params: Record<string, unknown>, name: string): PrivacyLedger | null;
