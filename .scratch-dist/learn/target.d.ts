import type { Column } from '../table/column.js';
/** What a learner predicts. Labels are class indices; -1 marks a missing label, which learners refuse. */
export type Target = {
    readonly task: 'binary';
    readonly labels: Int32Array;
} | {
    readonly task: 'multiclass';
    readonly labels: Int32Array;
    readonly nClasses: number;
} | {
    readonly task: 'regression';
    readonly values: Float64Array;
};
/** Indices of the rows where `column` is present (drop the others before building a Target). */
export declare function presentRows(column: Column): Int32Array;
/**
 * A Target from a column. Categorical and boolean columns give a classification target (binary with two classes,
 * else multiclass) whose class `k` is `classes[k]`: by default the column's categories (boolean: `false`, `true`),
 * or the `classes` given (categories not among them become -1, like missing values). Numeric and datetime columns
 * give a regression target, or with `task: 'classification'` one class per distinct value (as strings, in numeric
 * order). Missing cells give -1 / NaN: drop those rows first (`presentRows`).
 */
export declare function makeTarget(column: Column, task?: 'classification' | 'regression', classes?: readonly string[]): {
    target: Target;
    classes?: string[];
};
/** Number of outputs a predictor gives per row: classes for multiclass, else 1. */
export declare function nOutputs(t: Target): number;
/** Validate a target against n rows; lists every problem. */
export declare function checkTarget(t: Target, nRows: number): string[];
