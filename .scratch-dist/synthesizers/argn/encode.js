import { datetimeCodec } from '../../table/datetime.js';
import { isCategoricalDomain } from '../../table/schema.js';
import { isNumberArray, isRecord, roundDecimals } from '../common.js';
/** Tokens of a column (its cardinality, the missing token included). */
export function cardinality(c) {
    const base = c.encoding === 'category'
        ? c.categories.length
        : c.encoding === 'discrete'
            ? c.values.length
            : c.lo.length;
    return Math.max(1, base + (c.missing ? 1 : 0));
}
const STEPS = [86400000, 3600000, 60000, 1000, 1];
function present(values) {
    let m = 0;
    for (let i = 0; i < values.length; i++)
        if (values[i] === values[i])
            m++;
    const out = new Float64Array(m);
    m = 0;
    for (let i = 0; i < values.length; i++)
        if (values[i] === values[i])
            out[m++] = values[i];
    return out.sort();
}
/** The tokenisation of a column read off its data (a non-DP fit). */
export function fitTokenColumn(spec, col, o) {
    const name = spec.name;
    if (col.kind === 'categorical') {
        let missing = false;
        for (let i = 0; i < col.codes.length; i++)
            if (col.codes[i] < 0)
                missing = true;
        return { name, kind: 'categorical', encoding: 'category', categories: [...col.categories], missing };
    }
    if (col.kind === 'boolean') {
        let missing = false;
        for (let i = 0; i < col.values.length; i++)
            if (col.values[i] < 0)
                missing = true;
        return { name, kind: 'boolean', encoding: 'category', categories: ['false', 'true'], missing };
    }
    if (col.kind !== 'numeric' && col.kind !== 'datetime')
        throw new Error(`argn: column "${name}" of kind ${col.kind} is not modelled`);
    const sorted = present(col.values);
    const missing = sorted.length < col.values.length;
    const base = {
        name,
        kind: col.kind,
        missing,
        ...(col.kind === 'numeric' ? { integer: col.integer } : {}),
        ...(col.kind === 'numeric' && spec.decimals !== undefined ? { decimals: spec.decimals } : {}),
        ...(col.kind === 'datetime'
            ? { format: col.format, step: STEPS.find((s) => sorted.every((v) => v % s === 0)) ?? 1 }
            : {}),
    };
    // distinct values and their counts
    const vals = [];
    const counts = [];
    for (let i = 0; i < sorted.length; i++) {
        if (i > 0 && sorted[i] === sorted[i - 1])
            counts[counts.length - 1]++;
        else {
            vals.push(sorted[i]);
            counts.push(1);
        }
    }
    if (vals.length <= o.maxDiscrete)
        return { ...base, encoding: 'discrete', values: vals };
    // spikes: values holding ≥ 1/bins of the rows get a bin of their own
    const n = sorted.length;
    const spike = counts.map((c) => c * o.bins >= n);
    let spikes = 0;
    let rest = 0;
    counts.forEach((c, i) => {
        if (spike[i])
            spikes++;
        else
            rest += c;
    });
    const groups = Math.max(1, o.bins - spikes);
    const lo = [];
    const hi = [];
    // equal-count groups of the other values, cut between distinct values
    let acc = 0;
    let g = 0;
    let start = -1;
    for (let i = 0; i < vals.length; i++) {
        if (spike[i]) {
            if (start >= 0) {
                lo.push(vals[start]);
                hi.push(vals[i - 1]);
                start = -1;
            }
            lo.push(vals[i]);
            hi.push(vals[i]);
            continue;
        }
        if (start < 0)
            start = i;
        acc += counts[i];
        if (acc >= ((g + 1) * rest) / groups) {
            lo.push(vals[start]);
            hi.push(vals[i]);
            start = -1;
            while (acc >= ((g + 1) * rest) / groups && g < groups)
                g++;
        }
    }
    if (start >= 0) {
        lo.push(vals[start]);
        hi.push(vals[vals.length - 1]);
    }
    return { ...base, encoding: 'binned', lo, hi };
}
/**
 * The tokenisation of a column from public facts only (a DP fit): categories from the domain; an integer column
 * whose domain spans ≤ maxDiscrete values is discrete over it; other numeric/datetime columns are cut at the given
 * knots (increasing, from a DP release) within [min, max]. `missing`: whether the column may be missing (declared).
 */
export function publicTokenColumn(spec, bounds, knots, missing, o) {
    const name = spec.name;
    if (spec.kind === 'categorical') {
        const cats = isCategoricalDomain(spec.domain) ? [...spec.domain.categories] : [];
        return { name, kind: 'categorical', encoding: 'category', categories: cats, missing };
    }
    if (spec.kind === 'boolean')
        return { name, kind: 'boolean', encoding: 'category', categories: ['false', 'true'], missing };
    if ((spec.kind !== 'numeric' && spec.kind !== 'datetime') || !bounds)
        throw new Error(`argn: column "${name}" has no public bounds`);
    const [min, max] = bounds;
    const integer = spec.kind === 'numeric' && spec.integer === true;
    const base = {
        name,
        kind: spec.kind,
        missing,
        ...(spec.kind === 'numeric' ? { integer } : {}),
        ...(spec.kind === 'numeric' && spec.decimals !== undefined ? { decimals: spec.decimals } : {}),
        ...(spec.kind === 'datetime' ? { format: spec.format ?? 'ISO', step: 1 } : {}),
    };
    if (integer && max - min + 1 <= o.maxDiscrete) {
        const values = [];
        for (let v = Math.ceil(min); v <= max; v++)
            values.push(v);
        return { ...base, encoding: 'discrete', values };
    }
    // bins between consecutive distinct cut points (knots clipped to the bounds), at most `bins` of them
    const cuts = [min];
    const k = knots ?? [];
    const stride = Math.max(1, Math.ceil((k.length - 1) / o.bins));
    for (let i = stride; i < k.length - 1; i += stride) {
        let x = Math.min(max, Math.max(min, k[i]));
        if (integer)
            x = Math.round(x);
        if (x > cuts[cuts.length - 1] && x < max)
            cuts.push(x);
    }
    cuts.push(max);
    const lo = [];
    const hi = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
        lo.push(cuts[i]);
        hi.push(integer && i + 2 < cuts.length ? cuts[i + 1] - 1 : cuts[i + 1]);
    }
    if (lo.length === 0) {
        lo.push(min);
        hi.push(max);
    }
    return { ...base, encoding: 'binned', lo, hi };
}
/** Index of the first k with hi[k] ≥ x (clamped to the last bin). */
function binOf(lo, hi, x) {
    let a = 0;
    let b = hi.length - 1;
    while (a < b) {
        const m = (a + b) >>> 1;
        if (hi[m] < x)
            a = m + 1;
        else
            b = m;
    }
    // between two bins (a value not seen in training, e.g. a condition): the nearer one
    if (a > 0 && x < lo[a] && x - hi[a - 1] < lo[a] - x)
        return a - 1;
    return a;
}
/** Index of the nearest of increasing `values`. */
function nearest(values, x) {
    let a = 0;
    let b = values.length - 1;
    while (a < b) {
        const m = (a + b) >>> 1;
        if (values[m] < x)
            a = m + 1;
        else
            b = m;
    }
    if (a > 0 && x - values[a - 1] < values[a] - x)
        return a - 1;
    return a;
}
/** The token of one present value (numbers: the nearest value or bin; categories: by label, -1 when unknown). */
export function tokenOf(c, value) {
    if (c.encoding === 'category') {
        if (c.kind === 'boolean')
            return value === 1 || value === 'true' ? 1 : 0;
        return c.categories.indexOf(String(value));
    }
    const x = value;
    if (c.encoding === 'discrete')
        return c.values.length ? nearest(c.values, x) : -1;
    return binOf(c.lo, c.hi, x);
}
/**
 * The tokens of a column's rows. A missing value, or a category the tokenisation does not know (a DP fit's data
 * outside its declared domain), is the missing token when there is one, else the first token.
 */
export function encodeColumn(c, col) {
    const K = cardinality(c);
    const miss = c.missing ? K - 1 : 0;
    if (col.kind === 'categorical') {
        const map = Int32Array.from(col.categories, (label) => {
            const t = c.categories.indexOf(label);
            return t < 0 ? miss : t;
        });
        return Int32Array.from(col.codes, (k) => (k < 0 ? miss : map[k]));
    }
    if (col.kind === 'boolean')
        return Int32Array.from(col.values, (v) => (v < 0 ? miss : v));
    if (col.kind !== 'numeric' && col.kind !== 'datetime')
        throw new Error(`argn: column "${c.name}" is not modelled`);
    const out = new Int32Array(col.values.length);
    if (c.encoding === 'discrete') {
        const index = new Map(c.values.map((v, i) => [v, i]));
        for (let i = 0; i < out.length; i++) {
            const x = col.values[i];
            out[i] = x !== x ? miss : (index.get(x) ?? nearest(c.values, x));
        }
    }
    else {
        for (let i = 0; i < out.length; i++) {
            const x = col.values[i];
            out[i] = x !== x ? miss : binOf(c.lo, c.hi, x);
        }
    }
    return out;
}
/** A column of values from tokens (bins drawn uniformly within, with `rng`). */
export function decodeColumn(c, tokens, rng) {
    const n = tokens.length;
    const K = cardinality(c);
    const isMissing = (t) => c.missing && t === K - 1;
    if (c.kind === 'categorical')
        return {
            kind: 'categorical',
            name: c.name,
            codes: Int32Array.from(tokens, (t) => (isMissing(t) ? -1 : t)),
            categories: [...c.categories],
        };
    if (c.kind === 'boolean')
        return { kind: 'boolean', name: c.name, values: Int8Array.from(tokens, (t) => (isMissing(t) ? -1 : t)) };
    const values = new Float64Array(n);
    const step = c.kind === 'datetime' ? (c.step ?? 1) : c.integer ? 1 : 0;
    for (let i = 0; i < n; i++) {
        const t = tokens[i];
        if (isMissing(t)) {
            values[i] = NaN;
            continue;
        }
        if (c.encoding === 'discrete') {
            values[i] = c.values[t];
            continue;
        }
        const lo = c.lo[t];
        const hi = c.hi[t];
        if (hi <= lo)
            values[i] = lo;
        else if (step > 0) {
            const a = Math.ceil(lo / step);
            const b = Math.floor(hi / step);
            values[i] = b >= a ? (a + rng.int(b - a + 1)) * step : lo;
        }
        else
            values[i] = lo + (hi - lo) * rng.float();
    }
    if (c.kind === 'datetime') {
        const codec = datetimeCodec(c.format ?? 'ISO');
        for (let i = 0; i < n; i++)
            if (values[i] === values[i])
                values[i] = codec.parse(codec.format_(values[i]));
        return { kind: 'datetime', name: c.name, values, format: c.format ?? 'ISO' };
    }
    if (!c.integer)
        roundDecimals(values, c.decimals);
    return { kind: 'numeric', name: c.name, values, integer: c.integer ?? false };
}
/** Problems of a token column read from a model file (empty when valid). */
export function tokenColumnProblems(x, where) {
    if (!isRecord(x))
        return [`${where} must be an object`];
    const out = [];
    const at = typeof x.name === 'string' ? `column "${x.name}"` : where;
    if (typeof x.name !== 'string')
        out.push(`${where}: name must be a string`);
    if (!['numeric', 'datetime', 'categorical', 'boolean'].includes(x.kind))
        out.push(`${at}: kind must be numeric, datetime, categorical or boolean`);
    if (typeof x.missing !== 'boolean')
        out.push(`${at}: missing must be true or false`);
    const increasing = (a) => isNumberArray(a) && a.every((v, i) => i === 0 || v > a[i - 1]);
    switch (x.encoding) {
        case 'category':
            if (!Array.isArray(x.categories) || !x.categories.every((s) => typeof s === 'string'))
                out.push(`${at}: categories must be a list of strings`);
            else if (x.kind === 'boolean' && x.categories.length !== 2)
                out.push(`${at}: a boolean column has 2 categories`);
            break;
        case 'discrete':
            if (!increasing(x.values))
                out.push(`${at}: values must be increasing finite numbers`);
            break;
        case 'binned':
            if (!isNumberArray(x.lo) ||
                !isNumberArray(x.hi) ||
                x.lo.length !== x.hi.length ||
                x.lo.length === 0 ||
                x.lo.some((l, k) => l > x.hi[k] || (k > 0 && l < x.hi[k - 1])))
                out.push(`${at}: bins must be lists lo and hi of equal length, each bin lo ≤ hi, in increasing order`);
            break;
        default:
            out.push(`${at}: encoding must be category, discrete or binned`);
    }
    if ((x.kind === 'numeric' || x.kind === 'datetime') && x.encoding === 'category')
        out.push(`${at}: a ${String(x.kind)} column cannot have category encoding`);
    if ((x.kind === 'categorical' || x.kind === 'boolean') && x.encoding !== 'category')
        out.push(`${at}: a ${String(x.kind)} column must have category encoding`);
    if (x.kind === 'datetime' && typeof x.format !== 'string')
        out.push(`${at}: format must be a string`);
    return out;
}
//# sourceMappingURL=encode.js.map