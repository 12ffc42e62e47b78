import type { Command } from '../command.js';
import { requireStr, str, usage } from '../args.js';
import { hooks, printJson, readInput, writeModel } from '../shared.js';
import { readRules } from '../../io/documents.js';
import { FIT_FLAGS, PUSHDOWN_FLAGS, fitFlags, flags } from '../flags.js';
import { fitWhereRowsLive, wantsPushdown } from './fit-counts.js';
import { checkOutputFile, refuseOverwrite } from '../../io/overwrite.js';
import { fitDatabase } from './relational.js';
import { isDatabaseInput } from '../../io/relational.js';
import { fit, privacyLabel } from '../../pipeline/release.js';

export const fitCommand: Command = {
  name: 'fit',
  summary: 'fit a synthesizer to a table and save the model (JSON)',
  usage:
    'lookalike fit <table> --synthesizer NAME [--metadata M] [--seed S] [--epsilon E --delta D] --out model.json\n' +
    '       lookalike fit <postgres://… | data/*.parquet | db.duckdb> [--table T] --synthesizer mst|aim|privbayes|independent --epsilon E --metadata M --out model.json\n' +
    '       lookalike fit --shards URL1,URL2,URL3 --table T --synthesizer NAME --epsilon E --metadata M --out model.json',
  description:
    'Learns the statistics of a table with the chosen synthesizer and writes the model as a versioned JSON file: the ' +
    'schema, the parameters and, for differentially private synthesizers, the privacy ledger. The model file never ' +
    'holds code; sample from it with lookalike sample. Non-DP models may hold values of the table (quantiles, ' +
    'category counts): treat their files as sensitive. DP synthesizers need public or DP domains (see lookalike inspect).\n' +
    'Business rules listed under "constraints" in the metadata file (a <= b, ranges, fixed combinations, computed ' +
    'columns, one-hot groups, uniqueness, formats, if-then rules; docs/constraints.md) are kept by every ' +
    'synthesizer: by construction where it can, else by drawing breaking rows again (bounded; an error names the ' +
    'rule that cannot be met). Training rows that break a rule are left out of the fit. Under DP the rules are ' +
    'public knowledge and cost no budget.\n' +
    'Counted where the rows live (docs/scale.md): a PostgreSQL URL with --table, PostgreSQL shards with --shards, a ' +
    'Parquet/CSV glob (or a file with --pushdown) or a .duckdb file with --table are never loaded: the DP-marginal ' +
    'synthesizers send GROUP BY count queries over the public domains of --metadata (required) and only counts ' +
    'come back. Credentials come from the URL or the environment (PGPASSWORD, PGUSER, …) and are never printed.',
  positionals: ['table'],
  optionalPositionals: 1,
  options: flags([...FIT_FLAGS, ...PUSHDOWN_FLAGS], {
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
    if (wantsPushdown(args)) return fitWhereRowsLive(args, ctx);
    if (args.positionals.length === 0)
      throw usage(`lookalike fit: expected the table to fit (or --shards)\nUsage: ${fitCommand.usage}`);
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
    const rules = await readRules(str(args, 'metadata'), schema);
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
