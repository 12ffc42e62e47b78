import { LookalikeError, ProblemList } from '../../errors.js';
import { GraphicalModel } from '../../pgm/model.js';
import type { Measurement } from '../../pgm/estimate.js';
import { sampleCodes } from '../../pgm/sample.js';
import type { SampleMethod } from '../../pgm/sample.js';
import { cellCount, shapeOf } from '../../pgm/factor.js';
import { gaussianMechanism } from '../../privacy/mechanisms.js';
import { PrivacyLedger } from '../../privacy/ledger.js';
import { planGaussianBudget } from '../../privacy/budget.js';
import {
  DP_DOMAINS_OPTION,
  parseDomainOption,
  releaseDomains,
  requirePublicDomains,
} from '../../privacy/domains.js';
import { Rng } from '../../random/rng.js';
import { SecureRng } from '../../random/secure.js';
import type { Column } from '../../table/column.js';
import { Discretizer, discretizer, discretizerFromJSON } from '../../table/encode.js';
import type { DiscretizerJSON } from '../../table/encode.js';
import type { ColumnSpec, Schema } from '../../table/schema.js';
import { Table } from '../../table/table.js';
import {
  checkFitInput,
  checkSampleSize,
  idStyles,
  isNumberArray,
  isRecord,
  modelEnvelope,
  modelledSpecs,
  roundDecimals,
  unmodelledColumn,
} from '../common.js';
import type { IdStyle } from '../common.js';
import type { FitOptions, Model, ModelFile, SampleOptions } from '../types.js';
import type { PrivacyGuarantee } from '../../privacy/guarantee.js';

/**
 * Plumbing shared by the marginal-based DP synthesizers (mst, aim, privbayes): the budget → ledger, the DP
 * domain check, discretisation of the modelled columns by their (public or DP) domains, marginal counting over
 * integer codes, Gaussian measurement through privacy/, and the model wrapper (graphical model + discretizers +
 * ledger) with its validated model file.
 */

/** Default δ when a DP fit is given ε only (documented on each synthesizer). */
export const DEFAULT_DELTA = 1e-9;

/** The ledger of a DP fit; throws a LookalikeError (kind 'usage') listing every problem with the budget. */
export function ledgerFor(opts: FitOptions, synthesizer: string): PrivacyLedger {
  if (opts.epsilon === undefined) {
    throw new LookalikeError(
      `${synthesizer} is differentially private and needs a privacy budget: pass epsilon (e.g. --epsilon 1) and optionally delta (default ${DEFAULT_DELTA})`,
      [],
      'usage',
    );
  }
  return new PrivacyLedger({ epsilon: opts.epsilon, delta: opts.delta ?? DEFAULT_DELTA });
}

export interface DiscretisationOptions {
  /** Equal-width bins for numeric columns without declared bins (default 32). */
  readonly bins?: number;
  /** Integer columns whose domain spans at most this many values stay exact (default 128). */
  readonly maxExactIntegers?: number;
}

/** Discretised private data: one code column per modelled attribute (only `measure` code reads `codes`). */
export interface Encoded {
  readonly specs: readonly ColumnSpec[];
  readonly discretizers: readonly Discretizer[];
  readonly sizes: number[];
  readonly codes: Int32Array[];
  readonly n: number;
}

export function encodeTable(
  table: Table,
  specs: readonly ColumnSpec[],
  opts: DiscretisationOptions,
): Encoded {
  const discretizers = specs.map((s) =>
    discretizer(s, {
      bins: opts.bins ?? 32,
      maxExactIntegers: opts.maxExactIntegers ?? 128,
      includeMissing: s.nullable ?? false,
    }),
  );
  const codes = specs.map((s, i) => discretizers[i].encode(table.column(s.name)));
  return { specs, discretizers, sizes: discretizers.map((d) => d.size), codes, n: table.nRows };
}

/** Counts of the marginal over `attrs` (increasing), row-major; one pass over the codes. */
export function marginalCounts(
  codes: readonly Int32Array[],
  sizes: readonly number[],
  attrs: readonly number[],
  n: number,
): Float64Array {
  const shape = shapeOf(attrs, sizes);
  const out = new Float64Array(cellCount(shape));
  if (attrs.length === 1) {
    const c = codes[attrs[0]];
    for (let r = 0; r < n; r++) out[c[r]]++;
    return out;
  }
  if (attrs.length === 2) {
    const a = codes[attrs[0]];
    const b = codes[attrs[1]];
    const s = shape[1];
    for (let r = 0; r < n; r++) out[a[r] * s + b[r]]++;
    return out;
  }
  const idx = new Int32Array(n);
  for (let j = 0; j < attrs.length; j++) {
    const c = codes[attrs[j]];
    const s = shape[j];
    for (let r = 0; r < n; r++) idx[r] = idx[r] * s + c[r];
  }
  for (let r = 0; r < n; r++) out[idx[r]]++;
  return out;
}

/** Measure a marginal with the discrete Gaussian mechanism at cost ρ; the ledger records it. */
export function measureGaussian(
  enc: { codes: readonly Int32Array[]; sizes: readonly number[]; n: number; specs: readonly ColumnSpec[] },
  attrs: readonly number[],
  rho: number,
  ledger: PrivacyLedger,
  rng: SecureRng,
): Measurement {
  const x = marginalCounts(enc.codes, enc.sizes, attrs, enc.n);
  const r = gaussianMechanism(
    x,
    { rho },
    ledger,
    { query: `marginal`, columns: attrs.map((a) => enc.specs[a].name) },
    rng,
  );
  return { attrs: [...attrs], values: r.values, sigma: r.scale };
}

/**
 * Optional per-attribute domain compression (MST): `groups[a]` maps each discretised code of attribute a to its
 * code in the model (several codes may share one); null when the attribute is not compressed.
 */
export type Compression = (Int32Array | null)[];

export interface PgmParams {
  readonly ids: Record<string, IdStyle>;
  /** The modelled columns, in attribute order. */
  readonly columns: readonly string[];
  readonly discretizers: readonly DiscretizerJSON[];
  /** Per attribute: model code of every discretised code, or null. */
  readonly compression: readonly (readonly number[] | null)[];
  /** Domain sizes of the model's attributes (after compression). */
  readonly sizes: readonly number[];
  readonly cliques: readonly (readonly number[])[];
  /** Log potentials, one array per clique (row-major, last attribute fastest). */
  readonly potentials: readonly (readonly number[])[];
  readonly total: number;
  readonly sampling: SampleMethod;
}

/** A fitted graphical model wrapped as a lookalike Model. */
export class PgmModel implements Model {
  readonly privacy: PrivacyGuarantee;
  private readonly discretizers: Discretizer[];
  private readonly compression: Compression;
  readonly graphical: GraphicalModel;

  constructor(
    readonly synthesizer: string,
    readonly schema: Schema,
    private readonly params: PgmParams,
    readonly ledger: PrivacyLedger,
    graphical?: GraphicalModel,
  ) {
    this.privacy = ledger.guarantee();
    this.discretizers = params.discretizers.map(discretizerFromJSON);
    this.compression = params.compression.map((c) => (c ? Int32Array.from(c) : null));
    this.graphical =
      graphical ??
      new GraphicalModel(
        params.sizes,
        params.cliques,
        params.potentials.map((p) => Float64Array.from(p)),
        params.total,
      );
  }

  /** Rows drawn from the model: codes along the junction tree, decompressed, decoded to typed values. */
  sample(n: number, opts: SampleOptions = {}): Table {
    checkSampleSize(n);
    const rng = new Rng(opts.seed ?? 0);
    const codes = sampleCodes(this.graphical, n, rng.fork(), this.params.sampling);
    const byName = new Map<string, Column>();
    this.params.columns.forEach((name, a) => {
      const colRng = rng.fork();
      const c = decompress(codes[a], this.compression[a], this.discretizers[a].size, colRng);
      byName.set(name, this.discretizers[a].decode(c, colRng));
    });
    // floats keep the input's precision (a uniform draw within a bin has all 17 digits)
    for (const spec of this.schema.columns) {
      const col = byName.get(spec.name);
      if (col?.kind === 'numeric' && !col.integer) roundDecimals(col.values, spec.decimals);
    }
    const cols = this.schema.columns.map(
      (spec) => byName.get(spec.name) ?? unmodelledColumn(spec, n, this.params.ids),
    );
    return new Table(cols, n);
  }

  toJSON(): ModelFile {
    return modelEnvelope(this.synthesizer, this.schema, this.privacy, this.params, this.ledger.toJSON());
  }
}

/** Model codes back to discretised codes: a code shared by several originals becomes one of them uniformly. */
function decompress(codes: Int32Array, map: Int32Array | null, size: number, rng: Rng): Int32Array {
  if (!map) return codes;
  const members: number[][] = [];
  for (let k = 0; k < size; k++) (members[map[k]] ??= []).push(k);
  const out = new Int32Array(codes.length);
  for (let r = 0; r < codes.length; r++) {
    const m = members[codes[r]];
    out[r] = m.length === 1 ? m[0] : m[rng.int(m.length)];
  }
  return out;
}

/** Build the model file params of a fit. */
/**
 * A model over the uncompressed codes (every column's domain used as is, no cells merged): the DP mode of
 * independent, AIM and PrivBayes.
 */
export function plainPgmModel(
  synthesizer: string,
  table: Table,
  schema: Schema,
  enc: Encoded,
  model: GraphicalModel,
  ledger: PrivacyLedger,
): PgmModel {
  return new PgmModel(
    synthesizer,
    schema,
    pgmParams(
      table,
      schema,
      enc,
      enc.sizes.map(() => null),
      model,
    ),
    ledger,
    model,
  );
}

export function pgmParams(
  table: Table,
  schema: Schema,
  enc: Encoded,
  compression: Compression,
  model: GraphicalModel,
  sampling: SampleMethod = 'systematic',
): PgmParams {
  return {
    ids: idStyles(table, schema),
    columns: enc.specs.map((s) => s.name),
    discretizers: enc.discretizers.map((d) => d.toJSON()),
    compression: compression.map((c) => (c ? [...c] : null)),
    sizes: [...model.sizes],
    cliques: model.cliques.map((c) => [...c]),
    potentials: model.potentials.map((p) => [...p]),
    total: model.total,
    sampling,
  };
}

/**
 * Common start of a DP fit: input check, budget → ledger, DP domains (released under DP first when the option
 * `dpDomains` asks for it, then every modelled column must have a public or DP domain — privacy/'s
 * `requirePublicDomains`, which names every column and the two fixes), and discretisation. Returns the schema and
 * table to use from here on (a release adds DP domains and recodes categories), and `rho`: the zCDP budget left
 * for the synthesizer's own measurements (with a small margin for the mechanisms' upward rounding).
 */
export function startDpFit(
  table0: Table,
  schema0: Schema,
  opts: FitOptions,
  synthesizer: string,
): {
  table: Table;
  schema: Schema;
  specs: ColumnSpec[];
  ledger: PrivacyLedger;
  rng: SecureRng;
  enc: Encoded;
  rho: number;
} {
  checkFitInput(table0, schema0, synthesizer);
  const ledger = ledgerFor(opts, synthesizer);
  const o = opts.options ?? {};
  const rng = opts.secureRng ?? new SecureRng();
  let table = table0;
  let schema = schema0;
  const specs0 = modelledSpecs(schema0);
  if (specs0.length === 0)
    throw new LookalikeError(
      `${synthesizer}: the schema has no column to model (only id/text columns)`,
      [],
      'usage',
    );
  const p = new ProblemList();
  const bins = numberOption(o, 'bins', 32, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1', p);
  const maxExactIntegers = numberOption(
    o,
    'maxExactIntegers',
    128,
    (v) => Number.isInteger(v) && v >= 0,
    'a whole number ≥ 0',
    p,
  );
  p.throwIfAny(`${synthesizer}: invalid options:`, 'usage');
  const fraction = parseDomainOption(o[DP_DOMAINS_OPTION]);
  if (fraction !== null) {
    const r = releaseDomains(table, schema, ledger, rng, { fraction, columns: specs0.map((s) => s.name) });
    table = r.table;
    schema = r.schema;
  }
  const specs = modelledSpecs(schema);
  requirePublicDomains(
    schema,
    specs.map((s) => s.name),
    synthesizer,
  );
  const enc = encodeTable(table, specs, { bins, maxExactIntegers });
  return { table, schema, specs, ledger, rng, enc, rho: ledger.rhoRemaining * (1 - 1e-6) };
}

/**
 * Refuse a budget too small to measure anything useful (issue 3 item 7), from public quantities only: `count`
 * Gaussian measurements sharing `fraction` of the ρ left must each get σ ≤ 1000 (privacy/'s planGaussianBudget,
 * whose error states the ε that would be needed).
 */
export function requireUsefulBudget(
  ledger: PrivacyLedger,
  what: string,
  count: number,
  fraction: number,
): void {
  planGaussianBudget(
    ledger,
    Array.from({ length: count }, () => ({ name: what, weight: 1 })),
    { fraction: Math.min(1, fraction) },
  );
}

/** Validate a model file's params and rebuild the model; every problem listed at once. */
export function loadPgmModel(file: ModelFile, synthesizer: string): PgmModel {
  const p = new ProblemList();
  const pr = file.params;
  let ledger: PrivacyLedger | null = null;
  try {
    ledger = PrivacyLedger.fromJSON(file.ledger, "the model's privacy ledger");
  } catch (e) {
    p.add(e instanceof Error ? e.message : String(e));
  }
  if (!isRecord(pr)) {
    p.add('params must be an object');
    p.throwIfAny(`invalid ${synthesizer} model:`);
  }
  const q = pr as Record<string, unknown>;
  const cols = q.columns;
  const d = Array.isArray(cols) ? cols.length : -1;
  if (!Array.isArray(cols) || !cols.every((c) => typeof c === 'string'))
    p.add('params.columns must be a list of column names');
  else
    for (const c of cols)
      if (!file.schema.columns.some((s) => s.name === c))
        p.add(`params.columns names "${c}", which the schema does not have`);
  if (!isRecord(q.ids)) p.add('params.ids must be an object');
  if (q.sampling !== 'iid' && q.sampling !== 'systematic')
    p.add('params.sampling must be "iid" or "systematic"');
  if (!Array.isArray(q.discretizers) || q.discretizers.length !== d)
    p.add('params.discretizers must have one entry per column');
  else
    q.discretizers.forEach((x, i) => {
      if (!isRecord(x) || typeof x.size !== 'number' || !(x.size >= 1) || typeof x.kind !== 'string')
        p.add(`params.discretizers[${i}] is not a discretizer`);
    });
  const sizes = q.sizes;
  if (!isNumberArray(sizes) || sizes.length !== d || sizes.some((s) => !Number.isInteger(s) || s < 1))
    p.add('params.sizes must be one whole number ≥ 1 per column');
  if (!Array.isArray(q.compression) || q.compression.length !== d)
    p.add('params.compression must have one entry per column');
  else if (isNumberArray(sizes) && Array.isArray(q.discretizers))
    q.compression.forEach((c, i) => {
      if (c === null) {
        const ds = (q.discretizers as { size?: number }[])[i]?.size;
        if (ds !== sizes[i]) p.add(`params.compression[${i}] is null but the sizes differ`);
        return;
      }
      const ds = (q.discretizers as { size?: number }[])[i]?.size;
      if (
        !isNumberArray(c) ||
        c.length !== ds ||
        c.some((k) => !Number.isInteger(k) || k < 0 || k >= sizes[i])
      )
        p.add(`params.compression[${i}] must map each of ${ds} codes to a code below ${sizes[i]}`);
    });
  if (!(typeof q.total === 'number' && q.total > 0 && Number.isFinite(q.total)))
    p.add('params.total must be a positive number');
  const cliques = q.cliques;
  const pots = q.potentials;
  if (!Array.isArray(cliques) || !Array.isArray(pots) || cliques.length !== pots.length)
    p.add('params.cliques and params.potentials must be lists of equal length');
  else if (isNumberArray(sizes))
    cliques.forEach((c, i) => {
      if (
        !isNumberArray(c) ||
        c.some((a, j) => !Number.isInteger(a) || a < 0 || a >= d || (j > 0 && !(a > c[j - 1])))
      ) {
        p.add(`params.cliques[${i}] must be increasing column indices below ${d}`);
        return;
      }
      const cells = cellCount(shapeOf(c, sizes));
      if (!isNumberArray(pots[i]) || (pots[i] as number[]).length !== cells)
        p.add(`params.potentials[${i}] must be ${cells} finite numbers`);
    });
  p.throwIfAny(`invalid ${synthesizer} model:`);
  return new PgmModel(synthesizer, file.schema, pr as unknown as PgmParams, ledger!);
}

/** Validate a string option from `FitOptions.options`. */
export function numberOption(
  o: Readonly<Record<string, unknown>>,
  key: string,
  def: number,
  ok: (v: number) => boolean,
  what: string,
  p: ProblemList,
): number {
  const v = o[key];
  if (v === undefined) return def;
  if (typeof v !== 'number' || !ok(v)) {
    p.add(`option ${key} must be ${what} (got ${JSON.stringify(v)})`);
    return def;
  }
  return v;
}
