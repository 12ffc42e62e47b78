import { LookalikeError } from '../errors.js';
import type { SecureRng } from '../random/secure.js';
import { exponentialMechanismRho, pureToRho, roundUpRel } from './accountant.js';
import type { LedgerEntry, PrivacyLedger } from './ledger.js';
import { fraction, roundUpToBits, toFraction } from './rational.js';
import { DiscreteGaussian, DiscreteLaplace, bernoulliExp, requireSecureRng } from './samplers.js';

/**
 * DP mechanisms. Each one validates its input, *charges the ledger first* (the ledger throws — and nothing is
 * released — if the budget cannot pay), then draws exact noise from the `SecureRng`.
 *
 * Neighbouring relation (the whole library): two tables are neighbours when one is the other with one row added
 * or removed ("unbounded" DP). Under it a histogram / marginal of counts over any set of columns changes in
 * exactly one cell by exactly 1, so its L1 and L2 sensitivities are both 1. (Under replace-one-row neighbours
 * they would be 2 and √2; pass `sensitivity` accordingly if you use that relation.)
 *
 * Noise scales are rounded *up* to 20 significant bits before sampling (at most 1e-6 relative, always more
 * noise), and the ledger is charged the cost of the scale actually used, or the requested cost if that is larger.
 */

/** What a mechanism measures, for the ledger: a query name and the columns it reads (names only). */
export interface MeasurementInfo {
  readonly query: string;
  readonly columns: readonly string[];
}

/** The result of a noisy-count mechanism. */
export interface NoisyCounts {
  /** The noisy counts (integers, possibly negative). */
  readonly values: Float64Array;
  /** The noise scale actually used: σ (Gaussian, σ² is the discrete Gaussian's scale parameter) or b (Laplace). */
  readonly scale: number;
  /** The variance bound of each noisy cell (σ² for Gaussian; 2·b² upper bound for Laplace). */
  readonly variance: number;
  /** The ledger entry that paid for it. */
  readonly entry: LedgerEntry;
}

export interface GaussianOptions {
  /** zCDP cost to spend (σ² = Δ²/(2ρ)). Exactly one of `rho` and `sigma`. */
  readonly rho?: number;
  /** Noise scale σ (cost ρ = Δ²/(2σ²)). */
  readonly sigma?: number;
  /** L2 sensitivity of the count vector, default 1 (a histogram under add/remove-one-row). */
  readonly sensitivity?: number;
}

/**
 * Problems with a noisy-count call: the counts, the description, the sensitivity, and exactly one of two ways to
 * set the noise (a cost or a scale), each a finite number > 0.
 */
function callProblems(
  counts: ArrayLike<number>,
  what: MeasurementInfo,
  sens: number,
  a: readonly [string, number | undefined],
  b: readonly [string, number | undefined],
): string[] {
  const problems = [...countProblems(counts), ...infoProblems(what)];
  if (!(sens > 0) || !Number.isFinite(sens))
    problems.push(`sensitivity must be a finite number > 0 (got ${sens})`);
  if ((a[1] === undefined) === (b[1] === undefined)) problems.push(`give exactly one of ${a[0]} and ${b[0]}`);
  for (const [name, v] of [a, b]) {
    if (v !== undefined && !(v > 0 && Number.isFinite(v)))
      problems.push(`${name} must be a finite number > 0 (got ${v})`);
  }
  return problems;
}

/**
 * Discrete Gaussian mechanism on an integer count vector (a histogram or marginal).
 *
 * Guarantee: (Δ²/(2σ²))-zCDP for a query of L2 sensitivity Δ under add/remove-one-row neighbours
 * (Canonne, Kamath & Steinke 2020, Thm. 14). Charges the ledger mechanism "discrete-gaussian", noiseScale σ.
 * Each cell gets independent N_ℤ(0, σ²) noise, drawn exactly (CKS Algorithm 3).
 * Runtime: O(cells), 0.5–3 million cells per second on one core (docs/privacy.md).
 *
 * Throws a LookalikeError: kind 'internal' for non-integer counts or bad options, 'privacy' when the ledger
 * cannot pay.
 */
export function gaussianMechanism(
  counts: ArrayLike<number>,
  opts: GaussianOptions,
  ledger: PrivacyLedger,
  what: MeasurementInfo,
  rng: SecureRng,
): NoisyCounts {
  requireSecureRng(rng);
  const sens = opts.sensitivity ?? 1;
  const problems = callProblems(counts, what, sens, ['rho', opts.rho], ['sigma', opts.sigma]);
  if (problems.length) throw new LookalikeError('gaussianMechanism: invalid call', problems, 'internal');

  // With ρ requested, σ² is raised a few ulps so that σ² ≥ Δ²/(2ρ) holds exactly and ρ bounds the true cost.
  // With σ requested, σ² only needs to be what we use: the cost is computed from it.
  const sigma2Wanted =
    opts.rho !== undefined ? roundUpRel((sens * sens) / (2 * opts.rho)) : opts.sigma! * opts.sigma!;
  const sigma2 = roundUpToBits(sigma2Wanted, 20);
  let rho = roundUpRel((sens * sens) / (2 * sigma2));
  if (opts.rho !== undefined && opts.rho < rho) rho = opts.rho; // σ² ≥ Δ²/(2·opts.rho), so opts.rho also bounds the cost
  const sampler = new DiscreteGaussian(sigma2);
  const entry: LedgerEntry = {
    query: what.query,
    columns: [...what.columns],
    mechanism: 'discrete-gaussian',
    noiseScale: Math.sqrt(sigma2),
    rho,
    ...(sens !== 1 ? { sensitivity: sens } : {}),
  };
  ledger.charge(entry);
  const values = new Float64Array(counts.length);
  for (let i = 0; i < values.length; i++) values[i] = counts[i] + sampler.sample(rng);
  return { values, scale: Math.sqrt(sigma2), variance: sigma2, entry };
}

export interface LaplaceOptions {
  /** Pure-DP ε to spend (scale b = Δ/ε). Exactly one of `epsilon` and `scale`. */
  readonly epsilon?: number;
  /** Noise scale b (cost ε = Δ/b). */
  readonly scale?: number;
  /** L1 sensitivity of the count vector, default 1 (a histogram under add/remove-one-row). */
  readonly sensitivity?: number;
}

/**
 * Discrete Laplace (two-sided geometric) mechanism on an integer count vector.
 *
 * Guarantee: (Δ/b)-DP for a query of L1 sensitivity Δ under add/remove-one-row neighbours (Ghosh, Roughgarden &
 * Sundararajan 2009; CKS 2020 Sec. 2), hence ((Δ/b)²/2)-zCDP, which is what the ledger composes. Charges
 * mechanism "discrete-laplace", noiseScale b, with `epsilon` recorded. Runtime O(cells), exact (CKS Algorithm 2).
 */
export function laplaceMechanism(
  counts: ArrayLike<number>,
  opts: LaplaceOptions,
  ledger: PrivacyLedger,
  what: MeasurementInfo,
  rng: SecureRng,
): NoisyCounts {
  requireSecureRng(rng);
  const sens = opts.sensitivity ?? 1;
  const problems = callProblems(counts, what, sens, ['epsilon', opts.epsilon], ['scale', opts.scale]);
  if (problems.length) throw new LookalikeError('laplaceMechanism: invalid call', problems, 'internal');

  const wanted = opts.epsilon !== undefined ? roundUpRel(sens / opts.epsilon) : opts.scale!;
  const b = roundUpToBits(wanted, 20);
  let eps = roundUpRel(sens / b);
  if (opts.epsilon !== undefined && opts.epsilon < eps) eps = opts.epsilon;
  const sampler = new DiscreteLaplace(b);
  const entry: LedgerEntry = {
    query: what.query,
    columns: [...what.columns],
    mechanism: 'discrete-laplace',
    noiseScale: b,
    rho: pureToRho(eps),
    epsilon: eps,
    ...(sens !== 1 ? { sensitivity: sens } : {}),
  };
  ledger.charge(entry);
  const values = new Float64Array(counts.length);
  for (let i = 0; i < values.length; i++) values[i] = counts[i] + sampler.sample(rng);
  return { values, scale: b, variance: 2 * b * b, entry };
}

export interface ExponentialOptions {
  /** ε of the selection. The ledger is charged ρ = ε²/8 (bounded range) and pure ε. */
  readonly epsilon: number;
  /** Sensitivity Δ of every score (|u(D, i) − u(D', i)| ≤ Δ for neighbours D, D'), default 1. */
  readonly sensitivity?: number;
}

/**
 * The exponential mechanism (McSherry & Talwar 2007): returns index i with probability proportional to
 * exp(ε·u_i / (2Δ)).
 *
 * Guarantee: ε-DP and ε-bounded-range, hence (ε²/8)-zCDP (Cesar & Rogers 2021, Lemma 3.2); the ledger records
 * mechanism "exponential", noiseScale 2Δ/ε, rho ε²/8, epsilon ε.
 * Exact: scores, ε and Δ are converted to exact fractions; we draw a candidate uniformly and accept it with
 * probability exp(−ε·(u_max − u_i)/(2Δ)) (CKS Algorithm 1), which yields exactly the stated distribution
 * (no Gumbel noise, no floating-point exponentials). Runtime: expected m / Σᵢ exp(−ε(u_max−u_i)/(2Δ)) ≤ m
 * trials of O(1) random bits, plus O(m) BigInt conversions.
 */
export function exponentialMechanism(
  scores: ArrayLike<number>,
  opts: ExponentialOptions,
  ledger: PrivacyLedger,
  what: MeasurementInfo,
  rng: SecureRng,
): number {
  requireSecureRng(rng);
  const sens = opts.sensitivity ?? 1;
  const problems = infoProblems(what);
  if (scores.length === 0) problems.push('no candidates to select from');
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) {
      problems.push(`score ${i} is not a finite number`);
      break;
    }
  }
  if (!(opts.epsilon > 0 && Number.isFinite(opts.epsilon)))
    problems.push(`epsilon must be a finite number > 0 (got ${opts.epsilon})`);
  if (!(sens > 0) || !Number.isFinite(sens))
    problems.push(`sensitivity must be a finite number > 0 (got ${sens})`);
  if (problems.length) throw new LookalikeError('exponentialMechanism: invalid call', problems, 'internal');

  ledger.charge({
    query: what.query,
    columns: [...what.columns],
    mechanism: 'exponential',
    noiseScale: (2 * sens) / opts.epsilon,
    rho: exponentialMechanismRho(opts.epsilon),
    epsilon: opts.epsilon,
    ...(sens !== 1 ? { sensitivity: sens } : {}),
  });
  return sampleExponential(scores, opts.epsilon, sens, rng);
}

/**
 * The sampling kernel of the exponential mechanism, without accounting (exported for tests and for callers that
 * have already charged a composite step). i with probability ∝ exp(ε·u_i/(2Δ)), exactly.
 */
export function sampleExponential(
  scores: ArrayLike<number>,
  epsilon: number,
  sensitivity: number,
  rng: SecureRng,
): number {
  requireSecureRng(rng);
  const m = scores.length;
  let best = -Infinity;
  for (let i = 0; i < m; i++) if (scores[i] > best) best = scores[i];
  const e = toFraction(epsilon);
  const d = toFraction(sensitivity);
  const top = toFraction(best);
  // γ_i = ε (u* − u_i) / (2Δ) = e.num·d.den·(u* − u_i) / (2·e.den·d.num)
  const gammas = new Array<{ num: bigint; den: bigint }>(m);
  for (let i = 0; i < m; i++) {
    const u = toFraction(scores[i]);
    const diffNum = top.num * u.den - u.num * top.den; // (u* − u_i) = diffNum / (top.den·u.den) ≥ 0
    gammas[i] = fraction(e.num * d.den * diffNum, 2n * e.den * d.num * top.den * u.den);
  }
  for (;;) {
    const i = rng.uniformInt(m);
    if (bernoulliExp(gammas[i], rng)) return i;
  }
}

/** The σ that a Gaussian measurement costing ρ uses (before rounding up to 20 bits): Δ/√(2ρ). */
export function sigmaForRho(rho: number, sensitivity = 1): number {
  return sensitivity / Math.sqrt(2 * rho);
}

/** The ρ a Gaussian measurement with noise σ costs: Δ²/(2σ²). */
export function rhoForSigma(sigma: number, sensitivity = 1): number {
  return (sensitivity * sensitivity) / (2 * sigma * sigma);
}

function countProblems(counts: ArrayLike<number>): string[] {
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (!Number.isSafeInteger(c))
      return [`count ${i} is not an integer (the exact mechanisms need integer counts)`];
  }
  return [];
}

function infoProblems(what: MeasurementInfo): string[] {
  const out: string[] = [];
  if (!what || typeof what.query !== 'string') out.push('the measurement needs a query name');
  if (!what || !Array.isArray(what.columns)) out.push('the measurement needs its list of columns');
  return out;
}
