import { type Metadata } from '../table/metadata.js';
import type { Table } from '../table/table.js';
export interface ForeignKey {
    readonly child: string;
    readonly columns: readonly string[];
    readonly parent: string;
    /** The parent's primary key columns, matched position by position with `columns`. */
    readonly parentColumns: readonly string[];
}
export interface SequenceSpec {
    /** Columns naming the entity a row belongs to; a foreign key to a parent table, or plain columns. */
    readonly entity: readonly string[];
    /** Numeric or datetime column ordering an entity's rows (time of the event); absent: the rows' order. */
    readonly order?: string;
    /**
     * Static attributes: constant within each entity. Only for an entity that is not a foreign key (a parent's
     * columns are the context otherwise).
     */
    readonly context?: readonly string[];
}
export interface TableSpec {
    readonly name: string;
    readonly primaryKey?: readonly string[];
    readonly sequence?: SequenceSpec;
    /** Single-table metadata of the table's columns (kinds, roles, domains). */
    readonly metadata?: Metadata;
}
/** User-level DP: the table whose rows are the persons, and the contribution bounds enforced before measuring. */
export interface PersonSpec {
    readonly table: string;
    /**
     * Per descendant table: at most this many rows per parent row (rows beyond are dropped before any measurement);
     * a person's rows in a table are then at most the product of the bounds on the path from the person table.
     */
    readonly maxChildren?: Readonly<Record<string, number>>;
    /**
     * Per descendant table: every parent row has at least this many rows of it — a declared fact of the schema (berka:
     * every account has its owner's disposition), never read off the data. Under DP the child counts are measured
     * on minChildren…maxChildren (a parent row with fewer is counted at the minimum) and sampled within it.
     */
    readonly minChildren?: Readonly<Record<string, number>>;
    /** Sequential tables: each entity's sequence truncated to this many steps (its bound, if maxChildren has none). */
    readonly maxLength?: number;
    /** Tables declared public (lookup tables such as a list of districts): released as they are, never measured. */
    readonly public?: readonly string[];
}
export interface RelationalMetadata {
    readonly format: 'lookalike-relational';
    readonly version: 1;
    readonly tables: readonly TableSpec[];
    readonly foreignKeys: readonly ForeignKey[];
    readonly person?: PersonSpec;
}
/**
 * Validates a relational metadata file's parsed JSON (its shape and the references between its parts; the data
 * are checked by `checkRelational`). Throws one LookalikeError listing every problem.
 */
export declare function parseRelationalMetadata(json: unknown, source?: string): RelationalMetadata;
/** Problems with the references inside the metadata (tables, key arity, cycles), without looking at data. */
export declare function structureProblems(meta: RelationalMetadata): string[];
export declare function fkLabel(f: ForeignKey): string;
/** Cycles of the child → parent graph (self-references included), each listed once. */
export declare function findCycles(meta: RelationalMetadata): string[][];
/** Tables in an order where every parent comes before its children (metadata order among equals). */
export declare function topologicalOrder(meta: RelationalMetadata): string[];
/** Tables reachable from `table` by going down foreign keys (its children, their children, …). */
export declare function descendants(meta: RelationalMetadata, table: string): string[];
export declare function tableSpec(meta: RelationalMetadata, name: string): TableSpec;
export declare function foreignKeysOf(meta: RelationalMetadata, child: string): ForeignKey[];
/** The child's foreign-key columns in the order of the parent's primary key. */
export declare function orderedFkColumns(meta: RelationalMetadata, f: ForeignKey): string[];
export interface RelationalCheck {
    readonly problems: string[];
    readonly warnings: string[];
}
/**
 * Checks data against metadata, collecting every problem: tables and columns that do not exist, duplicate or
 * missing primary keys, orphan foreign keys (a key that matches no parent row) and partly missing composite
 * foreign keys, order columns that are not numeric or datetime, and context columns that vary within an entity.
 * Messages give counts, never key values. Runtime O(total rows × key columns).
 */
export declare function checkRelational(meta: RelationalMetadata, tables: Readonly<Record<string, Table>>): RelationalCheck;
/** `checkRelational`, throwing one LookalikeError with every problem. Returns the warnings. */
export declare function validateRelational(meta: RelationalMetadata, tables: Readonly<Record<string, Table>>, source?: string): string[];
/** The metadata as a JSON object (the file `inspect` writes). */
export declare function relationalMetadataToJSON(meta: RelationalMetadata): Record<string, unknown>;
