import type { Command } from '../command.js';
import { int, list, requireStr, str, usage } from '../args.js';
import { printJson, privacyLabel, readModel } from '../shared.js';
import { readConditionRows } from '../../io/documents.js';
import { parseConditionPairs } from '../../synthesizers/conditions.js';
import { writeTable, writeTableChunks } from '../../io/index.js';
import { sampleInChunks, SAMPLE_CHUNK_ROWS } from '../../synthesizers/chunks.js';
import { parseRebalance, rebalancePlan } from '../../constraints/rebalance.js';
import type { Conditions } from '../../synthesizers/types.js';
import { checkOutputFile, refuseOverwrite } from '../../io/overwrite.js';
import { sampleDatabase } from './relational.js';
import { isRelationalModelFile } from '../../io/relational.js';

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'draw synthetic rows from a saved model, optionally conditioned or rebalanced',
  usage:
    'lookalike sample <model.json> --rows N [--seed S] [--condition COL=VALUE]… [--conditions FILE] [--rebalance COL=VALUE:SHARE] --out FILE',
  description:
    'Draws N synthetic rows from a model written by lookalike fit or run and writes them as CSV, TSV, Parquet, JSON or ' +
    'JSONL (chosen by the extension of --out). The same model, N, seed and conditions give the same bytes. Beyond ' +
    '1,000,000 rows an unconditioned sample is drawn and written chunk by chunk, in constant memory (chunk k drawn ' +
    'with a seed derived from S and k; up to a million rows the sample is exactly the unchunked draw). Sampling ' +
    'reads no data: under DP it is post-processing and spends no budget, conditioned or not.\n' +
    'Conditional sampling: --condition fixes a column in every row (repeatable); --conditions reads a table of ' +
    'condition rows (any format lookalike reads) and writes one output row per condition row, in order (an empty ' +
    'cell leaves that column free in that row; --rows may then be left out). Each synthesizer conditions natively ' +
    'where its model allows (docs/constraints.md). A condition on an unknown column, a value outside the ' +
    "column's categories or domain, or values that break one of the model's rules are an error (exit 1) listing " +
    'every problem.\n' +
    'Rebalancing: --rebalance income=>50K:0.5 gives exactly half of the rows the value >50K; the other rows take ' +
    'the other values by the model\'s own probabilities (several values: "grade=A:0.2,B:0.3").\n' +
    'A relational model (lookalike fit <folder or .duckdb>) draws a whole database: --out is a folder (one file ' +
    'per table, --format) or a .duckdb file, --scale X multiplies the rows (there is no --rows).',
  positionals: ['model'],
  options: {
    rows: {
      type: 'string',
      short: 'n',
      placeholder: 'N',
      description: 'number of rows to draw (≥ 1); required unless --conditions gives the rows',
    },
    seed: { type: 'string', placeholder: 'S', description: 'sampling seed (default 0)' },
    condition: {
      type: 'string',
      multiple: true,
      placeholder: 'COL=VALUE',
      description: 'every row has this value in this column (repeatable)',
    },
    conditions: {
      type: 'string',
      placeholder: 'FILE',
      description: 'a table of condition rows: one output row per condition row',
    },
    rebalance: {
      type: 'string',
      placeholder: 'COL=V:SHARE',
      description: 'exact shares of values of a categorical or boolean column, e.g. income=>50K:0.5',
    },
    scale: {
      type: 'string',
      placeholder: 'X',
      description: 'relational model: rows of every table as X times the real counts (default 1)',
    },
    format: {
      type: 'string',
      placeholder: 'F',
      description: 'relational model written to a folder: csv (default), tsv, parquet or jsonl',
    },
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'FILE',
      description: 'output file: .csv, .tsv, .parquet, .json or .jsonl, required',
    },
  },
  examples: [
    'npx lookalike sample penguins-model.json --rows 1000 --seed 1 --out synthetic-penguins.csv',
    'npx lookalike sample berka-model.json --seed 1 --out synthetic-berka/',
    'npx lookalike sample penguins-model.json --condition "Species=Adelie" --rows 500 --out adelie.csv',
    'npx lookalike sample penguins-model.json --conditions wanted.csv --out one-row-each.csv',
    'npx lookalike sample penguins-model.json --rebalance "Species=Chinstrap:0.5" --rows 1000 --out balanced.csv',
  ],
  async run(args, ctx) {
    if (await isRelationalModelFile(args.positionals[0])) return sampleDatabase(args, ctx);
    const conditionsFile = str(args, 'conditions');
    const rebalanceText = str(args, 'rebalance');
    const fixed = parseConditionPairs(list(args, 'condition'));
    if (rebalanceText !== undefined && (conditionsFile !== undefined || Object.keys(fixed).length))
      throw usage('--rebalance cannot be combined with --condition or --conditions');
    const rowsOpt = int(args, 'rows', { min: 1, max: 100_000_000 });
    if (rowsOpt === undefined && conditionsFile === undefined)
      throw usage('--rows is required: how many rows to draw, e.g. --rows 1000');
    const seed = int(args, 'seed', { default: 0 })!;
    const out = requireStr(args, 'out', 'where to write the rows, e.g. --out synthetic.csv');
    checkOutputFile(out, 'out', 'table');
    refuseOverwrite(
      [
        { path: args.positionals[0], what: 'the model file' },
        { path: conditionsFile, what: 'the conditions file' },
      ],
      [{ path: out, what: '--out' }],
    );
    const rebalance = rebalanceText !== undefined ? parseRebalance(rebalanceText) : undefined;
    const model = await readModel(args.positionals[0]);
    let conditions: Conditions | undefined;
    let rows = rowsOpt ?? 0;
    if (conditionsFile !== undefined) {
      const table = await readConditionRows(conditionsFile, fixed, (w) => ctx.err(`warning: ${w}`));
      rows = rowsOpt ?? table.length;
      conditions = table;
    } else if (Object.keys(fixed).length) conditions = fixed;
    else if (rebalance) conditions = rebalancePlan(model.schema, rows, rebalance, seed);
    const how = conditionsFile
      ? `, one per condition row of ${conditionsFile}`
      : Object.keys(fixed).length
        ? ` with ${Object.entries(fixed)
            .map(([k, v]) => `${k}=${v}`)
            .join(', ')}`
        : rebalance
          ? `, ${rebalance.column} rebalanced`
          : '';
    ctx.step(`sampling ${rows.toLocaleString('en-US')} rows from ${model.synthesizer}${how} (seed ${seed})`);
    const t0 = Date.now();
    if (!conditions && rows > SAMPLE_CHUNK_ROWS)
      // constant memory for any --rows: chunk by chunk into the file (sampleInChunks says how the rows relate to
      // one unchunked draw)
      await writeTableChunks(sampleInChunks(model, rows, { seed, onProgress: ctx.progress }), out);
    else
      await writeTable(
        model.sample(rows, { seed, onProgress: ctx.progress, ...(conditions ? { conditions } : {}) }),
        out,
      );
    const seconds = (Date.now() - t0) / 1000;
    if (ctx.json)
      printJson(ctx, {
        out,
        rows,
        seed,
        synthesizer: model.synthesizer,
        privacy: model.privacy,
        ...(conditionsFile ? { conditions: conditionsFile } : {}),
        ...(Object.keys(fixed).length ? { condition: fixed } : {}),
        ...(rebalance ? { rebalance } : {}),
        seconds,
      });
    else
      ctx.out(
        `wrote ${rows.toLocaleString('en-US')} rows to ${out} — ${model.synthesizer}, ${privacyLabel(model.privacy)}`,
      );
    return 0;
  },
};
