/**
 * `evaluatePrivacy`: the privacy-risk suite of a synthetic table against its training rows and a holdout of real
 * rows the synthesizer never saw. Every risk is an attack success compared with the same attack on the holdout
 * (or a random guess), with a 95% interval (DESIGN.md rule 9). See docs/privacy-risk.md for the definitions and
 * the aggregate "privacy protection" score.
 */
import type { Table } from '../../table/table.js';
import type { Schema } from '../../table/schema.js';
import type { ProgressFn } from '../../progress.js';
import type { MetricResult } from '../types.js';
import { type NeighborSearch } from './distance-metrics.js';
import type { ShadowSynthesizer } from './shadow.js';
import { type RiskFamily } from './multiplicity.js';
/**
 * lookalike's own attack families, in the order they run. `shadow` needs `synthesizer` and is not run by default.
 * A registered privacy metric may add its own (`privacyAttacks()` in ../registry.ts lists them all).
 */
export declare const PRIVACY_ATTACKS: readonly ["distance", "mia", "domias", "domias-classifier", "singling-out", "linkability", "inference", "k-anonymity", "shadow"];
export type PrivacyAttack = (typeof PRIVACY_ATTACKS)[number] | (string & {});
export declare const DEFAULT_PRIVACY_ATTACKS: readonly PrivacyAttack[];
export interface PrivacyOptions {
    readonly schema: Schema;
    /** Which attack families to run (default: all but `shadow`). */
    readonly attacks?: readonly string[];
    /** Seed for every sample the attacks draw. Default 0. */
    readonly seed?: number;
    /** The model's claimed (ε, δ) (from its ledger), shown next to the empirical ε lower bounds. */
    readonly claimedEpsilon?: number;
    readonly claimedDelta?: number;
    /** The synthesizer that made the table, re-fitted by shadow modelling (e.g. `getSynthesizer(name)`). */
    readonly synthesizer?: ShadowSynthesizer;
    /** Options passed to the synthesizer's fit in shadow modelling. */
    readonly synthesizerOptions?: Readonly<Record<string, unknown>>;
    /** Attacks per Anonymeter evaluator and members/non-members per MIA (default 1000; Anonymeter's default is 500). */
    readonly nAttacks?: number;
    /** Secret columns for attribute inference (default: columns with role `sensitive` or `target`, else all). */
    readonly secrets?: readonly string[];
    /** The attacker's two auxiliary column sets for linkability (default: the usable columns in table order, cut in two halves). */
    readonly linkabilityColumns?: readonly [readonly string[], readonly string[]];
    /** Synthetic rows used by the distance checks (a random subset beyond this; default 50,000). */
    readonly maxRows?: number;
    /** Shadow modelling: number of target records (default 10) and of shadow fits per target and side (default 8). */
    readonly shadowTargets?: number;
    readonly shadowRuns?: number;
    /** Nearest-neighbour search to use (e.g. the worker-thread pool of src/io/privacy-workers.ts). */
    readonly search?: NeighborSearch;
    readonly onProgress?: ProgressFn;
}
/**
 * The privacy-risk suite's result, and the `privacy` slot of an `Evaluation` (the one type of that name). Files
 * written before every field was carried (the sweep wrote only `metrics` and `aggregate`) are read with the others
 * empty (`asEvaluation` in src/metrics/evaluation.ts).
 */
export interface PrivacyEvaluation {
    readonly metrics: readonly MetricResult[];
    /**
     * Privacy protection in [0, 1]: 1 − the risk the attacks demonstrate after correcting for their number (the
     * family-wise 95% lower bound of the largest risk, `family.demonstrated`; docs/privacy-risk.md).
     */
    readonly aggregate: number;
    /** The risk (0..1) of each attack that enters the aggregate, by metric id (and column): point estimates. */
    readonly risks: Readonly<Record<string, number>>;
    /**
     * The risks read together (./multiplicity.ts): the largest estimate with its simultaneous interval, the
     * demonstrated risk, the noise level of the largest estimate when nothing leaks, and per risk its family-wise
     * bounds, Holm p-value and the smallest risk it could detect at these sizes. Absent in files written before it.
     */
    readonly family?: RiskFamily;
    readonly claimedEpsilon?: number;
    /** Largest empirical ε lower bound over the membership attacks run. */
    readonly empiricalEpsilonLower?: number;
    readonly attacks: readonly PrivacyAttack[];
    /** Seconds per attack family. */
    readonly timings: Readonly<Record<string, number>>;
    readonly warnings: readonly string[];
}
/**
 * Run the privacy-risk suite. `train` is the table the synthesizer was fitted on, `holdout` real rows it never saw
 * (same columns), `synthetic` its output. Returns every metric (family `privacy`), the aggregate protection score
 * and per-attack timings. Throws a LookalikeError listing every problem with the arguments.
 * Runtime: dominated by nearest-neighbour searches, ≈ 1–2.5 ns per row pair on one core (Adult: ≈ 6–10 s for the
 * default suite on 32,561 training, 16,281 holdout and 32,561 synthetic rows).
 */
export declare function evaluatePrivacy(train: Table, synthetic: Table, holdout: Table, opts: PrivacyOptions): Promise<PrivacyEvaluation>;
