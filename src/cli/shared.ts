import { dirname } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import {
  readJsonFile,
  readSqlTable,
  type ReadOptions,
  readTable,
  writeFileAtomic,
  writeFormatFromPath,
  WRITE_FORMATS,
} from '../io/index.js';
import type { BuildResult } from '../table/infer.js';
import { parseMetadata } from '../table/metadata.js';
import { openModel } from '../synthesizers/registry.js';
import type { FitOptions, Model, Synthesizer } from '../synthesizers/types.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import type { Table } from '../table/table.js';
import type { Schema } from '../table/schema.js';
import type { CliContext, ParsedArgs } from './command.js';
import { usage } from './args.js';
import { LookalikeError } from '../errors.js';
import { formatEpsilon } from '../format.js';

export { printJson, textTable } from './print.js';

/** Read a table (and optional metadata file), printing inference warnings on stderr. */
export async function readInput(
  path: string,
  metadataPath: string | undefined,
  ctx: CliContext,
  sql?: string,
  read: ReadOptions = {},
): Promise<BuildResult> {
  const metadata = metadataPath
    ? parseMetadata(await readJsonFile(metadataPath, 'metadata file'), metadataPath)
    : undefined;
  ctx.step(sql ? `querying ${path}` : `reading ${path}`);
  const t0 = Date.now();
  const res = sql
    ? await readSqlTable(path, sql, { metadata })
    : await readTable(path, { ...read, metadata, onWarning: (w) => ctx.err(`warning: ${w}`) });
  for (const w of res.warnings) ctx.err(`warning: ${w}`);
  ctx.step(
    `  ${res.table.nRows.toLocaleString('en-US')} rows × ${res.table.nColumns} columns (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return res;
}

/** Fail before any work when an output file's format is unknown or its folder is missing. */
export function checkOutputFile(path: string, option: string, kind: 'table' | 'json' | 'html' | 'any'): void {
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw usage(`--${option}: the folder "${dir}" does not exist`);
  if (existsSync(path) && statSync(path).isDirectory()) throw usage(`--${option}: "${path}" is a directory`);
  if (kind === 'table' && !writeFormatFromPath(path)) {
    throw usage(
      `--${option}: cannot tell the format of "${path}" from its extension; use one of ${WRITE_FORMATS.map((f) => `.${f}`).join(', ')}`,
    );
  }
  if (kind === 'json' && !path.endsWith('.json'))
    throw usage(`--${option}: expected a .json file, got "${path}"`);
}

/** A model's guarantee in words; ε and δ rounded up (src/format.ts: printing may only overstate them). */
export function privacyLabel(p: PrivacyGuarantee): string {
  if (p.type === 'none') return 'NOT differentially private';
  return `(ε = ${formatEpsilon(p.epsilon)}, δ = ${formatEpsilon(p.delta)})-differentially private`;
}

export async function fitModel(
  table: Table,
  schema: Schema,
  synth: Synthesizer,
  opts: FitOptions,
  ctx: CliContext,
): Promise<{ model: Model; seconds: number }> {
  ctx.step(
    `fitting ${synth.name}${opts.epsilon !== undefined ? ` (ε = ${opts.epsilon}${opts.delta !== undefined ? `, δ = ${opts.delta}` : ''})` : ''}`,
  );
  const t0 = Date.now();
  const model = await synth.fit(table, schema, { ...opts, onProgress: ctx.progress });
  const seconds = (Date.now() - t0) / 1000;
  ctx.step(`  fitted in ${seconds.toFixed(1)} s — ${privacyLabel(model.privacy)}`);
  if (synth.modelFileNote && !ctx.json) ctx.err(`note: ${synth.modelFileNote}`);
  if (model.privacy.type === 'none' && !ctx.json)
    ctx.err(
      `note: ${synth.name} is not differentially private: its output carries no formal privacy guarantee`,
    );
  return { model, seconds };
}

export async function writeModel(model: Model, path: string): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(model.toJSON())}\n`);
}

export async function readModel(path: string): Promise<Model> {
  const json = await readJsonFile(path, 'model file');
  try {
    return await openModel(json, path);
  } catch (e) {
    if (e instanceof LookalikeError) throw e;
    throw new LookalikeError(`${path} is not a valid lookalike model: ${(e as Error).message}`);
  }
}

/** Options for reading text tables, shared by every command that reads one. */
export const READ_OPTIONS = {
  delimiter: {
    type: 'string',
    placeholder: 'C',
    description: 'CSV/TSV: the field delimiter (default: sniffed; "\\t" for tab)',
  },
  quote: {
    type: 'string',
    placeholder: 'C',
    description: 'CSV/TSV: the quote character (default: sniffed, else ")',
  },
  'no-header': {
    type: 'boolean',
    description: 'CSV/TSV: the first line is data (columns are then named column0, column1, …)',
  },
} as const;

export function readOptionsFrom(args: ParsedArgs): ReadOptions {
  const out: ReadOptions = {};
  const d = args.values.delimiter;
  if (typeof d === 'string') {
    const delim = d === '\\t' || d === 'tab' ? '\t' : d;
    if (delim.length !== 1) throw usage(`--delimiter must be one character, got "${d}"`);
    out.delimiter = delim;
  }
  const q = args.values.quote;
  if (typeof q === 'string') {
    if (q.length !== 1) throw usage(`--quote must be one character, got "${q}"`);
    out.quote = q;
  }
  if (args.values['no-header'] === true) out.header = false;
  return out;
}
