import { AliasTable, type Rng } from '../random/rng.js';

/**
 * Empirical-Bayes shrinkage of a noisy count vector (post-processing of a DP measurement: no budget).
 *
 * Each noisy count zᵢ = xᵢ + N(0, σ²) is read as a draw around an unknown true count xᵢ ≥ 0. The distribution G
 * of the true counts is estimated from all the noisy counts at once — the nonparametric maximum-likelihood
 * estimate (Kiefer & Wolfowitz 1956) on a grid over [0, max z + 3σ], fitted by EM (Jiang & Zhang 2009) — and each
 * count is replaced by its posterior mean E[xᵢ | zᵢ] under G. The result is non-negative, keeps the order of the
 * noisy counts, and pulls counts that the noise cannot tell apart toward each other: when many cells hold about
 * the same count (berka's 77 districts, most holding 32–59 accounts, measured with σ ≈ 15), they come out
 * nearly equal instead of spread by the noise. Drawing rows from the shrunk counts (as probabilities) then adds
 * back the sampling spread a real table has around its rates.
 *
 * Runtime: O(cells × grid × iterations), grid ≤ 256 points, 300 iterations (77 cells: a few ms).
 */
export function shrinkNoisyCounts(noisy: ArrayLike<number>, sigma: number, iterations = 300): Float64Array {
  const k = noisy.length;
  const out = new Float64Array(k);
  if (k === 0) return out;
  if (!(sigma > 0) || !Number.isFinite(sigma)) throw new Error('shrinkNoisyCounts: sigma must be > 0');
  let hi = 0;
  for (let i = 0; i < k; i++) hi = Math.max(hi, noisy[i]);
  hi = Math.max(hi + 3 * sigma, 1);
  const m = Math.max(2, Math.min(256, Math.ceil(hi) + 1));
  const grid = Float64Array.from({ length: m }, (_, j) => (hi * j) / (m - 1));
  // likelihoods L[i][j] = φ((zᵢ − g_j)/σ) (rescaled per row: the constant cancels in the posterior)
  const like = new Float64Array(k * m);
  for (let i = 0; i < k; i++) {
    let least = Infinity;
    for (let j = 0; j < m; j++) least = Math.min(least, ((noisy[i] - grid[j]) / sigma) ** 2);
    for (let j = 0; j < m; j++)
      like[i * m + j] = Math.exp(-0.5 * (((noisy[i] - grid[j]) / sigma) ** 2 - least));
  }
  let w = new Float64Array(m).fill(1 / m);
  const post = new Float64Array(m);
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(m);
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += post[j] = like[i * m + j] * w[j];
      if (!(s > 0)) continue;
      for (let j = 0; j < m; j++) next[j] += post[j] / s / k;
    }
    w = next;
  }
  for (let i = 0; i < k; i++) {
    let s = 0;
    let sg = 0;
    for (let j = 0; j < m; j++) {
      const p = like[i * m + j] * w[j];
      s += p;
      sg += p * grid[j];
    }
    out[i] = s > 0 ? sg / s : Math.max(0, noisy[i]);
  }
  return out;
}

/** ln k! — exact below 20, Stirling's series above (relative error < 1e-12). */
function lnFactorial(k: number): number {
  if (k < 20) {
    let s = 0;
    for (let j = 2; j <= k; j++) s += Math.log(j);
    return s;
  }
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + 1 / (12 * k) - 1 / (360 * k ** 3);
}

/**
 * Counts of `n` rows over cells with probabilities `probs` (sampling, post-processing of released probabilities):
 * like a multinomial draw, whose counts spread around nᵢ = n·pᵢ by about √nᵢ each, but with the spread of the
 * counts across cells — what a children-per-parent distribution measures — set to its expected value instead of
 * drawn: the counts are the quantiles, at (r + ½)/k for r = 0…k−1, of the mixture (1/k) Σᵢ Poisson(n·pᵢ) (the
 * expected distribution of a cell's count when each cell is drawn independently), then rescaled to sum exactly to
 * n (largest remainders, ties at random). Which cell gets which quantile follows the order of n·pᵢ + √(n·pᵢ)·N(0,1)
 * (one Gaussian draw per cell), so cells keep their expected counts up to a Poisson-like spread, as in a draw.
 *
 * Why: with 77 cells (berka's districts) a multinomial draw's counts are 77 draws, whose empirical distribution
 * misses its own expectation by a Kolmogorov–Smirnov distance of about 0.1 on its own. Falls back to independent
 * draws (a multinomial) when the largest count would need a mixture table of more than 4·10⁶ entries.
 *
 * Runtime: O(k + Σᵢ √(n·pᵢ) + max n·pᵢ) time and memory.
 */
export function balancedCounts(probs: ArrayLike<number>, n: number, rng: Rng): Int32Array {
  const k = probs.length;
  const out = new Int32Array(k);
  if (k === 0 || n <= 0) return out;
  let total = 0;
  for (let i = 0; i < k; i++) {
    if (!(probs[i] >= 0)) throw new Error('balancedCounts: probabilities must be non-negative numbers');
    total += probs[i];
  }
  if (!(total > 0)) throw new Error('balancedCounts: the probabilities sum to 0');
  const lam = Float64Array.from({ length: k }, (_, i) => (n * probs[i]) / total);
  const reach = (l: number) => 12 * Math.sqrt(l) + 20;
  let top = 0;
  for (const l of lam) top = Math.max(top, Math.ceil(l + reach(l)));
  if (top > 4e6) {
    const draw = new AliasTable(Float64Array.from(lam));
    for (let j = 0; j < n; j++) out[draw.sample(rng)]++;
    return out;
  }
  // the mixture's distribution function over 0…top
  const mix = new Float64Array(top + 1);
  for (const l of lam) {
    if (l <= 0) {
      mix[0] += 1;
      continue;
    }
    const lo = Math.max(0, Math.floor(l - reach(l)));
    const hi = Math.min(top, Math.ceil(l + reach(l)));
    const ll = Math.log(l);
    for (let c = lo; c <= hi; c++) mix[c] += Math.exp(c * ll - l - lnFactorial(c));
  }
  let acc = 0;
  for (let c = 0; c <= top; c++) mix[c] = acc += mix[c] / k;
  // cells in the order of a Poisson-like draw around their expected counts; the r-th gets the mixture's quantile
  const key = Float64Array.from(lam, (l) => l + Math.sqrt(l) * rng.normal());
  const order = Int32Array.from({ length: k }, (_, i) => i).sort((a, b) => key[a] - key[b]);
  const value = new Float64Array(k);
  let sum = 0;
  let c = 0;
  for (let r = 0; r < k; r++) {
    const q = ((r + 0.5) / k) * acc; // acc: the table's mass (1 up to the truncated tails)
    while (c < top && mix[c] < q) c++;
    value[order[r]] = c;
    sum += c;
  }
  // rescale to sum exactly to n: floors, then the largest remainders (ties broken at random)
  const want = Float64Array.from(value, (v) => (sum > 0 ? (v * n) / sum : n / k));
  let given = 0;
  for (let i = 0; i < k; i++) given += out[i] = Math.floor(want[i]);
  const rest = Float64Array.from(want, (w, i) => w - out[i] + rng.float() * 1e-9);
  const byRest = Int32Array.from({ length: k }, (_, i) => i).sort((a, b) => rest[b] - rest[a]);
  for (let j = 0; given < n; j++, given++) out[byRest[j % k]]++;
  return out;
}

/**
 * Deals cell indices to rows: cell v to exactly `per[v]` rows (Σ per = the number of rows), stratified by the rows'
 * `weights` — the rows sorted by weight (ties at random) take the cells in a systematic order (cell v's slots at
 * (j + uᵥ) / per[v], j = 0…per[v]−1, one uniform uᵥ per cell, all slots sorted), so every cell gets about its
 * share of heavy and light rows. Berka: an account's weight is its number of dispositions (1 or 2), each of which
 * usually shares the account's district; dealt at random, the clients per district would add a binomial spread
 * (≈ ±2.7 on ≈ 56 per district) to the districts' own; dealt this way, each district's clients per account stay at
 * the drawn average, as `balancedCounts` keeps the accounts per district at their expected spread. Without weights
 * (or all equal) it is a uniformly random deal. Post-processing of sampled rows: no budget.
 *
 * Runtime: O(n log n).
 */
export function dealCells(per: ArrayLike<number>, weights: ArrayLike<number> | null, rng: Rng): Int32Array {
  let n = 0;
  for (let v = 0; v < per.length; v++) n += per[v];
  const slotCell = new Int32Array(n);
  const slotPos = new Float64Array(n);
  let at = 0;
  for (let v = 0; v < per.length; v++) {
    const u = rng.float();
    for (let j = 0; j < per[v]; j++) {
      slotCell[at] = v;
      slotPos[at++] = (j + u) / per[v];
    }
  }
  const slots = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => slotPos[a] - slotPos[b] || slotCell[a] - slotCell[b],
  );
  const tie = Float64Array.from({ length: n }, () => rng.float());
  const w = (i: number) => (weights ? weights[i] : 0);
  const rows = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => w(a) - w(b) || tie[a] - tie[b]);
  const out = new Int32Array(n);
  for (let q = 0; q < n; q++) out[rows[q]] = slotCell[slots[q]];
  return out;
}
