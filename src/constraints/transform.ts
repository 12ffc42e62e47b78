import * as randexpModule from 'randexp';
import type { Column } from '../table/column.js';
import { datetimeCodec } from '../table/datetime.js';
import type { ColumnSpec, DomainSource, Schema } from '../table/schema.js';
import { isCategoricalDomain, isDatetimeDomain, isNumericDomain } from '../table/schema.js';
import { Table, cellValue, type Cell } from '../table/table.js';
import type { Rng } from '../random/rng.js';
import { LookalikeError } from '../errors.js';
import { comboKey, declaredCombo } from './check.js';
import { boundValue, ruleLabel } from './parse.js';
import type { Rule } from './types.js';

/**
 * Enforcement by construction: the rules a synthesizer cannot break because the table it models does not let it.
 *
 * - **fixed combinations** and **one-hot groups** are merged into one categorical column whose categories are the
 *   allowed combinations (declared, or — outside DP — seen) or the group's columns; split back after sampling.
 * - **inequalities** `low ≤ high` are reparameterised (except for the synthesizers that make them structural zeros
 *   of their model, `PlanOptions.orderZeros`): one side (the *base*, a column without missing values) is
 *   modelled as it is, the other as the non-negative gap to it, and rebuilt as base ± max(gap, step) after
 *   sampling (step = 1 for a strict inequality between integers or datetimes, else 0). A column is rebuilt by at
 *   most one inequality; the others are checked.
 * - **computed columns** (`linear`, `ratio`) are not modelled; they are computed after sampling.
 * - **ranges** narrow the domain of the column (a public fact: DP discretisers then never produce a value outside).
 * - **rounding** and **formats** are applied after sampling (formats by generating strings from the pattern).
 *
 * Everything else — and everything above, as a final guarantee — is checked after sampling and the rows breaking a
 * rule are drawn again (constraints/model.ts). The plan is a JSON value stored in the model file.
 */
export interface MergeStep {
  readonly kind: 'combo' | 'one-hot';
  readonly rule: number;
  readonly name: string;
  readonly columns: readonly string[];
  /** combo: `comboKey` of each allowed combination; one-hot: the column that is on ("" for none). */
  readonly categories: readonly string[];
  /** Whether the combinations are declared in the rule (public) or were seen in the data. */
  readonly declared: boolean;
}

export interface GapStep {
  readonly rule: number;
  /** derived = base + sign · gap, gap ≥ step. */
  readonly derived: string;
  readonly base: string;
  readonly sign: 1 | -1;
  readonly step: number;
}

export interface ComputeStep {
  readonly rule: number;
  readonly column: string;
}

export interface ConstraintPlan {
  readonly rules: readonly Rule[];
  readonly merges: readonly MergeStep[];
  readonly gaps: readonly GapStep[];
  /** In dependency order. */
  readonly computed: readonly ComputeStep[];
  /** Schema of the table the synthesizer models. */
  readonly modelSchema: Schema;
}

export interface PlanOptions {
  /** A DP fit: combinations must be declared; nothing is read off the data. */
  readonly dp: boolean;
  /** The (rule-abiding) training table, to collect seen combinations in a non-DP fit. */
  readonly table?: Table;
  /**
   * The synthesizer makes structural zeros of an order between two columns (the DP-marginal ones: `forbidden`
   * regions, constraints/zeros.ts): inequalities are then not reparameterised — both sides are modelled as they are,
   * the pairs of bins past the diagonal are zeros of the model, and the rows drawn across it are checked and redrawn.
   */
  readonly orderZeros?: boolean;
}

const NONE = '';

/** randexp is CommonJS: its class is the module's default export under Node and bundlers alike. */
type RandExpLike = { max: number; randInt: (a: number, b: number) => number; gen(): string };
type RandExpCtor = new (pattern: string) => RandExpLike;
const RandExp: RandExpCtor =
  (randexpModule as unknown as { default?: RandExpCtor }).default ??
  (randexpModule as unknown as RandExpCtor);

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}#${i}`;
  taken.add(name);
  return name;
}

function combineSources(a: DomainSource | undefined, b: DomainSource | undefined): DomainSource {
  if (a === 'inferred' || b === 'inferred' || !a || !b) return 'inferred';
  return a === 'dp' || b === 'dp' ? 'dp' : 'public';
}

/** Numeric bounds of an ordered column's domain (datetimes in ms), or null. */
function domainBounds(spec: ColumnSpec): { min: number; max: number; source: DomainSource } | null {
  const d = spec.domain;
  if (isNumericDomain(d)) return { min: d.min, max: d.max, source: d.source };
  if (isDatetimeDomain(d)) {
    const c = datetimeCodec(spec.format ?? 'ISO');
    return { min: c.parse(d.min), max: c.parse(d.max), source: d.source };
  }
  return null;
}

/** Work out how each rule is enforced by construction, and the schema of the modelled table. */
export function planConstraints(rules: readonly Rule[], schema: Schema, opts: PlanOptions): ConstraintPlan {
  const specs = new Map(schema.columns.map((c) => [c.name, c]));
  const taken = new Set(schema.columns.map((c) => c.name));
  const problems: string[] = [];
  const merges: MergeStep[] = [];
  const computed: ComputeStep[] = [];
  const gaps: GapStep[] = [];
  const busy = new Set<string>(); // merged or computed: not available as a base or derived side
  rules.forEach((r, i) => {
    if (r.type === 'fixed-combinations') {
      let categories: string[];
      if (r.combinations)
        categories = r.combinations.map((c) => comboKey(declaredCombo(schema, r.columns, c)));
      else if (opts.dp) {
        problems.push(
          `${ruleLabel(rules, r)} lists no combinations: a DP fit cannot read them off the private rows; declare them in the rule ("combinations": [[...], ...])`,
        );
        categories = [];
      } else {
        if (!opts.table)
          throw new LookalikeError('internal: seen combinations need the table', [], 'internal');
        const cols = r.columns.map((c) => opts.table!.column(c));
        const seen = new Set<string>();
        for (let k = 0; k < opts.table.nRows; k++) seen.add(comboKey(cols.map((c) => cellValue(c, k))));
        categories = [...seen].sort();
      }
      merges.push({
        kind: 'combo',
        rule: i,
        name: uniqueName(r.columns.join('+'), taken),
        columns: r.columns,
        categories,
        declared: !!r.combinations,
      });
      r.columns.forEach((c) => busy.add(c));
    } else if (r.type === 'one-hot') {
      const categories = [...r.columns, ...(r.exactlyOne === false ? [NONE] : [])];
      merges.push({
        kind: 'one-hot',
        rule: i,
        name: uniqueName(r.columns.join('|'), taken),
        columns: r.columns,
        categories,
        declared: true,
      });
      r.columns.forEach((c) => busy.add(c));
    } else if (r.type === 'linear' || r.type === 'ratio') {
      computed.push({ rule: i, column: r.column });
      busy.add(r.column);
    }
  });
  if (problems.length) throw new LookalikeError('the rules cannot be used for this fit:', problems, 'input');
  // computed columns in dependency order
  const inputs = new Map(
    computed.map((c) => {
      const r = rules[c.rule];
      return [
        c.column,
        r.type === 'linear' ? Object.keys(r.terms) : r.type === 'ratio' ? [r.numerator, r.denominator] : [],
      ];
    }),
  );
  const ordered: ComputeStep[] = [];
  const placed = new Set<string>();
  while (ordered.length < computed.length) {
    const next = computed.find(
      (c) => !placed.has(c.column) && inputs.get(c.column)!.every((x) => !inputs.has(x) || placed.has(x)),
    );
    if (!next) break; // cycles are refused by parseRules
    ordered.push(next);
    placed.add(next.column);
  }
  // inequalities: reparameterise where a side can be rebuilt from a complete base, without cycles
  const derivedFrom = new Map<string, string>();
  const reaches = (from: string, to: string): boolean => {
    for (let x: string | undefined = from; x !== undefined; x = derivedFrom.get(x)) if (x === to) return true;
    return false;
  };
  rules.forEach((r, i) => {
    if (r.type !== 'inequality' || opts.orderZeros) return;
    const low = specs.get(r.low)!;
    const high = specs.get(r.high)!;
    if (busy.has(low.name) || busy.has(high.name)) return;
    const integerLike = low.kind === 'datetime' ? 0 : low.integer && high.integer ? 1 : 0;
    const step = r.strict ? (low.kind === 'datetime' ? datetimeStep(low, high) : integerLike) : 0;
    const tryDerive = (derived: ColumnSpec, base: ColumnSpec, sign: 1 | -1) => {
      if (base.nullable || derivedFrom.has(derived.name) || reaches(base.name, derived.name)) return false;
      derivedFrom.set(derived.name, base.name);
      gaps.push({ rule: i, derived: derived.name, base: base.name, sign, step });
      return true;
    };
    if (!tryDerive(high, low, 1)) tryDerive(low, high, -1);
  });
  // gaps in dependency order: a base rebuilt first
  const gapOrder: GapStep[] = [];
  const done = new Set<string>();
  while (gapOrder.length < gaps.length) {
    const g = gaps.find((x) => !done.has(x.derived) && (!derivedFrom.has(x.base) || done.has(x.base)))!;
    gapOrder.push(g);
    done.add(g.derived);
  }
  return {
    rules,
    merges,
    gaps: gapOrder,
    computed: ordered,
    modelSchema: modelSchemaOf(schema, rules, merges, gapOrder, ordered),
  };
}

/** The smallest positive step of a strict datetime inequality: one unit of the coarser format (a day for dates). */
function datetimeStep(a: ColumnSpec, b: ColumnSpec): number {
  const fine = (f: string | undefined) => (f && /H|m|s|S/.test(f.replace('MMM', '')) ? 1 : 86_400_000);
  return Math.max(fine(a.format), fine(b.format)) === 86_400_000 &&
    !(a.format === 'ISO' || b.format === 'ISO')
    ? 86_400_000
    : 1;
}

function modelSchemaOf(
  schema: Schema,
  rules: readonly Rule[],
  merges: readonly MergeStep[],
  gaps: readonly GapStep[],
  computed: readonly ComputeStep[],
): Schema {
  const specs = new Map(schema.columns.map((c) => [c.name, c]));
  const mergedInto = new Map<string, MergeStep>();
  for (const m of merges) for (const c of m.columns) mergedInto.set(c, m);
  const isComputed = new Set(computed.map((c) => c.column));
  const gapOf = new Map(gaps.map((g) => [g.derived, g]));
  const out: ColumnSpec[] = [];
  const emitted = new Set<MergeStep>();
  for (const spec of schema.columns) {
    const m = mergedInto.get(spec.name);
    if (m) {
      if (emitted.has(m)) continue;
      emitted.add(m);
      const members = m.columns.map((c) => specs.get(c)!);
      const role = members.some((s) => s.role === 'target') ? ('target' as const) : undefined;
      const source: DomainSource = m.kind === 'one-hot' || m.declared ? 'public' : 'inferred';
      out.push({
        name: m.name,
        kind: 'categorical',
        nullable: false,
        ...(role ? { role } : {}),
        domain: { categories: [...m.categories], source },
      });
      continue;
    }
    if (isComputed.has(spec.name)) continue;
    const g = gapOf.get(spec.name);
    if (g) {
      const base = specs.get(g.base)!;
      const datetime = spec.kind === 'datetime';
      const b = domainBounds(base);
      const d = domainBounds(spec);
      const gapSpec: ColumnSpec = {
        name: spec.name,
        kind: 'numeric',
        integer: datetime || (!!spec.integer && !!base.integer),
        ...(spec.nullable ? { nullable: true } : {}),
        ...(!datetime && (spec.decimals !== undefined || base.decimals !== undefined)
          ? { decimals: Math.max(spec.decimals ?? 0, base.decimals ?? 0) }
          : {}),
      };
      if (b && d) {
        const max = g.sign === 1 ? d.max - b.min : b.max - d.min;
        out.push({
          ...gapSpec,
          domain: { min: g.step, max: Math.max(g.step, max), source: combineSources(b.source, d.source) },
        });
      } else out.push(gapSpec);
      continue;
    }
    out.push(narrowed(spec, rules));
  }
  return { ...schema, columns: out };
}

/** A column's domain narrowed by the unconditional ranges on it (a public fact; the source stays the domain's). */
function narrowed(spec: ColumnSpec, rules: readonly Rule[]): ColumnSpec {
  const b = domainBounds(spec);
  if (!b) return spec;
  let { min, max } = b;
  for (const r of rules) {
    if (r.type !== 'range' || r.column !== spec.name) continue;
    const a = boundValue(spec, r.min);
    const z = boundValue(spec, r.max);
    const step = spec.kind === 'numeric' && spec.integer ? 1 : 0;
    if (a !== undefined) min = Math.max(min, r.strictMin ? a + step : a);
    if (z !== undefined) max = Math.min(max, r.strictMax ? z - step : z);
  }
  if (min === b.min && max === b.max) return spec;
  if (min > max) return spec; // contradictions are reported by parseRules; data outside is dropped anyway
  if (spec.kind === 'datetime') {
    const c = datetimeCodec(spec.format ?? 'ISO');
    return { ...spec, domain: { min: c.format_(min), max: c.format_(max), source: b.source } };
  }
  const d = spec.domain;
  const bins = isNumericDomain(d) && d.bins ? d.bins.filter((e) => e > min && e < max) : undefined;
  return {
    ...spec,
    domain: { min, max, ...(bins ? { bins: [min, ...bins, max] } : {}), source: b.source },
  };
}

/** The table a synthesizer models: merged columns, gaps for rebuilt sides, computed columns dropped. */
export function toModelTable(table: Table, plan: ConstraintPlan): Table {
  const cols: Column[] = [];
  const byName = new Map<string, Column>();
  for (const m of plan.merges) {
    const members = m.columns.map((c) => table.column(c));
    const index = new Map(m.categories.map((k, i) => [k, i]));
    const codes = new Int32Array(table.nRows);
    for (let i = 0; i < table.nRows; i++) {
      if (m.kind === 'combo') codes[i] = index.get(comboKey(members.map((c) => cellValue(c, i)))) ?? -1;
      else {
        const on = members.findIndex((c) => truthOf(c, i) === 1);
        codes[i] = index.get(on < 0 ? NONE : m.columns[on]) ?? -1;
      }
    }
    byName.set(m.name, { kind: 'categorical', name: m.name, codes, categories: [...m.categories] });
  }
  for (const g of plan.gaps) {
    const d = table.column(g.derived) as { values: Float64Array };
    const b = table.column(g.base) as { values: Float64Array };
    const v = new Float64Array(table.nRows);
    for (let i = 0; i < v.length; i++) v[i] = g.sign * (d.values[i] - b.values[i]);
    const spec = plan.modelSchema.columns.find((c) => c.name === g.derived)!;
    byName.set(g.derived, { kind: 'numeric', name: g.derived, values: v, integer: !!spec.integer });
  }
  for (const spec of plan.modelSchema.columns) cols.push(byName.get(spec.name) ?? table.column(spec.name));
  return new Table(cols, table.nRows);
}

function truthOf(c: Column, i: number): number {
  if (c.kind === 'boolean') return c.values[i];
  if (c.kind === 'numeric') return Number.isNaN(c.values[i]) ? -1 : c.values[i] === 1 ? 1 : 0;
  return -1;
}

/**
 * A modelled sample back in the user's columns: merged columns split, rebuilt sides from their gaps, computed
 * columns computed, rounding applied (formats: `applyFormats`, once over the whole sample).
 */
export function fromModelTable(sample: Table, plan: ConstraintPlan, schema: Schema): Table {
  const n = sample.nRows;
  const cols = new Map<string, Column>();
  for (const c of sample.columns) cols.set(c.name, c);
  const specs = new Map(schema.columns.map((c) => [c.name, c]));
  for (const m of plan.merges) {
    const merged = sample.column(m.name);
    if (merged.kind !== 'categorical')
      throw new LookalikeError(`internal: merged column "${m.name}" is not categorical`, [], 'internal');
    cols.delete(m.name);
    // per category of the sample: the member cells it stands for
    const cells: (Cell[] | null)[] = merged.categories.map((label) => {
      if (m.kind === 'combo') {
        try {
          const v = JSON.parse(label) as Cell[];
          return Array.isArray(v) && v.length === m.columns.length ? v : null;
        } catch {
          return null;
        }
      }
      return m.columns.map((c) => c === label);
    });
    m.columns.forEach((name, j) => {
      const spec = specs.get(name)!;
      const values = cells.map((c) => (c ? c[j] : null));
      cols.set(name, memberColumn(spec, merged.codes, values, m.kind === 'one-hot'));
    });
  }
  for (const g of plan.gaps) {
    const gap = cols.get(g.derived) as { values: Float64Array };
    const base = cols.get(g.base) as { values: Float64Array };
    const spec = specs.get(g.derived)!;
    const v = new Float64Array(n);
    const codec = spec.kind === 'datetime' ? datetimeCodec(spec.format ?? 'ISO') : null;
    const f =
      spec.kind === 'numeric' && !spec.integer && spec.decimals !== undefined ? 10 ** spec.decimals : 0;
    for (let i = 0; i < n; i++) {
      const x = gap.values[i];
      let y = base.values[i] + g.sign * Math.max(x, g.step);
      if (codec && y === y) {
        const r = codec.parse(codec.format_(y));
        // rounding to the format must not cross the base
        y = g.sign * (r - base.values[i]) >= g.step ? r : y;
      } else if (f && y === y) y = Math.round(y * f) / f;
      v[i] = x === x ? y : NaN;
    }
    cols.set(
      g.derived,
      spec.kind === 'datetime'
        ? { kind: 'datetime', name: g.derived, values: v, format: spec.format ?? 'ISO' }
        : { kind: 'numeric', name: g.derived, values: v, integer: !!spec.integer },
    );
  }
  for (const c of plan.computed) {
    const r = plan.rules[c.rule];
    const spec = specs.get(c.column)!;
    const v = new Float64Array(n);
    const get = (name: string) => (cols.get(name) as { values: Float64Array }).values;
    if (r.type === 'linear') {
      v.fill(r.constant ?? 0);
      for (const [t, k] of Object.entries(r.terms)) {
        const x = get(t);
        for (let i = 0; i < n; i++) v[i] += k * x[i];
      }
    } else if (r.type === 'ratio') {
      const a = get(r.numerator);
      const b = get(r.denominator);
      for (let i = 0; i < n; i++) v[i] = b[i] !== 0 ? a[i] / b[i] : NaN;
    }
    if (spec.integer) for (let i = 0; i < n; i++) v[i] = Math.round(v[i]);
    else if (spec.decimals !== undefined) {
      const f = 10 ** spec.decimals;
      for (let i = 0; i < n; i++) v[i] = Math.round(v[i] * f) / f;
    }
    cols.set(c.column, { kind: 'numeric', name: c.column, values: v, integer: !!spec.integer });
  }
  for (const r of plan.rules) {
    if (r.type === 'rounding') {
      const col = cols.get(r.column);
      if (col?.kind !== 'numeric') continue;
      const off = r.offset ?? 0;
      const v = Float64Array.from(col.values, (x) =>
        x === x ? off + r.unit * Math.round((x - off) / r.unit) : x,
      );
      cols.set(r.column, { ...col, values: v });
    }
  }
  return new Table(
    schema.columns.map((s) => cols.get(s.name)!),
    n,
  );
}

/** Formatted id/text columns generated from their patterns over the whole sample (distinct for ids and unique columns). */
export function applyFormats(table: Table, plan: ConstraintPlan, schema: Schema, rng: Rng): Table {
  let t = table;
  for (const r of plan.rules) {
    if (r.type !== 'format') continue;
    const spec = schema.columns.find((c) => c.name === r.column)!;
    const unique = spec.kind === 'id' || plan.rules.some((u) => u.type === 'unique' && u.column === r.column);
    t = t.withColumn(formattedColumn(spec, r.pattern, t.nRows, unique, rng, plan.rules, r));
  }
  return t;
}

function memberColumn(
  spec: ColumnSpec,
  codes: Int32Array,
  values: (Cell | undefined)[],
  oneHot: boolean,
): Column {
  const n = codes.length;
  const name = spec.name;
  const at = (i: number): Cell => (codes[i] < 0 ? null : (values[codes[i]] ?? null));
  switch (spec.kind) {
    case 'categorical': {
      const cats = isCategoricalDomain(spec.domain) ? [...spec.domain.categories] : [];
      const index = new Map(cats.map((c, i) => [c, i]));
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const v = at(i);
        if (v === null) out[i] = -1;
        else {
          let k = index.get(String(v));
          if (k === undefined) {
            k = cats.length;
            cats.push(String(v));
            index.set(String(v), k);
          }
          out[i] = k;
        }
      }
      return { kind: 'categorical', name, codes: out, categories: cats };
    }
    case 'boolean': {
      const out = new Int8Array(n);
      for (let i = 0; i < n; i++) {
        const v = at(i);
        out[i] = v === null ? (oneHot ? 0 : -1) : v === true ? 1 : 0;
      }
      return { kind: 'boolean', name, values: out };
    }
    case 'datetime': {
      const c = datetimeCodec(spec.format ?? 'ISO');
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = at(i);
        out[i] = v === null ? NaN : typeof v === 'string' ? c.parse(v) : Number(v);
      }
      return { kind: 'datetime', name, values: out, format: spec.format ?? 'ISO' };
    }
    default: {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = at(i);
        out[i] = v === null ? NaN : v === true ? 1 : v === false ? 0 : Number(v);
      }
      return { kind: 'numeric', name, values: out, integer: !!spec.integer };
    }
  }
}

/**
 * Strings generated from a pattern (randexp, with lookalike's seeded Rng for every choice; unbounded repeats
 * capped at 8 more than their minimum). Ids and unique columns get distinct values: a repeat is generated again,
 * up to 100 tries per value, then a LookalikeError says the pattern has too few strings.
 */
function formattedColumn(
  spec: ColumnSpec,
  pattern: string,
  n: number,
  unique: boolean,
  rng: Rng,
  rules: readonly Rule[],
  rule: Rule,
): Column {
  const gen = new RandExp(pattern.replace(/^\^/, '').replace(/\$$/, ''));
  gen.max = 8;
  gen.randInt = (a: number, b: number) => a + rng.int(b - a + 1);
  const values = new Array<string>(n);
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    let v = gen.gen();
    if (unique) {
      let tries = 0;
      while (seen.has(v) && tries++ < 100) v = gen.gen();
      if (seen.has(v))
        throw new LookalikeError(
          `cannot draw ${n} distinct values of "${spec.name}" from ${ruleLabel(rules, rule)}: the pattern allows too few strings`,
        );
      seen.add(v);
    }
    values[i] = v;
  }
  return spec.kind === 'id'
    ? { kind: 'id', name: spec.name, values }
    : { kind: 'text', name: spec.name, values };
}
