import { Activation, Dense, Dropout, Embedding } from '../../nn/layers.js';
import type { PerExampleModule } from '../../nn/per-example.js';
import { type Ctx, type Param, type ParamGradMode } from '../../nn/tensor.js';
import type { Rng } from '../../random/rng.js';
/**
 * The ARGN network (after MOSTLY AI's TabularARGN flat model): an embedding per column, and per column a small
 * head — a dense layer on the concatenated embeddings of the columns *before it in the order* (the others zeroed),
 * ReLU, and a dense layer giving the logits of the column's tokens.
 *
 * The order is an input, not part of the weights: training draws a random permutation per batch (`flexible`) or
 * uses a fixed one; every head reads the full concatenation with a mask, so a model trained on random orders can
 * generate in any order — which is how conditioned columns are put first (native conditional sampling). Sampling
 * fills the concatenation column by column: columns not drawn yet are still zero, exactly the mask of training.
 *
 * Sizes (`modelSize` S/M/L, MOSTLY AI's heuristics): embedding width min(K, max(10, c·⌈K^e⌉)) for a column of K
 * tokens (S: 2·⌈K^0.15⌉, M: 3·⌈K^0.25⌉, L: 4·⌈K^0.33⌉); hidden width u·round(ln max(K, e)) with u = 4, 16, 32.
 * Dropout (default 0.25) on the concatenated embeddings in training.
 */
export type ModelSize = 'S' | 'M' | 'L';
export interface NetShape {
    /** Tokens per column. */
    readonly cards: readonly number[];
    /** Embedding width per column. */
    readonly dims: readonly number[];
    /** Hidden width per column's head. */
    readonly hidden: readonly number[];
}
export declare function netShape(cards: readonly number[], size: ModelSize): NetShape;
export declare class ArgnNet {
    readonly shape: NetShape;
    readonly p: number;
    /** Width of the concatenated embeddings. */
    readonly D: number;
    readonly offs: Int32Array;
    readonly emb: Embedding[];
    readonly h1: Dense[];
    readonly act: Activation[];
    readonly out: Dense[];
    readonly drop: Dropout;
    /** Every parameter, in a fixed order (the model file's). */
    readonly params: readonly Param[];
    /** What DP-SGD clips jointly. */
    readonly modules: readonly PerExampleModule[];
    private E;
    private dE;
    private X;
    private G;
    private dEmb;
    private bt;
    constructor(shape: NetShape, rng: Rng, dropout?: number);
    /** Set each head's output bias to the log of its column's token frequencies (a non-DP fit's head start). */
    initBias(freqs: readonly Float64Array[]): void;
    /**
     * Forward (and, with `grad`, backward) over the rows `rows` of `tokens` with the columns in the order given by
     * `pos` (pos[j] = place of column j). Returns the summed cross-entropy over rows and columns; with `grad`, adds
     * `scale` × its gradient to the parameters (`'sum'`) or records per-example gradients (`'per-example'`, then
     * `scale` must be 1: DP-SGD needs the loss as a sum of per-example terms).
     */
    run(tokens: readonly Int32Array[], rows: Int32Array, pos: Int32Array, ctx: Ctx, grad: ParamGradMode | null, scale?: number): number;
    /**
     * Draw tokens for `n` rows, generating the columns in `order` (column indices). For a column with `allowed`
     * tokens, the draw is restricted to them (by the model's probabilities); a single allowed token is written
     * without running the head. Logits are divided by `temperature`; with `topP` < 1 the draw is among the most
     * likely tokens whose probabilities add up to topP (nucleus sampling). `ctx.training` must be false.
     */
    sample(n: number, order: readonly number[], allowed: readonly (Int32Array | null)[], temperature: number, topP: number, ctx: Ctx, rng: Rng, chunk?: number): Int32Array[];
}
