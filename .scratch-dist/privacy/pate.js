import { LookalikeError } from '../errors.js';
import { gaussianMechanism } from './mechanisms.js';
import { requireSecureRng } from './samplers.js';
/**
 * PATE's noisy aggregation of teacher votes (Papernot et al. 2017, 2018: "GNMax"), with **data-independent**
 * accounting: each answer is the argmax of the vote histogram plus discrete Gaussian noise, charged to the ledger as
 * an ordinary Gaussian measurement. No data-dependent (smooth-sensitivity) analysis is used, so the cost does not
 * depend on how much the teachers agree and nothing about the votes leaks through the accounting.
 *
 * Sensitivity. Teachers are trained on disjoint partitions of the rows; the partition of a row is drawn
 * independently of every other row (`assignTeachers`), so adding or removing one row changes at most one teacher's
 * training set and hence at most its vote on each query: one count goes down by 1 and another up by 1. Over Q
 * queries of k classes the concatenated histograms change by at most √(2Q) in L2; for k = 2 only the count of
 * class 1 is released (class 0 = teachers − class 1, post-processing of a public number), with L2 sensitivity √Q.
 * The discrete Gaussian mechanism then costs ρ = Δ²/(2σ²) (CKS 2020 Thm. 14), i.e. Q/σ² (k > 2) or Q/(2σ²)
 * (k = 2); the argmax is post-processing.
 */
/**
 * Assign each of n rows to one of `teachers` partitions, independently and uniformly, from the SecureRng. (Per-row
 * independence is what makes the sensitivity argument hold for add/remove neighbours: a row's assignment never
 * depends on another row's presence or position.)
 */
export function assignTeachers(n, teachers, rng) {
    requireSecureRng(rng);
    if (!Number.isInteger(teachers) || teachers < 1)
        throw new RangeError(`assignTeachers: need a whole number of teachers ≥ 1 (got ${teachers})`);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++)
        out[i] = rng.uniformInt(teachers);
    return out;
}
/**
 * Answer Q queries from their vote histograms: `votes[q·k + c]` = number of teachers voting class c on query q
 * (integers). Charges the ledger first (one "discrete-gaussian" entry with query "pate", sensitivity as above),
 * then returns argmax_c(votes + noise) for every query (ties broken uniformly at random). Throws a LookalikeError (kind
 * 'privacy') when the ledger cannot pay, (kind 'internal') on malformed votes.
 */
export function pateAggregate(votes, classes, opts, ledger, what, rng) {
    const problems = [];
    if (!Number.isInteger(classes) || classes < 2)
        problems.push(`classes must be a whole number ≥ 2 (got ${classes})`);
    if (votes.length === 0 || votes.length % Math.max(1, classes) !== 0)
        problems.push(`votes must hold queries × classes counts (got ${votes.length} for ${classes} classes)`);
    if (!(opts.sigma > 0) || !Number.isFinite(opts.sigma))
        problems.push(`sigma must be a finite number > 0 (got ${opts.sigma})`);
    if (problems.length)
        throw new LookalikeError('pateAggregate: invalid call', problems, 'internal');
    const queries = votes.length / classes;
    const labels = new Int32Array(queries);
    if (classes === 2) {
        // release only the count of class 1
        const ones = new Float64Array(queries);
        let teachers = -1;
        for (let q = 0; q < queries; q++) {
            ones[q] = votes[q * 2 + 1];
            const t = votes[q * 2] + votes[q * 2 + 1];
            if (teachers < 0)
                teachers = t;
            else if (t !== teachers)
                problems.push('every binary query must count the same number of teachers');
        }
        if (problems.length)
            throw new LookalikeError('pateAggregate: invalid call', problems, 'internal');
        const noisy = gaussianMechanism(ones, { sigma: opts.sigma, sensitivity: Math.sqrt(queries) }, ledger, what, rng);
        for (let q = 0; q < queries; q++) {
            const twice = noisy.values[q] * 2;
            labels[q] = twice > teachers ? 1 : twice < teachers ? 0 : rng.uniformInt(2); // ties: a fair coin
        }
        return { labels, rho: noisy.entry.rho };
    }
    const noisy = gaussianMechanism(votes, { sigma: opts.sigma, sensitivity: Math.sqrt(2 * queries) }, ledger, what, rng);
    for (let q = 0; q < queries; q++) {
        // argmax, ties broken uniformly at random (the counts are integers: ties are common for small σ)
        let best = 0;
        let ties = 1;
        for (let c = 1; c < classes; c++) {
            const v = noisy.values[q * classes + c];
            const b = noisy.values[q * classes + best];
            if (v > b) {
                best = c;
                ties = 1;
            }
            else if (v === b && rng.uniformInt(++ties) === 0)
                best = c; // reservoir choice among the tied
        }
        labels[q] = best;
    }
    return { labels, rho: noisy.entry.rho };
}
/** ρ of answering Q queries with noise σ (k classes), as `pateAggregate` charges it (before the mechanisms' rounding). */
export function pateRho(queries, classes, sigma) {
    return (classes === 2 ? queries : 2 * queries) / (2 * sigma * sigma);
}
/**
 * The binary form of `pateAggregate` that keeps the noisy counts: for Q two-class queries, `ones[q]` = number of
 * teachers voting class 1 (out of `teachers`), released as ones[q] + discrete Gaussian noise — the same release,
 * sensitivity √Q and cost Q/(2σ²) as `pateAggregate` with two classes, charged first (one "discrete-gaussian" entry),
 * at ρ (`opts.rho`, σ derived and rounded up) or σ (`opts.sigma`). The noisy counts may then be used as soft labels
 * (noisy count / teachers): post-processing, like the argmax. Throws (kind 'privacy') when the ledger cannot pay.
 */
export function pateBinaryCounts(ones, teachers, opts, ledger, what, rng) {
    const problems = [];
    if (!Number.isInteger(teachers) || teachers < 1)
        problems.push(`teachers must be a whole number ≥ 1 (got ${teachers})`);
    if (ones.length === 0)
        problems.push('no query to answer');
    for (let q = 0; q < ones.length; q++)
        if (!Number.isInteger(ones[q]) || ones[q] < 0 || ones[q] > teachers) {
            problems.push(`every vote count must be a whole number in [0, ${teachers}]`);
            break;
        }
    if ((opts.rho === undefined) === (opts.sigma === undefined))
        problems.push('give exactly one of rho and sigma');
    if (problems.length)
        throw new LookalikeError('pateBinaryCounts: invalid call', problems, 'internal');
    const noisy = gaussianMechanism(ones, {
        ...(opts.rho !== undefined ? { rho: opts.rho } : { sigma: opts.sigma }),
        sensitivity: Math.sqrt(ones.length),
    }, ledger, what, rng);
    return noisy.values;
}
//# sourceMappingURL=pate.js.map