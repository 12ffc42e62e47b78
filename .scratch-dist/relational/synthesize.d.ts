/**
 * Relational synthesis: a whole database — parents first, then for every child table the number of children of
 * each parent row and the children's rows given their parent — with fresh keys that keep referential integrity
 * exactly (docs/relational.md).
 *
 * How each table is modelled (`planTable`):
 * - **Root** (no foreign key): its attributes plus one column per child relationship holding the number of
 *   children of the row, fitted by a single-table synthesizer (`cart` by default; any registered one). So the
 *   number of children is generated jointly with, i.e. conditioned on, the parent's columns.
 * - **Child**: one foreign key is its primary parent (the one without missing values whose parent has the most
 *   rows and a number of children that varies). Its rows are drawn from a conditional tree chain (`chain.ts`)
 *   given the parent row's attributes and child counts, and the row's rank among its siblings; the chain also
 *   draws the row's own child counts (it may be a parent in turn) and, for each further parent, the group of
 *   that parent (`groups.ts`). A synthetic child is linked to a synthetic row of its further parent from the
 *   group it drew, each such parent taking about as many children as its own drawn count ("slots"), from
 *   consecutive primary rows in time (`linkInTime`): a further parent without a datetime column is ordered by its
 *   modelled era (`eraColumns`), and within a primary row its children are dealt by the rank it held before
 *   (`followRanks`, on the column chosen by `followColumn`).
 * - **Sequential** table whose entity is a foreign key: the parent's count is the sequence length; the steps
 *   come from a sequence model (`sequence.ts`, `ar-trees` by default) given the parent's columns.
 * - **Sequential** table whose entity is its own column: an entity table (context columns + length) is fitted
 *   by the single-table synthesizer, then the steps by the sequence model.
 * Keys: primary-key columns that are foreign keys copy the parent's synthetic key; a one-column primary key of
 * its own gets 1…n (numbers, or the input's id style); the remaining parts of a composite key are counters within
 * their group; a key made only of foreign keys is kept unique while linking. Rows that would still repeat a
 * primary key are dropped before their own children are generated, so every sample has unique primary keys and
 * no orphan foreign key.
 *
 * Guarantee: NOT differentially private (the tree chains store observed values; see `dp.ts` for the DP path).
 */
import type { Column } from '../table/column.js';
import { Table } from '../table/table.js';
import type { Schema } from '../table/schema.js';
import type { ModelFile } from '../synthesizers/types.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import type { ProgressFn } from '../progress.js';
import { type IdStyle } from '../synthesizers/common.js';
import { type ChainJSON } from './chain.js';
import { type GroupingJSON } from './groups.js';
import { type RelationalMetadata } from './metadata.js';
import { type RelationalDpModel } from './dp.js';
import { type SequenceModelJSON } from './sequence.js';
export interface RelationalFitOptions {
    /** Single-table synthesizer for root tables and sequence entity tables (default `cart`). */
    readonly synthesizer?: string;
    readonly synthesizerOptions?: Readonly<Record<string, unknown>>;
    /** Sequence model for sequential tables (default `ar-trees`). */
    readonly sequenceSynthesizer?: string;
    readonly sequenceOptions?: Readonly<Record<string, unknown>>;
    /** Tree settings of the child models: minimum rows per leaf (default 5) and depth (default 30). */
    readonly childOptions?: {
        readonly minSamplesLeaf?: number;
        readonly maxDepth?: number;
    };
    readonly seed?: number;
    readonly onProgress?: ProgressFn;
}
export interface RelationalSampleOptions {
    readonly seed?: number;
    /** Rows of every root table (and entities of every sequence) as a multiple of the real counts. Default 1. */
    readonly scale?: number;
    readonly onProgress?: ProgressFn;
}
export interface RelationalSample {
    readonly tables: Record<string, Table>;
    /** Notes on what sampling had to do (e.g. rows dropped to keep a primary key unique), with counts. */
    readonly notes: string[];
}
/** How the output column of a key part is produced. */
interface KeyColumnPlan {
    name: string;
    kind: Column['kind'];
    integer?: boolean;
    format?: string;
    /** id / categorical / text keys: the style of fresh values. */
    idStyle?: IdStyle;
}
type ModelPlan = {
    kind: 'none';
} | {
    kind: 'synthesizer';
    file: ModelFile;
} | {
    kind: 'chain';
    chain: ChainJSON;
} | {
    kind: 'sequence';
    model: SequenceModelJSON;
    entityModel?: ModelFile | null;
};
interface SecondaryPlan {
    /** Index into metadata.foreignKeys. */
    fk: number;
    groupColumn: string;
    grouping: GroupingJSON;
    /** This foreign key is part of a primary key made only of foreign keys: links must not repeat. */
    unique: boolean;
    /**
     * Children per linked (primary parent row, this parent row) pair in the real data (f1: about 2 results per
     * race and constructor, 1 per race and driver). When present, a parent row takes its children from consecutive
     * primary parent rows (in time, if the primary parent has a datetime column), about this many per row.
     */
    perPair?: number;
    /**
     * With `perPair`: the child's numeric column whose rank among the children of the same primary parent row
     * depends most on this parent row in the real data (f1 results → constructors: a team finishes near the same
     * place race after race), and that share of the ranks' variance (η², at least `FOLLOW_MIN`). The children of a
     * primary row are then dealt to the parent rows whose earlier children ranked alike.
     */
    follow?: {
        column: string;
        eta2: number;
    };
}
interface TablePlan {
    name: string;
    role: 'root' | 'child' | 'sequence';
    /** Real row count (roots: scaled at sampling; sequences with their own entity: the real entity count). */
    rows: number;
    /** Output columns in the input's order: key columns and attribute columns. */
    columns: KeyColumnPlan[];
    /** Attribute columns (not keys): modelled ones come from the model, id/text ones are produced fresh/empty. */
    attributes: string[];
    /**
     * Count columns generated with this table: one per relationship where it is the parent, with the real
     * distribution of the number of children per row (distinct values `v`, how many rows have each `c`), to which
     * sampled counts are mapped by rank (`matchCounts`).
     */
    counts: {
        fk: number;
        column: string;
        v: number[];
        c: number[];
    }[];
    /** Index into metadata.foreignKeys of the primary parent (children and FK sequences). */
    primary: number | null;
    /** Condition columns of a child model: parent attributes and counts (as `parent:` names), `__rank`. */
    conditions: string[];
    secondary: SecondaryPlan[];
    /** Sequences whose entity is a column of their own: the entity and context columns. */
    entity?: {
        column: string;
        context: string[];
        order: string | null;
    };
    model: ModelPlan;
}
export interface RelationalModelFile {
    readonly format: 'lookalike-relational-model';
    readonly version: 1;
    readonly createdAt: string;
    readonly metadata: Record<string, unknown>;
    readonly privacy: PrivacyGuarantee;
    readonly tables: TablePlan[];
}
/** Fits a relational model on `tables` (validated against `meta` first, every problem at once). */
export declare function fitRelational(meta: RelationalMetadata, tables: Readonly<Record<string, Table>>, schemas: Readonly<Record<string, Schema>>, opts?: RelationalFitOptions): Promise<RelationalModel>;
/** A fitted relational model: samples whole databases and serialises to one validated JSON file. */
export declare class RelationalModel {
    readonly metadata: RelationalMetadata;
    private readonly plans;
    readonly privacy: PrivacyGuarantee;
    private readonly models;
    constructor(metadata: RelationalMetadata, plans: TablePlan[]);
    /** Draws a whole database. Same model, seed and scale → same tables. */
    sample(opts?: RelationalSampleOptions): RelationalSample;
    private contextNames;
    /** The child's foreign-key columns from the parent rows `rows` (-1 = missing). */
    private copyParentKey;
    /**
     * Links each child row to a row of a further parent: from the group the row drew, each parent row offering
     * about as many slots as its own drawn count (scaled to the number of rows to link).
     */
    private link;
    /**
     * Links like `link`, each parent row taking its children from consecutive primary parent rows: the children of
     * each group in order of their primary row (by its first datetime column, else by row), dealt in turn to an
     * active set of parent rows sized so that each takes about `perPair` children per primary row; a parent row
     * whose slots are used up is replaced by the next one (by its own first datetime column, else its era, else at
     * random). With `s.follow`, the children of each primary row are then re-dealt among the parent rows chosen
     * for it by rank (`followRanks`).
     */
    private linkInTime;
    /**
     * Re-deals, within each primary row (in the order of `kids`), the parent rows `linkInTime` chose among that
     * row's children: children sorted by `values`, parent rows by the mean rank (u in (0, 1)) of their earlier
     * children (a row without any at a uniform random place), matched in order. Each parent row keeps its number of
     * children; children without a value keep their parent row.
     */
    private followRanks;
    /** The output table in the input's column order. */
    private assemble;
    toJSON(): RelationalModelFile;
}
/**
 * Rebuilds a relational model from its file, validating the metadata and every table model in it; a file written
 * by `fitRelationalDp` gives its DP model (dp.ts).
 */
export declare function loadRelationalModel(json: unknown, source?: string): RelationalModel | RelationalDpModel;
export {};
