import type { Command } from '../command.js';
import { int, keyValues, num, requireStr, str } from '../args.js';
import {
  checkOutputFile,
  fitModel,
  printJson,
  privacyLabel,
  readInput,
  readOptionsFrom,
  READ_OPTIONS,
  writeModel,
} from '../shared.js';
import { checkFitOptions, getSynthesizer } from '../../synthesizers/registry.js';
import type { FitOptions } from '../../synthesizers/types.js';
import type { ParsedArgs } from '../command.js';
import { DEFAULT_DELTA } from '../../privacy/ledger.js';
import { rulesFromMetadata, withRules } from '../conditions.js';
import { refuseOverwrite } from '../overwrite.js';
import { fitDatabase, isDatabaseInput } from './relational.js';

/** Options shared by `fit`, `run` and `demo`. */
export const FIT_OPTIONS = {
  ...READ_OPTIONS,
  synthesizer: {
    type: 'string',
    short: 's',
    placeholder: 'NAME',
    description: 'synthesizer (default gaussian-copula; see lookalike synthesizers)',
  },
  metadata: {
    type: 'string',
    short: 'm',
    placeholder: 'M',
    description:
      'metadata JSON: kinds, roles, public domains (see lookalike inspect) and business rules ("constraints", kept in every sample)',
  },
  seed: { type: 'string', placeholder: 'S', description: 'seed for everything but DP noise (default 0)' },
  epsilon: { type: 'string', placeholder: 'E', description: 'DP synthesizers: privacy budget ε > 0' },
  delta: {
    type: 'string',
    placeholder: 'D',
    description: `DP synthesizers: δ in (0, 1) (default ${DEFAULT_DELTA})`,
  },
  sql: {
    type: 'string',
    placeholder: 'QUERY',
    description: 'read the table from this SQL query; <table> is then a DuckDB database file',
  },
  option: {
    type: 'string',
    multiple: true,
    placeholder: 'K=V',
    description: 'a synthesizer option, repeatable (see lookalike synthesizers)',
  },
} as const;

export function fitOptionsFrom(args: ParsedArgs): { name: string; opts: FitOptions } {
  const name = str(args, 'synthesizer') ?? 'gaussian-copula';
  const synth = getSynthesizer(name);
  const epsilon = num(args, 'epsilon');
  let delta = num(args, 'delta');
  if (synth.privacy !== 'none' && epsilon !== undefined && delta === undefined) delta = DEFAULT_DELTA;
  const options = keyValues(args, 'option');
  const opts: FitOptions = {
    seed: int(args, 'seed', { default: 0 }),
    ...(epsilon !== undefined ? { epsilon } : {}),
    ...(delta !== undefined ? { delta } : {}),
    ...(Object.keys(options).length ? { options } : {}),
  };
  checkFitOptions(synth, opts); // the library checks again in fit; here it fails before any file is read
  return { name, opts };
}

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
  options: {
    ...FIT_OPTIONS,
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'FILE',
      description: 'where to write the model (.json), required',
    },
  },
  examples: [
    'npx lookalike fit node_modules/vega-datasets/data/penguins.json --synthesizer gaussian-copula --out penguins-model.json',
  ],
  async run(args, ctx) {
    if (isDatabaseInput(args.positionals[0]) && args.values.sql === undefined) return fitDatabase(args, ctx);
    const out = requireStr(args, 'out', 'where to write the model, e.g. --out model.json');
    checkOutputFile(out, 'out', 'json');
    refuseOverwrite(
      [
        { path: args.positionals[0], what: str(args, 'sql') ? 'the database' : 'the input table' },
        { path: str(args, 'metadata'), what: 'the metadata file' },
      ],
      [{ path: out, what: '--out' }],
    );
    const { name, opts } = fitOptionsFrom(args);
    const metadata = str(args, 'metadata');
    const { table, schema } = await readInput(
      args.positionals[0],
      metadata,
      ctx,
      str(args, 'sql'),
      readOptionsFrom(args),
    );
    const rules = await rulesFromMetadata(metadata, schema);
    const synth = withRules(getSynthesizer(name), rules, ctx);
    const { model, seconds } = await fitModel(table, schema, synth, opts, ctx);
    await writeModel(model, out);
    if (ctx.json) {
      printJson(ctx, {
        model: out,
        synthesizer: name,
        privacy: model.privacy,
        rows: table.nRows,
        columns: table.nColumns,
        rules: rules.length,
        seconds,
      });
    } else {
      ctx.out(`model: ${out}\nsynthesizer: ${name} — ${privacyLabel(model.privacy)}`);
    }
    return 0;
  },
};
