import type { SecureRng } from '../random/secure.js';
import type { PrivacyLedger } from './ledger.js';
import { type MeasurementInfo } from './mechanisms.js';
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
export declare function assignTeachers(n: number, teachers: number, rng: SecureRng): Int32Array;
export interface PateOptions {
    /** Standard deviation σ of the discrete Gaussian noise on each vote count (a number of teachers). */
    readonly sigma: number;
}
export interface PateAnswer {
    /** The noisy argmax of each query. */
    readonly labels: Int32Array;
    /** ρ charged. */
    readonly rho: number;
}
/**
 * Answer Q queries from their vote histograms: `votes[q·k + c]` = number of teachers voting class c on query q
 * (integers). Charges the ledger first (one "discrete-gaussian" entry with query "pate", sensitivity as above),
 * then returns argmax_c(votes + noise) for every query (ties broken uniformly at random). Throws a LookalikeError (kind
 * 'privacy') when the ledger cannot pay, (kind 'internal') on malformed votes.
 */
export declare function pateAggregate(votes: ArrayLike<number>, classes: number, opts: PateOptions, ledger: PrivacyLedger, what: MeasurementInfo, rng: SecureRng): PateAnswer;
/** ρ of answering Q queries with noise σ (k classes), as `pateAggregate` charges it (before the mechanisms' rounding). */
export declare function pateRho(queries: number, classes: number, sigma: number): number;
/**
 * The binary form of `pateAggregate` that keeps the noisy counts: for Q two-class queries, `ones[q]` = number of
 * teachers voting class 1 (out of `teachers`), released as ones[q] + discrete Gaussian noise — the same release,
 * sensitivity √Q and cost Q/(2σ²) as `pateAggregate` with two classes, charged first (one "discrete-gaussian" entry),
 * at ρ (`opts.rho`, σ derived and rounded up) or σ (`opts.sigma`). The noisy counts may then be used as soft labels
 * (noisy count / teachers): post-processing, like the argmax. Throws (kind 'privacy') when the ledger cannot pay.
 */
export declare function pateBinaryCounts(ones: ArrayLike<number>, teachers: number, opts: {
    readonly rho?: number;
    readonly sigma?: number;
}, ledger: PrivacyLedger, what: MeasurementInfo, rng: SecureRng): Float64Array;
