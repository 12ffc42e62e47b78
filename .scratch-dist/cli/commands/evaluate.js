import { int, str, usage } from '../args.js';
import { gateExit, hooks, optionalOut, policyFlag, readerLike, readInput } from '../shared.js';
import { attackCountFlag, attacksFlag } from '../attacks.js';
import { withWorkerSearch } from '../../io/nn-workers.js';
import { readModelSummary } from '../../io/documents.js';
import { privacyFlag } from '../flags.js';
import { evaluateDatabase } from './relational.js';
import { isDatabaseInput } from '../../io/relational.js';
import { writeJsonFile } from '../../io/index.js';
import { formatSummary } from '../../metrics/index.js';
import { formatScorecard } from '../../policy/index.js';
import { assess, attackList, gate, shadowSynthesizer } from '../../pipeline/index.js';
import { EVALUATE_MAX_ROWS, subsamplePicker } from '../../metrics/subsample.js';
export const command = {
    name: 'evaluate',
    positionals: ['real', 'synthetic'],
    async run(args, ctx) {
        if (isDatabaseInput(args.positionals[0]))
            return evaluateDatabase(args, ctx);
        const out = optionalOut(args, 'json', 'the real table', 'the synthetic table');
        if (out === undefined && !ctx.json)
            throw usage('--out is required (where to write the evaluation, e.g. --out evaluation.json) unless --json is given');
        const [realPath, synthPath] = args.positionals;
        const holdoutPath = str(args, 'holdout');
        const modelPath = str(args, 'model');
        const privacy = privacyFlag(args);
        if (privacy && holdoutPath === undefined)
            throw usage('--privacy on needs --holdout: the attacks compare the synthetic rows with real rows the synthesizer never saw');
        const attacks = attacksFlag(args);
        const nAttacks = attackCountFlag(args);
        const model = modelPath ? await readModelSummary(modelPath) : null;
        const synthesizer = shadowSynthesizer(attacks, str(args, 'synthesizer') ?? model?.synthesizer);
        const seed = int(args, 'seed', { default: 0 });
        const maxRows = int(args, 'max-rows', { min: 100 });
        const policy = await policyFlag(args);
        const real = await readInput(realPath, args, ctx);
        const readLike = readerLike(real.schema, ctx);
        // Without the attacks, the synthetic table and the holdout are read as evaluate's own seeded subsample of
        // them (at most --max-rows rows, streamed out of the file: a 100M-row file is never loaded). The attacks read
        // every synthetic and holdout row (a real record copied into any synthetic row is what they look for), so
        // with them the tables are read whole, and evaluate subsamples only what its metrics read.
        const attacksRun = holdoutPath !== undefined && privacy !== false && attackList(attacks)?.length !== 0;
        const cap = maxRows ?? EVALUATE_MAX_ROWS;
        const [synthPick, holdoutPick] = ['synthetic', 'holdout'].map((place) => attacksRun ? undefined : subsamplePicker(cap, seed ?? 0, place));
        const synthetic = await readLike(synthPath, synthPick?.pick);
        const holdout = holdoutPath ? await readLike(holdoutPath, holdoutPick?.pick) : null;
        const [synthCut, holdoutCut] = [synthPick?.info(), holdoutPick?.info()];
        const subsampled = {
            ...(synthCut ? { synthetic: synthCut } : {}),
            ...(holdoutCut ? { holdout: holdoutCut } : {}),
        };
        const target = str(args, 'target');
        const evaluation = await withWorkerSearch((search) => assess(real.table, synthetic, holdout, {
            ...hooks(ctx),
            schema: real.schema,
            seed,
            guarantee: model?.privacy ?? null,
            ...{ target, privacy, attacks, nAttacks, search, synthesizer },
            ...(maxRows !== undefined ? { maxRows } : {}),
            ...(synthCut || holdoutCut ? { subsampled } : {}),
        }));
        if (out !== undefined)
            await writeJsonFile(out, evaluation);
        if (ctx.json)
            ctx.outJson(evaluation);
        else
            ctx.out(`${formatSummary(evaluation)}\nevaluation: ${out}`);
        if (!policy)
            return 0;
        const g = gate(evaluation, policy, model?.privacy ?? null);
        if (!ctx.json)
            ctx.out(formatScorecard(g.scorecard));
        return gateExit(g, true, ctx);
    },
};
//# sourceMappingURL=evaluate.js.map