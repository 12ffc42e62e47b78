/**
 * A conditional tree chain: p(targets | conditions) as a chain of classification and regression trees, the
 * conditional form of synthpop's sequential CART (Nowok, Raab & Dibben 2016; Reiter 2005). The condition columns
 * are always given — they are never drawn, so no tree is grown for them — and each target column is drawn from
 * the observed values in the leaf of a tree over the conditions and the targets before it.
 *
 * Used where a whole block of columns is generated given another block: a child table's rows given their parent
 * row (relational synthesis) and an entity's next step given its context and its previous steps (the
 * autoregressive sequence model, `sequence.ts`).
 *
 * - Categorical / boolean targets: Gini tree, missing as one more class. Numeric / datetime targets: squared-error
 *   tree on the standardised value plus an "is missing" channel. Leaves hold the observed values (distinct values
 *   and counts, and the missing count); a draw picks one ∝ count, so integers stay integers and categories stay in
 *   their domain.
 * - Features are binned once (learn/data.ts: ≤ maxBins quantile bins per numeric, one bin per category, a missing
 *   bin); a condition value never seen in training falls in the missing bin.
 *
 * Guarantee: NOT differentially private; the serialised chain stores observed values of the training rows in its
 * leaves and is as confidential as the data.
 * Runtime: fit O(t · n · (c + t) · depth) for t targets and c conditions over n rows; sampling O(m · t · depth).
 */
import type { Column } from '../table/column.js';
import { Table } from '../table/table.js';
import type { Rng } from '../random/rng.js';
export type ChainKind = 'numeric' | 'datetime' | 'categorical' | 'boolean';
/** Column values inside the chain: numbers (NaN = missing) or category codes (-1 = missing; boolean 0/1). */
export type ChainValues = Float64Array | Int32Array;
export interface ChainColumnJSON {
    readonly name: string;
    readonly kind: ChainKind;
    readonly integer?: boolean;
    readonly format?: string;
    /** numeric / datetime: bin thresholds. */
    readonly edges?: number[];
    /** categorical: the categories (codes index them). */
    readonly categories?: string[];
}
interface TreeJSON {
    feature: number[];
    threshold: number[];
    defaultLeft: number[];
    catStart: number[];
    catMask: number[];
    left: number[];
    right: number[];
    /** Leaf number per node, -1 at internal nodes. */
    leaf: number[];
}
/** Observed values of a leaf: distinct values (numbers or codes) with their counts, and the missing count. */
interface LeafJSON {
    v: number[];
    c: number[];
    m: number;
}
export interface ChainTargetJSON extends ChainColumnJSON {
    /** The features its tree may split on (indices into conditions, then targets before it); absent: all of them. */
    readonly features?: number[];
    /** null: no feature to split on (drawn from the single leaf). */
    readonly tree: TreeJSON | null;
    readonly leaves: LeafJSON[];
}
export interface ChainJSON {
    readonly conditions: ChainColumnJSON[];
    readonly targets: ChainTargetJSON[];
}
export interface ChainOptions {
    /** Minimum training rows per leaf (default 5, synthpop's minbucket). */
    readonly minSamplesLeaf?: number;
    /** Maximum depth (default 30). */
    readonly maxDepth?: number;
    /** Bins per numeric feature (default 255). */
    readonly maxBins?: number;
    /**
     * Per target (by name): the condition columns its tree may use (default: all). The targets before it are
     * always features.
     */
    readonly features?: Readonly<Record<string, readonly string[]>>;
    /**
     * Grow the trees of numeric targets on their ranks instead of their values (leaves still hold the values), so
     * splits follow the bulk of a skewed distribution rather than its few extreme values. Default false.
     */
    readonly rankTargets?: boolean;
    readonly onProgress?: (done: number, total: number) => void;
}
/** A column's values in chain form. */
export declare function chainValues(c: Column): ChainValues;
/** Chain values back to a column of the described kind. */
export declare function chainColumn(d: ChainColumnJSON, v: ChainValues): Column;
/** Fits the chain on `table`: `targets` (in this order) given `conditions`. */
export declare function fitChain(table: Table, conditions: readonly string[], targets: readonly string[], opts?: ChainOptions): TreeChain;
export declare class TreeChain {
    readonly json: ChainJSON;
    private readonly ready;
    private readonly missingBin;
    private readonly condEdges;
    constructor(json: ChainJSON);
    get conditions(): readonly ChainColumnJSON[];
    get targets(): readonly ChainTargetJSON[];
    /**
     * Draws the targets for `m` rows given the condition values (one array per condition column, in chain form:
     * numbers, or codes into that condition's `categories` / 0–1 for booleans).
     */
    sampleValues(conditions: readonly ChainValues[], m: number, rng: Rng): ChainValues[];
    /** Draws the targets for each row of `conditions` (a table holding the condition columns, matched by name). */
    sample(conditions: Table, rng: Rng): Table;
    private drawTargets;
    toJSON(): ChainJSON;
}
/** Rebuilds a chain from its JSON, listing every problem (indices, leaves, domains) at once. */
export declare function loadChain(json: unknown, where?: string): TreeChain;
export {};
