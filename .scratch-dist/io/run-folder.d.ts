import type { Model } from '../synthesizers/types.js';
import type { Table } from '../table/table.js';
import type { Schema } from '../table/schema.js';
import { type WriteFormat } from './write.js';
import { type DatabaseFormat } from './relational.js';
import { type RelationalMetadata } from '../relational/metadata.js';
/** `--format` of a run folder's synthetic table: one of WRITE_FORMATS (default csv), else a usage error. */
export declare function runFolderFormat(format?: string): WriteFormat;
/** The names of the files of a run folder, for the overwrite check before any work. */
export declare function runFolderFiles(format: string): string[];
/**
 * Write a job's outputs into `dir` (which exists); returns the paths written by name. metadata.json is the schema
 * the job used — beside a DP model, only what the model releases: its declared and DP domains (issue 10).
 */
export declare function writeRunFolder(dir: string, job: {
    model: Model;
    synthetic: Table;
    evaluation?: unknown;
    report?: string;
}, schema: Schema, format: WriteFormat): Promise<Record<string, string>>;
/**
 * The folder `lookalike run <database>` writes: the synthetic database (`synthetic/` in `format`, or
 * synthetic.duckdb), metadata.json (the relational metadata used), model.json, evaluation.json and report.html.
 * `dir` exists; returns the paths written by name.
 */
export declare function writeDatabaseRunFolder(dir: string, run: {
    model: {
        toJSON(): unknown;
    };
    synthetic: Record<string, Table>;
    evaluation: unknown;
    report: string;
}, metadata: RelationalMetadata, format: DatabaseFormat): Promise<Record<string, string>>;
/** What `lookalike sweep` writes beside its points: sweep.html (the frontier) and sweep.json (the summary). */
export declare function writeSweepFolder(dir: string, html: string, summary: unknown): Promise<string>;
