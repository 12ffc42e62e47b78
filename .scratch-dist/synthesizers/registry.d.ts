/**
 * The synthesizer registry and the contract in front of every `fit` (options.ts has the option schemas):
 * `defineSynthesizer` builds a synthesizer whose `fit` first runs `checkFitOptions`; `registerSynthesizer` and
 * `registerSynthesizerLoader` make synthesizers available by name; `loadModel` validates model files.
 */
import { LookalikeError } from '../errors.js';
import type { FitOptions, Model, ModelFile, Synthesizer, SynthesizerInfo } from './types.js';
import type { Table } from '../table/table.js';
import type { Schema } from '../table/schema.js';
import type { CountableRows } from './marginal/rows.js';
/**
 * The contract's check of a fit, before any work: ε/δ on a synthesizer that is not DP, unknown options, bad
 * values — every problem at once, as one LookalikeError of kind 'usage' (a single problem is the whole message).
 */
export declare function checkFitOptions(info: SynthesizerInfo, opts?: FitOptions, schema?: Schema): void;
/** The implementation half of a synthesizer: what `defineSynthesizer` wraps. */
export interface SynthesizerImplementation {
    fit(table: Table, schema: Schema, opts: FitOptions): Promise<Model>;
    fitCounts?(rows: CountableRows, schema: Schema, opts: FitOptions): Promise<Model>;
    load(file: ModelFile): Model;
}
/**
 * A synthesizer from its info and implementation, with the contract in front of `fit`: `checkFitOptions` runs
 * first, so every caller gets the same refusals and messages.
 */
export declare function defineSynthesizer(info: SynthesizerInfo, impl: SynthesizerImplementation): Synthesizer;
/** `s` itself when it was made by `defineSynthesizer`, else `s` wrapped by it (registerSynthesizer calls this). */
export declare function checkedSynthesizer(s: Synthesizer): Synthesizer;
/** Make a synthesizer available by name (to `getSynthesizer`, `loadModel` and the CLI); `fit` is checked (options.ts). */
export declare function registerSynthesizer(s: Synthesizer): void;
/**
 * Register a synthesizer by its info, its code loaded by `load` when first needed (`fit`, or `loadSynthesizer`
 * before `loadModel`). A synthesizer already registered with its code is left as it is.
 */
export declare function registerSynthesizerLoader(info: SynthesizerInfo, load: () => Promise<Synthesizer>): void;
/** The refusal of a fit over rows counted where they live by a synthesizer that reads rows (no `fitCounts`). */
export declare function notCountable(name: string, label: string): LookalikeError;
/** Every registered synthesizer, in registration order (lazily registered ones load their code on first fit). */
export declare function listSynthesizers(): Synthesizer[];
/** The synthesizer called `name` (a usage error naming the available ones otherwise). Its `fit` is checked. */
export declare function getSynthesizer(name: string): Synthesizer;
/** The synthesizer called `name` with its code loaded (needed before `loadModel` of a lazily registered one). */
export declare function loadSynthesizer(name: string): Promise<Synthesizer>;
/** Validate a parsed model file and rebuild the model. Every problem with the envelope is reported at once. */
export declare function loadModel(json: unknown, source?: string): Model;
/** `loadModel`, after loading the code of the model's synthesizer when it is registered lazily (catalog.ts). */
export declare function openModel(json: unknown, source?: string): Promise<Model>;
/**
 * Synthesizer options written as text, `key=value` each (the CLI's repeatable `--option`, a form field): the value
 * is read as JSON when it parses (`epochs=300`, `columns=["a","b"]`), else kept as a string. A pair without a key
 * is a usage error naming `option`. The values are checked later, against the schema, by `checkFitOptions`.
 */
export declare function parseOptionPairs(pairs: readonly string[], option?: string): Record<string, unknown>;
