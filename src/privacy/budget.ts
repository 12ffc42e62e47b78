import { LookalikeError } from '../errors.js';
import { ceilSignificant, cdpEpsilon, cdpRho } from './accountant.js';
import { formatNumber } from '../format.js';
import type { PrivacyLedger } from './ledger.js';

/**
 * Budget planning for the DP synthesizers: split what is left of a ledger's ρ between planned Gaussian
 * measurements, and refuse — with the ε that *would* be needed — a budget too small to measure anything useful
 * (issue 3, item 7).
 *
 * "Useful" is decided from public quantities only (ε, δ, the plan), never from the data: a refusal that depended
 * on the private row count would itself leak. The default criterion is a noise σ of at most 1000 per cell (cells
 * with fewer than ~3σ rows are drowned in noise); a synthesizer may pass another `maxSigma`.
 */

export interface PlannedMeasurement {
  /** For messages, e.g. "1-way marginals (15)" or "marginal age × sex". */
  readonly name: string;
  /** Relative share of the planned budget (weights are normalised over the plan), > 0. */
  readonly weight: number;
}

export interface BudgetPlanOptions {
  /** Share of the ledger's remaining ρ this plan may use, in (0, 1]; default 1. */
  readonly fraction?: number;
  /** Largest useful Gaussian noise σ per cell; default 1000. */
  readonly maxSigma?: number;
}

export interface BudgetPlan {
  /** ρ of each planned measurement, in plan order (their sum ≤ fraction × rhoRemaining). */
  readonly rho: number[];
  /** σ = 1/√(2ρ) of each measurement (before the mechanisms' rounding up by ≤ 1e-6). */
  readonly sigma: number[];
}

export const DEFAULT_MAX_SIGMA = 1000;

/** The smallest ε (at δ, rounded up to 3 significant digits) whose zCDP budget reaches `rho`. */
export function epsilonForRho(rho: number, delta: number): number {
  return ceilSignificant(cdpEpsilon(rho, delta), 3);
}

/**
 * Split `fraction` of the ledger's remaining ρ between `plan` in proportion to the weights. Throws a LookalikeError
 * (kind 'privacy') when some measurement would get σ > maxSigma, stating the σ it would get and the smallest ε
 * (at the ledger's δ) that makes the whole plan useful; (kind 'internal') on a malformed plan.
 */
export function planGaussianBudget(
  ledger: PrivacyLedger,
  plan: readonly PlannedMeasurement[],
  opts: BudgetPlanOptions = {},
): BudgetPlan {
  const fraction = opts.fraction ?? 1;
  const maxSigma = opts.maxSigma ?? DEFAULT_MAX_SIGMA;
  const problems: string[] = [];
  if (!plan.length) problems.push('the plan has no measurements');
  if (!(fraction > 0 && fraction <= 1)) problems.push(`fraction must be in (0, 1] (got ${fraction})`);
  if (!(maxSigma > 0)) problems.push(`maxSigma must be > 0 (got ${maxSigma})`);
  plan.forEach((m, i) => {
    if (!(m.weight > 0 && Number.isFinite(m.weight)))
      problems.push(`measurement ${i} (${m.name}) needs a weight > 0`);
  });
  if (problems.length) throw new LookalikeError('planGaussianBudget: invalid plan', problems, 'internal');

  const total = plan.reduce((s, m) => s + m.weight, 0);
  const available = Math.max(0, ledger.rhoRemaining) * fraction;
  // leave a 1e-9 relative margin so that charging every ρ of the plan in turn always fits
  const rho = plan.map((m) => ((available * m.weight) / total) * (1 - 1e-9));
  const sigma = rho.map((r) => (r > 0 ? 1 / Math.sqrt(2 * r) : Infinity));
  let worst = 0;
  for (let i = 1; i < plan.length; i++) if (sigma[i] > sigma[worst]) worst = i;
  if (sigma[worst] > maxSigma) {
    // ρ needed so that the smallest share reaches 1/(2·maxSigma²), plus what is already spent
    const minWeight = Math.min(...plan.map((m) => m.weight));
    const rhoNeeded = ((1 / (2 * maxSigma * maxSigma)) * total) / minWeight / fraction + ledger.rhoSpent;
    const delta = ledger.budget.delta - ledger.deltaSpent;
    const need = epsilonForRho(rhoNeeded, delta);
    throw new LookalikeError(
      `the privacy budget ε = ${ledger.budget.epsilon} (δ = ${ledger.budget.delta}) is too small to measure anything useful`,
      [
        `${plan[worst].name} would get Gaussian noise with σ = ${formatNumber(sigma[worst], { digits: 3 })} per cell (more than ${maxSigma}); ` +
          `counts below ~${formatNumber(3 * sigma[worst], { digits: 3 })} rows would be pure noise`,
        `this plan (${plan.length} measurement(s)) needs at least ε = ${need} at δ = ${ledger.budget.delta}` +
          (ledger.entries.length
            ? ` (including the ${ledger.entries.length} measurement(s) already made)`
            : '') +
          '; raise --epsilon, or measure fewer/smaller marginals',
      ],
      'privacy',
    );
  }
  return { rho, sigma };
}

/** ρ that (ε, δ) allows — a convenience for planning before a ledger exists (rounded down). */
export function rhoForBudget(epsilon: number, delta: number): number {
  return cdpRho(epsilon, delta);
}
