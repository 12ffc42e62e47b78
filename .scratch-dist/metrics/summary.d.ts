/**
 * The evaluation as plain text for a terminal (what `lookalike evaluate` prints), read off the metric registry: one
 * line per aggregate with what it averages, the utility table, the weakest columns and pairs, and every metric that
 * feeds no aggregate on its own.
 */
import type { Evaluation } from './evaluation.js';
import type { MetricFamily } from './types.js';
/** One metric of an evaluation in a line: what the reports' metric tables show. */
export interface MetricSummary {
    readonly id: string;
    readonly family: MetricFamily;
    readonly label: string;
    readonly description: string;
    /** Which way of `value` is better; null for an id the registry does not know (a file from a plugin metric). */
    readonly better: 'higher' | 'lower' | null;
    /** Results with this id (one per column or pair for per-column and per-pair metrics). */
    readonly results: number;
    /** Mean score of the results with a finite score; null when none has. */
    readonly meanScore: number | null;
    /** The lowest-scoring result (its columns, value and score); null when no score is finite. */
    readonly worst: {
        readonly columns?: readonly string[];
        readonly value: number;
        readonly score: number;
    } | null;
}
/**
 * Every metric of an evaluation (of `families`, default fidelity and utility), in registry order, then ids the
 * registry does not know in the order they appear.
 */
export declare function metricSummaries(e: Evaluation, families?: readonly MetricFamily[]): MetricSummary[];
/**
 * The summary table the CLI prints: the aggregates (each in [0, 1], 1 best, but w3_err), the utility table when a
 * target was evaluated, the privacy aggregate when present, the weakest columns and pairs, the metrics that feed no
 * aggregate, and any warnings. Plain text, no colours.
 */
export declare function formatSummary(e: Evaluation): string;
