import { int, list, num, requireStr, str, usage } from '../args.js';
import { inputs, readModel } from '../shared.js';
import { readTable, writeJsonFile, writeTable } from '../../io/index.js';
import { applyDisclosureControl, disclosureStepsFromText, guaranteeAfter, } from '../../constraints/disclosure.js';
import { formatDisclosure } from '../../pipeline/disclose.js';
import { readDisclosureSteps } from '../../io/documents.js';
import { checkOutputFile, refuseOverwrite } from '../../io/overwrite.js';
export const command = {
    name: 'disclose',
    positionals: ['synthetic'],
    async run(args, ctx) {
        const out = requireStr(args, 'out', 'where to write the filtered table, e.g. --out released.csv');
        checkOutputFile(out, 'out', 'table');
        const reportPath = str(args, 'report');
        if (reportPath !== undefined)
            checkOutputFile(reportPath, 'report', 'json');
        const outputs = [
            { path: out, what: '--out' },
            { path: reportPath, what: '--report' },
        ];
        refuseOverwrite(inputs(args, 'the input table'), outputs);
        const [stepsFile, modelPath] = [str(args, 'steps'), str(args, 'model')];
        const model = modelPath ? await readModel(modelPath) : null;
        const steps = disclosureStepsFromText({
            ...(stepsFile !== undefined ? { fromFile: await readDisclosureSteps(stepsFile) } : {}),
            mergeRare: int(args, 'merge-rare', { min: 2 }),
            topCode: list(args, 'top-code'),
            round: list(args, 'round'),
            kAnonymise: int(args, 'k-anonymise', { min: 2 }),
            quasiIdentifiers: str(args, 'quasi-identifiers'),
            maxSuppression: num(args, 'max-suppression'),
            removeTrainingMatches: str(args, 'remove-training-matches') !== undefined,
        }, model?.schema ?? null);
        const trainingPath = str(args, 'remove-training-matches');
        const wantsTraining = steps.some((s) => s.type === 'remove-training-matches');
        if (wantsTraining && trainingPath === undefined)
            throw usage('the remove-training-matches step needs the training table: --remove-training-matches TRAIN');
        const read = async (path) => (await readTable(path, { onWarning: (w) => ctx.err(`warning: ${w}`) })).table;
        ctx.step(`reading ${args.positionals[0]}`);
        const table = await read(args.positionals[0]);
        if (wantsTraining)
            ctx.err('warning: --remove-training-matches reads the training data; such filters can leak it (ReconSyn): the release is not differentially private');
        const training = wantsTraining ? await read(trainingPath) : undefined;
        ctx.step(`applying ${steps.length} disclosure-control step${steps.length > 1 ? 's' : ''}`);
        const { table: filtered, report } = applyDisclosureControl(table, steps, training);
        await writeTable(filtered, out);
        const after = model ? guaranteeAfter(model.privacy, report) : undefined;
        const why = report.warning ? { why: report.warning } : {};
        const guarantee = model && after ? { before: model.privacy, after, ...why } : undefined;
        const json = { ...report, ...(guarantee ? { guarantee } : {}) };
        if (reportPath !== undefined)
            await writeJsonFile(reportPath, json, 2);
        if (ctx.json)
            ctx.outJson({ out, ...(reportPath ? { report: reportPath } : {}), ...json });
        else
            ctx.out(formatDisclosure(report, out, guarantee));
        return 0;
    },
};
//# sourceMappingURL=disclose.js.map