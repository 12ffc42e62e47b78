/**
 * The report's text forms: a Markdown summary (for pull requests, tickets, wikis) and a JSON summary (for machines:
 * the scorecard, the verdict, the guarantee and the aggregates, without the chart detail of the evaluation).
 */
import type { Evaluation } from '../metrics/evaluation.js';
import type { Scorecard } from '../policy/types.js';
import { type MetricSummary } from '../metrics/summary.js';
import type { DisclosureReport } from '../constraints/disclosure.js';
import type { ReportInput } from './html.js';
/** The machine-readable summary written by `lookalike report --format json`. */
export interface ReportSummary {
    readonly format: 'lookalike-report';
    readonly version: 1;
    readonly verdict: 'pass' | 'fail';
    readonly summary: string;
    /** The scorecard; a non-finite `measured` / `compared` (the ε = ∞ of a non-DP model) is written as null. */
    readonly scorecard: Scorecard;
    readonly model: {
        readonly synthesizer: string;
        readonly differentiallyPrivate: boolean;
        readonly epsilon: number | null;
        readonly delta: number | null;
        readonly ledgerEntries: number | null;
    } | null;
    readonly inputs: Evaluation['inputs'];
    readonly aggregates: Evaluation['aggregates'];
    readonly privacyProtection: number | null;
    /** Post-hoc disclosure control applied before the evaluation, when it ran (constraints/disclosure.ts). */
    readonly disclosure?: DisclosureReport;
    /** Every fidelity, utility and privacy metric of the evaluation: label, direction, mean and weakest score. */
    readonly metrics: readonly MetricSummary[];
    readonly warnings: readonly string[];
}
export declare function reportSummary(input: ReportInput): ReportSummary;
/** A Markdown summary: verdict, guarantee, scorecard, aggregates, utility and privacy risks, warnings. */
export declare function renderMarkdownReport(input: ReportInput): string;
