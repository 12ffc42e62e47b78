import { LookalikeError } from '../errors.js';
import { DpSgdNoise, poissonBatch } from '../privacy/dpsgd.js';
import type { LatticeSum, NoiseEngine } from '../privacy/lattice-gaussian.js';
import type { SubsampledGaussianParams } from '../privacy/ledger.js';
import type { SecureRng } from '../random/secure.js';
import { clipPerExample, type PerExampleModule } from './per-example.js';
import type { Ctx, Param } from './tensor.js';

/**
 * DP-SGD on the engine (Abadi et al. 2016; docs/privacy.md "DP-SGD"): a Poisson batch from the SecureRng,
 * per-example gradients clipped with ghost norms (`clipPerExample`, no per-example gradient materialised), the
 * clipped sum with lattice Gaussian noise (`DpSgdNoise`), divided by the expected batch size. One `DpSgd` per network
 * trained on private rows; its `params()` go into the ledger entry after training. Where WebAssembly runs, the float64
 * sum lives in a wasm noise kernel of its own (`DpSgdNoise.kernelSum`): the chunks' float32 sums are added there, the
 * noise drawn and the division done in place, one copy back into the gradients — the same values as the TypeScript
 * path (`engine: 'js'`) on the same random words.
 *
 * **Floating point is in the sensitivity.** The clipped sum is computed in float32 (GEMMs, per-layer loops) over
 * chunks of at most `chunk` rows, each chunk's float32 sum added into a float64 accumulator. Every gradient element of
 * a chunk is a float32 sum of ≤ m terms (each product rounded once), so it errs by ≤ γ₃₂(m+1)·Σᵢ|tᵢ| (Higham,
 * "Accuracy and Stability", §3.1, γ(n) = n·u/(1 − n·u)); the float64 sum of ≤ c chunk sums adds γ₆₄(c+1). In L2, the
 * computed sum of a batch of B rows is within (γ₃₂(m+1) + γ₆₄(c+1)(1 + γ₃₂(m+1)))·B·C' of the exact one (C' ≥ every
 * contribution's norm: C, times (1 + 2⁻²⁴) for the float32 rounding of the scaled output gradient and 1e-12 for the
 * float64 norms). Two neighbouring batches (B and B ∪ {x}) therefore give sums that differ by at most
 * C' + 2·(that factor)·(B_max + 1)·C', and that is the sensitivity given to `DpSgdNoise` (floatSlack) — with
 * m = 32 and B_max = 600 about 0.25 % above C.
 *
 * **The batch cap.** That bound needs the batch size bounded by a public B_max. A Poisson batch larger than B_max
 * (for B_max = q·N⁺ + 14√(q·N⁺) + 14, N⁺ an upper confidence bound on the row count, probability < 1e-35 per run)
 * is cut to its first B_max rows. The mechanism then differs from one with the sensitivity above (which would sum
 * an oversized batch exactly) only on that event, which adds (1 + e^ε)·P(event) to δ — the caller records it as the
 * entry's δ (`capDelta`).
 */

/** γ(n) = n·u/(1 − n·u) for unit roundoff u. */
function gammaN(n: number, u: number): number {
  return (n * u) / (1 - n * u);
}

export interface DpSgdOptions {
  /** Noise multiplier z to use (from `planNoiseMultiplier`); the noise used is never smaller. */
  readonly noiseMultiplier: number;
  /** Clipping norm C of each example's gradient over all the modules. */
  readonly clipNorm: number;
  /** Sampling rate q (a multiple of 2^-32: `dyadicRate`). */
  readonly samplingRate: number;
  /** The divisor of the noisy sum: q times the (public or DP) row count. */
  readonly expectedBatch: number;
  /** B_max: the largest batch processed (see the module comment). */
  readonly batchCap: number;
  /** Rows per float32 chunk, default 32. */
  readonly chunk?: number;
  /**
   * Where the float64 sum and the noise are computed: `auto` (default) — in a wasm noise kernel of its own where it
   * runs (`DpSgdNoise.kernelSum`), else in TypeScript; `js` — TypeScript. The same values on the same random words.
   */
  readonly engine?: NoiseEngine;
}

/** The float relative slack of the clipped sum (module comment), for a chunk size and batch cap. */
export function clippedSumFloatSlack(chunk: number, batchCap: number): number {
  const u32 = 2 ** -24;
  const u64 = 2 ** -53;
  const chunks = Math.ceil(batchCap / chunk);
  const g32 = gammaN(chunk + 1, u32);
  const factor = g32 + gammaN(chunks + 1, u64) * (1 + g32);
  const cPrime = (1 + u32) * (1 + 1e-12);
  // Δ = C'·(1 + 2·factor·(B_max + 1)) = C·(1 + slack)
  return (cPrime * (1 + 2 * factor * (batchCap + 1)) - 1) * (1 + 1e-9);
}

/**
 * B_max for a sampling rate q and an upper bound N⁺ on the row count: q·N⁺ + 14√(q·N⁺) + 14, so that
 * P(Binomial(N, q) > B_max) ≤ e^{−60} for every N ≤ N⁺ (Chernoff).
 */
export function batchCapFor(samplingRate: number, rowsUpper: number): number {
  const mu = samplingRate * rowsUpper;
  return Math.ceil(mu + 14 * Math.sqrt(mu) + 14);
}

/**
 * The clipped sum Σᵢ min(1, C/‖gᵢ‖)·gᵢ over `rows`, computed as `DpSgd` does (and as its sensitivity bound assumes):
 * chunks of at most `chunk` rows, each chunk's float32 clipped sum (ghost norms, `clipPerExample`) added into the
 * float64 `out` (zeroed first; laid out parameter after parameter). `run(chunk, ctx)` does the forward and the
 * per-example backward of a summed loss over exactly those rows. With `kernel` (a `LatticeSum` whose `data` is
 * `out`) the float64 additions run in its wasm kernel — the same additions, in the same order.
 */
export function clippedSum(
  modules: readonly PerExampleModule[],
  params: readonly Param[],
  rows: Int32Array,
  run: (chunk: Int32Array, ctx: Ctx) => void,
  ctx: Ctx,
  chunk: number,
  clipNorm: number,
  out: Float64Array,
  kernel?: LatticeSum,
): void {
  if (kernel && kernel.data !== out) throw new Error('clippedSum: out must be the kernel sum’s data');
  out.fill(0);
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.subarray(start, Math.min(rows.length, start + chunk));
    for (const p of params) p.zeroGrad();
    run(part, ctx);
    clipPerExample(modules, part.length, clipNorm, ctx);
    let o = 0;
    for (const p of params) {
      const g = p.grad;
      if (kernel) kernel.addF32(o, g);
      else for (let j = 0; j < g.length; j++) out[o + j] += g[j];
      o += g.length;
    }
  }
}

export class DpSgd {
  readonly noise: DpSgdNoise;
  readonly params: readonly Param[];
  readonly floatSlack: number;
  readonly samplingRate: number;
  readonly batchCap: number;
  readonly expectedBatch: number;
  private readonly chunk: number;
  private readonly modules: readonly PerExampleModule[];
  private readonly kernelSum: LatticeSum | null;
  private readonly sum: Float64Array;
  private readonly noisy: Float64Array;
  private scratch: Int32Array | undefined;
  private steps = 0;
  private capped = 0;

  /**
   * @param modules the networks whose parameters are trained on private rows (their per-example gradients are
   *   clipped jointly: the norm is over all of them).
   */
  constructor(modules: readonly PerExampleModule[], opts: DpSgdOptions) {
    const problems: string[] = [];
    const chunk = opts.chunk ?? 32;
    if (!Number.isInteger(chunk) || chunk < 1 || chunk > 4096)
      problems.push(`chunk must be a whole number in 1..4096`);
    if (!Number.isInteger(opts.batchCap) || opts.batchCap < 1)
      problems.push('batchCap must be a whole number ≥ 1');
    if (!(opts.expectedBatch > 0)) problems.push('expectedBatch must be > 0');
    if (!(opts.samplingRate > 0 && opts.samplingRate <= 1)) problems.push('samplingRate must be in (0, 1]');
    if (problems.length) throw new LookalikeError('DpSgd: invalid options', problems, 'internal');
    this.modules = modules;
    this.params = modules.flatMap((m) => m.params).filter((p) => p.trainable);
    const dimension = this.params.reduce((s, p) => s + p.size, 0);
    this.chunk = chunk;
    this.batchCap = opts.batchCap;
    this.samplingRate = opts.samplingRate;
    this.expectedBatch = opts.expectedBatch;
    this.floatSlack = clippedSumFloatSlack(chunk, opts.batchCap);
    this.noise = new DpSgdNoise({
      noiseMultiplier: opts.noiseMultiplier,
      clipNorm: opts.clipNorm,
      dimension,
      floatSlack: this.floatSlack,
    });
    this.kernelSum = this.noise.kernelSum(opts.engine ?? 'auto');
    this.sum = this.kernelSum ? new Float64Array(0) : new Float64Array(dimension);
    this.noisy = this.kernelSum ? new Float64Array(0) : new Float64Array(dimension);
  }

  /**
   * One DP-SGD step over `rows` private rows: draws a Poisson batch, calls `run(chunk, ctx)` for chunks of at most
   * `chunk` row indices — `run` must do a forward and a backward with `{ params: 'per-example' }` of a loss that is
   * a SUM of per-example terms over exactly those rows — clips, sums, adds noise, and leaves the noisy *mean*
   * gradient (noisy sum / expectedBatch) in every parameter's `grad`, ready for the optimiser. Returns the batch size
   * (private: for progress only, never for anything released).
   */
  step(rows: number, run: (chunk: Int32Array, ctx: Ctx) => void, ctx: Ctx, rng: SecureRng): number {
    if (!this.scratch || this.scratch.length < rows) this.scratch = new Int32Array(rows);
    let batch = poissonBatch(rows, this.samplingRate, rng, this.scratch);
    if (batch.length > this.batchCap) {
      batch = batch.subarray(0, this.batchCap);
      this.capped++;
    }
    const inv = 1 / this.expectedBatch;
    const ks = this.kernelSum;
    if (ks) {
      // the sum, the noise and the division in the kernel's memory; one (native) copy into the float32 gradients
      clippedSum(this.modules, this.params, batch, run, ctx, this.chunk, this.noise.clipNorm, ks.data, ks);
      this.noise.privatizeSum(ks, rng, inv);
      let o = 0;
      for (const p of this.params) {
        p.grad.set(ks.data.subarray(o, o + p.grad.length));
        o += p.grad.length;
      }
    } else {
      clippedSum(this.modules, this.params, batch, run, ctx, this.chunk, this.noise.clipNorm, this.sum);
      this.noise.privatize(this.sum, rng, this.noisy, 'js');
      let o = 0;
      for (const p of this.params) {
        const g = p.grad;
        for (let j = 0; j < g.length; j++) g[j] = this.noisy[o + j] * inv;
        o += g.length;
      }
    }
    this.steps++;
    return batch.length;
  }

  /** Steps taken so far, and how many of them cut an oversized batch (expected: none). */
  get stepsTaken(): number {
    return this.steps;
  }
  get cappedSteps(): number {
    return this.capped;
  }

  /** The ledger's view of the steps taken (the noise multiplier actually used, Δ with the float slack). */
  ledgerParams(): SubsampledGaussianParams {
    return this.noise.params(this.samplingRate, this.steps);
  }
}
