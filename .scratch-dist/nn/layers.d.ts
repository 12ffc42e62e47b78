import type { Rng } from '../random/rng.js';
import type { Gemm, PackedB } from './kernel/gemm.js';
import { Param, type BackwardOptions, type Ctx, type Mat } from './tensor.js';
/**
 * Layers with hand-derived backward passes (no tape): each layer caches what its backward needs during `forward`,
 * owns its output and input-gradient buffers (valid until its next call), and accumulates parameter gradients
 * into `Param.grad`. Contract:
 *
 * - `forward(x, ctx)` then `backward(dy, ctx, opts)` — one backward per forward, in reverse order through a stack.
 *   A layer may be run forward on several batches per step only if each forward is followed by its backward
 *   before the next forward.
 * - `backward` returns the input gradient (or null with `inputGrad: false`) and, per `opts.params`, adds the summed
 *   parameter gradient (`sum`, the default), nothing (`none`), or records what DP-SGD needs (`per-example`): then
 *   `addSquaredNorms` gives each example's squared gradient norm without materialising per-example gradients
 *   ("ghost norms": for a dense layer ‖x_i‖²·‖dy_i‖² + ‖dy_i‖², Goodfellow 2015, Li et al. 2022) and
 *   `accumulateScaled(s)` adds Σ_i s_i·g_i — the clipped sum. Batch norm mixes examples and refuses that mode.
 * - Weights are packed for the GEMM once per version (an optimiser step bumps it), however often they are used.
 */
export interface Layer {
    /** Trainable parameters and saved state (running statistics), in a fixed order. */
    readonly params: readonly Param[];
    forward(x: Mat, ctx: Ctx): Mat;
    backward(dy: Mat, ctx: Ctx, opts?: BackwardOptions): Mat | null;
    /** After a `per-example` backward: add each example's squared parameter-gradient norm to `acc[i]`. */
    addSquaredNorms(acc: Float64Array): void;
    /** After a `per-example` backward: add Σ_i scale[i]·(example i's gradient) to the parameters' `grad`. */
    accumulateScaled(scale: Float32Array, ctx: Ctx): void;
}
declare const NO_INPUT_GRAD: {
    readonly inputGrad: false;
};
export { NO_INPUT_GRAD };
/** Uniform(−bound, bound) initialisation from a seeded stream. */
export declare function initUniform(p: Float32Array, bound: number, rng: Rng): void;
/**
 * Fully connected: y = x·W + b, W stored [in, out] row-major. Initialised as PyTorch's `nn.Linear`
 * (W and b uniform in ±1/√in).
 */
export declare class Dense implements Layer {
    readonly inputs: number;
    readonly outputs: number;
    readonly W: Param;
    readonly b: Param;
    readonly params: readonly Param[];
    private readonly fwd;
    private readonly bwd;
    private x;
    private y;
    private dx;
    private dy;
    private tmp;
    constructor(inputs: number, outputs: number, rng: Rng, name?: string);
    /** W packed for `gemm` as the right operand of x·W (or, `transposed`, of dy·Wᵀ), packed once per weight version. */
    packedWeight(gemm: Gemm, transposed: boolean): PackedB;
    forward(x: Mat, ctx: Ctx): Mat;
    /**
     * relu(x·W + b) with the ReLU done in the GEMM's epilogue (`Sequential` uses it for a Dense followed by a ReLU
     * `Activation`, which then adopts the output: see `Activation.adopt`). The backward is the plain Dense backward.
     */
    forwardActivated(x: Mat, ctx: Ctx, activation: 'relu' | null): Mat;
    backward(dy: Mat, ctx: Ctx, opts?: BackwardOptions): Mat | null;
    /**
     * The backward, and with `throughRelu` also the backward of a ReLU whose output is this layer's input: the input
     * gradient is multiplied by (x > 0) in the GEMM's epilogue (`Sequential` uses it; the same bits as the ReLU's
     * own backward).
     */
    backwardMasked(dy: Mat, ctx: Ctx, opts: BackwardOptions, throughRelu: boolean): Mat | null;
    private accumulate;
    addSquaredNorms(acc: Float64Array): void;
    accumulateScaled(scale: Float32Array, ctx: Ctx): void;
}
/** Layers without parameters share these no-ops. */
declare abstract class Stateless implements Layer {
    readonly params: readonly Param[];
    abstract forward(x: Mat, ctx: Ctx): Mat;
    abstract backward(dy: Mat, ctx: Ctx, opts?: BackwardOptions): Mat | null;
    addSquaredNorms(): void;
    accumulateScaled(): void;
}
type Fn = 'relu' | 'leaky-relu' | 'silu' | 'tanh' | 'sigmoid';
/** Element-wise activations: ReLU, LeakyReLU(slope), SiLU (x·σ(x)), tanh, sigmoid. */
export declare class Activation extends Stateless {
    readonly fn: Fn;
    readonly slope: number;
    private x;
    private y;
    /** This layer's own output buffer (`y` may be a Dense's, after `adopt`). */
    private own;
    private dx;
    /** [slope, 1]: the derivative indexed by (x > 0), for the branch-free loops. */
    private readonly slopeTable;
    constructor(fn: Fn, slope?: number);
    /**
     * Take `y` = relu(pre-activation), already computed (by `Dense.forwardActivated`), as this ReLU's forward: the
     * backward's mask (x > 0) is the same read off y, since relu(x) > 0 exactly when x > 0.
     */
    adopt(y: Mat): Mat;
    forward(x: Mat, _ctx: Ctx): Mat;
    backward(dy: Mat, _ctx: Ctx, opts?: BackwardOptions): Mat | null;
    /** The derivative's value at each cached input (1 or slope for ReLU-like): used by the WGAN-GP double backward. */
    slopes(out: Float32Array): void;
}
/** Inverted dropout: in training, zero each value with probability p and scale the rest by 1/(1−p). */
export declare class Dropout extends Stateless {
    readonly p: number;
    private mask;
    private y;
    private dx;
    private active;
    constructor(p: number);
    forward(x: Mat, ctx: Ctx): Mat;
    backward(dy: Mat, _ctx: Ctx, opts?: BackwardOptions): Mat | null;
    /** The last mask (0 or 1/(1−p) per value), or null when dropout was inactive. */
    lastMask(): Float32Array | null;
}
/**
 * Batch normalisation over the batch dimension (Ioffe & Szegedy 2015), as PyTorch's `BatchNorm1d`: biased batch
 * variance to normalise, running mean and unbiased variance updated with `momentum` in training and used in
 * evaluation. Mixes examples, so it cannot run under DP-SGD (per-example mode throws).
 */
export declare class BatchNorm implements Layer {
    readonly features: number;
    readonly eps: number;
    readonly momentum: number;
    readonly gamma: Param;
    readonly beta: Param;
    readonly runningMean: Param;
    readonly runningVar: Param;
    readonly params: readonly Param[];
    private xhat;
    private y;
    private dx;
    private invStd;
    private trained;
    /** Per-feature float64 scratch: the batch mean and variance (forward), Σdy and Σdy·x̂ (backward). */
    private readonly mean;
    private readonly vr;
    constructor(features: number, name?: string, eps?: number, momentum?: number);
    forward(x: Mat, ctx: Ctx): Mat;
    backward(dy: Mat, _ctx: Ctx, opts?: BackwardOptions): Mat | null;
    addSquaredNorms(): void;
    accumulateScaled(): void;
}
/** Layer normalisation over each row's features (Ba, Kiros & Hinton 2016), with gain and bias. */
export declare class LayerNorm implements Layer {
    readonly features: number;
    readonly eps: number;
    readonly gamma: Param;
    readonly beta: Param;
    readonly params: readonly Param[];
    private xhat;
    private y;
    private dx;
    private dy;
    private invStd;
    constructor(features: number, name?: string, eps?: number);
    forward(x: Mat, _ctx: Ctx): Mat;
    backward(dy: Mat, _ctx: Ctx, opts?: BackwardOptions): Mat | null;
    private accumulate;
    addSquaredNorms(acc: Float64Array): void;
    accumulateScaled(scale: Float32Array): void;
}
/** A stack of layers run in order; backward runs them in reverse. */
export declare class Sequential implements Layer {
    readonly layers: readonly Layer[];
    readonly params: readonly Param[];
    constructor(layers: readonly Layer[]);
    forward(x: Mat, ctx: Ctx): Mat;
    backward(dy: Mat, ctx: Ctx, opts?: BackwardOptions): Mat | null;
    addSquaredNorms(acc: Float64Array): void;
    accumulateScaled(scale: Float32Array, ctx: Ctx): void;
}
/**
 * Embedding: a table of `count` vectors of `dim` values; `lookup(index)` gives one row per index (initialised
 * N(0, 1), as PyTorch's `nn.Embedding`). Its per-example norms assume one index per example, as `lookup` takes.
 */
export declare class Embedding {
    readonly count: number;
    readonly dim: number;
    readonly table: Param;
    readonly params: readonly Param[];
    private index;
    private y;
    private dy;
    constructor(count: number, dim: number, rng: Rng, name?: string);
    lookup(index: Int32Array, rows?: number): Mat;
    backward(dy: Mat, opts?: BackwardOptions): void;
    private accumulate;
    addSquaredNorms(acc: Float64Array): void;
    accumulateScaled(scale: Float32Array): void;
}
/** One output span of a generator: which columns and how they are activated. */
export interface Span {
    readonly start: number;
    readonly width: number;
    readonly fn: 'identity' | 'tanh' | 'softmax' | 'gumbel-softmax';
}
/**
 * Per-span output activations of a generator (CTGAN's `_apply_activate`): tanh, softmax, or Gumbel-softmax
 * (Jang, Gu & Poole 2017: softmax((z + g)/τ) with Gumbel noise g, differentiable in z).
 */
export declare class SpanActivation extends Stateless {
    readonly spans: readonly Span[];
    readonly tau: number;
    private y;
    private dx;
    constructor(spans: readonly Span[], tau?: number);
    /**
     * In training the Gumbel noise comes from `Math.log` (engine-dependent, 4x faster: a fit is reproducible on one
     * machine); outside training from the engine-independent `gumbel`, so sampling a model file gives the same bytes
     * everywhere.
     */
    forward(x: Mat, ctx: Ctx): Mat;
    backward(dy: Mat, _ctx: Ctx, opts?: BackwardOptions): Mat | null;
}
/** softmax(scale·v) over v[from, from + n), in place. */
export declare function softmaxInPlace(v: Float32Array, from: number, n: number, scale: number): void;
/** A standard Gumbel draw, −log(−log u). */
export declare function gumbel(rng: Rng): number;
