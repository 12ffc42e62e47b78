import { join } from 'node:path';
import { int, num, requireStr, str } from '../args.js';
import { hooks, inputs, policyFlag, readerLike, readInput } from '../shared.js';
import { holdoutFlags, listFlag } from '../flags.js';
import { attackCountFlag, attacksFlag } from '../attacks.js';
import { withWorkerSearch } from '../../io/nn-workers.js';
import { filesIn, makeOutputDir, refuseOverwrite } from '../../io/overwrite.js';
import { readRules } from '../../io/documents.js';
import { writeSweepFolder } from '../../io/run-folder.js';
import { fileSweepStore } from '../../io/sweep-store.js';
import { LookalikeError } from '../../errors.js';
import { renderSweepHtml } from '../../report/sweep.js';
import { checkTarget, formatSweep, holdOut, sweep, sweepProblems, parseEpsilons, sweepBaselines, sweepSummary, } from '../../pipeline/index.js';
export const command = {
    name: 'sweep',
    positionals: ['table'],
    async run(args, ctx) {
        const outDir = requireStr(args, 'out-dir', 'the folder to write into, e.g. --out-dir sweep/');
        const problems = [];
        const epsilons = listFlag(args, 'epsilons');
        const attacks = attacksFlag(args, problems);
        const synthesizers = listFlag(args, 'synthesizers') ??
            requireStr(args, 'synthesizers', 'e.g. --synthesizers mst,aim').split(',');
        const spec = {
            ...hooks(ctx),
            synthesizers,
            baselines: sweepBaselines(listFlag(args, 'baselines'), synthesizers),
            epsilons: epsilons && parseEpsilons(epsilons, problems),
            delta: num(args, 'delta'),
            attacks,
            nAttacks: attackCountFlag(args),
            seed: int(args, 'seed', { default: 0 }),
            rows: int(args, 'rows', { min: 1, max: 100_000_000 }),
        };
        problems.push(...sweepProblems({ ...spec, attacks: undefined }));
        if (problems.length)
            throw new LookalikeError('cannot start the sweep:', problems, 'usage');
        const tablePath = args.positionals[0];
        const pointsDir = [{ path: join(outDir, 'points'), what: 'the --out-dir points folder' }];
        refuseOverwrite(inputs(args, 'the input table'), filesIn(outDir, 'out-dir', ['sweep.html', 'sweep.json']), pointsDir);
        const policy = await policyFlag(args);
        const { table, schema } = await readInput(tablePath, args, ctx);
        const target = checkTarget(table, schema, str(args, 'target'));
        const rules = await readRules(str(args, 'metadata'), schema);
        const split = await holdoutFlags(args, ctx, readerLike(schema, ctx));
        const { train, holdout } = holdOut(table, split, hooks(ctx));
        const [metadata, holdoutFile, fraction] = ['metadata', 'holdout', 'holdout-fraction'].map((f) => str(args, f));
        const settings = { table: tablePath, metadata: metadata ?? null, holdout: holdoutFile ?? null };
        const given = { ...settings, ...(fraction !== undefined ? { holdoutFraction: fraction } : {}) };
        await makeOutputDir(pointsDir[0].path, 'out-dir');
        const all = { ...spec, inputs: given, target, policy, ...(rules.length ? { rules } : {}) };
        const store = fileSweepStore(pointsDir[0].path);
        const r = await withWorkerSearch((search) => sweep(train, holdout, schema, { ...all, search }, store));
        ctx.step('drawing the frontier');
        const html = await renderSweepHtml(r.points, { failures: r.failures, table: tablePath });
        const summary = sweepSummary(r, tablePath);
        const page = await writeSweepFolder(outDir, html, summary);
        if (ctx.json)
            ctx.outJson(summary);
        else
            ctx.out(`${formatSweep(r)}\nsweep: ${page}`);
        return r.points.length === 0 && r.failures.length > 0 ? 1 : 0;
    },
};
//# sourceMappingURL=sweep.js.map