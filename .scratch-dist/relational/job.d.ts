import { type PrivacyGuarantee } from '../privacy/guarantee.js';
import type { ProgressFn } from '../progress.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { type RelationalDpModel } from './dp.js';
import type { RelationalEvaluation } from './evaluate.js';
import { type RelationalMetadata } from './metadata.js';
import { type RelationalModel } from './synthesize.js';
export interface DatabaseFitSpec {
    /** With an ε: DP per person (the metadata must name the person, docs/relational.md); without: not DP. */
    readonly epsilon?: number;
    readonly delta?: number;
    readonly seed?: number;
    /** The single-table synthesizer of the root tables (default: `cart`, or `mst` under DP). */
    readonly synthesizer?: string;
    readonly options?: Readonly<Record<string, unknown>>;
    readonly onProgress?: ProgressFn;
    /** Phase lines ("fitting …") and notes ("not differentially private …"). */
    readonly onStep?: (line: string) => void;
    readonly onNote?: (note: string) => void;
}
export interface FittedDatabase {
    readonly model: RelationalModel | RelationalDpModel;
    readonly seconds: number;
}
/** Fit a model of a database: `fitRelationalDp` per person with `spec.epsilon`, else `fitRelational` (not DP). */
export declare function fitDatabase(name: string, meta: RelationalMetadata, tables: Record<string, Table>, schemas: Record<string, Schema>, spec?: DatabaseFitSpec): Promise<FittedDatabase>;
/** A database model's guarantee in words: DP per person says so. */
export declare function databasePrivacyLabel(p: PrivacyGuarantee & {
    unit?: string;
    person?: string;
}): string;
/**
 * A relational model from its file's JSON, after loading the code of the synthesizers it holds (registered
 * lazily, as the CLI registers them), then validated by `loadRelationalModel`.
 */
export declare function openRelationalModel(json: unknown, source?: string): Promise<RelationalModel | RelationalDpModel>;
/**
 * The relational metadata to review, as JSON: keys and, per table, its columns' kinds and domains (domains marked
 * inferred, or public with `publicDomains`).
 */
export declare function reviewMetadata(meta: RelationalMetadata, schemas: Record<string, Schema>, publicDomains?: boolean): {
    tables: Record<string, Record<string, unknown>>;
};
/** The tables of a database with their rows, columns, primary key, foreign keys and sequence, as a text table. */
export declare function formatDatabaseKeys(meta: RelationalMetadata, tables: Record<string, Table>): string;
/**
 * `lookalike inspect` of a database as text: the title line, its tables and keys (formatDatabaseKeys), the notes of
 * inferred keys, and the problems the data has with the keys — or that it has none.
 */
export declare function formatDatabaseInspection(title: string, meta: RelationalMetadata, tables: Record<string, Table>, notes: readonly string[], problems: readonly string[]): string;
/** What `lookalike sample` of a relational model prints: where the tables went, the guarantee, rows per table. */
export declare function formatDatabaseSample(out: string, format: string, rows: Record<string, number>, privacy: PrivacyGuarantee): string;
/** A relational evaluation as text: the summary line, then per table, per foreign key and per sequence metric. */
export declare function formatRelationalEvaluation(ev: RelationalEvaluation): string;
