import type { Command } from '../command.js';
import { flag, str, usage } from '../args.js';
import { printJson, readInput } from '../shared.js';
import { formatTable } from '../../format.js';
import { flags, READ_FLAGS } from '../flags.js';
import { schemaToMetadata } from '../../table/metadata.js';
import {
  isCategoricalDomain,
  isDatetimeDomain,
  isNumericDomain,
  type ColumnSpec,
} from '../../table/schema.js';
import { missingCount } from '../../table/column.js';
import { writeFileAtomic } from '../../io/index.js';
import { checkOutputFile, refuseOverwrite } from '../../io/overwrite.js';
import { inspectDatabase } from './relational.js';
import { isDatabaseInput } from '../../io/relational.js';

function domainText(c: ColumnSpec): string {
  const d = c.domain;
  if (isCategoricalDomain(d)) return `${d.categories.length} categories (${d.source})`;
  if (isNumericDomain(d))
    return `[${d.min}, ${d.max}]${d.bins ? ` in ${d.bins.length - 1} bins` : ''} (${d.source})`;
  if (isDatetimeDomain(d)) return `[${d.min}, ${d.max}] (${d.source})`;
  return '';
}

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'show the inferred schema of a table (kinds, roles, domains) and write it as a metadata file',
  usage:
    'lookalike inspect <table | folder | database.duckdb> [--metadata M] [--out metadata.json [--public-domains]]',
  description:
    'Reads a table (CSV, TSV, Parquet, JSON, JSONL, Arrow) and shows what lookalike infers for each column: its kind ' +
    '(numeric, categorical, boolean, datetime, id, text), integer-ness or datetime format, missing values, role and ' +
    'domain, and where the domain came from (inferred from the data, declared public, or released under DP).\n' +
    'With --out it writes the schema as a metadata file to review and edit, then pass to other commands with ' +
    '--metadata. Domains read off the data are marked "inferred": a differentially private fit refuses them, because ' +
    'they leak the data. --public-domains marks every domain as declared public instead — use it only when the bounds ' +
    'and category lists are public knowledge (a codebook, a standard), and check the file before you rely on it. ' +
    'The file also declares every other schema fact (kind, integer, decimals, format, nullable, idStyle), which a ' +
    'differentially private fit refuses to read off the data: review them too.\n' +
    'On a database (a folder of table files, or a DuckDB file) it proposes the keys instead — primary keys (unique ' +
    "columns, or a unique combination), foreign keys (columns whose values are a subset of another table's key) and " +
    'sequential tables — checks them against the data and lists every problem at once (duplicate or missing primary ' +
    'keys, orphan foreign keys, cycles) with counts, never values; it exits with 1 when there is one. --out writes the ' +
    "relational metadata with each table's columns to review; --metadata checks a metadata file you wrote.",
  positionals: ['table'],
  options: {
    ...flags([...READ_FLAGS, 'metadata']),
    out: { type: 'string', placeholder: 'FILE', description: 'write the schema as a metadata JSON file' },
    'public-domains': {
      type: 'boolean',
      description: 'mark every domain in --out as declared public (see above)',
    },
  },
  examples: [
    'npx lookalike inspect node_modules/vega-datasets/data/penguins.json',
    'npx lookalike inspect node_modules/vega-datasets/data/movies.json --out movies-metadata.json',
    'npx lookalike inspect ../shared/datasets/relational/berka --out berka-relational.json',
  ],
  async run(args, ctx) {
    const [path] = args.positionals;
    if (isDatabaseInput(path)) return inspectDatabase(args, ctx);
    const out = str(args, 'out');
    if (out) checkOutputFile(out, 'out', 'json');
    refuseOverwrite(
      [
        { path, what: 'the input table' },
        { path: str(args, 'metadata'), what: 'the metadata file' },
      ],
      [{ path: out, what: '--out' }],
    );
    if (flag(args, 'public-domains') && !out)
      throw usage(
        '--public-domains marks the domains of the file written by --out; give --out metadata.json',
      );
    const { table, schema } = await readInput(path, args, ctx);
    const pub = flag(args, 'public-domains');
    const meta = schemaToMetadata(schema, pub, table);
    if (out) {
      await writeFileAtomic(out, `${JSON.stringify(meta, null, 2)}\n`);
      ctx.step(`wrote ${out}${pub ? ' (every domain marked public: review it)' : ''}`);
    }
    if (ctx.json) {
      printJson(ctx, { rows: table.nRows, ...meta });
      return 0;
    }
    const rows = schema.columns.map((c) => {
      const col = table.column(c.name);
      const miss = missingCount(col);
      return [
        c.name,
        c.kind +
          (c.kind === 'numeric'
            ? c.integer
              ? ' (integer)'
              : ' (float)'
            : c.kind === 'datetime'
              ? ` (${c.format})`
              : ''),
        c.role ?? '',
        miss ? `${miss} (${((100 * miss) / table.nRows).toFixed(1)}%)` : '0',
        domainText(c),
      ];
    });
    ctx.out(`${table.nRows.toLocaleString('en-US')} rows × ${table.nColumns} columns\n`);
    ctx.out(formatTable(['column', 'kind', 'role', 'missing', 'domain'], rows));
    return 0;
  },
};
