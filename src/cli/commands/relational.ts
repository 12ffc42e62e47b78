/**
 * The CLI on a database (a folder of table files or a DuckDB file): `inspect`, `fit`, `sample`, `evaluate` and
 * `run` hand a database input to these functions (docs/relational.md, "CLI"). The options are those of the
 * single-table commands, read the relational way: `--metadata` is a relational metadata file, `--out` of
 * `sample` a folder (or a .duckdb file), `--epsilon` asks for DP per person.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliContext, ParsedArgs } from '../command.js';
import { flag, int, keyValues, num, requireStr, str, usage } from '../args.js';
import { printJson, privacyLabel, textTable } from '../shared.js';
import { refuseOverwrite } from '../overwrite.js';
import { LookalikeError } from '../../errors.js';
import { readJsonFile, writeFileAtomic } from '../../io/index.js';
import {
  databaseName,
  isDuckdbPath,
  readDatabase,
  writeDatabase,
  type Database,
  type DatabaseFormat,
} from '../../io/relational.js';
import {
  checkRelational,
  parseRelationalMetadata,
  relationalMetadataToJSON,
  type RelationalMetadata,
} from '../../relational/metadata.js';
import { inferRelationalMetadata } from '../../relational/infer.js';
import { fitRelational, loadRelationalModel } from '../../relational/synthesize.js';
import { fitRelationalDp } from '../../relational/dp.js';
import { evaluateRelational, type RelationalEvaluation } from '../../relational/evaluate.js';
import { renderRelationalReport } from '../../report/relational.js';
import { schemaToMetadata } from '../../table/metadata.js';
import { DEFAULT_DELTA } from '../../privacy/ledger.js';
import { listSynthesizers, loadSynthesizer } from '../../synthesizers/registry.js';
import type { PrivacyGuarantee } from '../../privacy/guarantee.js';

/**
 * Refuses to write a synthetic database over an existing one: a .duckdb file that exists, or a folder that already
 * holds a file of one of the tables (lookalike never writes over data; give a new or empty folder).
 */
const TABLE_FILE = /\.(csv|tsv|tab|parquet|pq|jsonl|ndjson|arrow|feather)(\.gz)?$/i;

function refuseExistingDatabase(out: string, option: string, names: readonly string[]): void {
  if (isDuckdbPath(out)) {
    if (existsSync(out))
      throw usage(`--${option}: "${out}" exists; lookalike does not write over a database`);
    return;
  }
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw usage(`--${option}: "${out}" is a file, not a folder`);
  const there = new Set(readdirSync(out).map((f) => f.replace(TABLE_FILE, '')));
  const clash = names.filter((n) => there.has(n));
  if (clash.length)
    throw usage(
      `--${option}: the folder "${out}" already holds the table(s) ${clash.join(', ')}; lookalike does not write over data: give a new or empty folder`,
    );
}

/**
 * True when `path` is a database: a file named .duckdb / .ddb, or a folder holding at least one table file (a
 * folder without one goes the single-table way, which says that a directory is not a table).
 */
export function isDatabaseInput(path: string | undefined): boolean {
  if (!path) return false;
  if (isDuckdbPath(path)) return true;
  try {
    return (
      statSync(path).isDirectory() && readdirSync(path).some((f) => TABLE_FILE.test(f) && !f.startsWith('.'))
    );
  } catch {
    return false;
  }
}

/** True when `path` is a relational model file (read to find out; false for anything else). */
export async function isRelationalModelFile(path: string | undefined): Promise<boolean> {
  if (!path?.endsWith('.json') || !existsSync(path)) return false;
  try {
    const f = (await readJsonFile(path, 'model file')) as { format?: unknown };
    return f.format === 'lookalike-relational-model' || f.format === 'lookalike-relational-dp-model';
  } catch {
    return false;
  }
}

async function readMetadata(path: string): Promise<RelationalMetadata> {
  return parseRelationalMetadata(await readJsonFile(path, 'relational metadata file'), path);
}

/** The database and its metadata: the file given with --metadata, or keys inferred from the data (with a note). */
async function readWithMetadata(
  path: string,
  metadataPath: string | undefined,
  ctx: CliContext,
): Promise<{ db: Database; meta: RelationalMetadata }> {
  const given = metadataPath ? await readMetadata(metadataPath) : undefined;
  ctx.step(`reading the database ${path}`);
  const t0 = Date.now();
  const db = await readDatabase(path, {
    lenient: !given,
    ...(given ? { columnMetadata: Object.fromEntries(given.tables.map((t) => [t.name, t.metadata])) } : {}),
  });
  for (const w of db.warnings) ctx.err(`warning: ${w}`);
  const rows = Object.values(db.tables).reduce((a, t) => a + t.nRows, 0);
  ctx.step(
    `  ${Object.keys(db.tables).length} tables, ${rows.toLocaleString('en-US')} rows (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  if (given) return { db, meta: given };
  const { metadata } = inferRelationalMetadata(db.tables);
  if (!ctx.json)
    ctx.err(
      `note: no --metadata: keys inferred from the data; review them with lookalike inspect ${path} --out relational.json`,
    );
  return { db, meta: metadata };
}

function describeSchema(meta: RelationalMetadata, db: Database): string {
  const rows = meta.tables.map((t) => {
    const tab = db.tables[t.name];
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
  return textTable(['table', 'rows', 'columns', 'primary key', 'foreign keys / sequence'], rows);
}

/** `lookalike inspect <folder or .duckdb>`: propose keys, check them, write the metadata for review. */
export async function inspectDatabase(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const path = args.positionals[0];
  const out = str(args, 'out');
  if (out && !out.endsWith('.json')) throw usage(`--out: expected a .json file, got "${out}"`);
  const metadataPath = str(args, 'metadata');
  refuseOverwrite(
    [
      { path: metadataPath, what: '--metadata file' },
      { path, what: 'the input database' },
    ],
    [{ path: out, what: '--out file' }],
  );
  ctx.step(`reading the database ${path}`);
  const given = metadataPath ? await readMetadata(metadataPath) : undefined;
  const db = await readDatabase(path, {
    lenient: true,
    ...(given ? { columnMetadata: Object.fromEntries(given.tables.map((t) => [t.name, t.metadata])) } : {}),
  });
  for (const w of db.warnings) ctx.err(`warning: ${w}`);
  const inferred = given ? undefined : inferRelationalMetadata(db.tables);
  const meta = given ?? inferred!.metadata;
  const check = checkRelational(meta, db.tables);
  const pub = flag(args, 'public-domains');
  // the file to review: keys and, per table, its columns' kinds and domains (inferred unless --public-domains)
  const json = relationalMetadataToJSON(meta) as { tables: Record<string, Record<string, unknown>> };
  for (const [name, schema] of Object.entries(db.schemas)) {
    const m = schemaToMetadata(schema, pub);
    if (json.tables[name]) json.tables[name] = { ...json.tables[name], columns: m.columns };
  }
  if (out) {
    await writeFileAtomic(out, `${JSON.stringify(json, null, 2)}\n`);
    ctx.step(`wrote ${out}${pub ? ' (every domain marked public: review it)' : ' (review the keys)'}`);
  }
  if (ctx.json) {
    printJson(ctx, {
      database: databaseName(path),
      format: db.format,
      tables: Object.fromEntries(
        Object.entries(db.tables).map(([n, t]) => [n, { rows: t.nRows, columns: t.nColumns }]),
      ),
      metadata: json,
      notes: inferred?.notes ?? [],
      problems: check.problems,
    });
  } else {
    ctx.out(`${databaseName(path)}: ${meta.tables.length} tables (${db.format})\n`);
    ctx.out(describeSchema(meta, db));
    if (inferred?.notes.length) ctx.out(`\nnotes:\n${inferred.notes.map((n) => `  - ${n}`).join('\n')}`);
    if (check.problems.length)
      ctx.out(`\n${check.problems.length} problem(s):\n${check.problems.map((p) => `  - ${p}`).join('\n')}`);
    else ctx.out('\nkeys checked against the data: no problem (unique primary keys, no orphan foreign key)');
  }
  return check.problems.length ? 1 : 0;
}

interface FitResult {
  model: ReturnType<typeof loadRelationalModel>;
  meta: RelationalMetadata;
  db: Database;
  seconds: number;
}

async function fitDatabaseModel(path: string, args: ParsedArgs, ctx: CliContext): Promise<FitResult> {
  const epsilon = num(args, 'epsilon');
  const seed = int(args, 'seed', { default: 0 })!;
  const synthesizer = str(args, 'synthesizer');
  const options = keyValues(args, 'option');
  const { db, meta } = await readWithMetadata(path, str(args, 'metadata'), ctx);
  const t0 = Date.now();
  let model;
  if (epsilon !== undefined) {
    if (!meta.person)
      throw usage(
        'DP on a database is per person: add "person" to the metadata file (the table of the persons, the bounds maxChildren, the public tables); see docs/relational.md',
      );
    ctx.step(`fitting ${databaseName(path)} under DP per "${meta.person.table}" (ε = ${epsilon})`);
    model = await fitRelationalDp(meta, db.tables, db.schemas, {
      epsilon,
      delta: num(args, 'delta') ?? DEFAULT_DELTA,
      seed,
      ...(synthesizer ? { synthesizer } : {}),
      ...(Object.keys(options).length ? { synthesizerOptions: options } : {}),
      onProgress: ctx.progress,
    });
  } else {
    ctx.step(`fitting ${databaseName(path)} (${meta.tables.length} tables)`);
    model = await fitRelational(meta, db.tables, db.schemas, {
      seed,
      ...(synthesizer ? { synthesizer } : {}),
      ...(Object.keys(options).length ? { synthesizerOptions: options } : {}),
      onProgress: ctx.progress,
    });
  }
  const seconds = (Date.now() - t0) / 1000;
  ctx.step(`  fitted in ${seconds.toFixed(1)} s — ${guaranteeLabel(model.privacy)}`);
  if (model.privacy.type === 'none' && !ctx.json)
    ctx.err(
      'note: relational synthesis without --epsilon is not differentially private; the model file holds real values (treat it as sensitive)',
    );
  return { model, meta, db, seconds };
}

function guaranteeLabel(p: PrivacyGuarantee & { unit?: string; person?: string }): string {
  return p.type === 'dp' && p.unit === 'person'
    ? `${privacyLabel(p)} per person ("${p.person}" row with all its rows)`
    : privacyLabel(p);
}

/** `lookalike fit <folder or .duckdb> --out model.json`. */
export async function fitDatabase(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const out = requireStr(args, 'out', 'where to write the model, e.g. --out model.json');
  if (!out.endsWith('.json')) throw usage(`--out: expected a .json file, got "${out}"`);
  refuseOverwrite(
    [
      { path: str(args, 'metadata'), what: '--metadata file' },
      { path: args.positionals[0], what: 'the input database' },
    ],
    [{ path: out, what: '--out file' }],
  );
  const { model, seconds } = await fitDatabaseModel(args.positionals[0], args, ctx);
  await writeFileAtomic(out, `${JSON.stringify(model.toJSON())}\n`);
  if (ctx.json) printJson(ctx, { out, privacy: model.privacy, seconds });
  else ctx.out(`wrote ${out} — relational model, ${guaranteeLabel(model.privacy)}`);
  return 0;
}

function outputFormat(out: string, fallback: DatabaseFormat, given: string | undefined): DatabaseFormat {
  if (isDuckdbPath(out)) return 'duckdb';
  const f = given ?? (fallback === 'duckdb' ? 'csv' : fallback);
  if (!['csv', 'tsv', 'parquet', 'jsonl'].includes(f))
    throw usage(`--format: one of csv, tsv, parquet, jsonl for a folder (got "${f}")`);
  return f as DatabaseFormat;
}

/** Names of the registered synthesizers whose model files a relational model file holds (their code loads lazily). */
function synthesizersIn(json: unknown, depth = 0, out = new Set<string>()): Set<string> {
  if (depth > 6 || typeof json !== 'object' || json === null) return out;
  const o = json as Record<string, unknown>;
  if (o.format === 'lookalike-model' && typeof o.synthesizer === 'string') {
    if (listSynthesizers().some((s) => s.name === o.synthesizer)) out.add(o.synthesizer);
    return out;
  }
  for (const v of Array.isArray(json) ? json : Object.values(o)) synthesizersIn(v, depth + 1, out);
  return out;
}

/** `lookalike sample <relational model.json> --out <folder or .duckdb> [--scale X]`. */
export async function sampleDatabase(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const out = requireStr(args, 'out', 'where to write the tables: a folder, or a .duckdb file');
  const seed = int(args, 'seed', { default: 0 })!;
  const scale = num(args, 'scale') ?? 1;
  if (!(scale > 0)) throw usage(`--scale must be a number > 0 (got ${scale})`);
  if (args.values.rows !== undefined)
    throw usage('--rows is for one table; a database is sampled at --scale X times the real number of rows');
  const json = await readJsonFile(args.positionals[0], 'model file');
  for (const name of synthesizersIn(json)) await loadSynthesizer(name);
  const model = loadRelationalModel(json, args.positionals[0]);
  ctx.step(`sampling a database (scale ${scale}, seed ${seed})`);
  const t0 = Date.now();
  refuseExistingDatabase(
    out,
    'out',
    model.metadata.tables.map((t) => t.name),
  );
  const { tables, notes } = model.sample({ seed, scale, onProgress: ctx.progress });
  for (const n of notes) ctx.err(`note: ${n}`);
  const format = outputFormat(out, 'csv', str(args, 'format'));
  const files = await writeDatabase(out, tables, format);
  const seconds = (Date.now() - t0) / 1000;
  const rows = Object.fromEntries(Object.entries(tables).map(([n, t]) => [n, t.nRows]));
  if (ctx.json) printJson(ctx, { out, format, files, rows, seed, scale, privacy: model.privacy, seconds });
  else
    ctx.out(
      `wrote ${Object.keys(tables).length} tables to ${out} (${format}) — ${guaranteeLabel(model.privacy)}\n` +
        textTable(
          ['table', 'rows'],
          Object.entries(rows).map(([n, r]) => [n, r.toLocaleString('en-US')]),
        ),
    );
  return 0;
}

function evaluationText(ev: RelationalEvaluation): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
  const s = ev.summary;
  const lines = [
    `referential integrity ${f(s.referentialIntegrity)} · primary keys unique ${f(s.primaryKeyUniqueness)} · ` +
      `min cardinality ${f(s.minCardinality)} · mean table quality ${f(s.meanTableQuality)} · inter-table trends ${f(s.interTableTrends)}`,
    '',
    textTable(
      ['table', 'rows real', 'rows synthetic', 'quality'],
      ev.tables.map((t) => [t.table, String(t.rows.real), String(t.rows.synthetic), f(t.quality)]),
    ),
  ];
  if (ev.relations.length)
    lines.push(
      '',
      textTable(
        ['foreign key', 'cardinality', 'integrity', 'trends'],
        ev.relations.map((r) => [r.label, f(r.cardinality.score), f(r.integrity.score), f(r.trends.score)]),
      ),
    );
  if (ev.sequences.length)
    lines.push(
      '',
      textTable(
        ['sequence metric', 'score'],
        ev.sequences.map((m) => [m.name, f(m.score)]),
      ),
    );
  return lines.join('\n');
}

/** `lookalike evaluate <real db> <synthetic db> [--metadata M] [--out evaluation.json]`. */
export async function evaluateDatabase(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const [realPath, synthPath] = args.positionals;
  if (!isDatabaseInput(synthPath))
    throw usage('the real data is a database (folder or .duckdb); give the synthetic one the same way');
  const out = str(args, 'out');
  if (out && !out.endsWith('.json')) throw usage(`--out: expected a .json file, got "${out}"`);
  refuseOverwrite(
    [
      { path: str(args, 'metadata'), what: '--metadata file' },
      { path: realPath, what: 'the real database' },
      { path: synthPath, what: 'the synthetic database' },
    ],
    [{ path: out, what: '--out file' }],
  );
  const { db, meta } = await readWithMetadata(realPath, str(args, 'metadata'), ctx);
  const synth = await readDatabase(synthPath, {
    lenient: true,
    columnMetadata: Object.fromEntries(meta.tables.map((t) => [t.name, t.metadata])),
  });
  const ev = evaluateRelational(meta, db.tables, synth.tables);
  if (out) await writeFileAtomic(out, `${JSON.stringify(ev, null, 2)}\n`);
  if (ctx.json) printJson(ctx, ev);
  else ctx.out(evaluationText(ev));
  return 0;
}

/** `lookalike run <folder or .duckdb> --out-dir DIR`: fit, sample, evaluate, report. */
export async function runDatabase(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const path = args.positionals[0];
  const outDir = requireStr(args, 'out-dir', 'the folder to write into, e.g. --out-dir out/');
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw usage(`--out-dir: "${outDir}" is a file`);
  const names = ['metadata.json', 'model.json', 'evaluation.json', 'report.html'];
  refuseOverwrite(
    [
      { path: str(args, 'metadata'), what: '--metadata file' },
      { path, what: 'the input database' },
    ],
    names.map((n) => ({ path: join(outDir, n), what: `--out-dir file ${n}` })),
    [{ path: outDir, what: '--out-dir' }],
  );
  const { model, meta, db, seconds } = await fitDatabaseModel(path, args, ctx);
  const seed = int(args, 'seed', { default: 0 })!;
  const { tables, notes } = model.sample({ seed: seed + 1, onProgress: ctx.progress });
  for (const n of notes) ctx.err(`note: ${n}`);
  ctx.step('evaluating');
  const ev = evaluateRelational(meta, db.tables, tables);
  const format: DatabaseFormat =
    db.format === 'duckdb' ? 'duckdb' : db.format === 'arrow' ? 'parquet' : db.format;
  const synthOut = join(outDir, db.format === 'duckdb' ? 'synthetic.duckdb' : 'synthetic');
  await mkdir(outDir, { recursive: true });
  await writeDatabase(synthOut, tables, format);
  const files = {
    metadata: join(outDir, 'metadata.json'),
    model: join(outDir, 'model.json'),
    synthetic: synthOut,
    evaluation: join(outDir, 'evaluation.json'),
    report: join(outDir, 'report.html'),
  };
  await writeFileAtomic(files.metadata, `${JSON.stringify(relationalMetadataToJSON(meta), null, 2)}\n`);
  await writeFileAtomic(files.model, `${JSON.stringify(model.toJSON())}\n`);
  await writeFileAtomic(files.evaluation, `${JSON.stringify(ev, null, 2)}\n`);
  await writeFileAtomic(
    files.report,
    renderRelationalReport({
      name: databaseName(path),
      metadata: meta,
      evaluation: ev,
      privacy: model.privacy,
      notes,
    }),
  );
  if (ctx.json) printJson(ctx, { files, privacy: model.privacy, fitSeconds: seconds, summary: ev.summary });
  else
    ctx.out(
      [
        `${databaseName(path)}: ${guaranteeLabel(model.privacy)}`,
        evaluationText(ev),
        '',
        ...Object.entries(files).map(([k, v]) => `${k}: ${v}`),
      ].join('\n'),
    );
  return 0;
}

/** Refuses single-table options that mean nothing for a database, naming them. */
export function refuseTableOptions(args: ParsedArgs, names: readonly string[]): void {
  const given = names.filter((n) => args.values[n] !== undefined && args.values[n] !== false);
  if (given.length)
    throw new LookalikeError(
      `${given.map((n) => `--${n}`).join(', ')}: not available for a database (folder or .duckdb) input`,
      [],
      'usage',
    );
}
