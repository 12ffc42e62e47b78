/**
 * The CLI on a database (a folder of table files or a DuckDB file): `inspect`, `fit`, `sample`, `evaluate` and
 * `run` hand a database input to these functions (docs/relational.md, "CLI"). The options are those of the
 * single-table commands, read the relational way: `--metadata` is a relational metadata file, `--out` of
 * `sample` a folder (or a .duckdb file), `--epsilon` asks for DP per person. The work is the library's
 * (`relational/job.ts`, `pipeline/relational.ts`); reading and writing databases is `io/relational.ts`.
 */
import { join } from 'node:path';
import { flag, int, num, requireStr, str, usage } from '../args.js';
import { fitValues } from '../flags.js';
import { hooks, inputs } from '../shared.js';
import { writeDatabaseRunFolder } from '../../io/run-folder.js';
import { checkOutputDir, makeOutputDir, refuseOverwrite } from '../../io/overwrite.js';
import { readJsonFile, writeJsonFile } from '../../io/index.js';
import * as io from '../../io/relational.js';
import { evaluateRelational } from '../../relational/evaluate.js';
import { checkRelational } from '../../relational/metadata.js';
import * as job from '../../relational/job.js';
import { runDatabaseJob } from '../../pipeline/relational.js';
/** The database and its metadata (given, or inferred with a note), read with progress lines. */
async function readWithMetadata(path, args, ctx, lenient) {
    const onWarning = (w) => ctx.err(`warning: ${w}`);
    const r = await io.readDatabaseWithMetadata(path, str(args, 'metadata'), {
        lenient,
        onStep: ctx.step,
        onWarning,
    });
    if (r.inferred && !ctx.json && lenient === undefined)
        ctx.err(`note: no --metadata: keys inferred from the data; review them with lookalike inspect ${path} --out relational.json`);
    return r;
}
/** `lookalike inspect <folder or .duckdb>`: propose keys, check them, write the metadata for review. */
export async function inspectDatabase(args, ctx) {
    const path = args.positionals[0];
    const out = str(args, 'out');
    if (out && !out.endsWith('.json'))
        throw usage(`--out: expected a .json file, got "${out}"`);
    refuseOverwrite(inputs(args, 'the input database'), [{ path: out, what: '--out file' }]);
    const { db, meta, inferred } = await readWithMetadata(path, args, ctx, true);
    const check = checkRelational(meta, db.tables);
    const pub = flag(args, 'public-domains');
    const review = job.reviewMetadata(meta, db.schemas, pub);
    if (out) {
        await writeJsonFile(out, review, 2);
        ctx.step(`wrote ${out}${pub ? ' (every domain marked public: review it)' : ' (review the keys)'}`);
    }
    const tables = Object.entries(db.tables).map(([n, t]) => [n, { rows: t.nRows, columns: t.nColumns }]);
    const title = `${io.databaseName(path)}: ${meta.tables.length} tables (${db.format})`;
    if (ctx.json)
        ctx.outJson({
            ...{ database: io.databaseName(path), format: db.format, tables: Object.fromEntries(tables) },
            ...{ metadata: review, notes: inferred?.notes ?? [], problems: check.problems },
        });
    else
        ctx.out(job.formatDatabaseInspection(title, meta, db.tables, inferred?.notes ?? [], check.problems));
    return check.problems.length ? 1 : 0;
}
/** `lookalike fit <folder or .duckdb> --out model.json`. */
export async function fitDatabase(args, ctx) {
    const out = requireStr(args, 'out', 'where to write the model, e.g. --out model.json');
    if (!out.endsWith('.json'))
        throw usage(`--out: expected a .json file, got "${out}"`);
    refuseOverwrite(inputs(args, 'the input database'), [{ path: out, what: '--out file' }]);
    const path = args.positionals[0];
    const { db, meta } = await readWithMetadata(path, args, ctx);
    const name = io.databaseName(path);
    const { model, seconds } = await job.fitDatabase(name, meta, db.tables, db.schemas, {
        ...hooks(ctx),
        ...fitValues(args),
    });
    await writeJsonFile(out, model.toJSON());
    if (ctx.json)
        ctx.outJson({ out, privacy: model.privacy, seconds });
    else
        ctx.out(`wrote ${out} — relational model, ${job.databasePrivacyLabel(model.privacy)}`);
    return 0;
}
/** `lookalike sample <relational model.json> --out <folder or .duckdb> [--scale X]`. */
export async function sampleDatabase(args, ctx) {
    const out = requireStr(args, 'out', 'where to write the tables: a folder, or a .duckdb file');
    const seed = int(args, 'seed', { default: 0 });
    const scale = num(args, 'scale') ?? 1;
    if (!(scale > 0))
        throw usage(`--scale must be a number > 0 (got ${scale})`);
    if (args.values.rows !== undefined)
        throw usage('--rows is for one table; a database is sampled at --scale X times the real number of rows');
    const path = args.positionals[0];
    const model = await job.openRelationalModel(await readJsonFile(path, 'model file'), path);
    ctx.step(`sampling a database (scale ${scale}, seed ${seed})`);
    const t0 = Date.now();
    const names = model.metadata.tables.map((t) => t.name);
    io.refuseExistingDatabase(out, 'out', names);
    const { tables, notes } = model.sample({ seed, scale, onProgress: ctx.progress });
    for (const n of notes)
        ctx.err(`note: ${n}`);
    const format = io.databaseOutputFormat(out, str(args, 'format'));
    const files = await io.writeDatabase(out, tables, format);
    const seconds = (Date.now() - t0) / 1000;
    const rows = Object.fromEntries(Object.entries(tables).map(([n, t]) => [n, t.nRows]));
    if (ctx.json)
        ctx.outJson({ out, format, files, rows, seed, scale, privacy: model.privacy, seconds });
    else
        ctx.out(job.formatDatabaseSample(out, format, rows, model.privacy));
    return 0;
}
/** `lookalike evaluate <real db> <synthetic db> [--metadata M] [--out evaluation.json]`. */
export async function evaluateDatabase(args, ctx) {
    const [realPath, synthPath] = args.positionals;
    if (!io.isDatabaseInput(synthPath))
        throw usage('the real data is a database (folder or .duckdb); give the synthetic one the same way');
    const out = str(args, 'out');
    if (out && !out.endsWith('.json'))
        throw usage(`--out: expected a .json file, got "${out}"`);
    refuseOverwrite(inputs(args, 'the real database', 'the synthetic database'), [
        { path: out, what: '--out file' },
    ]);
    const { db, meta } = await readWithMetadata(realPath, args, ctx);
    const columnMetadata = Object.fromEntries(meta.tables.map((t) => [t.name, t.metadata]));
    const synth = await io.readDatabase(synthPath, { lenient: true, columnMetadata });
    const ev = evaluateRelational(meta, db.tables, synth.tables);
    if (out)
        await writeJsonFile(out, ev, 2);
    if (ctx.json)
        ctx.outJson(ev);
    else
        ctx.out(job.formatRelationalEvaluation(ev));
    return 0;
}
/** `lookalike run <folder or .duckdb> --out-dir DIR`: fit, sample, evaluate, report. */
export async function runDatabase(args, ctx) {
    const path = args.positionals[0];
    const outDir = requireStr(args, 'out-dir', 'the folder to write into, e.g. --out-dir out/');
    checkOutputDir(outDir, 'out-dir');
    const names = ['metadata.json', 'model.json', 'evaluation.json', 'report.html'];
    const outputs = names.map((n) => ({ path: join(outDir, n), what: `--out-dir file ${n}` }));
    refuseOverwrite(inputs(args, 'the input database'), outputs, [{ path: outDir, what: '--out-dir' }]);
    const { db, meta } = await readWithMetadata(path, args, ctx);
    const name = io.databaseName(path);
    const r = await runDatabaseJob(name, meta, db.tables, db.schemas, { ...hooks(ctx), ...fitValues(args) });
    for (const n of r.notes)
        ctx.err(`note: ${n}`);
    await makeOutputDir(outDir, 'out-dir');
    const files = await writeDatabaseRunFolder(outDir, r, meta, db.format);
    const { privacy } = r.model;
    if (ctx.json)
        ctx.outJson({ files, privacy, fitSeconds: r.fitSeconds, summary: r.evaluation.summary });
    else {
        const where = Object.entries(files).map(([k, v]) => `${k}: ${v}`);
        const text = job.formatRelationalEvaluation(r.evaluation);
        ctx.out([`${name}: ${job.databasePrivacyLabel(privacy)}`, text, '', ...where].join('\n'));
    }
    return 0;
}
//# sourceMappingURL=relational.js.map