// AssemblyScript source of the DP-SGD noise kernel (compiled to WebAssembly by scripts/build-wasm.mjs, a module of
// its own, separate from the GEMM kernel). It is the arithmetic of `fill3` in src/privacy/lattice-gaussian.ts — the
// reference it is tested against bit for bit on the same random words (test/privacy/lattice-noise-wasm.test.ts):
//
//   per coordinate, three table draws J₀, J₁, J₂ by inversion of the certified CDF table (the guide on U₀'s first
//   bits, then the entries the guide allows, each decided by U₀ alone — here from one 8-byte record per guide bucket
//   for the buckets with at most one entry, a scan for the others), K = J₀ + L·J₁ + L²·J₂ − offset.
//
// The random words come from the caller (crypto.getRandomValues into this memory); this code draws nothing itself.
// Whenever U₀ *equals* an entry's first word (a tie, probability ~2^-31 per draw) the comparison needs U's further
// words: the kernel then stops *before* the coordinate (`tiePos` = the coordinate's first word) and the caller
// draws that coordinate with the TypeScript reference, which compares further words exactly, and resumes. So the
// kernel only ever decides comparisons that U₀ alone decides, exactly as the reference does.
//
// All the arithmetic is on integers (u32 comparisons, i32 indices) and on f64 values that are integers below 2^53
// (exact), plus, with sums, x·inv with inv a power of two (exact), the rounding of `roundHalfUp`, and the products
// by gamma and post (as the TypeScript does them). `addF32` is DP-SGD's float64 accumulation of float32 chunk sums.

/** Where the last call stopped in the word buffer (the next unused word). */
let lastPos: i32 = 0;
/** 1 when the last call stopped at a tie (the coordinate at the returned index is not drawn), else 0. */
let lastTie: i32 = 0;

export function stoppedAt(): i32 {
  return lastPos;
}
export function stoppedAtTie(): i32 {
  return lastTie;
}

/**
 * Math.round (ties toward +∞) for a finite f64: x − floor(x) is exact for every double. The comparison is added as
 * 0 or 1 — no branch and no f64 select (which V8 may compile to a branch), since the fractions of real sums are
 * random. It differs from Math.round only in the sign of a zero (−0 → +0), which the caller's (r + K)·γ·post never
 * shows: K is never −0, and −0 + K = +0 + K.
 */
// @ts-ignore: decorator
@inline
function roundHalfUp(x: f64): f64 {
  const f = Math.floor(x);
  return f + <f64>(<i32>(x - f >= 0.5));
}

/**
 * The table index of one draw whose first word is u0 — the first entry in [guide[g], guide[g+1]) whose first word
 * is above u0, else guide[g+1] — or −1 on a tie with an entry's first word. The entries are sorted, so the answer
 * is guide[g] plus the number of entries in the range below u0. `rec` holds, per guide bucket g, two words: lo =
 * guide[g] and, when the range holds one entry, that entry's first word f0 (the answer is lo + [f0 < u0], a tie when
 * f0 = u0); when it holds none, f0 = 2^32 − 1 (the answer is lo; u0 = 2^32 − 1 then reports a tie that is not one —
 * harmless, the caller decides it exactly); when it holds two or more, lo has its top bit set and the range is
 * scanned (rare). One 8-byte load decides nearly every draw.
 */
// @ts-ignore: decorator
@inline
function draw(u0: u32, rec: usize, guide: usize, first: usize, shift: u32): i32 {
  const g = <usize>(u0 >>> shift);
  const r = load<u64>(rec + (g << 3));
  const lo = <i32>r;
  const f0 = <u32>(r >>> 32);
  if (lo >= 0) {
    if (f0 == u0) return -1;
    return lo + <i32>(f0 < u0);
  }
  let idx = lo & 0x7fffffff;
  const hi = load<i32>(guide + (g << 2), 4);
  while (idx < hi) {
    const f = load<u32>(first + (<usize>idx << 2));
    if (u0 < f) return idx;
    if (u0 == f) return -1;
    idx++;
  }
  return idx;
}

/**
 * Noise for coordinates i = i0, i0+1, … < n: three draws each from the words at `words` + 4·pos (u32), while at
 * least three words are left before `end`; stops early at a tie (see the module comment). With `sums` = 0 it writes
 * out[i] = K (f64); otherwise out[i] = (round(sums[i]·inv) + K)·gamma·post, `privatize`'s step (sums and out f64,
 * may be the same; post = 1, or DP-SGD's 1/expected batch). Returns the next i; `stoppedAt()` the next word, `stoppedAtTie()` whether a tie stopped it.
 */
export function fill3(
  words: usize, pos: i32, end: i32, rec: usize, guide: usize, first: usize, shift: u32, out: usize, sums: usize, i0: i32,
  n: i32, l1: f64, l2: f64, offset: f64, gamma: f64, inv: f64, post: f64,
): i32 {
  let i = i0;
  lastTie = 0;
  for (; i < n && pos <= end - 3; i++) {
    const w = words + (<usize>pos << 2);
    const a = draw(load<u32>(w), rec, guide, first, shift);
    if (a < 0) {
      lastTie = 1;
      break;
    }
    const b = draw(load<u32>(w, 4), rec, guide, first, shift);
    if (b < 0) {
      lastTie = 1;
      break;
    }
    const c = draw(load<u32>(w, 8), rec, guide, first, shift);
    if (c < 0) {
      lastTie = 1;
      break;
    }
    pos += 3;
    const k = -offset + <f64>a + l1 * <f64>b + l2 * <f64>c;
    const o = out + (<usize>i << 3);
    if (sums == 0) store<f64>(o, k);
    else store<f64>(o, (roundHalfUp(load<f64>(sums + (<usize>i << 3)) * inv) + k) * gamma * post);
  }
  lastPos = pos;
  return i;
}

/**
 * dst[i] += src[i] for i < n: float64 dst, float32 src (promoted exactly), two lanes at a time — the same IEEE
 * additions as DP-SGD's TypeScript loop `out[j] += grad[j]` (nn/dp-sgd.ts, the float64 sum of the chunks' sums).
 */
export function addF32(dst: usize, src: usize, n: i32): void {
  const pairs = <usize>(n >> 1);
  for (let i: usize = 0; i < pairs; i++) {
    const d = dst + (i << 4);
    v128.store(d, f64x2.add(v128.load(d), f64x2.promote_low_f32x4(v128.load64_zero(src + (i << 3)))));
  }
  if (n & 1) {
    const d = dst + (pairs << 4);
    store<f64>(d, load<f64>(d) + <f64>load<f32>(src + (pairs << 3)));
  }
}
