import type { Table } from '../table/table.js';
import { type WriteOptions } from './write.js';
/**
 * Writes the tables of `chunks` (equal columns, in order) to `path` as one table, in constant memory (see the
 * module comment). Returns the number of rows written. A sequence without a table, or chunks whose columns differ,
 * is an error.
 */
export declare function writeTableChunks(chunks: Iterable<Table>, path: string, opts?: WriteOptions): Promise<number>;
