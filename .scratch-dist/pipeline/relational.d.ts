import type { RelationalDpModel } from '../relational/dp.js';
import { type RelationalEvaluation } from '../relational/evaluate.js';
import { type DatabaseFitSpec } from '../relational/job.js';
import type { RelationalMetadata } from '../relational/metadata.js';
import type { RelationalModel } from '../relational/synthesize.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
export interface DatabaseJobResult {
    readonly model: RelationalModel | RelationalDpModel;
    /** The synthetic database, table by table. */
    readonly synthetic: Record<string, Table>;
    /** What sampling had to do (rows dropped to keep a key unique…), with counts. */
    readonly notes: readonly string[];
    readonly evaluation: RelationalEvaluation;
    /** The self-contained HTML report. */
    readonly report: string;
    readonly fitSeconds: number;
}
/**
 * The whole job on a database (docs/relational.md): fit (DP per person with `spec.epsilon`), sample with seed
 * `seed + 1`, evaluate against the real tables, render the report. What `lookalike run <folder or .duckdb>` runs.
 */
export declare function runDatabaseJob(name: string, meta: RelationalMetadata, tables: Record<string, Table>, schemas: Record<string, Schema>, spec?: DatabaseFitSpec): Promise<DatabaseJobResult>;
