/** A Vega-Lite spec, loosely typed (builders below produce valid specs; `renderSvg` compiles them). */
export type ChartSpec = Record<string, unknown>;
export declare const COLORS: {
    readonly real: "#4c78a8";
    readonly synthetic: "#f58518";
    readonly pass: "#2e7d32";
    readonly fail: "#c62828";
    readonly neutral: "#777777";
};
export declare function estimateTextWidth(text: string, fontSize: number, bold?: boolean): number;
/** Render a Vega-Lite spec to a standalone SVG string (ids made unique with `idPrefix`). */
export declare function renderSvg(spec: ChartSpec, idPrefix?: string): Promise<string>;
export interface NumericHistogramInput {
    readonly name: string;
    readonly edges: readonly number[];
    readonly real: readonly number[];
    readonly synthetic: readonly number[];
    readonly datetime?: boolean;
}
/** Real vs synthetic proportions per bin of a numeric (or datetime) column, as two overlaid step areas. */
export declare function numericDistributionSpec(h: NumericHistogramInput): ChartSpec;
export interface CategoricalHistogramInput {
    readonly name: string;
    readonly categories: readonly string[];
    readonly real: readonly number[];
    readonly synthetic: readonly number[];
}
/** Real vs synthetic proportions per category, as paired horizontal bars (at most `maxBars` categories). */
export declare function categoricalDistributionSpec(h: CategoricalHistogramInput, maxBars?: number): ChartSpec;
export interface HeatmapInput {
    readonly title: string;
    readonly columns: readonly string[];
    /** Row-major k×k; null = undefined. */
    readonly matrix: readonly (number | null)[];
    /** Color domain, e.g. [-1, 1] for correlations and differences, [0, 1] for Cramér's V. */
    readonly domain: readonly [number, number];
    readonly scheme: 'redblue' | 'blues' | 'purpleorange';
    readonly legendTitle?: string;
}
/** A k×k matrix as colored cells (value printed in cells when k is small). */
export declare function heatmapSpec(h: HeatmapInput): ChartSpec;
export interface DensityGridInput {
    readonly title: string;
    /** Grid size per axis. */
    readonly bins: number;
    readonly xRange: readonly [number, number];
    readonly yRange: readonly [number, number];
    /** Row-major bins×bins proportions (y rows, x columns). */
    readonly real: readonly number[];
    readonly synthetic: readonly number[];
    readonly xTitle?: string;
    readonly yTitle?: string;
}
/** Real and synthetic row densities on the same 2-D grid, side by side. */
export declare function densityGridSpec(g: DensityGridInput): ChartSpec;
export interface GroupedBarsInput {
    readonly title: string;
    /** One row per bar: group on the y axis, series as color. */
    readonly rows: readonly {
        readonly group: string;
        readonly series: string;
        readonly value: number;
    }[];
    readonly xTitle: string;
    readonly seriesColors?: Readonly<Record<string, string>>;
    readonly domain?: readonly [number, number];
}
export declare function groupedBarsSpec(b: GroupedBarsInput): ChartSpec;
export interface HistogramSeries {
    readonly name: string;
    readonly counts: readonly number[];
    readonly color?: string;
}
/** Overlaid histograms over shared bin edges (e.g. distance to closest record: to training vs to holdout). */
export declare function histogramSpec(title: string, edges: readonly number[], series: readonly HistogramSeries[], xTitle: string): ChartSpec;
export interface Curve {
    readonly name: string;
    readonly x: readonly number[];
    readonly y: readonly number[];
}
/** ROC curves (false-positive rate vs true-positive rate) with the chance diagonal. */
export declare function rocSpec(title: string, curves: readonly Curve[]): ChartSpec;
export interface IntervalRow {
    readonly label: string;
    readonly value: number;
    readonly lo?: number;
    readonly hi?: number;
    readonly baseline?: number;
    /** Optional target line for this row. */
    readonly target?: number;
    readonly status?: 'pass' | 'fail' | 'none';
}
/**
 * Estimates with their 95% intervals (one row each): a dot, a bar from lo to hi, a grey tick at the baseline
 * and a dashed tick at the target.
 */
export declare function intervalsSpec(title: string, rows: readonly IntervalRow[], xTitle: string, domain?: readonly [number, number]): ChartSpec;
