/**
 * `evaluatePrivacy`: the privacy-risk suite of a synthetic table against its training rows and a holdout of real
 * rows the synthesizer never saw. Every risk is an attack success compared with the same attack on the holdout
 * (or a random guess), with a 95% interval (DESIGN.md rule 9). See docs/privacy-risk.md for the definitions and
 * the aggregate "privacy protection" score.
 */
import type { Table } from '../../table/table.js';
import type { Schema } from '../../table/schema.js';
import { ProblemList } from '../../errors.js';
import { formatNumber } from '../../format.js';
import { Rng } from '../../random/rng.js';
import type { ProgressFn } from '../../progress.js';
import type { MetricResult } from '../types.js';
import { encode, makeSpace, takeRows, usableColumns, type Encoded } from './space.js';
import { distanceMetrics, localSearch, type NeighborSearch } from './distance-metrics.js';
import { classifierMia, membershipInference, miaSetup } from './mia.js';
import { attributeInference, linkability, singlingOut, type AnonymeterResult } from './anonymeter.js';
import { kAnonymityMetrics } from './kanonymity.js';
import { shadowModelAttack, type ShadowSynthesizer } from './shadow.js';

/** Attack families `evaluatePrivacy` can run. `shadow` needs `synthesizer` and is not run by default. */
export const PRIVACY_ATTACKS = [
  'distance',
  'mia',
  'domias',
  'domias-classifier',
  'singling-out',
  'linkability',
  'inference',
  'k-anonymity',
  'shadow',
] as const;
export type PrivacyAttack = (typeof PRIVACY_ATTACKS)[number];
export const DEFAULT_PRIVACY_ATTACKS: readonly PrivacyAttack[] = PRIVACY_ATTACKS.filter(
  (a) => a !== 'shadow',
);

export interface PrivacyOptions {
  readonly schema: Schema;
  /** Which attack families to run (default: all but `shadow`). */
  readonly attacks?: readonly string[];
  /** Seed for every sample the attacks draw. Default 0. */
  readonly seed?: number;
  /** The model's claimed (ε, δ) (from its ledger), shown next to the empirical ε lower bounds. */
  readonly claimedEpsilon?: number;
  readonly claimedDelta?: number;
  /** The synthesizer that made the table, re-fitted by shadow modelling (e.g. `getSynthesizer(name)`). */
  readonly synthesizer?: ShadowSynthesizer;
  /** Options passed to the synthesizer's fit in shadow modelling. */
  readonly synthesizerOptions?: Readonly<Record<string, unknown>>;
  /** Attacks per Anonymeter evaluator and members/non-members per MIA (default 1000; Anonymeter's default is 500). */
  readonly nAttacks?: number;
  /** Secret columns for attribute inference (default: columns with role `sensitive` or `target`, else all). */
  readonly secrets?: readonly string[];
  /** The attacker's two auxiliary column sets for linkability (default: the usable columns in table order, cut in two halves). */
  readonly linkabilityColumns?: readonly [readonly string[], readonly string[]];
  /** Synthetic rows used by the distance checks (a random subset beyond this; default 50,000). */
  readonly maxRows?: number;
  /** Shadow modelling: number of target records (default 10) and of shadow fits per target and side (default 8). */
  readonly shadowTargets?: number;
  readonly shadowRuns?: number;
  /** Nearest-neighbour search to use (e.g. the worker-thread pool of src/io/privacy-workers.ts). */
  readonly search?: NeighborSearch;
  readonly onProgress?: ProgressFn;
}

/**
 * The privacy-risk suite's result, and the `privacy` slot of an `Evaluation` (the one type of that name). Files
 * written before every field was carried (the sweep wrote only `metrics` and `aggregate`) are read with the others
 * empty (`asEvaluation` in src/metrics/evaluation.ts).
 */
export interface PrivacyEvaluation {
  readonly metrics: readonly MetricResult[];
  /** Privacy protection in [0, 1]: 1 − the largest attack risk (docs/privacy-risk.md). */
  readonly aggregate: number;
  /** The risk (0..1) of each attack that enters the aggregate, by metric id (and column). */
  readonly risks: Readonly<Record<string, number>>;
  readonly claimedEpsilon?: number;
  /** Largest empirical ε lower bound over the membership attacks run. */
  readonly empiricalEpsilonLower?: number;
  readonly attacks: readonly PrivacyAttack[];
  /** Seconds per attack family. */
  readonly timings: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
}

function validate(train: Table, synthetic: Table, holdout: Table, opts: PrivacyOptions): PrivacyAttack[] {
  const p = new ProblemList();
  if (!opts || typeof opts !== 'object' || !opts.schema) p.add('options.schema is required');
  const attacks = (opts?.attacks ?? DEFAULT_PRIVACY_ATTACKS) as string[];
  for (const a of attacks)
    if (!(PRIVACY_ATTACKS as readonly string[]).includes(a))
      p.add(`unknown attack "${a}"; known: ${PRIVACY_ATTACKS.join(', ')}`);
  if (attacks.includes('shadow') && !opts?.synthesizer)
    p.add(
      'the "shadow" attack needs options.synthesizer (the synthesizer to re-fit, e.g. getSynthesizer(name))',
    );
  if (train.nRows < 2) p.add(`the training table has ${train.nRows} rows; at least 2 are needed`);
  if (holdout.nRows < 2) p.add(`the holdout table has ${holdout.nRows} rows; at least 2 are needed`);
  if (synthetic.nRows < 2) p.add(`the synthetic table has ${synthetic.nRows} rows; at least 2 are needed`);
  const u = usableColumns(train, opts?.schema);
  if (u.num.length + u.cat.length === 0)
    p.add('the training table has no numeric, datetime, categorical or boolean column to compare');
  const group = (k: string): string =>
    k === 'numeric' || k === 'datetime'
      ? 'numeric'
      : k === 'categorical' || k === 'boolean'
        ? 'categorical'
        : k;
  for (const name of [...u.num, ...u.cat]) {
    const kind = group(train.column(name).kind);
    for (const [label, t] of [
      ['synthetic', synthetic],
      ['holdout', holdout],
    ] as const) {
      if (!t.has(name)) p.add(`column "${name}" is missing from the ${label} table`);
      else if (group(t.column(name).kind) !== kind)
        p.add(
          `column "${name}" is ${t.column(name).kind} in the ${label} table but ${train.column(name).kind} in the training table`,
        );
    }
  }
  for (const s of opts?.secrets ?? [])
    if (![...u.num, ...u.cat].includes(s))
      p.add(`secret column "${s}" is not a usable column of the training table`);
  if (opts?.linkabilityColumns) {
    const [a, b] = opts.linkabilityColumns;
    for (const s of [...a, ...b])
      if (![...u.num, ...u.cat].includes(s))
        p.add(`linkability column "${s}" is not a usable column of the training table`);
    if (!a.length || !b.length) p.add('linkabilityColumns needs two non-empty column sets');
  }
  if (opts?.nAttacks !== undefined && !(Number.isInteger(opts.nAttacks) && opts.nAttacks >= 10))
    p.add('nAttacks must be an integer of at least 10');
  p.throwIfAny('cannot evaluate privacy:', 'usage');
  return attacks as PrivacyAttack[];
}

function anonymeterMetric(
  id: string,
  name: string,
  r: AnonymeterResult,
  columns?: readonly string[],
  extra: Record<string, unknown> = {},
): MetricResult {
  return {
    id,
    family: 'privacy',
    name,
    ...(columns ? { columns } : {}),
    value: r.risk.value,
    score: 1 - r.risk.value,
    ci: r.risk.ci,
    baseline: 0,
    note: `${r.nAttacks} attacks; success rate ${fmt(r.main.value)} on training rows, ${fmt(r.control.value)} on holdout, ${fmt(r.baseline.value)} for a random guess`,
    details: {
      nAttacks: r.nAttacks,
      nSuccess: r.nSuccess,
      nControl: r.nControl,
      nBaseline: r.nBaseline,
      mainRate: r.main,
      controlRate: r.control,
      baselineRate: r.baseline,
      ...extra,
    },
  };
}
const fmt = (x: number): string => formatNumber(x, { fixed: 3 });

/**
 * Run the privacy-risk suite. `train` is the table the synthesizer was fitted on, `holdout` real rows it never saw
 * (same columns), `synthetic` its output. Returns every metric (family `privacy`), the aggregate protection score
 * and per-attack timings. Throws a LookalikeError listing every problem with the arguments.
 * Runtime: dominated by nearest-neighbour searches, ≈ 1–2.5 ns per row pair on one core (Adult: ≈ 6–10 s for the
 * default suite on 32,561 training, 16,281 holdout and 32,561 synthetic rows).
 */
export async function evaluatePrivacy(
  train: Table,
  synthetic: Table,
  holdout: Table,
  opts: PrivacyOptions,
): Promise<PrivacyEvaluation> {
  const attacks = validate(train, synthetic, holdout, opts);
  const rng = new Rng(opts.seed ?? 0);
  const search = opts.search ?? localSearch;
  const progress = (message: string): void => opts.onProgress?.({ phase: 'privacy', message });
  const nAttacks = opts.nAttacks ?? 1000;
  const warnings: string[] = [];
  const timings: Record<string, number> = {};
  const metrics: MetricResult[] = [];
  const risks: Record<string, number> = {};
  const epsilons: number[] = [];
  const timed = async <T>(name: string, f: () => Promise<T> | T): Promise<T> => {
    progress(name);
    const t0 = performance.now();
    const r = await f();
    timings[name] = (performance.now() - t0) / 1000;
    return r;
  };

  const u = usableColumns(train, opts.schema);
  const space = makeSpace(train, u.num, u.cat);
  // rows in random order, so "the first k rows" is a random sample
  const tr = takeRows(encode(space, train), rng.permutation(train.nRows));
  const ho = takeRows(encode(space, holdout), rng.permutation(holdout.nRows));
  const sy: Encoded = encode(space, synthetic);
  const featureNames = [...space.numNames, ...space.catNames];
  const featureIndex = (name: string): number => featureNames.indexOf(name);

  if (attacks.includes('distance')) {
    const maxRows = opts.maxRows ?? 50_000;
    let note: string | undefined;
    let syd = sy;
    if (sy.n > maxRows) {
      syd = takeRows(sy, rng.permutation(sy.n).subarray(0, maxRows));
      note = `synthetic rows subsampled to ${maxRows} (seed ${opts.seed ?? 0})`;
    }
    const r = await timed('distance', () => distanceMetrics(tr, ho, syd, search, note));
    for (const m of r.metrics) {
      metrics.push(m);
      if (m.id !== 'nndr') risks[m.id] = 1 - m.score;
    }
  }

  if (attacks.includes('mia') || attacks.includes('domias')) {
    const setup = miaSetup(tr, ho, rng, nAttacks);
    const which = (['distance', 'domias'] as const).filter((a) =>
      attacks.includes(a === 'distance' ? 'mia' : 'domias'),
    );
    const r = await timed('mia', () =>
      membershipInference(setup, sy, rng, {
        attacks: which,
        delta: opts.claimedDelta,
        claimedEpsilon: opts.claimedEpsilon,
        search,
      }),
    );
    for (const m of r.metrics) {
      metrics.push(m);
      risks[m.id] = 1 - m.score;
    }
    for (const s of [r.distance, r.domias]) if (s) epsilons.push(s.epsilonLower);
  }

  if (attacks.includes('domias-classifier')) {
    const r = await timed('domias-classifier', () =>
      classifierMia(train, synthetic, holdout, featureNames, rng, {
        maxPerSide: nAttacks,
        delta: opts.claimedDelta,
        claimedEpsilon: opts.claimedEpsilon,
      }),
    );
    metrics.push(r.metric);
    risks[r.metric.id] = 1 - r.metric.score;
    epsilons.push(r.summary.epsilonLower);
  }

  if (attacks.includes('singling-out')) {
    const ratio = ho.n / tr.n;
    if (ratio < 0.5)
      warnings.push(
        `singling out: the holdout has ${ho.n} rows and the training table ${tr.n}; the control success is rescaled ` +
          'between these sizes by a fitted model whose error is not in the interval (on Adult, ±0.05–0.09 at a 3× ' +
          'ratio); a holdout at least as large as the training table is handled exactly',
      );
    await timed('singling-out', () => {
      for (const mode of ['univariate', 'multivariate'] as const) {
        const t0 = performance.now();
        const r = singlingOut(tr, sy, ho, rng, { mode, nAttacks: Math.min(nAttacks, 500) });
        const seconds = (performance.now() - t0) / 1000;
        if (r.nQueries < Math.min(nAttacks, 500))
          warnings.push(
            `singling out (${mode}): only ${r.nQueries} singling-out predicates could be built from the synthetic table`,
          );
        const m = anonymeterMetric(
          `singling_out_${mode}`,
          `Singling-out risk (${mode} predicates)`,
          r,
          undefined,
          {
            predicateAttempts: r.attempts,
            seconds,
          },
        );
        metrics.push(m);
        risks[m.id] = m.value;
      }
    });
  }

  if (attacks.includes('linkability') && featureNames.length >= 2) {
    // default: the usable columns in table order, cut in two halves (as in Anonymeter's examples)
    const inOrder = train.names.filter((n) => featureNames.includes(n));
    const [a, b] = opts.linkabilityColumns ?? [
      inOrder.slice(0, inOrder.length >> 1),
      inOrder.slice(inOrder.length >> 1),
    ];
    const r = await timed('linkability', () =>
      linkability(tr, sy, ho, rng, { auxA: a.map(featureIndex), auxB: b.map(featureIndex), nAttacks }),
    );
    const m = anonymeterMetric('linkability', 'Linkability risk (two auxiliary column sets)', r, undefined, {
      columnsA: a,
      columnsB: b,
    });
    metrics.push(m);
    risks[m.id] = m.value;
  }

  if (attacks.includes('inference') && featureNames.length >= 2) {
    const declared = opts.schema.columns
      .filter((c) => (c.role === 'sensitive' || c.role === 'target') && featureNames.includes(c.name))
      .map((c) => c.name);
    const secrets = opts.secrets ?? (declared.length ? declared : featureNames);
    await timed('inference', () => {
      for (const s of secrets) {
        const r = attributeInference(tr, sy, ho, rng, { secret: featureIndex(s), nAttacks });
        const m = anonymeterMetric('inference', `Attribute-inference risk for "${s}"`, r, [s]);
        metrics.push(m);
        risks[`inference:${s}`] = m.value;
      }
    });
  }

  if (attacks.includes('k-anonymity')) {
    const qi = opts.schema.columns
      .filter((c) => c.role === 'quasi-identifier' && train.has(c.name))
      .map((c) => c.name);
    const sens = opts.schema.columns
      .filter((c) => c.role === 'sensitive' && train.has(c.name))
      .map((c) => c.name);
    if (qi.length === 0) warnings.push('k-anonymity: no column has the role "quasi-identifier"; skipped');
    else {
      const pt = rng.permutation(train.nRows);
      const ph = rng.permutation(holdout.nRows);
      const r = await timed('k-anonymity', () =>
        kAnonymityMetrics(synthetic, train.take(pt), holdout.take(ph), qi, sens),
      );
      for (const m of r) {
        metrics.push(m);
        if (m.id === 'qi_unique_match_rate') risks[m.id] = 1 - m.score;
      }
    }
  }

  if (attacks.includes('shadow')) {
    const r = await timed('shadow', () =>
      shadowModelAttack(train, opts.schema, {
        synthesizer: opts.synthesizer!,
        synthesizerOptions: opts.synthesizerOptions,
        nTargets: opts.shadowTargets ?? 10,
        nRuns: opts.shadowRuns ?? 8,
        seed: opts.seed ?? 0,
        claimedEpsilon: opts.claimedEpsilon,
        delta: opts.claimedDelta,
        onProgress: opts.onProgress,
      }),
    );
    metrics.push(r.metric);
    risks[r.metric.id] = 1 - r.metric.score;
    epsilons.push(r.summary.epsilonLower);
  }

  const riskValues = Object.values(risks);
  const aggregate = riskValues.length
    ? 1 - Math.max(...riskValues.map((x) => Math.min(1, Math.max(0, x))))
    : 1;
  return {
    metrics,
    aggregate,
    risks,
    ...(opts.claimedEpsilon !== undefined ? { claimedEpsilon: opts.claimedEpsilon } : {}),
    ...(epsilons.length ? { empiricalEpsilonLower: Math.max(...epsilons) } : {}),
    attacks,
    timings,
    warnings,
  };
}
