import { LookalikeError } from '../errors.js';
import { exponentialMechanismRho, pureToRho, roundUpRel } from './accountant.js';
import { fraction, roundUpToBits, toFraction } from './rational.js';
import { DiscreteGaussian, DiscreteLaplace, bernoulliExp, requireSecureRng } from './samplers.js';
/**
 * Problems with a noisy-count call: the counts, the description, the sensitivity, and exactly one of two ways to
 * set the noise (a cost or a scale), each a finite number > 0.
 */
function callProblems(counts, what, sens, a, b) {
    const problems = [...countProblems(counts), ...infoProblems(what)];
    if (!(sens > 0) || !Number.isFinite(sens))
        problems.push(`sensitivity must be a finite number > 0 (got ${sens})`);
    if ((a[1] === undefined) === (b[1] === undefined))
        problems.push(`give exactly one of ${a[0]} and ${b[0]}`);
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
export function gaussianMechanism(counts, opts, ledger, what, rng) {
    requireSecureRng(rng);
    const sens = opts.sensitivity ?? 1;
    const problems = callProblems(counts, what, sens, ['rho', opts.rho], ['sigma', opts.sigma]);
    if (problems.length)
        throw new LookalikeError('gaussianMechanism: invalid call', problems, 'internal');
    // With ρ requested, σ² is raised a few ulps so that σ² ≥ Δ²/(2ρ) holds exactly and ρ bounds the true cost.
    // With σ requested, σ² only needs to be what we use: the cost is computed from it.
    const sigma2Wanted = opts.rho !== undefined ? roundUpRel((sens * sens) / (2 * opts.rho)) : opts.sigma * opts.sigma;
    const sigma2 = roundUpToBits(sigma2Wanted, 20);
    let rho = roundUpRel((sens * sens) / (2 * sigma2));
    if (opts.rho !== undefined && opts.rho < rho)
        rho = opts.rho; // σ² ≥ Δ²/(2·opts.rho), so opts.rho also bounds the cost
    const sampler = new DiscreteGaussian(sigma2);
    const entry = {
        query: what.query,
        columns: [...what.columns],
        mechanism: 'discrete-gaussian',
        noiseScale: Math.sqrt(sigma2),
        rho,
        ...(sens !== 1 ? { sensitivity: sens } : {}),
    };
    ledger.charge(entry);
    const values = new Float64Array(counts.length);
    for (let i = 0; i < values.length; i++)
        values[i] = counts[i] + sampler.sample(rng);
    return { values, scale: Math.sqrt(sigma2), variance: sigma2, entry };
}
/**
 * Discrete Laplace (two-sided geometric) mechanism on an integer count vector.
 *
 * Guarantee: (Δ/b)-DP for a query of L1 sensitivity Δ under add/remove-one-row neighbours (Ghosh, Roughgarden &
 * Sundararajan 2009; CKS 2020 Sec. 2), hence ((Δ/b)²/2)-zCDP, which is what the ledger composes. Charges
 * mechanism "discrete-laplace", noiseScale b, with `epsilon` recorded. Runtime O(cells), exact (CKS Algorithm 2).
 */
export function laplaceMechanism(counts, opts, ledger, what, rng) {
    requireSecureRng(rng);
    const sens = opts.sensitivity ?? 1;
    const problems = callProblems(counts, what, sens, ['epsilon', opts.epsilon], ['scale', opts.scale]);
    if (problems.length)
        throw new LookalikeError('laplaceMechanism: invalid call', problems, 'internal');
    const wanted = opts.epsilon !== undefined ? roundUpRel(sens / opts.epsilon) : opts.scale;
    const b = roundUpToBits(wanted, 20);
    let eps = roundUpRel(sens / b);
    if (opts.epsilon !== undefined && opts.epsilon < eps)
        eps = opts.epsilon;
    const sampler = new DiscreteLaplace(b);
    const entry = {
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
    for (let i = 0; i < values.length; i++)
        values[i] = counts[i] + sampler.sample(rng);
    return { values, scale: b, variance: 2 * b * b, entry };
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
export function exponentialMechanism(scores, opts, ledger, what, rng) {
    requireSecureRng(rng);
    const sens = opts.sensitivity ?? 1;
    const problems = infoProblems(what);
    if (scores.length === 0)
        problems.push('no candidates to select from');
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
    if (problems.length)
        throw new LookalikeError('exponentialMechanism: invalid call', problems, 'internal');
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
export function sampleExponential(scores, epsilon, sensitivity, rng) {
    requireSecureRng(rng);
    const m = scores.length;
    let best = -Infinity;
    for (let i = 0; i < m; i++)
        if (scores[i] > best)
            best = scores[i];
    const e = toFraction(epsilon);
    const d = toFraction(sensitivity);
    const top = toFraction(best);
    // γ_i = ε (u* − u_i) / (2Δ) = e.num·d.den·(u* − u_i) / (2·e.den·d.num)
    const gammas = new Array(m);
    for (let i = 0; i < m; i++) {
        const u = toFraction(scores[i]);
        const diffNum = top.num * u.den - u.num * top.den; // (u* − u_i) = diffNum / (top.den·u.den) ≥ 0
        gammas[i] = fraction(e.num * d.den * diffNum, 2n * e.den * d.num * top.den * u.den);
    }
    for (;;) {
        const i = rng.uniformInt(m);
        if (bernoulliExp(gammas[i], rng))
            return i;
    }
}
/** The σ that a Gaussian measurement costing ρ uses (before rounding up to 20 bits): Δ/√(2ρ). */
export function sigmaForRho(rho, sensitivity = 1) {
    return sensitivity / Math.sqrt(2 * rho);
}
/** The ρ a Gaussian measurement with noise σ costs: Δ²/(2σ²). */
export function rhoForSigma(sigma, sensitivity = 1) {
    return (sensitivity * sensitivity) / (2 * sigma * sigma);
}
function countProblems(counts) {
    for (let i = 0; i < counts.length; i++) {
        const c = counts[i];
        if (!Number.isSafeInteger(c))
            return [`count ${i} is not an integer (the exact mechanisms need integer counts)`];
    }
    return [];
}
function infoProblems(what) {
    const out = [];
    if (!what || typeof what.query !== 'string')
        out.push('the measurement needs a query name');
    if (!what || !Array.isArray(what.columns))
        out.push('the measurement needs its list of columns');
    return out;
}
//# sourceMappingURL=mechanisms.js.map