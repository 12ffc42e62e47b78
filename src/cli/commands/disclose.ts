import type { Command, ParsedArgs } from '../command.js';
import { int, list, num, requireStr, str, usage } from '../args.js';
import { printJson, readModel } from '../shared.js';
import { readTable, writeFileAtomic, writeTable } from '../../io/index.js';
import {
  applyDisclosureControl,
  disclosureStepsFromText,
  guaranteeAfter,
  type DisclosureStep,
} from '../../constraints/disclosure.js';
import { formatDisclosure } from '../../pipeline/disclose.js';
import { readDisclosureSteps } from '../../io/documents.js';
import type { Schema } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import type { Model } from '../../synthesizers/types.js';
import { checkOutputFile, refuseOverwrite } from '../../io/overwrite.js';

/** The steps the flags ask for (constraints/disclosure.ts reads their text). */
function stepsFromFlags(args: ParsedArgs, schema: Schema | null): DisclosureStep[] {
  return disclosureStepsFromText(
    {
      mergeRare: int(args, 'merge-rare', { min: 2 }),
      topCode: list(args, 'top-code'),
      round: list(args, 'round'),
      kAnonymise: int(args, 'k-anonymise', { min: 2 }),
      quasiIdentifiers: str(args, 'quasi-identifiers'),
      maxSuppression: num(args, 'max-suppression'),
      removeTrainingMatches: str(args, 'remove-training-matches') !== undefined,
    },
    schema,
  );
}

export const command: Command = {
  name: 'disclose',
  positionals: ['synthetic'],
  async run(args, ctx) {
    const out = requireStr(args, 'out', 'where to write the filtered table, e.g. --out released.csv');
    checkOutputFile(out, 'out', 'table');
    const reportPath = str(args, 'report');
    if (reportPath !== undefined) checkOutputFile(reportPath, 'report', 'json');
    refuseOverwrite(
      [
        { path: args.positionals[0], what: 'the input table' },
        { path: str(args, 'steps'), what: 'the steps file' },
        { path: str(args, 'model'), what: 'the model file' },
        { path: str(args, 'remove-training-matches'), what: 'the training table' },
      ],
      [
        { path: out, what: '--out' },
        { path: reportPath, what: '--report' },
      ],
    );
    const stepsFile = str(args, 'steps');
    const modelPath = str(args, 'model');
    const model: Model | null = modelPath ? await readModel(modelPath) : null;
    let steps: DisclosureStep[];
    if (stepsFile !== undefined) {
      steps = await readDisclosureSteps(stepsFile);
      const flags = stepsFromFlags(args, model?.schema ?? null);
      if (flags.some((s) => s.type !== 'remove-training-matches'))
        throw usage('give the steps either in --steps or as flags, not both');
      if (flags.length && !steps.some((s) => s.type === 'remove-training-matches')) steps.push(...flags);
    } else steps = stepsFromFlags(args, model?.schema ?? null);
    if (!steps.length)
      throw usage(
        'no step asked for: give --merge-rare, --top-code, --round, --k-anonymise, --remove-training-matches or --steps',
      );
    const trainingPath = str(args, 'remove-training-matches');
    const wantsTraining = steps.some((s) => s.type === 'remove-training-matches');
    if (wantsTraining && trainingPath === undefined)
      throw usage(
        'the remove-training-matches step needs the training table: --remove-training-matches TRAIN',
      );
    ctx.step(`reading ${args.positionals[0]}`);
    const { table } = await readTable(args.positionals[0], { onWarning: (w) => ctx.err(`warning: ${w}`) });
    let training: Table | undefined;
    if (wantsTraining) {
      ctx.err(
        'warning: --remove-training-matches reads the training data; such filters can leak it (ReconSyn): the release is not differentially private',
      );
      training = (await readTable(trainingPath!, { onWarning: (w) => ctx.err(`warning: ${w}`) })).table;
    }
    ctx.step(`applying ${steps.length} disclosure-control step${steps.length > 1 ? 's' : ''}`);
    const { table: filtered, report } = applyDisclosureControl(table, steps, training);
    await writeTable(filtered, out);
    const guarantee = model
      ? {
          before: model.privacy,
          after: guaranteeAfter(model.privacy, report),
          ...(report.warning ? { why: report.warning } : {}),
        }
      : undefined;
    const json = { ...report, ...(guarantee ? { guarantee } : {}) };
    if (reportPath !== undefined) await writeFileAtomic(reportPath, `${JSON.stringify(json, null, 2)}\n`);
    if (ctx.json) printJson(ctx, { out, ...(reportPath ? { report: reportPath } : {}), ...json });
    else ctx.out(formatDisclosure(report, out, guarantee));
    return 0;
  },
};
