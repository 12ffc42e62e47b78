import { LookalikeError, ProblemList } from '../../errors.js';
import { createGemmSync } from '../../nn/kernel/wasm.js';
import type { Gemm } from '../../nn/kernel/gemm.js';
import { readWeights, writeWeights } from '../../nn/serialize.js';
import type { Ctx } from '../../nn/tensor.js';
import type { PrivacyGuarantee } from '../../privacy/guarantee.js';
import { PrivacyLedger } from '../../privacy/ledger.js';
import { Rng } from '../../random/rng.js';
import type { Column } from '../../table/column.js';
import type { Schema } from '../../table/schema.js';
import { Table } from '../../table/table.js';
import {
  byNameFrom,
  checkSampleSize,
  isRecord,
  modelEnvelope,
  modelledSpecs,
  unmodelledColumn,
  type IdStyle,
} from '../common.js';
import {
  describeConditions,
  planConditions,
  sampleByRejection,
  sampleGroups,
  type ColumnCondition,
} from '../conditions.js';
import type { Model, ModelFile, SampleOptions } from '../types.js';
import { cardinality, decodeColumn, tokenColumnProblems, tokenOf, type TokenColumn } from './encode.js';
import { ArgnNet, type NetShape } from './network.js';

/** What an argn model file's params hold. */
export interface ArgnParams {
  readonly version: 1;
  readonly ids: Record<string, IdStyle>;
  /** Token columns in table (schema) order. */
  readonly columns: readonly TokenColumn[];
  readonly shape: NetShape;
  readonly flexible: boolean;
  /** Generation order (column names): the `order` option, then the rest in table order. */
  readonly order: readonly string[];
  readonly temperature: number;
  readonly topP: number;
  /** Gibbs sweeps after a conditional draw (option `conditionalSweeps`; absent in older files: 0). */
  readonly conditionalSweeps?: number;
  /**
   * The order of the open columns in a conditional draw of a flexible model (option `conditionalOrder`): `random`, a
   * fresh random order per chunk of 1,024 rows; `model`, the model's order (absent in older files: `model`).
   */
  readonly conditionalOrder?: 'random' | 'model';
  readonly training: { readonly epochs: number; readonly bestEpoch: number; readonly dp: boolean };
  /** A DP fit's noisy row count N̂ (post-processing of its paid-for 1-way marginals): `Model.defaultRows`. */
  readonly rows?: number;
  readonly weights: ReturnType<typeof writeWeights>;
}

/** A fitted argn model (see index.ts for the design): sampling, conditional sampling, the model file. */
export class ArgnModel implements Model {
  readonly synthesizer = 'argn';
  readonly privacy: PrivacyGuarantee;
  private gemm: Gemm | null = null;

  constructor(
    readonly schema: Schema,
    readonly params: ArgnParams,
    private readonly net: ArgnNet,
    readonly ledger: PrivacyLedger | null,
  ) {
    this.privacy = ledger ? ledger.guarantee() : { type: 'none' };
  }

  /** A DP model's noisy row count (never the exact training count); absent for a non-DP model. */
  get defaultRows(): number | undefined {
    return this.ledger && this.params.rows !== undefined
      ? Math.max(1, Math.round(this.params.rows))
      : undefined;
  }

  /**
   * Rows from the model; with `opts.conditions`, a conditional sample: native (conditioned columns generated first)
   * for a flexible model or conditions on a prefix of a fixed order, else by rejection. See the module comment.
   */
  sample(n: number, opts: SampleOptions = {}): Table {
    checkSampleSize(n);
    const plan = planConditions(this.schema, n, opts.conditions);
    if (!plan) return this.draw(n, opts.seed ?? 0, []);
    return sampleGroups(this.schema, plan, opts.seed ?? 0, (g, count, seed) => {
      const conds = g.conditions;
      if (conds.length === 0 || this.native(conds)) return this.draw(count, seed, conds);
      return sampleByRejection(this.schema, (c, s) => this.draw(c, s, []), conds, count, seed, {
        synthesizer: 'argn',
      });
    });
  }

  /** Whether the network can condition on these columns by generating them first. */
  private native(conds: readonly ColumnCondition[]): boolean {
    if (this.params.flexible) return true;
    const first = new Set(this.params.order.slice(0, conds.length));
    return conds.every((c) => first.has(c.column));
  }

  private draw(n: number, seed: number, conds: readonly ColumnCondition[]): Table {
    const cols = this.params.columns;
    const names = cols.map((c) => c.name);
    const allowed: (Int32Array | null)[] = cols.map(() => null);
    for (const c of conds) {
      const j = names.indexOf(c.column);
      if (j < 0) continue;
      allowed[j] = this.tokensFor(cols[j], c, conds);
    }
    const condNames = names.filter((_, j) => allowed[j]);
    const fixed = [...condNames, ...this.params.order.filter((nm) => !condNames.includes(nm))].map((nm) =>
      names.indexOf(nm),
    );
    const rng = new Rng(seed);
    // a random order of the open columns per chunk (conditional draws of a flexible model): the network was trained
    // on every order, and averaging its orders' joints beats any one fixed order given a rare value
    let order: readonly number[] | (() => number[]) = fixed;
    if (conds.length && this.params.flexible && this.params.conditionalOrder === 'random') {
      const orderRng = rng.fork();
      const c = condNames.length;
      order = () => [...fixed.slice(0, c), ...orderRng.shuffle(Int32Array.from(fixed.slice(c)))];
    }
    this.gemm ??= createGemmSync();
    const ctx: Ctx = { gemm: this.gemm, training: false, rng: rng.fork() };
    const tokens = this.net.sample(
      n,
      order,
      allowed,
      this.params.temperature,
      this.params.topP,
      ctx,
      rng.fork(),
      1024,
      conds.length ? (this.params.conditionalSweeps ?? 0) : 0,
    );
    const out = new Map<string, Column>();
    cols.forEach((c, j) => out.set(c.name, decodeColumn(c, tokens[j], rng.fork())));
    const columns = this.schema.columns.map(
      (spec) => out.get(spec.name) ?? unmodelledColumn(spec, n, this.params.ids),
    );
    return new Table(columns, n);
  }

  /** The tokens a condition allows; a LookalikeError (kind input) when the model cannot represent a value. */
  private tokensFor(c: TokenColumn, cond: ColumnCondition, conds: readonly ColumnCondition[]): Int32Array {
    const values = cond.oneOf ?? [cond.value];
    const out = new Set<number>();
    for (const v of values) {
      if (c.kind === 'numeric' || c.kind === 'datetime') {
        const [lo, hi] =
          c.encoding === 'discrete'
            ? [c.values![0], c.values![c.values!.length - 1]]
            : [c.lo![0], c.hi![c.hi!.length - 1]];
        if (!(Number(v) >= lo && Number(v) <= hi))
          throw new LookalikeError(`argn cannot sample rows with ${describeConditions(conds)}:`, [
            `column "${c.name}": a condition value lies outside the range the model learned`,
          ]);
      }
      const t = tokenOf(c, v);
      if (t < 0)
        throw new LookalikeError(`argn cannot sample rows with ${describeConditions(conds)}:`, [
          `column "${c.name}": the model has no token for a condition value`,
        ]);
      out.add(t);
    }
    return Int32Array.from([...out].sort((a, b) => a - b));
  }

  /** The same model with `sweeps` Gibbs sweeps after a conditional draw (the DP fit's models get the option here). */
  withConditionalSweeps(sweeps: number): ArgnModel {
    return this.withConditional({ conditionalSweeps: sweeps });
  }

  /** The same model with other conditional-sampling settings (the DP fit's models get the options here). */
  withConditional(o: { conditionalSweeps?: number; conditionalOrder?: 'random' | 'model' }): ArgnModel {
    return new ArgnModel(this.schema, { ...this.params, ...o }, this.net, this.ledger);
  }

  toJSON(): ModelFile {
    return modelEnvelope(
      this.synthesizer,
      this.schema,
      this.privacy,
      { ...this.params, weights: writeWeights(this.net.params) },
      this.ledger ? this.ledger.toJSON() : null,
    );
  }
}

function isPositiveInts(x: unknown, len: number): x is number[] {
  return Array.isArray(x) && x.length === len && x.every((v) => Number.isInteger(v) && v >= 1 && v <= 1e6);
}

/** Rebuild a model from its file: every problem listed at once; weights checked against the declared shapes. */
export function loadArgn(file: ModelFile): Model {
  const p = new ProblemList();
  const pr = file.params;
  if (!isRecord(pr) || pr.version !== 1 || !Array.isArray(pr.columns) || !isRecord(pr.shape))
    throw new LookalikeError('invalid argn model:', [
      'params must be version 1 with "columns", "shape" and "weights"',
    ]);
  const modelled = modelledSpecs(file.schema);
  const cols = pr.columns as unknown[];
  cols.forEach((c, j) => {
    for (const m of tokenColumnProblems(c, `columns[${j}]`)) p.add(m);
  });
  if (cols.length !== modelled.length)
    p.add(`${cols.length} modelled columns in params, ${modelled.length} in the schema`);
  modelled.forEach((s, j) => {
    const c = cols[j] as { name?: unknown; kind?: unknown } | undefined;
    if (c && (c.name !== s.name || c.kind !== s.kind))
      p.add(`columns[${j}] must be the schema's column "${s.name}" (${s.kind})`);
  });
  const shape = pr.shape as Record<string, unknown>;
  const k = cols.length;
  for (const key of ['cards', 'dims', 'hidden'])
    if (!isPositiveInts(shape[key], k)) p.add(`shape.${key} must be a list of ${k} whole numbers ≥ 1`);
  if (!p.size) {
    cols.forEach((c, j) => {
      if ((shape.cards as number[])[j] !== cardinality(c as TokenColumn))
        p.add(`shape.cards[${j}] does not match the tokens of column "${(c as TokenColumn).name}"`);
    });
  }
  if (typeof pr.flexible !== 'boolean') p.add('flexible must be true or false');
  const names = cols.map((c) => (c as { name?: unknown })?.name);
  if (
    !Array.isArray(pr.order) ||
    pr.order.length !== k ||
    !names.every((nm) => (pr.order as unknown[]).includes(nm))
  )
    p.add('order must list every modelled column once');
  if (!(typeof pr.temperature === 'number' && pr.temperature > 0 && pr.temperature <= 10))
    p.add('temperature must be a number in (0, 10]');
  if (!(typeof pr.topP === 'number' && pr.topP > 0 && pr.topP <= 1)) p.add('topP must be a number in (0, 1]');
  const sw = pr.conditionalSweeps;
  if (sw !== undefined && !(typeof sw === 'number' && Number.isInteger(sw) && sw >= 0 && sw <= 10))
    p.add('conditionalSweeps must be a whole number in [0, 10]');
  if (
    pr.conditionalOrder !== undefined &&
    pr.conditionalOrder !== 'random' &&
    pr.conditionalOrder !== 'model'
  )
    p.add('conditionalOrder must be "random" or "model"');
  if (!isRecord(pr.ids)) p.add('ids must be an object');
  if (pr.rows !== undefined && !(typeof pr.rows === 'number' && pr.rows >= 1 && pr.rows <= 1e12))
    p.add('rows (the noisy row count) must be a number ≥ 1');
  if (pr.rows !== undefined && file.privacy.type !== 'dp')
    p.add('rows (the noisy row count) belongs to a DP model only');
  let ledger: PrivacyLedger | null = null;
  if (file.privacy.type === 'dp') {
    try {
      ledger = PrivacyLedger.fromJSON(file.ledger, "the model's privacy ledger");
    } catch (e) {
      p.add((e as Error).message);
    }
  }
  p.throwIfAny('invalid argn model:');
  const net = new ArgnNet(shape as unknown as NetShape, new Rng(0), 0);
  for (const m of readWeights(pr.weights, net.params)) p.add(m);
  p.throwIfAny('invalid argn model:');
  const params = {
    ...(pr as unknown as ArgnParams),
    ids: byNameFrom<IdStyle>(pr.ids as Record<string, unknown>),
  };
  return new ArgnModel(file.schema, params, net, ledger);
}
