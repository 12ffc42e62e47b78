import { type ColumnSpec, type Schema } from './schema.js';
import type { Table } from './table.js';
/** A column's domain in words, with where it came from: "3 categories (inferred)", "[0, 120] in 12 bins (public)". */
export declare function domainText(c: ColumnSpec): string;
/**
 * What was inferred of a table, as text (`lookalike inspect`, a page showing a schema): its size, then one line a
 * column — name, kind (integer or float, datetime format), role, missing values (count and share), domain.
 */
export declare function describeSchema(table: Table, schema: Schema): string;
