import { Sequential, type Ctx, type Mat } from '../../nn/index.js';
import { VaeKernel } from '../../nn/kernel/vae.js';
import type { PerExampleModule } from '../../nn/per-example.js';
import { Param } from '../../nn/tensor.js';
import type { PrivacyGuarantee } from '../../privacy/guarantee.js';
import { PrivacyLedger } from '../../privacy/ledger.js';
import { Rng } from '../../random/rng.js';
import type { Schema } from '../../table/schema.js';
import { Table } from '../../table/table.js';
import { type IdStyle } from '../common.js';
import { type TrainingSummary } from '../learned/index.js';
import type { TableTransform } from '../transforms/index.js';
import type { Model, ModelFile, SampleOptions, Synthesizer } from '../types.js';
/**
 * `tvae`: the tabular variational autoencoder of Xu, Skoularidou, Cuesta-Infante & Veeramachaneni, "Modeling Tabular
 * Data using Conditional GAN" (NeurIPS 2019), laid out as CTGAN's reference TVAE:
 *
 * - rows are encoded by the shared transforms (`../transforms`): numerics and datetimes by mode-specific
 *   normalisation (a Bayesian Gaussian mixture per column; α in a tanh span + the mode one-hot), categories one-hot;
 * - encoder: Dense+ReLU layers (`compress`, default 128, 128) → μ and log σ² of a `embeddingDim`-dimensional latent
 *   (default 128); decoder: Dense+ReLU layers (`decompress`) → one output per encoded value, and a learned σ per α
 *   (initialised 0.1, kept in [0.01, 1]);
 * - loss per row: `lossFactor` (2) × [Σ_α (α − tanh(out))²/(2σ²) + log σ  +  Σ_spans cross-entropy(out, one-hot)]
 *   + KL(q(z|x) ‖ N(0, I)); Adam (lr 1e-3, L2 weight decay 1e-5), batches of 500 rows drawn without replacement;
 * - early stopping on a seeded validation split (`validation`, `patience`): the weights of the best validation
 *   epoch are kept;
 * - sampling: z ~ N(0, I) → decoder → α ~ N(tanh(out), σ²), modes and categories by argmax, decoded exactly by the
 *   transforms. Conditions: by rejection (`sampleByRejection`; the network has no conditional input).
 *
 * Guarantee: without ε NOT differentially private (the network is trained on the rows; the model file holds each
 * numeric column's mixture modes and bounds, read off the data). With ε, (ε, δ)-DP by DP-SGD (`fitTvaeDp`). Runtime: O(epochs · n · width²) multiply-adds on the
 * engine's SIMD GEMM; Adult (32,561 × 15), 50 epochs: see bench/RESULTS-tvae-ctgan.md.
 */
interface Arch {
    readonly width: number;
    readonly embeddingDim: number;
    readonly compress: readonly number[];
    readonly decompress: readonly number[];
}
interface TvaeParams {
    readonly version: 1;
    readonly arch: Arch;
    /** How sampling picks modes and categories (absent in older files: argmax). */
    readonly decoding?: 'sample' | 'argmax';
    readonly ids: Record<string, IdStyle>;
    readonly transform: unknown;
    readonly weights: unknown;
    readonly training: TrainingSummary | null;
    /** A DP fit: its noisy row count N̂ (the default sample size; never the training count). */
    readonly dp?: {
        readonly rows: number;
    };
}
/** The encoder, the decoder and the output scales (exported for the gradient test). */
export declare class TvaeNet {
    readonly arch: Arch;
    readonly encoder: Sequential;
    readonly decoder: Sequential;
    /** log σ of each α value (one per alpha span of the transform). */
    readonly logSigma: Param;
    readonly params: readonly Param[];
    /** Span starts of the α values, and the softmax spans. */
    readonly alpha: readonly number[];
    readonly softmax: readonly {
        start: number;
        width: number;
    }[];
    constructor(arch: Arch, transform: TableTransform, rng: Rng);
    clampSigma(): void;
}
/**
 * log σ under DP-SGD: a parameter outside any layer, so its per-example gradients (one value per row and α) are
 * recorded by `TvaeStep.run` in per-example mode and exposed to `clipPerExample` here (materialised: they are few).
 */
declare class SigmaPerExample implements PerExampleModule {
    private readonly logSigma;
    readonly params: readonly Param[];
    /** rows × α per-example gradients of the last per-example run. */
    grads: Float32Array<ArrayBuffer>;
    rows: number;
    constructor(logSigma: Param);
    addSquaredNorms(acc: Float64Array): void;
    accumulateScaled(scale: Float32Array): void;
}
/** Buffers of one training step (reused across steps). */
export declare class TvaeStep {
    private readonly net;
    private readonly lossFactor;
    eps: Float32Array;
    z: Mat;
    pred: Mat;
    dRec: Mat;
    dEnc: Mat;
    /** The latent layer and the softmax spans in the kernel (ε, σ and the KL gradients stay in its memory). */
    readonly kernel: VaeKernel;
    /** log σ as a per-example module (DP-SGD). */
    readonly sigma: SigmaPerExample;
    constructor(net: TvaeNet, lossFactor: number);
    private cap;
    /** Buffers for B rows: allocated for the largest batch so far, the matrices re-shaped over them (no garbage). */
    private ensure;
    /**
     * Forward (and with `backward`, backward) on a batch: returns the summed loss (reconstruction × lossFactor + KL)
     * and adds the gradient of `scale` × that loss into the parameters — or, with `perExample`, records what DP-SGD's
     * clipping needs instead (the loss is a sum of per-row terms: each row's latent draw, reconstruction and KL
     * involve that row only).
     */
    run(x: Mat, ctx: Ctx, rng: Rng, backward: boolean, scale: number, perExample?: boolean, rowSeeds?: Uint32Array): number;
}
export declare class TvaeModel implements Model {
    readonly schema: Schema;
    private readonly params;
    private readonly net;
    private readonly transform;
    private readonly ledger;
    readonly synthesizer = "tvae";
    readonly privacy: PrivacyGuarantee;
    private gemm;
    constructor(schema: Schema, params: TvaeParams, net: TvaeNet, transform: TableTransform, ledger?: PrivacyLedger | null);
    /** A DP model's noisy row count (never the training count); undefined without DP. */
    get defaultRows(): number | undefined;
    sample(n: number, opts?: SampleOptions): Table;
    private draw;
    /**
     * Each row of `table` through the encoder's mean and back through the decoder (α = tanh(out), no noise): what the
     * autoencoder remembers of those rows. Used by the tests to show that training works (a model can memorise 20
     * rows); not part of the synthesizer contract.
     */
    reconstruct(table: Table, seed?: number): Table;
    toJSON(): ModelFile;
}
export declare const tvae: Synthesizer;
export {};
