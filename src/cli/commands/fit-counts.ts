/**
 * `lookalike fit` over rows counted where they live (issue 15, docs/scale.md): a PostgreSQL table (one server or
 * shards), a Parquet/CSV glob or file, a table of a `.duckdb` file. The rows are never loaded: the DP-marginal
 * synthesizers send count queries over the public domains of `--metadata`, and only counts come back.
 */
import type { CliContext, ParsedArgs } from '../command.js';
import { requireStr, str, usage } from '../args.js';
import { hooks, outFile, writeModel } from '../shared.js';
import { fitFlags, listFlag } from '../flags.js';
import { readCountingSchema } from '../../io/documents.js';
import { openCountableRows } from '../../io/count-sql.js';
import { fitCounted, privacyLabel } from '../../pipeline/release.js';

export async function fitWhereRowsLive(args: ParsedArgs, ctx: CliContext): Promise<number> {
  // a URL or a glob is no file: only a local table, if any, is checked against --out
  const out = outFile(args, 'json', 'where to write the model, e.g. --out model.json', 'the input table');
  const metadata = requireStr(
    args,
    'metadata',
    'the kinds, facts and public domains of the columns, e.g. --metadata meta.json (rows counted where they live are never read, so nothing is inferred: write it with `lookalike inspect` on a public sample or by hand, docs/scale.md)',
  );
  if (str(args, 'sql') !== undefined)
    throw usage('--sql reads a query result into memory; counting where the rows live takes --table instead');
  const spec = { ...fitFlags(args), ...hooks(ctx) };
  const schema = await readCountingSchema(metadata);
  const where = { shards: listFlag(args, 'shards'), table: str(args, 'table'), onNote: spec.onNote };
  const rows = openCountableRows(args.positionals[0], where);
  const { model, seconds } = await fitCounted(rows, schema, spec).finally(() => rows.close());
  await writeModel(model, out);
  if (ctx.json) {
    const { synthesizer, privacy } = { synthesizer: spec.synthesizer, privacy: model.privacy };
    ctx.outJson({
      model: out,
      synthesizer,
      privacy,
      source: rows.label,
      columns: schema.columns.length,
      seconds,
    });
  } else ctx.out(`model: ${out}\nsynthesizer: ${spec.synthesizer} — ${privacyLabel(model.privacy)}`);
  return 0;
}
