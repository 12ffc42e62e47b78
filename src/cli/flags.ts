import { existsSync } from 'node:fs';
import type { CliContext, OptionSpec, ParsedArgs } from './command.js';
import { int, keyValues, num, str, usage } from './args.js';
import { WRITE_FORMATS, type ReadOptions } from '../io/index.js';
import { DEFAULT_DELTA } from '../privacy/ledger.js';
import { checkFitOptions, getSynthesizer } from '../synthesizers/registry.js';
import type { FitSpec, HoldoutSpec } from '../pipeline/index.js';
import type { Table } from '../table/table.js';

/**
 * Every flag of the commands that run the pipeline, declared once: one name, one meaning and one help line across
 * commands (`-m` is `--metadata` everywhere, `--holdout` a file everywhere). A command lists the ones it takes
 * with `flags(...)`; the readers below turn them into pipeline specs. The attack flags are in attacks.ts (they
 * load the privacy metrics). Nothing heavy is imported here: fit and inspect read these too.
 */
const s = (placeholder: string, description: string, short?: string, multiple?: boolean): OptionSpec => ({
  type: 'string',
  placeholder,
  description,
  ...(short ? { short } : {}),
  ...(multiple ? { multiple } : {}),
});
const b = (description: string): OptionSpec => ({ type: 'boolean', description });

export const FLAGS = {
  delimiter: s('C', 'CSV/TSV: the field delimiter (default: sniffed; "\\t" for tab)'),
  quote: s('C', 'CSV/TSV: the quote character (default: sniffed, else ")'),
  'no-header': b('CSV/TSV: the first line is data (columns are then named column0, column1, …)'),
  synthesizer: s('NAME', 'synthesizer (default gaussian-copula; see lookalike synthesizers)', 's'),
  synthesizers: s('A,B', 'synthesizers to sweep, comma-separated (required)', 's'),
  metadata: s('M', 'metadata JSON: kinds, roles, public domains, business rules (lookalike inspect)', 'm'),
  seed: s('S', 'seed of everything but DP noise: split, fit, sample, evaluation (default 0)'),
  epsilon: s('E', 'DP synthesizers: privacy budget ε > 0'),
  epsilons: s('E1,E2', 'privacy budgets for the DP synthesizers (required when one is DP)', 'e'),
  delta: s('D', `DP synthesizers: δ in (0, 1) (default ${DEFAULT_DELTA})`),
  sql: s('QUERY', 'read the table from this SQL query; <table> is then a DuckDB database file'),
  table: s(
    'NAME',
    'count this table where it lives (PostgreSQL, or a .duckdb file) instead of loading it (DP-marginal synthesizers)',
  ),
  shards: s(
    'URLS',
    'PostgreSQL shards of --table, comma-separated URLs: each counts its rows, the counts are added (no <table> then)',
  ),
  pushdown: b(
    'count a Parquet/CSV file in DuckDB where it lies instead of loading it (implied by a glob: data/*.parquet)',
  ),
  option: s('K=V', 'a synthesizer option, repeatable (see lookalike synthesizers)', undefined, true),
  rows: s('N', 'synthetic rows to draw (default: as many as the training rows)', 'n'),
  format: s('F', `synthetic file format: ${WRITE_FORMATS.join(', ')} (default csv)`),
  holdout: s('FILE', 'real rows the synthesizer never saw (default: a seeded share of the table)'),
  'holdout-fraction': s('F', 'share held out when no --holdout file is given (default 0.2; 0 = none)'),
  target: s('COL', 'column to predict for utility (default: the column whose role is target)', 't'),
  privacy: s('on|off', 'the privacy-risk attacks (default on when there is a holdout; docs/privacy-risk.md)'),
  policy: s('P', 'policy file (YAML or JSON); exit code 3 when a target fails', 'p'),
  model: s('M', 'the model file, for its privacy guarantee (ε targets) and ledger'),
  out: s('FILE', 'where to write the result', 'o'),
  'out-dir': s('DIR', 'output folder (created if missing), required', 'o'),
  'no-evaluate': b('only fit and sample: no evaluation, no report'),
  rebalance: s(
    'COL=V:SHARE',
    'draw the synthetic table with exact shares of a column’s values, e.g. income=>50K:0.5',
  ),
  disclosure: s(
    'FILE',
    'post-hoc disclosure control steps (JSON list, see lookalike disclose) applied before the evaluation',
  ),
} satisfies Record<string, OptionSpec>;

export type FlagName = keyof typeof FLAGS;
export const READ_FLAGS = ['delimiter', 'quote', 'no-header'] as const;
export const FIT_FLAGS = [
  ...READ_FLAGS,
  'synthesizer',
  'metadata',
  'seed',
  'epsilon',
  'delta',
  'sql',
  'option',
] as const;
/** `fit` only: counting where the rows live (issue 15, docs/scale.md). */
export const PUSHDOWN_FLAGS = ['table', 'shards', 'pushdown'] as const;
const JOB = ['rows', 'format', 'holdout', 'holdout-fraction', 'target', 'privacy'] as const;
export const RUN_FLAGS = [
  ...FIT_FLAGS,
  ...JOB,
  'policy',
  'no-evaluate',
  'out-dir',
  'rebalance',
  'disclosure',
] as const;

/** The declarations of the named flags, for a command's `options` (`over` replaces a help line or adds a flag). */
export function flags(
  names: readonly FlagName[],
  over: Record<string, OptionSpec> = {},
): Record<string, OptionSpec> {
  return { ...Object.fromEntries(names.map((n) => [n, FLAGS[n]])), ...over };
}

/** A comma-separated list flag, empty items dropped; a usage error when nothing is left. */
export function listFlag(args: ParsedArgs, name: string): string[] | undefined {
  const raw = str(args, name);
  if (raw === undefined) return undefined;
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!items.length) throw usage(`--${name} needs a comma-separated list`);
  return items;
}

/** `--privacy on|off`: undefined when not given. */
export function privacyFlag(args: ParsedArgs): boolean | undefined {
  const v = str(args, 'privacy');
  if (v !== undefined && v !== 'on' && v !== 'off') throw usage(`--privacy must be on or off, got "${v}"`);
  return v === undefined ? undefined : v === 'on';
}

/**
 * Where the holdout comes from: `--holdout FILE` (read by `read`), else `--holdout-fraction` (default `fraction`).
 * The old `run --holdout 0.2` (a number, and no such file) still means a fraction, with a deprecation note.
 */
export async function holdoutFlags(
  args: ParsedArgs,
  ctx: CliContext,
  read: (path: string) => Promise<Table>,
  fraction = 0.2,
): Promise<HoldoutSpec> {
  const seed = int(args, 'seed', { default: 0 })!;
  let path = str(args, 'holdout');
  let f = num(args, 'holdout-fraction');
  if (path !== undefined && f !== undefined)
    throw usage('give --holdout FILE or --holdout-fraction F, not both');
  if (path !== undefined && /^\s*[\d.]+\s*$/.test(path) && !existsSync(path)) {
    ctx.err(
      `note: --holdout ${path} as a fraction is deprecated; use --holdout-fraction ${path} (--holdout takes a file)`,
    );
    f = Number(path);
    path = undefined;
  }
  if (path !== undefined) return { table: await read(path) };
  f ??= fraction;
  if (!(f >= 0 && f < 1)) throw usage(`--holdout-fraction must be in [0, 1), got ${f}`);
  return { fraction: f, seed };
}

/** The fit flags as a pipeline `FitSpec`, checked against the synthesizer's contract before any file is read. */
export function fitFlags(args: ParsedArgs): FitSpec & { synthesizer: string } {
  const synthesizer = str(args, 'synthesizer') ?? 'gaussian-copula';
  const epsilon = num(args, 'epsilon');
  const delta = num(args, 'delta');
  const options = keyValues(args, 'option');
  const spec = {
    synthesizer,
    seed: int(args, 'seed', { default: 0 }),
    ...(epsilon !== undefined ? { epsilon } : {}),
    ...(delta !== undefined ? { delta } : {}),
    ...(Object.keys(options).length ? { options } : {}),
  };
  checkFitOptions(getSynthesizer(synthesizer), spec); // before any file is read (fit checks again)
  return spec;
}

export function readFlags(args: ParsedArgs): ReadOptions {
  const out: ReadOptions = {};
  const d = str(args, 'delimiter');
  if (d !== undefined) {
    const delim = d === '\\t' || d === 'tab' ? '\t' : d;
    if (delim.length !== 1) throw usage(`--delimiter must be one character, got "${d}"`);
    out.delimiter = delim;
  }
  const q = str(args, 'quote');
  if (q !== undefined && q.length !== 1) throw usage(`--quote must be one character, got "${q}"`);
  if (q !== undefined) out.quote = q;
  if (args.values['no-header'] === true) out.header = false;
  return out;
}
