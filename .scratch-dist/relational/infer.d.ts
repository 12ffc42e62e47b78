import type { Table } from '../table/table.js';
import type { RelationalMetadata } from './metadata.js';
export interface InferredRelational {
    readonly metadata: RelationalMetadata;
    /** Why a choice was made, or that none could be (no values, only names and counts). */
    readonly notes: string[];
}
/**
 * Proposes relational metadata for `tables` (in the order given). Column metadata is not included: each table's
 * columns are inferred when it is read; `inspect` adds them to the file it writes.
 */
export declare function inferRelationalMetadata(tables: Readonly<Record<string, Table>>): InferredRelational;
