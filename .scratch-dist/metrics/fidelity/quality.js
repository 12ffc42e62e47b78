import { Rng } from '../../random/rng.js';
import { alignTables, checkIntOptions, clamp01, discretize, discreteQuantile } from './prepare.js';
import { columnShapeOf } from './columns.js';
import { pearsonSimilarityOf, sdmetricsDiscrete } from './pairs.js';
/** Quality over aligned columns (see the module comment). `discrete`: SDMetrics discretisation, if computed. */
export function qualityOf(cols, discrete) {
    const shapes = cols.map(columnShapeOf);
    const d = discrete ?? sdmetricsDiscrete(cols);
    const trends = [];
    for (let i = 0; i < cols.length; i++) {
        for (let j = i + 1; j < cols.length; j++) {
            const a = cols[i], b = cols[j];
            if (a.kind === 'numeric' && b.kind === 'numeric')
                trends.push(pearsonSimilarityOf(a, b));
            else
                trends.push(contingencyOnly(d[i], d[j]));
        }
    }
    const mean = (xs) => xs.reduce((s, m) => s + m.score, 0) / xs.length;
    const columnShapes = shapes.length ? mean(shapes) : NaN;
    const columnPairTrends = trends.length ? mean(trends) : columnShapes;
    return { quality: (columnShapes + columnPairTrends) / 2, columnShapes, columnPairTrends, shapes, trends };
}
function contingencyOnly(a, b) {
    // the cheap part of discretePairMetrics: one joint count per table and the TV distance
    const sb = b.size;
    const tr = new Float64Array(a.size * sb), ts = new Float64Array(a.size * sb);
    for (let i = 0; i < a.real.length; i++)
        tr[a.real[i] * sb + b.real[i]]++;
    for (let i = 0; i < a.synthetic.length; i++)
        ts[a.synthetic[i] * sb + b.synthetic[i]]++;
    const ir = a.real.length ? 1 / a.real.length : 0, is = a.synthetic.length ? 1 / a.synthetic.length : 0;
    let s = 0;
    for (let i = 0; i < tr.length; i++)
        s += Math.abs(tr[i] * ir - ts[i] * is);
    const sim = 1 - 0.5 * s;
    return {
        id: 'contingency_similarity',
        family: 'fidelity',
        name: 'Contingency similarity',
        columns: [a.name, b.name],
        value: sim,
        score: clamp01(sim),
    };
}
/**
 * SDMetrics-compatible quality score of `synthetic` against `real` (see the module comment). Throws a
 * LookalikeError when a compared column is missing from the synthetic table or has another kind there.
 */
export function qualityScore(real, synthetic, opts) {
    return qualityOf(alignTables(real, synthetic, opts?.columns));
}
/** TV distance of one k-way marginal of discrete columns (dense when the table is small, sort-merge otherwise). */
export function marginalTvd(cols, scratch) {
    const nr = cols[0].real.length, ns = cols[0].synthetic.length;
    let cells = 1;
    for (const c of cols)
        cells *= c.size;
    const key = (which, n) => {
        const k = new Float64Array(n);
        for (const c of cols) {
            const v = c[which];
            for (let i = 0; i < n; i++)
                k[i] = k[i] * c.size + v[i];
        }
        return k;
    };
    if (nr === 0 || ns === 0)
        return nr === ns ? 0 : 1;
    if (cells <= Math.max(1 << 16, 4 * (nr + ns))) {
        let tr, ts;
        if (scratch && scratch.real.length >= cells) {
            tr = scratch.real;
            ts = scratch.synthetic;
            tr.fill(0, 0, cells);
            ts.fill(0, 0, cells);
        }
        else {
            tr = new Float64Array(cells);
            ts = new Float64Array(cells);
        }
        // fused key computation for the common 3-way case
        if (cols.length === 3) {
            const [a, b, c] = cols;
            const sb = b.size, sc = c.size;
            for (let i = 0; i < nr; i++)
                tr[(a.real[i] * sb + b.real[i]) * sc + c.real[i]]++;
            for (let i = 0; i < ns; i++)
                ts[(a.synthetic[i] * sb + b.synthetic[i]) * sc + c.synthetic[i]]++;
        }
        else {
            const kr = key('real', nr), ks = key('synthetic', ns);
            for (let i = 0; i < nr; i++)
                tr[kr[i]]++;
            for (let i = 0; i < ns; i++)
                ts[ks[i]]++;
        }
        let s = 0;
        for (let i = 0; i < cells; i++)
            s += Math.abs(tr[i] / nr - ts[i] / ns);
        return 0.5 * s;
    }
    const kr = key('real', nr).sort(), ks = key('synthetic', ns).sort();
    let i = 0, j = 0, s = 0;
    while (i < nr || j < ns) {
        const x = j >= ns || (i < nr && kr[i] <= ks[j]) ? kr[i] : ks[j];
        let ci = 0, cj = 0;
        while (i < nr && kr[i] === x) {
            i++;
            ci++;
        }
        while (j < ns && ks[j] === x) {
            j++;
            cj++;
        }
        s += Math.abs(ci / nr - cj / ns);
    }
    return 0.5 * s;
}
/** w3_err over aligned columns (see the module comment). `value` = mean TVD, `score` = 1 − value. */
export function threeWayOf(cols, opts) {
    const d = cols.map((c) => discretize(c, (n) => discreteQuantile(n, 16)));
    const k = d.length;
    const total = (k * (k - 1) * (k - 2)) / 6;
    const max = opts?.maxTriples ?? 2000;
    const base = {
        id: 'w3_err',
        family: 'fidelity',
        name: 'Mean TV distance of 3-way marginals',
    };
    if (total === 0)
        return { ...base, value: NaN, score: NaN, note: 'fewer than 3 compared columns' };
    let triples = [];
    let note;
    if (total <= max) {
        for (let a = 0; a < k; a++)
            for (let b = a + 1; b < k; b++)
                for (let c = b + 1; c < k; c++)
                    triples.push([a, b, c]);
    }
    else {
        const rng = new Rng(opts?.seed ?? 0);
        const seen = new Set();
        while (triples.length < max) {
            const t = [rng.int(k), rng.int(k), rng.int(k)].sort((x, y) => x - y);
            if (t[0] === t[1] || t[1] === t[2])
                continue;
            const id = (t[0] * k + t[1]) * k + t[2];
            if (seen.has(id))
                continue;
            seen.add(id);
            triples.push(t);
        }
        triples = triples.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
        note = `${max} of ${total} triples drawn at random (seed ${opts?.seed ?? 0})`;
    }
    let s = 0;
    let worst = 0;
    let worstCols = [];
    const nr = cols[0].real.length, ns = cols[0].synthetic.length;
    const size = Math.max(1 << 16, 4 * (nr + ns));
    const scratch = { real: new Float64Array(size), synthetic: new Float64Array(size) };
    for (const t of triples) {
        const v = marginalTvd([d[t[0]], d[t[1]], d[t[2]]], scratch);
        s += v;
        if (v > worst) {
            worst = v;
            worstCols = t.map((i) => d[i].name);
        }
    }
    const value = s / triples.length;
    return {
        ...base,
        value,
        score: clamp01(1 - value),
        ...(note ? { note } : {}),
        details: { triples: triples.length, of: total, worst, worstColumns: worstCols },
    };
}
/** w3_err of `synthetic` against `real`. */
export function threeWayMarginals(real, synthetic, opts) {
    checkIntOptions('threeWayMarginals', [
        ['maxTriples', opts?.maxTriples, 1],
        ['seed', opts?.seed, -(2 ** 53)],
    ]);
    return threeWayOf(alignTables(real, synthetic, opts?.columns), opts);
}
//# sourceMappingURL=quality.js.map