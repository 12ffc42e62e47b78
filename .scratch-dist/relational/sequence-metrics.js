import { Table } from '../table/table.js';
import { ksStatistic } from '../metrics/fidelity/columns.js';
import { pearson } from '../metrics/fidelity/pairs.js';
import { keyTexts, rowKeys } from './keys.js';
/** Groups the rows of `t` by `entity` (first-appearance order) and orders each group by `order`. */
export function sequenceIndex(t, entity, order) {
    const { keys } = rowKeys(t, entity);
    const id = new Map();
    const ent = new Int32Array(t.nRows);
    for (let i = 0; i < t.nRows; i++) {
        const k = keys[i] ?? '\u0000missing';
        let e = id.get(k);
        if (e === undefined)
            id.set(k, (e = id.size));
        ent[i] = e;
    }
    const nEntities = id.size;
    const offsets = new Int32Array(nEntities + 1);
    for (let i = 0; i < t.nRows; i++)
        offsets[ent[i] + 1]++;
    for (let e = 0; e < nEntities; e++)
        offsets[e + 1] += offsets[e];
    const fill = offsets.slice(0, nEntities);
    const rows = new Int32Array(t.nRows);
    for (let i = 0; i < t.nRows; i++)
        rows[fill[ent[i]]++] = i;
    if (order) {
        const c = t.column(order);
        const v = c.kind === 'numeric' || c.kind === 'datetime' ? c.values : null;
        if (v)
            for (let e = 0; e < nEntities; e++) {
                const seg = Array.from(rows.subarray(offsets[e], offsets[e + 1]));
                seg.sort((a, b) => v[a] === v[b] || (v[a] !== v[a] && v[b] !== v[b])
                    ? a - b
                    : v[a] !== v[a]
                        ? 1
                        : v[b] !== v[b]
                            ? -1
                            : v[a] - v[b]);
                rows.set(seg, offsets[e]);
            }
    }
    return { rows, offsets, nEntities };
}
const clamp01 = (x) => (x < 0 ? 0 : x > 1 ? 1 : x);
function lengths(ix) {
    const out = new Float64Array(ix.nEntities);
    for (let e = 0; e < ix.nEntities; e++)
        out[e] = ix.offsets[e + 1] - ix.offsets[e];
    return out.sort();
}
function gaps(t, ix, order) {
    const c = t.column(order);
    if (c.kind !== 'numeric' && c.kind !== 'datetime')
        return new Float64Array(0);
    const out = [];
    for (let e = 0; e < ix.nEntities; e++)
        for (let k = ix.offsets[e] + 1; k < ix.offsets[e + 1]; k++) {
            const d = c.values[ix.rows[k]] - c.values[ix.rows[k - 1]];
            if (d === d)
                out.push(d);
        }
    return Float64Array.from(out).sort();
}
/** Pooled lag-1 autocorrelation of a numeric or datetime column (NaN when undefined). */
export function lagOneAutocorrelation(c, ix) {
    if (c.kind !== 'numeric' && c.kind !== 'datetime')
        return NaN;
    const m = ix.rows.length - ix.nEntities;
    const x = new Float64Array(Math.max(m, 0));
    const y = new Float64Array(Math.max(m, 0));
    let j = 0;
    for (let e = 0; e < ix.nEntities; e++)
        for (let k = ix.offsets[e] + 1; k < ix.offsets[e + 1]; k++) {
            x[j] = c.values[ix.rows[k - 1]];
            y[j++] = c.values[ix.rows[k]];
        }
    return pearson(x, y);
}
/** The sequence metrics of one sequential table (see the module comment). */
export function sequenceMetrics(real, synthetic, spec) {
    const ir = sequenceIndex(real, spec.entity, spec.order);
    const is = sequenceIndex(synthetic, spec.entity, spec.order);
    const out = [];
    const lr = lengths(ir), ls = lengths(is);
    const ksL = ksStatistic(lr, ls);
    const mean = (a) => (a.length ? a.reduce((s, v) => s + v, 0) / a.length : NaN);
    out.push({
        id: 'sequence_length_ks_complement',
        family: 'fidelity',
        name: `Sequence length (${spec.table})`,
        columns: spec.entity,
        value: ksL,
        score: clamp01(1 - ksL),
        details: {
            table: spec.table,
            real: { entities: ir.nEntities, meanLength: mean(lr), maxLength: lr[lr.length - 1] ?? 0 },
            synthetic: { entities: is.nEntities, meanLength: mean(ls), maxLength: ls[ls.length - 1] ?? 0 },
        },
    });
    if (spec.order && synthetic.has(spec.order)) {
        const gr = gaps(real, ir, spec.order), gs = gaps(synthetic, is, spec.order);
        const ks = ksStatistic(gr, gs);
        out.push({
            id: 'time_gap_ks_complement',
            family: 'fidelity',
            name: `Time between steps (${spec.table})`,
            columns: [spec.order],
            value: ks,
            score: clamp01(1 - ks),
            details: {
                table: spec.table,
                real: { gaps: gr.length, meanGap: mean(gr) },
                synthetic: { gaps: gs.length, meanGap: mean(gs) },
            },
        });
    }
    const skip = new Set([...spec.entity, ...(spec.order ? [spec.order] : []), ...(spec.context ?? [])]);
    const varying = spec.varying ??
        real.columns
            .filter((c) => !skip.has(c.name) && (c.kind === 'numeric' || c.kind === 'datetime'))
            .map((c) => c.name);
    for (const name of varying) {
        if (!synthetic.has(name))
            continue;
        const r = lagOneAutocorrelation(real.column(name), ir);
        const s = lagOneAutocorrelation(synthetic.column(name), is);
        const rr = Number.isNaN(r) ? 0 : r, ss = Number.isNaN(s) ? 0 : s;
        const d = Math.abs(rr - ss);
        out.push({
            id: 'autocorrelation_similarity',
            family: 'fidelity',
            name: `Lag-1 autocorrelation (${spec.table}.${name})`,
            columns: [name],
            value: d,
            score: clamp01(1 - d / 2),
            details: { table: spec.table, real: r, synthetic: s },
        });
    }
    const context = (spec.context ?? []).filter((c) => synthetic.has(c));
    if (context.length) {
        const texts = context.map((c) => keyTexts(synthetic.column(c)));
        let constant = 0;
        for (let e = 0; e < is.nEntities; e++) {
            let ok = true;
            const first = is.rows[is.offsets[e]];
            for (let k = is.offsets[e] + 1; k < is.offsets[e + 1] && ok; k++)
                for (const t of texts)
                    if (t[is.rows[k]] !== t[first])
                        ok = false;
            if (ok)
                constant++;
        }
        const share = is.nEntities ? constant / is.nEntities : 1;
        out.push({
            id: 'context_constancy',
            family: 'fidelity',
            name: `Static attributes constant per entity (${spec.table})`,
            columns: context,
            value: share,
            score: share,
            details: { table: spec.table, entities: is.nEntities, constant },
        });
    }
    return out;
}
/**
 * One row per entity with sequence-level features, for utility tests on sequences (TSTR): the context columns
 * (first row's value), the length, and per time-varying numeric column its mean and its last present value.
 */
export function entityFeatures(t, spec) {
    const ix = sequenceIndex(t, spec.entity, spec.order);
    const first = new Int32Array(ix.nEntities);
    for (let e = 0; e < ix.nEntities; e++)
        first[e] = ix.rows[ix.offsets[e]];
    const cols = (spec.context ?? []).filter((c) => t.has(c)).map((c) => t.take(first).column(c));
    const len = new Float64Array(ix.nEntities);
    for (let e = 0; e < ix.nEntities; e++)
        len[e] = ix.offsets[e + 1] - ix.offsets[e];
    cols.push({ kind: 'numeric', name: 'sequence length', values: len, integer: true });
    const skip = new Set([...spec.entity, ...(spec.order ? [spec.order] : []), ...(spec.context ?? [])]);
    const varying = spec.varying ?? t.columns.filter((c) => !skip.has(c.name) && c.kind === 'numeric').map((c) => c.name);
    for (const name of varying) {
        const c = t.column(name);
        if (c.kind !== 'numeric')
            continue;
        const mean = new Float64Array(ix.nEntities);
        const last = new Float64Array(ix.nEntities);
        for (let e = 0; e < ix.nEntities; e++) {
            let s = 0, n = 0, l = NaN;
            for (let k = ix.offsets[e]; k < ix.offsets[e + 1]; k++) {
                const v = c.values[ix.rows[k]];
                if (v === v) {
                    s += v;
                    n++;
                    l = v;
                }
            }
            mean[e] = n ? s / n : NaN;
            last[e] = l;
        }
        cols.push({ kind: 'numeric', name: `mean ${name}`, values: mean, integer: false });
        cols.push({ kind: 'numeric', name: `last ${name}`, values: last, integer: false });
    }
    return new Table(cols, ix.nEntities);
}
//# sourceMappingURL=sequence-metrics.js.map