import { readInputTable, readPolicy, readTableLike } from '../io/documents.js';
import type { Evaluation } from '../metrics/evaluation.js';
import type { BuildResult } from '../table/infer.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { formatFailures } from '../policy/format.js';
import type { Policy } from '../policy/types.js';
import type { Gate, StepHooks } from '../pipeline/index.js';
import type { CliContext, ParsedArgs } from './command.js';
import { checkOutputFile, inputFiles, refuseOverwrite, type FileRole } from '../io/overwrite.js';
import { requireStr, str } from './args.js';
import { readFlags } from './flags.js';

type OutputKind = Parameters<typeof checkOutputFile>[2];

export { readModel, writeModelFile as writeModel } from '../io/documents.js';

/** The pipeline's hooks on the CLI's streams: progress and steps on stderr (not with --quiet/--json), notes too. */
export function hooks(ctx: CliContext): StepHooks {
  return { onProgress: ctx.progress, onStep: ctx.step, onNote: (n) => ctx.json || ctx.err(`note: ${n}`) };
}

/** Read the table a command names (and `--metadata`, `--sql`, the CSV flags), printing warnings on stderr. */
export function readInput(path: string, args: ParsedArgs, ctx: CliContext): Promise<BuildResult> {
  const [metadataPath, sql] = [str(args, 'metadata'), str(args, 'sql')];
  const onWarning = (w: string) => ctx.err(`warning: ${w}`);
  return readInputTable(path, { ...readFlags(args), metadataPath, sql, onWarning, onStep: ctx.step });
}

/** A reader of tables with the real table's kinds (synthetic tables, holdouts), warnings on stderr. */
export function readerLike(
  schema: Schema,
  ctx: CliContext,
): (path: string, subsample?: (rows: number) => Int32Array | null) => Promise<Table> {
  return (path, subsample) => {
    ctx.step(`reading ${path}`);
    return readTableLike(path, schema, (w) => ctx.err(`warning: ${w}`), subsample);
  };
}

/** `--policy`, read and validated before any long work; undefined when not given. */
export async function policyFlag(args: ParsedArgs, evaluation?: Evaluation): Promise<Policy | undefined> {
  const path = str(args, 'policy');
  return path ? readPolicy(path, evaluation) : undefined;
}

/**
 * The exit code of a command's gate, called last, after the outputs are written: with a policy given, 3 when a
 * target fails (the failing ones on stderr); without one (the default policy is for display), 0.
 */
export function gateExit(g: Gate, policyGiven: boolean, ctx: CliContext): number {
  if (!policyGiven || g.passed) return 0;
  ctx.err(`policy check failed (exit code 3): ${g.scorecard.summary}\n${formatFailures(g.scorecard)}`);
  return g.exitCode;
}

/** The files this command line reads (positionals named by `what`, in order; input-file flags), for refuseOverwrite. */
export function inputs(args: ParsedArgs, ...what: string[]): FileRole[] {
  return inputFiles(args.positionals, args.values, ...what);
}

/**
 * `--out`, checked before any work: required (`hint` says what to give), a `kind` file in an existing folder, and
 * not one of the files the command line reads (positionals named by `what`). `optionalOut` when it may be left out.
 */
export function outFile(args: ParsedArgs, kind: OutputKind, hint: string, ...what: string[]): string {
  return optionalOut(args, kind, ...what) || requireStr(args, 'out', hint);
}

export function optionalOut(args: ParsedArgs, kind: OutputKind, ...what: string[]): string | undefined {
  const out = str(args, 'out');
  if (out) checkOutputFile(out, 'out', kind);
  refuseOverwrite(inputs(args, ...what), [{ path: out, what: '--out' }]);
  return out;
}
