import type { Evaluation } from '../metrics/evaluation.js';
import type { BuildResult } from '../table/infer.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import type { Policy } from '../policy/types.js';
import type { Gate, StepHooks } from '../pipeline/index.js';
import type { CliContext, ParsedArgs } from './command.js';
import { checkOutputFile, type FileRole } from '../io/overwrite.js';
type OutputKind = Parameters<typeof checkOutputFile>[2];
export { readModel, writeModelFile as writeModel } from '../io/documents.js';
/** The pipeline's hooks on the CLI's streams: progress and steps on stderr (not with --quiet/--json), notes too. */
export declare function hooks(ctx: CliContext): StepHooks;
/** Read the table a command names (and `--metadata`, `--sql`, the CSV flags), printing warnings on stderr. */
export declare function readInput(path: string, args: ParsedArgs, ctx: CliContext): Promise<BuildResult>;
/** A reader of tables with the real table's kinds (synthetic tables, holdouts), warnings on stderr. */
export declare function readerLike(schema: Schema, ctx: CliContext): (path: string, subsample?: (rows: number) => Int32Array | null) => Promise<Table>;
/** `--policy`, read and validated before any long work; undefined when not given. */
export declare function policyFlag(args: ParsedArgs, evaluation?: Evaluation): Promise<Policy | undefined>;
/**
 * The exit code of a command's gate, called last, after the outputs are written: with a policy given, 3 when a
 * target fails (the failing ones on stderr); without one (the default policy is for display), 0.
 */
export declare function gateExit(g: Gate, policyGiven: boolean, ctx: CliContext): number;
/** The files this command line reads (positionals named by `what`, in order; input-file flags), for refuseOverwrite. */
export declare function inputs(args: ParsedArgs, ...what: string[]): FileRole[];
/**
 * `--out`, checked before any work: required (`hint` says what to give), a `kind` file in an existing folder, and
 * not one of the files the command line reads (positionals named by `what`). `optionalOut` when it may be left out.
 */
export declare function outFile(args: ParsedArgs, kind: OutputKind, hint: string, ...what: string[]): string;
export declare function optionalOut(args: ParsedArgs, kind: OutputKind, ...what: string[]): string | undefined;
