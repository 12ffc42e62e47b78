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

export type OptionSpec =
  | (SpecBase & {
      /** `integer`: a whole number; `number`: any finite number. Bounds are inclusive unless `exclusiveMin`. */
      readonly type: 'integer' | 'number';
      readonly min?: number;
      readonly max?: number;
      readonly exclusiveMin?: boolean;
      /** How help and errors name the unit, e.g. "MB". */
      readonly unit?: string;
    })
  | (SpecBase & { readonly type: 'boolean' })
  | (SpecBase & { readonly type: 'enum'; readonly values: readonly string[] })
  /** A list of distinct names of modelled (not id, not text) columns of the table. */
  | (SpecBase & { readonly type: 'columns' })
  /** Anything else: `expects` says what (help and errors), `check` returns the problems (without the name). */
  | (SpecBase & {
      readonly type: 'custom';
      readonly expects: string;
      readonly check: (value: unknown, ctx: OptionContext) => readonly string[];
    });

export type OptionSchema = readonly OptionSpec[];

/** What a value must be, in words: "a whole number ≥ 1", "a positive number of MB", `"none" or "density"`. */
export function optionExpects(s: OptionSpec): string {
  switch (s.type) {
    case 'integer':
    case 'number': {
      const what = s.type === 'integer' ? 'a whole number' : 'a number';
      const unit = s.unit ? ` of ${s.unit}` : '';
      if (s.type === 'number' && s.min === 0 && s.exclusiveMin && s.max === undefined)
        return `a positive number${unit}`;
      if (s.min !== undefined && s.max !== undefined && !s.exclusiveMin)
        return `${what}${unit} from ${s.min} to ${s.max}`;
      const lo = s.min !== undefined ? ` ${s.exclusiveMin ? '>' : '≥'} ${s.min}` : '';
      const hi = s.max !== undefined ? `${lo ? ' and' : ''} ≤ ${s.max}` : '';
      return `${what}${unit}${lo}${hi}`;
    }
    case 'boolean':
      return 'true or false';
    case 'enum':
      return s.values.map((v) => JSON.stringify(v)).join(s.values.length === 2 ? ' or ' : ', ');
    case 'columns':
      return 'a list of column names';
    case 'custom':
      return s.expects;
  }
}

/** The problems of one value (without the option's name), empty when it is acceptable. */
function valueProblems(s: OptionSpec, v: unknown, ctx: OptionContext): string[] {
  const bad = [`must be ${optionExpects(s)} (got ${JSON.stringify(v)})`];
  switch (s.type) {
    case 'integer':
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return bad;
      if (s.type === 'integer' && !Number.isInteger(v)) return bad;
      if (s.min !== undefined && (s.exclusiveMin ? v <= s.min : v < s.min)) return bad;
      if (s.max !== undefined && v > s.max) return bad;
      return [];
    }
    case 'boolean':
      return typeof v === 'boolean' ? [] : bad;
    case 'enum':
      return typeof v === 'string' && s.values.includes(v) ? [] : bad;
    case 'columns': {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return bad;
      const out: string[] = [];
      const modelled = ctx.schema
        ? new Set(ctx.schema.columns.filter((c) => c.kind !== 'id' && c.kind !== 'text').map((c) => c.name))
        : null;
      const seen = new Set<string>();
      for (const n of v as string[]) {
        if (modelled && !modelled.has(n))
          out.push(`names "${n}", which is not a modelled column (id and text columns are not modelled)`);
        if (seen.has(n)) out.push(`lists "${n}" twice`);
        seen.add(n);
      }
      return out;
    }
    case 'custom':
      return [...s.check(v, ctx)];
  }
}

/**
 * Every problem of `options` against `schema`: unknown names (one problem naming them all and the known ones),
 * then each declared option's value problems, in declaration order. Empty when all is well.
 */
export function optionProblems(
  synthesizer: string,
  schema: OptionSchema,
  options: Readonly<Record<string, unknown>> | undefined,
  ctx: OptionContext,
): string[] {
  const out: string[] = [];
  const o = options ?? {};
  const known = schema.map((s) => s.name);
  const unknown = Object.keys(o).filter((k) => !known.includes(k));
  if (unknown.length) {
    out.push(
      `${synthesizer} has no option ${unknown.map((k) => `"${k}"`).join(', ')}; ` +
        (known.length ? `its options: ${known.join(', ')}` : 'it takes no options') +
        ' (see lookalike synthesizers)',
    );
  }
  for (const s of schema) {
    if (o[s.name] === undefined) continue;
    for (const p of valueProblems(s, o[s.name], ctx)) out.push(`option ${s.name} ${p}`);
  }
  return out;
}

/**
 * The options of a fit with the schema's defaults filled in (call after `checkFitOptions`, which the wrapper of
 * `defineSynthesizer` does). Options without a default and not given are absent.
 */
export function optionValues(schema: OptionSchema, opts: FitOptions = {}): Readonly<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const s of schema) if (s.default !== undefined) out[s.name] = s.default;
  for (const [k, v] of Object.entries(opts.options ?? {})) if (v !== undefined) out[k] = v;
  return out;
}

/** One line of help: `name: help (a whole number ≥ 1; default 200)`. */
export function optionHelp(s: OptionSpec): string {
  const d =
    s.defaultText ?? (s.default !== undefined && s.default !== null ? JSON.stringify(s.default) : undefined);
  const type = s.type === 'custom' ? s.expects : optionExpects(s);
  return `${s.dpOnly ? 'with --epsilon: ' : ''}${s.help} (${type}${d !== undefined ? `; default ${d}` : ''})`;
}

/** The schema as plain JSON (no functions), for `lookalike synthesizers --json`. */
export function optionSchemaJSON(schema: OptionSchema): Record<string, unknown>[] {
  return schema.map((s) => {
    const { check: _check, ...rest } = s as OptionSpec & { check?: unknown };
    return { ...rest, expects: optionExpects(s) };
  });
}

/**
 * `dpDomains`, shared by the DP synthesizers: release the domains that are not declared public under DP, spending
 * this share of the budget. Accepts what `parseDomainOption` (privacy/domains.ts) accepts: true / "true" / "" /
 * "yes" (the default share 0.1), false / "false" / "no" / null (no release), or a share in (0, 1) as a number or
 * numeric string.
 */
export function dpDomainsOption(dpOnly = false): OptionSpec {
  return {
    name: 'dpDomains',
    type: 'custom',
    expects: 'true or a fraction of the budget in (0, 1), e.g. 0.1',
    help: 'release the domains that are not declared public under DP, spending this share of the budget; without it such domains are refused',
    ...(dpOnly ? { dpOnly } : {}),
    check: (v) => {
      if ([undefined, null, true, false, 'true', 'false', '', 'yes', 'no'].includes(v as never)) return [];
      const x = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
      return x > 0 && x < 1
        ? []
        : [
            `must be true or a fraction of the budget in (0, 1), e.g. dpDomains=0.1 (got ${JSON.stringify(v)})`,
          ];
    },
  };
}

/** `bins` and `maxExactIntegers`: how the DP synthesizers discretise numeric columns (table/encode.ts). */
export function discretisationOptions(dpOnly = false): OptionSpec[] {
  const w = dpOnly ? { dpOnly } : {};
  return [
    {
      name: 'adaptiveBins',
      type: 'number',
      min: 0,
      max: 0.99,
      default: 0.1,
      help: 'share of the budget for adaptive DP bins (a noisy histogram on a public log-spaced grid merged into bins of equal mass) for numeric columns without declared bins or values; 0 = equal-width bins (the only choice for rows counted where they live)',
      ...w,
    },
    {
      name: 'bins',
      type: 'integer',
      min: 1,
      default: 32,
      help: 'most bins for numeric columns without declared bins (adaptive: fewer on small tables or small ε)',
      ...w,
    },
    {
      name: 'maxExactIntegers',
      type: 'integer',
      min: 0,
      default: 128,
      help: 'integer columns spanning at most this many values stay exact',
      ...w,
    },
  ];
}
