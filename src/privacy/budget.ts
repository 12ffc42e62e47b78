import { LookalikeError } from '../errors.js';
import { ceilSignificant, cdpEpsilon, cdpRho } from './accountant.js';
import { formatNumber } from '../format.js';
import type { PrivacyLedger } from './ledger.js';

/**
 * The budget plan of a DP fit, as a value: the steps a synthesizer will run (each a number of measurements by one
 * mechanism, with a relative weight), and what that makes each measurement cost. One plan is read twice — by the
 * up-front check that refuses a budget too small to measure anything useful, and by the measuring code, which
 * takes its ρ, σ and ε from the same plan — so the check can never describe a different split than the one spent.
 *
 * "Useful" is decided from public quantities only (ε, δ, the plan), never from the data: a refusal that depended
 * on the private row count would itself leak. The default criterion is a noise σ of at most 1000 per cell (cells
 * with fewer than ~3σ rows are drowned in noise); a synthesizer may pass another `maxSigma`.
 */

export interface PlanStep {
  /** Names the step in messages and in `BudgetPlan` look-ups, e.g. "1-way marginals"; unique within a plan. */
  readonly name: string;
  /**
   * `gaussian`: discrete Gaussian measurements (ρ = 1/(2σ²) for sensitivity 1), checked against maxSigma;
   * `exponential`: exponential-mechanism selections (ρ = ε²/8).
   */
  readonly mechanism: 'gaussian' | 'exponential';
  /** How many measurements of this kind (a whole number ≥ 1). */
  readonly count: number;
  /** Relative weight of *each* measurement: one gets ρ·weight / Σ(count·weight) of the plan's ρ. */
  readonly weight: number;
}

export interface BudgetPlanOptions {
  /** Share of the ledger's remaining ρ this plan may use, in (0, 1]; default 1. */
  readonly fraction?: number;
  /** Largest useful Gaussian noise σ per cell; default 1000. */
  readonly maxSigma?: number;
}

/** A step with its cost per measurement. */
export interface PlannedStep extends PlanStep {
  /** ρ of each measurement of the step. */
  readonly rho: number;
  /** Gaussian: σ = 1/√(2ρ) of each measurement (sensitivity 1); exponential: undefined. */
  readonly sigma?: number;
  /** Exponential: ε = √(8ρ) of each selection; Gaussian: undefined. */
  readonly epsilon?: number;
}

export const DEFAULT_MAX_SIGMA = 1000;

/**
 * Relative margin under the ledger's remaining ρ that a plan leaves, so that charging every planned measurement in
 * turn always fits (the exponential mechanism rounds its cost up by a few ulps; σ is rounded up, never down).
 */
const MARGIN = 1e-6;

export class BudgetPlan {
  /** ρ the whole plan spends: Σ count·ρ over the steps (≤ fraction × the ledger's remaining ρ). */
  readonly rho: number;
  readonly steps: readonly PlannedStep[];

  constructor(rho: number, steps: readonly PlanStep[]) {
    const total = steps.reduce((s, p) => s + p.count * p.weight, 0);
    this.rho = rho;
    this.steps = steps.map((p) => {
      const r = (rho * p.weight) / total;
      return p.mechanism === 'gaussian'
        ? { ...p, rho: r, sigma: r > 0 ? 1 / Math.sqrt(2 * r) : Infinity }
        : { ...p, rho: r, epsilon: Math.sqrt(8 * r) };
    });
  }

  /** The planned step called `name` (an internal error when there is none: plans are written by code). */
  step(name: string): PlannedStep {
    const s = this.steps.find((p) => p.name === name);
    if (!s) throw new LookalikeError(`the budget plan has no step "${name}"`, [], 'internal');
    return s;
  }

  /** ρ of each measurement of step `name`. */
  rhoOf(name: string): number {
    return this.step(name).rho;
  }

  /** σ of each Gaussian measurement of step `name`. */
  sigmaOf(name: string): number {
    const s = this.step(name);
    if (s.sigma === undefined) throw new LookalikeError(`step "${name}" is not Gaussian`, [], 'internal');
    return s.sigma;
  }

  /** ε of each exponential-mechanism selection of step `name`. */
  epsilonOf(name: string): number {
    const s = this.step(name);
    if (s.epsilon === undefined)
      throw new LookalikeError(`step "${name}" is not an exponential mechanism`, [], 'internal');
    return s.epsilon;
  }
}

/** The smallest ε (at δ, rounded up to 3 significant digits) whose zCDP budget reaches `rho`. */
export function epsilonForRho(rho: number, delta: number): number {
  return ceilSignificant(cdpEpsilon(rho, delta), 3);
}

/**
 * Split `fraction` of the ledger's remaining ρ (less a 1e-6 relative margin) between the steps of `plan` by their
 * weights. Throws a LookalikeError (kind 'privacy') when some Gaussian measurement would get σ > maxSigma, stating
 * the σ it would get and the smallest ε (at the ledger's δ) that makes the whole plan useful; (kind 'internal') on
 * a malformed plan.
 */
export function planBudget(
  ledger: PrivacyLedger,
  plan: readonly PlanStep[],
  opts: BudgetPlanOptions = {},
): BudgetPlan {
  const fraction = opts.fraction ?? 1;
  const maxSigma = opts.maxSigma ?? DEFAULT_MAX_SIGMA;
  const problems: string[] = [];
  if (!plan.length) problems.push('the plan has no measurements');
  if (!(fraction > 0 && fraction <= 1)) problems.push(`fraction must be in (0, 1] (got ${fraction})`);
  if (!(maxSigma > 0)) problems.push(`maxSigma must be > 0 (got ${maxSigma})`);
  const names = new Set<string>();
  plan.forEach((m, i) => {
    if (!(m.weight > 0 && Number.isFinite(m.weight)))
      problems.push(`step ${i} (${m.name}) needs a weight > 0`);
    if (!(Number.isInteger(m.count) && m.count >= 1))
      problems.push(`step ${i} (${m.name}) needs a whole count ≥ 1`);
    if (m.mechanism !== 'gaussian' && m.mechanism !== 'exponential')
      problems.push(`step ${i} (${m.name}) has an unknown mechanism`);
    if (names.has(m.name)) problems.push(`step name "${m.name}" is used twice`);
    names.add(m.name);
  });
  if (problems.length) throw new LookalikeError('planBudget: invalid plan', problems, 'internal');

  const available = Math.max(0, ledger.rhoRemaining) * fraction * (1 - MARGIN);
  const out = new BudgetPlan(available, plan);
  const gaussian = out.steps.filter((s) => s.mechanism === 'gaussian');
  if (!gaussian.length) return out;
  const worst = gaussian.reduce((a, b) => (b.sigma! > a.sigma! ? b : a));
  if (worst.sigma! > maxSigma) {
    // ρ needed so that the lightest Gaussian measurement reaches 1/(2·maxSigma²), plus what is already spent
    const total = plan.reduce((s, m) => s + m.count * m.weight, 0);
    const rhoNeeded =
      ((1 / (2 * maxSigma * maxSigma)) * total) / worst.weight / fraction / (1 - MARGIN) + ledger.rhoSpent;
    const delta = ledger.budget.delta - ledger.deltaSpent;
    const need = epsilonForRho(rhoNeeded, delta);
    const count = plan.reduce((s, m) => s + m.count, 0);
    throw new LookalikeError(
      `the privacy budget ε = ${ledger.budget.epsilon} (δ = ${ledger.budget.delta}) is too small to measure anything useful`,
      [
        Number.isFinite(worst.sigma!)
          ? `${worst.name} would get Gaussian noise with σ = ${formatNumber(worst.sigma!, { digits: 3 })} per cell (more than ${maxSigma}); ` +
            `counts below ~${formatNumber(3 * worst.sigma!, { digits: 3 })} rows would be pure noise`
          : `${worst.name} would get unbounded noise: ε = ${ledger.budget.epsilon} is too small to compute a noise ` +
            'scale with (every count would be pure noise)',
        `this plan (${count} measurement(s)) needs at least ε = ${need} at δ = ${ledger.budget.delta}` +
          (ledger.entries.length
            ? ` (including the ${ledger.entries.length} measurement(s) already made)`
            : '') +
          '; raise --epsilon, or measure fewer/smaller marginals',
      ],
      'privacy',
    );
  }
  return out;
}

/** ρ that (ε, δ) allows — a convenience for planning before a ledger exists (rounded down). */
export function rhoForBudget(epsilon: number, delta: number): number {
  return cdpRho(epsilon, delta);
}
