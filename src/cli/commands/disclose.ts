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

export const discloseCommand: Command = {
  name: 'disclose',
  summary: 'post-hoc disclosure control of a synthetic table: merge, code, round, k-anonymise, filter',
  usage:
    'lookalike disclose <synthetic> [--merge-rare N] [--top-code COL=LO:HI] [--round COL=UNIT] [--k-anonymise K --quasi-identifiers A,B] [--remove-training-matches TRAIN] [--steps steps.json] [--model model.json] --out FILE [--report disclosure.json]',
  description:
    'Applies statistical disclosure control to a synthetic (or any) table and writes the result with a report of ' +
    'what each step changed (cells per column, rows removed or suppressed). Nothing runs unless a step is asked for. ' +
    'Steps run in this order: categories seen fewer than N times merged into "Other"; values beyond a bound set to it ' +
    '(top/bottom coding); values rounded to a unit; k-anonymity of the quasi-identifiers by generalisation, then ' +
    'suppression of the rows still in classes smaller than K (at most --max-suppression of them, default 0.05); ' +
    'synthetic rows equal to a training row removed. --steps reads the same steps, in any order, from a JSON list ' +
    '(docs/constraints.md).\n' +
    'WARNING: --remove-training-matches reads the training data, and such filters can themselves leak it (Ganev & De ' +
    'Cristofaro 2023, ReconSyn): a DP model post-filtered on private data is NOT differentially private. It is off ' +
    'unless asked for, and with --model the report states the guarantee of the release after filtering. The other ' +
    'steps read only the table they change and leave the guarantee as it was.',
  positionals: ['synthetic'],
  options: {
    'merge-rare': {
      type: 'string',
      placeholder: 'N',
      description: 'merge categories seen fewer than N times into "Other" (every categorical column)',
    },
    'top-code': {
      type: 'string',
      multiple: true,
      placeholder: 'COL=LO:HI',
      description: 'set values below LO / above HI to the bound (either may be empty; repeatable)',
    },
    round: {
      type: 'string',
      multiple: true,
      placeholder: 'COL=UNIT',
      description: 'round a numeric column to multiples of UNIT (repeatable)',
    },
    'k-anonymise': {
      type: 'string',
      placeholder: 'K',
      description: 'make the quasi-identifiers K-anonymous (generalise, then suppress)',
    },
    'quasi-identifiers': {
      type: 'string',
      placeholder: 'A,B',
      description:
        'the quasi-identifiers for --k-anonymise (default: the model schema’s quasi-identifier roles)',
    },
    'max-suppression': {
      type: 'string',
      placeholder: 'F',
      description: 'k-anonymisation: largest share of rows suppressed (default 0.05)',
    },
    'remove-training-matches': {
      type: 'string',
      placeholder: 'TRAIN',
      description: 'remove rows equal to a row of this training table — reads private data, voids DP',
    },
    steps: {
      type: 'string',
      placeholder: 'FILE',
      description: 'the steps as a JSON list (instead of the flags)',
    },
    model: {
      type: 'string',
      placeholder: 'M',
      description: 'the model that drew the table: its guarantee (before and after) and quasi-identifiers',
    },
    out: { type: 'string', short: 'o', placeholder: 'FILE', description: 'the filtered table, required' },
    report: {
      type: 'string',
      placeholder: 'FILE',
      description: 'write the disclosure report (steps, counts, guarantee) as JSON',
    },
  },
  examples: [
    'npx lookalike disclose synthetic-penguins.csv --merge-rare 5 --round "Body Mass (g)=100" --out released.csv',
    'npx lookalike disclose synthetic-penguins.csv --k-anonymise 5 --quasi-identifiers Island,Sex,"Flipper Length (mm)" --out released.csv --report disclosure.json',
  ],
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
