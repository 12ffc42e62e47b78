import type { Command } from '../command.js';
import { flag, str, usage } from '../args.js';
import { printJson, readInput } from '../shared.js';
import { formatTable } from '../../format.js';
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

export const command: Command = {
  name: 'inspect',
  positionals: ['table'],
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
