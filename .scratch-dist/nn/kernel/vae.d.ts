import type { Rng } from '../../random/rng.js';
/** A softmax span of an encoded row: `width` values from column `start`. */
export interface SoftmaxSpan {
    readonly start: number;
    readonly width: number;
}
/**
 * The element-wise work of a VAE training step (tvae) in the kernel's WebAssembly: the latent draws ε, the latent
 * layer (z = μ + ε·σ, KL and their gradients) and the softmax cross-entropy of one-hot spans. ε, σ and the KL
 * gradients stay in the kernel's memory between the forward and the backward; only the encoder's output, z, the
 * decoder's output and the gradients cross. Each operation is bit-identical to its plain-TS reference
 * (`reference.ts`), which is also what runs where WebAssembly SIMD is unavailable.
 *
 * Not thread-safe (one step at a time); the buffers are sized for the largest batch seen.
 */
export declare class VaeKernel {
    readonly latent: number;
    readonly width: number;
    readonly spans: readonly SoftmaxSpan[];
    private k;
    private f32;
    private cap;
    private rows;
    private o;
    private ref;
    private readonly useWasm;
    private readonly state;
    constructor(latent: number, width: number, spans: readonly SoftmaxSpan[], opts?: {
        readonly backend?: 'auto' | 'js';
    });
    /** The ε of the last `draw`/`setEps` (B × latent), as a copy (tests). */
    eps(): Float32Array;
    private ensure;
    /** ε for B rows: standard normal draws from a generator seeded with 4 words of `rng` (xoshiro128**, ziggurat). */
    draw(B: number, rng: Rng): void;
    /** ε for B rows given by the caller (B × latent values). */
    setEps(B: number, eps: Float32Array): void;
    /**
     * From the encoder's output enc (B × 2·latent rows [μ | log σ²], B of the last `draw`/`setEps`): z = μ + ε·σ into
     * `z` (B × latent); returns KL(q(z|x) ‖ N(0, I)) summed over the batch, and keeps `klScale` × its gradients for
     * `backward`.
     */
    forward(enc: Float32Array, z: Float32Array, klScale: number): number;
    /** The encoder's output gradient (B × 2·latent) from dz (B × latent) and the KL gradients of `forward`. */
    backward(dz: Float32Array, dEnc: Float32Array): void;
    /**
     * Σ_rows Σ_spans cross-entropy of softmax(rec[span]) against the one-hot x[span] over B rows (B ≤ the last
     * `draw`/`setEps`'s); writes g × its gradient into d[span] and 0 into d's other columns (B × width values).
     */
    softmaxLoss(rec: Float32Array, x: Float32Array, d: Float32Array, B: number, g: number): number;
}
