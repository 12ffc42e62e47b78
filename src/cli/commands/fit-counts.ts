/**
 * `lookalike fit` over rows counted where they live (issue 15, docs/scale.md): a PostgreSQL table (one server or
 * shards), a Parquet/CSV glob or file, a table of a `.duckdb` file. The rows are never loaded: the DP-marginal
 * synthesizers send count queries over the public domains of `--metadata`, and only counts come back.
 */
import type { CliContext, ParsedArgs } from '../command.js';
import { requireStr, str, usage } from '../args.js';
import { hooks, writeModel } from '../shared.js';
import { fitFlags, listFlag } from '../flags.js';
import { checkOutputFile, refuseOverwrite } from '../../io/overwrite.js';
import { readJsonFile } from '../../io/index.js';
import { duckRows, postgresRows, redactUrl } from '../../io/count-sql.js';
import { isGlob, isPostgresUrl } from '../../io/count-source.js';
import { fitCounted, privacyLabel } from '../../pipeline/release.js';
import { parseMetadata, schemaFromMetadata } from '../../table/metadata.js';
import type { CountableRows } from '../../synthesizers/marginal/rows.js';

export async function fitWhereRowsLive(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const out = requireStr(args, 'out', 'where to write the model, e.g. --out model.json');
  checkOutputFile(out, 'out', 'json');
  const metadata = requireStr(
    args,
    'metadata',
    'the kinds, facts and public domains of the columns, e.g. --metadata meta.json (rows counted where they live are never read, so nothing is inferred: write it with `lookalike inspect` on a public sample or by hand, docs/scale.md)',
  );
  if (str(args, 'sql') !== undefined)
    throw usage('--sql reads a query result into memory; counting where the rows live takes --table instead');
  const source = args.positionals[0];
  const shards = listFlag(args, 'shards');
  const table = str(args, 'table');
  if (shards && source !== undefined)
    throw usage(
      `--shards lists every server of the table; give no <table> with it (got ${isPostgresUrl(source) ? redactUrl(source) : 'one'})`,
    );
  const local = source !== undefined && !isPostgresUrl(source) && !isGlob(source) ? [source] : [];
  refuseOverwrite(
    [
      ...local.map((path) => ({ path, what: 'the input table' })),
      { path: metadata, what: 'the metadata file' },
    ],
    [{ path: out, what: '--out' }],
  );
  const spec = fitFlags(args);
  const meta = parseMetadata(await readJsonFile(metadata, 'metadata file'), metadata);
  if (meta.constraints?.length)
    throw usage(
      `${metadata} lists business rules; they need the rows in memory, which counting where the rows live never loads (drop the rules, or fit the loaded table)`,
    );
  const schema = schemaFromMetadata(meta, metadata);
  const onNote = (n: string) => ctx.json || ctx.err(`note: ${n}`);
  let rows: CountableRows;
  if (shards || isPostgresUrl(source)) {
    if (!table) throw usage('counting a PostgreSQL table needs --table NAME (schema.table allowed)');
    rows = postgresRows(shards ?? [source!], { table, onNote });
  } else rows = duckRows(source!, { ...(table !== undefined ? { table } : {}), onNote });
  let fitted;
  try {
    fitted = await fitCounted(rows, schema, { ...spec, ...hooks(ctx) });
  } finally {
    await rows.close();
  }
  const { model, seconds } = fitted;
  await writeModel(model, out);
  if (ctx.json) {
    ctx.outJson({
      model: out,
      synthesizer: spec.synthesizer,
      privacy: model.privacy,
      source: rows.label,
      columns: schema.columns.length,
      seconds,
    });
  } else ctx.out(`model: ${out}\nsynthesizer: ${spec.synthesizer} — ${privacyLabel(model.privacy)}`);
  return 0;
}
