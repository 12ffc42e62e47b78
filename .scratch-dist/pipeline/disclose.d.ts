import { type DisclosureReport, type DisclosureStep } from '../constraints/disclosure.js';
import { type PrivacyGuarantee } from '../privacy/guarantee.js';
import type { Table } from '../table/table.js';
import type { StepHooks } from './hooks.js';
export interface DiscloseSpec extends StepHooks {
    /** The steps, in order (constraints/disclosure.ts); none = nothing runs. */
    readonly steps: readonly DisclosureStep[];
    /** The training rows: read only by `remove-training-matches`. */
    readonly training?: Table;
    /** The guarantee of the release before filtering (default: not DP). */
    readonly guarantee?: PrivacyGuarantee;
}
export interface Disclosed {
    readonly table: Table;
    readonly report: DisclosureReport;
    /** The guarantee after filtering: "not DP" when a step read the training data (`guaranteeAfter`). */
    readonly privacy: PrivacyGuarantee;
}
/**
 * Step `disclose` (the optional filter phase, between sample and assess): post-hoc disclosure control of the
 * synthetic table — rare categories merged, extremes coded, values rounded, quasi-identifiers k-anonymised, exact
 * training matches removed — with its report (docs/constraints.md). A step that reads the training data turns a DP
 * release into one that is not DP and says so in a note (Ganev & De Cristofaro 2023, ReconSyn).
 */
export declare function disclose(synthetic: Table, spec: DiscloseSpec): Disclosed;
/**
 * What disclosure control did, as text: rows kept, each step with the cells it changed per column, the guarantee
 * before → after (when known) and the warning of a step that read the training data.
 */
export declare function formatDisclosure(report: DisclosureReport, out: string, guarantee?: {
    before: PrivacyGuarantee;
    after: PrivacyGuarantee;
}): string;
