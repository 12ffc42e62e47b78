import type { Command } from '../command.js';
import { str, usage } from '../args.js';
import { hooks, readInput, writeModel, outFile } from '../shared.js';
import { readRules } from '../../io/documents.js';
import { fitFlags } from '../flags.js';
import { commandDoc } from '../help.js';
import { fitDatabase } from './relational.js';
import { isDatabaseInput } from '../../io/relational.js';
import { countsWhereRowsLive } from '../../io/count-source.js';
import { fit, privacyLabel } from '../../pipeline/release.js';

export const command: Command = {
  name: 'fit',
  positionals: ['table'],
  optionalPositionals: 1,
  async run(args, ctx) {
    const where = {
      table: str(args, 'table'),
      shards: str(args, 'shards'),
      pushdown: args.values.pushdown === true,
    };
    if (countsWhereRowsLive(args.positionals[0], where))
      return (await import('./fit-counts.js')).fitWhereRowsLive(args, ctx);
    if (args.positionals.length === 0)
      throw usage(
        `lookalike fit: expected the table to fit (or --shards)\nUsage: ${commandDoc(command).usage}`,
      );
    if (isDatabaseInput(args.positionals[0]) && args.values.sql === undefined) return fitDatabase(args, ctx);
    const what = str(args, 'sql') ? 'the database' : 'the input table';
    const out = outFile(args, 'json', 'where to write the model, e.g. --out model.json', what);
    const spec = fitFlags(args);
    const { table, schema } = await readInput(args.positionals[0], args, ctx);
    const rules = await readRules(str(args, 'metadata'), schema);
    const { model, seconds } = await fit(table, schema, { ...spec, ...hooks(ctx), rules });
    await writeModel(model, out);
    const { nRows: rows, nColumns: columns } = table;
    const synthesizer = spec.synthesizer;
    if (ctx.json)
      ctx.outJson({
        model: out,
        synthesizer,
        privacy: model.privacy,
        rows,
        columns,
        rules: rules.length,
        seconds,
      });
    else ctx.out(`model: ${out}\nsynthesizer: ${synthesizer} — ${privacyLabel(model.privacy)}`);
    return 0;
  },
};
