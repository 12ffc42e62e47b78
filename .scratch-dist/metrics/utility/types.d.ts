/** The utility suite's detail in an evaluation: TRTR and TSTR scores per model, importances, subgroups. */
export interface ModelScores {
    /**
     * classification: accuracy, f1, recall (binary: of the real table's minority class; multiclass: macro), rocAuc;
     * regression: rmse, mae, r2.
     */
    readonly [metric: string]: number;
}
export interface UtilityRow {
    readonly model: 'boosting' | 'logistic' | 'linear';
    /** Trained on real, tested on holdout. */
    readonly trtr: ModelScores;
    /** Trained on synthetic, tested on holdout. */
    readonly tstr: ModelScores;
    /** TSTR / TRTR of `mainMetric` (not capped). */
    readonly ratio: number;
}
export interface SubgroupRow {
    readonly column: string;
    readonly group: string;
    /** Holdout rows in the group. */
    readonly rows: number;
    /** Accuracy (classification) or R² (regression) of the boosted model trained on real / synthetic. */
    readonly trtr: number;
    readonly tstr: number;
}
export interface UtilityDetail {
    readonly target: string;
    readonly task: 'binary' | 'multiclass' | 'regression';
    /** rocAuc (binary), accuracy (multiclass), r2 (regression). */
    readonly mainMetric: string;
    readonly features: readonly string[];
    readonly models: readonly UtilityRow[];
    /** Boosted-tree feature importances (same order as `features`) and their Spearman rank correlation. */
    readonly featureImportance?: {
        readonly real: readonly number[];
        readonly synthetic: readonly number[];
        readonly spearman: number;
    };
    readonly subgroups?: readonly SubgroupRow[];
}
