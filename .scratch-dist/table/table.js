import { columnLength, concatColumns, takeColumn } from './column.js';
import { datetimeCodec } from './datetime.js';
/**
 * A columnar table (DESIGN.md rule 1): an ordered list of equally long typed columns with unique names.
 * Immutable by convention; every operation returns a new table that may share column arrays with its source.
 */
export class Table {
    columns;
    nRows;
    byName;
    constructor(columns, nRows) {
        const n = nRows ?? (columns.length ? columnLength(columns[0]) : 0);
        const byName = new Map();
        columns.forEach((c, i) => {
            if (byName.has(c.name))
                throw new Error(`duplicate column name "${c.name}"`);
            byName.set(c.name, i);
            const len = columnLength(c);
            if (len !== n)
                throw new Error(`column "${c.name}" has ${len} rows, expected ${n}`);
        });
        this.columns = columns;
        this.nRows = n;
        this.byName = byName;
    }
    get nColumns() {
        return this.columns.length;
    }
    get names() {
        return this.columns.map((c) => c.name);
    }
    has(name) {
        return this.byName.has(name);
    }
    column(name) {
        const i = this.byName.get(name);
        if (i === undefined)
            throw new Error(`no column named "${name}"`);
        return this.columns[i];
    }
    /** The columns named, in the order given. */
    select(names) {
        return new Table(names.map((n) => this.column(n)), this.nRows);
    }
    /** All columns except those named. */
    drop(names) {
        const gone = new Set(names);
        return new Table(this.columns.filter((c) => !gone.has(c.name)), this.nRows);
    }
    /** Rows picked by index (repeats allowed). */
    take(index) {
        return new Table(this.columns.map((c) => takeColumn(c, index)), index.length);
    }
    /** Rows [start, end). */
    slice(start, end = this.nRows) {
        const s = Math.max(0, Math.min(start, this.nRows));
        const e = Math.max(s, Math.min(end, this.nRows));
        const idx = new Int32Array(e - s);
        for (let i = 0; i < idx.length; i++)
            idx[i] = s + i;
        return this.take(idx);
    }
    /** A table with the same columns, replacing (or appending) one column. */
    withColumn(col) {
        const i = this.byName.get(col.name);
        const cols = [...this.columns];
        if (i === undefined)
            cols.push(col);
        else
            cols[i] = col;
        return new Table(cols, this.nRows);
    }
    /**
     * Seeded random split: `holdout` is a fraction in (0, 1) or a row count. Both parts keep the original row order.
     */
    split(rng, holdout) {
        const nHold = holdout < 1 ? Math.round(this.nRows * holdout) : Math.floor(holdout);
        if (!(nHold > 0 && nHold < this.nRows)) {
            throw new Error(`split: holdout of ${holdout} leaves no rows on one side of a table with ${this.nRows} rows`);
        }
        const perm = rng.permutation(this.nRows);
        const inHold = new Uint8Array(this.nRows);
        for (let i = 0; i < nHold; i++)
            inHold[perm[i]] = 1;
        const a = new Int32Array(this.nRows - nHold);
        const b = new Int32Array(nHold);
        let ia = 0, ib = 0;
        for (let i = 0; i < this.nRows; i++) {
            if (inHold[i])
                b[ib++] = i;
            else
                a[ia++] = i;
        }
        return { train: this.take(a), holdout: this.take(b) };
    }
    /** Rows of `this` followed by rows of `other`; columns matched by name, kinds must agree. */
    concat(other) {
        const problems = [];
        for (const c of this.columns)
            if (!other.has(c.name))
                problems.push(`column "${c.name}" is missing from the second table`);
        for (const c of other.columns)
            if (!this.has(c.name))
                problems.push(`column "${c.name}" is missing from the first table`);
        if (problems.length)
            throw new Error(`cannot concatenate tables:\n  - ${problems.join('\n  - ')}`);
        return new Table(this.columns.map((c) => concatColumns(c, other.column(c.name))), this.nRows + other.nRows);
    }
    /** The value of one cell as a plain JS value (datetimes formatted in their column's format). */
    cell(name, row) {
        return cellValue(this.column(name), row);
    }
    /**
     * Plain records, one per row (for tests and small tables; not for hot paths). A column named `__proto__` is an
     * own key like any other (plain assignment would set the record's prototype instead).
     */
    toRecords() {
        const out = [];
        const proto = this.columns.some((c) => c.name === '__proto__');
        for (let r = 0; r < this.nRows; r++) {
            const row = {};
            if (proto)
                for (const c of this.columns)
                    Object.defineProperty(row, c.name, ownValue(cellValue(c, r)));
            else
                for (const c of this.columns)
                    row[c.name] = cellValue(c, r);
            out.push(row);
        }
        return out;
    }
}
function ownValue(value) {
    return { value, enumerable: true, writable: true, configurable: true };
}
export function cellValue(c, r) {
    switch (c.kind) {
        case 'numeric': {
            const v = c.values[r];
            return Number.isNaN(v) ? null : v;
        }
        case 'datetime': {
            const v = c.values[r];
            return Number.isNaN(v) ? null : datetimeCodec(c.format).format_(v);
        }
        case 'boolean': {
            const v = c.values[r];
            return v < 0 ? null : v === 1;
        }
        case 'categorical': {
            const k = c.codes[r];
            return k < 0 ? null : c.categories[k];
        }
        case 'id':
        case 'text':
            return c.values[r];
    }
}
//# sourceMappingURL=table.js.map