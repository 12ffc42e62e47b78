const W_CAT = Math.SQRT1_2;
const W_COUNT = 2;
function meanSd(v, f = (x) => x) {
    let s = 0, s2 = 0, n = 0;
    for (const x0 of v) {
        if (x0 !== x0)
            continue;
        const x = f(x0);
        s += x;
        s2 += x * x;
        n++;
    }
    const mean = n ? s / n : 0;
    const sd = n ? Math.sqrt(Math.max(0, s2 / n - mean * mean)) : 0;
    return { mean, sd: sd > 0 ? sd : 1 };
}
function topCategories(c, max) {
    if (c.kind !== 'categorical')
        return [];
    const n = new Int32Array(c.categories.length);
    for (const k of c.codes)
        if (k >= 0)
            n[k]++;
    return [...n.keys()]
        .filter((k) => n[k] > 0)
        .sort((a, b) => n[b] - n[a] || a - b)
        .slice(0, max)
        .map((k) => c.categories[k]);
}
function dimsOf(features, count) {
    let d = count ? 1 : 0;
    for (const f of features)
        d += f.kind === 'categories' ? f.categories.length : 1;
    return d;
}
/** The rows of `t` as points (n × dims, row-major). */
function encode(t, g) {
    const n = t.nRows;
    const dims = dimsOf(g.features, g.count);
    const out = new Float64Array(n * dims);
    let d = 0;
    for (const f of g.features) {
        const c = t.column(f.column);
        if (f.kind === 'categories') {
            const cats = f.categories;
            if (c.kind === 'categorical') {
                const map = Int32Array.from(c.categories, (s) => cats.indexOf(s));
                for (let i = 0; i < n; i++) {
                    const k = c.codes[i] < 0 ? -1 : map[c.codes[i]];
                    if (k >= 0)
                        out[i * dims + d + k] = W_CAT;
                }
            }
            d += cats.length;
            continue;
        }
        if (c.kind === 'boolean')
            for (let i = 0; i < n; i++)
                out[i * dims + d] = c.values[i] === 1 ? 1 : 0;
        else if (c.kind === 'numeric' || c.kind === 'datetime')
            for (let i = 0; i < n; i++) {
                const x = c.values[i];
                out[i * dims + d] = x === x ? (x - f.mean) / f.sd : 0;
            }
        d++;
    }
    if (g.count) {
        const c = t.column(g.count.column);
        const v = c.values;
        for (let i = 0; i < n; i++) {
            const x = v[i] === v[i] ? Math.log1p(Math.max(0, v[i])) : 0;
            out[i * dims + d] = (W_COUNT * (x - g.count.mean)) / g.count.sd;
        }
    }
    return out;
}
function nearest(points, i, centres, k, dims) {
    let best = 0, bd = Infinity;
    for (let c = 0; c < k; c++) {
        let s = 0;
        for (let d = 0; d < dims; d++) {
            const z = points[i * dims + d] - centres[c * dims + d];
            s += z * z;
        }
        if (s < bd) {
            bd = s;
            best = c;
        }
    }
    return best;
}
/**
 * Clusters the rows of `t` (the parent) into at most `k` groups over `columns` and the `count` column (see the
 * module comment). Returns the grouping and each row's group.
 */
export function fitGrouping(t, columns, count, k, rng) {
    const features = [];
    for (const name of columns) {
        const c = t.column(name);
        if (c.kind === 'numeric' || c.kind === 'datetime')
            features.push({ column: name, kind: 'number', ...meanSd(c.values) });
        else if (c.kind === 'boolean')
            features.push({ column: name, kind: 'boolean' });
        else if (c.kind === 'categorical') {
            const categories = topCategories(c, 8);
            if (categories.length)
                features.push({ column: name, kind: 'categories', categories });
        }
    }
    const countSpec = count
        ? { column: count, ...meanSd(t.column(count).values, Math.log1p) }
        : null;
    const dims = dimsOf(features, countSpec);
    const n = t.nRows;
    const points = encode(t, { features, count: countSpec });
    const kk = Math.max(1, Math.min(k, n));
    const centres = new Float64Array(kk * dims);
    // k-means++ seeding
    const dist = new Float64Array(n).fill(Infinity);
    let first = rng.int(n);
    for (let c = 0; c < kk; c++) {
        centres.set(points.subarray(first * dims, first * dims + dims), c * dims);
        let total = 0;
        for (let i = 0; i < n; i++) {
            let s = 0;
            for (let d = 0; d < dims; d++) {
                const z = points[i * dims + d] - centres[c * dims + d];
                s += z * z;
            }
            if (s < dist[i])
                dist[i] = s;
            total += dist[i];
        }
        if (!(total > 0)) {
            // fewer distinct points than k
            const g = {
                features,
                count: countSpec,
                centres: Array.from(centres.subarray(0, (c + 1) * dims)),
                k: c + 1,
                dims,
            };
            return { grouping: g, groups: assignGroups(t, g) };
        }
        let u = rng.float() * total;
        first = n - 1;
        for (let i = 0; i < n; i++) {
            u -= dist[i];
            if (u < 0) {
                first = i;
                break;
            }
        }
    }
    const groups = new Int32Array(n);
    const sums = new Float64Array(kk * dims);
    const sizes = new Int32Array(kk);
    for (let it = 0; it < 25; it++) {
        let changed = 0;
        for (let i = 0; i < n; i++) {
            const g = nearest(points, i, centres, kk, dims);
            if (g !== groups[i] || it === 0)
                changed++;
            groups[i] = g;
        }
        if (it > 0 && changed === 0)
            break;
        sums.fill(0);
        sizes.fill(0);
        for (let i = 0; i < n; i++) {
            const g = groups[i];
            sizes[g]++;
            for (let d = 0; d < dims; d++)
                sums[g * dims + d] += points[i * dims + d];
        }
        for (let g = 0; g < kk; g++)
            if (sizes[g])
                for (let d = 0; d < dims; d++)
                    centres[g * dims + d] = sums[g * dims + d] / sizes[g];
    }
    return { grouping: { features, count: countSpec, centres: Array.from(centres), k: kk, dims }, groups };
}
/** The group (nearest centre) of every row of `t`. */
export function assignGroups(t, g) {
    const points = encode(t, g);
    const centres = Float64Array.from(g.centres);
    const out = new Int32Array(t.nRows);
    for (let i = 0; i < t.nRows; i++)
        out[i] = nearest(points, i, centres, g.k, g.dims);
    return out;
}
//# sourceMappingURL=groups.js.map