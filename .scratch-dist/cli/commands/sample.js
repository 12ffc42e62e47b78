import { int, list, str, usage } from '../args.js';
import { readModel, outFile } from '../shared.js';
import { readConditionRows } from '../../io/documents.js';
import { parseConditionPairs } from '../../synthesizers/conditions.js';
import { writeTable, writeTableChunks } from '../../io/index.js';
import { sampleInChunks, SAMPLE_CHUNK_ROWS } from '../../synthesizers/chunks.js';
import { parseRebalance } from '../../constraints/rebalance.js';
import { isRelationalModelFile } from '../../io/relational.js';
import { privacyLabel, sample } from '../../pipeline/release.js';
import { sampleDatabase } from './relational.js';
export const command = {
    name: 'sample',
    positionals: ['model'],
    async run(args, ctx) {
        if (await isRelationalModelFile(args.positionals[0]))
            return sampleDatabase(args, ctx);
        const file = str(args, 'conditions');
        const rebalanceText = str(args, 'rebalance');
        const fixed = parseConditionPairs(list(args, 'condition'));
        const nFixed = Object.keys(fixed).length;
        if (rebalanceText !== undefined && (file !== undefined || nFixed))
            throw usage('--rebalance cannot be combined with --condition or --conditions');
        const rowsOpt = int(args, 'rows', { min: 1, max: 100_000_000 });
        if (rowsOpt === undefined && file === undefined)
            throw usage('--rows is required: how many rows to draw, e.g. --rows 1000');
        const seed = int(args, 'seed', { default: 0 });
        const out = outFile(args, 'table', 'where to write the rows, e.g. --out synthetic.csv', 'the model file');
        const rebalance = rebalanceText !== undefined ? parseRebalance(rebalanceText) : undefined;
        const model = await readModel(args.positionals[0]);
        const rowsOf = file ? await readConditionRows(file, fixed, (w) => ctx.err(`warning: ${w}`)) : undefined;
        const conditions = rowsOf ?? (nFixed ? fixed : undefined);
        const rows = rowsOpt ?? rowsOf.length;
        const pairs = Object.entries(fixed).map(([k, v]) => `${k}=${v}`);
        const how = file
            ? `, one per condition row of ${file}`
            : nFixed
                ? ` with ${pairs.join(', ')}`
                : rebalance
                    ? `, ${rebalance.column} rebalanced`
                    : '';
        ctx.step(`sampling ${rows.toLocaleString('en-US')} rows from ${model.synthesizer}${how} (seed ${seed})`);
        const t0 = Date.now();
        if (!conditions && !rebalance && rows > SAMPLE_CHUNK_ROWS)
            // constant memory for any --rows: chunk by chunk into the file (sampleInChunks says how the rows relate to
            // one unchunked draw)
            await writeTableChunks(sampleInChunks(model, rows, { seed, onProgress: ctx.progress }), out);
        else
            await writeTable(sample(model, rows, { seed, onProgress: ctx.progress, conditions, rebalance }), out);
        const seconds = (Date.now() - t0) / 1000;
        const { synthesizer, privacy } = model;
        if (ctx.json)
            ctx.outJson({
                ...{ out, rows, seed, synthesizer, privacy },
                ...(file ? { conditions: file } : {}),
                ...(nFixed ? { condition: fixed } : {}),
                ...(rebalance ? { rebalance } : {}),
                seconds,
            });
        else
            ctx.out(`wrote ${rows.toLocaleString('en-US')} rows to ${out} — ${synthesizer}, ${privacyLabel(privacy)}`);
        return 0;
    },
};
//# sourceMappingURL=sample.js.map