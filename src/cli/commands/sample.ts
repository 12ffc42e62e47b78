import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { int, requireStr } from '../args.js';
import { checkOutputFile, printJson, privacyLabel, readModel } from '../shared.js';
import { writeTable } from '../../io/index.js';
import { usage } from '../args.js';

export const sampleCommand: Command = {
  name: 'sample',
  summary: 'draw synthetic rows from a saved model',
  usage: 'lookalike sample <model.json> --rows N [--seed S] --out synthetic.csv|.parquet|.jsonl',
  description:
    'Draws N synthetic rows from a model written by lookalike fit or run and writes them as CSV, TSV, Parquet, JSON or ' +
    'JSONL (chosen by the extension of --out). The same model, N and seed give the same bytes. Sampling reads no data: ' +
    'under DP it is post-processing and spends no budget.',
  positionals: ['model'],
  options: {
    rows: {
      type: 'string',
      short: 'n',
      placeholder: 'N',
      description: 'number of rows to draw (≥ 1), required',
    },
    seed: { type: 'string', placeholder: 'S', description: 'sampling seed (default 0)' },
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'FILE',
      description: 'output file: .csv, .tsv, .parquet, .json or .jsonl, required',
    },
  },
  examples: ['npx lookalike sample penguins-model.json --rows 1000 --seed 1 --out synthetic-penguins.csv'],
  async run(args, ctx) {
    const rowsText = args.values.rows;
    if (rowsText === undefined) throw usage('--rows is required: how many rows to draw, e.g. --rows 1000');
    const rows = int(args, 'rows', { min: 1, max: 100_000_000 })!;
    const seed = int(args, 'seed', { default: 0 })!;
    const out = requireStr(args, 'out', 'where to write the rows, e.g. --out synthetic.csv');
    checkOutputFile(out, 'out', 'table');
    if (resolve(out) === resolve(args.positionals[0]))
      throw usage('--out is the model file itself; write the rows somewhere else');
    const model = await readModel(args.positionals[0]);
    ctx.step(`sampling ${rows.toLocaleString('en-US')} rows from ${model.synthesizer} (seed ${seed})`);
    const t0 = Date.now();
    const table = model.sample(rows, { seed, onProgress: ctx.progress });
    await writeTable(table, out);
    const seconds = (Date.now() - t0) / 1000;
    if (ctx.json)
      printJson(ctx, { out, rows, seed, synthesizer: model.synthesizer, privacy: model.privacy, seconds });
    else
      ctx.out(
        `wrote ${rows.toLocaleString('en-US')} rows to ${out} — ${model.synthesizer}, ${privacyLabel(model.privacy)}`,
      );
    return 0;
  },
};
