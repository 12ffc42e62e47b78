/**
 * The synthesizer contract: options as a schema, checked in the library.
 *
 * Every synthesizer declares the options it accepts in `FitOptions.options` as an `OptionSchema` (a list of
 * `OptionSpec`s: name, type, range, default, help). One declaration serves three readers:
 * - `lookalike synthesizers` and `--help` print it (`optionHelp`), without loading the synthesizer's code;
 * - `checkFitOptions` validates a fit's options against it, listing every problem at once;
 * - `defineSynthesizer` wraps a synthesizer's `fit` so that every caller — the CLI, the pipeline, a library user
 *   calling `getSynthesizer(name).fit(...)` or the exported object directly — goes through that check.
 *
 * The wrapper refuses (LookalikeError, kind 'usage'):
 * - an ε (or δ) given to a synthesizer that is not differentially private (`privacy: 'none'`): it would be ignored,
 *   and a user would believe the output private;
 * - option names the schema does not declare (a typo would otherwise be ignored silently);
 * - values of the wrong type or out of range.
 *
 * Writing a synthesizer: put its `SynthesizerInfo` (name, description, privacy, options) in a small module that
 * imports nothing heavy (e.g. `<name>/info.ts`), so the CLI lists it without loading the model code, and export
 * `defineSynthesizer(info, { fit, load })` (registry.ts) from the implementation. Register it (`builtin.ts` for the
 * library, `catalog.ts` for the CLI's lazy loading). Inside `fit`, read values with `optionValues(info.options,
 * opts)`.
 *
 * This module imports nothing at run time, so info modules that use it stay cheap to load.
 */
import type { Schema } from '../table/schema.js';
import type { FitOptions } from './types.js';
/** The JSON-able value of an option (the CLI's `--option key=value` parses the value as JSON when it can). */
export type OptionValue = number | boolean | string | readonly unknown[] | null;
/** What is known when options are checked: the schema of the table (column names), and whether the fit is DP. */
export interface OptionContext {
    readonly schema?: Schema;
    /** True when the fit has an ε. */
    readonly dp: boolean;
}
interface SpecBase {
    readonly name: string;
    /** One line for `lookalike synthesizers`: what the option does (its type and default are added). */
    readonly help: string;
    /** The default, shown in help; `defaultText` instead when it depends on the data ("16 × number of columns"). */
    readonly default?: OptionValue;
    readonly defaultText?: string;
    /** For `privacy: 'either'` synthesizers: the option is used only by a DP fit (with ε); help says so. */
    readonly dpOnly?: boolean;
}
export type OptionSpec = (SpecBase & {
    /** `integer`: a whole number; `number`: any finite number. Bounds are inclusive unless `exclusiveMin`. */
    readonly type: 'integer' | 'number';
    readonly min?: number;
    readonly max?: number;
    readonly exclusiveMin?: boolean;
    /** How help and errors name the unit, e.g. "MB". */
    readonly unit?: string;
}) | (SpecBase & {
    readonly type: 'boolean';
}) | (SpecBase & {
    readonly type: 'enum';
    readonly values: readonly string[];
})
/** A list of distinct names of modelled (not id, not text) columns of the table. */
 | (SpecBase & {
    readonly type: 'columns';
})
/** Anything else: `expects` says what (help and errors), `check` returns the problems (without the name). */
 | (SpecBase & {
    readonly type: 'custom';
    readonly expects: string;
    readonly check: (value: unknown, ctx: OptionContext) => readonly string[];
});
export type OptionSchema = readonly OptionSpec[];
/** What a value must be, in words: "a whole number ≥ 1", "a positive number of MB", `"none" or "density"`. */
export declare function optionExpects(s: OptionSpec): string;
/**
 * Every problem of `options` against `schema`: unknown names (one problem naming them all and the known ones),
 * then each declared option's value problems, in declaration order. Empty when all is well.
 */
export declare function optionProblems(synthesizer: string, schema: OptionSchema, options: Readonly<Record<string, unknown>> | undefined, ctx: OptionContext): string[];
/**
 * The options of a fit with the schema's defaults filled in (call after `checkFitOptions`, which the wrapper of
 * `defineSynthesizer` does). Options without a default and not given are absent.
 */
export declare function optionValues(schema: OptionSchema, opts?: FitOptions): Readonly<Record<string, unknown>>;
/** One line of help: `name: help (a whole number ≥ 1; default 200)`. */
export declare function optionHelp(s: OptionSpec): string;
/** The schema as plain JSON (no functions), for `lookalike synthesizers --json`. */
export declare function optionSchemaJSON(schema: OptionSchema): Record<string, unknown>[];
/**
 * `dpDomains`, shared by the DP synthesizers: release the domains that are not declared public under DP, spending
 * this share of the budget. Accepts what `parseDomainOption` (privacy/domains.ts) accepts: true / "true" / "" /
 * "yes" (the default share 0.1), false / "false" / "no" / null (no release), or a share in (0, 1) as a number or
 * numeric string.
 */
export declare function dpDomainsOption(dpOnly?: boolean): OptionSpec;
/** `bins` and `maxExactIntegers`: how the DP synthesizers discretise numeric columns (table/encode.ts). */
export declare function discretisationOptions(dpOnly?: boolean): OptionSpec[];
export {};
