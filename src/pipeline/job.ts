import type { Evaluation } from '../metrics/evaluation.js';
import type { NeighborSearch } from '../metrics/privacy/distance-metrics.js';
import type { Policy } from '../policy/types.js';
import { targetColumn, type Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { LookalikeError } from '../errors.js';
import { formatSummary } from '../metrics/summary.js';
import { formatScorecard } from '../policy/format.js';
import { privacyLabel } from '../privacy/guarantee.js';
import { assess } from './assess.js';
import { gate, type Gate } from './gate.js';
import { holdOut, type HoldoutSpec } from './holdout.js';
import { release, type Release, type ReleaseSpec } from './release.js';
import { renderReport, type ReportFormat } from './report.js';
import { secondsSince } from './hooks.js';
import { disclose } from './disclose.js';
import type { DisclosureReport, DisclosureStep } from '../constraints/disclosure.js';

export interface JobSpec extends ReleaseSpec {
  /**
   * Post-hoc disclosure control of the synthetic table before it is assessed (step `disclose`; default none). A step
   * that reads the training data (`remove-training-matches`) makes the release not DP: the result's `privacy`, the
   * gate and the report say so.
   */
  readonly disclosure?: readonly DisclosureStep[];
  /** Real rows kept out of the fit (default: a seeded 20% of the table, with the job's seed). */
  readonly holdout?: HoldoutSpec;
  /** The column to predict for utility (default: the schema's column whose role is target). */
  readonly target?: string;
  /** Assess the release (default true); false = only hold out, fit and sample. */
  readonly evaluate?: boolean;
  /** Run the privacy-risk attacks (default: when there is a holdout). */
  readonly privacy?: boolean;
  /** Which attacks (default all but shadow); `'none'` runs none. */
  readonly attacks?: readonly string[] | 'none';
  /** Attacks per privacy evaluator (default 1000). */
  readonly nAttacks?: number;
  /** The policy to gate on (default: the default policy, for display). */
  readonly policy?: Policy;
  /** The report to render (default html); `false` for none. */
  readonly report?: ReportFormat | false;
  /** Title of the report. */
  readonly title?: string;
  readonly search?: NeighborSearch;
}

export interface JobResult extends Release {
  /** Rows of the table the job was given. */
  readonly inputRows: number;
  readonly train: Table;
  readonly holdout: Table | null;
  /** Absent with `evaluate: false`. */
  readonly evaluation?: Evaluation;
  readonly gate?: Gate;
  readonly report?: string;
  /** What disclosure control changed, when it ran (`synthetic` and `privacy` are then the filtered release's). */
  readonly disclosure?: DisclosureReport;
  /** Seconds per step: fit, sample, evaluate (fidelity and utility), privacy (the attacks), report. */
  readonly timings: Readonly<{ fit: number; sample: number } & Record<string, number>>;
}

/** The target of a job or an assessment, checked before any work: a column the table has, of a kind to predict. */
export function checkTarget(table: Table, schema: Schema, target: string | undefined): string | undefined {
  const t = target ?? targetColumn(schema);
  if (t === undefined) return undefined;
  if (!table.has(t)) throw new LookalikeError(`--target: the table has no column "${t}"`, [], 'usage');
  const kind = table.column(t).kind;
  if (kind === 'id' || kind === 'text')
    throw new LookalikeError(
      `--target: "${t}" is an ${kind} column; predict a categorical, boolean or numeric one`,
      [],
      'usage',
    );
  return t;
}

/**
 * The whole job, from the steps: `holdOut` → `release` → `assess` → `gate` → `renderReport`. Reads only the
 * tables it is given (no files): the CLI's `run` and `demo` read and write around it, a page calls it directly.
 */
export async function runJob(table: Table, schema: Schema, spec: JobSpec = {}): Promise<JobResult> {
  const evaluateIt = spec.evaluate !== false;
  const target = evaluateIt ? checkTarget(table, schema, spec.target) : spec.target;
  const seed = spec.seed ?? 0;
  const { train, holdout } = evaluateIt
    ? holdOut(table, spec.holdout ?? { fraction: 0.2, seed }, spec)
    : { train: table, holdout: null };
  if (spec.privacy === true && !holdout)
    throw new LookalikeError(
      'the privacy-risk attacks need a holdout (a holdout fraction > 0 or a holdout table): they compare with real rows the synthesizer never saw',
      [],
      'usage',
    );
  const sampled = await release(train, schema, spec);
  const timings: { fit: number; sample: number } & Record<string, number> = { ...sampled.timings };
  let released: Release = sampled;
  let disclosure: DisclosureReport | undefined;
  if (spec.disclosure?.length) {
    const t = performance.now();
    const d = disclose(sampled.synthetic, {
      ...spec,
      steps: spec.disclosure,
      training: train,
      guarantee: sampled.privacy,
    });
    timings.disclose = secondsSince(t);
    released = { ...sampled, synthetic: d.table, privacy: d.privacy };
    disclosure = d.report;
  }
  const extra = { inputRows: table.nRows, ...(disclosure ? { disclosure } : {}) };
  if (!evaluateIt) return { ...released, ...extra, train, holdout, timings };
  let t0 = performance.now();
  const evaluation = await assess(train, released.synthetic, holdout, {
    ...spec,
    schema,
    seed,
    ...(target !== undefined ? { target } : {}),
    guarantee: released.privacy,
    synthesizer: released.synthesizer,
    ...(spec.options ? { synthesizerOptions: spec.options } : {}),
  });
  timings.evaluate = secondsSince(t0);
  const attacks = evaluation.timings.find((t) => t.phase === 'privacy');
  if (attacks) {
    timings.evaluate -= attacks.seconds;
    timings.privacy = attacks.seconds;
  }
  const g = gate(evaluation, spec.policy, released.privacy);
  if (spec.report === false) return { ...released, ...extra, train, holdout, evaluation, gate: g, timings };
  t0 = performance.now();
  const report = await renderReport({
    evaluation,
    scorecard: g.scorecard,
    model: released.model,
    format: spec.report ?? 'html',
    ...(disclosure ? { disclosure } : {}),
    ...(spec.title ? { title: spec.title } : {}),
  });
  timings.report = secondsSince(t0);
  return { ...released, ...extra, train, holdout, evaluation, gate: g, report, timings };
}

/** A job in numbers (what `lookalike run --json` prints besides its files): no table, no cell value. */
export function jobSummary(job: JobResult) {
  return {
    synthesizer: job.synthesizer.name,
    privacy: job.privacy,
    rows: {
      input: job.inputRows,
      fitted: job.train.nRows,
      holdout: job.holdout?.nRows ?? 0,
      synthetic: job.synthetic.nRows,
    },
    seconds: job.timings,
    ...(job.gate ? { verdict: job.gate.scorecard.summary, quality: job.evaluation?.aggregates.quality } : {}),
  };
}

/**
 * A job in words: the evaluation's summary and the scorecard (when it evaluated; `policyGiven` says whether the
 * policy gates or is the default one, for display), the synthesizer with its guarantee, and the rows in and out.
 */
export function formatJob(job: JobResult, policyGiven: boolean): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const { synthesizer, privacy, rows: r } = jobSummary(job);
  const which = policyGiven ? 'Policy' : 'Default policy (display only; gate with --policy)';
  const assessed =
    job.evaluation && job.gate
      ? [formatSummary(job.evaluation), `\n${which}:\n${formatScorecard(job.gate.scorecard)}`]
      : [];
  return [
    ...assessed,
    `synthesizer: ${synthesizer} — ${privacyLabel(privacy)}`,
    `rows: ${n(r.input)} in (${n(r.fitted)} fitted, ${n(r.holdout)} held out), ${n(r.synthetic)} synthetic`,
  ].join('\n');
}
