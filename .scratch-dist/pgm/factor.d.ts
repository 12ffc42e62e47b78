/**
 * Factors over discrete domains (DESIGN.md rule 1): a factor is a set of attributes (integer ids, strictly
 * increasing), their sizes, and one flat row-major `Float64Array` of values — the last attribute varies fastest.
 * Factors of the graphical model hold *log* potentials; `logSumExpTo` marginalises in log space and
 * `sumTo` in probability space.
 *
 * Written by hand: no maintained npm package offers strided discrete factors over typed arrays (the JS tensor
 * libraries are GPU/float32 oriented and allocate per call); the kernels here are a few loops over index maps.
 */
/** A factor: attrs strictly increasing, shape[i] = size of attrs[i], values.length = product of shape. */
export interface Factor {
    readonly attrs: readonly number[];
    readonly shape: readonly number[];
    readonly values: Float64Array;
}
/** The number of cells of a factor with this shape (1 for the empty shape). */
export declare function cellCount(shape: readonly number[]): number;
/** The shape of `attrs` under the domain `sizes` (sizes[a] = number of values of attribute a). */
export declare function shapeOf(attrs: readonly number[], sizes: ArrayLike<number>): number[];
/** Sorted, de-duplicated copy. */
export declare function sortedAttrs(attrs: Iterable<number>): number[];
export declare function isSubset(sub: readonly number[], sup: readonly number[]): boolean;
export declare function union(a: readonly number[], b: readonly number[]): number[];
export declare function intersection(a: readonly number[], b: readonly number[]): number[];
export declare function factor(attrs: readonly number[], shape: readonly number[], values?: Float64Array): Factor;
/**
 * For every cell of a factor over `attrs` (shape `shape`), the index of the cell of its projection on `sub`
 * (⊆ attrs, increasing) — the map used to marginalise (sum cells onto their projection) and to expand (read the
 * projection's value). O(cells).
 */
export declare function indexMap(attrs: readonly number[], shape: readonly number[], sub: readonly number[]): Int32Array;
/** out[map[i]] += values[i] (out zeroed first). Probability-space marginalisation. */
export declare function sumTo(values: Float64Array, map: Int32Array, out: Float64Array): Float64Array;
/** out = log Σ exp over cells mapping to each output cell (log-space marginalisation), stable. */
export declare function logSumExpMapped(values: Float64Array, map: Int32Array, out: Float64Array): Float64Array;
/** log Σ exp(values), stable; -Infinity for an empty or all -Infinity array. */
export declare function logSumExp(values: ArrayLike<number>): number;
/** Log-space marginal of `f` on `sub` (⊆ f.attrs): log Σ exp over the other attributes. */
export declare function logSumExpTo(f: Factor, sub: readonly number[]): Factor;
/** Probability-space marginal of `f` on `sub` (⊆ f.attrs): Σ over the other attributes. */
export declare function sumOutTo(f: Factor, sub: readonly number[]): Factor;
/** `f` broadcast to a factor over `attrs` ⊇ f.attrs with the given shape (values repeated). */
export declare function expand(f: Factor, attrs: readonly number[], shape: readonly number[]): Factor;
/** Log-space product (sum of log values) of two factors, over the union of their attributes. */
export declare function logProduct(a: Factor, b: Factor): Factor;
/** Log-space normalisation: subtract logSumExp so that exp(values) sums to 1 (or to `total`). */
export declare function logNormalise(f: Factor, total?: number): Factor;
/** exp of a log-space factor. */
export declare function expFactor(f: Factor): Factor;
/**
 * The same factor with its axes reordered so that `order` (a permutation of f.attrs) is the row-major order —
 * used by the sampler to put conditioning attributes first. Returns a plain values array (attrs in `order`).
 */
export declare function transposeValues(f: Factor, order: readonly number[]): Float64Array;
