import { LookalikeError, ProblemList } from '../errors.js';
/** The bin edges / category maps of a set of features; shared by every LearnData binned the same way. */
export class Binning {
    features;
    /** Value bins + 1 (the missing bin) per feature. */
    nBins;
    /** Index of the missing bin per feature (= number of value bins). */
    missingBin;
    isCategorical;
    /** Offset of each feature's first bin in a flat histogram; `totalBins` in all. */
    offsets;
    totalBins;
    constructor(features) {
        const p = features.length;
        this.features = features;
        this.nBins = new Int32Array(p);
        this.missingBin = new Int32Array(p);
        this.isCategorical = new Uint8Array(p);
        this.offsets = new Int32Array(p);
        let off = 0;
        for (let f = 0; f < p; f++) {
            const fb = features[f];
            const nv = fb.kind === 'numeric' ? fb.edges.length + 1 : fb.categories.length;
            this.missingBin[f] = nv;
            this.nBins[f] = nv + 1;
            this.isCategorical[f] = fb.kind === 'categorical' ? 1 : 0;
            this.offsets[f] = off;
            off += nv + 1;
        }
        this.totalBins = off;
    }
}
/** The concrete LearnData: bin codes per feature, plus raw numeric values for the linear models. */
export class BinnedData {
    nRows;
    features;
    binning;
    codes;
    /** Numeric features: the values (NaN = missing); categorical features: null (use `codes`). */
    raw;
    constructor(nRows, binning, codes, raw) {
        this.nRows = nRows;
        this.binning = binning;
        this.features = binning.features.map((f) => f.name);
        this.codes = codes;
        this.raw = raw;
    }
}
/** Narrow a public LearnData to the implementation, with a clear error for foreign objects. */
export function asBinned(data, what = 'data') {
    if (!(data instanceof BinnedData)) {
        throw new LookalikeError(`${what} must come from makeLearnData()`, [], 'usage');
    }
    return data;
}
/** Thresholds between value bins of a numeric column (see the module comment). */
export function numericEdges(values, maxBins) {
    let m = 0;
    for (let i = 0; i < values.length; i++)
        if (!Number.isNaN(values[i]))
            m++;
    const sorted = new Float64Array(m);
    m = 0;
    for (let i = 0; i < values.length; i++)
        if (!Number.isNaN(values[i]))
            sorted[m++] = values[i];
    sorted.sort();
    // distinct values
    let nd = 0;
    for (let i = 0; i < m; i++)
        if (i === 0 || sorted[i] !== sorted[i - 1])
            nd++;
    if (nd <= 1)
        return new Float64Array(0);
    if (nd <= maxBins) {
        const edges = new Float64Array(nd - 1);
        let k = 0;
        let prev = sorted[0];
        for (let i = 1; i < m; i++) {
            if (sorted[i] !== prev) {
                edges[k++] = (prev + sorted[i]) / 2;
                prev = sorted[i];
            }
        }
        return edges;
    }
    // quantiles at q = j / maxBins, j = 1..maxBins-1, numpy's "midpoint" method
    const out = [];
    for (let j = 1; j < maxBins; j++) {
        const pos = (j / maxBins) * (m - 1);
        const lo = Math.floor(pos);
        const hi = Math.ceil(pos);
        const q = (sorted[lo] + sorted[hi]) / 2;
        if (out.length === 0 || q > out[out.length - 1])
            out.push(q);
    }
    // a threshold equal to the largest value would leave the last bin empty
    while (out.length && out[out.length - 1] >= sorted[m - 1])
        out.pop();
    return Float64Array.from(out);
}
/** Bin index of `x` given thresholds `edges` (binary search); NaN → `edges.length + 1` (the missing bin). */
export function numericBin(edges, x) {
    if (Number.isNaN(x))
        return edges.length + 1;
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (x <= edges[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}
function numericValues(c) {
    if (c.kind === 'numeric' || c.kind === 'datetime')
        return c.values;
    return null;
}
function columnCategories(c) {
    if (c.kind === 'categorical')
        return c.categories;
    if (c.kind === 'boolean')
        return ['false', 'true'];
    return null;
}
/** Bin codes of column `c` under `fb`; categorical columns are matched to `fb.categories` by name. */
export function binColumn(c, fb) {
    const n = c.kind === 'categorical' ? c.codes.length : c.values.length;
    if (fb.kind === 'numeric') {
        const v = numericValues(c);
        const codes = new Uint8Array(n);
        for (let i = 0; i < n; i++)
            codes[i] = numericBin(fb.edges, v[i]);
        return { codes, raw: v };
    }
    const miss = fb.categories.length;
    const codes = miss + 1 <= 256 ? new Uint8Array(n) : new Uint16Array(n);
    const own = columnCategories(c);
    let map;
    if (own === fb.categories) {
        map = Int32Array.from(own, (_, i) => i);
    }
    else {
        const lookup = new Map();
        fb.categories.forEach((s, i) => lookup.set(s, i));
        map = Int32Array.from(own, (s) => lookup.get(s) ?? miss);
    }
    if (c.kind === 'categorical') {
        const src = c.codes;
        for (let i = 0; i < n; i++) {
            const k = src[i];
            codes[i] = k < 0 ? miss : map[k];
        }
    }
    else {
        const src = c.values;
        for (let i = 0; i < n; i++) {
            const k = src[i];
            codes[i] = k < 0 ? miss : map[k];
        }
    }
    return { codes, raw: null };
}
/** Binning of one column (numeric/datetime → quantile edges, categorical/boolean → its categories). */
export function featureBinning(c, maxBins) {
    const v = numericValues(c);
    if (v)
        return { kind: 'numeric', name: c.name, edges: numericEdges(v, maxBins) };
    return { kind: 'categorical', name: c.name, categories: columnCategories(c) };
}
const BINNABLE = new Set(['numeric', 'datetime', 'categorical', 'boolean']);
/**
 * Bin the named columns of `table` for the learners. With `reference`, use its bin edges and category maps (so test
 * rows are binned like the training rows); categories the reference never saw go to the missing bin.
 * Throws a LookalikeError listing every unknown, duplicate or unsupported (id / text) feature.
 */
export function makeLearnData(table, features, opts = {}) {
    const p = new ProblemList();
    const maxBins = opts.maxBins ?? 255;
    if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > 255)
        p.add(`maxBins must be an integer in [2, 255], got ${maxBins}`);
    const seen = new Set();
    for (const f of features) {
        if (seen.has(f))
            p.add(`feature "${f}" is listed twice`);
        seen.add(f);
        if (!table.has(f))
            p.add(`feature "${f}" is not a column of the table`);
        else if (!BINNABLE.has(table.column(f).kind)) {
            p.add(`feature "${f}" is a ${table.column(f).kind} column; the learners take numeric, datetime, categorical and boolean columns`);
        }
    }
    let ref;
    if (opts.reference !== undefined) {
        ref = asBinned(opts.reference, 'reference');
        if (ref.features.length !== features.length || ref.features.some((f, i) => f !== features[i])) {
            p.add('the features must be those of the reference, in the same order');
        }
        else {
            ref.binning.features.forEach((fb, i) => {
                if (!table.has(features[i]))
                    return;
                const c = table.column(features[i]);
                const numeric = c.kind === 'numeric' || c.kind === 'datetime';
                if (numeric !== (fb.kind === 'numeric'))
                    p.add(`feature "${features[i]}" is ${c.kind} here but was ${fb.kind} in the reference`);
            });
        }
    }
    p.throwIfAny('cannot bin the features:', 'usage');
    const binning = ref
        ? ref.binning
        : new Binning(features.map((f) => featureBinning(table.column(f), maxBins)));
    const codes = [];
    const raw = [];
    binning.features.forEach((fb, i) => {
        const r = binColumn(table.column(features[i]), fb);
        codes.push(r.codes);
        raw.push(r.raw);
    });
    return new BinnedData(table.nRows, binning, codes, raw);
}
//# sourceMappingURL=data.js.map