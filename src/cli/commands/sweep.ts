import { join } from 'node:path';
import type { Command } from '../command.js';
import { int, num, requireStr, str } from '../args.js';
import { hooks, policyFlag, printJson, readerLike, readInput } from '../shared.js';
import { flags, holdoutFlags, listFlag, READ_FLAGS } from '../flags.js';
import { ATTACK_FLAGS, attackCountFlag, attacksFlag, withWorkerSearch } from '../attacks.js';
import { filesIn, makeOutputDir, refuseOverwrite } from '../../io/overwrite.js';
import { readRules } from '../../io/documents.js';
import { writeFileAtomic } from '../../io/index.js';
import { fileSweepStore } from '../../io/sweep-store.js';
import { LookalikeError } from '../../errors.js';
import { renderSweepHtml } from '../../report/sweep.js';
import {
  checkTarget,
  formatSweep,
  holdOut,
  sweep,
  sweepProblems,
  sweepSummary,
} from '../../pipeline/index.js';
import type { SweepSpec } from '../../pipeline/index.js';

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'fit and evaluate synthesizers across privacy budgets ε; plot the trade-off and recommend a point',
  usage:
    'lookalike sweep <table> --synthesizers mst,aim --epsilons 0.1,0.3,1,3,10 [--target COL] [--policy P] [--metadata M] --out-dir DIR',
  description:
    'Splits the table into training rows and a holdout (seeded; or --holdout FILE), then for every synthesizer × ε: ' +
    'fits on the training rows, samples as many rows, evaluates fidelity, utility and privacy risk against the ' +
    'holdout, and checks the policy (the default policy without --policy). Each finished point is written to ' +
    'DIR/points/<synthesizer>-eps<ε>.json (non-DP synthesizers: <synthesizer>-nodp.json, fitted once) with its full ' +
    'evaluation beside it; a rerun skips finished points, so an interrupted sweep resumes. Writes DIR/sweep.html (the ' +
    'fidelity / utility / privacy-risk frontier against ε, the points meeting the policy marked) and DIR/sweep.json, ' +
    'and recommends the smallest ε meeting every target (ties: best ML utility). DP synthesizers need public domains ' +
    '(--metadata; see lookalike inspect). Business rules under "constraints" in --metadata are kept in every point ' +
    '(as lookalike fit does). The library call is sweep (docs/pipeline.md).',
  positionals: ['table'],
  options: flags(
    [
      ...READ_FLAGS,
      'synthesizers',
      'epsilons',
      'delta',
      'target',
      'policy',
      'metadata',
      'holdout',
      'holdout-fraction',
      'rows',
      'seed',
      'out-dir',
    ],
    ATTACK_FLAGS,
  ),
  examples: [
    'npx lookalike sweep node_modules/vega-datasets/data/penguins.json --synthesizers independent,gaussian-copula --target Species --out-dir out/sweep',
  ],
  async run(args, ctx) {
    const outDir = requireStr(args, 'out-dir', 'the folder to write into, e.g. --out-dir sweep/');
    const problems: string[] = [];
    const epsilons = listFlag(args, 'epsilons')?.map((e) => {
      const x = Number(e);
      if (!(Number.isFinite(x) && x > 0)) problems.push(`--epsilons: "${e}" is not a number > 0`);
      return x;
    });
    const attacks = attacksFlag(args, problems);
    const spec: SweepSpec = {
      ...hooks(ctx),
      synthesizers:
        listFlag(args, 'synthesizers') ??
        requireStr(args, 'synthesizers', 'e.g. --synthesizers mst,aim').split(','),
      epsilons: epsilons?.filter((x) => x > 0),
      delta: num(args, 'delta'),
      attacks,
      nAttacks: attackCountFlag(args),
      seed: int(args, 'seed', { default: 0 }),
      rows: int(args, 'rows', { min: 1, max: 100_000_000 }),
    };
    problems.push(...sweepProblems({ ...spec, attacks: undefined }));
    if (problems.length) throw new LookalikeError('cannot start the sweep:', problems, 'usage');
    const tablePath = args.positionals[0];
    const inputFiles = [
      { path: tablePath, what: 'the input table' },
      { path: str(args, 'metadata'), what: 'the metadata file' },
      { path: str(args, 'holdout'), what: 'the holdout table' },
      { path: str(args, 'policy'), what: 'the policy file' },
    ];
    const pointsDir = [{ path: join(outDir, 'points'), what: 'the --out-dir points folder' }];
    refuseOverwrite(inputFiles, filesIn(outDir, 'out-dir', ['sweep.html', 'sweep.json']), pointsDir);
    const policy = await policyFlag(args);
    const { table, schema } = await readInput(tablePath, args, ctx);
    const target = checkTarget(table, schema, str(args, 'target'));
    const rules = await readRules(str(args, 'metadata'), schema);
    const { train, holdout } = holdOut(
      table,
      await holdoutFlags(args, ctx, readerLike(schema, ctx)),
      hooks(ctx),
    );
    const fraction = str(args, 'holdout-fraction');
    const inputs = {
      table: tablePath,
      metadata: str(args, 'metadata') ?? null,
      holdout: str(args, 'holdout') ?? null,
      ...(fraction !== undefined ? { holdoutFraction: fraction } : {}),
    };
    await makeOutputDir(join(outDir, 'points'), 'out-dir');
    const r = await withWorkerSearch((search) =>
      sweep(
        train,
        holdout,
        schema,
        { ...spec, inputs, target, policy, search, ...(rules.length ? { rules } : {}) },
        fileSweepStore(join(outDir, 'points')),
      ),
    );
    ctx.step('drawing the frontier');
    const html = await renderSweepHtml(r.points, { failures: r.failures, table: tablePath });
    await writeFileAtomic(join(outDir, 'sweep.html'), html);
    const summary = sweepSummary(r, tablePath);
    await writeFileAtomic(join(outDir, 'sweep.json'), `${JSON.stringify(summary, null, 2)}\n`);
    if (ctx.json) printJson(ctx, summary);
    else ctx.out(`${formatSweep(r)}\nsweep: ${join(outDir, 'sweep.html')}`);
    return r.points.length === 0 && r.failures.length > 0 ? 1 : 0;
  },
};
