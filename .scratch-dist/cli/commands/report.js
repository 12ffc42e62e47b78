import { str, usage } from '../args.js';
import { gateExit, optionalOut, policyFlag } from '../shared.js';
import { readEvaluation, readModelSummary } from '../../io/documents.js';
import { writeFileAtomic } from '../../io/index.js';
import { formatScorecard } from '../../policy/index.js';
import { gate, renderReport, reportFormat } from '../../pipeline/index.js';
export const command = {
    name: 'report',
    positionals: ['evaluation'],
    async run(args, ctx) {
        const out = optionalOut(args, 'any', 'the evaluation file');
        const format = reportFormat(str(args, 'format'), out);
        if (format === 'html' && !out)
            throw usage('--out is required for an HTML report, e.g. --out report.html');
        // report -m: the old spelling of --model (-m is --metadata everywhere else)
        const modelPath = str(args, 'model') ?? str(args, 'metadata');
        if (str(args, 'model') === undefined && modelPath !== undefined)
            ctx.err('note: report -m for the model file is deprecated (-m means --metadata elsewhere); use --model');
        const evaluation = await readEvaluation(args.positionals[0]);
        const policy = await policyFlag(args, evaluation);
        const model = modelPath ? await readModelSummary(modelPath) : null;
        const g = gate(evaluation, policy, model?.privacy ?? null);
        const title = str(args, 'title');
        ctx.step(`rendering the ${format} report`);
        const t0 = Date.now();
        const text = await renderReport({
            evaluation,
            scorecard: g.scorecard,
            model,
            format,
            ...(title ? { title } : {}),
        });
        const seconds = (Date.now() - t0) / 1000;
        const bytes = Buffer.byteLength(text);
        if (out)
            await writeFileAtomic(out, text);
        const { verdict, summary } = g.scorecard;
        if (ctx.json)
            ctx.outJson({ report: out ?? null, format, verdict, summary, seconds, bytes });
        else if (out) {
            if (policy)
                ctx.out(formatScorecard(g.scorecard));
            ctx.out(`report: ${out} (${(bytes / 1024).toFixed(0)} KB, ${seconds.toFixed(1)} s)\n${summary}`);
        }
        else
            ctx.out(text);
        if (!model && !ctx.json)
            ctx.err('note: no --model given: the report cannot state the privacy guarantee');
        return gateExit(g, policy !== undefined, ctx);
    },
};
//# sourceMappingURL=report.js.map