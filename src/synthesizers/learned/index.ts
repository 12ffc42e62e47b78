import { LookalikeError, ProblemList } from '../../errors.js';
import { createGemm, exp, log, type Gemm } from '../../nn/index.js';
import { Param } from '../../nn/tensor.js';
import { PrivacyLedger } from '../../privacy/ledger.js';
import { Rng } from '../../random/rng.js';
import type { Column } from '../../table/column.js';
import type { ColumnSpec, Schema } from '../../table/schema.js';
import { Table } from '../../table/table.js';
import { planConditions, sampleByRejection, sampleGroups, type ColumnCondition } from '../conditions.js';
import {
  idStyles,
  isRecord,
  modelledSpecs,
  roundDecimals,
  unmodelledColumn,
  type IdStyle,
  byNameFrom,
} from '../common.js';
import { fitTransform, transformFromJSON, TransformError, type TableTransform } from '../transforms/index.js';
import type { ModelFile, SampleOptions } from '../types.js';

/**
 * What the learned synthesizers `tvae` and `ctgan` share (docs/nn.md, "TVAE and CTGAN"): preparing the training
 * matrix through the transforms, the validation split and early stopping, the NaN/inf guard, the common options, the
 * model-file pieces (transform + weights, validated on load) and sampling (unmodelled columns, conditions by
 * rejection). Nothing here is specific to one network.
 */

/** The fewest rows a learned synthesizer trains on (a batch of 10 and something to validate on). */
export const MIN_LEARNED_ROWS = 10;

export interface TrainingData {
  readonly specs: readonly ColumnSpec[];
  readonly transform: TableTransform;
  readonly ids: Record<string, IdStyle>;
  /** Encoded rows, `rows × transform.width`. */
  readonly data: Float32Array;
  readonly rows: number;
  /** Row indices to train on and to validate on (disjoint; `valid` empty without a validation split). */
  readonly train: Int32Array;
  readonly valid: Int32Array;
}

/**
 * Fit the transforms and encode the table; split the rows (seeded) into training and validation. Too few rows and
 * columns the transforms cannot represent are refused together (LookalikeError, kind input).
 */
export function prepareTraining(
  name: string,
  table: Table,
  schema: Schema,
  rng: Rng,
  validation: number,
  minRows = MIN_LEARNED_ROWS,
): TrainingData {
  const specs = modelledSpecs(schema);
  const p = new ProblemList();
  if (table.nRows < minRows)
    p.add(`the table has ${table.nRows} rows; ${name} needs at least ${minRows} rows to train`);
  if (specs.length === 0) p.add('the table has no modelled column (every column is id or text)');
  let transform: TableTransform | null = null;
  if (!p.size) {
    try {
      transform = fitTransform(table, specs, rng.fork());
    } catch (e) {
      if (!(e instanceof TransformError)) throw e;
      for (const q of e.problems) p.add(q);
    }
  }
  p.throwIfAny(`${name} cannot fit this table:`);
  const data = transform!.encode(table, rng.fork());
  const n = table.nRows;
  const nValid = validation > 0 ? Math.floor(n * validation) : 0;
  const perm = rng.permutation(n);
  const valid = Int32Array.from(perm.subarray(0, nValid)).sort();
  const train = Int32Array.from(perm.subarray(nValid)).sort();
  return { specs, transform: transform!, ids: idStyles(table, schema), data, rows: n, train, valid };
}

/** Copy rows `idx[from..from+count)` of `data` (width `w`) into `out`. */
export function gatherRows(
  data: Float32Array,
  w: number,
  idx: Int32Array,
  from: number,
  count: number,
  out: Float32Array,
): void {
  for (let i = 0; i < count; i++) {
    const r = idx[from + i];
    out.set(data.subarray(r * w, r * w + w), i * w);
  }
}

/** A GEMM for training (threads through the registered spawner; one thread where none is). */
export function trainingGemm(threads: number): Promise<Gemm> {
  return createGemm({ threads });
}

/** Stop with an error naming the epoch when a loss is not finite (no model is returned, nothing is written). */
export function checkFiniteLoss(name: string, loss: number, epoch: number, what = 'loss'): void {
  if (!Number.isFinite(loss))
    throw new LookalikeError(
      `${name}: the training ${what} became ${String(loss)} in epoch ${epoch}; no model was made (try a smaller lr, or check the columns for extreme values)`,
      [],
      'input',
    );
}

/**
 * Early stopping on a validation loss: remembers the best epoch's weights; `done` after `patience` epochs without
 * an improvement (relative 1e-4). `restore` puts the best weights back.
 */
export class EarlyStopping {
  private best = Infinity;
  private bestEpoch = 0;
  private since = 0;
  private snapshot: Float32Array[] | null = null;
  constructor(
    private readonly params: readonly Param[],
    private readonly patience: number,
  ) {}

  /** Record an epoch's validation loss; returns true when training should stop. */
  update(loss: number, epoch: number): boolean {
    if (this.snapshot === null || loss < this.best - 1e-4 * Math.abs(this.best)) {
      this.best = loss;
      this.bestEpoch = epoch;
      this.since = 0;
      this.snapshot = this.params.map((p) => Float32Array.from(p.value));
      return false;
    }
    this.since++;
    return this.since >= this.patience;
  }

  get bestLoss(): number {
    return this.best;
  }
  get bestEpochNumber(): number {
    return this.bestEpoch;
  }

  restore(): void {
    if (!this.snapshot) return;
    this.params.forEach((p, i) => {
      p.value.set(this.snapshot![i]);
      p.touch();
    });
  }
}

/** A report of the training, kept in the model file. */
export interface TrainingSummary {
  readonly epochs: number;
  readonly bestEpoch: number;
  readonly trainLoss: number;
  readonly validLoss: number | null;
  readonly stoppedEarly: boolean;
}

/** The parts of a learned model's params every such model has; `load` checks them with `readLearnedParams`. */
export interface LearnedParams {
  readonly ids: Record<string, IdStyle>;
  readonly transform: unknown;
  readonly weights: unknown;
  readonly training?: TrainingSummary;
}

/**
 * Read and check the transform of a model file against its schema: every modelled column of the schema has a
 * transform of a matching kind, in schema order. Adds problems to `p`; returns the transform when it is valid.
 */
export function readTransform(
  params: Record<string, unknown>,
  schema: Schema,
  p: ProblemList,
): { transform: TableTransform; ids: Record<string, IdStyle> } | null {
  if (!isRecord(params.ids)) p.add('params must have "ids"');
  const t = transformFromJSON(params.transform, 'params.transform');
  if (Array.isArray(t)) {
    for (const q of t) p.add(q);
    return null;
  }
  const specs = modelledSpecs(schema);
  const names = t.columns.map((c) => c.name);
  if (names.length !== specs.length || specs.some((s, i) => s.name !== names[i]))
    p.add(
      `params.transform models columns [${names.join(', ')}] but the schema's modelled columns are [${specs.map((s) => s.name).join(', ')}]`,
    );
  else
    specs.forEach((s, i) => {
      const kind = t.columns[i].kind;
      if (kind !== s.kind)
        p.add(`column "${s.name}": the transform's kind ${kind} does not match the schema`);
    });
  if (!isRecord(params.ids)) return null;
  return { transform: t, ids: byNameFrom<IdStyle>(params.ids) };
}

/**
 * Sample a learned model: `draw(n, rng)` gives the modelled columns (in schema order of modelled specs);
 * unmodelled columns are added; conditions go through `sampleByRejection`, drawing from `conditional(conditions)`
 * when the model gives a draw that leans towards them (ctgan's conditional vector), else from `draw`.
 */
export function sampleLearned(
  schema: Schema,
  ids: Record<string, IdStyle>,
  n: number,
  opts: SampleOptions,
  draw: (n: number, rng: Rng) => Column[],
  conditional?: (conds: readonly ColumnCondition[]) => ((n: number, rng: Rng) => Column[]) | null,
): Table {
  const specs = modelledSpecs(schema);
  const full = (count: number, seed: number, d = draw): Table => {
    const cols = count > 0 ? d(count, new Rng(seed)) : [];
    const byCol = new Map(specs.map((s, i) => [s.name, cols[i]]));
    return new Table(
      schema.columns.map((s) => byCol.get(s.name) ?? unmodelledColumn(s, count, ids)),
      count,
    );
  };
  const seed = opts.seed ?? 0;
  const plan = planConditions(schema, n, opts.conditions);
  if (!plan) return full(n, seed);
  return sampleGroups(schema, plan, seed, (g, count, s) => {
    if (g.conditions.length === 0) return full(count, s);
    const d = conditional?.(g.conditions) ?? draw;
    return sampleByRejection(schema, (c, s2) => full(c, s2, d), g.conditions, count, s);
  });
}

/** Round decoded float columns to the decimals their schema declares (as the input had them). */
export function roundFloats(columns: Column[], schema: Schema): Column[] {
  const decimals = new Map(schema.columns.map((c) => [c.name, c.decimals]));
  for (const c of columns)
    if (c.kind === 'numeric' && !c.integer) roundDecimals(c.values, decimals.get(c.name));
  return columns;
}

/**
 * The DP part of a learned model file: for a DP model (the registry has already checked that the claim is what the
 * ledger adds up to), its ledger and the noisy row count `params.dp.rows`; null for a model without DP (which must
 * then carry no `dp` part). Throws a LookalikeError naming the problem.
 */
export function readDpPart(
  file: ModelFile,
  params: Record<string, unknown>,
  name: string,
): PrivacyLedger | null {
  const p = new ProblemList();
  let ledger: PrivacyLedger | null = null;
  const dp = params.dp;
  if (file.privacy.type === 'dp') {
    try {
      ledger = PrivacyLedger.fromJSON(file.ledger, "the model's privacy ledger");
    } catch (e) {
      p.add((e as Error).message);
    }
    const rows = isRecord(dp) ? dp.rows : undefined;
    if (typeof rows !== 'number' || !Number.isInteger(rows) || rows < 1)
      p.add('params.dp.rows (the noisy row count of a DP fit) must be a whole number ≥ 1');
  } else if (dp !== undefined) p.add('params.dp is set but the model is not differentially private');
  p.throwIfAny(`invalid ${name} model:`);
  return ledger;
}

/**
 * One round of raking a generator's softmax spans toward target 1-way frequencies (post-processing of a trained
 * generator): p̄, the mean over the `rows` rows of `raw` (rows × `width` logits) of each span's softmax
 * probabilities — the frequencies of Gumbel-max draws from those logits — and each output bias moved by
 * log(m / p̄), clamped to ±5. Each row's logit differences (the learnt dependences) are kept. `mean`: `width`
 * float64s of scratch. pate-gan (toward noisy marginals) and ctgan (toward the training frequencies) use it.
 */
export function rakeSpanBiases(
  raw: Float32Array,
  rows: number,
  width: number,
  spans: readonly { readonly start: number; readonly width: number }[],
  target: ArrayLike<number>,
  bias: Float32Array,
  mean: Float64Array,
): void {
  mean.fill(0);
  for (const s of spans)
    for (let i = 0; i < rows; i++) {
      const o = i * width + s.start;
      let top = -Infinity;
      for (let j = 0; j < s.width; j++) if (raw[o + j] > top) top = raw[o + j];
      let t = 0;
      for (let j = 0; j < s.width; j++) t += exp(raw[o + j] - top);
      for (let j = 0; j < s.width; j++) mean[s.start + j] += exp(raw[o + j] - top) / t / rows;
    }
  for (const s of spans)
    for (let j = s.start; j < s.start + s.width; j++) {
      const shift = log(Math.max(target[j], 1e-9) / Math.max(mean[j], 1e-9));
      bias[j] += Math.max(-5, Math.min(5, shift));
    }
}
