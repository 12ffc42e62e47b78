import { writeWeights } from '../../nn/serialize.js';
import type { PrivacyGuarantee } from '../../privacy/guarantee.js';
import { PrivacyLedger } from '../../privacy/ledger.js';
import type { Schema } from '../../table/schema.js';
import { Table } from '../../table/table.js';
import { type IdStyle } from '../common.js';
import type { Model, ModelFile, SampleOptions } from '../types.js';
import { type TokenColumn } from './encode.js';
import { ArgnNet, type NetShape } from './network.js';
/** What an argn model file's params hold. */
export interface ArgnParams {
    readonly version: 1;
    readonly ids: Record<string, IdStyle>;
    /** Token columns in table (schema) order. */
    readonly columns: readonly TokenColumn[];
    readonly shape: NetShape;
    readonly flexible: boolean;
    /** Generation order (column names): the `order` option, then the rest in table order. */
    readonly order: readonly string[];
    readonly temperature: number;
    readonly topP: number;
    readonly training: {
        readonly epochs: number;
        readonly bestEpoch: number;
        readonly dp: boolean;
    };
    /** A DP fit's noisy row count N̂ (post-processing of its paid-for 1-way marginals): `Model.defaultRows`. */
    readonly rows?: number;
    readonly weights: ReturnType<typeof writeWeights>;
}
/** A fitted argn model (see index.ts for the design): sampling, conditional sampling, the model file. */
export declare class ArgnModel implements Model {
    readonly schema: Schema;
    readonly params: ArgnParams;
    private readonly net;
    readonly ledger: PrivacyLedger | null;
    readonly synthesizer = "argn";
    readonly privacy: PrivacyGuarantee;
    private gemm;
    constructor(schema: Schema, params: ArgnParams, net: ArgnNet, ledger: PrivacyLedger | null);
    /** A DP model's noisy row count (never the exact training count); absent for a non-DP model. */
    get defaultRows(): number | undefined;
    /**
     * Rows from the model; with `opts.conditions`, a conditional sample: native (conditioned columns generated first)
     * for a flexible model or conditions on a prefix of a fixed order, else by rejection. See the module comment.
     */
    sample(n: number, opts?: SampleOptions): Table;
    /** Whether the network can condition on these columns by generating them first. */
    private native;
    private draw;
    /** The tokens a condition allows; a LookalikeError (kind input) when the model cannot represent a value. */
    private tokensFor;
    toJSON(): ModelFile;
}
/** Rebuild a model from its file: every problem listed at once; weights checked against the declared shapes. */
export declare function loadArgn(file: ModelFile): Model;
