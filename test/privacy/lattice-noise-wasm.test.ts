import { describe, expect, test } from 'vitest';
import { DpSgdNoise } from '../../src/privacy/dpsgd.js';
import {
  gaussianTable,
  LatticeGaussian,
  LatticeSum,
  minTau,
  wasmNoiseAvailable,
  type GaussianTable,
} from '../../src/privacy/lattice-gaussian.js';
import { Rng } from '../../src/random/rng.js';
import { SecureRng, type RandomBytesSource } from '../../src/random/secure.js';

// The wasm noise kernel (src/nn/kernel/assembly/lattice-noise.ts) against its TypeScript reference (`fill3` in
// src/privacy/lattice-gaussian.ts): the same values, bit for bit, on the same random words — deterministic word
// streams stand in for WebCrypto here (a test-only source; the library's SecureRng cannot be seeded). The streams
// are salted with words that tie with table entries (U₀ equal to an entry's first word, and sometimes U₁ equal to
// its second too), so every path of the tie handling runs many times. No randomness: these tests cannot fail by
// chance. The distributions themselves are tested in lattice-gaussian.test.ts (α = 1e-6), on both engines.

/** xorshift128 words; with `t`, about one word in `tieEvery` replaced by an entry's first word (then, half of the
 * time, the next word by that entry's second word: a tie on 64 bits). */
function wordStream(seed: number, t?: GaussianTable, tieEvery = 0): RandomBytesSource {
  let a = seed >>> 0 || 1;
  let b = 362436069;
  let c = 521288629;
  let d = 88675123;
  const next = (): number => {
    const x = a ^ (a << 11);
    a = b;
    b = c;
    c = d;
    d = (d ^ (d >>> 19) ^ (x ^ (x >>> 8))) >>> 0;
    return d;
  };
  let pending = -1;
  return {
    getRandomValues<T extends Uint32Array>(arr: T): T {
      for (let i = 0; i < arr.length; i++) {
        if (pending >= 0) {
          arr[i] = pending;
          pending = -1;
          continue;
        }
        const r = next();
        if (t && tieEvery && r % tieEvery === 0) {
          const j = next() % (t.first.length - 1);
          arr[i] = t.first[j];
          if (next() & 1) pending = t.words[j * 8 + 1];
        } else arr[i] = r;
      }
      return arr;
    },
  };
}

function sameBits(a: Float64Array, b: Float64Array): number {
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) diff++;
  return diff;
}

const noise = new DpSgdNoise({ noiseMultiplier: 1.1, clipNorm: 1, dimension: 40_000, floatSlack: 0.003 });
const table = gaussianTable(noise.sampler.r2);

describe('the wasm lattice noise kernel', () => {
  test('runs here (Node has WebAssembly)', () => {
    expect(wasmNoiseAvailable()).toBe(true);
  });

  test.each([
    ['no ties', 0],
    ['a tie every ~40 words', 40],
    ['a tie every ~3 words', 3],
  ])('fillInt: wasm == TypeScript bit for bit on the same words (%s)', (_, tieEvery) => {
    const n = 40_000; // more than seven buffers of 16,384 words
    const js = new Float64Array(n);
    const wasm = new Float64Array(n);
    noise.sampler.fillInt(js, new SecureRng(wordStream(11, table, tieEvery)), 'js');
    noise.sampler.fillInt(wasm, new SecureRng(wordStream(11, table, tieEvery)), 'wasm');
    expect(sameBits(js, wasm)).toBe(0);
    // and the draws are not all alike (a kernel that wrote nothing would match a reference that wrote nothing)
    expect(new Set(js).size).toBeGreaterThan(n * 0.99);
  });

  test('privatize: wasm == TypeScript bit for bit, rounding halves as Math.round does', () => {
    const d = noise.dimension;
    const g = noise.gamma;
    // float sums including exact halves of the lattice step (ties of the rounding), both signs, and zeros
    const sum = new Float64Array(d).map((_, i) =>
      i % 5 === 0
        ? ((i % 7) - 3 + 0.5) * g
        : i % 5 === 1
          ? i % 2
            ? -0
            : 0 // Math.round keeps −0; the kernel's rounding gives +0 — the same after + K
          : i % 5 === 2
            ? -0.3 * g // Math.round(−0.3) = −0
            : Math.sin(i) * 0.01,
    );
    for (const tieEvery of [0, 5]) {
      const js = new Float64Array(d);
      const wasm = new Float64Array(d);
      noise.privatize(sum, new SecureRng(wordStream(3, table, tieEvery)), js, 'js');
      noise.privatize(sum, new SecureRng(wordStream(3, table, tieEvery)), wasm, 'wasm');
      expect(sameBits(js, wasm)).toBe(0);
      // in place (out = sum) gives the same
      const inPlace = Float64Array.from(sum);
      noise.privatize(inPlace, new SecureRng(wordStream(3, table, tieEvery)), inPlace, 'wasm');
      expect(sameBits(js, inPlace)).toBe(0);
    }
    // Float32 output: the same values rounded to float32
    const js32 = new Float32Array(d);
    const wasm32 = new Float32Array(d);
    noise.privatize(sum, new SecureRng(wordStream(5, table, 7)), js32, 'js');
    noise.privatize(sum, new SecureRng(wordStream(5, table, 7)), wasm32, 'wasm');
    expect(sameBits(Float64Array.from(js32), Float64Array.from(wasm32))).toBe(0);
  });

  test('LatticeSum: float32 vectors added in the kernel, released in place — the TypeScript values × post', () => {
    const d = noise.dimension;
    const rng = new Rng(8);
    const parts = [new Float32Array(30_000), new Float32Array(9_999), new Float32Array(1)];
    const ref = new Float64Array(d);
    const sum = noise.kernelSum()!;
    expect(sum).toBeInstanceOf(LatticeSum);
    sum.data.fill(0);
    for (let round = 0; round < 3; round++) {
      let o = 0;
      for (const v of parts) {
        for (let j = 0; j < v.length; j++) v[j] = (rng.float() - 0.5) * 10 ** (round - 2);
        sum.addF32(o, v);
        for (let j = 0; j < v.length; j++) ref[o + j] += v[j];
        o += v.length;
      }
    }
    expect(sameBits(ref, Float64Array.from(sum.data))).toBe(0);
    const post = 1 / 37;
    const js = new Float64Array(d);
    noise.privatize(ref, new SecureRng(wordStream(21, table, 9)), js, 'js');
    for (let i = 0; i < d; i++) js[i] *= post;
    noise.privatizeSum(sum, new SecureRng(wordStream(21, table, 9)), post);
    expect(sameBits(js, Float64Array.from(sum.data))).toBe(0);
    expect(() => sum.addF32(d - 1, new Float32Array(2))).toThrow(RangeError);
  });

  test('a tie in the last coordinate of a buffer draws its remaining words from the next buffer (both engines)', () => {
    // Before this was fixed, the TypeScript sampler read past the end of its word buffer here and drew the last
    // level from an undefined word — a deterministic value in place of noise (once in ~10^3 DP-SGD runs).
    const lg = new LatticeGaussian(minTau(2, 7) * 1.3, { levels: 2, levelBits: 7 });
    const t = gaussianTable(lg.r2);
    const k = t.maxAbs + 3; // the entry of J = 3
    const f0 = t.first[k];
    const f1 = t.words[k * 8 + 1];
    const mid = 0x80000000; // J = 0
    // buffer 1: coordinate 0 ties at its first draw (4 words), so coordinate c starts at word 4 + 3(c − 1) and the
    // last one that fits starts at word 16,381 = BUF − 3 — it ties at its first draw too: U₀ = F̃(3)'s first word,
    // U₁ just below its second (J₀ = 3), J₁ from word 16,383, and J₂ from the first word of buffer 2
    const words1 = new Uint32Array(16384).fill(mid);
    words1[0] = f0;
    words1[1] = f1 - 1;
    words1[16381] = f0;
    words1[16382] = f1 - 1;
    const source = (): RandomBytesSource => {
      let call = 0;
      return {
        getRandomValues<T extends Uint32Array>(a: T): T {
          if (call++ === 0) a.set(words1.subarray(0, a.length));
          else a.fill(mid);
          return a;
        },
      };
    };
    const last = 1 + (16381 - 4) / 3; // the coordinate starting at word 16,381
    for (const engine of ['js', 'wasm'] as const) {
      const out = new Float64Array(last + 2);
      lg.fillInt(out, new SecureRng(source()), engine);
      expect(out[0]).toBe(3);
      expect(out[1]).toBe(0);
      expect(out[last]).toBe(3);
      expect(out[last + 1]).toBe(0);
    }
  });

  test('levels other than two above the base stay on the TypeScript path; wasm is refused there', () => {
    const lg = new LatticeGaussian(4e6, { levels: 1 });
    const out = new Float64Array(10);
    expect(() => lg.fillInt(out, new SecureRng(), 'wasm')).toThrow(/three draws/);
    lg.fillInt(out, new SecureRng());
    expect(new Set(out).size).toBeGreaterThan(5);
  });
});
