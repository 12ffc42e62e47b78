import type { Command } from '../command.js';
import { requireStr, str } from '../args.js';
import { checkOutputFile, hooks, printJson, readInput, writeModel } from '../shared.js';
import { FIT_FLAGS, fitFlags, flags } from '../flags.js';
import { rulesFromMetadata } from '../conditions.js';
import { refuseOverwrite } from '../overwrite.js';
import { fitDatabase, isDatabaseInput } from './relational.js';
import { fit, privacyLabel } from '../../pipeline/release.js';

export const fitCommand: Command = {
  name: 'fit',
  summary: 'fit a synthesizer to a table and save the model (JSON)',
  usage:
    'lookalike fit <table> --synthesizer NAME [--metadata M] [--seed S] [--epsilon E --delta D] --out model.json',
  description:
    'Learns the statistics of a table with the chosen synthesizer and writes the model as a versioned JSON file: the ' +
    'schema, the parameters and, for differentially private synthesizers, the privacy ledger. The model file never ' +
    'holds code; sample from it with lookalike sample. Non-DP models may hold values of the table (quantiles, ' +
    'category counts): treat their files as sensitive. DP synthesizers need public or DP domains (see lookalike inspect).\n' +
    'Business rules listed under "constraints" in the metadata file (a <= b, ranges, fixed combinations, computed ' +
    'columns, one-hot groups, uniqueness, formats, if-then rules; docs/constraints.md) are kept by every ' +
    'synthesizer: by construction where it can, else by drawing breaking rows again (bounded; an error names the ' +
    'rule that cannot be met). Training rows that break a rule are left out of the fit. Under DP the rules are ' +
    'public knowledge and cost no budget.',
  positionals: ['table'],
  options: flags(FIT_FLAGS, {
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'FILE',
      description: 'where to write the model (.json), required',
    },
  }),
  examples: [
    'npx lookalike fit node_modules/vega-datasets/data/penguins.json --synthesizer gaussian-copula --out penguins-model.json',
  ],
  async run(args, ctx) {
    if (isDatabaseInput(args.positionals[0]) && args.values.sql === undefined) return fitDatabase(args, ctx);
    const out = requireStr(args, 'out', 'where to write the model, e.g. --out model.json');
    checkOutputFile(out, 'out', 'json');
    const inputs = [
      { path: args.positionals[0], what: str(args, 'sql') ? 'the database' : 'the input table' },
      { path: str(args, 'metadata'), what: 'the metadata file' },
    ];
    refuseOverwrite(inputs, [{ path: out, what: '--out' }]);
    const spec = fitFlags(args);
    const name = spec.synthesizer;
    const { table, schema } = await readInput(args.positionals[0], args, ctx);
    const rules = await rulesFromMetadata(str(args, 'metadata'), schema);
    const { model, seconds } = await fit(table, schema, { ...spec, ...hooks(ctx), rules });
    await writeModel(model, out);
    if (ctx.json) {
      const { nRows: rows, nColumns: columns } = table;
      printJson(ctx, {
        model: out,
        synthesizer: name,
        privacy: model.privacy,
        rows,
        columns,
        rules: rules.length,
        seconds,
      });
    } else {
      ctx.out(`model: ${out}\nsynthesizer: ${name} — ${privacyLabel(model.privacy)}`);
    }
    return 0;
  },
};
