import { LookalikeError } from '../../errors.js';
/** Fidelity kind of a column kind; null for kinds that are not compared. */
export function fidelityKind(kind) {
    if (kind === 'numeric' || kind === 'datetime')
        return 'numeric';
    if (kind === 'categorical' || kind === 'boolean')
        return 'categorical';
    return null;
}
/**
 * Align the comparable columns of `real` and `synthetic` (optionally only `columns`, in that order). Throws a
 * LookalikeError listing every column that is missing from the synthetic table or has another kind there.
 */
export function alignTables(real, synthetic, columns) {
    const names = columns ?? real.names;
    const problems = [];
    const out = [];
    for (const name of names) {
        if (!real.has(name)) {
            problems.push(`column "${name}" is not in the real table`);
            continue;
        }
        const r = real.column(name);
        const fk = fidelityKind(r.kind);
        if (fk === null)
            continue;
        if (!synthetic.has(name)) {
            problems.push(`column "${name}" is missing from the synthetic table`);
            continue;
        }
        const s = synthetic.column(name);
        if (fidelityKind(s.kind) !== fk || (r.kind === 'boolean') !== (s.kind === 'boolean')) {
            problems.push(`column "${name}" is ${r.kind} in the real table but ${s.kind} in the synthetic table`);
            continue;
        }
        out.push(alignColumn(r, s));
    }
    if (problems.length)
        throw new LookalikeError('cannot compare the synthetic table with the real one', problems);
    return out;
}
/** Align one pair of columns of compatible kinds (see `alignTables`). */
export function alignColumn(r, s) {
    if ((r.kind === 'numeric' || r.kind === 'datetime') && (s.kind === 'numeric' || s.kind === 'datetime')) {
        return {
            name: r.name,
            kind: 'numeric',
            datetime: r.kind === 'datetime',
            real: r.values,
            synthetic: s.values,
        };
    }
    if (r.kind === 'boolean' && s.kind === 'boolean') {
        return {
            name: r.name,
            kind: 'categorical',
            categories: ['false', 'true'],
            nRealCategories: 2,
            real: Int32Array.from(r.values),
            synthetic: Int32Array.from(s.values),
        };
    }
    if (r.kind === 'categorical' && s.kind === 'categorical') {
        const categories = [...r.categories];
        const lookup = new Map();
        categories.forEach((c, i) => {
            if (!lookup.has(c))
                lookup.set(c, i);
        });
        const remap = new Int32Array(s.categories.length);
        let same = s.categories.length <= categories.length;
        s.categories.forEach((c, i) => {
            let k = lookup.get(c);
            if (k === undefined) {
                k = categories.length;
                categories.push(c);
                lookup.set(c, k);
            }
            remap[i] = k;
            if (k !== i)
                same = false;
        });
        let codes = s.codes;
        if (!same) {
            codes = new Int32Array(s.codes.length);
            for (let i = 0; i < codes.length; i++) {
                const c = s.codes[i];
                codes[i] = c < 0 ? -1 : remap[c];
            }
        }
        return {
            name: r.name,
            kind: 'categorical',
            categories,
            nRealCategories: r.categories.length,
            real: r.codes,
            synthetic: codes,
        };
    }
    throw new Error(`alignColumn: incompatible kinds ${r.kind} and ${s.kind} for column "${r.name}"`);
}
/** Present (non-NaN) values, sorted ascending. */
export function sortedPresent(v) {
    let n = 0;
    for (let i = 0; i < v.length; i++)
        if (v[i] === v[i])
            n++;
    const out = new Float64Array(n);
    let j = 0;
    for (let i = 0; i < v.length; i++)
        if (v[i] === v[i])
            out[j++] = v[i];
    return out.sort();
}
/** Min and max of present values ([NaN, NaN] when none). */
export function presentRange(v) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x < lo)
            lo = x;
        if (x > hi)
            hi = x;
    }
    return lo <= hi ? [lo, hi] : [NaN, NaN];
}
/**
 * Bin index of each value given increasing `edges`: numpy's `clip(searchsorted(edges, x, 'right') - 1, 0,
 * max(len(edges) - 2, 0))` (values below/above the edges fall into the first/last bin); NaN → `missingCode`.
 */
export function binByEdges(v, edges, missingCode) {
    const out = new Int32Array(v.length);
    const m = edges.length;
    const last = Math.max(m - 2, 0);
    for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x !== x) {
            out[i] = missingCode;
            continue;
        }
        // searchsorted right: number of edges <= x
        let lo = 0, hi = m;
        while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (edges[mid] <= x)
                lo = mid + 1;
            else
                hi = mid;
        }
        let b = lo - 1;
        if (b < 0)
            b = 0;
        else if (b > last)
            b = last;
        out[i] = b;
    }
    return out;
}
/** numpy's `linspace(lo, hi, k + 1)`. */
export function equalWidthEdges(lo, hi, k) {
    const e = new Float64Array(k + 1);
    const step = (hi - lo) / k;
    for (let i = 0; i <= k; i++)
        e[i] = lo + i * step;
    e[k] = hi;
    return e;
}
/**
 * numpy's default ('linear', type 7) quantile of sorted values at probability p, with numpy 1.24's exact
 * floating-point steps (virtual index `n·p + (1 − p) − 1`, and `_lerp`'s two-sided interpolation) so bin edges
 * agree with judge.py bit for bit.
 */
export function quantileSorted(sorted, p) {
    const n = sorted.length;
    if (n === 0)
        return NaN;
    const h = n * p + (1 - p) - 1;
    const lo = Math.min(Math.max(Math.floor(h), 0), n - 1);
    const hi = Math.min(lo + 1, n - 1);
    const t = h - lo;
    const a = sorted[lo];
    const b = sorted[hi];
    const d = b - a;
    return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}
/** numpy's `unique(nanquantile(real, linspace(0, 1, k + 1)))`: quantile bin edges of the real values. */
export function quantileEdges(sortedReal, k) {
    const e = [];
    for (let i = 0; i <= k; i++) {
        const q = quantileSorted(sortedReal, i / k);
        if (e.length === 0 || q > e[e.length - 1])
            e.push(q);
    }
    return Float64Array.from(e);
}
/** Categorical column as discrete codes, missing → its own code. */
export function discreteCategorical(c) {
    const k = c.categories.length;
    const f = (a) => {
        const o = new Int32Array(a.length);
        for (let i = 0; i < a.length; i++)
            o[i] = a[i] < 0 ? k : a[i];
        return o;
    };
    return { name: c.name, real: f(c.real), synthetic: f(c.synthetic), size: k + 1 };
}
/** Numeric column binned by `edges`, missing → its own code. */
export function discreteNumeric(c, edges) {
    const nb = Math.max(edges.length - 1, 1);
    return {
        name: c.name,
        real: binByEdges(c.real, edges, nb),
        synthetic: binByEdges(c.synthetic, edges, nb),
        size: nb + 1,
    };
}
/**
 * SDMetrics-style discretisation of a numeric column for contingency similarity: 10 equal-width bins over the
 * real range (judge.py `binned(..., 10, quantile=False)`).
 */
export function discreteEqualWidth(c, k = 10) {
    const [lo, hi] = presentRange(c.real);
    const edges = Number.isNaN(lo) ? Float64Array.of(0, 0) : equalWidthEdges(lo, hi, k);
    return discreteNumeric(c, edges);
}
/** Quantile discretisation (w3_err): `k` quantile bins of the real values (judge.py `binned(..., 16, True)`). */
export function discreteQuantile(c, k = 16) {
    const s = sortedPresent(c.real);
    const edges = s.length ? quantileEdges(s, k) : Float64Array.of(0);
    return discreteNumeric(c, edges);
}
/** Discrete view of any aligned column: categoricals as is, numerics by `numeric`. */
export function discretize(c, numeric) {
    return c.kind === 'categorical' ? discreteCategorical(c) : numeric(c);
}
/** Counts of a discrete code array (length `size`). */
export function countCodes(codes, size) {
    const out = new Float64Array(size);
    for (let i = 0; i < codes.length; i++)
        out[codes[i]]++;
    return out;
}
/**
 * Total-variation distance between two count vectors normalised to proportions, computed as
 * Σ|a·nb − b·na| / (2·na·nb) so that integer counts give exact extremes (0 for equal, 1 for disjoint).
 */
export function tvdCounts(a, na, b, nb) {
    if (na === 0 || nb === 0)
        return na === nb ? 0 : 1;
    let s = 0;
    for (let i = 0; i < a.length; i++)
        s += Math.abs(a[i] * nb - b[i] * na);
    return s / (2 * na * nb);
}
/** Joint counts of two discrete columns (flat, row-major a×b). */
export function jointCounts(a, sa, b, sb, out) {
    const t = out ?? new Float64Array(sa * sb);
    if (out)
        t.fill(0);
    for (let i = 0; i < a.length; i++)
        t[a[i] * sb + b[i]]++;
    return t;
}
export function clamp01(x) {
    return x < 0 ? 0 : x > 1 ? 1 : x;
}
/**
 * Validate integer options (each `[name, value, minimum]`; undefined = default) and throw one LookalikeError
 * (kind `usage`) listing every bad one.
 */
export function checkIntOptions(what, items) {
    const problems = [];
    for (const [name, v, min] of items) {
        if (v === undefined)
            continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
            problems.push(`${name} must be an integer ≥ ${min}, got ${String(v)}`);
        }
    }
    if (problems.length)
        throw new LookalikeError(`${what}: invalid options`, problems, 'usage');
}
//# sourceMappingURL=prepare.js.map