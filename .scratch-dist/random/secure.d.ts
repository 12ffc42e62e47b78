/**
 * Cryptographically secure random source for differential-privacy noise (DESIGN.md rules 2 and 4). Backed by
 * WebCrypto's `getRandomValues` (Node ≥ 20 and browsers). It offers only *exact* primitives — uniform bits,
 * uniform integers by rejection, Bernoulli with a rational probability — from which the exact samplers in
 * `privacy/` are built. It cannot be seeded, and it is a different type from `Rng`, so sampling code cannot be
 * handed to a DP mechanism by mistake.
 */
export interface RandomBytesSource {
    getRandomValues<T extends Uint32Array>(array: T): T;
}
export declare class SecureRng {
    private readonly __rng;
    private readonly buf;
    private pos;
    private readonly source;
    /**
     * @param source defaults to `globalThis.crypto`. Tests may pass another *cryptographic* source; there is no way
     * to seed it, on purpose.
     */
    constructor(source?: RandomBytesSource);
    /** A uniformly random unsigned 32-bit integer. */
    u32(): number;
    /**
     * Fill `out` with uniformly random 32-bit words straight from the source (in chunks of at most 65,536 bytes, the
     * WebCrypto limit). For bulk consumers: a call per word through `u32()` costs far more than the bytes.
     */
    fillU32(out: Uint32Array): void;
    /** `k` uniformly random bits (0 ≤ k ≤ 32) as a number. */
    bits(k: number): number;
    /** Uniform integer in [0, n) for a safe integer n ≥ 1, exact (rejection on the smallest power of two ≥ n). */
    uniformInt(n: number): number;
    /** Uniform BigInt in [0, n) for n ≥ 1, exact. */
    uniformBigInt(n: bigint): bigint;
    /** Bernoulli(num/den) exactly, for integers 0 ≤ num ≤ den, den ≥ 1. */
    bernoulli(num: bigint, den: bigint): boolean;
}
