/**
 * `evaluatePrivacy`: the privacy-risk suite of a synthetic table against its training rows and a holdout of real
 * rows the synthesizer never saw. Every risk is an attack success compared with the same attack on the holdout
 * (or a random guess), with a 95% interval (DESIGN.md rule 9). See docs/privacy-risk.md for the definitions and
 * the aggregate "privacy protection" score.
 */
import type { Table } from '../../table/table.js';
import type { Schema } from '../../table/schema.js';
import { ProblemList } from '../../errors.js';
import { Rng } from '../../random/rng.js';
import type { ProgressFn } from '../../progress.js';
import type { MetricResult } from '../types.js';
import { encode, makeSpace, takeRows, usableColumns } from './space.js';
import { localSearch, type NeighborSearch } from './distance-metrics.js';
import type { ShadowSynthesizer } from './shadow.js';
import type { PrivacyContext } from './context.js';
import { defaultPrivacyAttacks, privacyAttacks, privacyMetricsOf } from '../registry.js';
import { riskFamily, type RiskFamily, type RiskStat } from './multiplicity.js';

/**
 * lookalike's own attack families, in the order they run. `shadow` needs `synthesizer` and is not run by default.
 * A registered privacy metric may add its own (`privacyAttacks()` in ../registry.ts lists them all).
 */
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
export type PrivacyAttack = (typeof PRIVACY_ATTACKS)[number] | (string & {});
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
  /**
   * Privacy protection in [0, 1]: 1 − the risk the attacks demonstrate after correcting for their number (the
   * family-wise 95% lower bound of the largest risk, `family.demonstrated`; docs/privacy-risk.md).
   */
  readonly aggregate: number;
  /** The risk (0..1) of each attack that enters the aggregate, by metric id (and column): point estimates. */
  readonly risks: Readonly<Record<string, number>>;
  /**
   * The risks read together (./multiplicity.ts): the largest estimate with its simultaneous interval, the
   * demonstrated risk, the noise level of the largest estimate when nothing leaks, and per risk its family-wise
   * bounds, Holm p-value and the smallest risk it could detect at these sizes. Absent in files written before it.
   */
  readonly family?: RiskFamily;
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
  const known = privacyAttacks();
  const attacks: string[] = [...(opts?.attacks ?? defaultPrivacyAttacks())];
  for (const a of attacks) if (!known.includes(a)) p.add(`unknown attack "${a}"; known: ${known.join(', ')}`);
  for (const a of attacks)
    for (const m of privacyMetricsOf(a)) for (const problem of m.check?.(opts ?? {}) ?? []) p.add(problem);
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
  return attacks;
}

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
  const seed = opts.seed ?? 0;
  const rng = new Rng(seed);
  const warnings: string[] = [];
  const timings: Record<string, number> = {};
  const metrics: MetricResult[] = [];
  const risks: Record<string, number> = {};
  const memo = new Map<string, unknown>();
  const stats: Record<string, RiskStat> = {};
  const keyOf = new Map<MetricResult, string>();

  const u = usableColumns(train, opts.schema);
  const space = makeSpace(train, u.num, u.cat);
  // rows in random order, so "the first k rows" is a random sample
  const tr = takeRows(encode(space, train), rng.permutation(train.nRows));
  const ho = takeRows(encode(space, holdout), rng.permutation(holdout.nRows));
  const ctx: PrivacyContext = {
    train,
    synthetic,
    holdout,
    schema: opts.schema,
    options: opts,
    seed,
    rng,
    search: opts.search ?? localSearch,
    attacks,
    nAttacks: opts.nAttacks ?? 1000,
    space,
    tr,
    ho,
    sy: encode(space, synthetic),
    featureNames: [...space.numNames, ...space.catNames],
    memo: <T>(key: string, f: () => T): T => {
      if (!memo.has(key)) memo.set(key, f());
      return memo.get(key) as T;
    },
    warn: (m) => warnings.push(m),
  };

  // every attack asked for, in the registry's order (they share the Rng: the order makes a run reproducible)
  for (const attack of privacyAttacks().filter((a) => attacks.includes(a))) {
    opts.onProgress?.({ phase: 'privacy', message: attack });
    const t0 = performance.now();
    for (const d of privacyMetricsOf(attack)) {
      for (const m of await d.compute(ctx)) {
        if (m.id !== d.id) throw new Error(`metric "${d.id}" returned a result with another id ("${m.id}")`);
        metrics.push(m);
        if (d.aggregates?.includes('privacy_protection')) {
          const key = d.scope === 'column' && m.columns?.length ? `${m.id}:${m.columns.join(',')}` : m.id;
          const risk = d.risk ? d.risk(m) : 1 - m.score;
          risks[key] = risk;
          // without a statistic, the risk counts as known exactly
          stats[key] = d.riskStat?.(m) ?? { estimate: risk, se: 0, nullSe: 0 };
          keyOf.set(m, key);
        }
      }
    }
    timings[attack] = (performance.now() - t0) / 1000;
  }

  const family = riskFamily(stats);
  const aggregate = 1 - family.demonstrated;
  // each scored result carries its family-wise reading, so a report row can show it
  for (const [i, m] of metrics.entries()) {
    const key = keyOf.get(m);
    const f = key !== undefined ? family.risks[key] : undefined;
    if (f)
      metrics[i] = {
        ...m,
        details: {
          ...m.details,
          detectableRisk: f.detectable,
          familyWise: {
            lower: f.lower,
            upper: f.upper,
            pAdjusted: f.pAdjusted,
            comparisons: family.comparisons,
          },
        },
      };
  }
  const epsilons = metrics
    .map((m) => m.details?.empiricalEpsilonLower)
    .filter((e): e is number => typeof e === 'number' && Number.isFinite(e));
  return {
    metrics,
    aggregate,
    risks,
    family,
    ...(opts.claimedEpsilon !== undefined ? { claimedEpsilon: opts.claimedEpsilon } : {}),
    ...(epsilons.length ? { empiricalEpsilonLower: Math.max(...epsilons) } : {}),
    attacks,
    timings,
    warnings,
  };
}
