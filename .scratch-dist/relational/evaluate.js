import { qualityScore } from '../metrics/fidelity/quality.js';
import { fidelityKind } from '../metrics/fidelity/prepare.js';
import { LookalikeError, ProblemList } from '../errors.js';
import { cardinalityOf, integrityOf, interTableTrends, link, primaryKeyUniqueness } from './metrics.js';
import { fkLabel, foreignKeysOf, orderedFkColumns } from './metadata.js';
import { sequenceMetrics } from './sequence-metrics.js';
/** Columns compared by the per-table quality score: all but foreign keys, sequence entities and one-column keys. */
export function comparedColumns(meta, table, real) {
    const spec = meta.tables.find((t) => t.name === table);
    const skip = new Set();
    for (const f of foreignKeysOf(meta, table))
        for (const c of f.columns)
            skip.add(c);
    for (const c of spec.sequence?.entity ?? [])
        skip.add(c);
    if (spec.primaryKey?.length === 1)
        skip.add(spec.primaryKey[0]);
    return real.columns.filter((c) => !skip.has(c.name) && fidelityKind(c.kind) !== null).map((c) => c.name);
}
const mean = (xs) => {
    const v = xs.filter((x) => !Number.isNaN(x));
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
};
/** Evaluates `synthetic` against `real` table by table and relationship by relationship (module comment). */
export function evaluateRelational(meta, real, synthetic) {
    const p = new ProblemList();
    for (const t of meta.tables) {
        if (!real[t.name])
            p.add(`the real data have no table "${t.name}"`);
        if (!synthetic[t.name])
            p.add(`the synthetic data have no table "${t.name}"`);
        else if (real[t.name])
            for (const c of real[t.name].names)
                if (!synthetic[t.name].has(c))
                    p.add(`synthetic table "${t.name}" has no column "${c}"`);
    }
    p.throwIfAny('cannot evaluate the relational release:');
    const tables = meta.tables.map((t) => {
        const r = real[t.name], s = synthetic[t.name];
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
    const relations = meta.foreignKeys.map((f) => {
        const parentKey = meta.tables.find((t) => t.name === f.parent).primaryKey;
        const childKey = orderedFkColumns(meta, f);
        const label = fkLabel(f);
        const rs = { parent: real[f.parent], child: real[f.child], parentKey, childKey };
        const ss = { parent: synthetic[f.parent], child: synthetic[f.child], parentKey, childKey };
        const lr = link(rs), ls = link(ss);
        const childKeys = new Set([...(meta.tables.find((t) => t.name === f.child).primaryKey ?? [])]);
        for (const g of foreignKeysOf(meta, f.child))
            for (const c of g.columns)
                childKeys.add(c);
        const parentCols = comparedColumns(meta, f.parent, real[f.parent]);
        const trends = interTableTrends(label, f.child, { ...rs, linked: lr }, { ...ss, linked: ls }, parentCols, [...childKeys]);
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
        .map((t) => primaryKeyUniqueness(t.name, synthetic[t.name], t.primaryKey));
    const sequences = [];
    for (const t of meta.tables) {
        const s = t.sequence;
        if (!s)
            continue;
        const fk = foreignKeysOf(meta, t.name).find((f) => f.columns.every((c) => s.entity.includes(c)));
        sequences.push(...sequenceMetrics(real[t.name], synthetic[t.name], {
            table: t.name,
            entity: s.entity,
            ...(s.order ? { order: s.order } : {}),
            ...(fk ? {} : { context: s.context ?? [] }),
        }));
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
//# sourceMappingURL=evaluate.js.map