import { join } from 'node:path';
import type { CliContext, Command, ParsedArgs } from '../command.js';
import { int, requireStr, str, usage } from '../args.js';
import { gateExit, hooks, policyFlag, printJson, readerLike, readInput, writeModel } from '../shared.js';
import { attackCountFlag, attacksFlag, withWorkerSearch } from '../attacks.js';
import { fitFlags, holdoutFlags, privacyFlag } from '../flags.js';
import { readJobConstraints } from '../../io/documents.js';
import { filesIn, makeOutputDir, refuseOverwrite } from '../../io/overwrite.js';
import { runDatabase } from './relational.js';
import { isDatabaseInput } from '../../io/relational.js';
import { writeFileAtomic, writeTable, WRITE_FORMATS } from '../../io/index.js';
import { schemaToMetadata } from '../../table/metadata.js';
import { formatSummary } from '../../metrics/index.js';
import { formatScorecard } from '../../policy/index.js';
import { checkTarget, jobSummary, privacyLabel, runJob } from '../../pipeline/index.js';

/**
 * The body of `run` and `demo`: read the table, call the pipeline's `runJob`, write metadata.json, model.json,
 * synthetic.<format>, evaluation.json and report.html into `outDir`, print the summary; returns the exit code.
 */
export async function runJobCommand(
  path: string,
  outDir: string,
  args: ParsedArgs,
  ctx: CliContext,
  defaults: { target?: string } = {},
): Promise<number> {
  const format = str(args, 'format') ?? 'csv';
  if (!(WRITE_FORMATS as readonly string[]).includes(format))
    throw usage(`--format must be one of ${WRITE_FORMATS.join(', ')}, got "${format}"`);
  const rows = int(args, 'rows', { min: 1, max: 100_000_000 });
  const privacy = privacyFlag(args);
  const evaluate = args.values['no-evaluate'] !== true;
  const inputs = [
    { path, what: str(args, 'sql') ? 'the database' : 'the input table' },
    { path: str(args, 'metadata'), what: 'the metadata file' },
    { path: str(args, 'policy'), what: 'the policy file' },
    { path: str(args, 'holdout'), what: 'the holdout table' },
    { path: str(args, 'disclosure'), what: 'the disclosure steps file' },
  ];
  const names = ['metadata.json', 'model.json', `synthetic.${format}`, 'evaluation.json', 'report.html'];
  refuseOverwrite(inputs, filesIn(outDir, 'out-dir', names));
  const attacks = attacksFlag(args);
  const nAttacks = attackCountFlag(args);
  const policy = await policyFlag(args);
  const fit = fitFlags(args);
  const { table, schema } = await readInput(path, args, ctx);
  const holdout = await holdoutFlags(args, ctx, readerLike(schema, ctx));
  const constraints = await readJobConstraints(
    { metadata: str(args, 'metadata'), disclosure: str(args, 'disclosure') },
    schema,
    str(args, 'rebalance'),
    (w) => ctx.err(`warning: ${w}`),
  );
  if (privacy && 'fraction' in holdout && holdout.fraction === 0)
    throw usage('--privacy on needs a holdout (--holdout FILE or --holdout-fraction > 0)');
  const target = str(args, 'target') ?? defaults.target;
  if (evaluate) checkTarget(table, schema, target); // before the folder is made
  await makeOutputDir(outDir, 'out-dir');
  const job = await withWorkerSearch((search) =>
    runJob(table, schema, {
      ...fit,
      ...constraints,
      ...hooks(ctx),
      ...{ holdout, evaluate, rows, target, privacy, attacks, nAttacks, policy, search },
      title: `${fit.synthesizer} on ${path.split('/').pop()}`,
    }),
  );
  const files: Record<string, string> = {
    metadata: join(outDir, 'metadata.json'),
    model: join(outDir, 'model.json'),
    synthetic: join(outDir, `synthetic.${format}`),
  };
  // beside a DP model, only what the model releases (its declared and DP domains; issue 10, README "run folder")
  const used = job.model.privacy.type === 'dp' ? job.model.schema : schema;
  await writeFileAtomic(files.metadata, `${JSON.stringify(schemaToMetadata(used), null, 2)}\n`);
  await writeModel(job.model, files.model);
  await writeTable(job.synthetic, files.synthetic);
  if (job.evaluation && job.gate && job.report !== undefined) {
    files.evaluation = join(outDir, 'evaluation.json');
    files.report = join(outDir, 'report.html');
    await writeFileAtomic(files.evaluation, `${JSON.stringify(job.evaluation)}\n`);
    await writeFileAtomic(files.report, job.report);
    if (!ctx.json) {
      ctx.out(formatSummary(job.evaluation));
      const which = policy ? 'Policy' : 'Default policy (display only; gate with --policy)';
      ctx.out(`\n${which}:\n${formatScorecard(job.gate.scorecard)}\n`);
    }
  }
  const n = (x: number) => x.toLocaleString('en-US');
  const summary = jobSummary(job);
  const r = summary.rows;
  if (ctx.json) printJson(ctx, { outDir, ...summary, files });
  else
    ctx.out(
      [
        `synthesizer: ${summary.synthesizer} — ${privacyLabel(summary.privacy)}`,
        `rows: ${n(r.input)} in (${n(r.fitted)} fitted, ${n(r.holdout)} held out), ${n(r.synthetic)} synthetic`,
        ...Object.entries(files).map(([k, v]) => `${k}: ${v}`),
      ].join('\n'),
    );
  return job.gate ? gateExit(job.gate, policy !== undefined, ctx) : 0;
}

export const command: Command = {
  name: 'run',
  positionals: ['table'],
  async run(args, ctx) {
    if (isDatabaseInput(args.positionals[0]) && args.values.sql === undefined) return runDatabase(args, ctx);
    const outDir = requireStr(args, 'out-dir', 'the folder to write into, e.g. --out-dir out/');
    return runJobCommand(args.positionals[0], outDir, args, ctx);
  },
};
