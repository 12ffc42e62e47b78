/**
 * Factors over discrete domains (DESIGN.md rule 1): a factor is a set of attributes (integer ids, strictly
 * increasing), their sizes, and one flat row-major `Float64Array` of values — the last attribute varies fastest.
 * Factors of the graphical model hold *log* potentials; `logSumExpTo` marginalises in log space and
 * `sumTo` in probability space.
 *
 * Written by hand: no maintained npm package offers strided discrete factors over typed arrays (the JS tensor
 * libraries are GPU/float32 oriented and allocate per call); the kernels here are a few loops over index maps.
 */
/** The number of cells of a factor with this shape (1 for the empty shape). */
export function cellCount(shape) {
    let n = 1;
    for (const s of shape)
        n *= s;
    return n;
}
/** The shape of `attrs` under the domain `sizes` (sizes[a] = number of values of attribute a). */
export function shapeOf(attrs, sizes) {
    return attrs.map((a) => sizes[a]);
}
/** Sorted, de-duplicated copy. */
export function sortedAttrs(attrs) {
    return [...new Set(attrs)].sort((x, y) => x - y);
}
export function isSubset(sub, sup) {
    let j = 0;
    for (const a of sub) {
        while (j < sup.length && sup[j] < a)
            j++;
        if (j === sup.length || sup[j] !== a)
            return false;
        j++;
    }
    return true;
}
export function union(a, b) {
    return sortedAttrs([...a, ...b]);
}
export function intersection(a, b) {
    const sb = new Set(b);
    return a.filter((x) => sb.has(x));
}
export function factor(attrs, shape, values) {
    const n = cellCount(shape);
    if (attrs.length !== shape.length)
        throw new Error('factor: attrs and shape differ in length');
    for (let i = 1; i < attrs.length; i++)
        if (!(attrs[i] > attrs[i - 1]))
            throw new Error('factor: attrs must be strictly increasing');
    if (values && values.length !== n)
        throw new Error(`factor: ${values.length} values for ${n} cells`);
    return { attrs: [...attrs], shape: [...shape], values: values ?? new Float64Array(n) };
}
/**
 * For every cell of a factor over `attrs` (shape `shape`), the index of the cell of its projection on `sub`
 * (⊆ attrs, increasing) — the map used to marginalise (sum cells onto their projection) and to expand (read the
 * projection's value). O(cells).
 */
export function indexMap(attrs, shape, sub) {
    const k = attrs.length;
    const n = cellCount(shape);
    const map = new Int32Array(n);
    if (sub.length === 0 || n === 0)
        return map;
    // stride of each attribute of `attrs` inside the sub-factor (0 when not in sub)
    const tstride = new Array(k).fill(0);
    let s = 1;
    for (let j = sub.length - 1; j >= 0; j--) {
        const pos = attrs.indexOf(sub[j]);
        if (pos < 0)
            throw new Error('indexMap: sub is not a subset of attrs');
        tstride[pos] = s;
        s *= shape[pos];
    }
    if (isContiguousSuffix(tstride, shape)) {
        // sub is a suffix of attrs: the map is i mod |sub|
        const m = s;
        for (let i = 0; i < n; i++)
            map[i] = i % m;
        return map;
    }
    const ctr = new Int32Array(k);
    let idx = 0;
    for (let i = 0; i < n; i++) {
        map[i] = idx;
        // odometer increment from the last attribute
        for (let d = k - 1; d >= 0; d--) {
            if (++ctr[d] < shape[d]) {
                idx += tstride[d];
                break;
            }
            ctr[d] = 0;
            idx -= (shape[d] - 1) * tstride[d];
        }
    }
    return map;
}
function isContiguousSuffix(tstride, shape) {
    let expect = 1;
    let inSuffix = true;
    for (let d = tstride.length - 1; d >= 0; d--) {
        if (inSuffix && tstride[d] === expect)
            expect *= shape[d];
        else if (tstride[d] !== 0)
            return false;
        else
            inSuffix = false;
    }
    return true;
}
/** out[map[i]] += values[i] (out zeroed first). Probability-space marginalisation. */
export function sumTo(values, map, out) {
    out.fill(0);
    for (let i = 0; i < values.length; i++)
        out[map[i]] += values[i];
    return out;
}
/** out = log Σ exp over cells mapping to each output cell (log-space marginalisation), stable. */
export function logSumExpMapped(values, map, out) {
    const m = out.length;
    const mx = new Float64Array(m).fill(-Infinity);
    for (let i = 0; i < values.length; i++)
        if (values[i] > mx[map[i]])
            mx[map[i]] = values[i];
    out.fill(0);
    for (let i = 0; i < values.length; i++) {
        const t = mx[map[i]];
        if (t !== -Infinity)
            out[map[i]] += Math.exp(values[i] - t);
    }
    for (let j = 0; j < m; j++)
        out[j] = mx[j] === -Infinity ? -Infinity : mx[j] + Math.log(out[j]);
    return out;
}
/** log Σ exp(values), stable; -Infinity for an empty or all -Infinity array. */
export function logSumExp(values) {
    let mx = -Infinity;
    for (let i = 0; i < values.length; i++)
        if (values[i] > mx)
            mx = values[i];
    if (mx === -Infinity)
        return -Infinity;
    if (mx === Infinity)
        return Infinity;
    let s = 0;
    for (let i = 0; i < values.length; i++)
        s += Math.exp(values[i] - mx);
    return mx + Math.log(s);
}
/** Log-space marginal of `f` on `sub` (⊆ f.attrs): log Σ exp over the other attributes. */
export function logSumExpTo(f, sub) {
    const s = sortedAttrs(sub);
    const shape = s.map((a) => f.shape[f.attrs.indexOf(a)]);
    const out = new Float64Array(cellCount(shape));
    logSumExpMapped(f.values, indexMap(f.attrs, f.shape, s), out);
    return { attrs: s, shape, values: out };
}
/** Probability-space marginal of `f` on `sub` (⊆ f.attrs): Σ over the other attributes. */
export function sumOutTo(f, sub) {
    const s = sortedAttrs(sub);
    const shape = s.map((a) => f.shape[f.attrs.indexOf(a)]);
    const out = new Float64Array(cellCount(shape));
    sumTo(f.values, indexMap(f.attrs, f.shape, s), out);
    return { attrs: s, shape, values: out };
}
/** `f` broadcast to a factor over `attrs` ⊇ f.attrs with the given shape (values repeated). */
export function expand(f, attrs, shape) {
    const map = indexMap(attrs, shape, f.attrs);
    const out = new Float64Array(map.length);
    for (let i = 0; i < map.length; i++)
        out[i] = f.values[map[i]];
    return { attrs: [...attrs], shape: [...shape], values: out };
}
/** Log-space product (sum of log values) of two factors, over the union of their attributes. */
export function logProduct(a, b) {
    const attrs = union(a.attrs, b.attrs);
    const shape = attrs.map((x) => {
        const i = a.attrs.indexOf(x);
        return i >= 0 ? a.shape[i] : b.shape[b.attrs.indexOf(x)];
    });
    const ma = indexMap(attrs, shape, a.attrs);
    const mb = indexMap(attrs, shape, b.attrs);
    const out = new Float64Array(ma.length);
    for (let i = 0; i < out.length; i++)
        out[i] = a.values[ma[i]] + b.values[mb[i]];
    return { attrs, shape, values: out };
}
/** Log-space normalisation: subtract logSumExp so that exp(values) sums to 1 (or to `total`). */
export function logNormalise(f, total = 1) {
    const z = logSumExp(f.values) - Math.log(total);
    const out = new Float64Array(f.values.length);
    for (let i = 0; i < out.length; i++)
        out[i] = f.values[i] - z;
    return { attrs: [...f.attrs], shape: [...f.shape], values: out };
}
/** exp of a log-space factor. */
export function expFactor(f) {
    const out = new Float64Array(f.values.length);
    for (let i = 0; i < out.length; i++)
        out[i] = Math.exp(f.values[i]);
    return { attrs: [...f.attrs], shape: [...f.shape], values: out };
}
/**
 * The same factor with its axes reordered so that `order` (a permutation of f.attrs) is the row-major order —
 * used by the sampler to put conditioning attributes first. Returns a plain values array (attrs in `order`).
 */
export function transposeValues(f, order) {
    const shape = order.map((a) => f.shape[f.attrs.indexOf(a)]);
    // index of each cell of the transposed layout in f's layout
    const k = order.length;
    const srcStride = new Array(f.attrs.length);
    let s = 1;
    for (let d = f.attrs.length - 1; d >= 0; d--) {
        srcStride[d] = s;
        s *= f.shape[d];
    }
    const tstride = order.map((a) => srcStride[f.attrs.indexOf(a)]);
    const n = f.values.length;
    const out = new Float64Array(n);
    const ctr = new Int32Array(k);
    let idx = 0;
    for (let i = 0; i < n; i++) {
        out[i] = f.values[idx];
        for (let d = k - 1; d >= 0; d--) {
            if (++ctr[d] < shape[d]) {
                idx += tstride[d];
                break;
            }
            ctr[d] = 0;
            idx -= (shape[d] - 1) * tstride[d];
        }
    }
    return out;
}
//# sourceMappingURL=factor.js.map