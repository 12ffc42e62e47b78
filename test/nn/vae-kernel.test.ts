import { describe, expect, it } from 'vitest';
import {
  addBiasRows,
  addColumnSums,
  referenceGemm,
  reluRows,
  referenceLatentBackward,
  referenceLatentForward,
  referenceNormals,
  referenceSoftmaxSpans,
} from '../../src/nn/kernel/reference.js';
import { VaeKernel, type SoftmaxSpan } from '../../src/nn/kernel/vae.js';
import { expScaled, referenceExpScaled } from '../../src/nn/kernel/vector.js';
import { createGemmSync, wasmSimdSupported } from '../../src/nn/kernel/wasm.js';
import { ZIG_F, ZIG_X } from '../../src/nn/tensor.js';
import { Rng } from '../../src/random/rng.js';

const bits = (a: Float32Array): number[] => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));

/** Random float32 values in ±2^e, e uniform in [−2, 4]. */
function values(n: number, rng: Rng): Float32Array {
  return Float32Array.from({ length: n }, () => (2 * rng.float() - 1) * 2 ** (rng.int(7) - 2));
}

/** Spans covering a row of width W in pieces of 1..6, every third piece left out (an α column, say). */
function spansOf(W: number, rng: Rng): SoftmaxSpan[] {
  const out: SoftmaxSpan[] = [];
  for (let at = 0, i = 0; at < W; i++) {
    const w = Math.min(W - at, 1 + rng.int(6));
    if (i % 3 !== 2) out.push({ start: at, width: w });
    at += w;
  }
  return out;
}

function oneHot(B: number, W: number, spans: readonly SoftmaxSpan[], rng: Rng): Float32Array {
  const x = values(B * W, rng);
  for (let i = 0; i < B; i++)
    for (const s of spans) {
      x.fill(0, i * W + s.start, i * W + s.start + s.width);
      x[i * W + s.start + rng.int(s.width)] = 1;
    }
  return x;
}

describe('the VAE step kernels (assembly/elementwise.ts) against their plain-TS references', () => {
  it('the kernel is available here (WebAssembly SIMD)', () => {
    expect(wasmSimdSupported()).toBe(true);
  });

  it('normals: the same bits as the reference, tails and wedges included, on odd lengths', () => {
    for (const [n, seed] of [
      [1, 1],
      [3, 2],
      [17, 3],
      [1001, 4],
      [200003, 5],
    ] as const) {
      const k = new VaeKernel(n, 1, []);
      k.draw(1, new Rng(seed));
      const got = k.eps();
      // the kernel seeds xoshiro128** with 4 words of the Rng, as here
      const r = new Rng(seed);
      const state = Uint32Array.from({ length: 4 }, () => r.u32());
      const want = new Float32Array(n);
      referenceNormals(want, n, state, ZIG_X, ZIG_F);
      expect(bits(got)).toEqual(bits(want));
      const js = new VaeKernel(n, 1, [], { backend: 'js' });
      js.draw(1, new Rng(seed));
      expect(bits(js.eps())).toEqual(bits(want));
    }
  });

  it('normals: standard normal moments and tails (fixed seed; a correct sampler fails with p < 1e-6)', () => {
    const n = 1_000_000;
    const k = new VaeKernel(n, 1, []);
    k.draw(1, new Rng(77));
    const z = k.eps();
    let s1 = 0,
      s2 = 0,
      s4 = 0,
      beyond3 = 0;
    for (const v of z) {
      s1 += v;
      s2 += v * v;
      s4 += v ** 4;
      if (Math.abs(v) > 3) beyond3++;
    }
    // mean: sd 1e-3 → 5 sd; variance: sd √2·1e-3 → 5 sd; kurtosis 3: sd √96·1e-3 ≈ 0.0098 → 5 sd; P(|z|>3) = 0.0027
    expect(Math.abs(s1 / n)).toBeLessThan(0.005);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.0071);
    expect(Math.abs(s4 / n - 3)).toBeLessThan(0.05);
    expect(Math.abs(beyond3 - 0.0027 * n)).toBeLessThan(5 * Math.sqrt(0.0027 * n));
  });

  it('latent forward and backward: the same bits as the reference, with the kernel exp, on odd shapes', () => {
    const rng = new Rng(21);
    for (const [B, E] of [
      [1, 1],
      [3, 5],
      [7, 8],
      [5, 13],
      [31, 128],
    ]) {
      const enc = values(B * 2 * E, rng);
      const eps = values(B * E, rng);
      const dz = values(B * E, rng);
      const scale = 1 / (B + 0.5);
      const k = new VaeKernel(E, 1, []);
      k.setEps(B, eps);
      const z = new Float32Array(B * E + 1).fill(9);
      const kl = k.forward(enc, z, scale);
      const dEnc = new Float32Array(2 * B * E + 1).fill(9);
      k.backward(dz, dEnc);

      const std = new Float32Array(B * E);
      const zr = new Float32Array(B * E);
      const dMu = new Float32Array(B * E);
      const dLv = new Float32Array(B * E);
      const klr = referenceLatentForward(enc, eps, std, zr, dMu, dLv, B, E, scale, expScaled);
      const dEncR = new Float32Array(2 * B * E);
      referenceLatentBackward(dz, dMu, dLv, eps, std, dEncR, B, E);
      expect(kl).toBe(klr);
      expect(bits(z.subarray(0, B * E))).toEqual(bits(zr));
      expect(bits(dEnc.subarray(0, 2 * B * E))).toEqual(bits(dEncR));
      expect([z[B * E], dEnc[2 * B * E]]).toEqual([9, 9]); // nothing written past the batch

      // the plain-TS path (what runs without WebAssembly SIMD)
      const j = new VaeKernel(E, 1, [], { backend: 'js' });
      j.setEps(B, eps);
      const zj = new Float32Array(B * E);
      expect(j.forward(enc, zj, scale)).toBe(klr);
      const dEncJ = new Float32Array(2 * B * E);
      j.backward(dz, dEncJ);
      expect(bits(zj)).toEqual(bits(zr));
      expect(bits(dEncJ)).toEqual(bits(dEncR));
      // with the reference exp: within a few float32 ulp
      const std2 = new Float32Array(B * E);
      const z2 = new Float32Array(B * E);
      const kl2 = referenceLatentForward(
        enc,
        eps,
        std2,
        z2,
        dMu.slice(),
        dLv.slice(),
        B,
        E,
        scale,
        referenceExpScaled,
      );
      expect(Math.abs(kl2 - klr)).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(klr)));
      for (let i = 0; i < B * E; i++)
        expect(Math.abs(z2[i] - zr[i])).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(zr[i])));
    }
  });

  it('softmax spans: the same bits as the reference, with the kernel exp, on odd shapes; 0 outside the spans', () => {
    const rng = new Rng(22);
    for (const [B, W] of [
      [1, 1],
      [2, 3],
      [7, 13],
      [9, 37],
      [50, 154],
    ]) {
      const spans = W === 1 ? [{ start: 0, width: 1 }] : spansOf(W, rng);
      const rec = values(B * W, rng);
      const x = oneHot(B, W, spans, rng);
      const g = 2 / B;
      const k = new VaeKernel(1, W, spans);
      k.setEps(B, new Float32Array(B));
      const d = new Float32Array(B * W + 1).fill(9);
      const loss = k.softmaxLoss(rec, x, d, B, g);
      const dr = new Float32Array(B * W);
      const lr = referenceSoftmaxSpans(rec, x, dr, spans, W, B, g, new Float32Array(B * W), expScaled);
      expect(loss).toBe(lr);
      expect(bits(d.subarray(0, B * W))).toEqual(bits(dr));
      expect(d[B * W]).toBe(9);
      // the cross-entropy itself, in float64
      let want = 0;
      for (let i = 0; i < B; i++)
        for (const s of spans) {
          const o = i * W + s.start;
          let z = 0;
          for (let j = 0; j < s.width; j++) z += Math.exp(rec[o + j]);
          const t = x.subarray(o, o + s.width).indexOf(1);
          want += Math.log(z) - rec[o + t];
        }
      expect(Math.abs(loss - want)).toBeLessThan(1e-5 * (1 + want));
      // the plain-TS path (what runs without WebAssembly SIMD, with vector.ts's expScaled: then its reference)
      const j = new VaeKernel(1, W, spans, { backend: 'js' });
      const dj = new Float32Array(B * W).fill(9);
      expect(j.softmaxLoss(rec, x, dj, B, g)).toBe(lr);
      expect(bits(dj)).toEqual(bits(dr));
      // with the reference exp: within a few float32 ulp
      const dref = new Float32Array(B * W);
      const lref = referenceSoftmaxSpans(
        rec,
        x,
        dref,
        spans,
        W,
        B,
        g,
        new Float32Array(B * W),
        referenceExpScaled,
      );
      expect(Math.abs(lref - lr)).toBeLessThan(1e-6 * (1 + lr));
      for (let i = 0; i < B * W; i++) expect(Math.abs(dref[i] - dr[i])).toBeLessThan(1e-6);
    }
  });

  it('refuses a span outside the row', () => {
    expect(() => new VaeKernel(2, 5, [{ start: 3, width: 3 }])).toThrow(/outside a row of 5/);
  });
});

describe('products with a sparse left operand (gemmSparseA, gemmSparseAt) against the dense reference', () => {
  /** m×k values, most 0 (some −0), the rest in ±2^e. */
  function sparse(m: number, k: number, rng: Rng): Float32Array {
    const a = values(m * k, rng);
    for (let i = 0; i < a.length; i++) {
      const u = rng.float();
      if (u < 0.75) a[i] = 0;
      else if (u < 0.8) a[i] = -0;
    }
    return a;
  }

  it('forward: op(A)·B + bias, ReLU or not, packed B — the same bits as the reference, on odd shapes', () => {
    const gemm = createGemmSync();
    const rng = new Rng(31);
    for (const [m, k, n] of [
      [1, 1, 1],
      [3, 5, 7],
      [7, 13, 8],
      [33, 154, 9],
      [50, 154, 130],
    ]) {
      const a = sparse(m, k, rng);
      const b = values(k * n, rng);
      const bias = values(n, rng);
      const packed = gemm.pack(k, n, b, false);
      for (const relu of [false, true]) {
        const got = new Float32Array(m * n + 1).fill(9);
        gemm.matmul(
          m,
          n,
          k,
          a,
          false,
          packed,
          false,
          got,
          false,
          bias,
          null,
          relu ? 'relu' : null,
          null,
          true,
        );
        const want = new Float32Array(m * n);
        referenceGemm(m, n, k, a, false, b, false, want, false);
        addBiasRows(want, bias, m, n);
        if (relu) reluRows(want, m * n);
        expect(bits(got.subarray(0, m * n)), `${m}×${k}×${n} relu ${relu}`).toEqual(bits(want));
        expect(got[m * n]).toBe(9);
      }
      gemm.release(packed);
    }
  });

  it('weight gradient: G += Aᵀ·D with the column sums of D — the same bits as the reference, on odd shapes', () => {
    const gemm = createGemmSync();
    const rng = new Rng(32);
    for (const [rows, inputs, outputs] of [
      [1, 1, 1],
      [3, 5, 7],
      [7, 13, 8],
      [33, 154, 9],
      [50, 154, 130],
    ]) {
      const x = sparse(rows, inputs, rng);
      const dy = values(rows * outputs, rng);
      const g0 = values(inputs * outputs, rng);
      const s0 = values(outputs, rng);
      const g = g0.slice();
      const sums = s0.slice();
      gemm.matmul(inputs, outputs, rows, x, true, dy, false, g, true, null, sums, null, null, true);
      const gr = g0.slice();
      const sr = s0.slice();
      referenceGemm(inputs, outputs, rows, x, true, dy, false, gr, true);
      addColumnSums(dy, false, rows, outputs, sr);
      expect(bits(g), `${rows}×${inputs}×${outputs}`).toEqual(bits(gr));
      expect(bits(sums)).toEqual(bits(sr));
    }
  });
});
