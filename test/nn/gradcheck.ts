import { Rng } from '../../src/random/rng.js';
import { createGemmSync } from '../../src/nn/kernel/wasm.js';
import type { Ctx, Mat, Param } from '../../src/nn/tensor.js';
import { mat } from '../../src/nn/tensor.js';

export const gemm = createGemmSync();

/** A training context whose noise stream restarts at the same seed every call (same dropout mask, same Gumbel noise). */
export function ctxOf(seed = 7, training = true): Ctx {
  return { gemm, training, rng: new Rng(seed) };
}

export function randomMat(rows: number, cols: number, rng: Rng, scale = 1): Mat {
  const m = mat(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = (2 * rng.float() - 1) * scale;
  return m;
}

/**
 * Central-difference check of an analytic gradient. `loss()` recomputes the loss from the current values;
 * `values` are perturbed in place, coordinate by coordinate (at most `maxCoords`, spread over the array).
 * Returns the worst |numeric − analytic| / max(1e-3, |numeric| + |analytic|).
 */
export function worstRelativeError(
  values: Float32Array,
  analytic: ArrayLike<number>,
  loss: () => number,
  h = 1e-2,
  maxCoords = 40,
): number {
  let worst = 0;
  const step = Math.max(1, Math.floor(values.length / maxCoords));
  for (let i = 0; i < values.length; i += step) {
    const v = values[i];
    values[i] = v + h;
    const up = loss();
    values[i] = v - h;
    const down = loss();
    values[i] = v;
    const numeric = (up - down) / (2 * h);
    const err = Math.abs(numeric - analytic[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[i]));
    worst = Math.max(worst, err);
  }
  return worst;
}

/**
 * The central-difference check of `worstRelativeError` for losses with kinks (ReLU) and a float32 forward pass:
 * a coordinate whose central differences at h and at h/2 disagree by more than 2 % is skipped — there the loss is
 * not smooth at that scale (a ReLU input within h of 0) or the float32 rounding dominates, and no finite difference
 * says what the derivative is. Which coordinates are skipped does not depend on the analytic gradient, so a wrong
 * gradient cannot hide there; the caller bounds how many may be skipped.
 */
export function smoothRelativeError(
  values: Float32Array,
  analytic: ArrayLike<number>,
  loss: () => number,
  h: number,
  maxCoords = 40,
): { worst: number; checked: number; skipped: number } {
  let worst = 0,
    checked = 0,
    skipped = 0;
  const step = Math.max(1, Math.floor(values.length / maxCoords));
  const central = (i: number, d: number): number => {
    const v = values[i];
    values[i] = v + d;
    const up = loss();
    values[i] = v - d;
    const down = loss();
    values[i] = v;
    return (up - down) / (2 * d);
  };
  for (let i = 0; i < values.length; i += step) {
    const n1 = central(i, h);
    const n2 = central(i, h / 2);
    if (Math.abs(n1 - n2) / Math.max(1e-3, Math.abs(n1) + Math.abs(n2)) > 0.02) {
      skipped++;
      continue;
    }
    checked++;
    const err = Math.abs(n1 - analytic[i]) / Math.max(1e-3, Math.abs(n1) + Math.abs(analytic[i]));
    worst = Math.max(worst, err);
  }
  return { worst, checked, skipped };
}

/** Σ r_ij·y_ij in float64: a loss whose gradient with respect to y is r. */
export function dot(y: Mat, r: Mat): number {
  let s = 0;
  for (let i = 0; i < y.rows * y.cols; i++) s += y.data[i] * r.data[i];
  return s;
}

export function touchAll(params: readonly Param[]): void {
  for (const p of params) p.touch();
}
