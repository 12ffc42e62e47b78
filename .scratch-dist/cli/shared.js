import { readInputTable, readPolicy, readTableLike } from '../io/documents.js';
import { formatFailures } from '../policy/format.js';
import { checkOutputFile, inputFiles, refuseOverwrite } from '../io/overwrite.js';
import { requireStr, str } from './args.js';
import { readFlags } from './flags.js';
export { readModel, writeModelFile as writeModel } from '../io/documents.js';
/** The pipeline's hooks on the CLI's streams: progress and steps on stderr (not with --quiet/--json), notes too. */
export function hooks(ctx) {
    return { onProgress: ctx.progress, onStep: ctx.step, onNote: (n) => ctx.json || ctx.err(`note: ${n}`) };
}
/** Read the table a command names (and `--metadata`, `--sql`, the CSV flags), printing warnings on stderr. */
export function readInput(path, args, ctx) {
    const [metadataPath, sql] = [str(args, 'metadata'), str(args, 'sql')];
    const onWarning = (w) => ctx.err(`warning: ${w}`);
    return readInputTable(path, { ...readFlags(args), metadataPath, sql, onWarning, onStep: ctx.step });
}
/** A reader of tables with the real table's kinds (synthetic tables, holdouts), warnings on stderr. */
export function readerLike(schema, ctx) {
    return (path, subsample) => {
        ctx.step(`reading ${path}`);
        return readTableLike(path, schema, (w) => ctx.err(`warning: ${w}`), subsample);
    };
}
/** `--policy`, read and validated before any long work; undefined when not given. */
export async function policyFlag(args, evaluation) {
    const path = str(args, 'policy');
    return path ? readPolicy(path, evaluation) : undefined;
}
/**
 * The exit code of a command's gate, called last, after the outputs are written: with a policy given, 3 when a
 * target fails (the failing ones on stderr); without one (the default policy is for display), 0.
 */
export function gateExit(g, policyGiven, ctx) {
    if (!policyGiven || g.passed)
        return 0;
    ctx.err(`policy check failed (exit code 3): ${g.scorecard.summary}\n${formatFailures(g.scorecard)}`);
    return g.exitCode;
}
/** The files this command line reads (positionals named by `what`, in order; input-file flags), for refuseOverwrite. */
export function inputs(args, ...what) {
    return inputFiles(args.positionals, args.values, ...what);
}
/**
 * `--out`, checked before any work: required (`hint` says what to give), a `kind` file in an existing folder, and
 * not one of the files the command line reads (positionals named by `what`). `optionalOut` when it may be left out.
 */
export function outFile(args, kind, hint, ...what) {
    return optionalOut(args, kind, ...what) || requireStr(args, 'out', hint);
}
export function optionalOut(args, kind, ...what) {
    const out = str(args, 'out');
    if (out)
        checkOutputFile(out, 'out', kind);
    refuseOverwrite(inputs(args, ...what), [{ path: out, what: '--out' }]);
    return out;
}
//# sourceMappingURL=shared.js.map