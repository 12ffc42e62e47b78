import { alignTables, quantileSorted } from './prepare.js';
import { sortedOf } from './columns.js';
/** Quantile level of the tails and share threshold of a rare category. */
export const TAIL_LEVEL = 0.01;
export const RARE_SHARE = 0.01;
function ratio(a, b) {
    const m = Math.max(a, b);
    return m === 0 ? 1 : Math.min(a, b) / m;
}
/** Share of sorted values ≤ x, and ≥ x. */
function massBelow(s, x) {
    let lo = 0, hi = s.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (s[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return s.length ? lo / s.length : 0;
}
function massAbove(s, x) {
    let lo = 0, hi = s.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (s[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return s.length ? (s.length - lo) / s.length : 0;
}
export function tailPreservationOf(c) {
    const r = sortedOf(c.real), s = sortedOf(c.synthetic);
    if (r.length === 0)
        return null;
    const qlo = quantileSorted(r, TAIL_LEVEL), qhi = quantileSorted(r, 1 - TAIL_LEVEL);
    const rl = massBelow(r, qlo), sl = massBelow(s, qlo), rh = massAbove(r, qhi), sh = massAbove(s, qhi);
    const v = (ratio(rl, sl) + ratio(rh, sh)) / 2;
    return {
        id: 'tail_preservation',
        family: 'fidelity',
        name: 'Tail preservation (1% / 99%)',
        columns: [c.name],
        value: v,
        score: v,
        details: { lowerReal: rl, lowerSynthetic: sl, upperReal: rh, upperSynthetic: sh },
    };
}
export function rareCategoryOf(c) {
    const k = c.categories.length;
    const r = new Float64Array(k), s = new Float64Array(k);
    let nr = 0, ns = 0;
    for (let i = 0; i < c.real.length; i++) {
        if (c.real[i] >= 0) {
            r[c.real[i]]++;
            nr++;
        }
    }
    for (let i = 0; i < c.synthetic.length; i++) {
        if (c.synthetic[i] >= 0) {
            s[c.synthetic[i]]++;
            ns++;
        }
    }
    if (nr === 0)
        return null;
    let rare = 0, covered = 0, sum = 0;
    for (let j = 0; j < k; j++) {
        if (r[j] === 0 || r[j] / nr >= RARE_SHARE)
            continue;
        rare++;
        if (s[j] > 0)
            covered++;
        sum += ratio(r[j] / nr, ns ? s[j] / ns : 0);
    }
    if (rare === 0)
        return null;
    return {
        id: 'rare_category_preservation',
        family: 'fidelity',
        name: 'Rare-category preservation (< 1%)',
        columns: [c.name],
        value: sum / rare,
        score: sum / rare,
        details: { rare, covered },
    };
}
export function tailMetricsOf(c) {
    return c.kind === 'numeric' ? tailPreservationOf(c) : rareCategoryOf(c);
}
/** Tail preservation of numeric columns and rare-category preservation of categorical ones. */
export function tailMetrics(real, synthetic, opts) {
    const out = [];
    for (const c of alignTables(real, synthetic, opts?.columns)) {
        const m = tailMetricsOf(c);
        if (m)
            out.push(m);
    }
    return out;
}
//# sourceMappingURL=tails.js.map