import { alignTables, clamp01, countCodes, discreteCategorical, discreteNumeric, equalWidthEdges, presentRange, sortedPresent, tvdCounts, } from './prepare.js';
/** Bins of the numeric histograms (Jensen–Shannon distance and the report's histograms). */
export const NUMERIC_HISTOGRAM_BINS = 20;
function result(id, name, column, value, score, details) {
    return {
        id,
        family: 'fidelity',
        name,
        columns: [column],
        value,
        score: clamp01(score),
        ...(details ? { details } : {}),
    };
}
// ---------------------------------------------------------------- kernels on sorted present values
/** Two-sample Kolmogorov–Smirnov statistic sup |F_a − F_b| of two sorted samples (0 for two empty ones, 1 if one is). */
export function ksStatistic(a, b) {
    const na = a.length, nb = b.length;
    if (na === 0 && nb === 0)
        return 0;
    if (na === 0 || nb === 0)
        return 1;
    let i = 0, j = 0, d = 0;
    while (i < na && j < nb) {
        const x = a[i] <= b[j] ? a[i] : b[j];
        while (i < na && a[i] <= x)
            i++;
        while (j < nb && b[j] <= x)
            j++;
        const g = Math.abs(i / na - j / nb);
        if (g > d)
            d = g;
    }
    return d;
}
/**
 * First Wasserstein distance ∫ |F_a − F_b| dx of two sorted samples (scipy.stats.wasserstein_distance with unit
 * weights). NaN when either is empty.
 */
export function wasserstein1(a, b) {
    const na = a.length, nb = b.length;
    if (na === 0 || nb === 0)
        return NaN;
    let i = 0, j = 0, w = 0;
    let x = a[0] <= b[0] ? a[0] : b[0];
    while (i < na || j < nb) {
        while (i < na && a[i] <= x)
            i++;
        while (j < nb && b[j] <= x)
            j++;
        if (i === na && j === nb)
            break;
        const next = i < na && (j >= nb || a[i] <= b[j]) ? a[i] : b[j];
        w += Math.abs(i / na - j / nb) * (next - x);
        x = next;
    }
    return w;
}
/** Jensen–Shannon distance (base 2, in [0, 1]) between two count vectors: scipy.spatial.distance.jensenshannon. */
export function jensenShannonCounts(a, b) {
    let sa = 0, sb = 0;
    for (let i = 0; i < a.length; i++) {
        sa += a[i];
        sb += b[i];
    }
    if (sa === 0 || sb === 0)
        return sa === sb ? 0 : 1;
    let js = 0;
    for (let i = 0; i < a.length; i++) {
        const p = a[i] / sa, q = b[i] / sb, m = 0.5 * (p + q);
        if (p > 0)
            js += 0.5 * p * Math.log2(p / m);
        if (q > 0)
            js += 0.5 * q * Math.log2(q / m);
    }
    return Math.sqrt(Math.max(0, js));
}
function missingShare(c, synthetic) {
    const v = synthetic ? c.synthetic : c.real;
    if (v.length === 0)
        return 0;
    let m = 0;
    if (c.kind === 'numeric') {
        for (let i = 0; i < v.length; i++)
            if (v[i] !== v[i])
                m++;
    }
    else {
        for (let i = 0; i < v.length; i++)
            if (v[i] < 0)
                m++;
    }
    return m / v.length;
}
export { missingShare };
// ---------------------------------------------------------------- per-aligned-column metrics
/** Sorted present values of a numeric column, cached per aligned column (several metrics share the sort). */
const sortedCache = new WeakMap();
export function sortedOf(v) {
    let s = sortedCache.get(v);
    if (!s) {
        s = sortedPresent(v);
        sortedCache.set(v, s);
    }
    return s;
}
/** SDMetrics KSComplement: 1 − KS statistic over present values. */
export function ksComplementOf(c) {
    const a = sortedOf(c.real), b = sortedOf(c.synthetic);
    const score = a.length === 0 || b.length === 0 ? 0 : 1 - ksStatistic(a, b);
    return result('ks_complement', 'KS complement', c.name, score, score);
}
/** SDMetrics TVComplement: 1 − TV distance between category frequencies (missing counted as a category). */
export function tvComplementOf(c) {
    const d = discreteCategorical(c);
    const tv = tvdCounts(countCodes(d.real, d.size), d.real.length, countCodes(d.synthetic, d.size), d.synthetic.length);
    return result('tv_complement', 'TV complement', c.name, 1 - tv, 1 - tv);
}
/** Column shape (SDMetrics Column Shapes): KS complement for numerics, TV complement for categoricals. */
export function columnShapeOf(c) {
    return c.kind === 'numeric' ? ksComplementOf(c) : tvComplementOf(c);
}
/** Wasserstein-1 distance over present values divided by the real range; score 1 − min(1, value). */
export function wassersteinOf(c) {
    const a = sortedOf(c.real), b = sortedOf(c.synthetic);
    const w = wasserstein1(a, b);
    const range = a.length ? a[a.length - 1] - a[0] : NaN;
    let v;
    if (Number.isNaN(w))
        v = 1;
    else if (range > 0)
        v = w / range;
    else
        v = w === 0 ? 0 : 1;
    return result('wasserstein', 'Wasserstein distance (range-normalised)', c.name, v, 1 - Math.min(1, v), {
        raw: Number.isNaN(w) ? null : w,
    });
}
/**
 * Histogram counts of a numeric column over `NUMERIC_HISTOGRAM_BINS` equal-width bins spanning the range of both
 * tables' present values, plus a last slot for missing values.
 */
export function numericHistogram(c) {
    const [rlo, rhi] = presentRange(c.real);
    const [slo, shi] = presentRange(c.synthetic);
    const lo = Math.min(Number.isNaN(rlo) ? Infinity : rlo, Number.isNaN(slo) ? Infinity : slo);
    const hi = Math.max(Number.isNaN(rhi) ? -Infinity : rhi, Number.isNaN(shi) ? -Infinity : shi);
    const edges = lo <= hi ? equalWidthEdges(lo, hi, NUMERIC_HISTOGRAM_BINS) : Float64Array.of(0, 0);
    const d = discreteNumeric(c, edges);
    return { edges, real: countCodes(d.real, d.size), synthetic: countCodes(d.synthetic, d.size) };
}
/**
 * Jensen–Shannon distance (base 2) between the real and synthetic distributions: categories (missing as one) for
 * categoricals; 20 equal-width bins spanning both tables' present values (missing as one more bin) for numerics. Score 1 − distance.
 */
export function jensenShannonOf(c) {
    let js;
    if (c.kind === 'numeric') {
        const h = numericHistogram(c);
        js = jensenShannonCounts(h.real, h.synthetic);
    }
    else {
        const d = discreteCategorical(c);
        js = jensenShannonCounts(countCodes(d.real, d.size), countCodes(d.synthetic, d.size));
    }
    return result('js_distance', 'Jensen–Shannon distance', c.name, js, 1 - js);
}
/** SDMetrics MissingValueSimilarity: 1 − |missing share real − missing share synthetic|. */
export function missingRateOf(c) {
    const r = missingShare(c, false), s = missingShare(c, true);
    return result('missing_similarity', 'Missing-rate similarity', c.name, 1 - Math.abs(r - s), 1 - Math.abs(r - s), {
        real: r,
        synthetic: s,
    });
}
/**
 * SDMetrics RangeCoverage: 1 − (max(0, (min_s − min_r)/range) + max(0, (max_r − max_s)/range)), floored at 0.
 * A constant real column is covered iff the synthetic range contains its value.
 */
export function rangeCoverageOf(c) {
    const [rlo, rhi] = presentRange(c.real);
    const [slo, shi] = presentRange(c.synthetic);
    let v;
    if (Number.isNaN(rlo))
        v = 1;
    else if (Number.isNaN(slo))
        v = 0;
    else if (rhi > rlo)
        v = Math.max(0, 1 - (Math.max(0, (slo - rlo) / (rhi - rlo)) + Math.max(0, (rhi - shi) / (rhi - rlo))));
    else
        v = slo <= rlo && shi >= rhi ? 1 : 0;
    return result('range_coverage', 'Range coverage', c.name, v, v);
}
/** SDMetrics CategoryCoverage: share of the categories present in the real column that the synthetic one has. */
export function categoryCoverageOf(c) {
    const k = c.categories.length;
    const r = new Uint8Array(k), s = new Uint8Array(k);
    for (let i = 0; i < c.real.length; i++)
        if (c.real[i] >= 0)
            r[c.real[i]] = 1;
    for (let i = 0; i < c.synthetic.length; i++)
        if (c.synthetic[i] >= 0)
            s[c.synthetic[i]] = 1;
    let seen = 0, covered = 0;
    for (let i = 0; i < k; i++) {
        if (r[i]) {
            seen++;
            if (s[i])
                covered++;
        }
    }
    const v = seen ? covered / seen : 1;
    return result('category_coverage', 'Category coverage', c.name, v, v, { realCategories: seen, covered });
}
/** SDMetrics BoundaryAdherence: share of present synthetic values within [min_r, max_r]. */
export function boundaryAdherenceOf(c) {
    const [lo, hi] = presentRange(c.real);
    const s = c.synthetic;
    let n = 0, inside = 0;
    for (let i = 0; i < s.length; i++) {
        const x = s[i];
        if (x !== x)
            continue;
        n++;
        if (x >= lo && x <= hi)
            inside++;
    }
    const v = n ? inside / n : 1;
    return result('boundary_adherence', 'Boundary adherence', c.name, v, v);
}
/** SDMetrics CategoryAdherence: share of present synthetic values that are categories seen in the real column. */
export function categoryAdherenceOf(c) {
    const k = c.categories.length;
    const r = new Uint8Array(k);
    for (let i = 0; i < c.real.length; i++)
        if (c.real[i] >= 0)
            r[c.real[i]] = 1;
    let n = 0, ok = 0;
    for (let i = 0; i < c.synthetic.length; i++) {
        const x = c.synthetic[i];
        if (x < 0)
            continue;
        n++;
        if (r[x])
            ok++;
    }
    const v = n ? ok / n : 1;
    return result('category_adherence', 'Category adherence', c.name, v, v);
}
/** All per-column metrics of one aligned column, in a fixed order. */
export function columnMetricsOf(c) {
    if (c.kind === 'numeric') {
        return [
            ksComplementOf(c),
            wassersteinOf(c),
            jensenShannonOf(c),
            missingRateOf(c),
            rangeCoverageOf(c),
            boundaryAdherenceOf(c),
        ];
    }
    return [
        tvComplementOf(c),
        jensenShannonOf(c),
        missingRateOf(c),
        categoryCoverageOf(c),
        categoryAdherenceOf(c),
    ];
}
// ---------------------------------------------------------------- table-level wrappers
function perColumn(real, synthetic, opts, f) {
    const out = [];
    for (const c of alignTables(real, synthetic, opts?.columns)) {
        const r = f(c);
        if (r)
            out.push(r);
    }
    return out;
}
/** KS complement of every numeric / datetime column. */
export function ksComplement(real, synthetic, opts) {
    return perColumn(real, synthetic, opts, (c) => (c.kind === 'numeric' ? ksComplementOf(c) : null));
}
/** TV complement of every categorical / boolean column. */
export function tvComplement(real, synthetic, opts) {
    return perColumn(real, synthetic, opts, (c) => (c.kind === 'categorical' ? tvComplementOf(c) : null));
}
/** Range-normalised Wasserstein distance of every numeric / datetime column. */
export function wassersteinDistance(real, synthetic, opts) {
    return perColumn(real, synthetic, opts, (c) => (c.kind === 'numeric' ? wassersteinOf(c) : null));
}
/** Jensen–Shannon distance of every compared column. */
export function jensenShannonDistance(real, synthetic, opts) {
    return perColumn(real, synthetic, opts, jensenShannonOf);
}
/** Missing-rate similarity of every compared column. */
export function missingRateSimilarity(real, synthetic, opts) {
    return perColumn(real, synthetic, opts, missingRateOf);
}
/** Range coverage of every numeric / datetime column. */
export function rangeCoverage(real, synthetic, opts) {
    return perColumn(real, synthetic, opts, (c) => (c.kind === 'numeric' ? rangeCoverageOf(c) : null));
}
/** Category coverage of every categorical / boolean column. */
export function categoryCoverage(real, synthetic, opts) {
    return perColumn(real, synthetic, opts, (c) => (c.kind === 'categorical' ? categoryCoverageOf(c) : null));
}
/** Boundary adherence (numerics) and category adherence (categoricals) of every compared column. */
export function boundaryAdherence(real, synthetic, opts) {
    return perColumn(real, synthetic, opts, (c) => c.kind === 'numeric' ? boundaryAdherenceOf(c) : categoryAdherenceOf(c));
}
/** Every per-column metric of every compared column. */
export function columnMetrics(real, synthetic, opts) {
    return alignTables(real, synthetic, opts?.columns).flatMap(columnMetricsOf);
}
//# sourceMappingURL=columns.js.map