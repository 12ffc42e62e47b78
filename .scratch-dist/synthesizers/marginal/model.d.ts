import { GraphicalModel } from '../../pgm/model.js';
import type { SampleMethod } from '../../pgm/sample.js';
import type { PrivacyGuarantee } from '../../privacy/guarantee.js';
import { PrivacyLedger } from '../../privacy/ledger.js';
import type { DiscretizerJSON } from '../../table/encode.js';
import type { Schema } from '../../table/schema.js';
import { Table } from '../../table/table.js';
import type { IdStyle } from '../common.js';
import type { Model, ModelFile, SampleOptions } from '../types.js';
import type { MarginalStart } from './fit.js';
/**
 * The model of a DP-marginal fit and its file: a graphical model estimated from noisy marginals (`pgm/`), the
 * encoding that maps its codes back to typed values, and the ledger. No rows are stored.
 */
/**
 * Optional per-attribute domain compression (MST): `map[a]` maps each encoded code of attribute a to its code in
 * the model (several codes may share one); null when the attribute is not compressed.
 */
export type Compression = (Int32Array | null)[];
/** `ModelFile.params` of every DP-marginal synthesizer. */
export interface MarginalParams {
    readonly ids: Record<string, IdStyle>;
    /** The modelled columns, in attribute order. */
    readonly columns: readonly string[];
    readonly discretizers: readonly DiscretizerJSON[];
    /** Per attribute: model code of every encoded code, or null. */
    readonly compression: readonly (readonly number[] | null)[];
    /** Domain sizes of the model's attributes (after compression). */
    readonly sizes: readonly number[];
    readonly cliques: readonly (readonly number[])[];
    /** Log potentials, one array per clique (row-major, last attribute fastest). */
    readonly potentials: readonly (readonly number[])[];
    readonly total: number;
    readonly sampling: SampleMethod;
}
/** A fitted graphical model wrapped as a lookalike Model. */
export declare class MarginalModel implements Model {
    readonly synthesizer: string;
    readonly schema: Schema;
    private readonly params;
    readonly ledger: PrivacyLedger;
    readonly privacy: PrivacyGuarantee;
    private readonly discretizers;
    private readonly compression;
    readonly graphical: GraphicalModel;
    constructor(synthesizer: string, schema: Schema, params: MarginalParams, ledger: PrivacyLedger, graphical?: GraphicalModel);
    /** The noisy total of the measurements (never the exact training count), at least 1. */
    get defaultRows(): number;
    /** Rows drawn from the model: codes along the junction tree, decompressed, decoded to typed values. */
    sample(n: number, opts?: SampleOptions): Table;
    /** Unconditional rows, or rows given conditions as evidence in the junction tree (pgm-evidence.ts). */
    private draw;
    /**
     * `columns` of `rows` of a table this model sampled, each drawn again within the bin its value lies in (the
     * value re-encoded to its code, then decoded afresh; a missing value stays missing, an unmodelled column is left
     * alone). The row's cell of the model is kept, so a rejection loop over within-bin values draws from the model's
     * distribution restricted to what it accepts, cell by cell.
     */
    redrawWithinBins(t: Table, rows: Int32Array, columns: readonly string[], seed: number): Table;
    toJSON(): ModelFile;
}
/**
 * The model of a finished fit: the estimated graphical model over the fit's encoding (with MST's compression, or
 * none), the fit's schema and ledger.
 */
export declare function marginalModel(synthesizer: string, fit: MarginalStart, model: GraphicalModel, compression?: Compression, sampling?: SampleMethod): MarginalModel;
/** Validate a model file's params and rebuild the model; every problem listed at once. */
export declare function loadMarginalModel(file: ModelFile, synthesizer: string): MarginalModel;
