// AssemblyScript: e^x in float32 SIMD lanes, shared by the element-wise kernels (gemm.ts's expScaled, elementwise.ts).

// @ts-ignore: decorator
@inline
export function expf4(x: v128): v128 {
  // e^x in float32 lanes (Cephes expf: x = n·ln 2 + r, |r| ≤ ln2/2, a degree-6 polynomial, × 2^n by the exponent
  // bits): relative error about 2 ulp of float32; 0 below −87.3, +∞ past 88.72, NaN stays NaN. IEEE lane operations,
  // so the same bits on every machine (not those of ../math.ts: training only needs one machine's reproducibility).
  const c = f32x4.min(f32x4.max(x, f32x4.splat(-87.3)), f32x4.splat(88.8));
  const n = f32x4.nearest(f32x4.mul(c, f32x4.splat(1.44269504088896341)));
  const r = f32x4.sub(f32x4.sub(c, f32x4.mul(n, f32x4.splat(0.693359375))), f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  const y = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1));
  // × 2^n as 2^h · 2^(n − h), h = n >> 1: both factors normal for n in [−126, 128]; past e^88.72 the product overflows
  const ni = i32x4.trunc_sat_f32x4_s(n);
  const h = i32x4.shr_s(ni, 1);
  const s1 = i32x4.shl(i32x4.add(h, i32x4.splat(127)), 23);
  const s2 = i32x4.shl(i32x4.add(i32x4.sub(ni, h), i32x4.splat(127)), 23);
  let out = f32x4.mul(f32x4.mul(y, s1), s2);
  out = v128.bitselect(f32x4.splat(0), out, f32x4.lt(x, f32x4.splat(-87.3)));
  return out;
}

