/**
 * Relational synthesis with differential privacy per person (user-level DP, docs/relational.md "DP per person").
 *
 * The metadata's `person` names the table whose rows are the persons (berka: `account`), the tables declared
 * public (`public`: lookup tables such as `district`, released as they are and never measured) and the
 * contribution bounds (`maxChildren`: at most k rows per parent row in each table under the person; `maxLength`
 * for sequences). Every other table is
 * - **under the person** (a descendant through exactly one foreign key into the person's tables), or
 * - a **one-to-one extension** of such a table (a table, like berka's `client`, whose only child is a table under
 *   the person and whose own foreign keys point to public tables only): its columns are modelled as columns of
 *   that child, and each synthetic child row gets a fresh extension row.
 *
 * Fit, in this order:
 * 1. **Bound** (`boundContributions`): rows under the person are kept parents first, at most k per parent row (the
 *    first k by the sequence order, else by row order), and rows whose parent was dropped are dropped. Nothing is
 *    measured before this step; nothing dropped here can influence the model (tested with a fixed noise source).
 *    A person then holds at most m_T rows of table T, m_T the product of the bounds from the person table to T.
 * 2. **Measure** (all through one ledger, zCDP): the number of persons (discrete Gaussian, a `countShare` of ρ;
 *    pooled by inverse variance with the noisy totals of the histograms below, each of which also sums to it);
 *    for each foreign key of the person table to a public table, the persons per key (discrete Gaussian,
 *    sensitivity 1: a person sits in one cell; a `publicShare` of ρ), shrunk (`shrinkNoisyCounts`) and shared:
 *    the person table's model does not measure that key, and a key to the same public table further down (berka's
 *    `client.district_id`) is measured as a flag "the person's key" and otherwise drawn from the shared histogram;
 *    optionally the person table's child counts once more, each as its own histogram of min…k (sensitivity 1, a
 *    `childCountShare` of ρ, default 0), which sampling moves the model's drawn counts onto
 *    (`transportCounts`); the person table with one clipped child-count column per relationship (0…k, a public
 *    domain) by a DP synthesizer (`mst` by default); then each table under the person joined with its parent row's attributes and
 *    counts (`parent:` columns) and its extension's columns — the parent-child joint marginals under the bound —
 *    by the same synthesizer. Group privacy: a ρ-zCDP fit over rows is m²ρ-zCDP over persons who hold at most m
 *    rows each (Bun & Steinke 2016, Prop. 27), so table T's fit is given ρ_T/m_T² and every entry of its ledger is
 *    charged to the relational ledger with ρ × m_T² (and a pure ε × m_T). The guarantee is computed from those
 *    charged entries: (ε, δ)-DP under adding or removing one person with all their rows.
 * 3. Domains must be public (declared in the metadata); counts 0…k are public because k is declared; the public
 *    tables' keys are the domain of the foreign keys pointing to them. Keys of the output are fresh (1…n).
 *
 * Sampling (post-processing, no budget): the noisy number of persons × scale person rows, their keys to public
 * tables dealt from the shrunk histograms by `balancedCounts` (the spread of persons per key at its expected value,
 * not drawn) and `dealCells` (stratified by the person's children that carry the same key), then for every parent row exactly its drawn count of children, sampled conditioned on the parent row (native conditioning of the
 * marginal synthesizers); so referential integrity is exact by construction.
 *
 * Not supported under DP (refused with a message): a table with two foreign keys into the person's tables, a
 * composite foreign key to a public table, tables that are neither under the person, public, nor an extension.
 * Runtime: the DP synthesizer's fit per table under the person; sampling one conditional draw per parent row group.
 */
import type { Column } from '../table/column.js';
import { Table } from '../table/table.js';
import type { ColumnSpec, Schema } from '../table/schema.js';
import { AliasTable, Rng } from '../random/rng.js';
import { SecureRng } from '../random/secure.js';
import { LookalikeError, ProblemList } from '../errors.js';
import type { Model, ModelFile } from '../synthesizers/types.js';
import type { ProgressFn } from '../progress.js';
import { getSynthesizer, loadModel } from '../synthesizers/registry.js';
import { emptyTextColumn, syntheticIdColumn } from '../synthesizers/common.js';
import { columnsNeedingDomains } from '../privacy/domains.js';
import { DEFAULT_DELTA, PrivacyLedger, type DpGuarantee, type LedgerEntry } from '../privacy/ledger.js';
import { cdpEpsilon, roundUpRel } from '../privacy/accountant.js';
import { gaussianMechanism } from '../privacy/mechanisms.js';
import { balancedCounts, dealCells, shrinkNoisyCounts } from './shrink.js';
import { keyIndex, keyTexts, parentRows, rowKeys } from './keys.js';
import {
  descendants,
  foreignKeysOf,
  parseRelationalMetadata,
  relationalMetadataToJSON,
  topologicalOrder,
  validateRelational,
  type RelationalMetadata,
} from './metadata.js';
import type { RelationalSample, RelationalSampleOptions } from './synthesize.js';

export interface RelationalDpFitOptions {
  /** The (ε, δ) budget per person (δ default 1e-9). */
  readonly epsilon: number;
  readonly delta?: number;
  /** A DP single-table synthesizer with native conditioning (default `mst`; `aim` works too). */
  readonly synthesizer?: string;
  readonly synthesizerOptions?: Readonly<Record<string, unknown>>;
  /** Share of ρ for the person table (default 0.4); the rest after the count is split equally among the others. */
  readonly personShare?: number;
  /** Share of ρ for the number of persons (default 0.02). */
  readonly countShare?: number;
  /**
   * Share of ρ for the persons per key of each public table the person table points to (default 0.2, split
   * between such foreign keys): one histogram measured at sensitivity 1 (a person sits in one cell), shrunk
   * (`shrinkNoisyCounts`) and shared by every table under the person with a foreign key to the same public table.
   */
  readonly publicShare?: number;
  /**
   * Share of ρ for the person table's child counts (default 0: off; split between its relationships): for each,
   * one histogram of the clipped count min…k at sensitivity 1 (a person sits in one cell). Sampling moves the
   * person model's drawn counts onto it by a monotone transport (rows keep their order), so that the number of
   * children per person (berka: clients per account) follows this dedicated measurement rather than the model's,
   * which spreads its budget over every column of the person table. Off by default: on berka (0.15) it pins the
   * clients per account (1.187–1.203, real 1.193) but did not raise the district keys' scores and cost ≈ 0.007 of
   * mean table quality (bench/RESULTS-relational.md).
   */
  readonly childCountShare?: number;
  /**
   * Sequences under the person: measure each step with its previous step's values (`prev:` columns, default true),
   * so that the marginals carry autocorrelation; steps are then drawn one rank after the other.
   */
  readonly sequenceLags?: boolean;
  /** Seed of the non-noise choices (none so far) and of nothing DP: noise comes from `secureRng`. */
  readonly seed?: number;
  readonly secureRng?: SecureRng;
  readonly onProgress?: ProgressFn;
}

const COUNT = (child: string) => `__count:${child}`;
const PARENT = (c: string) => `parent:${c}`;
const RANK = '__rank';
const PREV = (c: string) => `prev:${c}`;
/** The measured flag "this row's key to a public table is its person's key to that table". */
const SAME = (c: string) => `__same:${c}`;

/** How one output column is produced. */
interface OutColumn {
  name: string;
  /** key: fresh 1…n; parent: the parent's synthetic key; ext: the extension's fresh key; public: a public key
   *  drawn by the model; attr: modelled; fresh: an id (fresh) or text (empty) column not modelled. */
  role: 'key' | 'parent' | 'ext' | 'public' | 'attr' | 'fresh';
  kind: Column['kind'];
  integer?: boolean;
  format?: string;
  /** public, in a table under the person: the person table's column to the same public table. The row's key is
   *  the person's when its measured flag (`__same:`) says so, else drawn from that column's shared histogram. */
  same?: string;
  /** public with `same`: the column is declared not nullable, so a missing flag becomes 1 ("the person's key") at
   *  the rate of the sampled flags that are present, else 0. */
  required?: boolean;
}

/** A person-table foreign key to a public table, measured once as persons per key (noisy, shrunk). */
interface SharedKeys {
  column: string;
  table: string;
  keys: string[];
  /** Probabilities of the keys, then of a missing key (post-processed from the noisy histogram). */
  probs: number[];
}

interface DpTablePlan {
  name: string;
  role: 'person' | 'child' | 'public' | 'extension';
  columns: OutColumn[];
  /** child: index of its foreign key into the person's tables, and its bound per parent row. */
  parentFk?: number;
  bound?: number;
  /** Rows per person at most (1 for the person table). */
  perPerson?: number;
  /** child: the foreign key to its extension table, if any, and that table. */
  extension?: { fk: number; table: string };
  /** The modelled columns of the measured table (person/child), and the model. */
  modelled?: string[];
  model?: ModelFile;
  /** Sequences: the rank among siblings is modelled. */
  ranked?: boolean;
  /** person: its foreign keys to public tables, drawn from their shared histograms (not by the model). */
  shared?: SharedKeys[];
  /** person: the measured distribution of each child-count column (probabilities of 0…k); the model's drawn counts
   *  are moved onto it at sampling. */
  counts?: { column: string; min?: number; probs: number[] }[];
  /** Sequences: the order column is measured as the gap to the previous step (0…span), summed back at sampling. */
  gap?: string;
  /** Sequences: columns measured with their previous step's value (`prev:`); steps are drawn step by step. */
  lags?: string[];
  /** public: the table itself (declared public). */
  data?: {
    name: string;
    kind: Column['kind'];
    values: unknown[];
    categories?: string[];
    format?: string;
    integer?: boolean;
  }[];
  /** extension: the child table it extends. */
  extends?: string;
}

export interface RelationalDpModelFile {
  readonly format: 'lookalike-relational-dp-model';
  readonly version: 1;
  readonly createdAt: string;
  readonly metadata: Record<string, unknown>;
  readonly privacy: DpGuarantee & { readonly unit: 'person'; readonly person: string };
  readonly ledger: unknown;
  /** The noisy number of persons (sampling draws this many × scale). */
  readonly persons: number;
  readonly tables: DpTablePlan[];
  /** The person table was a sequence with an entity of its own: it was fitted as an entity table (the persons:
   *  entity and context columns) and its steps under it, and is sampled back as one table. */
  readonly split?: SplitSequence;
}

interface SplitSequence {
  /** The sequential table (the steps keep its name) and the entity table made for it. */
  table: string;
  entityTable: string;
  entity: string[];
  context: string[];
  /** The sequential table's columns, in order. */
  columns: string[];
}

/** The tables of a DP fit by role (problems listed all at once). */
interface Structure {
  person: string;
  under: string[];
  publicTables: Set<string>;
  /** extension table → its child under the person and the child's foreign key to it. */
  extensions: Map<string, { child: string; fk: number }>;
  /** table under the person → its foreign key into the person's tables. */
  treeFk: Map<string, number>;
  bounds: Map<string, number>;
  perPerson: Map<string, number>;
}

function structureOf(meta: RelationalMetadata): Structure {
  const p = new ProblemList();
  const spec = meta.person;
  if (!spec)
    throw new LookalikeError('relational DP needs "person" in the metadata: the table of the persons');
  const person = spec.table;
  const publicTables = new Set(spec.public ?? []);
  const under = descendants(meta, person);
  const tree = new Set([person, ...under]);
  const treeFk = new Map<string, number>();
  const bounds = new Map<string, number>();
  const perPerson = new Map<string, number>([[person, 1]]);
  const byName = new Map(meta.tables.map((t) => [t.name, t]));
  if (!byName.get(person)?.primaryKey?.length) p.add(`person table "${person}" needs a primary key`);
  for (const t of topologicalOrder(meta)) {
    if (!tree.has(t) || t === person) continue;
    const into = meta.foreignKeys
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => f.child === t && tree.has(f.parent));
    if (into.length !== 1) {
      p.add(
        `table "${t}" has ${into.length} foreign keys into the person's tables; under DP each table under the person needs exactly one`,
      );
      continue;
    }
    treeFk.set(t, into[0].i);
    const seq = byName.get(t)?.sequence;
    const k = spec.maxChildren?.[t] ?? (seq ? spec.maxLength : undefined);
    if (k === undefined)
      p.add(
        `table "${t}": declare its contribution bound, person.maxChildren.${t} (rows per "${into[0].f.parent}" row)`,
      );
    else {
      bounds.set(t, k);
      perPerson.set(t, (perPerson.get(into[0].f.parent) ?? 1) * k);
    }
  }
  const extensions = new Map<string, { child: string; fk: number }>();
  for (const t of meta.tables) {
    if (tree.has(t.name) || publicTables.has(t.name)) continue;
    const asParent = meta.foreignKeys.map((f, i) => ({ f, i })).filter(({ f }) => f.parent === t.name);
    const own = foreignKeysOf(meta, t.name);
    if (
      asParent.length === 1 &&
      tree.has(asParent[0].f.child) &&
      asParent[0].f.child !== person &&
      own.every((f) => publicTables.has(f.parent)) &&
      t.primaryKey?.length === 1
    ) {
      if ([...extensions.values()].some((e) => e.child === asParent[0].f.child))
        p.add(
          `table "${asParent[0].f.child}" would extend two tables; only one extension per table under DP`,
        );
      extensions.set(t.name, { child: asParent[0].f.child, fk: asParent[0].i });
    } else
      p.add(
        `table "${t.name}" is neither under the person table "${person}", declared public (person.public), nor a one-to-one extension of one table under the person`,
      );
  }
  for (const f of meta.foreignKeys)
    if (publicTables.has(f.parent) && f.columns.length !== 1)
      p.add(
        `${f.child}(${f.columns.join(', ')}) → ${f.parent}: a composite key to a public table is not supported under DP`,
      );
  for (const t of publicTables)
    if (!byName.get(t)?.primaryKey?.length && meta.foreignKeys.some((f) => f.parent === t))
      p.add(`public table "${t}" needs a primary key`);
  p.throwIfAny('cannot fit the database under DP per person:', 'usage');
  return {
    person,
    under: under.filter((t) => tree.has(t)),
    publicTables,
    extensions,
    treeFk,
    bounds,
    perPerson,
  };
}

/**
 * The contribution bound, before anything is measured: the rows of every table under the person kept parents
 * first, at most k per parent row (sequences: the first k steps in order; other tables: the first k in row order),
 * and the rows whose parent row was dropped dropped too. Returns, per table under the person (and the person
 * table), the kept row numbers and each kept row's parent position among the kept parent rows.
 */
export function boundContributions(
  meta: RelationalMetadata,
  tables: Readonly<Record<string, Table>>,
): Map<string, { rows: Int32Array; parent: Int32Array }> {
  const s = structureOf(meta);
  const out = new Map<string, { rows: Int32Array; parent: Int32Array }>();
  const pt = tables[s.person];
  out.set(s.person, {
    rows: Int32Array.from({ length: pt.nRows }, (_, i) => i),
    parent: new Int32Array(pt.nRows).fill(-1),
  });
  for (const t of topologicalOrder(meta)) {
    const fi = s.treeFk.get(t);
    if (fi === undefined) continue;
    const f = meta.foreignKeys[fi];
    const parentKept = out.get(f.parent)!;
    const parentSpec = meta.tables.find((x) => x.name === f.parent)!;
    const pk = parentSpec.primaryKey!;
    const { keys } = rowKeys(tables[f.parent], pk);
    const index = new Map<string, number>();
    parentKept.rows.forEach((r, pos) => {
      const k = keys[r];
      if (k !== null && !index.has(k)) index.set(k, pos);
    });
    const cols = pk.map((c) => f.columns[f.parentColumns.indexOf(c)]);
    const { rows: parentOf } = parentRows(tables[t], cols, index);
    const k = s.bounds.get(t)!;
    const order = meta.tables.find((x) => x.name === t)!.sequence?.order;
    const ov = order ? (tables[t].column(order) as { values?: Float64Array }).values : undefined;
    const idx: number[] = [];
    for (let i = 0; i < parentOf.length; i++) if (parentOf[i] >= 0) idx.push(i);
    // group by parent, then by order (sequences) or row order: the first k of each parent are kept
    idx.sort(
      (a, b) =>
        parentOf[a] - parentOf[b] ||
        (ov ? (Number.isNaN(ov[a]) ? Infinity : ov[a]) - (Number.isNaN(ov[b]) ? Infinity : ov[b]) : 0) ||
        a - b,
    );
    const rows: number[] = [];
    const parent: number[] = [];
    let run = 0;
    for (let j = 0; j < idx.length; j++) {
      run = j > 0 && parentOf[idx[j]] === parentOf[idx[j - 1]] ? run + 1 : 0;
      if (run < k) {
        rows.push(idx[j]);
        parent.push(parentOf[idx[j]]);
      }
    }
    out.set(t, { rows: Int32Array.from(rows), parent: Int32Array.from(parent) });
  }
  return out;
}

function isModelled(c: Column): boolean {
  return c.kind === 'numeric' || c.kind === 'datetime' || c.kind === 'categorical' || c.kind === 'boolean';
}

function renamed(c: Column, name: string): Column {
  return { ...c, name } as Column;
}

function specOf(schema: Schema, name: string): ColumnSpec {
  return schema.columns.find((c) => c.name === name)!;
}

/** The column is declared (not inferred: a fact about the rows, issue 10) to have no missing values. */
function declaredNotNull(schema: Schema | undefined, name: string): boolean {
  const c = schema?.columns.find((x) => x.name === name);
  return c?.nullable === false && !(c.inferredFacts ?? []).includes('nullable');
}

/** A foreign key to a public table as a categorical column over the public table's keys (a public domain). */
function publicKeyColumn(c: Column, keys: readonly string[]): Column {
  const pos = new Map(keys.map((k, i) => [k, i]));
  const codes = Int32Array.from(keyTexts(c), (v) => (v === null ? -1 : (pos.get(v) ?? -1)));
  return { kind: 'categorical', name: c.name, codes, categories: [...keys] };
}

function columnToJSON(c: Column): NonNullable<DpTablePlan['data']>[number] {
  if (c.kind === 'categorical')
    return { name: c.name, kind: c.kind, values: Array.from(c.codes), categories: [...c.categories] };
  if (c.kind === 'numeric')
    return {
      name: c.name,
      kind: c.kind,
      values: Array.from(c.values, (v) => (Number.isNaN(v) ? null : v)),
      integer: c.integer,
    };
  if (c.kind === 'datetime')
    return {
      name: c.name,
      kind: c.kind,
      values: Array.from(c.values, (v) => (Number.isNaN(v) ? null : v)),
      format: c.format,
    };
  if (c.kind === 'boolean') return { name: c.name, kind: c.kind, values: Array.from(c.values) };
  return { name: c.name, kind: c.kind, values: [...c.values] };
}

function columnFromJSON(j: NonNullable<DpTablePlan['data']>[number]): Column {
  const nums = () => Float64Array.from(j.values as (number | null)[], (v) => (v === null ? NaN : v));
  switch (j.kind) {
    case 'categorical':
      return {
        kind: 'categorical',
        name: j.name,
        codes: Int32Array.from(j.values as number[]),
        categories: j.categories ?? [],
      };
    case 'numeric':
      return { kind: 'numeric', name: j.name, values: nums(), integer: j.integer === true };
    case 'datetime':
      return { kind: 'datetime', name: j.name, values: nums(), format: j.format ?? 'YYYY-MM-DD' };
    case 'boolean':
      return { kind: 'boolean', name: j.name, values: Int8Array.from(j.values as number[]) };
    default:
      return { kind: j.kind, name: j.name, values: j.values as (string | null)[] } as Column;
  }
}

/**
 * A person table that is a sequence with an entity of its own (pbcseq: a patient's visits, no parent table) is
 * fitted as two tables: the entities (entity and context columns, one row per entity: the persons) and the steps
 * under them (a foreign key to the entity, the order and the time-varying columns), the steps bounded by
 * `person.maxLength` (or `maxChildren` of the table). Null when the person table is no such sequence.
 */
function splitOwnEntity(
  meta: RelationalMetadata,
  tables: Readonly<Record<string, Table>>,
  schemas: Readonly<Record<string, Schema>>,
): {
  meta: RelationalMetadata;
  tables: Record<string, Table>;
  schemas: Record<string, Schema>;
  split: SplitSequence;
} | null {
  const person = meta.person;
  const spec = meta.tables.find((t) => t.name === person?.table);
  const seq = spec?.sequence;
  if (!person || !spec || !seq) return null;
  if (meta.foreignKeys.some((f) => f.child === spec.name || f.parent === spec.name))
    throw new LookalikeError(
      `relational DP: the person table "${spec.name}" is a sequence; under DP it may have no foreign keys and no children`,
      [],
      'usage',
    );
  const L = person.maxChildren?.[spec.name] ?? person.maxLength;
  if (L === undefined)
    throw new LookalikeError(
      `relational DP: declare the contribution bound of the sequence "${spec.name}", person.maxLength (steps per entity)`,
      [],
      'usage',
    );
  const t = tables[spec.name];
  const entity = [...seq.entity];
  const context = [...(seq.context ?? [])];
  const entityTable = `${spec.name}__entities`;
  if (meta.tables.some((x) => x.name === entityTable))
    throw new LookalikeError(`relational DP: a table is already named "${entityTable}"`, [], 'usage');
  // one row per entity (context is constant within an entity: validateRelational checks it)
  const { keys } = rowKeys(t, entity);
  const first: number[] = [];
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (k !== null && !seen.has(k)) {
      seen.add(k);
      first.push(i);
    }
  });
  validateRelational(meta, tables);
  const ent = t.select([...entity, ...context]).take(Int32Array.from(first));
  const steps = t.select(t.names.filter((c) => !context.includes(c)));
  const sch = schemas[spec.name];
  const pick = (cols: readonly string[]): Schema => ({
    ...sch,
    columns: cols.map((c) => sch.columns.find((x) => x.name === c)!),
  });
  const derived: RelationalMetadata = {
    ...meta,
    tables: [
      ...meta.tables.filter((x) => x.name !== spec.name),
      { name: entityTable, primaryKey: entity },
      {
        name: spec.name,
        primaryKey: spec.primaryKey ?? [...entity, ...(seq.order ? [seq.order] : [])],
        sequence: { entity, ...(seq.order ? { order: seq.order } : {}) },
      },
    ],
    foreignKeys: [
      ...meta.foreignKeys,
      { child: spec.name, columns: entity, parent: entityTable, parentColumns: entity },
    ],
    person: {
      ...person,
      table: entityTable,
      maxChildren: { ...(person.maxChildren ?? {}), [spec.name]: L },
    },
  };
  return {
    meta: parseRelationalMetadata(relationalMetadataToJSON(derived), 'relational DP: the split sequence'),
    tables: { ...tables, [entityTable]: ent, [spec.name]: steps },
    schemas: { ...schemas, [entityTable]: pick(ent.names), [spec.name]: pick(steps.names) },
    split: { table: spec.name, entityTable, entity, context, columns: [...t.names] },
  };
}

/** Fits a relational model with (ε, δ)-DP per person (module comment). */
export async function fitRelationalDp(
  meta: RelationalMetadata,
  tables: Readonly<Record<string, Table>>,
  schemas: Readonly<Record<string, Schema>>,
  opts: RelationalDpFitOptions,
): Promise<RelationalDpModel> {
  const split = splitOwnEntity(meta, tables, schemas);
  if (split) {
    const inner = await fitRelationalDp(split.meta, split.tables, split.schemas, opts);
    return new RelationalDpModel({ ...inner.toJSON(), split: split.split });
  }
  const s = structureOf(meta);
  validateRelational(meta, tables);
  const synthName = opts.synthesizer ?? 'mst';
  const synth = getSynthesizer(synthName);
  if (synth.privacy !== 'dp' && synth.privacy !== 'either')
    throw new LookalikeError(
      `"${synthName}" is not differentially private; relational DP needs mst, aim or another DP synthesizer`,
      [],
      'usage',
    );
  const delta = opts.delta ?? DEFAULT_DELTA;
  const ledger = new PrivacyLedger({ epsilon: opts.epsilon, delta });
  const personShare = opts.personShare ?? 0.4;
  const countShare = opts.countShare ?? 0.02;
  const publicShare = opts.publicShare ?? 0.2;
  const childCountShare = opts.childCountShare ?? 0;
  const share = (x: number, n: string) => {
    if (!(x > 0 && x < 1)) throw new LookalikeError(`${n} must be a number in (0, 1), got ${x}`, [], 'usage');
  };
  share(personShare, 'personShare');
  share(countShare, 'countShare');
  share(publicShare, 'publicShare');
  if (!(childCountShare >= 0 && childCountShare < 1))
    throw new LookalikeError(
      `childCountShare must be a number in [0, 1), got ${childCountShare}`,
      [],
      'usage',
    );
  if (countShare + publicShare + childCountShare >= 1)
    throw new LookalikeError('countShare + publicShare + childCountShare must be below 1', [], 'usage');
  const secure = opts.secureRng ?? new SecureRng();
  const rng = new Rng(opts.seed ?? 0);
  const byName = new Map(meta.tables.map((t) => [t.name, t]));
  const publicKeys = new Map<string, string[]>();
  for (const t of s.publicTables) {
    const pk = byName.get(t)!.primaryKey;
    if (pk?.length === 1)
      publicKeys.set(t, [
        ...new Set(keyTexts(tables[t].column(pk[0])).filter((k): k is string => k !== null)),
      ]);
  }
  const fkTo = (table: string, col: string) =>
    meta.foreignKeys.find(
      (f) =>
        f.child === table && f.columns.length === 1 && f.columns[0] === col && s.publicTables.has(f.parent),
    );

  // the person table's foreign keys to public tables: measured once, shared (first column per public table)
  const sharedOf = new Map<string, string>(); // public table → the person's column
  for (const c of tables[s.person].names) {
    const f = fkTo(s.person, c);
    if (f && !sharedOf.has(f.parent)) sharedOf.set(f.parent, c);
  }
  /** The person's column to the same public table as `table.col`, if any (not for the person's own columns). */
  const sameAs = (table: string, col: string) => {
    const f = fkTo(table, col);
    return f && table !== s.person ? sharedOf.get(f.parent) : undefined;
  };

  // 1. the bound, before any measurement
  const kept = boundContributions(meta, tables);
  // each kept row's person (position among the person rows)
  const personAt = new Map<string, Int32Array>([
    [s.person, Int32Array.from({ length: tables[s.person].nRows }, (_, i) => i)],
  ]);
  for (const t of s.under) {
    const up = personAt.get(meta.foreignKeys[s.treeFk.get(t)!].parent)!;
    personAt.set(
      t,
      Int32Array.from(kept.get(t)!.parent, (p) => up[p]),
    );
  }
  const personCodes = new Map<string, Int32Array>(); // person's column → its public key codes
  for (const [pub, c] of sharedOf)
    personCodes.set(
      c,
      (publicKeyColumn(tables[s.person].column(c), publicKeys.get(pub)!) as { codes: Int32Array }).codes,
    );

  /** Output plan and measured columns (by the measured name) of one table's own attributes. */
  const attributesOf = (t: string, prefix: string, keyCols: Set<string>) => {
    const out: OutColumn[] = [];
    const measured: Column[] = [];
    const specs: ColumnSpec[] = [];
    for (const c of tables[t].columns) {
      const base = {
        kind: c.kind,
        ...(c.kind === 'numeric' ? { integer: c.integer } : {}),
        ...(c.kind === 'datetime' ? { format: c.format } : {}),
      };
      const pub = fkTo(t, c.name);
      const same = sameAs(t, c.name);
      if (pub && t === s.person && sharedOf.get(pub.parent) === c.name)
        out.push({ name: c.name, role: 'public', ...base }); // drawn from its shared histogram
      else if (pub && same) {
        // measured as a flag (same key as the person's); converted once the rows are aligned
        out.push({
          name: c.name,
          role: 'public',
          same,
          ...(declaredNotNull(schemas[t], c.name) ? { required: true } : {}),
          ...base,
        });
        const keys = publicKeys.get(pub.parent)!;
        measured.push(renamed(publicKeyColumn(c, keys), prefix + SAME(c.name)));
        specs.push({ name: prefix + SAME(c.name), kind: 'boolean', nullable: true } as ColumnSpec);
      } else if (pub) {
        const keys = publicKeys.get(pub.parent)!;
        out.push({ name: c.name, role: 'public', ...base });
        measured.push(renamed(publicKeyColumn(c, keys), prefix + c.name));
        specs.push({
          name: prefix + c.name,
          kind: 'categorical',
          nullable: true,
          domain: { categories: keys, source: 'public' },
        } as ColumnSpec);
      } else if (keyCols.has(c.name)) continue;
      else if (isModelled(c)) {
        out.push({ name: c.name, role: 'attr', ...base });
        measured.push(renamed(c, prefix + c.name));
        specs.push({ ...specOf(schemas[t], c.name), name: prefix + c.name });
      } else out.push({ name: c.name, role: 'fresh', ...base });
    }
    return { out, measured, specs };
  };
  const keyColumnsOf = (t: string) => {
    const k = new Set<string>(byName.get(t)!.primaryKey ?? []);
    for (const f of foreignKeysOf(meta, t))
      if (!s.publicTables.has(f.parent)) for (const c of f.columns) k.add(c);
    return k;
  };
  const countSpec = (name: string, k: number, min = 0): ColumnSpec =>
    ({
      name,
      kind: 'numeric',
      integer: true,
      nullable: false,
      domain: { min, max: k, source: 'public' },
    }) as ColumnSpec;
  /** The declared least number of rows of table t per parent row (0 unless declared). */
  const minOf = (t: string) => meta.person?.minChildren?.[t] ?? 0;
  const childrenOf = (t: string) => s.under.filter((c) => meta.foreignKeys[s.treeFk.get(c)!].parent === t);

  // measured tables, built from the bounded rows only
  const measuredTables = new Map<
    string,
    { table: Table; schema: Schema; out: OutColumn[]; modelled: string[] }
  >();
  // per tree table: its own measured columns (attributes and counts) over the bounded rows, and their specs
  const work = new Map<string, { table: Table; specs: ColumnSpec[] }>();
  const domainProblems: string[] = [];
  const gapOf = new Map<string, string>();
  const lagsOf = new Map<string, string[]>();
  /** The measured `__same:` columns of table t's kept rows (own or its extension's) as flags: the row's key to a
   *  public table equals its person's key to it (1), is another key (0), is missing (-1). */
  const flagsOf = (table: Table, t: string) => {
    for (const c of table.columns) {
      const cut = c.name.indexOf(SAME(''));
      if (cut < 0 || c.kind !== 'categorical' || c.name.startsWith(PARENT(''))) continue;
      const owner = cut === 0 ? t : c.name.slice(0, cut - 1);
      const pc = personCodes.get(sameAs(owner, c.name.slice(cut + SAME('').length))!)!;
      const at = personAt.get(t)!;
      const values = Int8Array.from(c.codes, (v, i) => (v < 0 ? -1 : v === pc[at[i]] ? 1 : 0));
      table = table.withColumn({ kind: 'boolean', name: c.name, values });
    }
    return table;
  };
  for (const t of [s.person, ...s.under]) {
    const { rows, parent } = kept.get(t)!;
    const seq = byName.get(t)!.sequence;
    const keyCols = keyColumnsOf(t);
    if (seq?.order) keyCols.delete(seq.order);
    const own = attributesOf(t, '', keyCols);
    let table = flagsOf(new Table(own.measured, tables[t].nRows).take(rows), t);
    const specs = [...own.specs];
    for (const ch of childrenOf(t)) {
      const cnt = new Float64Array(rows.length);
      for (const p of kept.get(ch)!.parent) cnt[p]++;
      // a declared minimum: a parent row with fewer is measured at the minimum (sampling draws at least that many)
      const least = minOf(ch);
      for (let i = 0; i < cnt.length; i++) cnt[i] = Math.max(least, cnt[i]);
      table = table.withColumn({ kind: 'numeric', name: COUNT(ch), values: cnt, integer: true });
      specs.push(countSpec(COUNT(ch), s.bounds.get(ch)!, least));
    }
    work.set(t, { table, specs: specs.slice() });
    if (t !== s.person) {
      const f = meta.foreignKeys[s.treeFk.get(t)!];
      const pw = work.get(f.parent)!;
      for (const c of pw.table.columns)
        table = table.withColumn(renamed(takeRows(c, parent), PARENT(c.name)));
      for (const c of pw.specs) specs.push({ ...c, name: PARENT(c.name) });
      if (seq) {
        const rank = new Float64Array(rows.length);
        for (let i = 1; i < rows.length; i++) rank[i] = parent[i] === parent[i - 1] ? rank[i - 1] + 1 : 0;
        table = table.withColumn({ kind: 'numeric', name: RANK, values: rank, integer: true });
        specs.push(countSpec(RANK, Math.max(1, s.bounds.get(t)! - 1)));
        // kept rows are grouped by parent and ordered in time: a row's previous step is the row before it
        const prevRow = Int32Array.from({ length: rows.length }, (_, i) =>
          i > 0 && parent[i] === parent[i - 1] ? i - 1 : -1,
        );
        const o = seq.order ? table.column(seq.order) : undefined;
        if (o && o.kind === 'numeric') {
          // the order as the gap to the previous step (the first step: its value); domain 0…span of the order's
          const at = specs.findIndex((c) => c.name === seq.order);
          const d = specs[at].domain as { min?: number; max?: number; source?: string } | undefined;
          const gap = Float64Array.from(o.values, (v, i) => (prevRow[i] < 0 ? v : v - o.values[prevRow[i]]));
          table = table.withColumn({ ...o, values: gap });
          if (d && typeof d.min === 'number' && typeof d.max === 'number')
            specs[at] = {
              ...specs[at],
              domain: { ...d, min: Math.min(0, d.min), max: Math.max(d.max, d.max - d.min) },
            } as ColumnSpec;
          gapOf.set(t, seq.order!);
        }
        if (opts.sequenceLags !== false) {
          const lagged = own.measured
            .map((c) => c.name)
            .filter((c) => c !== seq.order && !c.startsWith(SAME('')));
          for (const c of lagged) {
            table = table.withColumn(renamed(takeRows(table.column(c), prevRow), PREV(c)));
            specs.push({ ...specs.find((x) => x.name === c)!, name: PREV(c), nullable: true } as ColumnSpec);
          }
          lagsOf.set(t, lagged);
        }
      }
      const ext = [...s.extensions].find(([, e]) => e.child === t);
      if (ext) {
        const [x, e] = ext;
        const xpk = byName.get(x)!.primaryKey!;
        const { index } = keyIndex(rowKeys(tables[x], xpk).keys);
        const { rows: xr } = parentRows(tables[t].take(rows), meta.foreignKeys[e.fk].columns, index);
        const xa = attributesOf(x, `${x}:`, new Set(xpk));
        for (const c of xa.measured) table = table.withColumn(takeRows(c, xr));
        specs.push(...xa.specs.map((c) => ({ ...c, nullable: true })));
      }
    }
    table = flagsOf(table, t);
    const schema: Schema = {
      version: 1,
      columns: table.columns.map((c) => specs.find((x) => x.name === c.name)!),
    };
    for (const c of columnsNeedingDomains(schema))
      if (!c.name.startsWith('parent:')) domainProblems.push(`table "${t}": column "${c.name}" (${c.kind})`);
    measuredTables.set(t, { table, schema, out: own.out, modelled: table.names });
  }
  if (domainProblems.length)
    throw new LookalikeError(
      'relational DP may not use column domains (bounds, category lists) read off the private data: declare them public in the metadata ("columns" of each table, e.g. {"name": "amount", "kind": "numeric", "domain": {"min": 0, "max": 100000}}):',
      domainProblems,
      'usage',
    );

  // 2. measure: the number of persons, then each table with ρ_T / m_T²
  const rhoTotal = ledger.rhoBudget;
  const count = gaussianMechanism(
    [tables[s.person].nRows],
    { rho: rhoTotal * countShare, sensitivity: 1 },
    ledger,
    { query: 'number of persons', columns: [s.person] },
    secure,
  );
  // every histogram below sums to the number of persons too (a person sits in exactly one cell of each): their
  // noisy totals are further unbiased estimates of it, pooled by inverse variance (post-processing)
  const totals: { sum: number; variance: number }[] = [{ sum: count.values[0], variance: count.scale ** 2 }];
  const addTotal = (values: ArrayLike<number>, scale: number) => {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i];
    totals.push({ sum, variance: values.length * scale ** 2 });
  };
  // persons per key of each public table the person table points to: one histogram each, sensitivity 1 (a person
  // sits in exactly one cell: a missing key has its own unless the column is declared not nullable), shrunk toward
  // the counts the noise cannot tell apart
  const shared: SharedKeys[] = [];
  for (const [pub, c] of sharedOf) {
    const keys = publicKeys.get(pub)!;
    const required = declaredNotNull(schemas[s.person], c);
    const hist = new Float64Array(keys.length + (required ? 0 : 1));
    let absent = 0;
    for (const v of personCodes.get(c)!)
      if (v >= 0 || !required) hist[v < 0 ? keys.length : v]++;
      else absent++;
    if (absent)
      throw new LookalikeError(
        `table "${s.person}": column "${c}" is declared not nullable but ${absent} rows have no key`,
        [],
        'input',
      );
    const noisy = gaussianMechanism(
      hist,
      { rho: (rhoTotal * publicShare) / sharedOf.size, sensitivity: 1 },
      ledger,
      { query: `persons per ${pub} key`, columns: [`${s.person}.${c}`] },
      secure,
    );
    addTotal(noisy.values, noisy.scale);
    const shrunk = shrinkNoisyCounts(noisy.values, noisy.scale);
    let total = 0;
    for (const v of shrunk) total += v;
    const probs = Array.from(shrunk, (v) => (total > 0 ? v / total : 1 / shrunk.length));
    if (required) probs.push(0); // no missing key
    shared.push({ column: c, table: pub, keys, probs });
  }
  // the person table's child counts 0…k: one histogram each, sensitivity 1 (a person sits in one cell)
  const countCols = (childCountShare > 0 ? childrenOf(s.person) : []).map((ch) => ({
    column: COUNT(ch),
    k: s.bounds.get(ch)!,
    min: minOf(ch),
  }));
  const countsRho = countCols.length ? rhoTotal * childCountShare : 0;
  const rest = (rhoTotal * (1 - countShare - (sharedOf.size ? publicShare : 0)) - countsRho) * (1 - 1e-6);
  const others = [...measuredTables.keys()].filter((t) => t !== s.person);
  const counts: { column: string; min: number; probs: number[] }[] = [];
  for (const { column, k, min } of countCols) {
    // cells min…k (the counts are measured at least at the declared minimum)
    const hist = new Float64Array(k - min + 1);
    const v = (work.get(s.person)!.table.column(column) as { values: Float64Array }).values;
    for (const x of v) hist[Math.max(min, Math.min(k, Math.round(x))) - min]++;
    const noisy = gaussianMechanism(
      hist,
      { rho: countsRho / countCols.length, sensitivity: 1 },
      ledger,
      { query: `persons per ${column} (${min}…${k})`, columns: [`${s.person}.${column}`] },
      secure,
    );
    addTotal(noisy.values, noisy.scale);
    const fitted = projectToSimplex(noisy.values);
    counts.push({ column, min, probs: Array.from(fitted) });
  }
  const persons = Math.max(1, Math.round(poolEstimates(totals)));
  const plans: DpTablePlan[] = [];
  let step = 0;
  for (const [t, mt] of measuredTables) {
    opts.onProgress?.({ phase: 'fit', done: step++, total: measuredTables.size, message: t });
    const m = s.perPerson.get(t)!;
    const rhoT =
      t === s.person ? rest * (others.length ? personShare : 1) : (rest * (1 - personShare)) / others.length;
    const rhoRow = rhoT / (m * m);
    const epsRow = cdpEpsilon(rhoRow * (1 - 1e-6), delta);
    const model = await synth.fit(mt.table, mt.schema, {
      epsilon: epsRow,
      delta,
      secureRng: secure,
      seed: rng.int(2 ** 31),
      ...(opts.synthesizerOptions ? { options: opts.synthesizerOptions } : {}),
    });
    const file = model.toJSON();
    const entries = ((file.ledger as { entries?: LedgerEntry[] } | null)?.entries ?? []) as LedgerEntry[];
    if (file.privacy.type !== 'dp' || entries.length === 0)
      throw new LookalikeError(
        `relational DP: the model of table "${t}" carries no DP ledger`,
        [],
        'internal',
      );
    for (const e of entries) {
      if (e.delta || e.subsampled)
        throw new LookalikeError(
          `relational DP: table "${t}" used an approximate or subsampled step (${e.mechanism}); declare public domains instead of releasing them under DP`,
          [],
          'privacy',
        );
      ledger.charge({
        query: `${t} (≤ ${m} rows per person): ${e.query}`,
        columns: e.columns.map((c) => `${t}.${c}`),
        mechanism: e.mechanism,
        noiseScale: e.noiseScale,
        rho: roundUpRel(e.rho * m * m),
        ...(e.epsilon !== undefined ? { epsilon: roundUpRel(e.epsilon * m) } : {}),
      });
    }
    const f = s.treeFk.has(t) ? meta.foreignKeys[s.treeFk.get(t)!] : undefined;
    const ext = [...s.extensions].find(([, e]) => e.child === t);
    const out = mt.out.slice();
    // key columns in the input's order
    const cols: OutColumn[] = tables[t].columns.map((c) => {
      const o = out.find((x) => x.name === c.name);
      if (o) return o;
      const base = {
        kind: c.kind,
        ...(c.kind === 'numeric' ? { integer: c.integer } : {}),
        ...(c.kind === 'datetime' ? { format: c.format } : {}),
      };
      if (f && f.columns.includes(c.name)) return { name: c.name, role: 'parent', ...base };
      if (ext && meta.foreignKeys[ext[1].fk].columns.includes(c.name))
        return { name: c.name, role: 'ext', ...base };
      return { name: c.name, role: 'key', ...base };
    });
    plans.push({
      name: t,
      role: t === s.person ? 'person' : 'child',
      columns: cols,
      perPerson: m,
      modelled: mt.modelled,
      model: file,
      ...(f ? { parentFk: s.treeFk.get(t)!, bound: s.bounds.get(t)! } : {}),
      ...(ext ? { extension: { fk: ext[1].fk, table: ext[0] } } : {}),
      ...(byName.get(t)!.sequence ? { ranked: true } : {}),
      ...(t === s.person && shared.length ? { shared } : {}),
      ...(t === s.person && counts.length ? { counts } : {}),
      ...(gapOf.has(t) ? { gap: gapOf.get(t)! } : {}),
      ...(lagsOf.get(t)?.length ? { lags: lagsOf.get(t)! } : {}),
    });
  }
  for (const [x, e] of s.extensions) {
    const cols: OutColumn[] = tables[x].columns.map((c) => {
      const base = {
        kind: c.kind,
        ...(c.kind === 'numeric' ? { integer: c.integer } : {}),
        ...(c.kind === 'datetime' ? { format: c.format } : {}),
      };
      const pk = byName.get(x)!.primaryKey!;
      if (pk.includes(c.name)) return { name: c.name, role: 'key', ...base };
      const same = sameAs(x, c.name);
      if (fkTo(x, c.name))
        return {
          name: c.name,
          role: 'public',
          ...(same ? { same } : {}),
          ...(same && declaredNotNull(schemas[x], c.name) ? { required: true } : {}),
          ...base,
        };
      return { name: c.name, role: isModelled(c) ? 'attr' : 'fresh', ...base };
    });
    plans.push({ name: x, role: 'extension', columns: cols, extends: e.child });
  }
  for (const t of s.publicTables)
    plans.push({ name: t, role: 'public', columns: [], data: tables[t].columns.map(columnToJSON) });
  opts.onProgress?.({ phase: 'fit', done: measuredTables.size, total: measuredTables.size });
  const g = ledger.guarantee();
  return new RelationalDpModel({
    format: 'lookalike-relational-dp-model',
    version: 1,
    createdAt: new Date().toISOString(),
    metadata: relationalMetadataToJSON(meta),
    privacy: { ...g, unit: 'person', person: s.person },
    ledger: ledger.toJSON(),
    persons,
    tables: plans,
  });
}

/** A relational model fitted under DP per person: samples whole databases; its file holds no private row. */
export class RelationalDpModel {
  readonly metadata: RelationalMetadata;
  readonly privacy: RelationalDpModelFile['privacy'];
  private readonly models = new Map<string, Model>();

  constructor(private readonly file: RelationalDpModelFile) {
    this.metadata = parseRelationalMetadata(file.metadata, 'relational DP model: metadata');
    this.privacy = file.privacy;
    for (const t of file.tables)
      if (t.model) this.models.set(t.name, loadModel(t.model, `the model of table "${t.name}"`));
  }

  toJSON(): RelationalDpModelFile {
    return this.file;
  }

  /**
   * Per person row: how many of its children (in the person's child tables, clipped to their bounds as sampling
   * does) carry a key to the same public table as the person's `column` (a `same` flag in the child or in its
   * extension), or null when none does.
   */
  private sharedWeights(
    person: string,
    column: string,
    rows: Table,
    plans: readonly DpTablePlan[],
  ): Float64Array | null {
    const meta = this.metadata;
    let w: Float64Array | null = null;
    for (const p of plans) {
      if (p.role !== 'child' || p.parentFk === undefined) continue;
      if (meta.foreignKeys[p.parentFk].parent !== person || !rows.has(COUNT(p.name))) continue;
      const ext = p.extension ? plans.find((x) => x.name === p.extension!.table) : undefined;
      const carries = [...p.columns, ...(ext?.columns ?? [])].some((c) => c.same === column);
      if (!carries) continue;
      const cnt = (rows.column(COUNT(p.name)) as { values: Float64Array }).values;
      w ??= new Float64Array(rows.nRows);
      for (let i = 0; i < cnt.length; i++)
        w[i] += Math.max(0, Math.min(p.bound ?? Infinity, Math.round(cnt[i] === cnt[i] ? cnt[i] : 0)));
    }
    return w;
  }

  /** Draws a whole database (post-processing: no budget). Same model, seed and scale → same tables. */
  sample(opts: RelationalSampleOptions = {}): RelationalSample {
    const scale = opts.scale ?? 1;
    if (!(scale > 0) || !Number.isFinite(scale))
      throw new LookalikeError(`scale must be a positive number, got ${scale}`, [], 'usage');
    const rng = new Rng(opts.seed ?? 0);
    const meta = this.metadata;
    const out: Record<string, Table> = {};
    const notes: string[] = [];
    const drawn = new Map<string, Table>(); // per tree table: its sampled measured columns
    const ids = new Map<string, Float64Array>(); // fresh keys 1…n per tree table
    const personAt = new Map<string, Int32Array>(); // per tree table: each row's person
    const plans = this.file.tables;
    const person = plans.find((p) => p.role === 'person');
    const shared = new Map((person?.shared ?? []).map((h) => [h.column, h]));
    const sharedDraw = new Map([...shared].map(([c, h]) => [c, new AliasTable(h.probs)]));
    const total = plans.length;
    plans.forEach((pl, i) => {
      opts.onProgress?.({ phase: 'sample', done: i, total, message: pl.name });
      const seed = rng.int(2 ** 31);
      if (pl.role === 'public') {
        out[pl.name] = new Table(pl.data!.map(columnFromJSON));
        return;
      }
      if (pl.role === 'extension') return;
      const model = this.models.get(pl.name)!;
      let rows: Table;
      let parentOf: Int32Array;
      if (pl.role === 'person') {
        const n = Math.max(1, Math.round(this.file.persons * scale));
        rows = model.sample(n, { seed });
        parentOf = new Int32Array(n).fill(-1);
        personAt.set(
          pl.name,
          Int32Array.from({ length: n }, (_, i) => i),
        );
        const keyRng = new Rng(seed).fork();
        // its child counts: moved onto their measured distributions
        for (const h of pl.counts ?? []) {
          const c = rows.column(h.column) as { values: Float64Array };
          rows = rows.withColumn({
            kind: 'numeric',
            name: h.column,
            values: transportCounts(c.values, h.probs, keyRng, h.min ?? 0),
            integer: true,
          });
        }
        // its keys to public tables: from their shared histograms, the number of rows per key as `balancedCounts`
        // gives it (the spread of those numbers over the keys is the expected one, not one draw of it), dealt to
        // the rows by `dealCells`, stratified by the row's children that carry a key to the same public table
        // (berka: an account's dispositions, whose clients mostly live in the account's district) — the rows are
        // i.i.d., so this only keeps each key's children per row at the drawn average instead of a binomial draw
        for (const h of pl.shared ?? []) {
          const per = balancedCounts(h.probs, n, keyRng);
          const weights = this.sharedWeights(pl.name, h.column, rows, plans);
          const cells = dealCells(per, weights, keyRng);
          const codes = Int32Array.from(cells, (v) => (v === h.keys.length ? -1 : v));
          rows = rows.withColumn({ kind: 'categorical', name: h.column, codes, categories: h.keys });
        }
      } else {
        const f = meta.foreignKeys[pl.parentFk!];
        const parent = drawn.get(f.parent)!;
        const cnt = (parent.column(COUNT(pl.name)) as { values: Float64Array }).values;
        const po: number[] = [];
        const rank: number[] = [];
        for (let p = 0; p < cnt.length; p++) {
          const c = Math.max(0, Math.min(pl.bound!, Math.round(cnt[p])));
          for (let j = 0; j < c; j++) {
            po.push(p);
            rank.push(j);
          }
        }
        parentOf = Int32Array.from(po);
        const up = personAt.get(f.parent)!;
        personAt.set(
          pl.name,
          Int32Array.from(parentOf, (p) => up[p]),
        );
        const schema = model.schema;
        const condCols: Column[] = [];
        for (const c of parent.columns) {
          const name = PARENT(c.name);
          if (!schema.columns.some((x) => x.name === name)) continue;
          condCols.push(renamed(takeRows(c, parentOf), name));
        }
        if (pl.ranked)
          condCols.push({ kind: 'numeric', name: RANK, values: Float64Array.from(rank), integer: true });
        const cond = new Table(condCols, po.length);
        rows = pl.lags?.length
          ? sampleSteps(model, cond, Int32Array.from(rank), parentOf, pl.lags, seed, pl.name, notes)
          : sampleChildren(model, cond, parentOf, seed, pl.name, notes);
      }
      drawn.set(pl.name, rows);
      const n = rows.nRows;
      const flagRng = new Rng(seed).fork().fork();
      /** A key to a public table that repeats the person's key where the row's flag says so. */
      const sameKeys = (flag: Column, c: OutColumn): Column => {
        const h = shared.get(c.same!)!;
        const pc = (drawn.get(person!.name)!.column(c.same!) as { codes: Int32Array }).codes;
        const at = personAt.get(pl.name)!;
        const fv = (flag as { values: Int8Array }).values;
        // a missing flag on a column declared not nullable: "the person's key" at the rate of the present flags
        let ones = 0,
          present = 0;
        for (const f of fv)
          if (f >= 0) {
            present++;
            ones += f;
          }
        const rate = present ? ones / present : 1;
        const codes = Int32Array.from(fv, (f0, i) => {
          const own = pc[at[i]];
          if (f0 < 0 && !c.required) return -1;
          const f = f0 >= 0 ? f0 : flagRng.float() < rate ? 1 : 0;
          if (f === 1 && own >= 0) return own;
          // another key than the person's (a few tries: the person's key may hold most of the mass)
          let v = -1;
          for (let k = 0; k < 64 && (v < 0 || v === own); k++) {
            v = sharedDraw.get(c.same!)!.sample(flagRng);
            if (v === h.keys.length) v = -1;
          }
          return v;
        });
        return { kind: 'categorical', name: c.name, codes, categories: h.keys };
      };
      ids.set(
        pl.name,
        Float64Array.from({ length: n }, (_, i) => i + 1),
      );
      const ext = pl.extension;
      const cols: Column[] = pl.columns.map((c) => {
        switch (c.role) {
          case 'key':
            return keyColumn(c, n);
          case 'parent': {
            const f = meta.foreignKeys[pl.parentFk!];
            const parentKeys = out[f.parent].column(f.parentColumns[f.columns.indexOf(c.name)]);
            return renamed(takeRows(parentKeys, parentOf), c.name);
          }
          case 'ext':
            return keyColumn(c, n);
          case 'public':
            return publicValues(c.same ? sameKeys(rows.column(SAME(c.name)), c) : rows.column(c.name), c);
          case 'attr':
            return c.name === pl.gap ? summedGaps(rows.column(c.name), parentOf) : rows.column(c.name);
          default:
            return c.kind === 'id' ? syntheticIdColumn(c.name, n, 'integer') : emptyTextColumn(c.name, n);
        }
      });
      out[pl.name] = new Table(cols, n);
      if (ext) {
        const xp = plans.find((p) => p.name === ext.table)!;
        const xcols: Column[] = xp.columns.map((c) => {
          const m = `${ext.table}:${c.name}`;
          if (c.role === 'key') return keyColumn(c, n);
          if (c.role === 'public')
            return publicValues(
              c.same
                ? sameKeys(rows.column(`${ext.table}:${SAME(c.name)}`), c)
                : renamed(rows.column(m), c.name),
              c,
            );
          if (c.role === 'attr') return renamed(rows.column(m), c.name);
          return c.kind === 'id' ? syntheticIdColumn(c.name, n, 'integer') : emptyTextColumn(c.name, n);
        });
        out[ext.table] = new Table(xcols, n);
      }
    });
    // tables in the metadata's order
    const ordered: Record<string, Table> = {};
    for (const t of meta.tables) ordered[t.name] = out[t.name];
    opts.onProgress?.({ phase: 'sample', done: total, total });
    const sp = this.file.split;
    if (sp) {
      // the sequence as one table again: each step gets its entity's context columns
      const ent = ordered[sp.entityTable];
      const steps = ordered[sp.table];
      const { index } = keyIndex(rowKeys(ent, sp.entity).keys);
      const { rows: at } = parentRows(steps, sp.entity, index);
      const cols = sp.columns.map((c) =>
        sp.context.includes(c) ? takeRows(ent.column(c), at) : steps.column(c),
      );
      delete ordered[sp.entityTable];
      ordered[sp.table] = new Table(cols, steps.nRows);
    }
    return { tables: ordered, notes };
  }
}

/** Rows `idx` of a column (-1: a missing cell). */
/**
 * The children of every parent row, conditioned on their parent's columns. A noisy model may give some parent's
 * values probability 0 (no child can satisfy them): those parents' children are then drawn given their parent's
 * child counts only, or without conditions, and a note says how many parent rows that was (synthetic rows only).
 */
function sampleChildren(
  model: Model,
  conditions: Table,
  parentOf: Int32Array,
  seed: number,
  table: string,
  notes: string[],
): Table {
  const n = conditions.nRows;
  if (n === 0) return model.sample(1, { seed }).take([]);
  try {
    return model.sample(n, { seed, conditions });
  } catch (e) {
    if (!(e instanceof LookalikeError)) throw e;
  }
  const counts = conditions.names.filter((c) => c.startsWith('parent:__count:') || c === RANK);
  const parts: Table[] = [];
  let relaxed = 0;
  for (let a = 0; a < n;) {
    let b = a + 1;
    while (b < n && parentOf[b] === parentOf[a]) b++;
    const idx = Int32Array.from({ length: b - a }, (_, i) => a + i);
    const cond = conditions.take(idx);
    const s = seed + a;
    let part: Table | undefined;
    const tries = counts.length ? [cond, cond.select(counts)] : [cond];
    for (let t = 0; t < tries.length && !part; t++) {
      try {
        part = model.sample(b - a, { seed: s, conditions: tries[t] });
        if (t > 0) relaxed++;
      } catch (e) {
        if (!(e instanceof LookalikeError)) throw e;
      }
    }
    if (!part) {
      part = model.sample(b - a, { seed: s });
      relaxed++;
    }
    parts.push(part);
    a = b;
  }
  notes.push(
    `table "${table}": the DP model gives some parent rows' values probability 0; the children of ${relaxed} parent rows were drawn given fewer of their parent's columns`,
  );
  return parts.reduce((x, y) => x.concat(y));
}

/**
 * A sequence's steps drawn one rank after the other: the steps of rank r are drawn given their parent's columns,
 * r and their previous step's drawn values (`prev:` columns). Rows are parent-major, rank-minor (a row's previous
 * step is the row before it).
 */
function sampleSteps(
  model: Model,
  conditions: Table,
  rank: Int32Array,
  parentOf: Int32Array,
  lags: readonly string[],
  seed: number,
  table: string,
  notes: string[],
): Table {
  const n = conditions.nRows;
  if (n === 0) return model.sample(1, { seed }).take([]);
  let maxRank = 0;
  for (const r of rank) maxRank = Math.max(maxRank, r);
  const parts: Table[] = [];
  const pos = new Int32Array(n); // a row's position within its rank's part
  const order: number[] = [];
  for (let r = 0; r <= maxRank; r++) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (rank[i] === r) idx.push(i);
    idx.forEach((i, k) => (pos[i] = k));
    let cond = conditions.take(Int32Array.from(idx));
    if (r > 0) {
      const prev = parts[r - 1];
      const from = Int32Array.from(idx, (i) => pos[i - 1]);
      for (const c of lags) cond = cond.withColumn(renamed(takeRows(prev.column(c), from), PREV(c)));
    }
    parts.push(
      sampleChildren(
        model,
        cond,
        Int32Array.from(idx, (i) => parentOf[i]),
        seed + r,
        table,
        notes,
      ),
    );
    order.push(...idx);
  }
  // back to row order
  const all = parts.reduce((x, y) => x.concat(y));
  const back = new Int32Array(n);
  order.forEach((i, k) => (back[i] = k));
  return all.take(back);
}

/** The order of each step: its parent's gaps summed in rank order (rows parent-major, rank-minor). */
function summedGaps(gaps: Column, parentOf: Int32Array): Column {
  const g = (gaps as { values: Float64Array }).values;
  const out = new Float64Array(g.length);
  for (let i = 0; i < g.length; i++) {
    // (entity, order) is a key: a later step comes strictly later (whole numbers: at least 1 later)
    const least = (gaps as { integer?: boolean }).integer ? 1 : 1e-6;
    const v = Number.isNaN(g[i]) ? least : Math.max(least, g[i]);
    out[i] = i > 0 && parentOf[i] === parentOf[i - 1] ? out[i - 1] + v : g[i];
  }
  return { ...gaps, values: out } as Column;
}

function takeRows(c: Column, idx: Int32Array): Column {
  switch (c.kind) {
    case 'categorical':
      return { ...c, codes: Int32Array.from(idx, (i) => (i < 0 ? -1 : c.codes[i])) };
    case 'numeric':
    case 'datetime':
      return { ...c, values: Float64Array.from(idx, (i) => (i < 0 ? NaN : c.values[i])) };
    case 'boolean':
      return { ...c, values: Int8Array.from(idx, (i) => (i < 0 ? -1 : c.values[i])) };
    default:
      return { ...c, values: Array.from(idx, (i) => (i < 0 ? null : c.values[i])) };
  }
}

/** A fresh key column 1…n in the column's kind (numbers, or their text for id/categorical/text keys). */
function keyColumn(c: OutColumn, n: number): Column {
  if (c.kind === 'numeric')
    return {
      kind: 'numeric',
      name: c.name,
      values: Float64Array.from({ length: n }, (_, i) => i + 1),
      integer: true,
    };
  return syntheticIdColumn(c.name, n, 'integer');
}

/** A public key drawn as a category, written back in the foreign key's kind. */
function publicValues(drawn: Column, c: OutColumn): Column {
  const texts = keyTexts(drawn);
  if (c.kind === 'numeric')
    return {
      kind: 'numeric',
      name: c.name,
      values: Float64Array.from(texts, (v) => (v === null ? NaN : Number(v))),
      integer: c.integer === true,
    };
  return { ...drawn, name: c.name } as Column;
}

/** Rebuilds a DP relational model from its file (the table models are validated by their synthesizers). */
export function loadRelationalDpModel(json: unknown, source = 'relational model file'): RelationalDpModel {
  const f = json as Partial<RelationalDpModelFile> | null;
  const p = new ProblemList();
  if (typeof f !== 'object' || f === null) throw new LookalikeError(`${source} is not a relational model`);
  if (f.format !== 'lookalike-relational-dp-model') p.add('"format" must be "lookalike-relational-dp-model"');
  if (f.version !== 1) p.add('"version" must be 1');
  if (!Array.isArray(f.tables)) p.add('"tables" must be a list');
  if (!(typeof f.persons === 'number' && f.persons >= 1)) p.add('"persons" must be a number ≥ 1');
  if (!f.privacy || f.privacy.type !== 'dp') p.add('"privacy" must be a DP guarantee');
  p.throwIfAny(`${source} is not a valid relational DP model:`);
  const ledger = PrivacyLedger.fromJSON(f.ledger, `${source}: ledger`);
  const g = ledger.guarantee();
  return new RelationalDpModel({
    ...(f as RelationalDpModelFile),
    privacy: { ...g, unit: 'person', person: f.privacy!.person },
  });
}

/**
 * Moves drawn counts onto a target distribution over first…first+k−1 (probs[j] for first + j) by the monotone
 * transport: rows are ranked by their drawn count (ties in random order) and the first round(n·p₀) get `first`,
 * the next round(n·p₁) get first + 1, and so on
 * (largest-remainder rounding, so the totals are exact). A row never passes one with a larger drawn count, so the
 * model's ordering (and with it most of the counts' dependence on the other columns) is kept. Post-processing.
 */
export function transportCounts(
  drawn: ArrayLike<number>,
  probs: readonly number[],
  rng: Rng,
  first = 0,
): Float64Array {
  const n = drawn.length;
  const k = probs.length;
  let total = 0;
  for (const p of probs) total += Math.max(0, p);
  const want = probs.map((p) => (total > 0 ? (n * Math.max(0, p)) / total : n / k));
  const take = want.map(Math.floor);
  let left = n - take.reduce((a, b) => a + b, 0);
  const byRemainder = want
    .map((w, i) => i)
    .sort((a, b) => want[b] - Math.floor(want[b]) - (want[a] - Math.floor(want[a])) || a - b);
  for (let j = 0; left > 0; j = (j + 1) % k, left--) take[byRemainder[j]]++;
  const tie = Float64Array.from({ length: n }, () => rng.float());
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => Math.round(drawn[a]) - Math.round(drawn[b]) || tie[a] - tie[b],
  );
  const out = new Float64Array(n);
  let at = 0;
  for (let v = 0; v < k; v++) for (let j = 0; j < take[v]; j++) out[order[at++]] = first + v;
  return out;
}

/**
 * The probabilities closest (least squares) to a noisy count vector scaled to sum 1: the Euclidean projection of
 * z / Σz onto the simplex (Σz ≤ 0: uniform). Unlike clipping negative cells at 0, it does not move mass into the
 * cells that are empty in truth (clipping adds ≈ 0.4σ to each), it takes it from every cell alike. Post-processing.
 */
export function projectToSimplex(noisy: ArrayLike<number>): Float64Array {
  const k = noisy.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += noisy[i];
  if (!(total > 0)) return new Float64Array(k).fill(1 / k);
  const y = Float64Array.from(noisy, (v) => v / total);
  if (y.every((v) => v >= 0)) return y; // already on the simplex
  const sorted = Array.from(y).sort((a, b) => b - a);
  let cum = 0;
  let tau = 0;
  for (let j = 0; j < k; j++) {
    cum += sorted[j];
    const t = (cum - 1) / (j + 1);
    if (sorted[j] - t > 0) tau = t;
  }
  return Float64Array.from(y, (v) => Math.max(0, v - tau));
}

/**
 * The inverse-variance weighted mean of independent unbiased estimates of one quantity (the minimum-variance
 * unbiased combination; its variance is 1 / Σ 1/vᵢ). Post-processing of noisy measurements: no budget.
 */
export function poolEstimates(estimates: readonly { sum: number; variance: number }[]): number {
  let weight = 0;
  let pooled = 0;
  for (const e of estimates) {
    if (!(e.variance > 0)) throw new Error('poolEstimates: every variance must be > 0');
    weight += 1 / e.variance;
    pooled += e.sum / e.variance;
  }
  return pooled / weight;
}
