/**
 * Seeded random source for *sampling* (DESIGN.md rule 2): reproducible, fast, never used for DP noise — that is
 * `SecureRng`'s job, and the two types are not interchangeable. The generator is xoroshiro128+ from `pure-rand`
 * (well tested, jumpable); `fork()` jumps 2^64 steps ahead so parallel streams never overlap.
 */
export declare class Rng {
    /** Brand: a `SecureRng` is not an `Rng` and vice versa. */
    private readonly __rng;
    private g;
    private spare;
    constructor(seed: number);
    /** A uniformly distributed unsigned 32-bit integer. */
    u32(): number;
    /** Uniform in [0, 1) with 53 random bits. */
    float(): number;
    /** Uniform in [0, 1) with 32 random bits (faster; for sampling where 2^-32 resolution is enough). */
    float32(): number;
    /** Uniform integer in [0, n), exact (rejection sampling), for 1 ≤ n ≤ 2^32. */
    int(n: number): number;
    /** Standard normal (Marsaglia polar method). */
    normal(): number;
    /** Exponential with rate 1. */
    exponential(): number;
    /** Gamma(shape, 1) by Marsaglia–Tsang. */
    gamma(shape: number): number;
    /** An index drawn with probability proportional to `weights[i]` (non-negative, not all zero). Linear scan. */
    categorical(weights: ArrayLike<number>, total?: number): number;
    /** Fisher–Yates shuffle in place. */
    shuffle<T extends {
        length: number;
        [i: number]: unknown;
    }>(a: T): T;
    /** A permutation of 0..n-1. */
    permutation(n: number): Int32Array;
    /** An independent stream: a copy of this generator jumped 2^64 steps ahead; this one advances too. */
    fork(): Rng;
}
/**
 * Walker/Vose alias table: O(1) draws from a fixed discrete distribution after O(k) setup. Used to sample many
 * rows from the same marginal.
 */
export declare class AliasTable {
    private readonly prob;
    private readonly alias;
    readonly size: number;
    constructor(weights: ArrayLike<number>);
    sample(rng: Rng): number;
}
