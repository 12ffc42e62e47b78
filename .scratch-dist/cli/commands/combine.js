import { int, usage } from '../args.js';
import { hooks, outFile } from '../shared.js';
import { readJsonFile, writeTable } from '../../io/index.js';
import { combinedSummary, combineSites } from '../../synthesizers/federated/index.js';
export const command = {
    name: 'combine',
    positionals: ['site files'],
    variadic: true,
    async run(args, ctx) {
        const out = outFile(args, 'table', 'where to write the synthetic rows, e.g. --out synthetic.csv', 'a site file');
        const rowsOpt = int(args, 'rows', { min: 1, max: 100_000_000 });
        const seed = int(args, 'seed', { default: 0 });
        const iters = int(args, 'iters', { min: 1, default: 2000 });
        const paths = args.positionals;
        if (new Set(paths).size !== paths.length)
            throw usage('a site file is named twice');
        const files = [];
        for (const p of paths)
            files.push({ label: p, json: await readJsonFile(p, 'site measurements') });
        ctx.step(`combining ${paths.length} site file(s)`);
        const model = await combineSites(files, { iters, onProgress: hooks(ctx).onProgress });
        const rows = rowsOpt ?? model.defaultRows;
        ctx.step(`sampling ${rows.toLocaleString('en-US')} rows (seed ${seed})`);
        const table = model.sample(rows, { seed });
        await writeTable(table, out);
        const { json, text } = combinedSummary(model, { out, rows, seed });
        if (ctx.json)
            ctx.outJson(json);
        else
            ctx.out(text);
        return 0;
    },
};
//# sourceMappingURL=combine.js.map