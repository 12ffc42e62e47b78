import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CliContext, Command } from '../command.js';
import { int, requireStr, str, usage } from '../args.js';
import { printJson, readInput, readOptionsFrom, READ_OPTIONS, textTable } from '../shared.js';
import { writeFileAtomic } from '../../io/index.js';
import { LookalikeError } from '../../errors.js';
import { Rng } from '../../random/rng.js';
import { getSynthesizer } from '../../synthesizers/registry.js';
import type { Synthesizer } from '../../synthesizers/types.js';
import { evaluate, projection, type Evaluation } from '../../metrics/index.js';
import { applyPolicy, DEFAULT_POLICY, policySubject, type Policy } from '../../policy/index.js';
import { evaluatePrivacy, PRIVACY_ATTACKS } from '../../metrics/privacy/index.js';
import {
  claimedEpsilon,
  pointKey,
  recommend,
  renderSweepHtml,
  sweepScores,
  type SweepFailure,
  type SweepPoint,
} from '../../report/sweep.js';
import { formatEpsilon, formatNumber } from '../../format.js';
import { readPolicy } from './report.js';
import { renderHtmlReport } from '../../report/html.js';
import { modelSummary } from '../../report/model.js';
import { DEFAULT_DELTA } from '../../privacy/ledger.js';
import { filesIn, makeOutputDir, refuseOverwrite } from '../overwrite.js';
import { ATTACK_COUNT_OPTION, attackCountOption } from '../attacks.js';

function parseList(raw: string, option: string): string[] {
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!items.length) throw usage(`--${option} needs a comma-separated list`);
  return items;
}

/** Read a finished point file; null when absent or not a finished point for (synthesizer, ε) and these settings. */
function readPoint(
  path: string,
  synthesizer: string,
  epsilon: number | null,
  settings: Record<string, unknown>,
): SweepPoint | null {
  if (!existsSync(path)) return null;
  try {
    const p = JSON.parse(readFileSync(path, 'utf8')) as SweepPoint;
    if (p.format !== 'lookalike-sweep-point' || p.version !== 1) return null;
    if (p.synthesizer !== synthesizer || p.epsilon !== epsilon) return null;
    if (JSON.stringify(p.settings) !== JSON.stringify(settings)) return null; // other table, target, policy, …
    return p;
  } catch {
    return null;
  }
}

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'fit and evaluate synthesizers across privacy budgets ε; plot the trade-off and recommend a point',
  usage:
    'lookalike sweep <table> --synthesizers mst,aim --epsilons 0.1,0.3,1,3,10 [--target COL] [--policy P] [--metadata M] --out-dir DIR',
  description:
    'Splits the table into training rows and a holdout (seeded; or --holdout H), then for every synthesizer × ε: fits ' +
    'on the training rows, samples as many rows, evaluates fidelity, utility and privacy risk against the holdout, and ' +
    'checks the policy (the default policy without --policy). Each finished point is written to ' +
    'DIR/points/<synthesizer>-eps<ε>.json (non-DP synthesizers: <synthesizer>-nodp.json, fitted once) with its full ' +
    'evaluation beside it; a rerun skips finished points, so an interrupted sweep resumes. Writes DIR/sweep.html (the ' +
    'fidelity / utility / privacy-risk frontier against ε, the points meeting the policy marked) and DIR/sweep.json, ' +
    'and recommends the smallest ε meeting every target (ties: best ML utility). DP synthesizers need public domains ' +
    '(--metadata; see lookalike inspect).',
  positionals: ['table'],
  options: {
    ...READ_OPTIONS,
    synthesizers: {
      type: 'string',
      short: 's',
      placeholder: 'A,B',
      description: 'synthesizers to sweep, comma-separated (required)',
    },
    epsilons: {
      type: 'string',
      short: 'e',
      placeholder: 'E1,E2',
      description: 'privacy budgets for the DP synthesizers (required when one is DP)',
    },
    delta: { type: 'string', placeholder: 'D', description: `δ of every DP fit (default ${DEFAULT_DELTA})` },
    target: {
      type: 'string',
      short: 't',
      placeholder: 'COL',
      description: 'column to predict for utility (default: the column whose role is target)',
    },
    policy: {
      type: 'string',
      short: 'p',
      placeholder: 'P',
      description: 'policy file (default: the default policy)',
    },
    metadata: {
      type: 'string',
      short: 'm',
      placeholder: 'M',
      description: 'metadata JSON: kinds, roles, public domains',
    },
    holdout: {
      type: 'string',
      placeholder: 'H',
      description: 'real rows kept out of training (default: a seeded 20% of <table>)',
    },
    rows: {
      type: 'string',
      short: 'n',
      placeholder: 'N',
      description: 'synthetic rows per point (default: as many as training rows)',
    },
    attacks: {
      type: 'string',
      placeholder: 'A,B',
      description: `privacy attacks (default all but shadow; "none" to skip): ${PRIVACY_ATTACKS.join(', ')}`,
    },
    ...ATTACK_COUNT_OPTION,
    seed: {
      type: 'string',
      placeholder: 'S',
      description: 'seed of the split, fits, samples and evaluations (default 0)',
    },
    'out-dir': {
      type: 'string',
      short: 'o',
      placeholder: 'DIR',
      description: 'output folder (created if missing), required',
    },
  },
  examples: [
    'npx lookalike sweep node_modules/vega-datasets/data/penguins.json --synthesizers independent,gaussian-copula --target Species --out-dir out/sweep',
  ],
  async run(args, ctx) {
    const outDir = requireStr(args, 'out-dir', 'the folder to write into, e.g. --out-dir sweep/');
    const problems: string[] = [];
    const synths: Synthesizer[] = [];
    for (const name of parseList(
      requireStr(args, 'synthesizers', 'e.g. --synthesizers mst,aim'),
      'synthesizers',
    )) {
      try {
        synths.push(getSynthesizer(name));
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    const epsRaw = str(args, 'epsilons');
    const epsilons: number[] = [];
    if (epsRaw !== undefined) {
      for (const e of parseList(epsRaw, 'epsilons')) {
        const x = Number(e);
        if (!Number.isFinite(x) || x <= 0) problems.push(`--epsilons: "${e}" is not a number > 0`);
        else if (!epsilons.includes(x)) epsilons.push(x);
      }
    }
    if (synths.some((s) => s.privacy === 'dp') && epsRaw === undefined) {
      problems.push('--epsilons is required for the DP synthesizers, e.g. --epsilons 0.1,0.3,1,3,10');
    }
    const deltaRaw = str(args, 'delta');
    const delta = deltaRaw === undefined ? DEFAULT_DELTA : Number(deltaRaw);
    if (!(delta > 0 && delta < 1)) problems.push(`--delta must be in (0, 1), got "${deltaRaw}"`);
    const attacksRaw = str(args, 'attacks');
    const attacks =
      attacksRaw === undefined ? undefined : attacksRaw === 'none' ? [] : parseList(attacksRaw, 'attacks');
    for (const a of attacks ?? []) {
      if (!(PRIVACY_ATTACKS as readonly string[]).includes(a))
        problems.push(`--attacks: unknown attack "${a}" (known: ${PRIVACY_ATTACKS.join(', ')})`);
    }
    if (problems.length) throw new LookalikeError('cannot start the sweep:', problems, 'usage');
    const seed = int(args, 'seed', { default: 0 })!;
    const nAttacks = attackCountOption(args);
    const rowsOpt = int(args, 'rows', { min: 1, max: 100_000_000 });
    const target = str(args, 'target');
    const policyPath = str(args, 'policy');
    const policy = policyPath ? await readPolicy(policyPath) : DEFAULT_POLICY;

    const tablePath = args.positionals[0];
    refuseOverwrite(
      [
        { path: tablePath, what: 'the input table' },
        { path: str(args, 'metadata'), what: 'the metadata file' },
        { path: str(args, 'holdout'), what: 'the holdout table' },
        { path: policyPath, what: 'the policy file' },
      ],
      filesIn(outDir, 'out-dir', ['sweep.html', 'sweep.json']),
      [{ path: join(outDir, 'points'), what: 'the --out-dir points folder' }],
    );
    const { table, schema } = await readInput(
      tablePath,
      str(args, 'metadata'),
      ctx,
      undefined,
      readOptionsFrom(args),
    );
    if (target !== undefined && !table.has(target))
      throw usage(`--target: the table has no column "${target}"`);
    const targetKind = target !== undefined ? table.column(target).kind : undefined;
    if (targetKind === 'id' || targetKind === 'text')
      throw usage(
        `--target: "${target}" is an ${targetKind} column; predict a categorical, boolean or numeric one`,
      );
    let train = table;
    let holdout;
    const holdoutPath = str(args, 'holdout');
    if (holdoutPath) {
      holdout = (await readInput(holdoutPath, str(args, 'metadata'), ctx)).table;
    } else {
      const s = table.split(new Rng(seed), 0.2);
      train = s.train;
      holdout = s.holdout;
      ctx.step(`split: ${train.nRows} training rows, ${holdout.nRows} holdout rows (seed ${seed})`);
    }
    const settings = {
      table: tablePath,
      metadata: str(args, 'metadata') ?? null,
      holdout: holdoutPath ?? null,
      seed,
      delta,
      rows: rowsOpt ?? null,
      target: target ?? null,
      attacks: attacks ?? null,
      // only when given: points of sweeps run before the option existed still resume
      ...(nAttacks !== undefined ? { attackCount: nAttacks } : {}),
      policy,
    };
    const pointsDir = join(outDir, 'points');
    await makeOutputDir(pointsDir, 'out-dir');

    const plan: { synth: Synthesizer; epsilon: number | null }[] = [];
    for (const s of synths) {
      if (s.privacy === 'dp' || (s.privacy === 'either' && epsilons.length))
        for (const e of epsilons) plan.push({ synth: s, epsilon: e });
      else plan.push({ synth: s, epsilon: null });
    }
    const points: SweepPoint[] = [];
    const failures: SweepFailure[] = [];
    const n = rowsOpt ?? train.nRows;
    for (let i = 0; i < plan.length; i++) {
      const { synth, epsilon } = plan[i];
      const key = pointKey(synth.name, epsilon);
      const file = join(pointsDir, `${key}.json`);
      const label = `[${i + 1}/${plan.length}] ${synth.name}${epsilon === null ? ' (not DP)' : ` ε = ${epsilon}`}`;
      const done = readPoint(file, synth.name, epsilon, settings);
      if (done) {
        ctx.step(`${label}: done before, skipped (${file})`);
        points.push(done);
        continue;
      }
      try {
        points.push(
          await runPoint(ctx, label, {
            synth,
            epsilon,
            delta,
            seed,
            n,
            target,
            attacks,
            nAttacks,
            policy,
            train,
            holdout,
            schema,
            pointsDir,
            key,
            settings,
          }),
        );
      } catch (e) {
        if (!(e instanceof LookalikeError)) throw e;
        const msg = e.message.replace(/\n/g, ' ');
        ctx.err(`${label}: failed — ${msg}`);
        failures.push({ synthesizer: synth.name, epsilon, error: msg });
      }
    }
    const rec = recommend(points);
    ctx.step('drawing the frontier');
    const html = await renderSweepHtml(points, { failures, table: tablePath });
    await writeFileAtomic(join(outDir, 'sweep.html'), html);
    const summary = {
      format: 'lookalike-sweep',
      version: 1,
      table: tablePath,
      policy: policy.name,
      points: points.map((p) => ({
        key: pointKey(p.synthesizer, p.epsilon),
        synthesizer: p.synthesizer,
        epsilon: p.epsilon,
        claimedEpsilon: p.privacy.type === 'dp' ? p.privacy.epsilon : null,
        scores: p.scores,
        verdict: p.scorecard.verdict,
        seconds: p.seconds,
      })),
      failures,
      recommendation: {
        point: rec.point ? pointKey(rec.point.synthesizer, rec.point.epsilon) : null,
        closest: rec.closest ? pointKey(rec.closest.synthesizer, rec.closest.epsilon) : null,
        reason: rec.reason,
      },
    };
    await writeFileAtomic(join(outDir, 'sweep.json'), `${JSON.stringify(summary, null, 2)}\n`);
    if (ctx.json) printJson(ctx, summary);
    else {
      const rows = [...points]
        .sort((a, b) => a.synthesizer.localeCompare(b.synthesizer) || claimedEpsilon(a) - claimedEpsilon(b))
        .map((p) => [
          p.synthesizer,
          p.privacy.type === 'dp' ? formatEpsilon(p.privacy.epsilon) : 'not DP',
          formatNumber(p.scores.fidelity),
          formatNumber(p.scores.utility),
          formatNumber(p.scores.privacyRisk),
          p.scorecard.verdict === 'pass' ? 'meets' : 'misses',
        ]);
      ctx.out(
        [
          textTable(
            ['synthesizer', 'ε', 'fidelity', 'utility', 'privacy risk', `policy "${policy.name}"`],
            rows,
          ),
          '',
          `${rec.point ? 'recommended: ' : ''}${rec.reason}`,
          `sweep: ${join(outDir, 'sweep.html')}`,
        ].join('\n'),
      );
    }
    return points.length === 0 && failures.length > 0 ? 1 : 0;
  },
};

interface PointJob {
  synth: Synthesizer;
  epsilon: number | null;
  delta: number;
  seed: number;
  n: number;
  target: string | undefined;
  attacks: string[] | undefined;
  nAttacks: number | undefined;
  policy: Policy;
  train: import('../../table/table.js').Table;
  holdout: import('../../table/table.js').Table;
  schema: import('../../table/schema.js').Schema;
  pointsDir: string;
  key: string;
  settings: Record<string, unknown>;
}

async function runPoint(ctx: CliContext, label: string, j: PointJob): Promise<SweepPoint> {
  ctx.step(`${label}: fitting`);
  let t0 = Date.now();
  const model = await j.synth.fit(j.train, j.schema, {
    seed: j.seed,
    ...(j.epsilon !== null ? { epsilon: j.epsilon, delta: j.delta } : {}),
    onProgress: ctx.progress,
  });
  const fit = (Date.now() - t0) / 1000;
  t0 = Date.now();
  const synthetic = model.sample(j.n, { seed: j.seed });
  const sample = (Date.now() - t0) / 1000;
  ctx.step(`${label}: evaluating (fit ${fit.toFixed(1)} s, sample ${sample.toFixed(1)} s)`);
  t0 = Date.now();
  let evaluation: Evaluation = await evaluate(j.train, synthetic, {
    schema: j.schema,
    holdout: j.holdout,
    seed: j.seed,
    onProgress: ctx.progress,
    ...(j.target !== undefined ? { target: j.target } : {}),
  });
  if (!j.attacks || j.attacks.length) {
    const claimed = model.privacy.type === 'dp' ? model.privacy : null;
    const pv = await evaluatePrivacy(j.train, synthetic, j.holdout, {
      schema: j.schema,
      seed: j.seed,
      onProgress: ctx.progress,
      ...(j.attacks ? { attacks: j.attacks } : {}),
      ...(j.nAttacks !== undefined ? { nAttacks: j.nAttacks } : {}),
      ...(claimed ? { claimedEpsilon: claimed.epsilon, claimedDelta: claimed.delta } : {}),
    });
    evaluation = {
      ...evaluation,
      privacy: pv,
      warnings: [...evaluation.warnings, ...pv.warnings],
    };
  }
  // the 2-D view for `lookalike report` on this point (binned counts only, see metrics/projection.ts)
  evaluation = { ...evaluation, projection: projection(j.train, synthetic, { seed: j.seed }) } as Evaluation;
  const evalSeconds = (Date.now() - t0) / 1000;
  const scorecard = applyPolicy(policySubject(evaluation, model.privacy), j.policy);
  const evaluationFile = `${j.key}.evaluation.json`;
  await writeFileAtomic(join(j.pointsDir, evaluationFile), `${JSON.stringify(evaluation)}\n`);
  await writeFileAtomic(join(j.pointsDir, `${j.key}.model.json`), `${JSON.stringify(model.toJSON())}\n`);
  // the point's own report, linked from sweep.html
  const reportFile = `${j.key}.report.html`;
  const html = await renderHtmlReport({
    evaluation,
    scorecard,
    model: modelSummary(model.toJSON()),
    title: `${j.synth.name}${j.epsilon === null ? ' (not DP)' : ` at ε = ${j.epsilon}`}`,
  });
  await writeFileAtomic(join(j.pointsDir, reportFile), html);
  const point: SweepPoint = {
    format: 'lookalike-sweep-point',
    version: 1,
    synthesizer: j.synth.name,
    epsilon: j.epsilon,
    delta: j.epsilon !== null ? j.delta : null,
    privacy: model.privacy,
    scores: sweepScores(evaluation),
    scorecard,
    seconds: { fit, sample, evaluate: evalSeconds },
    evaluationFile,
    reportFile,
    settings: j.settings,
    createdAt: new Date().toISOString(),
  };
  // the point file is written last: its presence means the point is finished
  await writeFileAtomic(join(j.pointsDir, `${j.key}.json`), `${JSON.stringify(point, null, 2)}\n`);
  ctx.step(
    `${label}: ${scorecard.verdict === 'pass' ? 'meets' : 'misses'} the policy (evaluated in ${evalSeconds.toFixed(1)} s)`,
  );
  return point;
}
