import { type EvaluateOptions, type MetricSuite } from '../metrics/evaluate.js';
import type { Evaluation } from '../metrics/evaluation.js';
import type { NeighborSearch } from '../metrics/privacy/distance-metrics.js';
import type { ShadowSynthesizer } from '../metrics/privacy/shadow.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { type StepHooks } from './hooks.js';
export interface AssessSpec extends StepHooks {
    /** The real table's schema: kinds and roles (target, sensitive, id). */
    readonly schema: Schema;
    /** Seed of every subsample, split, model and attack (default 0). */
    readonly seed?: number;
    /** The column to predict for utility (default: the schema's column whose role is target). */
    readonly target?: string;
    /** Fidelity and utility suites to run (default all). */
    readonly metrics?: readonly MetricSuite[];
    /**
     * Whether the privacy-risk attacks run (default: when there is a holdout; `true` without one is an error: the
     * attacks compare with real rows the synthesizer never saw).
     */
    readonly privacy?: boolean;
    /** Which attacks (default all but shadow); `'none'` or an empty list runs none. */
    readonly attacks?: readonly string[] | 'none';
    /** Attacks per privacy evaluator (default 1000; `PrivacyOptions.nAttacks`). */
    readonly nAttacks?: number;
    /** The release's guarantee: a DP one is shown next to the empirical ε lower bounds. */
    readonly guarantee?: PrivacyGuarantee | null;
    /** The synthesizer that made the table (and its options), re-fitted by the shadow attack. */
    readonly synthesizer?: ShadowSynthesizer;
    readonly synthesizerOptions?: Readonly<Record<string, unknown>>;
    /** Nearest-neighbour search for the attacks (the CLI passes its worker-thread pool). */
    readonly search?: NeighborSearch;
    /**
     * Rows per table the fidelity and utility metrics read at most (default 1,000,000, `EVALUATE_MAX_ROWS`): larger
     * tables are subsampled, seeded, and the evaluation states it (`inputs.subsample`). The attacks keep their own
     * caps (`nAttacks`).
     */
    readonly maxRows?: number;
    /** Tables already cut to the evaluation's subsample while they were read (`EvaluateOptions.subsampled`). */
    readonly subsampled?: EvaluateOptions['subsampled'];
}
/** The attack list of a spec: undefined = the default set, [] = none. */
export declare function attackList(attacks: AssessSpec['attacks']): readonly string[] | undefined;
/**
 * Step `assess`: fidelity and utility of `synthetic` against `train` (with `holdout` as the unseen rows for utility),
 * then the privacy-risk attacks with `holdout` as the control, merged once into one `Evaluation`: its `privacy` slot
 * (metrics, aggregate, risks, attacks, timings, empirical ε lower bound), a `privacy` timing and the attacks'
 * warnings. Pure core code; `train` is the table the synthesizer was fitted on.
 */
export declare function assess(train: Table, synthetic: Table, holdout: Table | null | undefined, spec: AssessSpec): Promise<Evaluation>;
/**
 * The synthesizer the shadow attack re-fits when `attacks` asks for it, by `name` (the one that made the table);
 * undefined when the attack is not asked for, a usage error when there is no name.
 */
export declare function shadowSynthesizer(attacks: readonly string[] | 'none' | undefined, name: string | undefined): ShadowSynthesizer | undefined;
