export class SecureRng {
    buf = new Uint32Array(256);
    pos = 256;
    source;
    /**
     * @param source defaults to `globalThis.crypto`. Tests may pass another *cryptographic* source; there is no way
     * to seed it, on purpose.
     */
    constructor(source) {
        const s = source ?? globalThis.crypto;
        if (!s || typeof s.getRandomValues !== 'function') {
            throw new Error('SecureRng needs WebCrypto (globalThis.crypto.getRandomValues); use Node ≥ 20 or a browser.');
        }
        this.source = s;
    }
    /** A uniformly random unsigned 32-bit integer. */
    u32() {
        if (this.pos === this.buf.length) {
            this.source.getRandomValues(this.buf);
            this.pos = 0;
        }
        return this.buf[this.pos++];
    }
    /**
     * Fill `out` with uniformly random 32-bit words straight from the source (in chunks of at most 65,536 bytes, the
     * WebCrypto limit). For bulk consumers: a call per word through `u32()` costs far more than the bytes.
     */
    fillU32(out) {
        for (let i = 0; i < out.length; i += 16384) {
            this.source.getRandomValues(out.subarray(i, Math.min(out.length, i + 16384)));
        }
    }
    /** `k` uniformly random bits (0 ≤ k ≤ 32) as a number. */
    bits(k) {
        if (k === 0)
            return 0;
        return k === 32 ? this.u32() : this.u32() >>> (32 - k);
    }
    /** Uniform integer in [0, n) for a safe integer n ≥ 1, exact (rejection on the smallest power of two ≥ n). */
    uniformInt(n) {
        if (!Number.isSafeInteger(n) || n < 1)
            throw new Error(`SecureRng.uniformInt: n must be a safe integer ≥ 1, got ${n}`);
        if (n === 1)
            return 0;
        if (n <= 4294967296) {
            const k = Math.ceil(Math.log2(n));
            for (;;) {
                const x = this.bits(k);
                if (x < n)
                    return x;
            }
        }
        return Number(this.uniformBigInt(BigInt(n)));
    }
    /** Uniform BigInt in [0, n) for n ≥ 1, exact. */
    uniformBigInt(n) {
        if (n < 1n)
            throw new Error('SecureRng.uniformBigInt: n must be ≥ 1');
        if (n === 1n)
            return 0n;
        const k = (n - 1n).toString(2).length;
        for (;;) {
            let x = 0n;
            let left = k;
            while (left > 0) {
                const take = Math.min(32, left);
                x = (x << BigInt(take)) | BigInt(this.bits(take));
                left -= take;
            }
            if (x < n)
                return x;
        }
    }
    /** Bernoulli(num/den) exactly, for integers 0 ≤ num ≤ den, den ≥ 1. */
    bernoulli(num, den) {
        if (den < 1n || num < 0n || num > den)
            throw new Error('SecureRng.bernoulli: need 0 ≤ num ≤ den and den ≥ 1');
        return this.uniformBigInt(den) < num;
    }
}
//# sourceMappingURL=secure.js.map