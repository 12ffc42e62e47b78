import { requireStr, str, usage } from '../args.js';
import { hooks, readInput, writeModel, outFile } from '../shared.js';
import { readCountingSchema, readRules } from '../../io/documents.js';
import { fitFlags, listFlag } from '../flags.js';
import { commandDoc } from '../help.js';
import { fitDatabase } from './relational.js';
import { isDatabaseInput } from '../../io/relational.js';
import { countsWhereRowsLive } from '../../io/count-source.js';
import { fit, fitCounted, privacyLabel } from '../../pipeline/release.js';
export const command = {
    name: 'fit',
    positionals: ['table'],
    optionalPositionals: 1,
    async run(args, ctx) {
        const source = args.positionals[0];
        const where = {
            table: str(args, 'table'),
            shards: str(args, 'shards'),
            pushdown: args.values.pushdown === true,
        };
        const counted = countsWhereRowsLive(source, where);
        if (!counted && source === undefined)
            throw usage(`lookalike fit: expected the table to fit (or --shards)\nUsage: ${commandDoc(command).usage}`);
        if (!counted && isDatabaseInput(source) && args.values.sql === undefined)
            return fitDatabase(args, ctx);
        // a URL or a glob names no file: only a table on disk is checked against --out
        const what = str(args, 'sql') ? 'the database' : 'the input table';
        const out = outFile(args, 'json', 'where to write the model, e.g. --out model.json', what);
        if (counted)
            return fitWhereRowsLive(args, ctx, out);
        const spec = fitFlags(args);
        const { table, schema } = await readInput(source, args, ctx);
        const rules = await readRules(str(args, 'metadata'), schema);
        const { model, seconds } = await fit(table, schema, { ...spec, ...hooks(ctx), rules });
        await writeModel(model, out);
        const facts = { rows: table.nRows, columns: table.nColumns, rules: rules.length, seconds };
        return done(ctx, out, spec.synthesizer, model.privacy, facts);
    },
};
/**
 * `fit` over rows counted where they live (issue 15, docs/scale.md): a PostgreSQL table (one server or shards), a
 * Parquet/CSV glob or file, a table of a `.duckdb` file. The rows are never loaded: the DP-marginal synthesizers
 * send count queries over the public domains of `--metadata`, and only counts come back. The engines' code loads
 * only on this path.
 */
async function fitWhereRowsLive(args, ctx, out) {
    const metadata = requireStr(args, 'metadata', 'the kinds, facts and public domains of the columns, e.g. --metadata meta.json (rows counted where they live are never read, so nothing is inferred: write it with `lookalike inspect` on a public sample or by hand, docs/scale.md)');
    if (str(args, 'sql') !== undefined)
        throw usage('--sql reads a query result into memory; counting where the rows live takes --table instead');
    const spec = { ...fitFlags(args), ...hooks(ctx) };
    const schema = await readCountingSchema(metadata);
    const { openCountableRows } = await import('../../io/count-sql.js');
    const where = { shards: listFlag(args, 'shards'), table: str(args, 'table'), onNote: spec.onNote };
    const rows = openCountableRows(args.positionals[0], where);
    const { model, seconds } = await fitCounted(rows, schema, spec).finally(() => rows.close());
    await writeModel(model, out);
    return done(ctx, out, spec.synthesizer, model.privacy, {
        source: rows.label,
        columns: schema.columns.length,
        seconds,
    });
}
function done(ctx, out, synthesizer, privacy, facts) {
    if (ctx.json)
        ctx.outJson({ model: out, synthesizer, privacy, ...facts });
    else
        ctx.out(`model: ${out}\nsynthesizer: ${synthesizer} — ${privacyLabel(privacy)}`);
    return 0;
}
//# sourceMappingURL=fit.js.map