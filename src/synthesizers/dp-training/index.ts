import { LookalikeError } from '../../errors.js';
import { batchCapFor, DpSgd } from '../../nn/dp-sgd.js';
import type { PerExampleModule } from '../../nn/per-example.js';
import { dyadicRate, planNoiseMultiplier, subsampledGaussianEntry } from '../../privacy/dpsgd.js';
import type { PrivacyLedger } from '../../privacy/ledger.js';
import type { ProgressFn } from '../../progress.js';
import { AliasTable, Rng } from '../../random/rng.js';
import type { SecureRng } from '../../random/secure.js';
import { datetimeCodec } from '../../table/datetime.js';
import type { ColumnSpec, Schema } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import type { IdStyle } from '../common.js';
import { startMarginalFit } from '../marginal/fit.js';
import { measureMarginals } from '../marginal/measure.js';
import { fitBayesianGmm } from '../transforms/gmm.js';
import {
  fitTransform,
  TransformError,
  type NumericEncoding,
  type TableTransform,
} from '../transforms/index.js';
import type { FitOptions } from '../types.js';

/**
 * The DP start of a learned synthesizer (tvae, ctgan, pate-gan with `--epsilon`; docs/privacy.md, "DP training"):
 * everything a network's training needs that is a fact about the data is either declared public or released under
 * DP and charged here, before any row reaches a network:
 *
 * 1. the budget → ledger, DP domain release with `dpDomains`, and the refusal of undeclared domains — exactly the
 *    start of the DP-marginal synthesizers (`startMarginalFit`), so the same errors name the same columns;
 * 2. the noisy 1-way marginal of every modelled column (discrete Gaussian, a share `preprocessing` of the budget,
 *    equal per column), from which, by post-processing only: the row count N̂ (inverse-variance weighted totals),
 *    each numeric column's mode-specific normalisation (a Bayesian Gaussian mixture fitted to a pseudo-sample drawn
 *    from its noisy histogram) or quantile knots, and each categorical column's category frequencies (for CTGAN's
 *    conditional sampling);
 * 3. the transform is fitted with `dataIndependent`: bounds from the domains, the missing slot unless a column is
 *    declared not nullable, datetimes rounded to their format. Column order is the schema's.
 *
 * Early stopping on a validation split would be another data-dependent choice: DP fits train a fixed number of
 * epochs on all rows.
 */
export interface DpTrainingStart {
  readonly ledger: PrivacyLedger;
  readonly secureRng: SecureRng;
  readonly table: Table;
  readonly schema: Schema;
  readonly specs: readonly ColumnSpec[];
  readonly transform: TableTransform;
  readonly ids: Record<string, IdStyle>;
  /** N̂: the DP row count, and an upper confidence bound N⁺ (N ≤ N⁺ except with probability < e^{-98}). */
  readonly rowsHat: number;
  readonly rowsUpper: number;
  /** Noisy (clamped, normalised) frequencies of each categorical/boolean column's categories, by column name. */
  readonly frequencies: ReadonlyMap<string, Float64Array>;
  /** Columns whose domains were released under DP. */
  readonly released: readonly string[];
  /**
   * The noisy 1-way marginal of each modelled column (in `specs` order), already paid for: counts clamped at 0 over
   * the marginal encoding's codes, with a label per code (a category, an exact integer as text, a bin, "false" /
   * "true"; "(missing)" last when the column has a missing code). Post-processing material, e.g. for output biases.
   */
  readonly marginals: readonly {
    readonly counts: Float64Array;
    readonly labels: readonly string[];
    readonly missing: boolean;
  }[];
}

export interface DpTrainingOptions {
  /** Share of the budget (of ρ) spent on the 1-way marginals, default 0.1. */
  readonly preprocessing?: number;
  /** Numeric encoding of the transform (default `modes`). */
  readonly numeric?: NumericEncoding;
  /**
   * Remove the clamping's excess from the noisy counts (`normSub`) before the numeric columns' pseudo-samples
   * (mixtures, quantile knots) and the categorical frequencies are made from them (default false: the clamped
   * counts). Post-processing either way; `marginals` stays the clamped counts.
   */
  readonly normSub?: boolean;
}

/** Pseudo-sample size drawn from a noisy histogram to fit a mixture or quantiles (post-processing). */
const PSEUDO = 4000;

export async function startDpTraining(
  table0: Table,
  schema0: Schema,
  opts: FitOptions,
  synthesizer: string,
  dpOpts: DpTrainingOptions = {},
): Promise<DpTrainingStart> {
  const share = dpOpts.preprocessing ?? 0.1;
  if (!(share > 0 && share < 1))
    throw new LookalikeError(`${synthesizer}: the preprocessing share must be in (0, 1)`, [], 'internal');
  // equal-width bins for the 1-way marginals (no adaptive-bins share: the learned synthesizers have no such option)
  const fit = startMarginalFit(table0, schema0, opts, synthesizer, 0);
  const { ledger, encoding, names } = fit;
  const k = encoding.sizes.length;
  const rho = (ledger.rhoRemaining * share) / k;
  const sets = encoding.sizes.map((_, i) => [i]);
  const measured = await measureMarginals(fit.source, sets, { rho }, ledger, fit.rng, names);
  // N̂: each noisy 1-way marginal sums to N plus the noise of its cells (variance cells·σ²); inverse-variance
  // weighted average, and a sub-Gaussian upper bound (discrete Gaussian noise is σ²-sub-Gaussian, CKS 2020)
  let wsum = 0;
  let est = 0;
  for (const m of measured) {
    const v = m.values.length * m.sigma * m.sigma;
    const total = m.values.reduce((s, x) => s + x, 0);
    est += total / v;
    wsum += 1 / v;
  }
  const rowsHat = Math.max(1, est / wsum);
  const sdHat = Math.sqrt(1 / wsum);
  const rowsUpper = rowsHat + 14 * sdHat;
  // post-processing randomness (pseudo-samples, mixture fits): the seeded Rng
  const rng = new Rng(opts.seed ?? 0);
  const specs = fit.encoding.specs;
  const byName = new Map(specs.map((s, i) => [s.name, i]));
  const clamped = measured.map((m, i) => ({
    counts: Float64Array.from(m.values, (x) => Math.max(0, x)),
    labels: encoding.discretizers[i].labels,
    missing: encoding.discretizers[i].missingCode >= 0,
  }));
  const cleaned = dpOpts.normSub ? normSub(clamped, rowsHat) : clamped;
  const pseudo = (name: string): Float64Array => {
    const i = byName.get(name)!;
    const d = encoding.discretizers[i];
    const counts = cleaned[i].counts;
    const w = new Float64Array(d.valueCodes);
    let total = 0;
    for (let c = 0; c < d.valueCodes; c++) {
      w[c] = Math.max(0, counts[c]);
      total += w[c];
    }
    if (!(total > 0)) w.fill(1); // all noise: a uniform histogram over the public domain
    const alias = new AliasTable(w);
    const codes = new Int32Array(PSEUDO);
    for (let j = 0; j < PSEUDO; j++) codes[j] = alias.sample(rng);
    const col = d.decode(codes, rng) as { values: Float64Array };
    return Float64Array.from(col.values);
  };
  const frequencies = new Map<string, Float64Array>();
  specs.forEach((s, i) => {
    if (s.kind !== 'categorical' && s.kind !== 'boolean') return;
    const d = encoding.discretizers[i];
    const f = new Float64Array(d.valueCodes);
    let t = 0;
    for (let c = 0; c < f.length; c++) t += f[c] = cleaned[i].counts[c];
    if (t > 0) for (let c = 0; c < f.length; c++) f[c] /= t;
    else f.fill(1 / f.length);
    frequencies.set(s.name, f);
  });
  let transform: TableTransform;
  try {
    transform = fitTransform(fit.table, specs, rng.fork(), {
      numeric: dpOpts.numeric ?? 'modes',
      dataIndependent: true,
      fitters: {
        bounds: (spec) => boundsOf(spec),
        modes: (spec, _values, r) => fitBayesianGmm(pseudo(spec.name), r),
        quantiles: (spec) => quantilesOf(pseudo(spec.name)),
      },
    });
  } catch (e) {
    if (e instanceof TransformError)
      throw new LookalikeError(`${synthesizer} cannot represent these columns:`, e.problems);
    throw e;
  }
  return {
    ledger,
    secureRng: fit.rng,
    table: fit.table,
    schema: fit.schema,
    specs,
    transform,
    ids: fit.ids,
    rowsHat,
    rowsUpper,
    frequencies,
    released: fit.released,
    marginals: clamped,
  };
}

/**
 * The noisy 1-way marginals with the clamping's excess removed (post-processing; "Norm-Sub", Wang et al., "Locally
 * Differentially Private Frequency Estimation with Consistency", NDSS 2020, as PrivSyn uses it): the counts were
 * clamped at 0, so a column of many small cells gains ≈ 0.4σ per empty cell (capital-gain's 119 values on Adult:
 * several percent of the mass on values few rows have, and quantile knots pulled toward the sparse tails). Each
 * column's counts become max(0, c − δ) with δ ≥ 0 chosen so that they sum to N̂ (δ = 0 when they already sum to at
 * most N̂).
 */
export function normSub(
  marginals: DpTrainingStart['marginals'],
  rowsHat: number,
): DpTrainingStart['marginals'] {
  return marginals.map((m) => {
    const c = m.counts;
    let total = 0;
    for (const x of c) total += x;
    if (!(total > rowsHat) || rowsHat <= 0) return m;
    // δ by bisection on the decreasing Σ max(0, c − δ)
    let lo = 0;
    let hi = 0;
    for (const x of c) hi = Math.max(hi, x);
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      let t = 0;
      for (const x of c) t += Math.max(0, x - mid);
      if (t > rowsHat) lo = mid;
      else hi = mid;
    }
    return { ...m, counts: Float64Array.from(c, (x) => Math.max(0, x - hi)) };
  });
}

/** Bounds of a numeric/datetime column from its (public or DP) domain. */
function boundsOf(spec: ColumnSpec): [number, number] {
  const dom = spec.domain as { min?: unknown; max?: unknown } | undefined;
  if (spec.kind === 'numeric' && dom && typeof dom.min === 'number' && typeof dom.max === 'number')
    return [dom.min, dom.max];
  if (
    spec.kind === 'datetime' &&
    spec.format &&
    dom &&
    typeof dom.min === 'string' &&
    typeof dom.max === 'string'
  ) {
    const codec = datetimeCodec(spec.format);
    return [codec.parse(dom.min), codec.parse(dom.max)];
  }
  throw new LookalikeError(`column "${spec.name}" has no domain to bound it (declare it, or use dpDomains)`);
}

function quantilesOf(values: Float64Array): number[] {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const K = Math.min(200, n);
  const knots: number[] = [];
  for (let j = 0; j < K; j++) knots.push(sorted[Math.round((j * (n - 1)) / (K - 1))]);
  return knots;
}

export interface DpSgdPlan {
  readonly samplingRate: number;
  readonly steps: number;
  readonly noiseMultiplier: number;
  readonly expectedBatch: number;
  readonly batchCap: number;
  /** δ of the batch cap (recorded on the ledger entry). */
  readonly capDelta: number;
}

/**
 * Plan DP-SGD for `epochs` epochs at an expected batch size, with what is left of the ledger (less `reserveRho` for
 * anything charged later): q = batch/N̂ (as sampled), T = ⌈epochs/q⌉, the batch cap from N⁺, and the smallest noise
 * multiplier that fits (`planNoiseMultiplier`). Throws (kind 'privacy') when no noise level fits.
 */
export function planDpSgd(
  start: Pick<DpTrainingStart, 'ledger' | 'rowsHat' | 'rowsUpper'>,
  opts: { readonly batchSize: number; readonly epochs: number; readonly coordinates: number },
): DpSgdPlan {
  const q = dyadicRate(Math.min(1, opts.batchSize / Math.max(start.rowsHat, opts.batchSize)));
  const steps = Math.max(1, Math.ceil(opts.epochs / q));
  const batchCap = batchCapFor(q, start.rowsUpper);
  // P(some batch > cap) ≤ P(N > N⁺) + T·e^{-60} ≤ e^{-98} + T·e^{-60}; the cut adds (1 + e^ε)·that to δ
  const capDelta =
    (1 + Math.exp(start.ledger.budget.epsilon)) * (Math.exp(-98) + steps * Math.exp(-60)) * 1.01;
  const noiseMultiplier = planNoiseMultiplier(start.ledger, {
    samplingRate: q,
    steps,
    coordinates: opts.coordinates,
    delta: capDelta,
    epochs: opts.epochs,
  });
  return { samplingRate: q, steps, noiseMultiplier, expectedBatch: q * start.rowsHat, batchCap, capDelta };
}

/** Rows per float32 chunk of DP-SGD's clipped sum (its float error is in the sensitivity, nn/dp-sgd.ts). */
export const DP_CHUNK = 64;

/**
 * The `DpSgd` of a plan: its noise multiplier, sampling rate, expected batch and batch cap, chunks of `chunk` rows
 * (default `DP_CHUNK`; smaller chunks make the float slack in the sensitivity smaller, at some speed).
 */
export function dpSgdFor(
  modules: readonly PerExampleModule[],
  plan: DpSgdPlan,
  clipNorm: number,
  chunk: number = DP_CHUNK,
): DpSgd {
  return new DpSgd(modules, {
    noiseMultiplier: plan.noiseMultiplier,
    clipNorm,
    samplingRate: plan.samplingRate,
    expectedBatch: plan.expectedBatch,
    batchCap: plan.batchCap,
    chunk,
  });
}

export interface DpSgdRun {
  /** The synthesizer: the progress phase, and the ledger entry's query (`<name> DP-SGD`). */
  readonly synthesizer: string;
  /** The fixed epoch count the plan was made for. */
  readonly epochs: number;
  /** What one step is called in progress messages (default `step`; ctgan's are `critic step`s). */
  readonly stepName?: string;
  readonly onProgress?: ProgressFn;
}

/**
 * The DP-SGD training run of a learned synthesizer (tvae, ctgan's critic, argn), then its ledger charge:
 *
 * - exactly `plan.steps` steps, each `step(t, epoch)` (t from 0, epoch from 1 to `epochs`), which must take exactly
 *   one `dp.step` (checked: the plan's accounting is for one Poisson batch per step);
 * - a progress event at the end of each epoch (⌈1/q⌉ steps) and after the last step, with the epoch and step count
 *   only — never a loss or a batch size (facts about the rows);
 * - after the last step, one "subsampled-gaussian" entry on the ledger (query `<synthesizer> DP-SGD`, the modelled
 *   columns, `dp.ledgerParams()`: the noise multiplier used, q, the steps taken, C and Δ with the float slack), with
 *   the batch cap's δ (`plan.capDelta`). If a step throws, nothing is charged and no model is made.
 */
export function trainDpSgd(
  start: Pick<DpTrainingStart, 'ledger' | 'specs'>,
  plan: DpSgdPlan,
  dp: DpSgd,
  run: DpSgdRun,
  step: (t: number, epoch: number) => void,
): void {
  const stepsPerEpoch = Math.max(1, Math.round(1 / plan.samplingRate));
  const taken0 = dp.stepsTaken;
  for (let t = 0; t < plan.steps; t++) {
    const epoch = Math.min(run.epochs, Math.floor(t / stepsPerEpoch) + 1);
    step(t, epoch);
    if (dp.stepsTaken !== taken0 + t + 1)
      throw new LookalikeError(
        `internal: ${run.synthesizer} DP training step ${t + 1} took ${dp.stepsTaken - taken0 - t} DP-SGD steps, not 1`,
        [],
        'internal',
      );
    if ((t + 1) % stepsPerEpoch === 0 || t + 1 === plan.steps)
      run.onProgress?.({
        phase: run.synthesizer,
        done: epoch,
        total: run.epochs,
        message: `DP epoch ${epoch} (${run.stepName ?? 'step'} ${t + 1} of ${plan.steps})`,
      });
  }
  start.ledger.charge({
    ...subsampledGaussianEntry(dp.ledgerParams(), {
      query: `${run.synthesizer} DP-SGD`,
      columns: start.specs.map((s) => s.name),
    }),
    delta: plan.capDelta,
  });
}

/**
 * Output-layer biases that make a generator's softmax spans start at the noisy 1-way marginals (post-processing of
 * what `startDpTraining` paid for): a one-hot span gets the log of each category's noisy frequency (and of the
 * missing share), a mode span the log of the mixture weights times the present share (and of the missing share);
 * tanh/identity spans 0. A floor of 1e-4 keeps every slot possible. With the rest of the output layer small, a
 * generator then samples each column from its noisy marginal before it has learned anything.
 */
export function marginalLogits(
  transform: TableTransform,
  start: Pick<DpTrainingStart, 'marginals'>,
): Float32Array {
  const out = new Float32Array(transform.width);
  for (const span of transform.spans) {
    if (span.fn !== 'softmax') continue;
    const c = transform.columns[span.column];
    const m = start.marginals[span.column];
    const valueCodes = m.missing ? m.counts.length - 1 : m.counts.length;
    let present = 0;
    for (let k = 0; k < valueCodes; k++) present += m.counts[k];
    const missing = m.missing ? m.counts[valueCodes] : 0;
    const total = present + missing;
    const f = new Float64Array(span.width);
    if (c.encoding === 'one-hot') {
      for (let k = 0; k < valueCodes; k++) {
        const j = c.categories.indexOf(m.labels[k]);
        if (j >= 0) f[j] += m.counts[k];
      }
      if (c.missing && span.width > c.categories.length) f[c.categories.length] = missing;
    } else if (c.encoding === 'modes' && span.role === 'mode') {
      const w = c.modes.weights;
      const ws = w.reduce((a, b) => a + b, 0);
      for (let k = 0; k < w.length; k++) f[k] = ws > 0 ? (present * w[k]) / ws : present / w.length;
      if (c.missing) f[w.length] = missing;
    } else if (span.role === 'missing') {
      f[0] = present;
      f[1] = missing;
    } else continue;
    const t = f.reduce((a, b) => a + b, 0);
    for (let k = 0; k < span.width; k++)
      out[span.start + k] = Math.log(Math.max(t > 0 && total > 0 ? f[k] / t : 1 / span.width, 1e-4));
  }
  return out;
}
