import type { Column } from '../table/column.js';
import type { ColumnSpec, IdStyle, Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import type { ModelFile } from './types.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
/**
 * Pieces every synthesizer shares: how id and text columns are produced (never copied from the input), and the
 * model-file envelope.
 *
 * - `id` columns get fresh identifiers: 1..n when every input id was a whole number, else `syn-1`…`syn-n`.
 *   Real identifiers never reach the output.
 * - `text` (free text) columns are not modelled; they are written as missing. A synthesizer that learns text is
 *   future work — copying text would leak it.
 */
export type { IdStyle };
export declare function idStyleOf(col: Column): IdStyle;
export declare function syntheticIdColumn(name: string, n: number, style: IdStyle): Column;
export declare function emptyTextColumn(name: string, n: number): Column;
/** The columns a statistical synthesizer models (not id, not text). */
export declare function modelledSpecs(schema: Schema): ColumnSpec[];
/**
 * An empty record keyed by column names. It has no prototype, so a column named `__proto__`, `constructor` or
 * `toString` is an ordinary key: on a plain `{}`, assigning `__proto__` replaces the prototype (the column's
 * parameters vanish from the model file) and reading `constructor` finds Object's.
 */
export declare function byName<T>(): Record<string, T>;
/** A record read from a model file, copied into a `byName` record (JSON.parse makes `__proto__` an own key). */
export declare function byNameFrom<T>(x: Record<string, unknown>): Record<string, T>;
/**
 * Id styles of the id columns as the schema declares them (`prefixed` when it does not): for DP fits, which may not
 * read the style off the private ids.
 */
export declare function declaredIdStyles(schema: Schema): Record<string, IdStyle>;
/** Id styles of the id columns of a table, by name (stored in the model file). */
export declare function idStyles(table: Table, schema: Schema): Record<string, IdStyle>;
/** The non-modelled columns of a sample: fresh ids, empty text. */
export declare function unmodelledColumn(spec: ColumnSpec, n: number, ids: Record<string, IdStyle>): Column;
export declare function checkSampleSize(n: number): void;
export declare function checkFitInput(table: Table, schema: Schema, synthesizer: string): void;
export declare function modelEnvelope(synthesizer: string, schema: Schema, privacy: PrivacyGuarantee, params: unknown, ledger?: unknown): ModelFile;
/** Small checks for `load`: each adds a problem instead of throwing. */
export declare function isNumberArray(x: unknown): x is number[];
export declare function isRecord(x: unknown): x is Record<string, unknown>;
/**
 * Round a float column in place to `decimals` places (the precision seen in the input), so output looks like input.
 * Values of magnitude 2^52 and beyond are whole numbers already and are left alone (scaling 1e308 up would
 * overflow to Infinity).
 */
export declare function roundDecimals(values: Float64Array, decimals: number | undefined): Float64Array;
