import { type Evaluation } from '../metrics/evaluation.js';
import type { Policy } from '../policy/types.js';
import { type ModelSummary } from '../report/model.js';
import { PrivacyLedger } from '../privacy/ledger.js';
import type { Model, ModelFile } from '../synthesizers/types.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { type ReadOptions } from './read.js';
import type { BuildResult } from '../table/infer.js';
import type { Rule } from '../constraints/types.js';
import { type RebalanceSpec } from '../constraints/rebalance.js';
import { type DisclosureStep } from '../constraints/disclosure.js';
import type { ConditionRow } from '../synthesizers/types.js';
/** Read a text file, with the same kind of messages as readJsonFile. */
export declare function readTextFile(path: string, what: string): Promise<string>;
/** An evaluation file (`lookalike evaluate --out`), validated. */
export declare function readEvaluation(path: string): Promise<Evaluation>;
/** Read and validate a policy file; ids of metrics present in `evaluation` are accepted besides the catalog's. */
export declare function readPolicy(path: string, evaluation?: Evaluation): Promise<Policy>;
/** Read and validate a model file, loading its synthesizer's code. */
export declare function readModel(path: string): Promise<Model>;
/** Read a model file for its guarantee and ledger (validated like any model file). */
export declare function readModelSummary(path: string): Promise<ModelSummary>;
/**
 * Metadata that reads the synthetic table and the holdout with the real table's kinds, formats and missing-value
 * markers (domains are left out: category lists are matched by name when the tables are compared).
 */
export declare function readAlikeMetadata(schema: Schema): import("../table/metadata.js").Metadata;
/**
 * Read a table with the real table's column kinds (a synthetic table, a holdout); warnings go to `onWarning`;
 * `subsample` as in `ReadOptions` (only the rows it keeps are read).
 */
export declare function readTableLike(path: string, schema: Schema, onWarning: (w: string) => void, subsample?: (rows: number) => Int32Array | null): Promise<Table>;
/**
 * Read the table a command names: a file (with `read`'s CSV options) or, with `sql`, a query on a DuckDB database
 * file; with the metadata file at `metadataPath` when given. Warnings go to `onWarning`, what is read and how much
 * to `onStep`.
 */
export declare function readInputTable(path: string, opts: ReadOptions & {
    metadataPath?: string | undefined;
    sql?: string | undefined;
    onWarning: (w: string) => void;
    onStep?: (line: string) => void;
}): Promise<BuildResult>;
/**
 * The rows of a condition table file (any format lookalike reads) with the `fixed` conditions added to every row
 * (`withFixedConditions`: a row that contradicts them is an input error). Warnings go to `onWarning`.
 */
export declare function readConditionRows(path: string, fixed: Readonly<Record<string, string>>, onWarning: (w: string) => void): Promise<ConditionRow[]>;
/** The business rules of a metadata file (its `constraints`), validated against the schema the table was read with. */
export declare function readRules(metadataPath: string | undefined, schema: Schema): Promise<Rule[]>;
/**
 * The schema of rows counted where they live (docs/scale.md), all from the metadata file: the rows are never read,
 * so nothing is inferred. Business rules are refused: they need the rows in memory.
 */
export declare function readCountingSchema(metadataPath: string): Promise<Schema>;
/**
 * `lookalike policy init --out FILE`: the default policy written to `path` (YAML, or JSON for a .json name); an
 * existing file is replaced only with `force` (else a usage error). Returns the number of targets written.
 */
export declare function writeDefaultPolicy(path: string, force: boolean): Promise<number>;
/** A disclosure-control steps file (a JSON list of steps, docs/constraints.md), validated. */
export declare function readDisclosureSteps(path: string): Promise<DisclosureStep[]>;
/**
 * What a job takes for rules, rebalancing and disclosure control (`runJob`'s `rules`, `rebalance`, `disclosure`):
 * the rules of the metadata file, the rebalancing written as text (`COL=V:SHARE`) and the steps of a disclosure
 * file. A step that reads the training data is announced through `onWarning` (it voids DP; ReconSyn).
 */
export declare function readJobConstraints(paths: {
    metadata?: string;
    disclosure?: string;
}, schema: Schema, rebalance?: string, onWarning?: (w: string) => void): Promise<{
    rules?: Rule[];
    rebalance?: RebalanceSpec;
    disclosure?: DisclosureStep[];
}>;
/**
 * A model file's privacy ledger, after validating the whole file as a model (`openModel`: a forged or tampered
 * file — a ledger on a model that cannot be DP, an emptied ledger, costs inconsistent with their noise — is an
 * input error, not a ledger); `ledger` is null for a model that is not DP.
 */
export declare function readModelLedger(path: string): Promise<{
    synthesizer: string;
    ledger: PrivacyLedger | null;
}>;
/** Write a model file (its JSON, one line), atomically. */
export declare function writeModelFile(model: Model | ModelFile, path: string): Promise<void>;
