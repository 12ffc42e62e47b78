/**
 * Relational synthesis: a whole database — parents first, then for every child table the number of children of
 * each parent row and the children's rows given their parent — with fresh keys that keep referential integrity
 * exactly (docs/relational.md).
 *
 * How each table is modelled (`planTable`):
 * - **Root** (no foreign key): its attributes plus one column per child relationship holding the number of
 *   children of the row, fitted by a single-table synthesizer (`cart` by default; any registered one). So the
 *   number of children is generated jointly with, i.e. conditioned on, the parent's columns.
 * - **Child**: one foreign key is its primary parent (the one without missing values whose parent has the most
 *   rows and a number of children that varies). Its rows are drawn from a conditional tree chain (`chain.ts`)
 *   given the parent row's attributes and child counts, and the row's rank among its siblings (ranked by the
 *   child's position-like column if it has one, `siblingOrder`); the chain also
 *   draws the row's own child counts (it may be a parent in turn) and, for each further parent, the group of
 *   that parent (`groups.ts`). A synthetic child is linked to a synthetic row of its further parent from the
 *   group it drew, each such parent taking about as many children as its own drawn count ("slots"), from
 *   consecutive primary rows in time (`linkInTime`): a further parent without a datetime column is ordered by its
 *   modelled era (`eraColumns`), and within a primary row its children are dealt by the rank it held before
 *   (`followRanks`, on the column chosen by `followColumn`).
 * - **Sequential** table whose entity is a foreign key: the parent's count is the sequence length; the steps
 *   come from a sequence model (`sequence.ts`, `ar-trees` by default) given the parent's columns.
 * - **Sequential** table whose entity is its own column: an entity table (context columns + length) is fitted
 *   by the single-table synthesizer, then the steps by the sequence model.
 * Keys: primary-key columns that are foreign keys copy the parent's synthetic key; a one-column primary key of
 * its own gets 1…n (numbers, or the input's id style); the remaining parts of a composite key are counters within
 * their group; a key made only of foreign keys is kept unique while linking. Rows that would still repeat a
 * primary key are dropped before their own children are generated, so every sample has unique primary keys and
 * no orphan foreign key.
 *
 * Guarantee: NOT differentially private (the tree chains store observed values; see `dp.ts` for the DP path).
 */
import type { Column } from '../table/column.js';
import { Table } from '../table/table.js';
import type { ColumnSpec, Schema } from '../table/schema.js';
import { Rng } from '../random/rng.js';
import { LookalikeError, ProblemList } from '../errors.js';
import type { Model, ModelFile } from '../synthesizers/types.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import type { ProgressFn } from '../progress.js';
import { getSynthesizer, loadModel } from '../synthesizers/registry.js';
import { emptyTextColumn, idStyleOf, syntheticIdColumn, type IdStyle } from '../synthesizers/common.js';
import { fitChain, loadChain, type ChainJSON, type TreeChain } from './chain.js';
import { assignGroups, fitGrouping, type GroupingJSON } from './groups.js';
import { childCounts, keyIndex, keyTexts, parentRows, rowKeys } from './keys.js';
import {
  foreignKeysOf,
  orderedFkColumns,
  parseRelationalMetadata,
  relationalMetadataToJSON,
  topologicalOrder,
  validateRelational,
  type ForeignKey,
  type RelationalMetadata,
  type TableSpec,
} from './metadata.js';
import { sequenceIndex } from './sequence-metrics.js';
import { loadRelationalDpModel, type RelationalDpModel } from './dp.js';
import { getSequenceSynthesizer, type SequenceModel, type SequenceModelJSON } from './sequence.js';

export interface RelationalFitOptions {
  /** Single-table synthesizer for root tables and sequence entity tables (default `cart`). */
  readonly synthesizer?: string;
  readonly synthesizerOptions?: Readonly<Record<string, unknown>>;
  /** Sequence model for sequential tables (default `ar-trees`). */
  readonly sequenceSynthesizer?: string;
  readonly sequenceOptions?: Readonly<Record<string, unknown>>;
  /**
   * Tree settings of the child models: minimum rows per leaf (default 5, or 3 for a child table of fewer than
   * 2,000 rows) and depth (default 30).
   */
  readonly childOptions?: { readonly minSamplesLeaf?: number; readonly maxDepth?: number };
  readonly seed?: number;
  readonly onProgress?: ProgressFn;
}

export interface RelationalSampleOptions {
  readonly seed?: number;
  /** Rows of every root table (and entities of every sequence) as a multiple of the real counts. Default 1. */
  readonly scale?: number;
  readonly onProgress?: ProgressFn;
}

export interface RelationalSample {
  readonly tables: Record<string, Table>;
  /** Notes on what sampling had to do (e.g. rows dropped to keep a primary key unique), with counts. */
  readonly notes: string[];
}

const MODELLED = new Set(['numeric', 'datetime', 'categorical', 'boolean']);

/** How the output column of a key part is produced. */
interface KeyColumnPlan {
  name: string;
  kind: Column['kind'];
  integer?: boolean;
  format?: string;
  /** id / categorical / text keys: the style of fresh values. */
  idStyle?: IdStyle;
}

type ModelPlan =
  | { kind: 'none' }
  | { kind: 'synthesizer'; file: ModelFile }
  | { kind: 'chain'; chain: ChainJSON }
  | { kind: 'sequence'; model: SequenceModelJSON; entityModel?: ModelFile | null };

interface SecondaryPlan {
  /** Index into metadata.foreignKeys. */
  fk: number;
  groupColumn: string;
  grouping: GroupingJSON;
  /** This foreign key is part of a primary key made only of foreign keys: links must not repeat. */
  unique: boolean;
  /**
   * Children per linked (primary parent row, this parent row) pair in the real data (f1: about 2 results per
   * race and constructor, 1 per race and driver). When present, a parent row takes its children from consecutive
   * primary parent rows (in time, if the primary parent has a datetime column), about this many per row.
   */
  perPair?: number;
  /**
   * With `perPair`: the child's numeric column whose rank among the children of the same primary parent row
   * depends most on this parent row in the real data (f1 results → constructors: a team finishes near the same
   * place race after race), and that share of the ranks' variance (η², at least `FOLLOW_MIN`). The children of a
   * primary row are then dealt to the parent rows whose earlier children ranked alike.
   */
  follow?: { column: string; eta2: number };
}

interface TablePlan {
  name: string;
  role: 'root' | 'child' | 'sequence';
  /** Real row count (roots: scaled at sampling; sequences with their own entity: the real entity count). */
  rows: number;
  /** Output columns in the input's order: key columns and attribute columns. */
  columns: KeyColumnPlan[];
  /** Attribute columns (not keys): modelled ones come from the model, id/text ones are produced fresh/empty. */
  attributes: string[];
  /**
   * Count columns generated with this table: one per relationship where it is the parent, with the real
   * distribution of the number of children per row (distinct values `v`, how many rows have each `c`), to which
   * sampled counts are mapped by rank (`matchCounts`).
   */
  counts: { fk: number; column: string; v: number[]; c: number[] }[];
  /** Index into metadata.foreignKeys of the primary parent (children and FK sequences). */
  primary: number | null;
  /** Condition columns of a child model: parent attributes and counts (as `parent:` names), `__rank`. */
  conditions: string[];
  secondary: SecondaryPlan[];
  /** Sequences whose entity is a column of their own: the entity and context columns. */
  entity?: { column: string; context: string[]; order: string | null };
  model: ModelPlan;
}

export interface RelationalModelFile {
  readonly format: 'lookalike-relational-model';
  readonly version: 1;
  readonly createdAt: string;
  readonly metadata: Record<string, unknown>;
  readonly privacy: PrivacyGuarantee;
  readonly tables: TablePlan[];
}

const countName = (f: ForeignKey) => `__count:${f.child}(${f.columns.join(',')})`;
const groupName = (f: ForeignKey) => `__group:${f.parent}(${f.columns.join(',')})`;
const parentName = (c: string) => `parent:${c}`;
const RANK = '__rank';
const LENGTH = '__length';
/** A further parent's era (see `eraColumns`): generated with its row, orders its rows when children link in time. */
const ERA = '__era';
const MS_PER_YEAR = 365.25 * 86_400_000;
/**
 * Below this many rows a child table's tree chain keeps leaves of 3 rows instead of 5 (`childOptions`): f1's races
 * (1,102 rows), whose chain draws, among others, which few races have sprint results (inter-table trends 0.853 /
 * 0.871 / 0.843 / 0.857 / 0.846 → 0.856 / 0.870 / 0.848 / 0.860 / 0.849 over seeds 1–5; leaves of 3 in every
 * table: 0.846 / 0.846 at seeds 3 / 5, of 2 below 2,000 rows: 0.843 / 0.847; bench/RESULTS-relational.md).
 */
const SMALL_CHILD = 2000;

/** The first datetime column among a table's modelled attributes (what "in time" orders by), or null. */
function timeColumn(t: Table, attributes: readonly string[]): Float64Array | null {
  for (const c of attributes) {
    const col = t.column(c);
    if (col.kind === 'datetime') return col.values;
  }
  return null;
}

/**
 * The era of the rows of every table with no datetime attribute that is a further parent of a child whose
 * primary parent has one (f1: a constructor, through results → races): the earliest time, in years, of the
 * primary parent rows of its children (NaN for a row without such children). The era is modelled with the
 * table's other columns, so a synthetic row has one too, and `linkInTime` lets its rows take children in that
 * order — without it they would enter in random order, a 1950s constructor as likely to race in 2020 as in 1950.
 */
function eraColumns(
  meta: RelationalMetadata,
  tables: Readonly<Record<string, Table>>,
  keysOf: (t: string) => Set<string>,
  linkRows: ReadonlyMap<number, Int32Array>,
  counts: ReadonlyMap<number, Int32Array>,
): Map<string, Float64Array> {
  const attrs = (t: string) =>
    tables[t].names.filter((c) => !keysOf(t).has(c) && MODELLED.has(tables[t].column(c).kind));
  const out = new Map<string, Float64Array>();
  for (const spec of meta.tables) {
    if (spec.sequence) continue;
    const fks = meta.foreignKeys.flatMap((f, i) => (f.child === spec.name ? [{ f, i }] : []));
    if (fks.length < 2) continue;
    const primary = choosePrimary(fks, tables, counts);
    const pt = timeColumn(tables[meta.foreignKeys[primary].parent], attrs(meta.foreignKeys[primary].parent));
    if (!pt) continue;
    const prow = linkRows.get(primary)!;
    for (const { f, i } of fks) {
      if (i === primary || timeColumn(tables[f.parent], attrs(f.parent))) continue;
      const parentSpec = meta.tables.find((t) => t.name === f.parent)!;
      if (parentSpec.sequence) continue;
      let era = out.get(f.parent);
      if (!era) out.set(f.parent, (era = new Float64Array(tables[f.parent].nRows).fill(NaN)));
      const rows = linkRows.get(i)!;
      for (let c = 0; c < rows.length; c++) {
        if (rows[c] < 0 || prow[c] < 0) continue;
        const t = pt[prow[c]];
        if (t !== t) continue;
        const y = Math.round((1970 + t / MS_PER_YEAR) * 100) / 100;
        if (!(era[rows[c]] <= y)) era[rows[c]] = y;
      }
    }
  }
  return out;
}

/**
 * The order in which a child's rows are ranked among their siblings (the rows of the same primary parent row) at
 * fit time. The order of rows within a parent carries no meaning in a relational table, so the rank (`__rank`, a
 * condition of the child's chain) is made to carry one: siblings are sorted by the child's **position-like**
 * column, if it has one — an integer column present in at least 95 % of the rows whose values within every parent
 * row with two or more children are distinct and dense (max − min + 1 ≤ 1.25 × the number of values, averaged
 * over those parents): f1's standings `position` (1…k within a race), results' `positionOrder`. The chain then
 * draws such a column from the rank, about one value per place, as the real tables hold exactly one leader per
 * race (f1 driver_standings were stored by driver, their rank said nothing). Among several such columns the
 * densest wins (then the first). Otherwise the input's row order. Ties and missing values: row order, missing
 * last.
 */
function siblingOrder(t: Table, columns: readonly string[], prow: Int32Array): Int32Array {
  const n = t.nRows;
  const byParent = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    let l = byParent.get(prow[i]);
    if (!l) byParent.set(prow[i], (l = []));
    l.push(i);
  }
  let multi = 0;
  for (const l of byParent.values()) if (l.length > 1) multi += l.length;
  let best: { values: Float64Array; density: number } | null = null;
  // only when siblings are the rule rather than the exception (half the rows or more share a parent)
  if (multi * 2 >= n)
    for (const name of columns) {
      const col = t.column(name);
      if (col.kind !== 'numeric' || !col.integer) continue;
      const v = col.values;
      let present = 0;
      for (let i = 0; i < n; i++) if (v[i] === v[i]) present++;
      if (present < 0.95 * n) continue;
      let ok = true,
        ratio = 0,
        parents = 0;
      for (const l of byParent.values()) {
        if (l.length < 2) continue;
        const seen = new Set<number>();
        let lo = Infinity,
          hi = -Infinity;
        for (const i of l) {
          const x = v[i];
          if (x !== x) continue;
          if (seen.has(x)) {
            ok = false;
            break;
          }
          seen.add(x);
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        }
        if (!ok) break;
        if (seen.size) {
          ratio += (hi - lo + 1) / seen.size;
          parents++;
        }
      }
      if (!ok || !parents) continue;
      const density = ratio / parents;
      if (density <= 1.25 && (!best || density < best.density)) best = { values: v, density };
    }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  if (!best) return order;
  const v = best.values;
  const key = (i: number) => (v[i] === v[i] ? v[i] : Infinity);
  return order.sort((a, b) => key(a) - key(b) || a - b);
}

/** Least share of the ranks' variance that makes a column worth following (`SecondaryPlan.follow`). */
const FOLLOW_MIN = 0.2;

/**
 * The child's numeric column whose within-primary-row rank (u = (rank + ½) / children of that primary row, ties
 * averaged) is most explained by the further parent: η² = Σ_parent n·(mean u − overall mean)² / Σ (u − overall
 * mean)² over linked rows with a value, times the share of linked rows with a value. Null when no column reaches
 * `FOLLOW_MIN`.
 */
function followColumn(
  t: Table,
  columns: readonly string[],
  prow: Int32Array,
  rows: Int32Array,
  nParents: number,
): { column: string; eta2: number } | null {
  const byPrimary = new Map<number, number[]>();
  for (let c = 0; c < t.nRows; c++) {
    if (prow[c] < 0 || rows[c] < 0) continue;
    let l = byPrimary.get(prow[c]);
    if (!l) byPrimary.set(prow[c], (l = []));
    l.push(c);
  }
  let linked = 0;
  for (const l of byPrimary.values()) linked += l.length;
  let best: { column: string; eta2: number } | null = null;
  for (const name of columns) {
    const col = t.column(name);
    if (col.kind !== 'numeric') continue;
    const v = col.values;
    const u = new Float64Array(t.nRows).fill(NaN);
    for (const l of byPrimary.values()) {
      const p = l.filter((c) => v[c] === v[c]).sort((a, b) => v[a] - v[b]);
      for (let q = 0; q < p.length;) {
        let e = q;
        while (e + 1 < p.length && v[p[e + 1]] === v[p[q]]) e++;
        for (let r = q; r <= e; r++) u[p[r]] = ((q + e) / 2 + 0.5) / p.length;
        q = e + 1;
      }
    }
    const sum = new Float64Array(nParents);
    const cnt = new Float64Array(nParents);
    let total = 0,
      n = 0;
    for (let c = 0; c < t.nRows; c++)
      if (u[c] === u[c]) {
        sum[rows[c]] += u[c];
        cnt[rows[c]]++;
        total += u[c];
        n++;
      }
    if (n < 2) continue;
    const mean = total / n;
    let ss = 0,
      between = 0;
    for (let c = 0; c < t.nRows; c++) if (u[c] === u[c]) ss += (u[c] - mean) ** 2;
    for (let j = 0; j < nParents; j++) if (cnt[j]) between += cnt[j] * (sum[j] / cnt[j] - mean) ** 2;
    // weighted by the share of linked rows that have a value (a column recorded only in recent years follows little)
    const eta2 = ss > 0 ? (between / ss) * (n / linked) : 0;
    if (eta2 >= FOLLOW_MIN && (!best || eta2 > best.eta2)) best = { column: name, eta2 };
  }
  return best;
}

function eraSpec(era: Float64Array): ColumnSpec {
  let min = Infinity,
    max = -Infinity;
  for (const y of era)
    if (y === y) {
      if (y < min) min = y;
      if (y > max) max = y;
    }
  if (!(min <= max)) min = max = 0;
  return {
    name: ERA,
    kind: 'numeric',
    integer: false,
    decimals: 2,
    nullable: true,
    domain: { min, max, source: 'inferred' },
  };
}

function keyColumnsOf(meta: RelationalMetadata, t: TableSpec): Set<string> {
  const s = new Set<string>(t.primaryKey ?? []);
  for (const f of foreignKeysOf(meta, t.name)) for (const c of f.columns) s.add(c);
  for (const c of t.sequence?.entity ?? []) s.add(c);
  if (t.sequence?.order) s.add(t.sequence.order);
  return s;
}

function keyPlan(c: Column): KeyColumnPlan {
  return {
    name: c.name,
    kind: c.kind,
    ...(c.kind === 'numeric' ? { integer: c.integer } : {}),
    ...(c.kind === 'datetime' ? { format: c.format } : {}),
    ...(c.kind === 'id' || c.kind === 'categorical' || c.kind === 'text'
      ? { idStyle: idStyleOf(keyAsId(c)) }
      : {}),
  };
}

function keyAsId(c: Column): Column {
  return { kind: 'id', name: c.name, values: keyTexts(c) };
}

/** The number of children per parent row, as an integer numeric column. */
function countColumn(name: string, counts: Int32Array): Column {
  return { kind: 'numeric', name, values: Float64Array.from(counts), integer: true };
}

function renamed(c: Column, name: string): Column {
  return { ...c, name } as Column;
}

function schemaFor(table: Table, base: Readonly<Record<string, ColumnSpec>>): Schema {
  return {
    version: 1,
    columns: table.columns.map((c) => {
      const b = base[c.name];
      if (b) return b;
      let max = 0;
      const v = (c as { values: Float64Array }).values;
      for (const x of v) if (x > max) max = x;
      return {
        name: c.name,
        kind: 'numeric',
        integer: true,
        nullable: false,
        domain: { min: 0, max, source: 'inferred' },
      };
    }),
  };
}

/** Problems with shapes relational synthesis does not handle (in addition to the metadata checks). */
function unsupported(meta: RelationalMetadata, real: Readonly<Record<string, Table>>): string[] {
  const out: string[] = [];
  for (const t of meta.tables) {
    const fks = foreignKeysOf(meta, t.name);
    const s = t.sequence;
    if (s) {
      const entityFk = fks.find(
        (f) => f.columns.length === s.entity.length && f.columns.every((c) => s.entity.includes(c)),
      );
      if (fks.length > (entityFk ? 1 : 0))
        out.push(
          `table "${t.name}": a sequential table with foreign keys other than its entity is not supported yet`,
        );
      if (meta.foreignKeys.some((f) => f.parent === t.name))
        out.push(`table "${t.name}": a sequential table cannot be the parent of another table yet`);
      if (!entityFk && s.entity.length !== 1)
        out.push(`table "${t.name}": a sequence entity that is not a foreign key must be one column`);
    } else if (fks.length) {
      const full = fks.filter((f) => f.columns.every((c) => !hasMissing(real[t.name], c)));
      if (full.length === 0)
        out.push(
          `table "${t.name}": every foreign key has missing values; one of them must always be present`,
        );
    }
  }
  return out;
}

function hasMissing(t: Table | undefined, c: string): boolean {
  if (!t || !t.has(c)) return false;
  return keyTexts(t.column(c)).some((v) => v === null);
}

/** The primary parent of a child: no missing values, most parent rows, a varying number of children. */
function choosePrimary(
  fks: readonly { f: ForeignKey; i: number }[],
  real: Readonly<Record<string, Table>>,
  counts: ReadonlyMap<number, Int32Array>,
): number {
  const usable = fks.filter(({ f }) => f.columns.every((c) => !hasMissing(real[f.child], c)));
  const varying = (i: number) => {
    const c = counts.get(i)!;
    return c.some((v) => v !== c[0]);
  };
  const ranked = [...usable].sort(
    (a, b) =>
      Number(varying(b.i)) - Number(varying(a.i)) ||
      real[b.f.parent].nRows - real[a.f.parent].nRows ||
      a.i - b.i,
  );
  return ranked[0].i;
}

/** Fits a relational model on `tables` (validated against `meta` first, every problem at once). */
export async function fitRelational(
  meta: RelationalMetadata,
  tables: Readonly<Record<string, Table>>,
  schemas: Readonly<Record<string, Schema>>,
  opts: RelationalFitOptions = {},
): Promise<RelationalModel> {
  validateRelational(meta, tables);
  const p = new ProblemList();
  for (const q of unsupported(meta, tables)) p.add(q);
  p.throwIfAny('relational synthesis cannot model this database:');
  const synthName = opts.synthesizer ?? 'cart';
  const synth = getSynthesizer(synthName);
  if (synth.privacy === 'dp')
    throw new LookalikeError(
      `"${synthName}" is differentially private; relational DP runs through fitRelationalDp (a person table and contribution bounds)`,
      [],
      'usage',
    );
  const seqSynth = getSequenceSynthesizer(opts.sequenceSynthesizer ?? 'ar-trees');
  const rng = new Rng(opts.seed ?? 0);
  const progress = opts.onProgress;
  // every relationship linked in the real data
  const linkRows = new Map<number, Int32Array>();
  const counts = new Map<number, Int32Array>();
  meta.foreignKeys.forEach((f, i) => {
    const parent = tables[f.parent];
    const pk = meta.tables.find((t) => t.name === f.parent)!.primaryKey!;
    const { index } = keyIndex(rowKeys(parent, pk).keys);
    const { rows } = parentRows(tables[f.child], orderedFkColumns(meta, f), index);
    linkRows.set(i, rows);
    counts.set(i, childCounts(rows, parent.nRows));
  });
  const order = topologicalOrder(meta);
  const plans: TablePlan[] = [];
  const specsOf = (t: string): Record<string, ColumnSpec> =>
    Object.fromEntries(schemas[t].columns.map((c) => [c.name, c]));
  /** Each table's working form: attributes + child counts (+ groups), what its children condition on. */
  const work = new Map<string, Table>();
  const groupsOfParent = new Map<number, Int32Array>();
  const eras = eraColumns(
    meta,
    tables,
    (t) =>
      keyColumnsOf(
        meta,
        meta.tables.find((s) => s.name === t)!,
      ),
    linkRows,
    counts,
  );
  let step = 0;
  for (const name of order) {
    progress?.({ phase: 'relational', done: step++, total: order.length, message: name });
    const spec = meta.tables.find((t) => t.name === name)!;
    const t = tables[name];
    const keys = keyColumnsOf(meta, spec);
    const attributes = t.names.filter((c) => !keys.has(c));
    const modelled = attributes.filter((c) => MODELLED.has(t.column(c).kind));
    const myCounts = meta.foreignKeys.flatMap((f, i) => {
      if (f.parent !== name) return [];
      const hist = new Map<number, number>();
      for (const v of counts.get(i)!) hist.set(v, (hist.get(v) ?? 0) + 1);
      const v = [...hist.keys()].sort((a, b) => a - b);
      return [{ fk: i, column: countName(f), v, c: v.map((x) => hist.get(x)!) }];
    });
    const countCols = myCounts.map((c) => countColumn(c.column, counts.get(c.fk)!));
    const era = eras.get(name);
    const eraCols: Column[] = era ? [{ kind: 'numeric', name: ERA, values: era, integer: false }] : [];
    const specsWithEra = () => ({ ...specsOf(name), ...(era ? { [ERA]: eraSpec(era) } : {}) });
    const fks = meta.foreignKeys.flatMap((f, i) => (f.child === name ? [{ f, i }] : []));
    const base: Omit<TablePlan, 'role' | 'model' | 'primary' | 'conditions' | 'secondary'> = {
      name,
      rows: t.nRows,
      columns: t.columns.map(keyPlan),
      attributes,
      counts: myCounts,
    };
    const seqSeed = rng.int(2 ** 31);
    if (spec.sequence) {
      const s = spec.sequence;
      const entityFk = fks.find(({ f }) => f.columns.every((c) => s.entity.includes(c)));
      const stepsCols = [...attributes, ...(s.order ? [s.order] : [])];
      if (entityFk) {
        const ix = sequenceByParent(linkRows.get(entityFk.i)!, tables[entityFk.f.parent].nRows, t, s.order);
        const parentWork = work.get(entityFk.f.parent)!;
        const context = parentContext(parentWork);
        const model = await seqSynth.fit(
          {
            context,
            steps: t.take(ix.rows).select(stepsCols),
            offsets: ix.offsets,
            ...(s.order ? { order: s.order } : {}),
          },
          { seed: seqSeed, ...(opts.sequenceOptions ? { options: opts.sequenceOptions } : {}) },
        );
        plans.push({
          ...base,
          role: 'sequence',
          primary: entityFk.i,
          conditions: context.names,
          secondary: [],
          model: { kind: 'sequence', model: model.toJSON() },
        });
      } else {
        const ix = sequenceIndex(t, s.entity, s.order);
        const first = Int32Array.from({ length: ix.nEntities }, (_, e) => ix.rows[ix.offsets[e]]);
        const context = (s.context ?? []).filter((c) => !keys.has(c));
        const lengths = new Int32Array(ix.nEntities);
        for (let e = 0; e < ix.nEntities; e++) lengths[e] = ix.offsets[e + 1] - ix.offsets[e];
        const entities = new Table(
          [...context.map((c) => t.take(first).column(c)), countColumn(LENGTH, lengths)],
          ix.nEntities,
        );
        const entityFile = await fitTableModel(entities, specsOf(name), synthName, opts, rng.int(2 ** 31));
        const steps = t.take(ix.rows).select(stepsCols.filter((c) => !context.includes(c)));
        const model = await seqSynth.fit(
          {
            context: entities.select(context.filter((c) => MODELLED.has(t.column(c).kind))),
            steps,
            offsets: ix.offsets,
            ...(s.order ? { order: s.order } : {}),
          },
          { seed: seqSeed, ...(opts.sequenceOptions ? { options: opts.sequenceOptions } : {}) },
        );
        plans.push({
          ...base,
          rows: ix.nEntities,
          attributes: attributes.filter((c) => !context.includes(c)),
          role: 'sequence',
          primary: null,
          conditions: [],
          secondary: [],
          entity: { column: s.entity[0], context, order: s.order ?? null },
          model: { kind: 'sequence', model: model.toJSON(), entityModel: entityFile },
        });
      }
      continue;
    }
    if (fks.length === 0) {
      const train = new Table([...attributes.map((c) => t.column(c)), ...countCols, ...eraCols], t.nRows);
      const file = await fitTableModel(train, specsWithEra(), synthName, opts, rng.int(2 ** 31));
      work.set(name, new Table([...modelled.map((c) => t.column(c)), ...countCols, ...eraCols], t.nRows));
      plans.push({
        ...base,
        role: 'root',
        primary: null,
        conditions: [],
        secondary: [],
        model: file ? { kind: 'synthesizer', file } : { kind: 'none' },
      });
      continue;
    }
    // a child: conditions from the primary parent, groups of the others
    const primary = choosePrimary(fks, tables, counts);
    const pf = meta.foreignKeys[primary];
    const prow = linkRows.get(primary)!;
    const parentWork = work.get(pf.parent)!;
    const cond = parentContext(parentWork).take(prow);
    const rank = new Float64Array(t.nRows);
    const seen = new Int32Array(tables[pf.parent].nRows);
    const nSib = counts.get(primary)!;
    const sibOrder = siblingOrder(t, modelled, prow);
    for (const i of sibOrder) rank[i] = (seen[prow[i]]++ + 0.5) / nSib[prow[i]];
    const condCols = [
      ...cond.columns,
      { kind: 'numeric', name: RANK, values: rank, integer: false } as Column,
    ];
    const pkOnlyFks =
      (spec.primaryKey ?? []).length > 0 &&
      (spec.primaryKey ?? []).every((c) => fks.some(({ f }) => f.columns.includes(c)));
    const secondary: SecondaryPlan[] = [];
    const groupCols: Column[] = [];
    const primaryTimed = parentWork.columns.some((c) => c.kind === 'datetime');
    for (const { f, i } of fks) {
      if (i === primary) continue;
      const parent = tables[f.parent];
      const pSpecAttrs = (work.get(f.parent) ?? parent).names.filter((c) => !c.startsWith('__'));
      const k = Math.max(2, Math.min(12, Math.round(Math.sqrt(parent.nRows / 2))));
      const { grouping, groups } = fitGrouping(work.get(f.parent)!, pSpecAttrs, countName(f), k, rng.fork());
      groupsOfParent.set(i, groups);
      const rows = linkRows.get(i)!;
      const codes = Int32Array.from(rows, (r) => (r < 0 ? -1 : groups[r]));
      const cats = Array.from({ length: grouping.k }, (_, g) => String(g));
      groupCols.push({ kind: 'categorical', name: groupName(f), codes, categories: cats });
      // children per linked (primary row, this parent's row) pair
      const pairs = new Set<number>();
      let linked = 0;
      const np = tables[f.parent].nRows + 1;
      for (let c = 0; c < rows.length; c++)
        if (rows[c] >= 0 && prow[c] >= 0) {
          pairs.add(prow[c] * np + rows[c]);
          linked++;
        }
      // ranks are followed only from one primary row to the next in time
      const follow =
        pairs.size && primaryTimed ? followColumn(t, modelled, prow, rows, tables[f.parent].nRows) : null;
      secondary.push({
        fk: i,
        groupColumn: groupName(f),
        grouping,
        unique: pkOnlyFks && f.columns.some((c) => spec.primaryKey!.includes(c)),
        ...(pairs.size ? { perPair: linked / pairs.size } : {}),
        ...(follow ? { follow } : {}),
      });
    }
    const targets = [...modelled.map((c) => t.column(c)), ...countCols, ...eraCols, ...groupCols];
    let model: ModelPlan = { kind: 'none' };
    if (targets.length) {
      const train = new Table([...condCols, ...targets], t.nRows);
      const chain = fitChain(
        train,
        condCols.map((c) => c.name),
        targets.map((c) => c.name),
        {
          minSamplesLeaf: opts.childOptions?.minSamplesLeaf ?? (t.nRows < SMALL_CHILD ? 3 : 5),
          maxDepth: opts.childOptions?.maxDepth ?? 30,
        },
      );
      model = { kind: 'chain', chain: chain.toJSON() };
    }
    work.set(name, new Table([...modelled.map((c) => t.column(c)), ...countCols, ...eraCols], t.nRows));
    plans.push({
      ...base,
      role: 'child',
      primary,
      conditions: condCols.map((c) => c.name),
      secondary,
      model,
    });
  }
  progress?.({ phase: 'relational', done: order.length, total: order.length });
  return new RelationalModel(meta, plans);
}

/** The parent's working columns under `parent:` names (what a child is conditioned on). */
function parentContext(parentWork: Table): Table {
  return new Table(
    parentWork.columns.map((c) => renamed(c, parentName(c.name))),
    parentWork.nRows,
  );
}

/** Child rows grouped by their parent row (parents in row order), each group in order. */
function sequenceByParent(parentOf: Int32Array, nParents: number, t: Table, order?: string) {
  const offsets = new Int32Array(nParents + 1);
  for (const p of parentOf) offsets[p + 1]++;
  for (let e = 0; e < nParents; e++) offsets[e + 1] += offsets[e];
  const fill = offsets.slice(0, nParents);
  const rows = new Int32Array(parentOf.length);
  for (let i = 0; i < parentOf.length; i++) rows[fill[parentOf[i]]++] = i;
  if (order) {
    const v = (t.column(order) as { values: Float64Array }).values;
    for (let e = 0; e < nParents; e++) {
      const seg = Array.from(rows.subarray(offsets[e], offsets[e + 1])).sort((a, b) => v[a] - v[b] || a - b);
      rows.set(seg, offsets[e]);
    }
  }
  return { rows, offsets };
}

async function fitTableModel(
  train: Table,
  specs: Readonly<Record<string, ColumnSpec>>,
  synthName: string,
  opts: RelationalFitOptions,
  seed: number,
): Promise<ModelFile | null> {
  if (!train.columns.some((c) => MODELLED.has(c.kind))) return null;
  const model = await getSynthesizer(synthName).fit(train, schemaFor(train, specs), {
    seed,
    ...(opts.synthesizerOptions ? { options: opts.synthesizerOptions } : {}),
  });
  return model.toJSON();
}

// ---------------------------------------------------------------- the model and sampling

/** A fitted relational model: samples whole databases and serialises to one validated JSON file. */
export class RelationalModel {
  readonly privacy: PrivacyGuarantee = { type: 'none' };
  private readonly models = new Map<
    string,
    { table?: Model; chain?: TreeChain; sequence?: SequenceModel; entity?: Model }
  >();

  constructor(
    readonly metadata: RelationalMetadata,
    private readonly plans: TablePlan[],
  ) {
    for (const pl of plans) {
      const m = pl.model;
      if (m.kind === 'synthesizer')
        this.models.set(pl.name, { table: loadModel(m.file, `the model of table "${pl.name}"`) });
      else if (m.kind === 'chain')
        this.models.set(pl.name, { chain: loadChain(m.chain, `the model of table "${pl.name}"`) });
      else if (m.kind === 'sequence') {
        const s = getSequenceSynthesizer(m.model.synthesizer).load(m.model);
        this.models.set(pl.name, {
          sequence: s,
          ...(m.entityModel
            ? { entity: loadModel(m.entityModel, `the entity model of table "${pl.name}"`) }
            : {}),
        });
      } else this.models.set(pl.name, {});
    }
  }

  /** Draws a whole database. Same model, seed and scale → same tables. */
  sample(opts: RelationalSampleOptions = {}): RelationalSample {
    const scale = opts.scale ?? 1;
    if (!(scale > 0) || !Number.isFinite(scale))
      throw new LookalikeError(`scale must be a positive number, got ${scale}`, [], 'usage');
    const rng = new Rng(opts.seed ?? 0);
    const notes: string[] = [];
    const out: Record<string, Table> = {};
    const work = new Map<string, Table>();
    const meta = this.metadata;
    this.plans.forEach((pl, step) => {
      opts.onProgress?.({ phase: 'sample', done: step, total: this.plans.length, message: pl.name });
      const seed = rng.int(2 ** 31);
      const r = rng.fork();
      const m = this.models.get(pl.name)!;
      let attrs: Table;
      let n: number;
      const keyValues = new Map<string, Column>();
      if (pl.role === 'root') {
        n = Math.max(1, Math.round(pl.rows * scale));
        attrs = m.table ? m.table.sample(n, { seed }) : new Table([], n);
      } else if (pl.role === 'child') {
        const f = meta.foreignKeys[pl.primary!];
        const parentWork = work.get(f.parent)!;
        const c = (parentWork.column(countName(f)) as { values: Float64Array }).values;
        const parentOf: number[] = [];
        const rank: number[] = [];
        for (let i = 0; i < c.length; i++) {
          const k = c[i] > 0 ? Math.round(c[i]) : 0;
          for (let j = 0; j < k; j++) {
            parentOf.push(i);
            rank.push((j + 0.5) / k);
          }
        }
        n = parentOf.length;
        const pIdx = Int32Array.from(parentOf);
        const cond = new Table(
          [
            ...parentContext(parentWork).take(pIdx).columns,
            { kind: 'numeric', name: RANK, values: Float64Array.from(rank), integer: false },
          ],
          n,
        );
        attrs = m.chain && n > 0 ? m.chain.sample(cond, r) : new Table([], n);
        this.copyParentKey(f, out[f.parent], pIdx, keyValues);
        for (const s of pl.secondary) {
          const sf = meta.foreignKeys[s.fk];
          const links = this.link(s, sf, attrs, work.get(sf.parent)!, pIdx, keyValues, pl, r, parentWork);
          this.copyParentKey(sf, out[sf.parent], links, keyValues);
        }
      } else {
        // sequences
        if (pl.entity) {
          const nE = Math.max(1, Math.round(pl.rows * scale));
          const ent = m.entity ? m.entity.sample(nE, { seed }) : new Table([], nE);
          const lengths = Int32Array.from((ent.column(LENGTH) as { values: Float64Array }).values, (v) =>
            Math.max(0, Math.round(v)),
          );
          const ctxNames = this.contextNames(pl, ent);
          const steps = m.sequence!.sample(ent.select(ctxNames), lengths, { seed: seed + 1 });
          n = steps.nRows;
          const entityOf = new Int32Array(n);
          let k = 0;
          for (let e = 0; e < nE; e++) for (let j = 0; j < lengths[e]; j++) entityOf[k++] = e;
          const entPlan = pl.columns.find((c) => c.name === pl.entity!.column)!;
          keyValues.set(entPlan.name, takeAny(freshKey(entPlan, nE), entityOf));
          const ctx = ent.take(entityOf);
          attrs = new Table([...pl.entity.context.map((c) => ctx.column(c)), ...steps.columns], n);
        } else {
          const f = meta.foreignKeys[pl.primary!];
          const parentWork = work.get(f.parent)!;
          const lengths = Int32Array.from(
            (parentWork.column(countName(f)) as { values: Float64Array }).values,
            (v) => Math.max(0, Math.round(v)),
          );
          const steps = m.sequence!.sample(parentContext(parentWork), lengths, { seed });
          n = steps.nRows;
          const pIdx = new Int32Array(n);
          let k = 0;
          for (let e = 0; e < lengths.length; e++) for (let j = 0; j < lengths[e]; j++) pIdx[k++] = e;
          this.copyParentKey(f, out[f.parent], pIdx, keyValues);
          attrs = steps;
        }
      }
      // primary-key parts of its own
      const table = this.assemble(pl, attrs, keyValues, n);
      const { table: kept, dropped } = dropRepeatedKeys(
        table,
        meta.tables.find((t) => t.name === pl.name)!.primaryKey,
      );
      if (dropped)
        notes.push(`table "${pl.name}": ${dropped} of ${n} rows dropped to keep the primary key unique`);
      const keepRows = dropped
        ? keptRows(table, meta.tables.find((t) => t.name === pl.name)!.primaryKey!)
        : null;
      out[pl.name] = kept;
      const w = new Table(
        [
          ...attrs.columns.filter(
            (c) => !c.name.startsWith('__group:') && MODELLED.has(c.kind) && !c.name.startsWith('__length'),
          ),
        ],
        n,
      );
      const kw = keepRows ? w.take(keepRows) : w;
      for (const c of pl.counts)
        matchCounts((kw.column(c.column) as { values: Float64Array }).values, c.v, c.c, r);
      work.set(pl.name, kw);
    });
    opts.onProgress?.({ phase: 'sample', done: this.plans.length, total: this.plans.length });
    return { tables: out, notes };
  }

  private contextNames(pl: TablePlan, ent: Table): string[] {
    return pl.entity!.context.filter((c) => ent.has(c) && MODELLED.has(ent.column(c).kind));
  }

  /** The child's foreign-key columns from the parent rows `rows` (-1 = missing). */
  private copyParentKey(f: ForeignKey, parent: Table, rows: Int32Array, into: Map<string, Column>): void {
    const pk = this.metadata.tables.find((t) => t.name === f.parent)!.primaryKey!;
    for (const pc of pk) {
      const childCol = f.columns[f.parentColumns.indexOf(pc)];
      into.set(childCol, takeAny(parent.column(pc), rows, childCol));
    }
  }

  /**
   * Links each child row to a row of a further parent: from the group the row drew, each parent row offering
   * about as many slots as its own drawn count (scaled to the number of rows to link).
   */
  private link(
    s: SecondaryPlan,
    f: ForeignKey,
    attrs: Table,
    parentWork: Table,
    primaryOf: Int32Array,
    keys: Map<string, Column>,
    pl: TablePlan,
    rng: Rng,
    primaryWork?: Table,
  ): Int32Array {
    if (s.perPair && !s.unique && primaryWork)
      return this.linkInTime(s, f, attrs, parentWork, primaryOf, rng, primaryWork);
    const n = attrs.nRows;
    const want = n ? (attrs.column(s.groupColumn) as { codes: Int32Array }).codes : new Int32Array(0);
    const m = parentWork.nRows;
    const groups = assignGroups(parentWork, s.grouping);
    const cap = (parentWork.column(countName(f)) as { values: Float64Array }).values;
    let toLink = 0;
    for (const g of want) if (g >= 0) toLink++;
    let total = 0;
    for (const c of cap) total += c > 0 ? c : 0;
    const slots: number[][] = Array.from({ length: s.grouping.k }, () => []);
    for (let j = 0; j < m; j++) {
      const c = total > 0 ? ((cap[j] > 0 ? cap[j] : 0) * toLink) / total : toLink / Math.max(1, m);
      let k = Math.floor(c);
      if (rng.float() < c - k) k++;
      for (let q = 0; q < k; q++) slots[groups[j]].push(j);
    }
    for (const g of slots) rng.shuffle(g);
    const out = new Int32Array(n).fill(-1);
    const used = s.unique ? new Set<string>() : null;
    const others = pl.secondary.filter((x) => x.fk < s.fk).map((x) => this.metadata.foreignKeys[x.fk]);
    const prefix = (i: number) =>
      `${primaryOf[i]}|${others.map((o) => keyTexts(keys.get(o.columns[0])!)[i]).join('|')}`;
    const order = rng.permutation(n);
    const weights = Float64Array.from(cap, (c) => (c > 0 ? c : 0) + 1e-9);
    for (const i of order) {
      const g = want[i];
      if (g < 0) continue;
      let pick = -1;
      const tryGroup = (list: number[]): boolean => {
        for (let q = list.length - 1; q >= 0 && q >= list.length - 25; q--) {
          const j = list[q];
          if (used && used.has(`${prefix(i)}|${j}`)) continue;
          list[q] = list[list.length - 1];
          list.pop();
          pick = j;
          return true;
        }
        return false;
      };
      if (!tryGroup(slots[g])) {
        for (let d = 1; d < s.grouping.k && pick < 0; d++) tryGroup(slots[(g + d) % s.grouping.k]);
      }
      if (pick < 0) {
        for (let tries = 0; tries < 50 && pick < 0; tries++) {
          const j = drawWeighted(weights, rng);
          if (!used || !used.has(`${prefix(i)}|${j}`)) pick = j;
        }
      }
      if (pick < 0) continue;
      out[i] = pick;
      used?.add(`${prefix(i)}|${pick}`);
    }
    return out;
  }

  /**
   * Links like `link`, each parent row taking its children from consecutive primary parent rows: the children of
   * each group in order of their primary row (by its first datetime column, else by row), dealt in turn to an
   * active set of parent rows sized so that each takes about `perPair` children per primary row; a parent row
   * whose slots are used up is replaced by the next one (by its own first datetime column, else its era, else at
   * random). With `s.follow`, the children of each primary row are then re-dealt among the parent rows chosen
   * for it by rank (`followRanks`).
   */
  private linkInTime(
    s: SecondaryPlan,
    f: ForeignKey,
    attrs: Table,
    parentWork: Table,
    primaryOf: Int32Array,
    rng: Rng,
    primaryWork: Table,
  ): Int32Array {
    const n = attrs.nRows;
    const want = n ? (attrs.column(s.groupColumn) as { codes: Int32Array }).codes : new Int32Array(0);
    const m = parentWork.nRows;
    const groups = assignGroups(parentWork, s.grouping);
    const cap = (parentWork.column(countName(f)) as { values: Float64Array }).values;
    const timeOf = (t: Table): Float64Array | null => {
      const c = t.columns.find((x) => x.kind === 'datetime') ?? (t.has(ERA) ? t.column(ERA) : undefined);
      return c ? (c as { values: Float64Array }).values : null;
    };
    const pt = timeOf(primaryWork);
    const st = timeOf(parentWork);
    let toLink = 0;
    for (const g of want) if (g >= 0) toLink++;
    let total = 0;
    for (const c of cap) total += c > 0 ? c : 0;
    const slots = new Int32Array(m);
    for (let j = 0; j < m; j++) {
      const c = total > 0 ? ((cap[j] > 0 ? cap[j] : 0) * toLink) / total : toLink / Math.max(1, m);
      let k = Math.floor(c);
      if (rng.float() < c - k) k++;
      slots[j] = k;
    }
    const jitter = Float64Array.from({ length: Math.max(m, primaryWork.nRows) }, () => rng.float());
    const key = (t: Float64Array | null, i: number) => (t && !Number.isNaN(t[i]) ? t[i] : Infinity);
    const out = new Int32Array(n).fill(-1);
    const weights = Float64Array.from(cap, (c) => (c > 0 ? c : 0) + 1e-9);
    const overflow: number[] = []; // children whose group ran out of slots: the slots left in other groups
    const fc = s.follow && attrs.has(s.follow.column) ? attrs.column(s.follow.column) : null;
    const follow = fc && fc.kind === 'numeric' ? fc.values : null;
    const rankSum = new Float64Array(m);
    const rankN = new Int32Array(m);
    // its own stream (seeded from a draw already made), so following moves no later draw
    const followRng = new Rng(Math.floor((jitter[0] ?? 0) * 2 ** 31));
    for (let g = 0; g < s.grouping.k; g++) {
      const kids: number[] = [];
      for (let i = 0; i < n; i++) if (want[i] === g) kids.push(i);
      if (!kids.length) continue;
      kids.sort(
        (a, b) =>
          key(pt, primaryOf[a]) - key(pt, primaryOf[b]) ||
          jitter[primaryOf[a]] - jitter[primaryOf[b]] ||
          primaryOf[a] - primaryOf[b] ||
          a - b,
      );
      const queue: number[] = [];
      for (let j = 0; j < m; j++) if (groups[j] === g && slots[j] > 0) queue.push(j);
      queue.sort((a, b) => key(st, a) - key(st, b) || jitter[a] - jitter[b]);
      let primaries = 1;
      for (let q = 1; q < kids.length; q++) if (primaryOf[kids[q]] !== primaryOf[kids[q - 1]]) primaries++;
      const size = Math.max(1, Math.round(kids.length / primaries / s.perPair!));
      const active: number[] = [];
      let next = 0;
      let turn = 0;
      for (const i of kids) {
        while (active.length < size && next < queue.length) active.push(queue[next++]);
        if (!active.length) {
          overflow.push(i);
          continue;
        }
        turn %= active.length;
        const j = active[turn];
        out[i] = j;
        if (--slots[j] <= 0) active.splice(turn, 1);
        else turn++;
      }
      if (follow) this.followRanks(kids, primaryOf, out, follow, rankSum, rankN, followRng);
    }
    const pool: number[] = [];
    for (let j = 0; j < m; j++) for (let q = 0; q < slots[j]; q++) pool.push(j);
    rng.shuffle(pool);
    for (const i of overflow) out[i] = pool.length ? pool.pop()! : drawWeighted(weights, rng);
    return out;
  }

  /**
   * Re-deals, within each primary row (in the order of `kids`), the parent rows `linkInTime` chose among that
   * row's children: children sorted by `values`, parent rows by the mean rank (u in (0, 1)) of their earlier
   * children (a row without any at a uniform random place), matched in order. Each parent row keeps its number of
   * children; children without a value keep their parent row.
   */
  private followRanks(
    kids: readonly number[],
    primaryOf: Int32Array,
    out: Int32Array,
    values: Float64Array,
    rankSum: Float64Array,
    rankN: Int32Array,
    rng: Rng,
  ): void {
    for (let q = 0; q < kids.length;) {
      let e = q;
      while (e < kids.length && primaryOf[kids[e]] === primaryOf[kids[q]]) e++;
      const block = kids.slice(q, e).filter((i) => out[i] >= 0 && values[i] === values[i]);
      q = e;
      if (!block.length) continue;
      const tie = new Map(block.map((i) => [i, rng.float()]));
      block.sort((a, b) => values[a] - values[b] || tie.get(a)! - tie.get(b)!);
      const parents = block.map((i) => out[i]);
      const key = new Map<number, number>();
      for (const j of parents)
        if (!key.has(j)) key.set(j, rankN[j] ? rankSum[j] / rankN[j] + 1e-9 * rng.float() : rng.float());
      parents.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
      block.forEach((i, r) => {
        const j = parents[r];
        out[i] = j;
        rankSum[j] += (r + 0.5) / block.length;
        rankN[j]++;
      });
    }
  }

  /** The output table in the input's column order. */
  private assemble(pl: TablePlan, attrs: Table, keys: Map<string, Column>, n: number): Table {
    const spec = this.metadata.tables.find((t) => t.name === pl.name)!;
    const pk = spec.primaryKey ?? [];
    // key parts neither copied from a parent nor drawn by the model (a sequence's order column is drawn)
    const own = pk.filter((c) => !keys.has(c) && !attrs.has(c));
    const cols: Column[] = [];
    // counters for the own parts of a composite key, within the group of the other parts
    let counters: Int32Array | null = null;
    if (own.length && pk.length > own.length) {
      const groupKey = rowKeysOf(
        pk.filter((c) => keys.has(c)).map((c) => keys.get(c)!),
        n,
      );
      const next = new Map<string, number>();
      counters = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const k = groupKey[i];
        const v = (next.get(k) ?? 0) + 1;
        next.set(k, v);
        counters[i] = v;
      }
    }
    for (const c of pl.columns) {
      if (keys.has(c.name)) {
        cols.push(keys.get(c.name)!);
        continue;
      }
      if (own.includes(c.name)) {
        cols.push(counters ? counterColumn(c, counters) : freshKey(c, n));
        continue;
      }
      if (attrs.has(c.name)) {
        cols.push(attrs.column(c.name));
        continue;
      }
      if (c.kind === 'id') cols.push(syntheticIdColumn(c.name, n, c.idStyle ?? 'prefixed'));
      else if (c.kind === 'text') cols.push(emptyTextColumn(c.name, n));
      else cols.push(missingColumn(c, n));
    }
    return new Table(cols, n);
  }

  toJSON(): RelationalModelFile {
    return {
      format: 'lookalike-relational-model',
      version: 1,
      createdAt: new Date().toISOString(),
      metadata: relationalMetadataToJSON(this.metadata),
      privacy: this.privacy,
      tables: this.plans,
    };
  }
}

/**
 * Maps drawn child counts (in place) onto the real distribution of children per parent, keeping their order: the
 * parent with the k-th smallest drawn count (ties in random order) gets the real distribution's quantile at
 * (k + ½) / n. The model decides which parents have many children (it draws counts jointly with the parent's
 * columns); the real distribution decides how many, so a small parent table does not carry its sampling noise
 * down to every descendant, and at scale 1 each table has exactly its real number of rows.
 */
function matchCounts(drawn: Float64Array, v: readonly number[], c: readonly number[], rng: Rng): void {
  const n = drawn.length;
  if (n === 0 || v.length === 0) return;
  const jitter = Float64Array.from({ length: n }, () => rng.float());
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) =>
      (drawn[a] === drawn[a] ? drawn[a] : -1) - (drawn[b] === drawn[b] ? drawn[b] : -1) ||
      jitter[a] - jitter[b],
  );
  let total = 0;
  for (const x of c) total += x;
  let k = 0,
    acc = c[0];
  for (let q = 0; q < n; q++) {
    const at = ((q + 0.5) / n) * total;
    while (at > acc && k < v.length - 1) acc += c[++k];
    drawn[order[q]] = v[k];
  }
}

function drawWeighted(w: Float64Array, rng: Rng): number {
  let t = 0;
  for (const x of w) t += x;
  let u = rng.float() * t;
  for (let j = 0; j < w.length; j++) {
    u -= w[j];
    if (u < 0) return j;
  }
  return w.length - 1;
}

function rowKeysOf(cols: readonly Column[], n: number): string[] {
  const texts = cols.map(keyTexts);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = texts.map((t) => t[i] ?? '').join('\u001f');
  return out;
}

/** Column `c` with rows picked by `rows` (-1 → missing), renamed; any kind. */
function takeAny(c: Column, rows: Int32Array, name = c.name): Column {
  const n = rows.length;
  switch (c.kind) {
    case 'numeric':
    case 'datetime': {
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = rows[i] < 0 ? NaN : c.values[rows[i]];
      return { ...c, name, values: v };
    }
    case 'boolean': {
      const v = new Int8Array(n);
      for (let i = 0; i < n; i++) v[i] = rows[i] < 0 ? -1 : c.values[rows[i]];
      return { ...c, name, values: v };
    }
    case 'categorical': {
      const v = new Int32Array(n);
      for (let i = 0; i < n; i++) v[i] = rows[i] < 0 ? -1 : c.codes[rows[i]];
      return { ...c, name, codes: v };
    }
    case 'id':
    case 'text': {
      const v = new Array<string | null>(n);
      for (let i = 0; i < n; i++) v[i] = rows[i] < 0 ? null : c.values[rows[i]];
      return { ...c, name, values: v };
    }
  }
}

/** Fresh key values 1…n in the style of the input column. */
function freshKey(c: KeyColumnPlan, n: number): Column {
  return counterColumn(
    c,
    Int32Array.from({ length: n }, (_, i) => i + 1),
  );
}

function counterColumn(c: KeyColumnPlan, values: Int32Array): Column {
  const n = values.length;
  if (c.kind === 'numeric')
    return { kind: 'numeric', name: c.name, values: Float64Array.from(values), integer: true };
  const prefixed = c.idStyle !== 'integer';
  const texts = Array.from(values, (v) => (prefixed ? `syn-${v}` : String(v)));
  if (c.kind === 'categorical') {
    const cats = [...new Set(texts)];
    const at = new Map(cats.map((s, i) => [s, i]));
    return {
      kind: 'categorical',
      name: c.name,
      codes: Int32Array.from(texts, (s) => at.get(s)!),
      categories: cats,
    };
  }
  if (c.kind === 'text') return { kind: 'text', name: c.name, values: texts };
  if (c.kind === 'datetime' || c.kind === 'boolean')
    return { kind: 'numeric', name: c.name, values: Float64Array.from(values), integer: true };
  return { kind: 'id', name: c.name, values: texts.slice(0, n) };
}

function missingColumn(c: KeyColumnPlan, n: number): Column {
  switch (c.kind) {
    case 'numeric':
      return {
        kind: 'numeric',
        name: c.name,
        values: new Float64Array(n).fill(NaN),
        integer: c.integer ?? false,
      };
    case 'datetime':
      return {
        kind: 'datetime',
        name: c.name,
        values: new Float64Array(n).fill(NaN),
        format: c.format ?? 'ISO',
      };
    case 'boolean':
      return { kind: 'boolean', name: c.name, values: new Int8Array(n).fill(-1) };
    case 'categorical':
      return { kind: 'categorical', name: c.name, codes: new Int32Array(n).fill(-1), categories: [] };
    default:
      return { kind: c.kind, name: c.name, values: new Array<string | null>(n).fill(null) };
  }
}

function keptRows(t: Table, pk: readonly string[]): Int32Array {
  const { keys } = rowKeys(t, pk);
  const seen = new Set<string>();
  const keep: number[] = [];
  keys.forEach((k, i) => {
    if (k === null || seen.has(k)) return;
    seen.add(k);
    keep.push(i);
  });
  return Int32Array.from(keep);
}

function dropRepeatedKeys(t: Table, pk: readonly string[] | undefined): { table: Table; dropped: number } {
  if (!pk?.length) return { table: t, dropped: 0 };
  const keep = keptRows(t, pk);
  return keep.length === t.nRows
    ? { table: t, dropped: 0 }
    : { table: t.take(keep), dropped: t.nRows - keep.length };
}

/**
 * Rebuilds a relational model from its file, validating the metadata and every table model in it; a file written
 * by `fitRelationalDp` gives its DP model (dp.ts).
 */
export function loadRelationalModel(
  json: unknown,
  source = 'relational model file',
): RelationalModel | RelationalDpModel {
  if (typeof json !== 'object' || json === null)
    throw new LookalikeError(`${source} is not a relational model`);
  if ((json as { format?: unknown }).format === 'lookalike-relational-dp-model')
    return loadRelationalDpModel(json, source);
  const f = json as Partial<RelationalModelFile>;
  const p = new ProblemList();
  if (f.format !== 'lookalike-relational-model') p.add('"format" must be "lookalike-relational-model"');
  if (f.version !== 1) p.add('"version" must be 1');
  if (!Array.isArray(f.tables)) p.add('"tables" must be a list of table plans');
  p.throwIfAny(`${source} is not a valid relational model:`);
  const meta = parseRelationalMetadata(f.metadata, `${source}: metadata`);
  const names = new Set(meta.tables.map((t) => t.name));
  for (const t of f.tables!) {
    if (typeof t !== 'object' || t === null || typeof t.name !== 'string' || !names.has(t.name)) {
      p.add('a table plan names no table of the metadata');
      continue;
    }
    if (!['root', 'child', 'sequence'].includes(t.role)) p.add(`table "${t.name}": unknown role`);
    if (!Array.isArray(t.columns) || !Array.isArray(t.counts) || !Array.isArray(t.secondary))
      p.add(`table "${t.name}": columns, counts and secondary must be lists`);
    if (
      t.primary !== null &&
      !(Number.isInteger(t.primary) && t.primary >= 0 && t.primary < meta.foreignKeys.length)
    )
      p.add(`table "${t.name}": primary must name a foreign key`);
  }
  const order = topologicalOrder(meta);
  if (f.tables!.length !== meta.tables.length || f.tables!.some((t, i) => t?.name !== order[i]))
    p.add('the table plans must list every table once, parents before children');
  p.throwIfAny(`${source} is not a valid relational model:`);
  try {
    return new RelationalModel(meta, f.tables as TablePlan[]);
  } catch (e) {
    if (e instanceof LookalikeError)
      throw new LookalikeError(`${source} is not a valid relational model:`, [e.message]);
    throw e;
  }
}
