import { describe, expect, it } from 'vitest';
import { expScaled, referenceExpScaled } from '../../src/nn/kernel/vector.js';
import { wasmSimdSupported } from '../../src/nn/kernel/wasm.js';
import { Rng } from '../../src/random/rng.js';

describe('expScaled (the kernel SIMD exponential of the training steps) against its reference', () => {
  it('agrees to 2 float32 ulp on odd lengths and wide ranges; the edges exactly', () => {
    expect(wasmSimdSupported()).toBe(true);
    const rng = new Rng(8);
    for (const n of [1, 3, 4, 5, 17, 1000, 70001]) {
      const x = new Float32Array(n);
      for (let i = 0; i < n; i++) x[i] = (2 * rng.float() - 1) * 2 ** (rng.int(8) - 1);
      for (const scale of [1, 0.5, -3]) {
        const a = new Float32Array(n + 2).fill(7);
        const b = new Float32Array(n);
        expScaled(x, n, scale, a);
        referenceExpScaled(x, n, scale, b);
        for (let i = 0; i < n; i++) {
          if (!Number.isFinite(b[i])) {
            expect(a[i], `n=${n} x=${x[i]} scale=${scale}`).toBe(b[i]);
            continue;
          }
          // 2 ulp of float32; below x = −87.3 (e^x ≈ 1.2e−38, near the least normal float32) the kernel gives 0
          const tol = Math.max(2 * 2 ** (Math.floor(Math.log2(b[i])) - 23), 2 ** -125);
          expect(Math.abs(a[i] - b[i]), `n=${n} x=${x[i]} scale=${scale}`).toBeLessThanOrEqual(tol);
        }
        expect([a[n], a[n + 1]]).toEqual([7, 7]); // nothing past n is written
      }
    }
    const edges = Float32Array.of(NaN, -Infinity, Infinity, 0, -0, -100, 100, -87, 88);
    const a = new Float32Array(edges.length);
    expScaled(edges, edges.length, 1, a);
    expect(a[0]).toBeNaN();
    expect(Array.from(a.subarray(1, 7))).toEqual([0, Infinity, 1, 1, 0, Infinity]);
    expect(Math.abs(a[7] / Math.exp(-87) - 1)).toBeLessThan(3e-7);
    expect(Math.abs(a[8] / Math.exp(88) - 1)).toBeLessThan(3e-7);
  });

  it('in place (out = x), and the same bits on a second call', () => {
    const x = Float32Array.from({ length: 37 }, (_, i) => i / 7 - 2);
    const once = new Float32Array(37);
    expScaled(x, 37, 1, once);
    const y = x.slice();
    expScaled(y, 37, 1, y);
    expect(Array.from(y)).toEqual(Array.from(once));
  });
});
