/**
 * The report of a relational release (docs/relational.md, "Report"): the schema drawn as a diagram (inline SVG:
 * tables as boxes, parents to the left of their children, one arrow per foreign key labelled with its cardinality
 * score), the privacy guarantee, the summary, and the per-table, per-relationship and sequence metrics.
 * `relationalSection` is the fragment: the "Database" section of the HTML report (`renderHtmlReport({ relational })`,
 * html.ts); `renderRelationalReport` a whole self-contained page of that section alone, for a release evaluated
 * table by table only (no script, nothing loaded from the network).
 * Runtime: O(tables + foreign keys + metrics).
 */
import type { RelationalMetadata } from '../relational/metadata.js';
import type { RelationalEvaluation } from '../relational/evaluate.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
export interface RelationalReportInput {
    readonly name: string;
    readonly metadata: RelationalMetadata;
    readonly evaluation: RelationalEvaluation;
    readonly privacy: PrivacyGuarantee & {
        readonly unit?: string;
        readonly person?: string;
    };
    readonly notes?: readonly string[];
}
/**
 * The schema as an SVG diagram: one box per table (name, primary key, rows real → synthetic when an evaluation is
 * given), columns of boxes by depth, an arrow from each child to its parent labelled with the foreign key's
 * columns and, with an evaluation, its cardinality score (red below 0.8).
 */
export declare function schemaDiagramSvg(meta: RelationalMetadata, ev?: RelationalEvaluation): string;
/** The relational section: guarantee, schema diagram, summary and metric tables (an HTML fragment). */
export declare function relationalSection(input: RelationalReportInput): string;
/** A whole self-contained HTML page for a relational release. */
export declare function renderRelationalReport(input: RelationalReportInput): string;
