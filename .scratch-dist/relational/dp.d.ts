/**
 * Relational synthesis with differential privacy per person (user-level DP, docs/relational.md "DP per person").
 *
 * The metadata's `person` names the table whose rows are the persons (berka: `account`), the tables declared
 * public (`public`: lookup tables such as `district`, released as they are and never measured) and the
 * contribution bounds (`maxChildren`: at most k rows per parent row in each table under the person; `maxLength`
 * for sequences). Every other table is
 * - **under the person** (a descendant through exactly one foreign key into the person's tables), or
 * - a **one-to-one extension** of such a table (a table, like berka's `client`, whose only child is a table under
 *   the person and whose own foreign keys point to public tables only): its columns are modelled as columns of
 *   that child, and each synthetic child row gets a fresh extension row.
 *
 * Fit, in this order:
 * 1. **Bound** (`boundContributions`): rows under the person are kept parents first, at most k per parent row (the
 *    first k by the sequence order, else by row order), and rows whose parent was dropped are dropped. Nothing is
 *    measured before this step; nothing dropped here can influence the model (tested with a fixed noise source).
 *    A person then holds at most m_T rows of table T, m_T the product of the bounds from the person table to T.
 * 2. **Measure** (all through one ledger, zCDP): the number of persons (discrete Gaussian, a `countShare` of ρ;
 *    pooled by inverse variance with the noisy totals of the histograms below, each of which also sums to it);
 *    for each foreign key of the person table to a public table, the persons per key (discrete Gaussian,
 *    sensitivity 1: a person sits in one cell; a `publicShare` of ρ), shrunk (`shrinkNoisyCounts`) and shared:
 *    the person table's model does not measure that key, and a key to the same public table further down (berka's
 *    `client.district_id`) is measured as a flag "the person's key" and otherwise drawn from the shared histogram;
 *    optionally the person table's child counts once more, each as its own histogram of min…k (sensitivity 1, a
 *    `childCountShare` of ρ, default 0), which sampling moves the model's drawn counts onto
 *    (`transportCounts`); the person table with one clipped child-count column per relationship (0…k, a public
 *    domain) by a DP synthesizer (`mst` by default); then each table under the person joined with its parent row's attributes and
 *    counts (`parent:` columns) and its extension's columns — the parent-child joint marginals under the bound —
 *    by the same synthesizer. Group privacy: a ρ-zCDP fit over rows is m²ρ-zCDP over persons who hold at most m
 *    rows each (Bun & Steinke 2016, Prop. 27), so table T's fit is given ρ_T/m_T² and every entry of its ledger is
 *    charged to the relational ledger with ρ × m_T² (and a pure ε × m_T). The guarantee is computed from those
 *    charged entries: (ε, δ)-DP under adding or removing one person with all their rows.
 * 3. Domains must be public (declared in the metadata); counts 0…k are public because k is declared; the public
 *    tables' keys are the domain of the foreign keys pointing to them. Keys of the output are fresh (1…n).
 *
 * Sampling (post-processing, no budget): the noisy number of persons × scale person rows, then for every parent
 * row exactly its drawn count of children, sampled conditioned on the parent row (native conditioning of the
 * marginal synthesizers); so referential integrity is exact by construction.
 *
 * Not supported under DP (refused with a message): a table with two foreign keys into the person's tables, a
 * composite foreign key to a public table, tables that are neither under the person, public, nor an extension.
 * Runtime: the DP synthesizer's fit per table under the person; sampling one conditional draw per parent row group.
 */
import type { Column } from '../table/column.js';
import { Table } from '../table/table.js';
import type { Schema } from '../table/schema.js';
import { Rng } from '../random/rng.js';
import { SecureRng } from '../random/secure.js';
import type { ModelFile } from '../synthesizers/types.js';
import type { ProgressFn } from '../progress.js';
import { type DpGuarantee } from '../privacy/ledger.js';
import { type RelationalMetadata } from './metadata.js';
import type { RelationalSample, RelationalSampleOptions } from './synthesize.js';
export interface RelationalDpFitOptions {
    /** The (ε, δ) budget per person (δ default 1e-9). */
    readonly epsilon: number;
    readonly delta?: number;
    /** A DP single-table synthesizer with native conditioning (default `mst`; `aim` works too). */
    readonly synthesizer?: string;
    readonly synthesizerOptions?: Readonly<Record<string, unknown>>;
    /** Share of ρ for the person table (default 0.4); the rest after the count is split equally among the others. */
    readonly personShare?: number;
    /** Share of ρ for the number of persons (default 0.02). */
    readonly countShare?: number;
    /**
     * Share of ρ for the persons per key of each public table the person table points to (default 0.2, split
     * between such foreign keys): one histogram measured at sensitivity 1 (a person sits in one cell), shrunk
     * (`shrinkNoisyCounts`) and shared by every table under the person with a foreign key to the same public table.
     */
    readonly publicShare?: number;
    /**
     * Share of ρ for the person table's child counts (default 0: off; split between its relationships): for each,
     * one histogram of the clipped count min…k at sensitivity 1 (a person sits in one cell). Sampling moves the
     * person model's drawn counts onto it by a monotone transport (rows keep their order), so that the number of
     * children per person (berka: clients per account) follows this dedicated measurement rather than the model's,
     * which spreads its budget over every column of the person table. Off by default: on berka (0.15) it pins the
     * clients per account (1.187–1.203, real 1.193) but did not raise the district keys' scores and cost ≈ 0.007 of
     * mean table quality (bench/RESULTS-relational.md).
     */
    readonly childCountShare?: number;
    /**
     * Sequences under the person: measure each step with its previous step's values (`prev:` columns, default true),
     * so that the marginals carry autocorrelation; steps are then drawn one rank after the other.
     */
    readonly sequenceLags?: boolean;
    /** Seed of the non-noise choices (none so far) and of nothing DP: noise comes from `secureRng`. */
    readonly seed?: number;
    readonly secureRng?: SecureRng;
    readonly onProgress?: ProgressFn;
}
/** How one output column is produced. */
interface OutColumn {
    name: string;
    /** key: fresh 1…n; parent: the parent's synthetic key; ext: the extension's fresh key; public: a public key
     *  drawn by the model; attr: modelled; fresh: an id (fresh) or text (empty) column not modelled. */
    role: 'key' | 'parent' | 'ext' | 'public' | 'attr' | 'fresh';
    kind: Column['kind'];
    integer?: boolean;
    format?: string;
    /** public, in a table under the person: the person table's column to the same public table. The row's key is
     *  the person's when its measured flag (`__same:`) says so, else drawn from that column's shared histogram. */
    same?: string;
}
/** A person-table foreign key to a public table, measured once as persons per key (noisy, shrunk). */
interface SharedKeys {
    column: string;
    table: string;
    keys: string[];
    /** Probabilities of the keys, then of a missing key (post-processed from the noisy histogram). */
    probs: number[];
}
interface DpTablePlan {
    name: string;
    role: 'person' | 'child' | 'public' | 'extension';
    columns: OutColumn[];
    /** child: index of its foreign key into the person's tables, and its bound per parent row. */
    parentFk?: number;
    bound?: number;
    /** Rows per person at most (1 for the person table). */
    perPerson?: number;
    /** child: the foreign key to its extension table, if any, and that table. */
    extension?: {
        fk: number;
        table: string;
    };
    /** The modelled columns of the measured table (person/child), and the model. */
    modelled?: string[];
    model?: ModelFile;
    /** Sequences: the rank among siblings is modelled. */
    ranked?: boolean;
    /** person: its foreign keys to public tables, drawn from their shared histograms (not by the model). */
    shared?: SharedKeys[];
    /** person: the measured distribution of each child-count column (probabilities of 0…k); the model's drawn counts
     *  are moved onto it at sampling. */
    counts?: {
        column: string;
        min?: number;
        probs: number[];
    }[];
    /** Sequences: the order column is measured as the gap to the previous step (0…span), summed back at sampling. */
    gap?: string;
    /** Sequences: columns measured with their previous step's value (`prev:`); steps are drawn step by step. */
    lags?: string[];
    /** public: the table itself (declared public). */
    data?: {
        name: string;
        kind: Column['kind'];
        values: unknown[];
        categories?: string[];
        format?: string;
        integer?: boolean;
    }[];
    /** extension: the child table it extends. */
    extends?: string;
}
export interface RelationalDpModelFile {
    readonly format: 'lookalike-relational-dp-model';
    readonly version: 1;
    readonly createdAt: string;
    readonly metadata: Record<string, unknown>;
    readonly privacy: DpGuarantee & {
        readonly unit: 'person';
        readonly person: string;
    };
    readonly ledger: unknown;
    /** The noisy number of persons (sampling draws this many × scale). */
    readonly persons: number;
    readonly tables: DpTablePlan[];
    /** The person table was a sequence with an entity of its own: it was fitted as an entity table (the persons:
     *  entity and context columns) and its steps under it, and is sampled back as one table. */
    readonly split?: SplitSequence;
}
interface SplitSequence {
    /** The sequential table (the steps keep its name) and the entity table made for it. */
    table: string;
    entityTable: string;
    entity: string[];
    context: string[];
    /** The sequential table's columns, in order. */
    columns: string[];
}
/**
 * The contribution bound, before anything is measured: the rows of every table under the person kept parents
 * first, at most k per parent row (sequences: the first k steps in order; other tables: the first k in row order),
 * and the rows whose parent row was dropped dropped too. Returns, per table under the person (and the person
 * table), the kept row numbers and each kept row's parent position among the kept parent rows.
 */
export declare function boundContributions(meta: RelationalMetadata, tables: Readonly<Record<string, Table>>): Map<string, {
    rows: Int32Array;
    parent: Int32Array;
}>;
/** Fits a relational model with (ε, δ)-DP per person (module comment). */
export declare function fitRelationalDp(meta: RelationalMetadata, tables: Readonly<Record<string, Table>>, schemas: Readonly<Record<string, Schema>>, opts: RelationalDpFitOptions): Promise<RelationalDpModel>;
/** A relational model fitted under DP per person: samples whole databases; its file holds no private row. */
export declare class RelationalDpModel {
    private readonly file;
    readonly metadata: RelationalMetadata;
    readonly privacy: RelationalDpModelFile['privacy'];
    private readonly models;
    constructor(file: RelationalDpModelFile);
    toJSON(): RelationalDpModelFile;
    /** Draws a whole database (post-processing: no budget). Same model, seed and scale → same tables. */
    sample(opts?: RelationalSampleOptions): RelationalSample;
}
/** Rebuilds a DP relational model from its file (the table models are validated by their synthesizers). */
export declare function loadRelationalDpModel(json: unknown, source?: string): RelationalDpModel;
/**
 * Moves drawn counts onto a target distribution over first…first+k−1 (probs[j] for first + j) by the monotone
 * transport: rows are ranked by their drawn count (ties in random order) and the first round(n·p₀) get `first`,
 * the next round(n·p₁) get first + 1, and so on
 * (largest-remainder rounding, so the totals are exact). A row never passes one with a larger drawn count, so the
 * model's ordering (and with it most of the counts' dependence on the other columns) is kept. Post-processing.
 */
export declare function transportCounts(drawn: ArrayLike<number>, probs: readonly number[], rng: Rng, first?: number): Float64Array;
/**
 * The probabilities closest (least squares) to a noisy count vector scaled to sum 1: the Euclidean projection of
 * z / Σz onto the simplex (Σz ≤ 0: uniform). Unlike clipping negative cells at 0, it does not move mass into the
 * cells that are empty in truth (clipping adds ≈ 0.4σ to each), it takes it from every cell alike. Post-processing.
 */
export declare function projectToSimplex(noisy: ArrayLike<number>): Float64Array;
/**
 * The inverse-variance weighted mean of independent unbiased estimates of one quantity (the minimum-variance
 * unbiased combination; its variance is 1 / Σ 1/vᵢ). Post-processing of noisy measurements: no budget.
 */
export declare function poolEstimates(estimates: readonly {
    sum: number;
    variance: number;
}[]): number;
export {};
