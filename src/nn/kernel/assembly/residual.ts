// AssemblyScript: the element-wise work of CTGAN's residual block [ReLU(BN(h)) | x] (h = the block's dense output),
// forward and backward (issue 11). Each is the same sequence of IEEE operations as its plain-TS reference
// (referenceResidualForward / referenceResidualBackward in ../reference.ts, which are layers.ts's BatchNorm and
// Activation('relu') loops and residual.ts's copies), so the same bits (tested). Float64 work in f64x2 lanes over
// two adjacent columns: each column's sums still run over the rows in order.

// @ts-ignore: decorator
@inline
function ld2(p: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(p));
}

// @ts-ignore: decorator
@inline
function st2(p: usize, v: v128): void {
  v128.store64_lane(p, f32x4.demote_f64x2_zero(v), 0);
}

/**
 * Forward of the block for B rows. h: B×o (the dense layer's output), x: B×n (the block's input); gamma, beta,
 * rm, rv: o float32 (rm, rv: the running mean and variance, updated in place in training); mean, vr: o float64
 * scratch; invStd: o float32 (out); xh, yb: B×o float32 (out: x̂ and the batch norm's output, kept for the
 * backward); y: B×(o+n) (out: [relu(yb) | x]).
 *
 * Training: batch mean and biased variance per column (float64, rows in order, two passes), running statistics
 * (1 − momentum)·r + momentum·s (the variance unbiased), then invStd = 1/√(var + eps); otherwise the running
 * statistics. x̂ = (h − mean)·invStd (float64), yb = gamma·x̂ + beta, relu = (yb + |yb|)/2.
 */
export function residualForward(
  h: usize, x: usize, B: i32, o: i32, n: i32, gamma: usize, beta: usize, rm: usize, rv: usize, training: i32,
  momentum: f64, eps: f64, mean: usize, vr: usize, invStd: usize, xh: usize, yb: usize, y: usize,
): void {
  const o2 = o & ~1;
  const fB = <f64>B;
  if (training) {
    memory.fill(mean, 0, <usize>o << 3);
    memory.fill(vr, 0, <usize>o << 3);
    for (let i = 0; i < B; i++) {
      const row = h + ((<usize>i * <usize>o) << 2);
      for (let j = 0; j < o2; j += 2) {
        const m = mean + (<usize>j << 3);
        v128.store(m, f64x2.add(v128.load(m), ld2(row + (<usize>j << 2))));
      }
      for (let j = o2; j < o; j++) {
        const m = mean + (<usize>j << 3);
        store<f64>(m, load<f64>(m) + <f64>load<f32>(row + (<usize>j << 2)));
      }
    }
    for (let j = 0; j < o; j++) store<f64>(mean + (<usize>j << 3), load<f64>(mean + (<usize>j << 3)) / fB);
    for (let i = 0; i < B; i++) {
      const row = h + ((<usize>i * <usize>o) << 2);
      for (let j = 0; j < o2; j += 2) {
        const v = vr + (<usize>j << 3);
        const t = f64x2.sub(ld2(row + (<usize>j << 2)), v128.load(mean + (<usize>j << 3)));
        v128.store(v, f64x2.add(v128.load(v), f64x2.mul(t, t)));
      }
      for (let j = o2; j < o; j++) {
        const v = vr + (<usize>j << 3);
        const t = <f64>load<f32>(row + (<usize>j << 2)) - load<f64>(mean + (<usize>j << 3));
        store<f64>(v, load<f64>(v) + t * t);
      }
    }
    for (let j = 0; j < o; j++) {
      const jm = <usize>j << 3;
      const jf = <usize>j << 2;
      const s = load<f64>(vr + jm);
      store<f32>(rm + jf, <f32>((1 - momentum) * <f64>load<f32>(rm + jf) + momentum * load<f64>(mean + jm)));
      store<f32>(rv + jf, <f32>((1 - momentum) * <f64>load<f32>(rv + jf) + momentum * (B > 1 ? s / <f64>(B - 1) : s)));
      store<f64>(vr + jm, s / fB);
    }
  } else {
    for (let j = 0; j < o; j++) {
      store<f64>(mean + (<usize>j << 3), <f64>load<f32>(rm + (<usize>j << 2)));
      store<f64>(vr + (<usize>j << 3), <f64>load<f32>(rv + (<usize>j << 2)));
    }
  }
  for (let j = 0; j < o; j++)
    store<f32>(invStd + (<usize>j << 2), <f32>(1 / Math.sqrt(load<f64>(vr + (<usize>j << 3)) + eps)));
  const w = o + n;
  const half = f64x2.splat(0.5);
  for (let i = 0; i < B; i++) {
    const ri = (<usize>i * <usize>o) << 2;
    const yr = y + ((<usize>i * <usize>w) << 2);
    for (let j = 0; j < o2; j += 2) {
      const jf = <usize>j << 2;
      const hv = f64x2.mul(f64x2.sub(ld2(h + ri + jf), v128.load(mean + (<usize>j << 3))), ld2(invStd + jf));
      st2(xh + ri + jf, hv);
      const bn = f32x4.demote_f64x2_zero(f64x2.add(f64x2.mul(ld2(gamma + jf), hv), ld2(beta + jf)));
      v128.store64_lane(yb + ri + jf, bn, 0);
      const v = f64x2.promote_low_f32x4(bn);
      st2(yr + jf, f64x2.mul(f64x2.add(v, f64x2.abs(v)), half));
    }
    for (let j = o2; j < o; j++) {
      const jf = <usize>j << 2;
      const hv = (<f64>load<f32>(h + ri + jf) - load<f64>(mean + (<usize>j << 3))) * <f64>load<f32>(invStd + jf);
      store<f32>(xh + ri + jf, <f32>hv);
      const v = <f64>(<f32>(<f64>load<f32>(gamma + jf) * hv + <f64>load<f32>(beta + jf)));
      store<f32>(yb + ri + jf, <f32>v);
      store<f32>(yr + jf, <f32>((v + Math.abs(v)) * 0.5));
    }
    memory.copy(yr + (<usize>o << 2), x + ((<usize>i * <usize>n) << 2), <usize>n << 2);
  }
}

/**
 * Backward of the block's ReLU and batch norm for B rows. dy: B×w (the gradient of [relu | x]: its first o columns
 * are read); yb, xh, invStd: the forward's; sumDy, sumDyXh: o float64 (out: Σ r and Σ r·x̂ over the rows in order,
 * r = dy·(yb > 0) — the gradients of beta and gamma); dbn: B×o (out: the gradient of h).
 * `trained`: the forward used batch statistics: dbn = (gamma·invStd/B)·(B·r − Σr − x̂·Σr·x̂); else gamma·invStd·r.
 */
export function residualBackward(
  dy: usize, B: i32, o: i32, w: i32, yb: usize, xh: usize, gamma: usize, invStd: usize, trained: i32,
  sumDy: usize, sumDyXh: usize, r: usize, dbn: usize,
): void {
  const o2 = o & ~1;
  const o4 = o & ~3;
  const fB = <f64>B;
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  memory.fill(sumDy, 0, <usize>o << 3);
  memory.fill(sumDyXh, 0, <usize>o << 3);
  for (let i = 0; i < B; i++) {
    const ri = (<usize>i * <usize>o) << 2;
    const dr = dy + ((<usize>i * <usize>w) << 2);
    // the ReLU's backward: r = dy·(yb > 0 ? 1 : 0), exact in float32
    for (let j = 0; j < o4; j += 4) {
      const jf = <usize>j << 2;
      const m = v128.and(f32x4.gt(v128.load(yb + ri + jf), zero), one);
      v128.store(r + ri + jf, f32x4.mul(v128.load(dr + jf), m));
    }
    for (let j = o4; j < o; j++) {
      const jf = <usize>j << 2;
      store<f32>(r + ri + jf, load<f32>(dr + jf) * (load<f32>(yb + ri + jf) > 0 ? <f32>1 : <f32>0));
    }
    for (let j = 0; j < o2; j += 2) {
      const jf = <usize>j << 2;
      const jm = <usize>j << 3;
      const v = ld2(r + ri + jf);
      v128.store(sumDy + jm, f64x2.add(v128.load(sumDy + jm), v));
      v128.store(sumDyXh + jm, f64x2.add(v128.load(sumDyXh + jm), f64x2.mul(v, ld2(xh + ri + jf))));
    }
    for (let j = o2; j < o; j++) {
      const jf = <usize>j << 2;
      const jm = <usize>j << 3;
      const v = <f64>load<f32>(r + ri + jf);
      store<f64>(sumDy + jm, load<f64>(sumDy + jm) + v);
      store<f64>(sumDyXh + jm, load<f64>(sumDyXh + jm) + v * <f64>load<f32>(xh + ri + jf));
    }
  }
  const vB = f64x2.splat(fB);
  for (let i = 0; i < B; i++) {
    const ri = (<usize>i * <usize>o) << 2;
    for (let j = 0; j < o2; j += 2) {
      const jf = <usize>j << 2;
      const jm = <usize>j << 3;
      const gi = f64x2.mul(ld2(gamma + jf), ld2(invStd + jf));
      const v = ld2(r + ri + jf);
      if (trained) {
        const t = f64x2.sub(
          f64x2.sub(f64x2.mul(vB, v), v128.load(sumDy + jm)),
          f64x2.mul(ld2(xh + ri + jf), v128.load(sumDyXh + jm)),
        );
        st2(dbn + ri + jf, f64x2.mul(f64x2.div(gi, vB), t));
      } else st2(dbn + ri + jf, f64x2.mul(gi, v));
    }
    for (let j = o2; j < o; j++) {
      const jf = <usize>j << 2;
      const jm = <usize>j << 3;
      const g = <f64>load<f32>(gamma + jf);
      const s = <f64>load<f32>(invStd + jf);
      const v = <f64>load<f32>(r + ri + jf);
      store<f32>(
        dbn + ri + jf,
        <f32>(
          trained
            ? ((g * s) / fB) * (fB * v - load<f64>(sumDy + jm) - <f64>load<f32>(xh + ri + jf) * load<f64>(sumDyXh + jm))
            : g * s * v
        ),
      );
    }
  }
}
