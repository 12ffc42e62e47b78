import type { RandomBytesSource } from '../../src/random/secure.js';

/** xorshift32 bytes: a reproducible stand-in for WebCrypto, so a DP fit's noise is fixed (tests only). */
export function fixedSource(seed: number): RandomBytesSource {
  let x = seed >>> 0 || 1;
  return {
    getRandomValues<T extends Uint32Array>(a: T): T {
      for (let i = 0; i < a.length; i++) {
        x ^= x << 13;
        x >>>= 0;
        x ^= x >>> 17;
        x ^= x << 5;
        x >>>= 0;
        a[i] = x;
      }
      return a;
    },
  };
}
