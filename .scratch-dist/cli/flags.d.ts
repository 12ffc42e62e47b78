import type { CliContext, ParsedArgs } from './command.js';
import { type ReadOptions } from '../io/read.js';
import type { FitSpec, HoldoutSpec } from '../pipeline/index.js';
import type { Table } from '../table/table.js';
/**
 * Readers of the flags of the commands that run the pipeline: each turns flags into a checked pipeline spec. The
 * flags themselves — one name, one meaning and one help line across commands (`-m` is `--metadata` everywhere,
 * `--holdout` a file everywhere) — are declared in docs/cli.md (help.ts). Nothing heavy is imported here.
 */
/** A comma-separated list flag, empty items dropped; a usage error when nothing is left. */
export declare function listFlag(args: ParsedArgs, name: string): string[] | undefined;
/** `--privacy on|off`: undefined when not given. */
export declare function privacyFlag(args: ParsedArgs): boolean | undefined;
/**
 * Where the holdout comes from: `--holdout FILE` (read by `read`), else `--holdout-fraction` (default `fraction`).
 * The old `run --holdout 0.2` (a number, and no such file) still means a fraction, with a deprecation note.
 */
export declare function holdoutFlags(args: ParsedArgs, ctx: CliContext, read: (path: string) => Promise<Table>, fraction?: number): Promise<HoldoutSpec>;
/** The fit flags as given (no synthesizer when none is named): seed, ε, δ and `--option key=value` pairs. */
export declare function fitValues(args: ParsedArgs): FitSpec & {
    synthesizer?: string;
};
/** The fit flags as a pipeline `FitSpec`, checked against the synthesizer's contract before any file is read. */
export declare function fitFlags(args: ParsedArgs): FitSpec & {
    synthesizer: string;
};
/** The CSV flags (`--delimiter`, `--quote`, `--no-header`) as read options. */
export declare function readFlags(args: ParsedArgs): ReadOptions;
