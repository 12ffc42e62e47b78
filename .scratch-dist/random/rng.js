import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
const TWO_NEG_32 = 2 ** -32;
const TWO_NEG_53 = 2 ** -53;
/**
 * Seeded random source for *sampling* (DESIGN.md rule 2): reproducible, fast, never used for DP noise — that is
 * `SecureRng`'s job, and the two types are not interchangeable. The generator is xoroshiro128+ from `pure-rand`
 * (well tested, jumpable); `fork()` jumps 2^64 steps ahead so parallel streams never overlap.
 */
export class Rng {
    g;
    spare = NaN;
    constructor(seed) {
        if (!Number.isFinite(seed))
            throw new Error(`Rng seed must be a finite number, got ${seed}`);
        const whole = Math.trunc(seed);
        const lo = whole | 0;
        const hi = Math.trunc(whole / 4294967296) | 0;
        this.g = xoroshiro128plus(lo ^ Math.imul(hi, 0x85ebca6b));
    }
    /** A uniformly distributed unsigned 32-bit integer. */
    u32() {
        return this.g.next() >>> 0;
    }
    /** Uniform in [0, 1) with 53 random bits. */
    float() {
        const a = this.g.next() >>> 5; // 27 bits
        const b = this.g.next() >>> 6; // 26 bits
        return (a * 67108864 + b) * TWO_NEG_53;
    }
    /** Uniform in [0, 1) with 32 random bits (faster; for sampling where 2^-32 resolution is enough). */
    float32() {
        return (this.g.next() >>> 0) * TWO_NEG_32;
    }
    /** Uniform integer in [0, n), exact (rejection sampling), for 1 ≤ n ≤ 2^32. */
    int(n) {
        if (!(n >= 1 && n <= 4294967296) || !Number.isInteger(n))
            throw new Error(`Rng.int: n must be an integer in [1, 2^32], got ${n}`);
        if (n === 4294967296)
            return this.u32();
        const limit = 4294967296 - (4294967296 % n);
        for (;;) {
            const x = this.u32();
            if (x < limit)
                return x % n;
        }
    }
    /** Standard normal (Marsaglia polar method). */
    normal() {
        if (!Number.isNaN(this.spare)) {
            const s = this.spare;
            this.spare = NaN;
            return s;
        }
        for (;;) {
            const u = 2 * this.float() - 1;
            const v = 2 * this.float() - 1;
            const s = u * u + v * v;
            if (s > 0 && s < 1) {
                const f = Math.sqrt((-2 * Math.log(s)) / s);
                this.spare = v * f;
                return u * f;
            }
        }
    }
    /** Exponential with rate 1. */
    exponential() {
        return -Math.log1p(-this.float());
    }
    /** Gamma(shape, 1) by Marsaglia–Tsang. */
    gamma(shape) {
        if (shape < 1)
            return this.gamma(shape + 1) * Math.pow(this.float() || Number.MIN_VALUE, 1 / shape);
        const d = shape - 1 / 3;
        const c = 1 / Math.sqrt(9 * d);
        for (;;) {
            let x, v;
            do {
                x = this.normal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            const u = this.float();
            if (u < 1 - 0.0331 * x * x * x * x)
                return d * v;
            if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v)))
                return d * v;
        }
    }
    /** An index drawn with probability proportional to `weights[i]` (non-negative, not all zero). Linear scan. */
    categorical(weights, total) {
        let t = total;
        if (t === undefined) {
            t = 0;
            for (let i = 0; i < weights.length; i++)
                t += weights[i];
        }
        let r = this.float() * t;
        for (let i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0)
                return i;
        }
        for (let i = weights.length - 1; i >= 0; i--)
            if (weights[i] > 0)
                return i;
        throw new Error('Rng.categorical: all weights are zero');
    }
    /** Fisher–Yates shuffle in place. */
    shuffle(a) {
        for (let i = a.length - 1; i > 0; i--) {
            const j = this.int(i + 1);
            const t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
    /** A permutation of 0..n-1. */
    permutation(n) {
        const p = new Int32Array(n);
        for (let i = 0; i < n; i++)
            p[i] = i;
        return this.shuffle(p);
    }
    /** An independent stream: a copy of this generator jumped 2^64 steps ahead; this one advances too. */
    fork() {
        const child = Object.create(Rng.prototype);
        const g = this.g.clone();
        g.jump();
        child.g = g;
        child.spare = NaN;
        // the parent moves past the child's stream: children sit at odd multiples of 2^64, the parent at even ones
        this.g.jump();
        this.g.jump();
        return child;
    }
}
/**
 * Walker/Vose alias table: O(1) draws from a fixed discrete distribution after O(k) setup. Used to sample many
 * rows from the same marginal.
 */
export class AliasTable {
    prob;
    alias;
    size;
    constructor(weights) {
        const k = weights.length;
        if (k === 0)
            throw new Error('AliasTable: no weights');
        let total = 0;
        for (let i = 0; i < k; i++) {
            if (!(weights[i] >= 0))
                throw new Error('AliasTable: weights must be non-negative numbers');
            total += weights[i];
        }
        if (!(total > 0))
            throw new Error('AliasTable: all weights are zero');
        this.size = k;
        this.prob = new Float64Array(k);
        this.alias = new Int32Array(k);
        const scaled = new Float64Array(k);
        const small = [];
        const large = [];
        for (let i = 0; i < k; i++) {
            scaled[i] = (weights[i] * k) / total;
            (scaled[i] < 1 ? small : large).push(i);
        }
        while (small.length && large.length) {
            const s = small.pop();
            const l = large.pop();
            this.prob[s] = scaled[s];
            this.alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).push(l);
        }
        for (const i of large)
            this.prob[i] = 1;
        for (const i of small)
            this.prob[i] = 1;
    }
    sample(rng) {
        const u = rng.float() * this.size;
        const i = Math.min(this.size - 1, Math.floor(u));
        return u - i < this.prob[i] ? i : this.alias[i];
    }
}
//# sourceMappingURL=rng.js.map