import { int, requireStr, str, usage } from '../args.js';
import { gateExit, hooks, policyFlag, readerLike, readInput } from '../shared.js';
import { attackCountFlag, attacksFlag } from '../attacks.js';
import { withWorkerSearch } from '../../io/nn-workers.js';
import { fitFlags, holdoutFlags, privacyFlag } from '../flags.js';
import { readJobConstraints } from '../../io/documents.js';
import { filesIn, inputFiles, makeOutputDir, refuseOverwrite } from '../../io/overwrite.js';
import { runFolderFiles, runFolderFormat, writeRunFolder } from '../../io/run-folder.js';
import { runDatabase } from './relational.js';
import { isDatabaseInput } from '../../io/relational.js';
import { checkTarget, formatJob, jobSummary, runJob } from '../../pipeline/index.js';
/**
 * The body of `run` and `demo`: read the table, call the pipeline's `runJob`, write the run folder `outDir`
 * (io/run-folder.ts), print the summary; returns the exit code.
 */
export async function runJobCommand(path, outDir, args, ctx, defaults = {}) {
    const format = runFolderFormat(str(args, 'format'));
    const rows = int(args, 'rows', { min: 1, max: 100_000_000 });
    const privacy = privacyFlag(args);
    const evaluate = args.values['no-evaluate'] !== true;
    const what = str(args, 'sql') ? 'the database' : 'the input table';
    refuseOverwrite(inputFiles([path], args.values, what), filesIn(outDir, 'out-dir', runFolderFiles(format)));
    const attacks = attacksFlag(args);
    const nAttacks = attackCountFlag(args);
    const policy = await policyFlag(args);
    const fit = fitFlags(args);
    const { table, schema } = await readInput(path, args, ctx);
    const holdout = await holdoutFlags(args, ctx, readerLike(schema, ctx));
    const constraints = await readJobConstraints({ metadata: str(args, 'metadata'), disclosure: str(args, 'disclosure') }, schema, str(args, 'rebalance'), (w) => ctx.err(`warning: ${w}`));
    if (privacy && 'fraction' in holdout && holdout.fraction === 0)
        throw usage('--privacy on needs a holdout (--holdout FILE or --holdout-fraction > 0)');
    const target = str(args, 'target') ?? defaults.target;
    if (evaluate)
        checkTarget(table, schema, target); // before the folder is made
    await makeOutputDir(outDir, 'out-dir');
    const job = await withWorkerSearch((search) => runJob(table, schema, {
        ...fit,
        ...constraints,
        ...hooks(ctx),
        ...{ holdout, evaluate, rows, target, privacy, attacks, nAttacks, policy, search },
        title: `${fit.synthesizer} on ${path.split('/').pop()}`,
    }));
    const files = await writeRunFolder(outDir, job, schema, format);
    if (ctx.json)
        ctx.outJson({ outDir, ...jobSummary(job), files });
    else
        ctx.out([formatJob(job, policy !== undefined), ...Object.entries(files).map(([k, v]) => `${k}: ${v}`)].join('\n'));
    return job.gate ? gateExit(job.gate, policy !== undefined, ctx) : 0;
}
export const command = {
    name: 'run',
    positionals: ['table'],
    async run(args, ctx) {
        if (isDatabaseInput(args.positionals[0]) && args.values.sql === undefined)
            return runDatabase(args, ctx);
        const outDir = requireStr(args, 'out-dir', 'the folder to write into, e.g. --out-dir out/');
        return runJobCommand(args.positionals[0], outDir, args, ctx);
    },
};
//# sourceMappingURL=run.js.map