import { datetimeCodec } from './datetime.js';
import { isCategoricalDomain, isDatetimeDomain, isNumericDomain } from './schema.js';
import { LookalikeError } from '../errors.js';
export class Discretizer {
    name;
    kind;
    size;
    /** Code of the missing value, or -1. */
    missingCode;
    json;
    constructor(json) {
        this.json = json;
        this.name = json.name;
        this.kind = json.kind;
        this.size = json.size;
        this.missingCode = json.includeMissing ? json.size - 1 : -1;
    }
    /** Number of codes for present values. */
    get valueCodes() {
        return this.json.includeMissing ? this.size - 1 : this.size;
    }
    /** A short label per code (for reports). */
    get labels() {
        const j = this.json;
        const out = [];
        if (j.categories)
            out.push(...j.categories);
        else if (j.values)
            out.push(...j.values.map(String));
        else if (j.offset !== null)
            for (let k = 0; k < this.valueCodes; k++)
                out.push(String(j.offset + k));
        else if (j.edges) {
            const fmt = j.format ? datetimeCodec(j.format) : null;
            const f = (x) => (fmt ? fmt.format_(x) : String(+x.toPrecision(6)));
            for (let k = 0; k + 1 < j.edges.length; k++)
                out.push(`[${f(j.edges[k])}, ${f(j.edges[k + 1])}${k + 2 === j.edges.length ? ']' : ')'}`);
        }
        else
            out.push('false', 'true');
        if (j.includeMissing)
            out.push('(missing)');
        return out;
    }
    toJSON() {
        return this.json;
    }
    /** Codes of a column of this discretizer's kind. Missing values without a missing code throw. */
    encode(col) {
        const j = this.json;
        const miss = this.missingCode;
        const n = col.kind === 'categorical' ? col.codes.length : col.values.length;
        const out = new Int32Array(n);
        let missingSeen = 0;
        switch (col.kind) {
            case 'categorical': {
                const lookup = new Map((j.categories ?? []).map((c, i) => [c, i]));
                const remap = col.categories.map((c) => lookup.get(c) ?? -1);
                let unknown = 0;
                for (let i = 0; i < n; i++) {
                    const c = col.codes[i];
                    const k = c < 0 ? -1 : remap[c];
                    if (k >= 0)
                        out[i] = k;
                    else {
                        if (c >= 0)
                            unknown++;
                        missingSeen++;
                        out[i] = miss;
                    }
                }
                if (unknown && miss < 0)
                    throw new LookalikeError(`column "${this.name}": ${unknown} values are outside its category domain`);
                break;
            }
            case 'boolean':
                for (let i = 0; i < n; i++) {
                    const v = col.values[i];
                    if (v < 0) {
                        missingSeen++;
                        out[i] = miss;
                    }
                    else
                        out[i] = v;
                }
                break;
            case 'numeric':
            case 'datetime': {
                const v = col.values;
                if (j.values) {
                    const vs = j.values;
                    for (let i = 0; i < n; i++) {
                        const x = v[i];
                        if (Number.isNaN(x)) {
                            missingSeen++;
                            out[i] = miss;
                            continue;
                        }
                        // the nearest listed value (binary search)
                        let lo = 0, hi = vs.length - 1;
                        while (hi - lo > 1) {
                            const mid = (lo + hi) >> 1;
                            if (vs[mid] <= x)
                                lo = mid;
                            else
                                hi = mid;
                        }
                        out[i] = Math.abs(vs[hi] - x) < Math.abs(x - vs[lo]) ? hi : lo;
                    }
                }
                else if (j.offset !== null) {
                    const hi = this.valueCodes - 1;
                    for (let i = 0; i < n; i++) {
                        const x = v[i];
                        if (Number.isNaN(x)) {
                            missingSeen++;
                            out[i] = miss;
                        }
                        else {
                            const k = Math.round(x) - j.offset;
                            out[i] = k < 0 ? 0 : k > hi ? hi : k;
                        }
                    }
                }
                else {
                    const e = j.edges;
                    const nb = e.length - 1;
                    for (let i = 0; i < n; i++) {
                        const x = v[i];
                        if (Number.isNaN(x)) {
                            missingSeen++;
                            out[i] = miss;
                            continue;
                        }
                        // binary search: largest k with e[k] <= x, clipped to [0, nb-1]
                        let lo = 0, hi = nb;
                        while (hi - lo > 1) {
                            const mid = (lo + hi) >> 1;
                            if (e[mid] <= x)
                                lo = mid;
                            else
                                hi = mid;
                        }
                        out[i] = lo;
                    }
                }
                break;
            }
            default:
                throw new LookalikeError(`column "${this.name}" of kind ${col.kind} cannot be discretised`);
        }
        if (missingSeen && miss < 0) {
            throw new LookalikeError(`column "${this.name}" has ${missingSeen} missing values but its schema says it is not nullable`);
        }
        return out;
    }
    /** A column from codes; values drawn uniformly within each bin with `rng`. */
    decode(codes, rng) {
        const j = this.json;
        const n = codes.length;
        const miss = this.missingCode;
        switch (j.kind) {
            case 'categorical': {
                const out = new Int32Array(n);
                for (let i = 0; i < n; i++)
                    out[i] = codes[i] === miss ? -1 : codes[i];
                return { kind: 'categorical', name: j.name, codes: out, categories: j.categories };
            }
            case 'boolean': {
                const out = new Int8Array(n);
                for (let i = 0; i < n; i++)
                    out[i] = codes[i] === miss ? -1 : codes[i];
                return { kind: 'boolean', name: j.name, values: out };
            }
            case 'numeric':
            case 'datetime': {
                const out = new Float64Array(n);
                const e = j.edges;
                const last = e ? e.length - 2 : 0;
                const within = j.fine && e ? fineSampler(e, j.fine) : null;
                const fineLast = j.fine ? j.fine.edges.length - 2 : 0;
                for (let i = 0; i < n; i++) {
                    const k = codes[i];
                    if (k === miss)
                        out[i] = NaN;
                    else if (j.values)
                        out[i] = j.values[k];
                    else if (j.offset !== null)
                        out[i] = j.offset + k;
                    else {
                        let a = e[k], b = e[k + 1];
                        let isLast = k === last;
                        if (within) {
                            const c = within(k, rng);
                            a = j.fine.edges[c];
                            b = j.fine.edges[c + 1];
                            isLast = c === fineLast;
                        }
                        if (j.integer) {
                            const lo = Math.ceil(a);
                            const hi = isLast ? Math.floor(b) : Math.ceil(b) - 1;
                            const width = hi - lo + 1;
                            if (!(hi >= lo))
                                out[i] = Math.round(a);
                            else if (width <= 4294967296)
                                out[i] = lo + rng.int(width);
                            // wider than Rng.int can draw from (e.g. epoch-ms integers): a uniform float, floored
                            else
                                out[i] = Math.min(hi, lo + Math.floor(width * rng.float()));
                        }
                        else
                            out[i] = a + (b - a) * rng.float();
                    }
                }
                if (j.kind === 'datetime') {
                    const codec = datetimeCodec(j.format);
                    for (let i = 0; i < n; i++)
                        if (!Number.isNaN(out[i]))
                            out[i] = codec.parse(codec.format_(out[i]));
                    return { kind: 'datetime', name: j.name, values: out, format: j.format };
                }
                return { kind: 'numeric', name: j.name, values: out, integer: j.integer };
            }
            default:
                throw new LookalikeError(`column "${j.name}" of kind ${j.kind} cannot be decoded`);
        }
    }
}
/**
 * The discretizer of a column, from its spec's domain. Throws when the column has no usable domain (id and
 * text columns, or a numeric/categorical/datetime spec without a domain).
 */
export function discretizer(spec, opts = {}) {
    const includeMissing = opts.includeMissing ?? spec.nullable ?? false;
    const bins = opts.bins ?? 32;
    const maxExact = opts.maxExactIntegers ?? 128;
    const base = {
        name: spec.name,
        kind: spec.kind,
        includeMissing,
        integer: false,
        format: null,
        edges: null,
        offset: null,
        categories: null,
    };
    const extra = includeMissing ? 1 : 0;
    const d = spec.domain;
    switch (spec.kind) {
        case 'boolean':
            return new Discretizer({ ...base, size: 2 + extra });
        case 'categorical':
            if (!isCategoricalDomain(d))
                throw new LookalikeError(`column "${spec.name}" has no category domain to discretise with`);
            return new Discretizer({ ...base, categories: d.categories, size: d.categories.length + extra });
        case 'numeric': {
            if (!isNumericDomain(d))
                throw new LookalikeError(`column "${spec.name}" has no numeric domain to discretise with`);
            const integer = spec.integer ?? false;
            if (opts.exactValues && d.values?.length)
                return new Discretizer({ ...base, integer, values: d.values, size: d.values.length + extra });
            if (d.bins)
                return new Discretizer({ ...base, integer, edges: d.bins, size: d.bins.length - 1 + extra });
            const lo = integer ? Math.ceil(d.min) : d.min;
            const hi = integer ? Math.floor(d.max) : d.max;
            if (integer && hi - lo + 1 <= maxExact)
                return new Discretizer({ ...base, integer, offset: lo, size: hi - lo + 1 + extra });
            return new Discretizer({
                ...base,
                integer,
                edges: equalWidth(lo, hi, bins),
                size: (hi > lo ? bins : 1) + extra,
            });
        }
        case 'datetime': {
            if (!isDatetimeDomain(d) || !spec.format)
                throw new LookalikeError(`column "${spec.name}" has no datetime domain to discretise with`);
            const codec = datetimeCodec(spec.format);
            const lo = codec.parse(d.min), hi = codec.parse(d.max);
            return new Discretizer({
                ...base,
                format: spec.format,
                edges: equalWidth(lo, hi, bins),
                size: (hi > lo ? bins : 1) + extra,
            });
        }
        default:
            throw new LookalikeError(`column "${spec.name}" of kind ${spec.kind} cannot be discretised`);
    }
}
/**
 * Per bin of `edges`, a sampler of its fine cells by weight (cells whose midpoint lies in the bin); a bin whose
 * cells weigh nothing draws among them uniformly. Returns the fine cell index.
 */
function fineSampler(edges, fine) {
    const nb = edges.length - 1;
    const first = new Int32Array(nb + 1);
    let c = 0;
    for (let k = 0; k < nb; k++) {
        first[k] = c;
        while (c < fine.weights.length && (fine.edges[c] + fine.edges[c + 1]) / 2 < edges[k + 1])
            c++;
        if (k === nb - 1)
            c = fine.weights.length;
    }
    first[nb] = fine.weights.length;
    const cum = new Float64Array(fine.weights.length);
    for (let k = 0; k < nb; k++) {
        let t = 0;
        for (let i = first[k]; i < first[k + 1]; i++)
            cum[i] = t += Math.max(0, fine.weights[i]);
    }
    return (bin, rng) => {
        const lo = first[bin], hi = first[bin + 1];
        if (hi <= lo)
            return Math.min(lo, fine.weights.length - 1);
        const total = cum[hi - 1];
        if (!(total > 0))
            return lo + rng.int(hi - lo);
        const u = rng.float() * total;
        let a = lo, b = hi - 1;
        while (a < b) {
            const m = (a + b) >> 1;
            if (cum[m] > u)
                b = m;
            else
                a = m + 1;
        }
        return a;
    };
}
function equalWidth(lo, hi, bins) {
    if (!(hi > lo))
        return [lo, hi];
    const e = new Array(bins + 1);
    for (let k = 0; k <= bins; k++)
        e[k] = lo + ((hi - lo) * k) / bins;
    e[bins] = hi;
    return e;
}
/** Rebuild a discretizer from its JSON (as stored in a model file). */
export function discretizerFromJSON(json) {
    return new Discretizer(json);
}
//# sourceMappingURL=encode.js.map