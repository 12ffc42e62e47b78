/**
 * The documents the commands read besides tables — policies, model files — and tables read "alike" a real one
 * (synthetic tables, holdouts): each with a message naming the file and the problem, never its content.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { LookalikeError } from '../errors.js';
import { asEvaluation } from '../metrics/evaluation.js';
import { DEFAULT_POLICY, defaultPolicyText } from '../policy/default.js';
import { modelSummary } from '../report/model.js';
import { openModel } from '../synthesizers/registry.js';
import { PrivacyLedger } from '../privacy/ledger.js';
import { parseMetadata, schemaFromMetadata, schemaToMetadata } from '../table/metadata.js';
import { readJsonFile } from './json.js';
import { writeFileAtomic } from './write.js';
import { readTable } from './read.js';
import { readSqlTable } from './sql.js';
import { parseRules } from '../constraints/parse.js';
import { parseRebalance } from '../constraints/rebalance.js';
import { parseDisclosureSteps } from '../constraints/disclosure.js';
import { withFixedConditions } from '../synthesizers/conditions.js';
/** Read a text file, with the same kind of messages as readJsonFile. */
export async function readTextFile(path, what) {
    try {
        return await readFile(path, 'utf8');
    }
    catch (e) {
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw new LookalikeError(`${what} not found: ${path}`);
        if (code === 'EISDIR')
            throw new LookalikeError(`cannot read ${what} ${path}: it is a directory, not a file`);
        throw new LookalikeError(`cannot read ${what} ${path}: ${code ?? 'unknown error'}`);
    }
}
/** An evaluation file (`lookalike evaluate --out`), validated. */
export async function readEvaluation(path) {
    return asEvaluation(await readJsonFile(path, 'evaluation file'), path);
}
/** Read and validate a policy file; ids of metrics present in `evaluation` are accepted besides the catalog's. */
export async function readPolicy(path, evaluation) {
    const text = await readTextFile(path, 'policy file');
    // loaded here, not above: the policy modules read the metric registry, which commands without a policy skip
    const [{ parsePolicy }, { evaluationMetricIds }] = await Promise.all([
        import('../policy/parse.js'),
        import('../policy/apply.js'),
    ]);
    return parsePolicy(text, {
        source: path,
        ...(evaluation ? { knownIds: evaluationMetricIds(evaluation) } : {}),
    });
}
/** Read and validate a model file, loading its synthesizer's code. */
export async function readModel(path) {
    const json = await readJsonFile(path, 'model file');
    try {
        return await openModel(json, path);
    }
    catch (e) {
        if (e instanceof LookalikeError)
            throw e;
        throw new LookalikeError(`${path} is not a valid lookalike model: ${e.message}`);
    }
}
/** Read a model file for its guarantee and ledger (validated like any model file). */
export async function readModelSummary(path) {
    const json = await readJsonFile(path, 'model file');
    await openModel(json, path);
    return modelSummary(json);
}
/**
 * Metadata that reads the synthetic table and the holdout with the real table's kinds, formats and missing-value
 * markers (domains are left out: category lists are matched by name when the tables are compared).
 */
export function readAlikeMetadata(schema) {
    const m = schemaToMetadata(schema);
    return parseMetadata({
        ...m,
        columns: m.columns.map((c) => {
            const { domain: _domain, nullable: _nullable, role: _role, ...rest } = c;
            return rest;
        }),
    }, 'the real table’s schema');
}
/**
 * Read a table with the real table's column kinds (a synthetic table, a holdout); warnings go to `onWarning`;
 * `subsample` as in `ReadOptions` (only the rows it keeps are read).
 */
export async function readTableLike(path, schema, onWarning, subsample) {
    const r = await readTable(path, {
        metadata: readAlikeMetadata(schema),
        onWarning,
        ...(subsample ? { subsample } : {}),
    });
    for (const w of r.warnings)
        onWarning(w);
    return r.table;
}
/**
 * Read the table a command names: a file (with `read`'s CSV options) or, with `sql`, a query on a DuckDB database
 * file; with the metadata file at `metadataPath` when given. Warnings go to `onWarning`, what is read and how much
 * to `onStep`.
 */
export async function readInputTable(path, opts) {
    const { metadataPath, sql, onWarning, onStep, ...read } = opts;
    onStep?.(sql ? `querying ${path}` : `reading ${path}`);
    const t0 = Date.now();
    const metadata = metadataPath
        ? parseMetadata(await readJsonFile(metadataPath, 'metadata file'), metadataPath)
        : undefined;
    const res = sql
        ? await readSqlTable(path, sql, { metadata })
        : await readTable(path, { ...read, metadata, onWarning });
    for (const w of res.warnings)
        onWarning(w);
    const [rows, s] = [res.table.nRows.toLocaleString('en-US'), ((Date.now() - t0) / 1000).toFixed(1)];
    onStep?.(`  ${rows} rows × ${res.table.nColumns} columns (${s} s)`);
    return res;
}
/**
 * The rows of a condition table file (any format lookalike reads) with the `fixed` conditions added to every row
 * (`withFixedConditions`: a row that contradicts them is an input error). Warnings go to `onWarning`.
 */
export async function readConditionRows(path, fixed, onWarning) {
    const { table } = await readTable(path, { onWarning: (w) => onWarning(`${path}: ${w}`) });
    return withFixedConditions(table.toRecords(), fixed, path);
}
/** The business rules of a metadata file (its `constraints`), validated against the schema the table was read with. */
export async function readRules(metadataPath, schema) {
    if (!metadataPath)
        return [];
    const md = parseMetadata(await readJsonFile(metadataPath, 'metadata file'), metadataPath);
    return md.constraints?.length ? parseRules(md.constraints, schema, `${metadataPath}: constraints`) : [];
}
/**
 * The schema of rows counted where they live (docs/scale.md), all from the metadata file: the rows are never read,
 * so nothing is inferred. Business rules are refused: they need the rows in memory.
 */
export async function readCountingSchema(metadataPath) {
    const md = parseMetadata(await readJsonFile(metadataPath, 'metadata file'), metadataPath);
    if (md.constraints?.length)
        throw new LookalikeError(`${metadataPath} lists business rules; they need the rows in memory, which counting where the rows live never loads (drop the rules, or fit the loaded table)`, [], 'usage');
    return schemaFromMetadata(md, metadataPath);
}
/**
 * `lookalike policy init --out FILE`: the default policy written to `path` (YAML, or JSON for a .json name); an
 * existing file is replaced only with `force` (else a usage error). Returns the number of targets written.
 */
export async function writeDefaultPolicy(path, force) {
    if (existsSync(path) && !force)
        throw new LookalikeError(`--out: "${path}" exists; pass --force to overwrite it`, [], 'usage');
    await writeFileAtomic(path, defaultPolicyText(path));
    return DEFAULT_POLICY.targets.length;
}
/** A disclosure-control steps file (a JSON list of steps, docs/constraints.md), validated. */
export async function readDisclosureSteps(path) {
    return parseDisclosureSteps(await readJsonFile(path, 'disclosure steps file'), path);
}
/**
 * What a job takes for rules, rebalancing and disclosure control (`runJob`'s `rules`, `rebalance`, `disclosure`):
 * the rules of the metadata file, the rebalancing written as text (`COL=V:SHARE`) and the steps of a disclosure
 * file. A step that reads the training data is announced through `onWarning` (it voids DP; ReconSyn).
 */
export async function readJobConstraints(paths, schema, rebalance, onWarning) {
    const rules = await readRules(paths.metadata, schema);
    const disclosure = paths.disclosure ? await readDisclosureSteps(paths.disclosure) : undefined;
    if (disclosure?.some((s) => s.type === 'remove-training-matches'))
        onWarning?.('the disclosure steps remove training matches: they read the training data and can leak it (ReconSyn); the release is not differentially private');
    return {
        ...(rules.length ? { rules } : {}),
        ...(rebalance !== undefined ? { rebalance: parseRebalance(rebalance) } : {}),
        ...(disclosure?.length ? { disclosure } : {}),
    };
}
/**
 * A model file's privacy ledger, after validating the whole file as a model (`openModel`: a forged or tampered
 * file — a ledger on a model that cannot be DP, an emptied ledger, costs inconsistent with their noise — is an
 * input error, not a ledger); `ledger` is null for a model that is not DP.
 */
export async function readModelLedger(path) {
    const json = (await readJsonFile(path, 'model file'));
    if (!json || typeof json !== 'object' || json.format !== 'lookalike-model')
        throw new LookalikeError(`${path} is not a lookalike model file (format "lookalike-model")`);
    const { synthesizer } = await openModel(json, path);
    const ledger = json.ledger === null || json.ledger === undefined
        ? null
        : PrivacyLedger.fromJSON(json.ledger, `the privacy ledger of ${path}`);
    return { synthesizer, ledger };
}
/** Write a model file (its JSON, one line), atomically. */
export async function writeModelFile(model, path) {
    await writeFileAtomic(path, `${JSON.stringify('toJSON' in model ? model.toJSON() : model)}\n`);
}
//# sourceMappingURL=documents.js.map