/**
 * Sequence models: an entity's whole sequence — its time-varying attributes and the gaps between its steps —
 * generated given the entity's context (static attributes) and its length, so trends, autocorrelation and
 * irregular gaps survive. The interface (`SequenceSynthesizer`) is what the autoregressive network `argn`
 * (issue 11) plugs into; `ar-trees`, below, is the model that ships now.
 *
 * `ar-trees`: an autoregressive conditional tree chain (PAR-like; Zhang et al. 2022, "Sequential Models in the
 * Synthetic Data Vault", without the network). Step t of an entity is drawn given
 *   the context columns, the sequence length L, the step number t, the time elapsed since the first step,
 *   the previous step's values (lag 1, every target) and the one before (lag 2, numeric targets),
 * one target after the other (`chain.ts`): first the gap to the previous step's order value (at t = 0 the first
 * order value itself), then each time-varying column given the ones before it at the same step. Every value is an
 * observed value drawn from a tree leaf, so integers, categories and the gaps' irregularity are kept; lags carry
 * the autocorrelation, the step number and elapsed time carry trends.
 *
 * Guarantee: NOT differentially private (its leaves store observed values). Runtime: fit O(T · N · F · depth)
 * for N steps, T targets and F features; sampling O(N · T · depth), one batch per step number.
 */
import type { Column } from '../table/column.js';
import { Table } from '../table/table.js';
import { type ChainColumnJSON, type ChainValues } from './chain.js';
/** Training data of a sequence model. */
export interface SequenceData {
    /** One row per entity: the columns the sequence is conditioned on (numeric, datetime, categorical, boolean). */
    readonly context: Table;
    /** Every entity's steps, entity after entity, each in order. */
    readonly steps: Table;
    /** Entity e's steps are rows offsets[e] … offsets[e+1] − 1 of `steps`. */
    readonly offsets: Int32Array;
    /** The order (time) column of `steps`, numeric or datetime: modelled as the gap to the previous step. */
    readonly order?: string;
}
export interface SequenceFitOptions {
    readonly seed?: number;
    readonly options?: Readonly<Record<string, unknown>>;
    readonly onProgress?: (done: number, total: number) => void;
}
export interface SequenceModelJSON {
    readonly synthesizer: string;
    readonly params: unknown;
}
export interface SequenceModel {
    readonly synthesizer: string;
    /**
     * Steps for every entity of `context` (one row per entity, the context columns by name), `lengths[e]` steps for
     * entity e, entity after entity, in order. Same model, inputs and seed → same rows.
     */
    sample(context: Table, lengths: Int32Array, opts?: {
        seed?: number;
    }): Table;
    toJSON(): SequenceModelJSON;
}
export interface SequenceSynthesizer {
    readonly name: string;
    readonly description: string;
    fit(data: SequenceData, opts?: SequenceFitOptions): Promise<SequenceModel>;
    load(json: SequenceModelJSON): SequenceModel;
}
/** Makes a sequence model available by name (relational synthesis picks it with `sequenceSynthesizer`). */
export declare function registerSequenceSynthesizer(s: SequenceSynthesizer): void;
export declare function getSequenceSynthesizer(name: string): SequenceSynthesizer;
export declare function listSequenceSynthesizers(): SequenceSynthesizer[];
/** A column in the chain form of condition `d` (categories matched by name). */
export declare function toChain(c: Column, d: ChainColumnJSON): ChainValues;
/**
 * `numericSteps: 'auto'` models a numeric series by its changes when (1) its pooled within-entity lag-1
 * autocorrelation r₁ is at least `AUTO_CHANGES_R` — then var(x_t − x_{t−1}) = 2(1 − r₁)·var(x) ≤ var(x), the change
 * is the smaller quantity, and a change drawn from a leaf keeps the entity at its own level, so persistent extreme
 * values stay persistent — and (2) it has more than `AUTO_CHANGES_DISTINCT` distinct values (a flag or a stage keeps
 * its exact values better as values). Measured on pbcseq (bench/RESULTS-relational.md): with every series as values
 * the heavy-tailed alk.phos and ast lost 0.13–0.18 of r₁; with every series as changes the weakly autocorrelated
 * protime (r₁ 0.36) gained up to 0.27.
 */
export declare const AUTO_CHANGES_R = 0.5;
export declare const AUTO_CHANGES_DISTINCT = 10;
/**
 * … and (3) the entities' sequences are short: at most this many steps on average. Changes add up along a sequence
 * like a random walk, so a long series drifts from the column's distribution — on beijing_air_quality (8,766 hourly
 * steps per station) `auto` without this bound lowered the table quality from 0.973 to 0.931, while values already
 * kept every r₁ there within 0.12.
 */
export declare const AUTO_CHANGES_MAX_MEAN_LENGTH = 100;
export declare const arTreesSynthesizer: SequenceSynthesizer;
