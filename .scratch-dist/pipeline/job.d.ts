import type { Evaluation } from '../metrics/evaluation.js';
import type { NeighborSearch } from '../metrics/privacy/distance-metrics.js';
import type { Policy } from '../policy/types.js';
import { type Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { type Gate } from './gate.js';
import { type HoldoutSpec } from './holdout.js';
import { type Release, type ReleaseSpec } from './release.js';
import { type ReportFormat } from './report.js';
import type { DisclosureReport, DisclosureStep } from '../constraints/disclosure.js';
export interface JobSpec extends ReleaseSpec {
    /**
     * Post-hoc disclosure control of the synthetic table before it is assessed (step `disclose`; default none). A step
     * that reads the training data (`remove-training-matches`) makes the release not DP: the result's `privacy`, the
     * gate and the report say so.
     */
    readonly disclosure?: readonly DisclosureStep[];
    /** Real rows kept out of the fit (default: a seeded 20% of the table, with the job's seed). */
    readonly holdout?: HoldoutSpec;
    /** The column to predict for utility (default: the schema's column whose role is target). */
    readonly target?: string;
    /** Assess the release (default true); false = only hold out, fit and sample. */
    readonly evaluate?: boolean;
    /** Run the privacy-risk attacks (default: when there is a holdout). */
    readonly privacy?: boolean;
    /** Which attacks (default all but shadow); `'none'` runs none. */
    readonly attacks?: readonly string[] | 'none';
    /** Attacks per privacy evaluator (default 1000). */
    readonly nAttacks?: number;
    /** The policy to gate on (default: the default policy, for display). */
    readonly policy?: Policy;
    /** The report to render (default html); `false` for none. */
    readonly report?: ReportFormat | false;
    /** Title of the report. */
    readonly title?: string;
    readonly search?: NeighborSearch;
}
export interface JobResult extends Release {
    /** Rows of the table the job was given. */
    readonly inputRows: number;
    readonly train: Table;
    readonly holdout: Table | null;
    /** Absent with `evaluate: false`. */
    readonly evaluation?: Evaluation;
    readonly gate?: Gate;
    readonly report?: string;
    /** What disclosure control changed, when it ran (`synthetic` and `privacy` are then the filtered release's). */
    readonly disclosure?: DisclosureReport;
    /** Seconds per step: fit, sample, evaluate (fidelity and utility), privacy (the attacks), report. */
    readonly timings: Readonly<{
        fit: number;
        sample: number;
    } & Record<string, number>>;
}
/** The target of a job or an assessment, checked before any work: a column the table has, of a kind to predict. */
export declare function checkTarget(table: Table, schema: Schema, target: string | undefined): string | undefined;
/**
 * The whole job, from the steps: `holdOut` → `release` → `assess` → `gate` → `renderReport`. Reads only the
 * tables it is given (no files): the CLI's `run` and `demo` read and write around it, a page calls it directly.
 */
export declare function runJob(table: Table, schema: Schema, spec?: JobSpec): Promise<JobResult>;
/** A job in numbers (what `lookalike run --json` prints besides its files): no table, no cell value. */
export declare function jobSummary(job: JobResult): {
    verdict?: string | undefined;
    quality?: number | undefined;
    synthesizer: string;
    privacy: import("../privacy/guarantee.js").PrivacyGuarantee;
    rows: {
        input: number;
        fitted: number;
        holdout: number;
        synthetic: number;
    };
    seconds: Readonly<{
        fit: number;
        sample: number;
    } & Record<string, number>>;
};
/**
 * A job in words: the evaluation's summary and the scorecard (when it evaluated; `policyGiven` says whether the
 * policy gates or is the default one, for display), the synthesizer with its guarantee, and the rows in and out.
 */
export declare function formatJob(job: JobResult, policyGiven: boolean): string;
