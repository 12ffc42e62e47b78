import { Table } from '../table/table.js';
import { ksStatistic } from '../metrics/fidelity/columns.js';
import { alignTables } from '../metrics/fidelity/prepare.js';
import { discretePairMetrics, pearsonSimilarityOf, sdmetricsDiscrete } from '../metrics/fidelity/pairs.js';
import { childCounts, keyIndex, parentRows, rowKeys } from './keys.js';
export function link(side) {
    const { index } = keyIndex(rowKeys(side.parent, side.parentKey).keys);
    const { rows, orphans, missing } = parentRows(side.child, side.childKey, index);
    return { parentOfChild: rows, counts: childCounts(rows, side.parent.nRows), orphans, missing };
}
const clamp01 = (x) => (x < 0 ? 0 : x > 1 ? 1 : x);
function sortedCounts(c) {
    return Float64Array.from(c).sort();
}
/** 1 − KS distance of children-per-parent distributions (see the module comment). */
export function cardinalityOf(label, columns, real, synthetic) {
    const ks = ksStatistic(sortedCounts(real), sortedCounts(synthetic));
    const stats = (c) => {
        let s = 0, max = 0, zero = 0;
        for (const v of c) {
            s += v;
            if (v > max)
                max = v;
            if (v === 0)
                zero++;
        }
        return { parents: c.length, mean: c.length ? s / c.length : 0, max, withoutChildren: zero };
    };
    return {
        id: 'cardinality_ks_complement',
        family: 'fidelity',
        name: `Children per parent (${label})`,
        columns,
        value: ks,
        score: clamp01(1 - ks),
        details: { relation: label, real: stats(real), synthetic: stats(synthetic) },
    };
}
/** Share of child rows whose foreign key is missing or points to a parent row. */
export function integrityOf(label, columns, l, nChild) {
    const ok = nChild - l.orphans;
    const share = nChild ? ok / nChild : 1;
    return {
        id: 'referential_integrity',
        family: 'fidelity',
        name: `Referential integrity (${label})`,
        columns,
        value: share,
        score: share,
        details: { relation: label, rows: nChild, orphans: l.orphans, withoutKey: l.missing },
    };
}
/** Share of rows whose primary key is present and not repeated. */
export function primaryKeyUniqueness(table, t, key) {
    const { keys } = rowKeys(t, key);
    const seen = new Map();
    let missing = 0;
    for (const k of keys) {
        if (k === null)
            missing++;
        else
            seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    let unique = 0;
    for (const c of seen.values())
        if (c === 1)
            unique++;
    const share = t.nRows ? unique / t.nRows : 1;
    return {
        id: 'primary_key_uniqueness',
        family: 'fidelity',
        name: `Primary key uniqueness (${table})`,
        columns: key,
        value: share,
        score: share,
        details: { table, rows: t.nRows, missing, repeated: t.nRows - unique - missing },
    };
}
function numericValues(c) {
    if (c.kind === 'numeric' || c.kind === 'datetime')
        return c.values;
    return null;
}
/** The most frequent present category (or "true"/"false") of a categorical or boolean column, or null. */
function topCategory(c) {
    if (c.kind === 'boolean') {
        let t = 0, f = 0;
        for (const v of c.values)
            if (v === 1)
                t++;
            else if (v === 0)
                f++;
        return t + f === 0 ? null : t >= f ? 'true' : 'false';
    }
    if (c.kind !== 'categorical')
        return null;
    const n = new Int32Array(c.categories.length);
    for (const k of c.codes)
        if (k >= 0)
            n[k]++;
    let best = -1;
    for (let k = 0; k < n.length; k++)
        if (n[k] > 0 && (best < 0 || n[k] > n[best]))
            best = k;
    return best < 0 ? null : c.categories[best];
}
function isCategory(c, category) {
    if (c.kind === 'boolean') {
        const want = category === 'true' ? 1 : 0;
        return (i) => (c.values[i] < 0 ? NaN : c.values[i] === want ? 1 : 0);
    }
    if (c.kind === 'categorical') {
        const k = c.categories.indexOf(category);
        return (i) => (c.codes[i] < 0 ? NaN : c.codes[i] === k ? 1 : 0);
    }
    return () => NaN;
}
/** The aggregates compared for a child table: its count, and one per comparable non-key column. */
export function aggregateSpecs(child, childName, exclude) {
    const out = [{ name: `${childName}: number of rows`, kind: 'count' }];
    for (const c of child.columns) {
        if (exclude.includes(c.name))
            continue;
        if (numericValues(c))
            out.push({ name: `${childName}: mean ${c.name}`, kind: 'mean', column: c.name });
        else {
            const top = topCategory(c);
            if (top !== null)
                out.push({
                    name: `${childName}: share of ${c.name} = ${top}`,
                    kind: 'share',
                    column: c.name,
                    category: top,
                });
        }
    }
    return out;
}
/** Aggregates of the children of every parent row, as numeric columns (NaN for a mean over no present value). */
function aggregateColumns(child, l, nParents, specs) {
    return specs.map((s) => {
        const out = new Float64Array(nParents);
        if (s.kind === 'count') {
            for (let p = 0; p < nParents; p++)
                out[p] = l.counts[p];
            return { kind: 'numeric', name: s.name, values: out, integer: true };
        }
        const col = child.column(s.column);
        const get = s.kind === 'mean' ? (i) => numericValues(col)[i] : isCategory(col, s.category);
        const n = new Float64Array(nParents);
        for (let i = 0; i < l.parentOfChild.length; i++) {
            const p = l.parentOfChild[i];
            if (p < 0)
                continue;
            const v = get(i);
            if (v !== v)
                continue;
            out[p] += v;
            n[p]++;
        }
        for (let p = 0; p < nParents; p++)
            out[p] = n[p] ? out[p] / n[p] : NaN;
        return { kind: 'numeric', name: s.name, values: out, integer: false };
    });
}
/**
 * Inter-table trend score of one foreign key (see the module comment): `parentColumns` are the compared parent
 * columns (not keys), `childExclude` the child's key columns. Returns the per-pair results and their mean.
 */
export function interTableTrends(label, childName, real, synthetic, parentColumns, childExclude) {
    const lr = real.linked ?? link(real);
    const ls = synthetic.linked ?? link(synthetic);
    const specs = aggregateSpecs(real.child, childName, childExclude).filter((s) => !s.column || synthetic.child.has(s.column));
    const used = parentColumns.filter((c) => !specs.some((s) => s.name === c));
    const build = (side, l) => new Table([
        ...used.map((c) => side.parent.column(c)),
        ...aggregateColumns(side.child, l, side.parent.nRows, specs),
    ], side.parent.nRows);
    const r = build(real, lr);
    const s = build(synthetic, ls);
    const cols = alignTables(r, s);
    const d = sdmetricsDiscrete(cols);
    const parentIdx = [];
    const aggIdx = [];
    cols.forEach((c, i) => (used.includes(c.name) ? parentIdx : aggIdx).push(i));
    const pairs = [];
    for (const i of parentIdx)
        for (const j of aggIdx) {
            const a = cols[i], b = cols[j];
            const m = a.kind === 'numeric' && b.kind === 'numeric'
                ? pearsonSimilarityOf(a, b)
                : discretePairMetrics(d[i], d[j])[0];
            pairs.push({ ...m, details: { ...(m.details ?? {}), relation: label } });
        }
    const mean = pairs.length ? pairs.reduce((t, m) => t + m.score, 0) / pairs.length : NaN;
    return {
        score: {
            id: 'inter_table_trend',
            family: 'fidelity',
            name: `Inter-table trends (${label})`,
            value: mean,
            score: Number.isNaN(mean) ? NaN : clamp01(mean),
            ...(pairs.length ? {} : { note: 'no parent column to compare' }),
            details: { relation: label, pairs: pairs.length },
        },
        pairs,
    };
}
//# sourceMappingURL=metrics.js.map