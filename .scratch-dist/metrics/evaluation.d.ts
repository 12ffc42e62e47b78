import type { Projection } from './projection.js';
import type { ColumnKind } from '../table/column.js';
import type { Role } from '../table/schema.js';
import type { MetricResult } from './types.js';
import type { UtilityDetail } from './utility/types.js';
import type { PrivacyEvaluation } from './privacy/evaluate.js';
/**
 * The evaluation of a synthetic table against the real one (and a holdout): a versioned JSON document that the
 * CLI writes (`lookalike evaluate --out`), the HTML report renders and a policy checks. It never holds a cell
 * value of the real table: only counts, proportions, bin edges and category labels of aggregate histograms
 * (category lists are capped, see `ColumnHistogram`), correlations and model scores.
 *
 * Stability: fields are only ever added in version 1; a change that removes or renames a field bumps `version`.
 * Every `score` and every aggregate is in [0, 1], 1 best; an aggregate is `null` when none of its metrics could be
 * computed (e.g. `mlUtility` without a target column). See docs/evaluation.md for every definition.
 */
export interface Evaluation {
    readonly format: 'lookalike-evaluation';
    readonly version: 1;
    /** ISO 8601 time the evaluation finished. */
    readonly createdAt: string;
    /** The seed of every subsample, split and model in the evaluation (same inputs + seed → same JSON but times). */
    readonly seed: number;
    readonly inputs: EvaluationInputs;
    readonly aggregates: EvaluationAggregates;
    /** Every metric computed, fidelity and utility (privacy-risk metrics live in `privacy.metrics`). */
    readonly metrics: readonly MetricResult[];
    /** Per-column histograms, real vs synthetic, for every evaluated column (in table order). */
    readonly columns: readonly ColumnHistogram[];
    /** Pairwise detail: correlation matrices and per-pair scores. */
    readonly pairs: PairDetail;
    /** TSTR vs TRTR detail; absent when there is no target column. */
    readonly utility?: UtilityDetail;
    /** A 2-D principal-component view of real vs synthetic rows as binned shares (metrics/projection.ts). */
    readonly projection?: Projection;
    /** Filled by the privacy-risk suite (src/metrics/privacy); absent when it did not run. */
    readonly privacy?: PrivacyEvaluation;
    /** Wall-clock seconds per phase, in the order run. */
    readonly timings: readonly Timing[];
    /** Things the reader should know (skipped metrics, subsampling, split holdout…). Never cell values. */
    readonly warnings: readonly string[];
}
export interface TableSummary {
    readonly rows: number;
    readonly columns: number;
}
export interface ColumnSummary {
    readonly name: string;
    /** The kind in the real table. */
    readonly kind: ColumnKind;
    readonly role?: Role;
    /**
     * How the fidelity metrics treat it: numeric and datetime columns as `numeric`, categorical and boolean as
     * `categorical`; id and text columns are `skipped`.
     */
    readonly evaluatedAs: 'numeric' | 'categorical' | 'skipped';
    /** Share of missing cells, real and synthetic. */
    readonly missingReal: number;
    readonly missingSynthetic: number;
}
export interface EvaluationInputs {
    readonly real: TableSummary;
    readonly synthetic: TableSummary;
    /** The holdout used for utility (and privacy) metrics; `source: 'split'` when carved from the real table. */
    readonly holdout?: TableSummary & {
        readonly source: 'given' | 'split';
    };
    readonly columns: readonly ColumnSummary[];
    readonly target?: {
        readonly name: string;
        readonly task: 'binary' | 'multiclass' | 'regression';
    };
    /** Columns whose role is `sensitive` (subgroup gaps are measured over them). */
    readonly sensitive: readonly string[];
    /**
     * Present when a table had more than `maxRows` rows: every metric then read a seeded uniform subsample of
     * `rows` of its `of` rows (`rows` above stays the table's own size). Absent when every row was read.
     */
    readonly subsample?: {
        readonly maxRows: number;
        readonly seed: number;
        readonly real?: {
            readonly rows: number;
            readonly of: number;
        };
        readonly synthetic?: {
            readonly rows: number;
            readonly of: number;
        };
        readonly holdout?: {
            readonly rows: number;
            readonly of: number;
        };
    };
}
/**
 * Scores in [0, 1], 1 best (null = not computable). `quality` = (columnShapes + columnPairTrends) / 2 is
 * SDMetrics' QualityReport score (comparable with SDV / SDGym figures). One key per registered fidelity / utility
 * aggregate (src/metrics/aggregates.ts); those below are lookalike's own (`quality`, `columnShapes`,
 * `columnPairTrends` and `overall` are null only when no column could be compared).
 */
export interface EvaluationAggregates {
    readonly [key: string]: number | null;
    readonly quality: number;
    /** SDMetrics "Column Shapes": mean KS complement (numeric) / TV complement (categorical) over columns. */
    readonly columnShapes: number;
    /** SDMetrics "Column Pair Trends": mean correlation similarity / contingency similarity over all pairs. */
    readonly columnPairTrends: number;
    /** Mean of the whole-distribution scores: shapes, JS, Wasserstein, 3-way marginals, MMD, detection. */
    readonly statisticalSimilarity: number | null;
    /** Mean of the pairwise scores: Pearson, Spearman, contingency, Cramér's V, mutual information. */
    readonly correlationPreservation: number | null;
    /** Mean of boundary / category adherence, range / category coverage, missing-rate similarity. */
    readonly dataValidity: number | null;
    /** TV complement of the target column's class distribution (categorical targets only). */
    readonly classBalance: number | null;
    /** Mean TSTR/TRTR ratio (capped at 1) of the main metric over the utility models. */
    readonly mlUtility: number | null;
    /** Mean total-variation distance over 3-way marginals (lower is better; `1 - w3Error` is its score). */
    readonly w3Error: number | null;
    /** Mean of the non-null aggregates above (quality, statisticalSimilarity … mlUtility). */
    readonly overall: number;
}
/** Histogram of one column: proportions of the rows of each table (missing counted separately). */
export type ColumnHistogram = {
    readonly name: string;
    readonly kind: 'numeric';
    /** Increasing bin edges over the real range (n+1 edges for n bins); synthetic values outside are clipped. */
    readonly edges: readonly number[];
    readonly real: readonly number[];
    readonly synthetic: readonly number[];
    readonly missingReal: number;
    readonly missingSynthetic: number;
    /** Datetime columns: edges are epoch milliseconds. */
    readonly datetime?: boolean;
} | {
    readonly name: string;
    readonly kind: 'categorical';
    /**
     * Category labels, most frequent in the real table first, at most 40; the rest are pooled into the last
     * entry `otherLabel` when present. Categories seen only in the synthetic table are pooled there too.
     */
    readonly categories: readonly string[];
    readonly real: readonly number[];
    readonly synthetic: readonly number[];
    readonly missingReal: number;
    readonly missingSynthetic: number;
    /** Set when the last category is the pool of the others. */
    readonly otherLabel?: string;
};
export interface PairDetail {
    /** The numeric (and datetime) columns, order of the matrices' rows and columns. */
    readonly numericColumns: readonly string[];
    /** Row-major k×k matrices (NaN written as null in JSON when a correlation is undefined). */
    readonly pearsonReal: readonly (number | null)[];
    readonly pearsonSynthetic: readonly (number | null)[];
    readonly spearmanReal: readonly (number | null)[];
    readonly spearmanSynthetic: readonly (number | null)[];
    /** All evaluated columns, order of the association matrices below. */
    readonly associationColumns: readonly string[];
    /** Row-major Cramér's V matrices over all evaluated columns (numerics binned), diagonal 1. */
    readonly cramersVReal: readonly (number | null)[];
    readonly cramersVSynthetic: readonly (number | null)[];
    /** The SDMetrics Column Pair Trends score of each pair (correlation or contingency similarity). */
    readonly trends: readonly {
        readonly columns: readonly [string, string];
        readonly metric: 'correlation_similarity' | 'contingency_similarity';
        readonly score: number;
    }[];
}
export interface Timing {
    readonly phase: string;
    readonly seconds: number;
}
/** Check the envelope of a parsed evaluation file (every problem at once); the report trusts the rest. */
export declare function asEvaluation(json: unknown, source?: string): Evaluation;
