import { type InferredRelational } from '../relational/infer.js';
import { type RelationalMetadata } from '../relational/metadata.js';
import type { Metadata } from '../table/metadata.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
export type DatabaseFormat = 'csv' | 'tsv' | 'parquet' | 'jsonl' | 'arrow' | 'duckdb';
export interface ReadDatabaseOptions {
    /** Column metadata per table (from the relational metadata), applied when each table is built. */
    readonly columnMetadata?: Readonly<Record<string, Metadata | undefined>>;
    /** Read only these tables (default: every table found). */
    readonly only?: readonly string[];
    /**
     * For proposing metadata (`inspect`): a column mixing numbers and text is read as categorical, with a warning,
     * instead of failing the table.
     */
    readonly lenient?: boolean;
}
export interface Database {
    /** Tables by name, in reading order. */
    readonly tables: Record<string, Table>;
    readonly schemas: Record<string, Schema>;
    /** The format of the source: what `writeDatabase` writes by default. */
    readonly format: DatabaseFormat;
    readonly warnings: string[];
}
/** True when `path` names a DuckDB database file by its extension. */
export declare function isDuckdbPath(path: string): boolean;
/**
 * Reads every table of a folder or DuckDB file. Throws one LookalikeError listing every table that could not
 * be read (and why), or saying the folder holds no table file.
 */
export declare function readDatabase(path: string, opts?: ReadDatabaseOptions): Promise<Database>;
/** Names of the tables of a DuckDB database file's main schema, sorted. */
export declare function duckdbTables(path: string): Promise<string[]>;
/**
 * Writes `tables` to a folder (one file per table, in `format`; Arrow input is written as Parquet) or, for
 * `format: 'duckdb'`, to one DuckDB database file at `path`. All or nothing (see the module comment).
 */
export declare function writeDatabase(path: string, tables: Readonly<Record<string, Table>>, format: DatabaseFormat): Promise<string[]>;
/** `basename` without the extension, for naming a database in messages. */
export declare function databaseName(path: string): string;
/**
 * True when `path` is a database: a file named .duckdb / .ddb, or a folder holding at least one table file (a
 * folder without one goes the single-table way, which says that a directory is not a table).
 */
export declare function isDatabaseInput(path: string | undefined): boolean;
/** True when `path` is a relational model file (read to find out; false for anything else). */
export declare function isRelationalModelFile(path: string | undefined): Promise<boolean>;
/**
 * Refuses (usage error) to write a synthetic database over an existing one: a .duckdb file that exists, or a
 * folder that already holds a file of one of the tables (lookalike never writes over data).
 */
export declare function refuseExistingDatabase(out: string, option: string, names: readonly string[]): void;
/** The format to write a database in: DuckDB for a .duckdb path, else `given` (default csv) for a folder. */
export declare function databaseOutputFormat(out: string, given: string | undefined): DatabaseFormat;
/** A relational metadata file, validated. */
export declare function readRelationalMetadata(path: string): Promise<RelationalMetadata>;
/**
 * A database with its metadata: the metadata file at `metadataPath` (its column metadata applied to each table),
 * or keys inferred from the data (`inferred` then holds the proposal and its notes; the tables are read leniently).
 * `onStep` hears what is read and how much, `onWarning` the warnings of reading.
 */
export declare function readDatabaseWithMetadata(path: string, metadataPath: string | undefined, opts?: {
    lenient?: boolean | undefined;
    onStep?: (line: string) => void;
    onWarning?: (w: string) => void;
}): Promise<{
    db: Database;
    meta: RelationalMetadata;
    inferred?: InferredRelational;
}>;
