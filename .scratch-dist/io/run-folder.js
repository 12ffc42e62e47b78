/**
 * The folder `lookalike run` writes (README, "run folder"): metadata.json, model.json, synthetic.<format> and,
 * when the job evaluated, evaluation.json and report.html — each written atomically. The job is `runJob`'s
 * result, declared by shape (io/ sits below the pipeline).
 */
import { join } from 'node:path';
import { schemaToMetadata } from '../table/metadata.js';
import { LookalikeError } from '../errors.js';
import { WRITE_FORMATS, writeFileAtomic, writeTable } from './write.js';
import { writeDatabase } from './relational.js';
import { relationalMetadataToJSON } from '../relational/metadata.js';
/** `--format` of a run folder's synthetic table: one of WRITE_FORMATS (default csv), else a usage error. */
export function runFolderFormat(format = 'csv') {
    if (!WRITE_FORMATS.includes(format))
        throw new LookalikeError(`--format must be one of ${WRITE_FORMATS.join(', ')}, got "${format}"`, [], 'usage');
    return format;
}
/** The names of the files of a run folder, for the overwrite check before any work. */
export function runFolderFiles(format) {
    return ['metadata.json', 'model.json', `synthetic.${format}`, 'evaluation.json', 'report.html'];
}
/**
 * Write a job's outputs into `dir` (which exists); returns the paths written by name. metadata.json is the schema
 * the job used — beside a DP model, only what the model releases: its declared and DP domains (issue 10).
 */
export async function writeRunFolder(dir, job, schema, format) {
    const files = {
        metadata: join(dir, 'metadata.json'),
        model: join(dir, 'model.json'),
        synthetic: join(dir, `synthetic.${format}`),
    };
    const used = job.model.privacy.type === 'dp' ? job.model.schema : schema;
    await writeFileAtomic(files.metadata, `${JSON.stringify(schemaToMetadata(used), null, 2)}\n`);
    await writeFileAtomic(files.model, `${JSON.stringify(job.model.toJSON())}\n`);
    await writeTable(job.synthetic, files.synthetic);
    if (job.evaluation && job.report !== undefined) {
        files.evaluation = join(dir, 'evaluation.json');
        files.report = join(dir, 'report.html');
        await writeFileAtomic(files.evaluation, `${JSON.stringify(job.evaluation)}\n`);
        await writeFileAtomic(files.report, job.report);
    }
    return files;
}
/**
 * The folder `lookalike run <database>` writes: the synthetic database (`synthetic/` in `format`, or
 * synthetic.duckdb), metadata.json (the relational metadata used), model.json, evaluation.json and report.html.
 * `dir` exists; returns the paths written by name.
 */
export async function writeDatabaseRunFolder(dir, run, metadata, format) {
    const files = {
        metadata: join(dir, 'metadata.json'),
        model: join(dir, 'model.json'),
        synthetic: join(dir, format === 'duckdb' ? 'synthetic.duckdb' : 'synthetic'),
        evaluation: join(dir, 'evaluation.json'),
        report: join(dir, 'report.html'),
    };
    await writeDatabase(files.synthetic, run.synthetic, format === 'arrow' ? 'parquet' : format);
    await writeFileAtomic(files.metadata, `${JSON.stringify(relationalMetadataToJSON(metadata), null, 2)}\n`);
    await writeFileAtomic(files.model, `${JSON.stringify(run.model.toJSON())}\n`);
    await writeFileAtomic(files.evaluation, `${JSON.stringify(run.evaluation, null, 2)}\n`);
    await writeFileAtomic(files.report, run.report);
    return files;
}
/** What `lookalike sweep` writes beside its points: sweep.html (the frontier) and sweep.json (the summary). */
export async function writeSweepFolder(dir, html, summary) {
    await writeFileAtomic(join(dir, 'sweep.json'), `${JSON.stringify(summary, null, 2)}\n`);
    await writeFileAtomic(join(dir, 'sweep.html'), html);
    return join(dir, 'sweep.html');
}
//# sourceMappingURL=run-folder.js.map