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

export const command: Command = {
  name: 'sample',
  positionals: ['model'],
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
