/**
 * The one shape every metric returns (DESIGN.md core types). `value` is the statistic in its natural unit
 * (a distance, an AUC, a risk); `score` maps it to [0, 1] with 1 best, so metrics can be aggregated and compared
 * with a policy's targets. Risks carry a 95% interval and a baseline (DESIGN.md rule 9).
 */
export type MetricFamily = 'fidelity' | 'utility' | 'privacy';
export interface MetricResult {
    /** Stable identifier, e.g. `ks_complement`, `dcr_share`, `singling_out_risk`. */
    readonly id: string;
    readonly family: MetricFamily;
    /** Human-readable name for tables and reports. */
    readonly name: string;
    /** The column(s) the value is about; absent for whole-table metrics. */
    readonly columns?: readonly string[];
    readonly value: number;
    /** In [0, 1], 1 best. */
    readonly score: number;
    /** 95% confidence interval of `value`. */
    readonly ci?: readonly [number, number];
    /** What a trivial method (random guess, independent columns, …) achieves on the same scale as `value`. */
    readonly baseline?: number;
    /** e.g. "subsampled to 50,000 rows (seed 1)". */
    readonly note?: string;
    readonly details?: Readonly<Record<string, unknown>>;
}
