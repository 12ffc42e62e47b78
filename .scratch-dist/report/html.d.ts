/**
 * The HTML report: one self-contained file (inline CSS, charts as inline SVG, no script, no external resource — a
 * Content-Security-Policy of `default-src 'none'` makes the browser refuse any request), written for a privacy
 * officer as much as for the engineer: each section opens with what it shows and how to read it.
 *
 * Every string that reaches the HTML goes through `esc` (column names, category labels, notes and policy texts are
 * user-controlled). Pure: returns a string; the CLI writes the file.
 */
import type { Evaluation } from '../metrics/evaluation.js';
import type { Scorecard } from '../policy/types.js';
import type { Projection } from '../metrics/projection.js';
import type { ModelSummary } from './model.js';
import { esc } from './escape.js';
import { type RelationalReportInput } from './relational.js';
import type { DisclosureReport } from '../constraints/disclosure.js';
export interface ReportInput {
    readonly evaluation: Evaluation;
    readonly scorecard: Scorecard;
    /** The model that produced the synthetic table; null when unknown (the report says so). */
    readonly model?: ModelSummary | null;
    readonly title?: string;
    /** A 2-D projection when the evaluation does not carry one. */
    readonly projection?: Projection | null;
    /**
     * Post-hoc disclosure control applied to the synthetic table before it was evaluated (constraints/disclosure.ts):
     * its own section, and when a step read the training data the banner says the release is not DP.
     */
    readonly disclosure?: DisclosureReport | null;
    /**
     * A relational release (docs/relational.md): the "Database" section — the schema drawn as a diagram with each
     * foreign key's cardinality score, the guarantee per person, per-table, per-relationship and sequence metrics —
     * after "Data and model"; the rest of the report is about the table `evaluation` describes.
     */
    readonly relational?: RelationalReportInput | null;
}
export { esc };
/** Render the full HTML report. */
export declare function renderHtmlReport(input: ReportInput): Promise<string>;
