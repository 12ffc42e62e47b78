import type { Column } from './column.js';
import type { Rng } from '../random/rng.js';
/** A plain record: what `Table.toRecords` returns and `tableFromRecords` (in `infer.ts`) accepts. */
export type Cell = number | string | boolean | null;
export type Row = Record<string, Cell>;
/**
 * A columnar table (DESIGN.md rule 1): an ordered list of equally long typed columns with unique names.
 * Immutable by convention; every operation returns a new table that may share column arrays with its source.
 */
export declare class Table {
    readonly columns: readonly Column[];
    readonly nRows: number;
    private readonly byName;
    constructor(columns: readonly Column[], nRows?: number);
    get nColumns(): number;
    get names(): string[];
    has(name: string): boolean;
    column(name: string): Column;
    /** The columns named, in the order given. */
    select(names: readonly string[]): Table;
    /** All columns except those named. */
    drop(names: readonly string[]): Table;
    /** Rows picked by index (repeats allowed). */
    take(index: ArrayLike<number>): Table;
    /** Rows [start, end). */
    slice(start: number, end?: number): Table;
    /** A table with the same columns, replacing (or appending) one column. */
    withColumn(col: Column): Table;
    /**
     * Seeded random split: `holdout` is a fraction in (0, 1) or a row count. Both parts keep the original row order.
     */
    split(rng: Rng, holdout: number): {
        train: Table;
        holdout: Table;
    };
    /** Rows of `this` followed by rows of `other`; columns matched by name, kinds must agree. */
    concat(other: Table): Table;
    /** The value of one cell as a plain JS value (datetimes formatted in their column's format). */
    cell(name: string, row: number): Cell;
    /**
     * Plain records, one per row (for tests and small tables; not for hot paths). A column named `__proto__` is an
     * own key like any other (plain assignment would set the record's prototype instead).
     */
    toRecords(): Row[];
}
export declare function cellValue(c: Column, r: number): Cell;
