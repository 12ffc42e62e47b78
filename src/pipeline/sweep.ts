import { LookalikeError } from '../errors.js';
import { formatEpsilon, formatNumber, formatTable } from '../format.js';
import type { Evaluation } from '../metrics/evaluation.js';
import type { NeighborSearch } from '../metrics/privacy/distance-metrics.js';
import { privacyAttacks } from '../metrics/registry.js';
import { DEFAULT_POLICY } from '../policy/default.js';
import type { Policy } from '../policy/types.js';
import { DEFAULT_DELTA } from '../privacy/ledger.js';
import {
  claimedEpsilon,
  pointKey,
  recommend,
  sweepScores,
  type Recommendation,
  type SweepFailure,
  type SweepPoint,
} from '../report/sweep.js';
import { getSynthesizer } from '../synthesizers/registry.js';
import type { ModelFile, Synthesizer } from '../synthesizers/types.js';
import type { Rule } from '../constraints/types.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { assess, attackList } from './assess.js';
import { gate } from './gate.js';
import { secondsSince, type StepHooks } from './hooks.js';
import { release } from './release.js';
import { renderReport } from './report.js';

/** Everything a finished point leaves behind. */
export interface SweepRecord {
  readonly point: SweepPoint;
  readonly evaluation: Evaluation;
  readonly model: ModelFile;
  /** The point's HTML report. */
  readonly report: string;
}

/**
 * Where a sweep keeps its finished points, so an interrupted sweep resumes: `load` returns what was saved under a
 * key (or null), `save` stores a finished point. `memorySweepStore()` keeps them in memory; the Node file store
 * (`fileSweepStore(dir)`, src/io/sweep-store.ts) writes `<key>.json` and the files beside it.
 */
export interface SweepStore {
  load(key: string): SweepPoint | null | Promise<SweepPoint | null>;
  save(key: string, record: SweepRecord): void | Promise<void>;
}

export function memorySweepStore(): SweepStore & { readonly records: Map<string, SweepRecord> } {
  const records = new Map<string, SweepRecord>();
  return {
    records,
    load: (key) => records.get(key)?.point ?? null,
    save: (key, r) => void records.set(key, r),
  };
}

export interface SweepSpec extends StepHooks {
  /** Synthesizers by name or as objects; a DP one is fitted at every ε, a non-DP one once. */
  readonly synthesizers: readonly (string | Synthesizer)[];
  /**
   * Synthesizers fitted once without a budget and drawn at ε = ∞ on the frontier, so the chart shows what the data
   * allows without a guarantee (e.g. `['gaussian-copula', 'cart', 'independent']`: a flexible model, a memorising
   * one, and the column-independent floor). An `either` synthesizer (independent) is fitted without ε here. Default
   * none.
   */
  readonly baselines?: readonly (string | Synthesizer)[];
  /** Budgets for the DP synthesizers (required when one is DP; an `either` one is fitted at each when given). */
  readonly epsilons?: readonly number[];
  /** δ of every DP fit (default `DEFAULT_DELTA`). */
  readonly delta?: number;
  /** Seed of the fits, samples and evaluations (default 0). */
  readonly seed?: number;
  /** Synthetic rows per point (default: as many as training rows). */
  readonly rows?: number;
  readonly target?: string;
  /** Which attacks (default all but shadow); `'none'` runs none. */
  readonly attacks?: readonly string[] | 'none';
  /** Attacks per privacy evaluator (default 1000). */
  readonly nAttacks?: number;
  /** Default: the default policy. */
  readonly policy?: Policy;
  /** What names the inputs (e.g. file paths): a stored point is reused only when these and the settings are equal. */
  readonly inputs?: Readonly<Record<string, unknown>>;
  readonly search?: NeighborSearch;
  /**
   * Business rules (`parseRules`, docs/constraints.md) every point keeps, as `release` enforces them: each fit goes
   * through `fitWithRules`. Part of the settings a stored point must match.
   */
  readonly rules?: readonly Rule[];
}

export interface SweepResult {
  readonly points: readonly SweepPoint[];
  readonly failures: readonly SweepFailure[];
  readonly recommendation: Recommendation;
  readonly policy: Policy;
}

/** The baselines a sweep draws at ε = ∞ when none are named and a DP synthesizer is swept. */
export const DEFAULT_SWEEP_BASELINES: readonly string[] = ['gaussian-copula', 'cart', 'independent'];

/**
 * The baselines of a sweep from a list written as text (`--baselines cart,independent`): `none` is none, no list is
 * `DEFAULT_SWEEP_BASELINES` when one of `synthesizers` is DP only (else none), any other list as given (names are
 * checked by `sweepProblems`).
 */
export function sweepBaselines(
  items: readonly string[] | undefined,
  synthesizers: readonly (string | Synthesizer)[],
): readonly string[] {
  if (items) return items.length === 1 && items[0] === 'none' ? [] : items;
  const dp = synthesizers.some((s) => {
    try {
      return (typeof s === 'object' ? s : getSynthesizer(s)).privacy === 'dp';
    } catch {
      return false; // an unknown name: sweepProblems says so
    }
  });
  return dp ? DEFAULT_SWEEP_BASELINES : [];
}

/** Budgets written as text (`--epsilons 0.1,1`): the numbers > 0, and in `problems` each item that is not one. */
export function parseEpsilons(items: readonly string[], problems: string[]): number[] {
  const out: number[] = [];
  for (const e of items) {
    const x = Number(e);
    if (Number.isFinite(x) && x > 0) out.push(x);
    else problems.push(`--epsilons: "${e}" is not a number > 0`);
  }
  return out;
}

/** Every problem of a sweep's spec, before any work: unknown synthesizers or attacks, missing or bad budgets. */
export function sweepProblems(spec: SweepSpec): string[] {
  const problems: string[] = [];
  const synths: Synthesizer[] = [];
  for (const s of spec.synthesizers) {
    try {
      synths.push(typeof s === 'object' ? s : getSynthesizer(s));
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  for (const s of spec.baselines ?? []) {
    try {
      const b = typeof s === 'object' ? s : getSynthesizer(s);
      if (b.privacy === 'dp')
        problems.push(
          `baseline "${b.name}" is differentially private only: list it under synthesizers instead`,
        );
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (!spec.synthesizers.length) problems.push('no synthesizer to sweep');
  for (const e of spec.epsilons ?? [])
    if (!(Number.isFinite(e) && e > 0)) problems.push(`ε must be a number > 0, got ${e}`);
  if (synths.some((s) => s.privacy === 'dp') && spec.epsilons === undefined)
    problems.push('--epsilons is required for the DP synthesizers, e.g. --epsilons 0.1,0.3,1,3,10');
  const d = spec.delta;
  if (d !== undefined && !(d > 0 && d < 1)) problems.push(`--delta must be in (0, 1), got "${d}"`);
  const known = privacyAttacks();
  for (const a of attackList(spec.attacks) ?? [])
    if (!known.includes(a)) problems.push(`--attacks: unknown attack "${a}" (known: ${known.join(', ')})`);
  return problems;
}

/** The points of a sweep, in order: each DP synthesizer at every ε (distinct, in the order given), others once. */
export function sweepPlan(spec: SweepSpec): { synthesizer: Synthesizer; epsilon: number | null }[] {
  type Point = { synthesizer: Synthesizer; epsilon: number | null };
  const epsilons = [...new Set(spec.epsilons ?? [])];
  const plan = spec.synthesizers.flatMap((s): Point[] => {
    const synthesizer = typeof s === 'object' ? s : getSynthesizer(s);
    return synthesizer.privacy === 'dp' || (synthesizer.privacy === 'either' && epsilons.length)
      ? epsilons.map((epsilon) => ({ synthesizer, epsilon }))
      : [{ synthesizer, epsilon: null }];
  });
  // the baselines last, once each, without a budget (skipped when the same non-DP point is already planned)
  for (const s of spec.baselines ?? []) {
    const synthesizer = typeof s === 'object' ? s : getSynthesizer(s);
    if (!plan.some((p) => p.synthesizer.name === synthesizer.name && p.epsilon === null))
      plan.push({ synthesizer, epsilon: null });
  }
  return plan;
}

/**
 * `sweep`: every synthesizer × ε through the same steps as a job (`release` → `assess` → `gate` → `renderReport`),
 * on one split (`train`, `holdout`). A point already in `store` with the same settings is reused, so a rerun
 * resumes; a point whose fit or evaluation fails with a LookalikeError is listed in `failures`. Returns the points,
 * the failures and the recommendation (report/sweep.ts: the smallest ε meeting every target).
 */
export async function sweep(
  train: Table,
  holdout: Table | null,
  schema: Schema,
  spec: SweepSpec,
  store: SweepStore = memorySweepStore(),
): Promise<SweepResult> {
  const problems = sweepProblems(spec);
  if (problems.length) throw new LookalikeError('cannot start the sweep:', problems, 'usage');
  const seed = spec.seed ?? 0;
  const delta = spec.delta ?? DEFAULT_DELTA;
  const policy = spec.policy ?? DEFAULT_POLICY;
  const settings = {
    ...spec.inputs,
    seed,
    delta,
    rows: spec.rows ?? null,
    target: spec.target ?? null,
    attacks: attackList(spec.attacks) ?? null,
    // the privacy score's definition: points scored before the family-wise correction are evaluated again
    privacyScore: 'family-wise',
    // only when given: points of sweeps run before the option existed still resume
    ...(spec.nAttacks !== undefined ? { attackCount: spec.nAttacks } : {}),
    ...(spec.rules?.length ? { rules: spec.rules } : {}),
    policy,
  };
  const plan = sweepPlan(spec);
  const points: SweepPoint[] = [];
  const failures: SweepFailure[] = [];
  for (const [i, { synthesizer, epsilon }] of plan.entries()) {
    const key = pointKey(synthesizer.name, epsilon);
    const label = `[${i + 1}/${plan.length}] ${synthesizer.name}${epsilon === null ? ' (not DP)' : ` ε = ${epsilon}`}`;
    const done = await store.load(key);
    if (
      done?.format === 'lookalike-sweep-point' &&
      done.version === 1 &&
      done.synthesizer === synthesizer.name &&
      done.epsilon === epsilon &&
      JSON.stringify(done.settings) === JSON.stringify(settings)
    ) {
      spec.onStep?.(`${label}: done before, skipped`);
      points.push(done);
      continue;
    }
    try {
      spec.onStep?.(`${label}: fitting`);
      const r = await release(train, schema, {
        synthesizer,
        seed,
        ...(spec.rows !== undefined ? { rows: spec.rows } : {}),
        ...(epsilon !== null ? { epsilon, delta } : {}),
        ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
        ...(spec.rules?.length ? { rules: spec.rules } : {}),
      });
      spec.onStep?.(
        `${label}: evaluating (fit ${r.timings.fit.toFixed(1)} s, sample ${r.timings.sample.toFixed(1)} s)`,
      );
      const t0 = performance.now();
      const evaluation = await assess(train, r.synthetic, holdout, {
        ...spec,
        onStep: undefined,
        schema,
        seed,
        guarantee: r.privacy,
        synthesizer,
      });
      const evaluate = secondsSince(t0);
      const { scorecard } = gate(evaluation, policy, r.privacy);
      const model = r.model.toJSON();
      const title = `${synthesizer.name}${epsilon === null ? ' (not DP)' : ` at ε = ${epsilon}`}`;
      const report = await renderReport({ evaluation, scorecard, model, title });
      const point: SweepPoint = {
        format: 'lookalike-sweep-point',
        version: 1,
        synthesizer: synthesizer.name,
        epsilon,
        delta: epsilon !== null ? delta : null,
        privacy: r.privacy,
        scores: sweepScores(evaluation),
        scorecard,
        seconds: { ...r.timings, evaluate },
        evaluationFile: `${key}.evaluation.json`,
        reportFile: `${key}.report.html`,
        settings,
        createdAt: new Date().toISOString(),
      };
      await store.save(key, { point, evaluation, model, report });
      points.push(point);
      spec.onStep?.(
        `${label}: ${scorecard.verdict === 'pass' ? 'meets' : 'misses'} the policy (evaluated in ${evaluate.toFixed(1)} s)`,
      );
    } catch (e) {
      if (!(e instanceof LookalikeError)) throw e;
      const error = e.message.replace(/\n/g, ' ');
      spec.onNote?.(`${label}: failed — ${error}`);
      failures.push({ synthesizer: synthesizer.name, epsilon, error });
    }
  }
  return { points, failures, recommendation: recommend(points), policy };
}

/** The sweep as one JSON document (`sweep.json`, format `lookalike-sweep`): points with their scores, the choice. */
export function sweepSummary(r: SweepResult, table: string) {
  const key = (p: SweepPoint | null) => (p ? pointKey(p.synthesizer, p.epsilon) : null);
  return {
    format: 'lookalike-sweep',
    version: 1,
    table,
    policy: r.policy.name,
    points: r.points.map((p) => ({
      key: key(p),
      synthesizer: p.synthesizer,
      epsilon: p.epsilon,
      claimedEpsilon: p.privacy.type === 'dp' ? p.privacy.epsilon : null,
      scores: p.scores,
      verdict: p.scorecard.verdict,
      seconds: p.seconds,
    })),
    failures: r.failures,
    recommendation: {
      point: key(r.recommendation.point),
      closest: key(r.recommendation.closest),
      reason: r.recommendation.reason,
    },
  };
}

/** The sweep as text: one row per point (by synthesizer, then ε), then the recommendation and its reason. */
export function formatSweep(r: SweepResult): string {
  const rows = [...r.points]
    .sort((a, b) => a.synthesizer.localeCompare(b.synthesizer) || claimedEpsilon(a) - claimedEpsilon(b))
    .map((p) => [
      p.synthesizer,
      p.privacy.type === 'dp' ? formatEpsilon(p.privacy.epsilon) : 'not DP',
      ...[p.scores.fidelity, p.scores.utility, p.scores.privacyRisk].map((x) => formatNumber(x)),
      p.scorecard.verdict === 'pass' ? 'meets' : 'misses',
    ]);
  const header = [
    'synthesizer',
    'ε',
    'fidelity',
    'utility',
    'privacy risk (demonstrated)',
    `policy "${r.policy.name}"`,
  ];
  return `${formatTable(header, rows)}\n\n${r.recommendation.point ? 'recommended: ' : ''}${r.recommendation.reason}`;
}
