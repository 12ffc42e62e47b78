/**
 * Policies: what "useful enough" and "private enough" mean for one release, written down as targets, and the
 * scorecard that checks an evaluation against them (Metric | Score | Target | Status, and a verdict).
 *
 * A policy file is YAML or JSON (JSON is read as YAML):
 *
 * ```yaml
 * version: 1
 * name: my-release-policy
 * missing: fail            # a target whose metric was not measured fails the verdict (or: ignore)
 * targets:
 *   - id: statistical_similarity   # an aggregate score, a metric id, or epsilon / delta (the model's claim)
 *     op: ">="
 *     value: 0.85
 *   - id: singling_out_risk
 *     op: "<="
 *     value: 0.05
 *     bound: ci                     # compare the end of the 95% interval that is worst for the target (default)
 * ```
 *
 * Risks come with 95% intervals (DESIGN.md rule 9). By default (`bound: ci`) a target is compared with the end of
 * the interval that is *least favourable* to it — the upper bound for a `<=` target such as a risk, the lower bound
 * for a `>=` target — so "pass" means "passes even at the pessimistic end of what we measured". A metric without an
 * interval is compared by its estimate. `bound: estimate` compares the point estimate instead.
 *
 * Every problem in a policy file is reported at once (`LookalikeError`, kind `input`). Pure: no I/O; the CLI reads
 * the file and passes its text.
 */
import { parseDocument, LineCounter, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { LookalikeError, ProblemList } from '../errors.js';
import type { MetricResult } from '../metrics/types.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import type { Evaluation, EvaluationAggregates } from './types.js';

export type Operator = '>=' | '>' | '<=' | '<';
export const OPERATORS: readonly Operator[] = ['>=', '>', '<=', '<'];

/** Which number of a measured metric is compared with the target. */
export type Bound = 'ci' | 'estimate';
/** How several results of one metric id (one per column or pair) are combined. */
export type Over = 'worst' | 'mean';
/** Whether a metric target is on the metric's natural `value` or on its [0, 1] `score`. */
export type On = 'value' | 'score';
/** What a target whose metric was not measured does to the verdict. */
export type MissingRule = 'fail' | 'ignore';

export interface Target {
  /** An aggregate score id, a metric id, or `epsilon` / `delta` (the model's claimed guarantee). */
  readonly id: string;
  readonly op: Operator;
  readonly value: number;
  /** Display name; defaults to the catalog's name for `id`. */
  readonly label?: string;
  /** Default `ci`: the end of the 95% interval least favourable to the target; `estimate`: the point value. */
  readonly bound?: Bound;
  /** Metric targets only: compare `value` (natural unit; default) or `score` (in [0, 1], 1 best). */
  readonly on?: On;
  /** Metric targets only: the one result about exactly these columns (e.g. a per-column metric). */
  readonly columns?: readonly string[];
  /** Metric targets only, when several results match: `worst` (default; every one must pass) or `mean`. */
  readonly over?: Over;
  /** Why this target exists, shown in the report next to the row. */
  readonly why?: string;
}

export interface Policy {
  readonly version: 1;
  readonly name: string;
  readonly description?: string;
  /** Default `fail`: a target that could not be checked because its metric is absent fails the verdict. */
  readonly missing?: MissingRule;
  readonly targets: readonly Target[];
}

/** What a policy is checked against: the aggregate scores, the metric results and the model's claimed guarantee. */
export interface PolicySubject {
  /** Aggregate scores in [0, 1] by id; null/absent when not computed. */
  readonly aggregates: Readonly<Record<string, number | null | undefined>>;
  readonly metrics: readonly MetricResult[];
  /** The claimed guarantee of the model that produced the synthetic table; null/absent when unknown. */
  readonly privacy?: PrivacyGuarantee | null;
}

/** Policy ids of `Evaluation.aggregates` (snake_case, as in metric ids). */
const AGGREGATE_KEYS: Readonly<Record<string, keyof EvaluationAggregates>> = {
  quality: 'quality',
  column_shapes: 'columnShapes',
  column_pair_trends: 'columnPairTrends',
  statistical_similarity: 'statisticalSimilarity',
  correlation_preservation: 'correlationPreservation',
  data_validity: 'dataValidity',
  class_balance: 'classBalance',
  ml_utility: 'mlUtility',
  w3_error: 'w3Error',
  overall: 'overall',
};

/**
 * What a policy checks in an evaluation: its aggregates (by policy id), every metric (fidelity, utility and
 * privacy) and the claimed guarantee of the model, which the evaluation itself does not carry — pass the model
 * file's `privacy` (null when unknown: ε / δ targets are then "not measured").
 */
export function policySubject(
  evaluation: Evaluation,
  privacy: PrivacyGuarantee | null = null,
): PolicySubject {
  const aggregates: Record<string, number | null> = {};
  for (const [id, key] of Object.entries(AGGREGATE_KEYS)) aggregates[id] = evaluation.aggregates[key] ?? null;
  aggregates.privacy_protection = evaluation.privacy?.aggregate ?? null;
  return {
    aggregates,
    metrics: [...evaluation.metrics, ...(evaluation.privacy?.metrics ?? [])],
    privacy,
  };
}

/** Metric ids present in an evaluation (to pass as `knownIds` when parsing a policy for it). */
export function evaluationMetricIds(evaluation: Evaluation): string[] {
  return [...new Set([...evaluation.metrics, ...(evaluation.privacy?.metrics ?? [])].map((m) => m.id))];
}

export type Status = 'pass' | 'fail' | 'missing';

export interface ScorecardRow {
  readonly id: string;
  readonly label: string;
  /** `aggregate`: an aggregate score; `metric`: MetricResult(s); `guarantee`: the model's claimed ε / δ. */
  readonly kind: 'aggregate' | 'metric' | 'guarantee';
  readonly op: Operator;
  readonly target: number;
  /** The measured point estimate (after combining several results); null when not measured. */
  readonly measured: number | null;
  /** The 95% interval of `measured` when known. */
  readonly ci: readonly [number, number] | null;
  /** The number actually compared with the target (an interval end under `bound: ci`); null when not measured. */
  readonly compared: number | null;
  /** What `compared` is: `estimate`, `ci-upper` or `ci-lower`. */
  readonly comparedIs: 'estimate' | 'ci-upper' | 'ci-lower' | null;
  readonly status: Status;
  /** One plain sentence: what was compared, or why it is missing. */
  readonly note: string;
  readonly columns?: readonly string[];
  readonly why?: string;
}

export interface Scorecard {
  readonly format: 'lookalike-scorecard';
  readonly version: 1;
  readonly policy: { readonly name: string; readonly description?: string; readonly missing: MissingRule };
  readonly rows: readonly ScorecardRow[];
  readonly counts: { readonly pass: number; readonly fail: number; readonly missing: number };
  /** `pass` when no target fails (and, under `missing: fail`, none is missing). */
  readonly verdict: 'pass' | 'fail';
  /** One sentence for people, e.g. "FAIL: 2 of 7 targets fail (singling_out_risk, epsilon)". */
  readonly summary: string;
}

/** What the catalog knows about a target id: its display name, where it comes from, and which way is better. */
export interface TargetInfo {
  readonly id: string;
  readonly label: string;
  readonly kind: 'aggregate' | 'metric' | 'guarantee';
  /** `higher` when larger values are better (scores), `lower` for risks, distances, AUCs of attacks, ε. */
  readonly better: 'higher' | 'lower';
  readonly description: string;
  /**
   * A *group* target: the results of every metric whose id starts with `prefix` (e.g. all membership attacks
   * `mia_*`), read from `field` (`value`, or a key of `details`), combined like several results of one metric.
   */
  readonly group?: { readonly prefix: string; readonly field: string; readonly ciField?: string };
}

/**
 * Ids a policy may target. Aggregate ids are the snake_case names of `Evaluation.aggregates` plus
 * `privacy_protection` (`Evaluation.privacy.aggregate`); `epsilon` / `delta` are the claimed guarantee of the model;
 * metric ids are those of src/metrics (fidelity, utility, privacy). `parsePolicy` also accepts ids passed in
 * `knownIds` (e.g. the metric ids present in an evaluation), so a new metric can be targeted before this list
 * learns its name.
 */
export const TARGET_CATALOG: readonly TargetInfo[] = [
  // aggregates (Evaluation.aggregates, Evaluation.privacy.aggregate)
  agg(
    'quality',
    'Overall quality',
    'Mean of column shapes and column pair trends (SDMetrics’ quality score).',
  ),
  agg('column_shapes', 'Column shapes', 'SDMetrics Column Shapes: mean KS / TV complement over columns.'),
  agg(
    'column_pair_trends',
    'Column pair trends',
    'SDMetrics Column Pair Trends: mean correlation / contingency similarity over pairs.',
  ),
  agg(
    'statistical_similarity',
    'Statistical similarity',
    'How closely the distributions match the real ones (1 = identical).',
  ),
  agg(
    'correlation_preservation',
    'Correlation preservation',
    'How well relationships between pairs of columns are kept (1 = identical).',
  ),
  agg(
    'data_validity',
    'Data validity',
    'Synthetic values respect the real ranges, categories and missing rates.',
  ),
  agg('class_balance', 'Class balance', 'How closely the target column’s class shares match the real ones.'),
  agg(
    'ml_utility',
    'ML utility (TSTR / TRTR)',
    'A model trained on synthetic rows and tested on real held-out rows, relative to one trained on real rows.',
  ),
  {
    ...agg(
      'w3_error',
      '3-way marginal error',
      'Mean total-variation distance over all 3-way marginals (0 = identical).',
    ),
    better: 'lower',
  },
  agg('overall', 'Overall score', 'Mean of the fidelity and utility aggregates.'),
  agg(
    'privacy_protection',
    'Privacy protection',
    'Aggregate of the privacy-risk suite (1 = no attack did better than chance).',
  ),
  // the model's claimed guarantee
  {
    id: 'epsilon',
    label: 'Claimed ε (differential privacy)',
    kind: 'guarantee',
    better: 'lower',
    description:
      'The privacy-loss bound the model guarantees; ∞ for a model that is not differentially private.',
  },
  {
    id: 'delta',
    label: 'Claimed δ (differential privacy)',
    kind: 'guarantee',
    better: 'lower',
    description:
      'The probability with which the ε bound may fail; 1 for a model that is not differentially private.',
  },
  // privacy metrics (src/metrics/privacy); group targets combine every membership attack
  {
    ...met(
      'membership_auc',
      'Membership inference AUC (best attack)',
      'lower',
      'How well the strongest attack tells training rows from unseen rows (0.5 = chance).',
    ),
    group: { prefix: 'mia_', field: 'value', ciField: 'ci' },
  },
  {
    ...met(
      'membership_advantage',
      'Membership advantage (best attack)',
      'lower',
      'Largest true-positive minus false-positive rate of any membership attack.',
    ),
    group: { prefix: 'mia_', field: 'advantage' },
  },
  {
    ...met(
      'empirical_epsilon',
      'Empirical ε (95% lower bound)',
      'lower',
      'The privacy loss the attacks demonstrate; a valid DP claim is never below it.',
    ),
    group: { prefix: 'mia_', field: 'empiricalEpsilonLower' },
  },
  met(
    'mia_distance',
    'Membership inference AUC (distance attack)',
    'lower',
    'Distance-to-closest-synthetic-row attack.',
  ),
  met(
    'mia_domias',
    'Membership inference AUC (DOMIAS)',
    'lower',
    'Density-ratio attack with reference data.',
  ),
  met(
    'mia_shadow',
    'Membership inference AUC (shadow models)',
    'lower',
    'Shadow-modelling attack on chosen target records.',
  ),
  {
    ...met(
      'singling_out_risk',
      'Singling-out risk (worst mode)',
      'lower',
      'Share of attempts to isolate one real person that succeed beyond chance (univariate and multivariate predicates).',
    ),
    group: { prefix: 'singling_out_', field: 'value', ciField: 'ci' },
  },
  met(
    'singling_out_univariate',
    'Singling-out risk (univariate predicates)',
    'lower',
    'Anonymeter-style singling out with one-column predicates.',
  ),
  met(
    'singling_out_multivariate',
    'Singling-out risk (multivariate predicates)',
    'lower',
    'Anonymeter-style singling out with several-column predicates.',
  ),
  met(
    'linkability',
    'Linkability risk',
    'lower',
    'Risk of linking two partial records of the same real person through the synthetic table.',
  ),
  met(
    'inference',
    'Attribute inference risk',
    'lower',
    'Risk of guessing a secret column of a real person from their other columns (one result per secret column).',
  ),
  met(
    'qi_unique_match_rate',
    'Unique quasi-identifier matches',
    'lower',
    'Share of synthetic quasi-identifier classes that match exactly one real record.',
  ),
  met(
    'l_diversity',
    'l-diversity',
    'higher',
    'Smallest number of distinct sensitive values in a quasi-identifier class.',
  ),
  met(
    't_closeness',
    't-closeness',
    'lower',
    'Largest distance between a class’s sensitive distribution and the whole table’s.',
  ),
  met(
    'dcr_share',
    'DCR share (closer to training)',
    'lower',
    'Share of synthetic rows closer to a training row than to a holdout row (0.5 is ideal).',
  ),
  met(
    'nndr',
    'Nearest-neighbour distance ratio',
    'higher',
    'Mean ratio of distances to the closest and second-closest training rows.',
  ),
  met(
    'exact_match_rate',
    'Exact-match rate',
    'lower',
    'Share of synthetic rows identical to a training row.',
  ),
  met(
    'near_duplicate_rate',
    'Near-duplicate rate',
    'lower',
    'Share of synthetic rows almost identical to a training row.',
  ),
  met(
    'k_anonymity',
    'k-anonymity',
    'higher',
    'Smallest group of synthetic rows sharing the same quasi-identifiers.',
  ),
  // fidelity and utility metrics (src/metrics/fidelity, src/metrics/utility)
  met('ks_complement', 'KS complement', 'higher', 'Column shape: 1 − Kolmogorov–Smirnov distance.'),
  met('tv_complement', 'TV complement', 'higher', 'Column shape: 1 − total-variation distance.'),
  met(
    'correlation_similarity',
    'Correlation similarity',
    'higher',
    'Column pair trend: 1 − |Δ correlation| / 2.',
  ),
  met(
    'contingency_similarity',
    'Contingency similarity',
    'higher',
    'Column pair trend: 1 − total-variation distance of the 2-way table.',
  ),
  met(
    'detection_auc',
    'Detection AUC',
    'lower',
    'How well a classifier tells synthetic rows from real ones (0.5 = indistinguishable).',
  ),
];

function agg(id: string, label: string, description: string): TargetInfo {
  return { id, label, kind: 'aggregate', better: 'higher', description };
}
function met(id: string, label: string, better: 'higher' | 'lower', description: string): TargetInfo {
  return { id, label, kind: 'metric', better, description };
}

const CATALOG = new Map(TARGET_CATALOG.map((t) => [t.id, t]));

export function targetInfo(id: string): TargetInfo | undefined {
  return CATALOG.get(id);
}

export interface ParsePolicyOptions {
  /** Name of the file for messages. */
  readonly source?: string;
  /** Extra ids a target may name (metric ids present in an evaluation, for instance). */
  readonly knownIds?: Iterable<string>;
}

const TOP_KEYS = ['version', 'name', 'description', 'missing', 'targets'];
const TARGET_KEYS = ['id', 'op', 'value', 'label', 'bound', 'on', 'columns', 'over', 'why'];

/**
 * Parse and validate a policy file's text (YAML or JSON). Throws one `LookalikeError` listing every problem, with
 * line numbers where the file has them.
 */
export function parsePolicy(text: string, opts: ParsePolicyOptions = {}): Policy {
  const source = opts.source ?? 'policy';
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const p = new ProblemList();
    for (const e of doc.errors) {
      const pos = lc.linePos(e.pos[0]);
      p.add(`${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${e.message.split('\n')[0]}`);
    }
    p.throwIfAny(`${source} is not valid YAML or JSON:`);
  }
  const lineOf = (path: (string | number)[]): string => {
    const node = doc.getIn(path, true) as YamlNode | undefined;
    const at = node && 'range' in node && node.range ? lc.linePos(node.range[0]).line : undefined;
    return at ? ` (line ${at})` : '';
  };
  // Accept only plain data: the YAML node tree must be maps, sequences and scalars.
  if (doc.contents && !isMap(doc.contents)) {
    throw new LookalikeError(
      `${source} is not a policy: expected a mapping with "version", "name" and "targets"`,
    );
  }
  return validatePolicy(doc.toJS(), {
    ...opts,
    source,
    lineOf,
    targetsIsSeq: isSeq(doc.get('targets', true)),
  });
}

/**
 * Validate an already-parsed policy object (e.g. built in code). Same rules and messages as `parsePolicy`.
 */
export function validatePolicy(
  raw: unknown,
  opts: ParsePolicyOptions & { lineOf?: (path: (string | number)[]) => string; targetsIsSeq?: boolean } = {},
): Policy {
  const source = opts.source ?? 'policy';
  const lineOf = opts.lineOf ?? (() => '');
  const known = new Set<string>([...CATALOG.keys(), ...(opts.knownIds ?? [])]);
  const p = new ProblemList();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new LookalikeError(
      `${source} is not a policy: expected a mapping with "version", "name" and "targets"`,
    );
  }
  const r = raw as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    if (!TOP_KEYS.includes(k)) p.add(`unknown key "${k}"${lineOf([k])} (allowed: ${TOP_KEYS.join(', ')})`);
  }
  if (r.version !== 1) p.add(`"version" must be 1, got ${describe(r.version)}${lineOf(['version'])}`);
  if (typeof r.name !== 'string' || !r.name.trim())
    p.add(`"name" must be a non-empty string${lineOf(['name'])}`);
  if (r.description !== undefined && typeof r.description !== 'string') {
    p.add(`"description" must be a string${lineOf(['description'])}`);
  }
  if (r.missing !== undefined && r.missing !== 'fail' && r.missing !== 'ignore') {
    p.add(`"missing" must be "fail" or "ignore", got ${describe(r.missing)}${lineOf(['missing'])}`);
  }
  const targets: Target[] = [];
  if (!Array.isArray(r.targets)) {
    p.add(`"targets" must be a list of targets${lineOf(['targets'])}`);
  } else if (r.targets.length === 0) {
    p.add(`"targets" is empty: a policy needs at least one target`);
  } else {
    const seen = new Map<string, number>();
    r.targets.forEach((t, i) => {
      const where = `targets[${i}]${lineOf(['targets', i])}`;
      if (typeof t !== 'object' || t === null || Array.isArray(t)) {
        p.add(`${where}: expected a mapping with "id", "op" and "value"`);
        return;
      }
      const x = t as Record<string, unknown>;
      const before = p.size;
      for (const k of Object.keys(x)) {
        if (!TARGET_KEYS.includes(k))
          p.add(`${where}: unknown key "${k}" (allowed: ${TARGET_KEYS.join(', ')})`);
      }
      let info: TargetInfo | undefined;
      if (typeof x.id !== 'string' || !x.id) {
        p.add(`${where}: "id" must be a string naming an aggregate score, a metric or epsilon/delta`);
      } else if (!known.has(x.id)) {
        const hint = suggest(x.id, known);
        p.add(
          `${where}: unknown id "${x.id}"${hint ? ` — did you mean "${hint}"?` : ''} (see docs/report.md for the list)`,
        );
      } else {
        info = CATALOG.get(x.id);
      }
      if (typeof x.op !== 'string' || !OPERATORS.includes(x.op as Operator)) {
        p.add(
          `${where}: "op" must be one of ${OPERATORS.map((o) => `"${o}"`).join(', ')}, got ${describe(x.op)}`,
        );
      }
      if (typeof x.value !== 'number' || !Number.isFinite(x.value)) {
        p.add(`${where}: "value" must be a finite number, got ${describe(x.value)}`);
      } else if (info && (info.kind === 'aggregate' || x.on === 'score') && (x.value < 0 || x.value > 1)) {
        p.add(`${where}: "value" ${x.value} is outside [0, 1], the range of a score`);
      }
      if (x.label !== undefined && typeof x.label !== 'string') p.add(`${where}: "label" must be a string`);
      if (x.why !== undefined && typeof x.why !== 'string') p.add(`${where}: "why" must be a string`);
      if (x.bound !== undefined && x.bound !== 'ci' && x.bound !== 'estimate') {
        p.add(`${where}: "bound" must be "ci" or "estimate", got ${describe(x.bound)}`);
      }
      const isMetric = info ? info.kind === 'metric' : true;
      if (x.on !== undefined) {
        if (x.on !== 'value' && x.on !== 'score')
          p.add(`${where}: "on" must be "value" or "score", got ${describe(x.on)}`);
        else if (!isMetric) p.add(`${where}: "on" applies to metric targets only, not to "${String(x.id)}"`);
      }
      if (x.over !== undefined) {
        if (x.over !== 'worst' && x.over !== 'mean')
          p.add(`${where}: "over" must be "worst" or "mean", got ${describe(x.over)}`);
        else if (!isMetric)
          p.add(`${where}: "over" applies to metric targets only, not to "${String(x.id)}"`);
      }
      if (x.columns !== undefined) {
        if (
          !Array.isArray(x.columns) ||
          x.columns.length === 0 ||
          !x.columns.every((c) => typeof c === 'string' && c)
        ) {
          p.add(`${where}: "columns" must be a non-empty list of column names`);
        } else if (!isMetric)
          p.add(`${where}: "columns" applies to metric targets only, not to "${String(x.id)}"`);
      }
      if (p.size > before) return;
      const target: Target = {
        id: x.id as string,
        op: x.op as Operator,
        value: x.value as number,
        ...(x.label !== undefined ? { label: x.label as string } : {}),
        ...(x.bound !== undefined ? { bound: x.bound as Bound } : {}),
        ...(x.on !== undefined ? { on: x.on as On } : {}),
        ...(x.columns !== undefined ? { columns: [...(x.columns as string[])] } : {}),
        ...(x.over !== undefined ? { over: x.over as Over } : {}),
        ...(x.why !== undefined ? { why: x.why as string } : {}),
      };
      const key = `${target.id}|${target.op}|${(target.columns ?? []).join(',')}|${target.on ?? ''}`;
      if (seen.has(key)) p.add(`${where}: duplicates targets[${seen.get(key)}] (same id, op and columns)`);
      else seen.set(key, i);
      targets.push(target);
    });
  }
  p.throwIfAny(`${source} is not a valid policy (${p.size} problem${p.size === 1 ? '' : 's'}):`);
  return {
    version: 1,
    name: r.name as string,
    ...(r.description !== undefined ? { description: r.description as string } : {}),
    missing: (r.missing as MissingRule | undefined) ?? 'fail',
    targets,
  };
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return Array.isArray(v) ? 'a list' : 'a mapping';
}

/** The closest known id by edit distance, if it is close. */
function suggest(id: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(id.toLowerCase(), k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(id.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The operator as people read it: ≥, >, ≤, <. */
export function opSymbol(op: Operator): string {
  return op === '>=' ? '≥' : op === '<=' ? '≤' : op;
}

function holds(x: number, op: Operator, t: number): boolean {
  switch (op) {
    case '>=':
      return x >= t;
    case '>':
      return x > t;
    case '<=':
      return x <= t;
    case '<':
      return x < t;
  }
}

/** Check a subject (an evaluation's aggregates, metrics and claimed guarantee) against a policy. Pure. */
export function applyPolicy(subject: PolicySubject, policy: Policy): Scorecard {
  const missingRule = policy.missing ?? 'fail';
  const rows = policy.targets.map((t) => checkTarget(subject, t));
  const counts = {
    pass: rows.filter((r) => r.status === 'pass').length,
    fail: rows.filter((r) => r.status === 'fail').length,
    missing: rows.filter((r) => r.status === 'missing').length,
  };
  const failing = rows.filter(
    (r) => r.status === 'fail' || (missingRule === 'fail' && r.status === 'missing'),
  );
  const verdict = failing.length === 0 ? 'pass' : 'fail';
  const n = rows.length;
  let summary: string;
  if (verdict === 'pass') {
    summary = `PASS: ${counts.pass} of ${n} targets met`;
    if (counts.missing) summary += ` (${counts.missing} not measured, ignored by this policy)`;
  } else {
    const parts: string[] = [];
    if (counts.fail) parts.push(`${counts.fail} failed`);
    if (counts.missing)
      parts.push(`${counts.missing} not measured${missingRule === 'fail' ? ' (counted as failing)' : ''}`);
    summary = `FAIL: ${counts.pass} of ${n} targets met, ${parts.join(', ')} — ${failing.map((r) => r.id).join(', ')}`;
  }
  return {
    format: 'lookalike-scorecard',
    version: 1,
    policy: {
      name: policy.name,
      ...(policy.description ? { description: policy.description } : {}),
      missing: missingRule,
    },
    rows,
    counts,
    verdict,
    summary,
  };
}

function checkTarget(s: PolicySubject, t: Target): ScorecardRow {
  const info = CATALOG.get(t.id);
  const kind = info?.kind ?? 'metric';
  const base = {
    id: t.id,
    label: t.label ?? info?.label ?? t.id,
    kind,
    op: t.op,
    target: t.value,
    ...(t.columns ? { columns: t.columns } : {}),
    ...(t.why ? { why: t.why } : {}),
  };
  const missing = (note: string): ScorecardRow => ({
    ...base,
    measured: null,
    ci: null,
    compared: null,
    comparedIs: null,
    status: 'missing',
    note,
  });
  let measured: number;
  let ci: readonly [number, number] | null = null;
  let extraNote = '';
  if (kind === 'aggregate') {
    const v = s.aggregates[t.id];
    if (v === null || v === undefined || !Number.isFinite(v))
      return missing(`not measured: the evaluation has no "${t.id}" score`);
    measured = v;
  } else if (kind === 'guarantee') {
    const g = s.privacy;
    if (!g)
      return missing('not measured: the evaluation does not say which model produced the synthetic table');
    if (g.type === 'none') {
      measured = t.id === 'epsilon' ? Infinity : 1;
      extraNote = 'the model is not differentially private, so it guarantees no finite ε';
    } else {
      measured = t.id === 'epsilon' ? g.epsilon : g.delta;
    }
  } else {
    const on = t.on ?? 'value';
    type Item = {
      value: number;
      ci: readonly [number, number] | null;
      columns?: readonly string[];
      id: string;
    };
    let items: Item[];
    if (info?.group) {
      const g = info.group;
      items = s.metrics
        .filter((m) => m.id.startsWith(g.prefix))
        .map((m) => {
          const v = g.field === 'value' ? m.value : m.details?.[g.field];
          return {
            id: m.id,
            value: typeof v === 'number' ? v : NaN,
            ci: g.ciField === 'ci' && m.ci ? m.ci : null,
            columns: m.columns,
          };
        });
    } else {
      items = s.metrics
        .filter((m) => m.id === t.id)
        .map((m) => ({
          id: m.id,
          value: on === 'score' ? m.score : m.value,
          ci: on === 'value' && m.ci ? m.ci : null,
          columns: m.columns,
        }));
    }
    if (t.columns) {
      const want = t.columns.join('\u0000');
      items = items.filter((m) => (m.columns ?? []).join('\u0000') === want);
    }
    const found = items.filter((m) => Number.isFinite(m.value));
    if (found.length === 0) {
      const what = info?.group ? `"${info.group.prefix}*"` : `"${t.id}"`;
      return missing(
        `not measured: the evaluation has no ${what} result${t.columns ? ` for ${t.columns.join(', ')}` : ''}`,
      );
    }
    const useCi = (t.bound ?? 'ci') === 'ci';
    const upper = t.op.startsWith('<');
    // the number compared for one result: its interval end least favourable to the target, or its estimate
    const cmp = (m: Item): number => (useCi && m.ci ? (upper ? m.ci[1] : m.ci[0]) : m.value);
    if (found.length === 1 || t.over !== 'mean') {
      // worst: the result least favourable to the target
      let worst = found[0];
      for (const m of found) if (upper ? cmp(m) > cmp(worst) : cmp(m) < cmp(worst)) worst = m;
      measured = worst.value;
      ci = worst.ci ? [worst.ci[0], worst.ci[1]] : null;
      if (found.length > 1) {
        const which = worst.columns ? worst.columns.join(', ') : worst.id !== t.id ? worst.id : '';
        extraNote = `worst of ${found.length} results${which ? ` (${which})` : ''}`;
      }
    } else {
      measured = found.reduce((a, m) => a + m.value, 0) / found.length;
      extraNote = `mean of ${found.length} results`;
    }
  }
  let compared = measured;
  let comparedIs: ScorecardRow['comparedIs'] = 'estimate';
  if ((t.bound ?? 'ci') === 'ci' && ci) {
    if (t.op.startsWith('<')) {
      compared = ci[1];
      comparedIs = 'ci-upper';
    } else {
      compared = ci[0];
      comparedIs = 'ci-lower';
    }
  }
  const ok = holds(compared, t.op, t.value);
  const whatCompared =
    comparedIs === 'ci-upper'
      ? 'upper end of the 95% interval'
      : comparedIs === 'ci-lower'
        ? 'lower end of the 95% interval'
        : 'estimate';
  const note = `${whatCompared} ${fmt(compared)} ${ok ? 'meets' : 'misses'} ${opSymbol(t.op)} ${fmt(t.value)}${extraNote ? `; ${extraNote}` : ''}`;
  return { ...base, measured, ci, compared, comparedIs, status: ok ? 'pass' : 'fail', note };
}

/** A number as tables show it: up to 4 significant digits, ∞ for Infinity. */
export function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6)) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

/**
 * A claimed privacy parameter (ε, δ, ρ) as tables show it: 4 significant digits, rounded *up*, so that printing can
 * only overstate the privacy loss (DESIGN.md rule 3). ∞ for Infinity.
 */
export function fmtUp(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const expo = Math.abs(x) < 1e-3 || Math.abs(x) >= 1e6;
  const digits = expo ? 3 : 4; // what `fmt` shows
  const e = Math.floor(Math.log10(Math.abs(x))) - (digits - 1);
  const up = Math.ceil(x / 10 ** e - 1e-9) * 10 ** e;
  return expo ? up.toExponential(2) : String(Number(up.toPrecision(digits)));
}

/** The number a scorecard row shows: claimed guarantees are rounded up, everything else to 4 digits. */
export function fmtRow(r: { kind: string }, x: number | null | undefined): string {
  return r.kind === 'guarantee' ? fmtUp(x) : fmt(x);
}

/** Exit code of a release gate: 0 when the scorecard's verdict is pass, 3 when it is fail. */
export function gateExitCode(scorecard: Scorecard): 0 | 3 {
  return scorecard.verdict === 'pass' ? 0 : 3;
}

/**
 * The scorecard as a plain-text table for a terminal (and CI logs), then the verdict, then — when it fails — one line
 * per failing or unmeasured target saying what was compared.
 */
export function formatScorecard(sc: Scorecard): string {
  const head = ['Metric', 'Score', 'Target', 'Status'];
  const body = sc.rows.map((r) => [
    r.columns ? `${r.label} [${r.columns.join(', ')}]` : r.label,
    r.measured === null
      ? '—'
      : r.ci
        ? `${fmt(r.measured)} [${fmt(r.ci[0])}, ${fmt(r.ci[1])}]`
        : fmtRow(r, r.measured),
    `${opSymbol(r.op)} ${fmt(r.target)}`,
    r.status === 'missing' ? 'not measured' : r.status,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const out = [
    `Policy: ${sc.policy.name}`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...body.map(line),
    '',
    sc.summary,
  ];
  const failures = formatFailures(sc);
  return failures ? `${out.join('\n')}\n${failures}` : out.join('\n');
}

/** One line per failing (or, under `missing: fail`, unmeasured) target: `  ✗ id: what was compared`. */
export function formatFailures(sc: Scorecard): string {
  return sc.rows
    .filter((r) => r.status === 'fail' || (r.status === 'missing' && sc.policy.missing === 'fail'))
    .map((r) => `  ✗ ${r.id}${r.columns ? ` [${r.columns.join(', ')}]` : ''}: ${r.note}`)
    .join('\n');
}
