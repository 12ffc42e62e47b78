import type { Table } from '../table/table.js';
import type { StepHooks } from './hooks.js';
/**
 * Where the real rows the synthesizer never sees come from: a seeded share of the table (`fraction` in [0, 1);
 * 0 = none), or a table of their own (`table`, e.g. read from a file with the real table's kinds).
 */
export type HoldoutSpec = {
    readonly fraction: number;
    readonly seed?: number;
} | {
    readonly table: Table;
};
export interface HeldOut {
    /** The rows to fit on. */
    readonly train: Table;
    /** Real rows kept out of the fit (for utility and the privacy attacks); null when none. */
    readonly holdout: Table | null;
}
/** Tables smaller than this are not split: every row is fitted on (with a note). */
export declare const MIN_ROWS_TO_SPLIT = 10;
/**
 * Step `holdOut`: split `table` into training rows and a holdout. A fraction split is seeded (the same table, fraction
 * and seed give the same rows) and keeps the row order; a table of fewer than 10 rows is not split (note).
 */
export declare function holdOut(table: Table, spec: HoldoutSpec, hooks?: StepHooks): HeldOut;
