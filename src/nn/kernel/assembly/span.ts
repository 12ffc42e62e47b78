// AssemblyScript: a generator's per-span output activations (layers.ts `SpanActivation`: tanh, softmax,
// Gumbel-softmax), forward and backward (ctgan, issue 11). The same sequence of IEEE operations as the plain-TS
// loops of `SpanActivation` (which are its reference and fallback): float64 arithmetic, math.ts's `exp` (exp64, the
// kernel's operation-for-operation port) and `tanh`, so the same bits (tested). The Gumbel noise is drawn by the
// caller (its logarithms are JavaScript's) and added here.

import { exp64 } from './elementwise';

/** math.ts `tanh`. */
function tanh64(x: f64, table: usize): f64 {
  if (x > 20) return 1;
  if (x < -20) return -1;
  if (Math.abs(x) < 1e-4) return x - (x * x * x) / 3;
  const e = exp64(2 * x, table);
  return (e - 1) / (e + 1);
}

/** layers.ts `softmaxInPlace`: softmax(scale·v) over n float32 values at v, in place. */
function softmaxAt(v: usize, n: i32, scale: f64, table: usize): void {
  let mx: f64 = -Infinity;
  for (let j = 0; j < n; j++) {
    const t = <f64>load<f32>(v + (<usize>j << 2)) * scale;
    if (t > mx) mx = t;
  }
  let s: f64 = 0;
  for (let j = 0; j < n; j++) {
    const p = v + (<usize>j << 2);
    const e = exp64(<f64>load<f32>(p) * scale - mx, table);
    store<f32>(p, <f32>e);
    s += e;
  }
  for (let j = 0; j < n; j++) {
    const p = v + (<usize>j << 2);
    store<f32>(p, <f32>(<f64>load<f32>(p) / s));
  }
}

const TANH: i32 = 1;
const SOFTMAX: i32 = 2;
const GUMBEL: i32 = 3;

/**
 * y (B×c) = x with each span activated: spans holds `ns` triples of i32 (start, width, fn: 0 identity, 1 tanh,
 * 2 softmax, 3 Gumbel-softmax). A Gumbel-softmax span adds noise (B×c float64, read at the span's places) and takes
 * softmax(·/τ) (`invTau` = 1/τ). `table`: exp's 32 float64 values (math.ts EXP_TABLE).
 */
export function spanForward(
  x: usize, noise: usize, y: usize, B: i32, c: i32, spans: usize, ns: i32, invTau: f64, table: usize,
): void {
  memory.copy(y, x, (<usize>B * <usize>c) << 2);
  for (let s = 0; s < ns; s++) {
    const start = load<i32>(spans + <usize>s * 12);
    const w = load<i32>(spans + <usize>s * 12, 4);
    const fn = load<i32>(spans + <usize>s * 12, 8);
    for (let i = 0; i < B; i++) {
      const o = <usize>i * <usize>c + <usize>start;
      const yo = y + (o << 2);
      if (fn == TANH) {
        const xo = x + (o << 2);
        for (let j = 0; j < w; j++)
          store<f32>(yo + (<usize>j << 2), <f32>tanh64(<f64>load<f32>(xo + (<usize>j << 2)), table));
      } else if (fn == SOFTMAX) softmaxAt(yo, w, 1, table);
      else if (fn == GUMBEL) {
        const no = noise + (o << 3);
        for (let j = 0; j < w; j++) {
          const p = yo + (<usize>j << 2);
          store<f32>(p, <f32>(<f64>load<f32>(p) + load<f64>(no + (<usize>j << 3))));
        }
        softmaxAt(yo, w, invTau, table);
      }
    }
  }
}

/**
 * dx (B×c) = dy through the activations of the forward's output y: tanh dy·(1 − y²); softmax and Gumbel-softmax
 * inv·y·(dy − Σ y·dy) per span and row (inv = 1/τ for Gumbel-softmax, else 1); identity dy.
 */
export function spanBackward(
  dy: usize, y: usize, dx: usize, B: i32, c: i32, spans: usize, ns: i32, invTau: f64,
): void {
  memory.copy(dx, dy, (<usize>B * <usize>c) << 2);
  for (let s = 0; s < ns; s++) {
    const start = load<i32>(spans + <usize>s * 12);
    const w = load<i32>(spans + <usize>s * 12, 4);
    const fn = load<i32>(spans + <usize>s * 12, 8);
    if (fn != TANH && fn != SOFTMAX && fn != GUMBEL) continue;
    const inv: f64 = fn == GUMBEL ? invTau : 1;
    for (let i = 0; i < B; i++) {
      const o = (<usize>i * <usize>c + <usize>start) << 2;
      if (fn == TANH) {
        for (let j = 0; j < w; j++) {
          const k = o + (<usize>j << 2);
          const v = <f64>load<f32>(y + k);
          store<f32>(dx + k, <f32>(<f64>load<f32>(dy + k) * (1 - v * v)));
        }
      } else {
        let dot: f64 = 0;
        for (let j = 0; j < w; j++) {
          const k = o + (<usize>j << 2);
          dot += <f64>load<f32>(y + k) * <f64>load<f32>(dy + k);
        }
        for (let j = 0; j < w; j++) {
          const k = o + (<usize>j << 2);
          store<f32>(dx + k, <f32>(inv * <f64>load<f32>(y + k) * (<f64>load<f32>(dy + k) - dot)));
        }
      }
    }
  }
}
