/**
 * Columns: one typed array per column (DESIGN.md rule 1). Missing values are NaN for numeric and datetime
 * columns, -1 for categorical codes and booleans, and null for id and text columns.
 */
export type ColumnKind = 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'id' | 'text';
export const COLUMN_KINDS: readonly ColumnKind[] = [
  'numeric',
  'categorical',
  'boolean',
  'datetime',
  'id',
  'text',
];

export interface NumericColumn {
  readonly kind: 'numeric';
  readonly name: string;
  /** NaN = missing. */
  readonly values: Float64Array;
  /** Every present value is a whole number (and output is written without a fractional part). */
  readonly integer: boolean;
}

export interface CategoricalColumn {
  readonly kind: 'categorical';
  readonly name: string;
  /** Index into `categories`; -1 = missing. */
  readonly codes: Int32Array;
  readonly categories: readonly string[];
}

export interface BooleanColumn {
  readonly kind: 'boolean';
  readonly name: string;
  /** 1 = true, 0 = false, -1 = missing. */
  readonly values: Int8Array;
}

export interface DatetimeColumn {
  readonly kind: 'datetime';
  readonly name: string;
  /** Milliseconds since 1970-01-01T00:00:00Z (wall-clock time read as UTC); NaN = missing. */
  readonly values: Float64Array;
  /** The textual format of the input (see `table/datetime.ts`), used to write values back as they came. */
  readonly format: string;
}

export interface IdColumn {
  readonly kind: 'id';
  readonly name: string;
  readonly values: readonly (string | null)[];
}

export interface TextColumn {
  readonly kind: 'text';
  readonly name: string;
  readonly values: readonly (string | null)[];
}

export type Column =
  NumericColumn | CategoricalColumn | BooleanColumn | DatetimeColumn | IdColumn | TextColumn;

export function columnLength(c: Column): number {
  switch (c.kind) {
    case 'numeric':
    case 'datetime':
    case 'boolean':
    case 'id':
    case 'text':
      return c.values.length;
    case 'categorical':
      return c.codes.length;
  }
}

export function isMissing(c: Column, i: number): boolean {
  switch (c.kind) {
    case 'numeric':
    case 'datetime':
      return Number.isNaN(c.values[i]);
    case 'categorical':
      return c.codes[i] < 0;
    case 'boolean':
      return c.values[i] < 0;
    case 'id':
    case 'text':
      return c.values[i] === null;
  }
}

export function missingCount(c: Column): number {
  const n = columnLength(c);
  let m = 0;
  for (let i = 0; i < n; i++) if (isMissing(c, i)) m++;
  return m;
}

/** The same column with its rows picked by `index` (repeats allowed). */
export function takeColumn(c: Column, index: ArrayLike<number>): Column {
  const n = index.length;
  switch (c.kind) {
    case 'numeric':
    case 'datetime': {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = c.values[index[i]];
      return { ...c, values: v };
    }
    case 'boolean': {
      const v = new Int8Array(n);
      for (let i = 0; i < n; i++) v[i] = c.values[index[i]];
      return { ...c, values: v };
    }
    case 'categorical': {
      const v = new Int32Array(n);
      for (let i = 0; i < n; i++) v[i] = c.codes[index[i]];
      return { ...c, codes: v };
    }
    case 'id':
    case 'text': {
      const v = new Array<string | null>(n);
      for (let i = 0; i < n; i++) v[i] = c.values[index[i]];
      return { ...c, values: v };
    }
  }
}

/** Concatenate two columns of the same name and kind; categorical dictionaries are merged (a's order first). */
export function concatColumns(a: Column, b: Column): Column {
  if (a.kind !== b.kind)
    throw new Error(`cannot concatenate column "${a.name}": kinds ${a.kind} and ${b.kind}`);
  switch (a.kind) {
    case 'numeric': {
      const bb = b as NumericColumn;
      const v = new Float64Array(a.values.length + bb.values.length);
      v.set(a.values);
      v.set(bb.values, a.values.length);
      return { ...a, values: v, integer: a.integer && bb.integer };
    }
    case 'datetime': {
      const bb = b as DatetimeColumn;
      const v = new Float64Array(a.values.length + bb.values.length);
      v.set(a.values);
      v.set(bb.values, a.values.length);
      return { ...a, values: v };
    }
    case 'boolean': {
      const bb = b as BooleanColumn;
      const v = new Int8Array(a.values.length + bb.values.length);
      v.set(a.values);
      v.set(bb.values, a.values.length);
      return { ...a, values: v };
    }
    case 'categorical': {
      const bb = b as CategoricalColumn;
      const categories = [...a.categories];
      const lookup = new Map(categories.map((s, i) => [s, i]));
      const remap = new Int32Array(bb.categories.length);
      bb.categories.forEach((s, i) => {
        let k = lookup.get(s);
        if (k === undefined) {
          k = categories.length;
          categories.push(s);
          lookup.set(s, k);
        }
        remap[i] = k;
      });
      const codes = new Int32Array(a.codes.length + bb.codes.length);
      codes.set(a.codes);
      for (let i = 0; i < bb.codes.length; i++) {
        const c = bb.codes[i];
        codes[a.codes.length + i] = c < 0 ? -1 : remap[c];
      }
      return { ...a, codes, categories };
    }
    case 'id':
    case 'text':
      return { ...a, values: [...a.values, ...(b as IdColumn | TextColumn).values] };
  }
}
