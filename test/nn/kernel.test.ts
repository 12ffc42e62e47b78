import { describe, expect, it, afterAll } from 'vitest';
import { Rng } from '../../src/random/rng.js';
import {
  addBiasRows,
  addColumnSums,
  maskRows,
  referenceGemm,
  reluRows,
} from '../../src/nn/kernel/reference.js';
import { createGemm, createGemmSync, wasmSimdSupported } from '../../src/nn/kernel/wasm.js';
import type { Gemm } from '../../src/nn/kernel/gemm.js';
import { useNodeThreads } from '../../src/io/nn-threads.js';

function randomArray(n: number, rng: Rng): Float32Array {
  const a = new Float32Array(n);
  // mixed magnitudes so rounding differences in the sum order would show
  for (let i = 0; i < n; i++) a[i] = (2 * rng.float() - 1) * 2 ** (rng.int(12) - 6);
  return a;
}

function sameBits(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [1, 9, 3],
  [3, 5, 7],
  [5, 8, 4],
  [4, 17, 1],
  [13, 9, 300],
  [33, 70, 513],
  [64, 31, 257],
  [130, 24, 66],
];

describe('GEMM kernels against the scalar reference', () => {
  useNodeThreads();
  const gemms: Gemm[] = [];
  afterAll(() => gemms.forEach((g) => g.close()));

  it('WebAssembly SIMD is available here (so the kernel, not the fallback, is tested)', () => {
    expect(wasmSimdSupported()).toBe(true);
  });

  const check = (g: Gemm): void => {
    const rng = new Rng(11);
    for (const [m, n, k] of SHAPES)
      for (const transA of [false, true])
        for (const transB of [false, true])
          for (const accumulate of [false, true]) {
            const a = randomArray(m * k, rng);
            const b = randomArray(k * n, rng);
            const c0 = randomArray(m * n, rng);
            const c1 = c0.slice();
            referenceGemm(m, n, k, a, transA, b, transB, c0, accumulate);
            g.matmul(m, n, k, a, transA, b, transB, c1, accumulate);
            expect(sameBits(c0, c1), `${m}×${n}×${k} tA=${transA} tB=${transB} acc=${accumulate}`).toBe(true);
            // the same product from a packed B
            const p = g.pack(k, n, b, transB);
            const c2 = new Float32Array(m * n);
            g.matmul(m, n, k, a, transA, p, transB, c2, false);
            const c3 = new Float32Array(m * n);
            referenceGemm(m, n, k, a, transA, b, transB, c3, false);
            expect(sameBits(c2, c3)).toBe(true);
            // the fused bias (after the product) and the column sums of B (as the scalar loops)
            const bias = randomArray(n, rng);
            const sums0 = randomArray(n, rng);
            const sums1 = sums0.slice();
            const c4 = c3.slice();
            const c5 = c4.slice();
            referenceGemm(m, n, k, a, transA, b, transB, c4, accumulate);
            addBiasRows(c4, bias, m, n);
            addColumnSums(b, transB, k, n, sums0);
            g.matmul(m, n, k, a, transA, b, transB, c5, accumulate, bias, sums1);
            expect(sameBits(c4, c5), `bias ${m}×${n}×${k} tA=${transA} tB=${transB}`).toBe(true);
            expect(sameBits(sums0, sums1), `column sums ${k}×${n} tB=${transB}`).toBe(true);
            const c6 = new Float32Array(m * n);
            g.matmul(m, n, k, a, transA, p, transB, c6, false, bias);
            const c7 = c3.slice();
            addBiasRows(c7, bias, m, n);
            expect(sameBits(c6, c7)).toBe(true);
            expect(() => g.matmul(m, n, k, a, transA, p, transB, c6, false, null, sums1)).toThrow(/unpacked/);
            // bias then ReLU in the epilogue
            const c8 = new Float32Array(m * n);
            g.matmul(m, n, k, a, transA, p, transB, c8, false, bias, null, 'relu');
            reluRows(c7, m * n);
            expect(sameBits(c7, c8), `relu ${m}×${n}×${k}`).toBe(true);
            // the ReLU backward's mask in the epilogue (negative, zero and positive mask values; −0 products)
            const mask = randomArray(m * n, rng);
            for (let i = 0; i < mask.length; i += 5) mask[i] = 0;
            const c9 = new Float32Array(m * n);
            g.matmul(m, n, k, a, transA, b, transB, c9, false, null, null, null, mask);
            const c10 = c3.slice();
            maskRows(c10, mask, m * n);
            expect(sameBits(c9, c10), `mask ${m}×${n}×${k}`).toBe(true);
            g.release(p);
          }
  };

  it('one thread: bit-identical on odd shapes, transposes, accumulation and k-blocking (k > 256)', () => {
    const g = createGemmSync();
    expect(g.backend).toBe('wasm-simd');
    check(g);
  });

  it('two threads (shared memory + a worker): bit-identical too', async () => {
    const g = await createGemm({ threads: 2 });
    gemms.push(g);
    expect(g.threads).toBe(2);
    check(g);
    // a product big enough to be split between the threads
    const rng = new Rng(5);
    const [m, n, k] = [203, 130, 301];
    const a = randomArray(m * k, rng),
      b = randomArray(k * n, rng);
    const c0 = new Float32Array(m * n),
      c1 = new Float32Array(m * n);
    referenceGemm(m, n, k, a, false, b, true, c0, false);
    g.matmul(m, n, k, a, false, b, true, c1, false);
    expect(sameBits(c0, c1)).toBe(true);
    // many split products back to back, with a bias: chunks claimed by whichever thread runs, workers that wake
    // late cancelled — every result still the reference's bits
    const bias = randomArray(n, rng);
    addBiasRows(c0, bias, m, n);
    for (let r = 0; r < 200; r++) {
      const c2 = new Float32Array(m * n);
      g.matmul(m, n, k, a, false, b, true, c2, false, bias);
      expect(sameBits(c0, c2), `repetition ${r}`).toBe(true);
    }
  });

  it('the JS fallback is the reference', () => {
    const g = createGemmSync({ backend: 'js' });
    expect(g.backend).toBe('js');
    check(g);
  });

  it('repack refreshes a packed matrix in place; a wrongly shaped use is refused', () => {
    const g = createGemmSync();
    const rng = new Rng(2);
    const b = randomArray(6 * 10, rng);
    const p = g.pack(6, 10, b, false);
    const b2 = randomArray(6 * 10, rng);
    g.repack(p, b2);
    const a = randomArray(3 * 6, rng);
    const c = new Float32Array(30),
      r = new Float32Array(30);
    g.matmul(3, 10, 6, a, false, p, false, c, false);
    referenceGemm(3, 10, 6, a, false, b2, false, r, false);
    expect(sameBits(c, r)).toBe(true);
    expect(() => g.matmul(3, 10, 5, a, false, p, false, c, false)).toThrow(/packed 6×10/);
  });

  it('k = 0 gives zeros (or leaves C when accumulating)', () => {
    const g = createGemmSync();
    const c = new Float32Array([1, 2]);
    g.matmul(1, 2, 0, new Float32Array(0), false, new Float32Array(0), false, c, true);
    expect(Array.from(c)).toEqual([1, 2]);
    g.matmul(1, 2, 0, new Float32Array(0), false, new Float32Array(0), false, c, false);
    expect(Array.from(c)).toEqual([0, 0]);
  });
});
