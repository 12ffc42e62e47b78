import { Table } from '../table/table.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import type { Schema } from '../table/schema.js';
/**
 * Post-hoc disclosure control (statistical disclosure control on a released table, Hundepool et al. 2012,
 * "Statistical Disclosure Control", ch. 3–4): steps applied to a synthetic (or any) table, each counting what it
 * changed. Off by default; a pipeline runs them after sampling, and the report shows `DisclosureReport`.
 *
 * Steps that read only the table they filter (rare-category merging, top/bottom coding, rounding,
 * k-anonymisation) are post-processing: they change no privacy guarantee. **A step that reads the training data
 * (`remove-training-matches`) is not**: which synthetic rows it drops depends on private rows, and such filters
 * have been shown to leak membership and even reconstruct records (Ganev & De Cristofaro 2023, "On the
 * Inadequacy of Similarity-based Privacy Metrics: Reconstruction Attacks against 'Truly Anonymous Synthetic
 * Data'" (ReconSyn)). Using it turns a DP release into a release that is *not* DP (`guaranteeAfter`).
 */
export type DisclosureStep = {
    readonly type: 'merge-rare-categories';
    readonly columns?: readonly string[];
    readonly minCount: number;
    readonly label?: string;
} | {
    readonly type: 'top-bottom-code';
    readonly column: string;
    readonly lower?: number;
    readonly upper?: number;
} | {
    readonly type: 'round';
    readonly column: string;
    readonly unit: number;
} | {
    readonly type: 'k-anonymise';
    readonly quasiIdentifiers: readonly string[];
    readonly k: number;
    readonly maxSuppression?: number;
} | {
    readonly type: 'remove-training-matches';
};
export interface StepReport {
    readonly step: DisclosureStep['type'];
    /** Cells changed per column. */
    readonly cellsChanged: Readonly<Record<string, number>>;
    /** Rows removed (remove-training-matches) or whose quasi-identifiers were suppressed (k-anonymise). */
    readonly rows: number;
    readonly readsTrainingData: boolean;
    readonly note: string;
}
export interface DisclosureReport {
    readonly steps: readonly StepReport[];
    readonly rowsIn: number;
    readonly rowsOut: number;
    /** Some step read the training data: the release's guarantee is no longer DP. */
    readonly readsTrainingData: boolean;
    readonly warning: string | null;
}
export declare const TRAINING_FILTER_WARNING = "a filter that reads the training data (here: removing synthetic rows that match a training row) can itself leak it \u2014 which rows are removed depends on private rows (Ganev & De Cristofaro 2023, ReconSyn); the release is not differentially private";
/** Apply the steps in order; `training` is needed by (and only read by) `remove-training-matches`. */
export declare function applyDisclosureControl(table: Table, steps: readonly DisclosureStep[], training?: Table): {
    table: Table;
    report: DisclosureReport;
};
/**
 * Disclosure-control steps from JSON (a file, a pipeline spec): a list of `{ "type": …, …fields }` as in
 * `DisclosureStep`. Every problem — an unknown type or field, a field of the wrong type — is listed at once in one
 * LookalikeError (kind `input`); whether the columns exist is checked against the table by
 * `applyDisclosureControl`.
 */
export declare function parseDisclosureSteps(json: unknown, source?: string): DisclosureStep[];
/**
 * The steps as a command line or a form writes them (the CLI's `disclose` flags), in the fixed order merge, code,
 * round, k-anonymise, remove training matches. `topCode` items are `COLUMN=LOWER:UPPER` (either may be empty),
 * `round` items `COLUMN=UNIT`; `quasiIdentifiers` is a comma-separated list, by default the columns whose role in
 * `schema` is quasi-identifier. Usage errors name the flag and show the expected form; asking for no step is one.
 */
export declare function disclosureStepsFromText(o: {
    /** Steps read from a file (`parseDisclosureSteps`): the flags may then only add remove-training-matches. */
    readonly fromFile?: readonly DisclosureStep[];
    readonly mergeRare?: number;
    readonly topCode?: readonly string[];
    readonly round?: readonly string[];
    readonly kAnonymise?: number;
    readonly quasiIdentifiers?: string;
    readonly maxSuppression?: number;
    readonly removeTrainingMatches?: boolean;
}, schema: Schema | null): DisclosureStep[];
/** The guarantee of a release after disclosure control: a DP guarantee does not survive a filter on private data. */
export declare function guaranteeAfter(privacy: PrivacyGuarantee, report: DisclosureReport): PrivacyGuarantee;
/**
 * k-anonymity of the quasi-identifiers (Sweeney 2002; Samarati 2001) by global recoding and local suppression:
 * numeric quasi-identifiers are generalised to the midpoint of equal-width intervals (the width doubling level by
 * level, so the column keeps its kind), categorical ones by merging their rarest categories into "Other"; the
 * quasi-identifier with the most distinct values is coarsened first, until the rows in equivalence classes smaller
 * than k are at most `maxSuppression` of the table; those rows then have their quasi-identifiers suppressed
 * (set missing). Reads only the table it changes.
 */
export declare function kAnonymise(t: Table, qis: readonly string[], k: number, maxSuppression: number): {
    table: Table;
    report: StepReport;
};
