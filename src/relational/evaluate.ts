/**
 * The evaluation of a relational release: per-table fidelity (the SDMetrics-compatible quality score over each
 * table's non-key columns), and per relationship the cardinality fidelity, referential integrity and
 * inter-table trends (`metrics.ts`), primary-key uniqueness per table, and for sequential tables the sequence
 * metrics (`sequence-metrics.ts`). One JSON-ready result with a summary of the headline numbers.
 * Runtime: the sum of its metrics: O(rows × columns²) for the quality scores, O(rows) per relationship otherwise.
 */
import type { Table } from '../table/table.js';
import type { MetricResult } from '../metrics/types.js';
import { qualityScore } from '../metrics/fidelity/quality.js';
import { fidelityKind } from '../metrics/fidelity/prepare.js';
import { LookalikeError, ProblemList } from '../errors.js';
import { cardinalityOf, integrityOf, interTableTrends, link, primaryKeyUniqueness } from './metrics.js';
import { fkLabel, foreignKeysOf, orderedFkColumns, type RelationalMetadata } from './metadata.js';
import { sequenceMetrics } from './sequence-metrics.js';

export interface TableEvaluation {
  readonly table: string;
  readonly rows: { readonly real: number; readonly synthetic: number };
  /** SDMetrics-compatible quality over the compared columns (NaN when none). */
  readonly quality: number;
  readonly columnShapes: number;
  readonly columnPairTrends: number;
  readonly columns: readonly string[];
}

export interface RelationEvaluation {
  readonly label: string;
  readonly child: string;
  readonly parent: string;
  readonly columns: readonly string[];
  readonly cardinality: MetricResult;
  readonly integrity: MetricResult;
  readonly trends: MetricResult;
  readonly trendPairs: readonly MetricResult[];
}

export interface RelationalEvaluation {
  readonly format: 'lookalike-relational-evaluation';
  readonly version: 1;
  readonly tables: readonly TableEvaluation[];
  readonly relations: readonly RelationEvaluation[];
  readonly keys: readonly MetricResult[];
  readonly sequences: readonly MetricResult[];
  readonly summary: {
    /** Mean over tables of the quality score. */
    readonly meanTableQuality: number;
    readonly minTableQuality: number;
    /** Smallest cardinality score (1 − KS) over relationships. */
    readonly minCardinality: number;
    /** Mean over relationships of the inter-table trend score. */
    readonly interTableTrends: number;
    /** Smallest share of child rows with a valid parent, over relationships. */
    readonly referentialIntegrity: number;
    /** Smallest share of rows with a unique primary key, over tables. */
    readonly primaryKeyUniqueness: number;
  };
}

/** Columns compared by the per-table quality score: all but foreign keys, sequence entities and one-column keys. */
export function comparedColumns(meta: RelationalMetadata, table: string, real: Table): string[] {
  const spec = meta.tables.find((t) => t.name === table)!;
  const skip = new Set<string>();
  for (const f of foreignKeysOf(meta, table)) for (const c of f.columns) skip.add(c);
  for (const c of spec.sequence?.entity ?? []) skip.add(c);
  if (spec.primaryKey?.length === 1) skip.add(spec.primaryKey[0]);
  return real.columns.filter((c) => !skip.has(c.name) && fidelityKind(c.kind) !== null).map((c) => c.name);
}

const mean = (xs: number[]) => {
  const v = xs.filter((x) => !Number.isNaN(x));
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
};

/** Evaluates `synthetic` against `real` table by table and relationship by relationship (module comment). */
export function evaluateRelational(
  meta: RelationalMetadata,
  real: Readonly<Record<string, Table>>,
  synthetic: Readonly<Record<string, Table>>,
): RelationalEvaluation {
  const p = new ProblemList();
  for (const t of meta.tables) {
    if (!real[t.name]) p.add(`the real data have no table "${t.name}"`);
    if (!synthetic[t.name]) p.add(`the synthetic data have no table "${t.name}"`);
    else if (real[t.name])
      for (const c of real[t.name].names)
        if (!synthetic[t.name].has(c)) p.add(`synthetic table "${t.name}" has no column "${c}"`);
  }
  p.throwIfAny('cannot evaluate the relational release:');
  const tables: TableEvaluation[] = meta.tables.map((t) => {
    const r = real[t.name],
      s = synthetic[t.name];
    const columns = comparedColumns(meta, t.name, r);
    if (columns.length === 0 || s.nRows === 0)
      return {
        table: t.name,
        rows: { real: r.nRows, synthetic: s.nRows },
        quality: NaN,
        columnShapes: NaN,
        columnPairTrends: NaN,
        columns,
      };
    const q = qualityScore(r, s, { columns });
    return {
      table: t.name,
      rows: { real: r.nRows, synthetic: s.nRows },
      quality: q.quality,
      columnShapes: q.columnShapes,
      columnPairTrends: q.columnPairTrends,
      columns,
    };
  });
  const relations: RelationEvaluation[] = meta.foreignKeys.map((f) => {
    const parentKey = meta.tables.find((t) => t.name === f.parent)!.primaryKey!;
    const childKey = orderedFkColumns(meta, f);
    const label = fkLabel(f);
    const rs = { parent: real[f.parent], child: real[f.child], parentKey, childKey };
    const ss = { parent: synthetic[f.parent], child: synthetic[f.child], parentKey, childKey };
    const lr = link(rs),
      ls = link(ss);
    const childKeys = new Set<string>([...(meta.tables.find((t) => t.name === f.child)!.primaryKey ?? [])]);
    for (const g of foreignKeysOf(meta, f.child)) for (const c of g.columns) childKeys.add(c);
    const parentCols = comparedColumns(meta, f.parent, real[f.parent]);
    const trends = interTableTrends(
      label,
      f.child,
      { ...rs, linked: lr },
      { ...ss, linked: ls },
      parentCols,
      [...childKeys],
    );
    return {
      label,
      child: f.child,
      parent: f.parent,
      columns: f.columns,
      cardinality: cardinalityOf(label, f.columns, lr.counts, ls.counts),
      integrity: integrityOf(label, f.columns, ls, ss.child.nRows),
      trends: trends.score,
      trendPairs: trends.pairs,
    };
  });
  const keys = meta.tables
    .filter((t) => t.primaryKey?.length)
    .map((t) => primaryKeyUniqueness(t.name, synthetic[t.name], t.primaryKey!));
  const sequences: MetricResult[] = [];
  for (const t of meta.tables) {
    const s = t.sequence;
    if (!s) continue;
    const fk = foreignKeysOf(meta, t.name).find((f) => f.columns.every((c) => s.entity.includes(c)));
    sequences.push(
      ...sequenceMetrics(real[t.name], synthetic[t.name], {
        table: t.name,
        entity: s.entity,
        ...(s.order ? { order: s.order } : {}),
        ...(fk ? {} : { context: s.context ?? [] }),
      }),
    );
  }
  const q = tables.map((t) => t.quality).filter((x) => !Number.isNaN(x));
  if (!q.length && !relations.length && !sequences.length)
    throw new LookalikeError('cannot evaluate the relational release: no column to compare');
  return {
    format: 'lookalike-relational-evaluation',
    version: 1,
    tables,
    relations,
    keys,
    sequences,
    summary: {
      meanTableQuality: mean(q),
      minTableQuality: q.length ? Math.min(...q) : NaN,
      minCardinality: relations.length ? Math.min(...relations.map((r) => r.cardinality.score)) : NaN,
      interTableTrends: mean(relations.map((r) => r.trends.score)),
      referentialIntegrity: relations.length ? Math.min(...relations.map((r) => r.integrity.score)) : 1,
      primaryKeyUniqueness: keys.length ? Math.min(...keys.map((k) => k.score)) : 1,
    },
  };
}
