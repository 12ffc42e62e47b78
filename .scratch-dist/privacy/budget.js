import { LookalikeError } from '../errors.js';
import { ceilSignificant, cdpEpsilon, cdpRho } from './accountant.js';
import { formatNumber } from '../format.js';
export const DEFAULT_MAX_SIGMA = 1000;
/**
 * Relative margin under the ledger's remaining ρ that a plan leaves, so that charging every planned measurement in
 * turn always fits (the exponential mechanism rounds its cost up by a few ulps; σ is rounded up, never down).
 */
const MARGIN = 1e-6;
export class BudgetPlan {
    /** ρ the whole plan spends: Σ count·ρ over the steps (≤ fraction × the ledger's remaining ρ). */
    rho;
    steps;
    constructor(rho, steps) {
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
    step(name) {
        const s = this.steps.find((p) => p.name === name);
        if (!s)
            throw new LookalikeError(`the budget plan has no step "${name}"`, [], 'internal');
        return s;
    }
    /** ρ of each measurement of step `name`. */
    rhoOf(name) {
        return this.step(name).rho;
    }
    /** σ of each Gaussian measurement of step `name`. */
    sigmaOf(name) {
        const s = this.step(name);
        if (s.sigma === undefined)
            throw new LookalikeError(`step "${name}" is not Gaussian`, [], 'internal');
        return s.sigma;
    }
    /** ε of each exponential-mechanism selection of step `name`. */
    epsilonOf(name) {
        const s = this.step(name);
        if (s.epsilon === undefined)
            throw new LookalikeError(`step "${name}" is not an exponential mechanism`, [], 'internal');
        return s.epsilon;
    }
}
/** The smallest ε (at δ, rounded up to 3 significant digits) whose zCDP budget reaches `rho`. */
export function epsilonForRho(rho, delta) {
    return ceilSignificant(cdpEpsilon(rho, delta), 3);
}
/**
 * Split `fraction` of the ledger's remaining ρ (less a 1e-6 relative margin) between the steps of `plan` by their
 * weights. Throws a LookalikeError (kind 'privacy') when some Gaussian measurement would get σ > maxSigma, stating
 * the σ it would get and the smallest ε (at the ledger's δ) that makes the whole plan useful; (kind 'internal') on
 * a malformed plan.
 */
export function planBudget(ledger, plan, opts = {}) {
    const fraction = opts.fraction ?? 1;
    const maxSigma = opts.maxSigma ?? DEFAULT_MAX_SIGMA;
    const problems = [];
    if (!plan.length)
        problems.push('the plan has no measurements');
    if (!(fraction > 0 && fraction <= 1))
        problems.push(`fraction must be in (0, 1] (got ${fraction})`);
    if (!(maxSigma > 0))
        problems.push(`maxSigma must be > 0 (got ${maxSigma})`);
    const names = new Set();
    plan.forEach((m, i) => {
        if (!(m.weight > 0 && Number.isFinite(m.weight)))
            problems.push(`step ${i} (${m.name}) needs a weight > 0`);
        if (!(Number.isInteger(m.count) && m.count >= 1))
            problems.push(`step ${i} (${m.name}) needs a whole count ≥ 1`);
        if (m.mechanism !== 'gaussian' && m.mechanism !== 'exponential')
            problems.push(`step ${i} (${m.name}) has an unknown mechanism`);
        if (names.has(m.name))
            problems.push(`step name "${m.name}" is used twice`);
        names.add(m.name);
    });
    if (problems.length)
        throw new LookalikeError('planBudget: invalid plan', problems, 'internal');
    const available = Math.max(0, ledger.rhoRemaining) * fraction * (1 - MARGIN);
    const out = new BudgetPlan(available, plan);
    const gaussian = out.steps.filter((s) => s.mechanism === 'gaussian');
    if (!gaussian.length)
        return out;
    const worst = gaussian.reduce((a, b) => (b.sigma > a.sigma ? b : a));
    if (worst.sigma > maxSigma) {
        // ρ needed so that the lightest Gaussian measurement reaches 1/(2·maxSigma²), plus what is already spent
        const total = plan.reduce((s, m) => s + m.count * m.weight, 0);
        const rhoNeeded = ((1 / (2 * maxSigma * maxSigma)) * total) / worst.weight / fraction / (1 - MARGIN) + ledger.rhoSpent;
        const delta = ledger.budget.delta - ledger.deltaSpent;
        const need = epsilonForRho(rhoNeeded, delta);
        const count = plan.reduce((s, m) => s + m.count, 0);
        throw new LookalikeError(`the privacy budget ε = ${ledger.budget.epsilon} (δ = ${ledger.budget.delta}) is too small to measure anything useful`, [
            Number.isFinite(worst.sigma)
                ? `${worst.name} would get Gaussian noise with σ = ${formatNumber(worst.sigma, { digits: 3 })} per cell (more than ${maxSigma}); ` +
                    `counts below ~${formatNumber(3 * worst.sigma, { digits: 3 })} rows would be pure noise`
                : `${worst.name} would get unbounded noise: ε = ${ledger.budget.epsilon} is too small to compute a noise ` +
                    'scale with (every count would be pure noise)',
            `this plan (${count} measurement(s)) needs at least ε = ${need} at δ = ${ledger.budget.delta}` +
                (ledger.entries.length
                    ? ` (including the ${ledger.entries.length} measurement(s) already made)`
                    : '') +
                '; raise --epsilon, or measure fewer/smaller marginals',
        ], 'privacy');
    }
    return out;
}
/** ρ that (ε, δ) allows — a convenience for planning before a ledger exists (rounded down). */
export function rhoForBudget(epsilon, delta) {
    return cdpRho(epsilon, delta);
}
//# sourceMappingURL=budget.js.map