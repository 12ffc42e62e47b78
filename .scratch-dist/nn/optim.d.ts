import type { Param } from './tensor.js';
export interface AdamOptions {
    readonly lr: number;
    readonly beta1?: number;
    readonly beta2?: number;
    readonly eps?: number;
    /** L2 penalty added to the gradient (PyTorch `Adam(weight_decay=…)`), default 0. */
    readonly weightDecay?: number;
    /** Decoupled weight decay (AdamW, Loshchilov & Hutter 2019): θ ← θ − lr·wd·θ, default 0. */
    readonly decoupledWeightDecay?: number;
    /**
     * Where the update runs: `auto` (default) the kernel's WebAssembly SIMD `adam` where available, else this file's
     * scalar loop; `js` the scalar loop. Both give the same bits (the kernel does the same float64 operations).
     */
    readonly backend?: 'auto' | 'js';
}
/**
 * Adam (Kingma & Ba 2015) with bias correction, optional L2 (Adam) or decoupled (AdamW) weight decay, over the
 * trainable parameters given. Moments and arithmetic in float64 per element, stored as float32. `step()` bumps each
 * parameter's version (packed weights are refreshed lazily).
 */
export declare class Adam {
    readonly params: readonly Param[];
    private readonly m;
    private readonly v;
    private t;
    lr: number;
    private readonly b1;
    private readonly b2;
    private readonly eps;
    private readonly wd;
    private readonly dwd;
    /** The wasm path: m and v live in the kernel's memory; each step copies w and g in and w out. */
    private readonly kernel;
    /** Where `step` runs (see AdamOptions.backend). */
    get backend(): 'wasm-simd' | 'js';
    constructor(params: readonly Param[], opts: AdamOptions);
    zeroGrad(): void;
    step(): void;
}
/** The global L2 norm of the parameters' gradients. */
export declare function gradNorm(params: readonly Param[]): number;
/** Scale all gradients so their global L2 norm is at most `maxNorm` (PyTorch `clip_grad_norm_`); returns the norm before. */
export declare function clipGradNorm(params: readonly Param[], maxNorm: number): number;
/** True when every value and gradient is finite. */
export declare function allFinite(params: readonly Param[]): boolean;
