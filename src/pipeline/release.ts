import { LookalikeError } from '../errors.js';
import { privacyLabel, type PrivacyGuarantee } from '../privacy/guarantee.js';
import { DEFAULT_DELTA } from '../privacy/ledger.js';
import type { SecureRng } from '../random/secure.js';
import { getSynthesizer, loadSynthesizer, notCountable } from '../synthesizers/registry.js';
import type { Model, Synthesizer } from '../synthesizers/types.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { fitWithRules } from '../constraints/model.js';
import { rebalancePlan, type RebalanceSpec } from '../constraints/rebalance.js';
import type { Rule } from '../constraints/types.js';
import type { Conditions } from '../synthesizers/types.js';
import type { CountableRows } from '../synthesizers/marginal/rows.js';
import { secondsSince, type StepHooks } from './hooks.js';

/** What to fit: a synthesizer (by name or as an object) and its budget and options. */
export interface FitSpec extends StepHooks {
  /** Default `gaussian-copula`. */
  readonly synthesizer?: string | Synthesizer;
  /** The (ε, δ) budget of a DP fit; δ defaults to `DEFAULT_DELTA` when ε is given. Refused by non-DP synthesizers. */
  readonly epsilon?: number;
  readonly delta?: number;
  /** Synthesizer options, checked against its option schema (`lookalike synthesizers`). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** Seed of everything but DP noise (default 0): the fit and, in `release`, the sample. */
  readonly seed?: number;
  /** DP noise source; a fresh WebCrypto-backed one by default. */
  readonly secureRng?: SecureRng;
  /**
   * Business rules (`parseRules`, docs/constraints.md) every sampled row keeps: the fit goes through `fitWithRules`
   * (training rows that break a rule are left out — counted in a note outside DP only; rules enforced by
   * construction, checked and redrawn with a bound when sampling). Public knowledge under DP: no budget.
   */
  readonly rules?: readonly Rule[];
}

/** What the `sample` step draws: every row free (default), fixed values or condition rows, or a rebalanced column. */
export interface SampleSpec extends StepHooks {
  readonly seed?: number;
  /** `SampleOptions.conditions`: fixed values, or one condition row per output row (then `rows` = their count). */
  readonly conditions?: Conditions;
  /** Exact shares of values of a categorical or boolean column (`rebalancePlan`); not with `conditions`. */
  readonly rebalance?: RebalanceSpec;
}

export interface ReleaseSpec extends FitSpec, Omit<SampleSpec, keyof StepHooks> {
  /** Synthetic rows to draw (default `defaultSampleRows`: the table's rows; a DP model's noisy count of them). */
  readonly rows?: number;
}

export interface Fitted {
  readonly synthesizer: Synthesizer;
  readonly model: Model;
  readonly seconds: number;
}

export interface Release extends Fitted {
  readonly synthetic: Table;
  /** The guarantee of the release, from the model's ledger (`{ type: 'none' }` for a non-DP fit). */
  readonly privacy: PrivacyGuarantee;
  /** The privacy ledger of a DP fit (its JSON, as in the model file); null otherwise. */
  readonly ledger: unknown | null;
  readonly timings: { readonly fit: number; readonly sample: number };
}

export { privacyLabel };

export function resolveSynthesizer(s: string | Synthesizer | undefined): Synthesizer {
  return typeof s === 'object' ? s : getSynthesizer(s ?? 'gaussian-copula');
}

/**
 * Step `fit`: fit the synthesizer on `table`. The synthesizer's contract (synthesizers/options.ts) refuses unknown
 * options and an ε given to a non-DP synthesizer. Notes: the model file's own note, and "not differentially
 * private" for a fit without a guarantee.
 */
export async function fit(table: Table, schema: Schema, spec: FitSpec = {}): Promise<Fitted> {
  const synthesizer = resolveSynthesizer(spec.synthesizer);
  const { epsilon, options } = spec;
  const delta =
    spec.delta ?? (epsilon !== undefined && synthesizer.privacy !== 'none' ? DEFAULT_DELTA : undefined);
  spec.onStep?.(
    `fitting ${synthesizer.name}${epsilon !== undefined ? ` (ε = ${epsilon}${delta !== undefined ? `, δ = ${delta}` : ''})` : ''}`,
  );
  const t0 = performance.now();
  const opts = {
    seed: spec.seed ?? 0,
    ...(epsilon !== undefined ? { epsilon } : {}),
    ...(delta !== undefined ? { delta } : {}),
    ...(options && Object.keys(options).length ? { options } : {}),
    ...(spec.secureRng ? { secureRng: spec.secureRng } : {}),
    ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
  };
  let model: Model;
  if (spec.rules?.length) {
    spec.onStep?.(`  enforcing ${spec.rules.length} rule${spec.rules.length > 1 ? 's' : ''}`);
    const r = await fitWithRules(synthesizer, table, schema, spec.rules, opts);
    for (const n of r.notes)
      spec.onNote?.(`${n.rows} training row${n.rows > 1 ? 's' : ''} broke ${n.rule}; left out of the fit`);
    model = r.model;
  } else model = await synthesizer.fit(table, schema, opts);
  const seconds = secondsSince(t0);
  spec.onStep?.(`  fitted in ${seconds.toFixed(1)} s — ${privacyLabel(model.privacy)}`);
  // the note is about what a model fitted without DP holds (a DP fit's model holds only post-processed noisy facts)
  if (synthesizer.modelFileNote && model.privacy.type === 'none') spec.onNote?.(synthesizer.modelFileNote);
  if (model.privacy.type === 'none')
    spec.onNote?.(
      `${synthesizer.name} is not differentially private: its output carries no formal privacy guarantee`,
    );
  return { synthesizer, model, seconds };
}

/**
 * Step `fit` over rows counted where they live (issue 15, docs/scale.md): a Parquet glob through DuckDB, a
 * PostgreSQL table or its shards (`CountableRows`, made by the Node adapters of `io/count-sql.ts`), a table in memory
 * (`rowsInMemory`). Only the synthesizers that read rows as counts do this (`Synthesizer.fitCounts`: mst, aim,
 * privbayes, independent with ε); `schema` must declare every modelled column's domain and facts (public), and
 * business rules are refused (they need the rows). The caller closes `rows`.
 */
export async function fitCounted(rows: CountableRows, schema: Schema, spec: FitSpec = {}): Promise<Fitted> {
  // a lazily registered synthesizer's stand-in always offers fitCounts: ask its code, so a refusal comes first
  const named = resolveSynthesizer(spec.synthesizer);
  const synthesizer = typeof spec.synthesizer === 'object' ? named : await loadSynthesizer(named.name);
  if (!synthesizer.fitCounts) throw notCountable(synthesizer.name, rows.label);
  if (spec.rules?.length)
    throw new LookalikeError(
      `business rules need the rows in memory; ${rows.label} is counted where it lives (drop the rules, or load the table)`,
      [],
      'usage',
    );
  const { epsilon, options } = spec;
  const delta = spec.delta ?? (epsilon !== undefined ? DEFAULT_DELTA : undefined);
  spec.onStep?.(
    `fitting ${synthesizer.name}${epsilon !== undefined ? ` (ε = ${epsilon}${delta !== undefined ? `, δ = ${delta}` : ''})` : ''} over ${rows.label}, counted where it lives`,
  );
  const t0 = performance.now();
  const model = await synthesizer.fitCounts(rows, schema, {
    seed: spec.seed ?? 0,
    ...(epsilon !== undefined ? { epsilon } : {}),
    ...(delta !== undefined ? { delta } : {}),
    ...(options && Object.keys(options).length ? { options } : {}),
    ...(spec.secureRng ? { secureRng: spec.secureRng } : {}),
    ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
  });
  const seconds = secondsSince(t0);
  spec.onStep?.(`  fitted in ${seconds.toFixed(1)} s — ${privacyLabel(model.privacy)}`);
  return { synthesizer, model, seconds };
}

/**
 * Step `sample`: draw `rows` synthetic rows from a model, reproducibly from `seed` — optionally conditioned or
 * rebalanced (docs/constraints.md). Reads the model only: under DP it spends no budget.
 */
export function sample(model: Model, rows: number, spec: SampleSpec = {}): Table {
  if (!(Number.isSafeInteger(rows) && rows >= 1))
    throw new LookalikeError(`rows must be a whole number ≥ 1, got ${rows}`, [], 'usage');
  if (spec.conditions !== undefined && spec.rebalance)
    throw new LookalikeError('rebalancing cannot be combined with conditions', [], 'usage');
  const seed = spec.seed ?? 0;
  const conditions = spec.rebalance
    ? rebalancePlan(model.schema, rows, spec.rebalance, seed)
    : spec.conditions;
  spec.onStep?.(
    `sampling ${rows.toLocaleString('en-US')} rows${spec.rebalance ? `, ${spec.rebalance.column} rebalanced` : conditions !== undefined ? ', conditioned' : ''}`,
  );
  return model.sample(rows, {
    seed,
    ...(conditions !== undefined ? { conditions } : {}),
    ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
  });
}

/**
 * The rows a sample has when the caller does not say: a non-DP model's training rows; a DP model's noisy count of
 * them, `Model.defaultRows` (issue 10: the exact count is the fact that differs between neighbouring tables, so it
 * must never reach a DP release). Every DP synthesizer must provide that count, released under DP and charged to
 * its ledger (docs/privacy.md, "How many rows a DP release has"); a DP model without one is refused here, so the
 * exact count cannot leak by a missing field.
 */
export function defaultSampleRows(model: Model, trainingRows: number): number {
  if (model.privacy.type === 'none') return trainingRows;
  const n = model.defaultRows;
  if (n === undefined || !(Number.isSafeInteger(n) && n >= 1))
    throw new LookalikeError(
      `the differentially private ${model.synthesizer} model has no noisy row count, and the exact number of training rows is not part of a DP release`,
      ['give the number of synthetic rows to draw (--rows N, or `rows` in the library call)'],
      'privacy',
    );
  return n;
}

/**
 * Step `release`: fit, then sample — the only step that reads the private rows (`table`). Returns the model, the
 * synthetic table, the guarantee and the DP ledger (null for a non-DP fit), and the seconds of each part.
 */
export async function release(table: Table, schema: Schema, spec: ReleaseSpec = {}): Promise<Release> {
  const fitted = await fit(table, schema, spec);
  const t0 = performance.now();
  // a DP model's default is its noisy row count, never the exact training count (issue 10)
  const synthetic = sample(fitted.model, spec.rows ?? defaultSampleRows(fitted.model, table.nRows), spec);
  const timings = { fit: fitted.seconds, sample: secondsSince(t0) };
  const { model } = fitted;
  return {
    ...fitted,
    synthetic,
    privacy: model.privacy,
    ledger: model.privacy.type === 'dp' ? model.toJSON().ledger : null,
    timings,
  };
}
