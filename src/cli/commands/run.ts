import { join } from 'node:path';
import type { CliContext, Command, ParsedArgs } from '../command.js';
import { int, num, requireStr, str, usage } from '../args.js';
import { fitModel, printJson, privacyLabel, readInput, readOptionsFrom, writeModel } from '../shared.js';
import { ATTACK_COUNT_OPTION, attackCountOption, attacksOption, neighbourSearch } from '../attacks.js';
import { FIT_OPTIONS, fitOptionsFrom } from './fit.js';
import { gate, policyFromArgs } from './report.js';
import { getSynthesizer } from '../../synthesizers/registry.js';
import { writeFileAtomic, writeTable, WRITE_FORMATS } from '../../io/index.js';
import { schemaToMetadata } from '../../table/metadata.js';
import { targetColumn } from '../../table/schema.js';
import { Rng } from '../../random/rng.js';
import { evaluate, formatSummary, type Evaluation } from '../../metrics/index.js';
import { applyPolicy, DEFAULT_POLICY, formatScorecard, policySubject } from '../../policy/index.js';
import { evaluatePrivacy } from '../../metrics/privacy/index.js';
import { renderHtmlReport } from '../../report/html.js';
import { modelSummary } from '../../report/model.js';
import { filesIn, makeOutputDir, refuseOverwrite } from '../overwrite.js';
import { isDatabaseInput, runDatabase } from './relational.js';

export const RUN_OPTIONS = {
  ...FIT_OPTIONS,
  rows: {
    type: 'string',
    short: 'n',
    placeholder: 'N',
    description: 'synthetic rows to draw (default: as many as the rows the model was fitted on)',
  },
  format: {
    type: 'string',
    placeholder: 'F',
    description: `synthetic file format: ${WRITE_FORMATS.join(', ')} (default csv)`,
  },
  holdout: {
    type: 'string',
    placeholder: 'F',
    description:
      'share of rows held out from fitting, for utility and privacy checks (default 0.2; 0 = fit on every row)',
  },
  target: {
    type: 'string',
    short: 't',
    placeholder: 'COL',
    description: 'column to predict for the utility check (default: the column whose role is target)',
  },
  privacy: {
    type: 'string',
    placeholder: 'on|off',
    description: 'run the privacy-risk attacks (default on; needs a holdout)',
  },
  policy: {
    type: 'string',
    short: 'p',
    placeholder: 'P',
    description:
      'policy file (YAML or JSON); exit code 3 when a target fails (default policy shown otherwise)',
  },
  attacks: {
    type: 'string',
    placeholder: 'A,B',
    description: 'privacy attacks to run (default all but shadow; see lookalike evaluate --help)',
  },
  ...ATTACK_COUNT_OPTION,
  'no-evaluate': { type: 'boolean', description: 'only fit and sample: no evaluation, no report' },
} as const;

export interface RunSummary {
  outDir: string;
  synthesizer: string;
  privacy: unknown;
  rows: { input: number; fitted: number; holdout: number; synthetic: number };
  files: Record<string, string>;
  seconds: Record<string, number>;
  verdict?: string;
  quality?: number;
}

/** The body of `run` (shared with `demo`): returns the summary and the exit code (3 when a policy target fails). */
export async function runPipeline(
  path: string,
  outDir: string,
  args: ParsedArgs,
  ctx: CliContext,
  defaults: { target?: string } = {},
): Promise<{ summary: RunSummary; code: number; evaluation?: Evaluation }> {
  const format = str(args, 'format') ?? 'csv';
  if (!(WRITE_FORMATS as readonly string[]).includes(format))
    throw usage(`--format must be one of ${WRITE_FORMATS.join(', ')}, got "${format}"`);
  const rowsOpt = int(args, 'rows', { min: 1, max: 100_000_000 });
  const holdoutFraction = num(args, 'holdout') ?? 0.2;
  if (!(holdoutFraction >= 0 && holdoutFraction < 1))
    throw usage(`--holdout must be in [0, 1), got ${holdoutFraction}`);
  const privacyOpt = str(args, 'privacy') ?? 'on';
  if (privacyOpt !== 'on' && privacyOpt !== 'off')
    throw usage(`--privacy must be on or off, got "${privacyOpt}"`);
  if (str(args, 'privacy') === 'on' && holdoutFraction === 0)
    throw usage(
      '--privacy on needs a holdout (--holdout > 0): the attacks compare with real rows the synthesizer never saw',
    );
  const evaluateIt = args.values['no-evaluate'] !== true;
  refuseOverwrite(
    [
      { path, what: str(args, 'sql') ? 'the database' : 'the input table' },
      { path: str(args, 'metadata'), what: 'the metadata file' },
      { path: str(args, 'policy'), what: 'the policy file' },
    ],
    filesIn(outDir, 'out-dir', [
      'metadata.json',
      'model.json',
      `synthetic.${format}`,
      'evaluation.json',
      'report.html',
    ]),
  );
  const attacks = attacksOption(str(args, 'attacks'));
  const nAttacks = attackCountOption(args);
  const policy = await policyFromArgs(args);
  const { name, opts } = fitOptionsFrom(args);
  const seed = opts.seed ?? 0;
  const synth = getSynthesizer(name);
  const { table, schema } = await readInput(
    path,
    str(args, 'metadata'),
    ctx,
    str(args, 'sql'),
    readOptionsFrom(args),
  );
  const target = str(args, 'target') ?? defaults.target ?? targetColumn(schema);
  if (target !== undefined && !table.has(target))
    throw usage(`--target: the table has no column "${target}"`);
  const targetKind = target !== undefined ? table.column(target).kind : undefined;
  if (evaluateIt && (targetKind === 'id' || targetKind === 'text'))
    throw usage(
      `--target: "${target}" is an ${targetKind} column; predict a categorical, boolean or numeric one`,
    );

  let train = table;
  let holdout = null;
  if (holdoutFraction > 0 && evaluateIt) {
    if (table.nRows < 10) {
      ctx.err(`note: ${table.nRows} rows are too few to hold any out; fitting on all of them`);
    } else {
      const s = table.split(new Rng(seed), holdoutFraction);
      train = s.train;
      holdout = s.holdout;
      ctx.step(
        `holding out ${holdout.nRows.toLocaleString('en-US')} rows (seed ${seed}) for the utility and privacy checks`,
      );
    }
  }

  await makeOutputDir(outDir, 'out-dir');
  const { model, seconds: fitSeconds } = await fitModel(train, schema, synth, opts, ctx);
  const files: Record<string, string> = {
    metadata: join(outDir, 'metadata.json'),
    model: join(outDir, 'model.json'),
    synthetic: join(outDir, `synthetic.${format}`),
  };
  await writeFileAtomic(files.metadata, `${JSON.stringify(schemaToMetadata(schema), null, 2)}\n`);
  await writeModel(model, files.model);
  const n = rowsOpt ?? train.nRows;
  ctx.step(`sampling ${n.toLocaleString('en-US')} rows`);
  let t0 = Date.now();
  const synthetic = model.sample(n, { seed, onProgress: ctx.progress });
  await writeTable(synthetic, files.synthetic);
  const seconds: Record<string, number> = { fit: fitSeconds, sample: (Date.now() - t0) / 1000 };
  const summary: RunSummary = {
    outDir,
    synthesizer: name,
    privacy: model.privacy,
    rows: { input: table.nRows, fitted: train.nRows, holdout: holdout?.nRows ?? 0, synthetic: n },
    files,
    seconds,
  };
  if (!evaluateIt) return { summary, code: 0 };

  ctx.step('evaluating fidelity and utility');
  t0 = Date.now();
  let evaluation = await evaluate(train, synthetic, {
    schema,
    seed,
    onProgress: ctx.progress,
    ...(holdout ? { holdout } : {}),
    ...(target !== undefined ? { target } : {}),
  });
  seconds.evaluate = (Date.now() - t0) / 1000;
  if (holdout && privacyOpt === 'on') {
    ctx.step('running the privacy-risk attacks');
    t0 = Date.now();
    const nn = neighbourSearch();
    let p;
    try {
      p = await evaluatePrivacy(train, synthetic, holdout, {
        schema,
        seed,
        synthesizer: synth,
        ...(opts.options ? { synthesizerOptions: opts.options } : {}),
        onProgress: ctx.progress,
        ...(attacks ? { attacks } : {}),
        ...(nAttacks !== undefined ? { nAttacks } : {}),
        ...(nn.search ? { search: nn.search } : {}),
        ...(model.privacy.type === 'dp'
          ? { claimedEpsilon: model.privacy.epsilon, claimedDelta: model.privacy.delta }
          : {}),
      });
    } finally {
      await nn.close();
    }
    seconds.privacy = (Date.now() - t0) / 1000;
    evaluation = {
      ...evaluation,
      privacy: p,
      timings: [...evaluation.timings, { phase: 'privacy', seconds: seconds.privacy }],
      warnings: [...evaluation.warnings, ...p.warnings],
    };
  }
  files.evaluation = join(outDir, 'evaluation.json');
  await writeFileAtomic(files.evaluation, `${JSON.stringify(evaluation)}\n`);

  const scorecard = applyPolicy(policySubject(evaluation, model.privacy), policy ?? DEFAULT_POLICY);
  files.report = join(outDir, 'report.html');
  t0 = Date.now();
  const html = await renderHtmlReport({
    evaluation,
    scorecard,
    model: modelSummary(model.toJSON()),
    title: `${name} on ${path.split('/').pop()}`,
  });
  await writeFileAtomic(files.report, html);
  seconds.report = (Date.now() - t0) / 1000;
  summary.verdict = scorecard.summary;
  summary.quality = evaluation.aggregates.quality;
  if (!ctx.json) {
    ctx.out(formatSummary(evaluation));
    ctx.out(
      `\n${policy ? 'Policy' : 'Default policy (display only; gate with --policy)'}:\n${formatScorecard(scorecard)}\n`,
    );
  }
  return { summary, code: gate(scorecard, policy !== null, ctx), evaluation };
}

export function printRunSummary(s: RunSummary, ctx: CliContext): void {
  if (ctx.json) {
    printJson(ctx, s);
    return;
  }
  ctx.out(
    [
      `synthesizer: ${s.synthesizer} — ${privacyLabel(s.privacy as never)}`,
      `rows: ${s.rows.input.toLocaleString('en-US')} in (${s.rows.fitted.toLocaleString('en-US')} fitted, ${s.rows.holdout.toLocaleString('en-US')} held out), ${s.rows.synthetic.toLocaleString('en-US')} synthetic`,
      ...Object.entries(s.files).map(([k, v]) => `${k}: ${v}`),
    ].join('\n'),
  );
}

export const runCommand: Command = {
  name: 'run',
  summary: 'the main job: fit, sample, evaluate and report, everything written to one folder',
  usage:
    'lookalike run <table> [--synthesizer NAME] [--epsilon E] [--metadata M] [--target COL] [--policy P] [--seed S] --out-dir DIR',
  description:
    'Reads a table, holds out 20% of its rows (seeded), fits the synthesizer (gaussian-copula unless --synthesizer ' +
    'says otherwise) on the rest, draws a synthetic table, measures its fidelity and utility against the real rows ' +
    'and its privacy risk with attacks that use the held-out rows as a control, and writes into DIR: ' +
    'metadata.json (the schema used), model.json, synthetic.<format>, evaluation.json and report.html (the ' +
    'scorecard against the policy, charts, the privacy guarantee). With --policy the command exits with code 3 ' +
    'when a target fails, so it can gate a release. Everything is reproducible from --seed, except the noise of DP ' +
    'synthesizers, which comes from a secure source.',
  positionals: ['table'],
  options: {
    ...RUN_OPTIONS,
    'out-dir': {
      type: 'string',
      short: 'o',
      placeholder: 'DIR',
      description: 'output folder (created if missing), required',
    },
  },
  examples: [
    'npx lookalike run node_modules/vega-datasets/data/penguins.json --target Species --out-dir out/penguins',
    'npx lookalike run node_modules/vega-datasets/data/birdstrikes.csv --synthesizer independent --rows 5000 --no-evaluate --out-dir out/birds',
  ],
  async run(args, ctx) {
    if (isDatabaseInput(args.positionals[0]) && args.values.sql === undefined) return runDatabase(args, ctx);
    const outDir = requireStr(args, 'out-dir', 'the folder to write into, e.g. --out-dir out/');
    const { summary, code } = await runPipeline(args.positionals[0], outDir, args, ctx);
    printRunSummary(summary, ctx);
    return code;
  },
};
