import type { Gemm } from './gemm.js';
/** Pages a shared kernel memory may grow to (1 GiB); scripts/build-wasm.mjs compiles the shared module with it. */
export declare const MAX_SHARED_PAGES = 16384;
interface KernelExports {
    packA(src: number, lda: number, trans: number, m: number, k: number, dst: number, p0: number, p1: number): void;
    packB(src: number, ldb: number, trans: number, k: number, n: number, dst: number, q0: number, q1: number, sums: number): void;
    gemm(pa: number, pb: number, m: number, n: number, k: number, c: number, ldc: number, accumulate: number, p0: number, p1: number, scratch: number, bias: number, relu: number, mask: number): void;
    adam(w: number, g: number, m: number, v: number, n: number, b1: number, b2: number, c1: number, c2: number, lr: number, eps: number, wd: number, decay: number): void;
    expScaled(x: number, out: number, n: number, scale: number, t: number): void;
    normals(out: number, n: number, state: number, tables: number): void;
    latentForward(enc: number, eps: number, std: number, z: number, dMu: number, dLv: number, B: number, E: number, scale: number, t: number): number;
    latentBackward(dz: number, dMu: number, dLv: number, eps: number, std: number, dEnc: number, B: number, E: number): void;
    softmaxSpans(rec: number, x: number, d: number, spans: number, ns: number, W: number, B: number, g: number, sh: number, t: number): number;
}
/** Whether this platform runs WebAssembly SIMD (the kernel validates). */
export declare function wasmSimdSupported(): boolean;
export type GemmBackend = 'auto' | 'wasm-simd' | 'js';
export interface GemmOptions {
    /** `auto` (default): WebAssembly SIMD where it validates, else the scalar reference. */
    readonly backend?: GemmBackend;
    /**
     * Threads sharing each product (default 1). More than 1 needs a thread spawner (Web Workers in a cross-origin
     * isolated page; Node after `useNodeThreads()`) and shared memory; without them the Gemm quietly uses one thread.
     */
    readonly threads?: number;
}
/** A one-thread Gemm, made synchronously (for sampling, which is synchronous). */
export declare function createGemmSync(opts?: {
    readonly backend?: GemmBackend;
}): Gemm;
/**
 * The kernel's element-wise exports (Adam) on a private memory of its own, sized once (never grown, so views of it
 * stay valid): `floats` float32 values from byte `base`. Null where WebAssembly SIMD is unavailable.
 */
export declare function vectorKernel(floats: number): {
    readonly heap: Float32Array;
    readonly base: number;
    readonly adam: KernelExports['adam'];
    readonly expScaled: KernelExports['expScaled'];
} | null;
/** A Gemm with up to `threads` threads (see GemmOptions). Close it when done to stop its workers. */
export declare function createGemm(opts?: GemmOptions): Promise<Gemm>;
/** The element-wise exports of the kernel (assembly/elementwise.ts) on a private memory of `bytes` bytes from byte `base`. */
export interface ElementwiseKernel {
    readonly memory: WebAssembly.Memory;
    readonly base: number;
    readonly exports: Pick<KernelExports, 'normals' | 'latentForward' | 'latentBackward' | 'softmaxSpans' | 'expScaled'>;
}
/**
 * A kernel instance on a private, never-grown memory with `bytes` bytes free from `base` (bytes [0, base) are the
 * kernel's own: 16-byte scratch words below 65536 are free for the caller). Null where WebAssembly SIMD is
 * unavailable.
 */
export declare function elementwiseKernel(bytes: number): ElementwiseKernel | null;
export {};
