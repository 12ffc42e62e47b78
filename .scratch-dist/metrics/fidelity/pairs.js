import { alignTables, clamp01, discretize, discreteEqualWidth, tvdCounts } from './prepare.js';
// ---------------------------------------------------------------- correlation kernels
/** Pearson correlation over rows where both are present (NaN when fewer than 2 such rows or a zero variance). */
export function pearson(x, y) {
    let n = 0, sx = 0, sy = 0;
    for (let i = 0; i < x.length; i++) {
        const a = x[i], b = y[i];
        if (a !== a || b !== b)
            continue;
        n++;
        sx += a;
        sy += b;
    }
    if (n < 2)
        return NaN;
    const mx = sx / n, my = sy / n;
    let sxx = 0, syy = 0, sxy = 0;
    for (let i = 0; i < x.length; i++) {
        const a = x[i], b = y[i];
        if (a !== a || b !== b)
            continue;
        const da = a - mx, db = b - my;
        sxx += da * da;
        syy += db * db;
        sxy += da * db;
    }
    if (sxx === 0 || syy === 0)
        return NaN;
    const r = sxy / Math.sqrt(sxx * syy);
    return r > 1 ? 1 : r < -1 ? -1 : r;
}
/**
 * Ranks 1..n with ties averaged (scipy.stats.rankdata 'average') of `v` (no NaN): a native typed-array sort and,
 * per value, a binary search of its block of ties (no comparator callbacks, which dominate on 10⁵ rows).
 */
export function averageRanks(v) {
    const n = v.length;
    const s = Float64Array.from(v).sort();
    const r = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const x = v[i];
        let lo = 0, hi = n;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (s[mid] < x)
                lo = mid + 1;
            else
                hi = mid;
        }
        const first = lo;
        hi = n;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (s[mid] <= x)
                lo = mid + 1;
            else
                hi = mid;
        }
        r[i] = (first + lo + 1) / 2;
    }
    return r;
}
const rankCache = new WeakMap();
/** Ranks of a whole column without missing values, cached (each column takes part in many pairs). */
function ranksOf(v) {
    let r = rankCache.get(v);
    if (!r) {
        r = averageRanks(v);
        rankCache.set(v, r);
    }
    return r;
}
/** Spearman correlation over rows where both are present (NaN when undefined). */
export function spearman(x, y) {
    let n = 0;
    for (let i = 0; i < x.length; i++)
        if (x[i] === x[i] && y[i] === y[i])
            n++;
    if (n < 2)
        return NaN;
    if (n === x.length)
        return pearson(ranksOf(x), ranksOf(y));
    const a = new Float64Array(n), b = new Float64Array(n);
    let j = 0;
    for (let i = 0; i < x.length; i++) {
        if (x[i] === x[i] && y[i] === y[i]) {
            a[j] = x[i];
            b[j++] = y[i];
        }
    }
    return pearson(averageRanks(a), averageRanks(b));
}
/** judge.py / SDMetrics: a correlation over ≤ 2 rows, or an undefined one, counts as 0. */
function corrOrZero(f, x, y) {
    let n = 0;
    for (let i = 0; i < x.length && n <= 2; i++)
        if (x[i] === x[i] && y[i] === y[i])
            n++;
    if (n <= 2)
        return 0;
    const r = f(x, y);
    return Number.isNaN(r) ? 0 : r;
}
// ---------------------------------------------------------------- contingency kernels
/** Joint counts of two discrete columns: dense flat table a.size × b.size. */
export function contingency(a, sa, b, sb) {
    const t = new Float64Array(sa * sb);
    for (let i = 0; i < a.length; i++)
        t[a[i] * sb + b[i]]++;
    return t;
}
/** Statistics of one contingency table: Cramér's V (no bias correction; 0 when a margin has < 2 levels), MI, NMI. */
export function tableStats(t, ra, cb) {
    const row = new Float64Array(ra), col = new Float64Array(cb);
    let n = 0;
    for (let i = 0; i < ra; i++) {
        for (let j = 0; j < cb; j++) {
            const x = t[i * cb + j];
            row[i] += x;
            col[j] += x;
            n += x;
        }
    }
    if (n === 0)
        return { v: 0, mi: 0, nmi: 0 };
    let r = 0, c = 0, ha = 0, hb = 0;
    for (let i = 0; i < ra; i++) {
        if (row[i] > 0) {
            r++;
            const p = row[i] / n;
            ha -= p * Math.log(p);
        }
    }
    for (let j = 0; j < cb; j++) {
        if (col[j] > 0) {
            c++;
            const p = col[j] / n;
            hb -= p * Math.log(p);
        }
    }
    let chi2 = 0, mi = 0;
    for (let i = 0; i < ra; i++) {
        if (row[i] === 0)
            continue;
        for (let j = 0; j < cb; j++) {
            if (col[j] === 0)
                continue;
            const o = t[i * cb + j];
            const e = (row[i] * col[j]) / n;
            chi2 += ((o - e) * (o - e)) / e;
            if (o > 0)
                mi += (o / n) * Math.log((o * n) / (row[i] * col[j]));
        }
    }
    const k = Math.min(r, c) - 1;
    const v = k > 0 ? Math.sqrt(Math.min(1, chi2 / (n * k))) : 0;
    mi = Math.max(0, mi);
    const nmi = ha > 0 && hb > 0 ? Math.min(1, mi / Math.sqrt(ha * hb)) : 0;
    return { v, mi, nmi };
}
// ---------------------------------------------------------------- per-pair metrics
function pairResult(id, name, a, b, value, score, details) {
    return {
        id,
        family: 'fidelity',
        name,
        columns: [a, b],
        value,
        score: clamp01(score),
        ...(details ? { details } : {}),
    };
}
/** SDMetrics CorrelationSimilarity (Pearson) of a numeric pair. */
export function pearsonSimilarityOf(a, b) {
    const r = corrOrZero(pearson, a.real, b.real), s = corrOrZero(pearson, a.synthetic, b.synthetic);
    const sim = 1 - Math.abs(r - s) / 2;
    return pairResult('correlation_similarity', 'Correlation similarity (Pearson)', a.name, b.name, sim, sim, {
        real: r,
        synthetic: s,
    });
}
/** Correlation similarity with Spearman's rank correlation. */
export function spearmanSimilarityOf(a, b) {
    const r = corrOrZero(spearman, a.real, b.real), s = corrOrZero(spearman, a.synthetic, b.synthetic);
    const sim = 1 - Math.abs(r - s) / 2;
    return pairResult('spearman_similarity', 'Correlation similarity (Spearman)', a.name, b.name, sim, sim, {
        real: r,
        synthetic: s,
    });
}
/** Contingency similarity, Cramér's V difference and MI difference of one discretised pair (one counting pass). */
export function discretePairMetrics(a, b) {
    const tr = contingency(a.real, a.size, b.real, b.size);
    const ts = contingency(a.synthetic, a.size, b.synthetic, b.size);
    const tv = tvdCounts(tr, a.real.length, ts, a.synthetic.length);
    const sr = tableStats(tr, a.size, b.size), ss = tableStats(ts, a.size, b.size);
    return [
        pairResult('contingency_similarity', 'Contingency similarity', a.name, b.name, 1 - tv, 1 - tv),
        pairResult('cramers_v_difference', "Cramér's V difference", a.name, b.name, Math.abs(sr.v - ss.v), 1 - Math.abs(sr.v - ss.v), { real: sr.v, synthetic: ss.v }),
        pairResult('mutual_information_difference', 'Mutual-information difference', a.name, b.name, Math.abs(sr.mi - ss.mi), 1 - Math.abs(sr.nmi - ss.nmi), { real: sr.mi, synthetic: ss.mi, nmiReal: sr.nmi, nmiSynthetic: ss.nmi }),
    ];
}
/** The SDMetrics discretisation of every aligned column (numerics: 10 equal-width bins of the real range). */
export function sdmetricsDiscrete(cols) {
    return cols.map((c) => discretize(c, (n) => discreteEqualWidth(n, 10)));
}
/**
 * Every pair metric of every pair of aligned columns (i < j in column order): Pearson and Spearman similarity for
 * numeric pairs; contingency similarity, Cramér's V and MI difference for all pairs.
 */
export function pairMetricsOf(cols, discrete) {
    const d = discrete ?? sdmetricsDiscrete(cols);
    const out = [];
    for (let i = 0; i < cols.length; i++) {
        for (let j = i + 1; j < cols.length; j++) {
            const a = cols[i], b = cols[j];
            if (a.kind === 'numeric' && b.kind === 'numeric') {
                out.push(pearsonSimilarityOf(a, b), spearmanSimilarityOf(a, b));
            }
            out.push(...discretePairMetrics(d[i], d[j]));
        }
    }
    return out;
}
/** Correlation similarity (Pearson and Spearman) of every numeric pair. */
export function correlationSimilarity(real, synthetic, opts) {
    const cols = alignTables(real, synthetic, opts?.columns).filter((c) => c.kind === 'numeric');
    const out = [];
    for (let i = 0; i < cols.length; i++) {
        for (let j = i + 1; j < cols.length; j++)
            out.push(pearsonSimilarityOf(cols[i], cols[j]));
    }
    for (let i = 0; i < cols.length; i++) {
        for (let j = i + 1; j < cols.length; j++)
            out.push(spearmanSimilarityOf(cols[i], cols[j]));
    }
    return out;
}
/** Contingency similarity, Cramér's V difference and MI difference of every pair (numerics binned). */
export function contingencyMetrics(real, synthetic, opts) {
    const cols = alignTables(real, synthetic, opts?.columns);
    const d = sdmetricsDiscrete(cols);
    const out = [];
    for (let i = 0; i < cols.length; i++) {
        for (let j = i + 1; j < cols.length; j++)
            out.push(...discretePairMetrics(d[i], d[j]));
    }
    return out;
}
/** All pair metrics of every pair. */
export function pairMetrics(real, synthetic, opts) {
    return pairMetricsOf(alignTables(real, synthetic, opts?.columns));
}
//# sourceMappingURL=pairs.js.map