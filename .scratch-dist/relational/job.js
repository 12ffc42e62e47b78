/**
 * The relational job's library side (docs/relational.md): fit a database model (DP per person with an ε, else not
 * DP), open a model file with its synthesizers' code, and the texts the CLI and a page print — the guarantee, the
 * keys of a database and an evaluation. Core code: no file is read here (`io/relational.ts` reads databases).
 */
import { LookalikeError } from '../errors.js';
import { formatTable } from '../format.js';
import { privacyLabel } from '../privacy/guarantee.js';
import { DEFAULT_DELTA } from '../privacy/ledger.js';
import { listSynthesizers, loadSynthesizer } from '../synthesizers/registry.js';
import { schemaToMetadata } from '../table/metadata.js';
import { fitRelationalDp } from './dp.js';
import { relationalMetadataToJSON } from './metadata.js';
import { fitRelational, loadRelationalModel } from './synthesize.js';
/** Fit a model of a database: `fitRelationalDp` per person with `spec.epsilon`, else `fitRelational` (not DP). */
export async function fitDatabase(name, meta, tables, schemas, spec = {}) {
    const seed = spec.seed ?? 0;
    const common = {
        seed,
        ...(spec.synthesizer ? { synthesizer: spec.synthesizer } : {}),
        ...(spec.options && Object.keys(spec.options).length ? { synthesizerOptions: spec.options } : {}),
        ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
    };
    const t0 = Date.now();
    let model;
    if (spec.epsilon !== undefined) {
        if (!meta.person)
            throw new LookalikeError('DP on a database is per person: add "person" to the metadata file (the table of the persons, the bounds maxChildren, the public tables); see docs/relational.md', [], 'usage');
        spec.onStep?.(`fitting ${name} under DP per "${meta.person.table}" (ε = ${spec.epsilon})`);
        const delta = spec.delta ?? DEFAULT_DELTA;
        model = await fitRelationalDp(meta, tables, schemas, { ...common, epsilon: spec.epsilon, delta });
    }
    else {
        spec.onStep?.(`fitting ${name} (${meta.tables.length} tables)`);
        model = await fitRelational(meta, tables, schemas, common);
    }
    const seconds = (Date.now() - t0) / 1000;
    spec.onStep?.(`  fitted in ${seconds.toFixed(1)} s — ${databasePrivacyLabel(model.privacy)}`);
    if (model.privacy.type === 'none')
        spec.onNote?.('relational synthesis without --epsilon is not differentially private; the model file holds real values (treat it as sensitive)');
    return { model, seconds };
}
/** A database model's guarantee in words: DP per person says so. */
export function databasePrivacyLabel(p) {
    return p.type === 'dp' && p.unit === 'person'
        ? `${privacyLabel(p)} per person ("${p.person}" row with all its rows)`
        : privacyLabel(p);
}
/** Names of the registered synthesizers whose model files a relational model file holds. */
function synthesizersIn(json, depth = 0, out = new Set()) {
    if (depth > 6 || typeof json !== 'object' || json === null)
        return out;
    const o = json;
    if (o.format === 'lookalike-model' && typeof o.synthesizer === 'string') {
        if (listSynthesizers().some((s) => s.name === o.synthesizer))
            out.add(o.synthesizer);
        return out;
    }
    for (const v of Array.isArray(json) ? json : Object.values(o))
        synthesizersIn(v, depth + 1, out);
    return out;
}
/**
 * A relational model from its file's JSON, after loading the code of the synthesizers it holds (registered
 * lazily, as the CLI registers them), then validated by `loadRelationalModel`.
 */
export async function openRelationalModel(json, source) {
    for (const name of synthesizersIn(json))
        await loadSynthesizer(name);
    return loadRelationalModel(json, source);
}
/**
 * The relational metadata to review, as JSON: keys and, per table, its columns' kinds and domains (domains marked
 * inferred, or public with `publicDomains`).
 */
export function reviewMetadata(meta, schemas, publicDomains = false) {
    const json = relationalMetadataToJSON(meta);
    for (const [name, schema] of Object.entries(schemas)) {
        const m = schemaToMetadata(schema, publicDomains);
        if (json.tables[name])
            json.tables[name] = { ...json.tables[name], columns: m.columns };
    }
    return json;
}
/** The tables of a database with their rows, columns, primary key, foreign keys and sequence, as a text table. */
export function formatDatabaseKeys(meta, tables) {
    const rows = meta.tables.map((t) => {
        const tab = tables[t.name];
        const parents = meta.foreignKeys
            .filter((f) => f.child === t.name)
            .map((f) => `${f.columns.join('+')} → ${f.parent}`)
            .join(', ');
        const seq = t.sequence
            ? `sequence of ${t.sequence.entity.join('+')}${t.sequence.order ? ` by ${t.sequence.order}` : ''}`
            : '';
        return [
            t.name,
            tab ? tab.nRows.toLocaleString('en-US') : '–',
            tab ? String(tab.nColumns) : '–',
            t.primaryKey?.join(' + ') ?? '(none)',
            [parents, seq].filter(Boolean).join('; '),
        ];
    });
    return formatTable(['table', 'rows', 'columns', 'primary key', 'foreign keys / sequence'], rows);
}
/**
 * `lookalike inspect` of a database as text: the title line, its tables and keys (formatDatabaseKeys), the notes of
 * inferred keys, and the problems the data has with the keys — or that it has none.
 */
export function formatDatabaseInspection(title, meta, tables, notes, problems) {
    const list = (xs) => xs.map((n) => `  - ${n}`).join('\n');
    return [
        title,
        formatDatabaseKeys(meta, tables),
        ...(notes.length ? [`\nnotes:\n${list(notes)}`] : []),
        problems.length
            ? `\n${problems.length} problem(s):\n${list(problems)}`
            : '\nkeys checked against the data: no problem (unique primary keys, no orphan foreign key)',
    ].join('\n');
}
/** What `lookalike sample` of a relational model prints: where the tables went, the guarantee, rows per table. */
export function formatDatabaseSample(out, format, rows, privacy) {
    const counts = Object.entries(rows).map(([n, r]) => [n, r.toLocaleString('en-US')]);
    const head = `wrote ${counts.length} tables to ${out} (${format}) — ${databasePrivacyLabel(privacy)}`;
    return `${head}\n${formatTable(['table', 'rows'], counts)}`;
}
/** A relational evaluation as text: the summary line, then per table, per foreign key and per sequence metric. */
export function formatRelationalEvaluation(ev) {
    const f = (x) => (Number.isFinite(x) ? x.toFixed(3) : '–');
    const s = ev.summary;
    const lines = [
        `referential integrity ${f(s.referentialIntegrity)} · primary keys unique ${f(s.primaryKeyUniqueness)} · ` +
            `min cardinality ${f(s.minCardinality)} · mean table quality ${f(s.meanTableQuality)} · inter-table trends ${f(s.interTableTrends)}`,
        '',
        formatTable(['table', 'rows real', 'rows synthetic', 'quality'], ev.tables.map((t) => [t.table, String(t.rows.real), String(t.rows.synthetic), f(t.quality)])),
    ];
    if (ev.relations.length)
        lines.push('', formatTable(['foreign key', 'cardinality', 'integrity', 'trends'], ev.relations.map((r) => [r.label, f(r.cardinality.score), f(r.integrity.score), f(r.trends.score)])));
    if (ev.sequences.length)
        lines.push('', formatTable(['sequence metric', 'score'], ev.sequences.map((m) => [m.name, f(m.score)])));
    return lines.join('\n');
}
//# sourceMappingURL=job.js.map