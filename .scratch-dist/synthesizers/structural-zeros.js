import { cellCount } from '../pgm/factor.js';
/**
 * The values each code of a numeric or datetime discretizer decodes to, as an interval: [lo, hi] (hi excluded when
 * `hiOpen`); `none` = 1 for the missing code and for a code that decodes to no value. Datetime bins are taken as
 * they are (their decoded values are rounded to the format's precision, which may step over an edge: such a row is
 * checked and redrawn by the constraints layer).
 */
export function codeIntervals(d) {
    const j = d.toJSON();
    const lo = new Float64Array(d.size);
    const hi = new Float64Array(d.size);
    const hiOpen = new Uint8Array(d.size);
    const none = new Uint8Array(d.size).fill(1);
    const e = j.edges;
    for (let k = 0; k < d.valueCodes; k++) {
        if (j.values)
            [lo[k], hi[k], none[k]] = [j.values[k], j.values[k], 0];
        else if (j.offset !== null)
            [lo[k], hi[k], none[k]] = [j.offset + k, j.offset + k, 0];
        else if (e) {
            const a = e[k];
            const b = e[k + 1];
            const last = k + 2 === e.length;
            if (j.integer && j.kind !== 'datetime') {
                const first = Math.ceil(a);
                const end = last ? Math.floor(b) : Math.ceil(b) - 1;
                if (end >= first)
                    [lo[k], hi[k], none[k]] = [first, end, 0];
            }
            else {
                [lo[k], hi[k], none[k]] = [a, b, 0];
                hiOpen[k] = last ? 0 : 1;
            }
        }
    }
    return { lo, hi, hiOpen, none };
}
/**
 * Per pair of codes (low's code-major), 1 when every value of low's code breaks `low ≤ high` (`low < high` when
 * strict) against every value of high's code: min(low) > max(high), or ≥ for a strict order or an open max.
 */
export function orderZeros(low, high, strict) {
    const a = codeIntervals(low);
    const b = codeIntervals(high);
    const out = new Uint8Array(low.size * high.size);
    for (let i = 0; i < low.size; i++) {
        if (a.none[i])
            continue;
        for (let k = 0; k < high.size; k++) {
            if (b.none[k])
                continue;
            const x = a.lo[i];
            const y = b.hi[k];
            out[i * high.size + k] = +(strict || b.hiOpen[k] ? x >= y : x > y);
        }
    }
    return out;
}
/** What values a code of `d` decodes to lie wholly in `t`. */
export function codesInside(d, t) {
    const j = d.toJSON();
    const out = new Uint8Array(d.size);
    const miss = d.missingCode;
    if (t.in) {
        const set = new Set(t.in.map((v) => (v === null ? null : String(v))));
        if (miss >= 0 && set.has(null))
            out[miss] = 1;
        for (let k = 0; k < d.valueCodes; k++) {
            let v = null;
            if (j.categories)
                v = j.categories[k];
            else if (j.kind === 'boolean')
                v = k === 1 ? 'true' : 'false';
            else if (j.values)
                v = String(j.values[k]);
            else if (j.offset !== null)
                v = String(j.offset + k);
            // a bin holds many values: never wholly in a list of values
            if (v !== null && set.has(v))
                out[k] = 1;
        }
        return out;
    }
    const lo = t.min ?? -Infinity;
    const hi = t.max ?? Infinity;
    const inLo = (x) => (t.minOpen ? x > lo : x >= lo);
    const inHi = (x) => (t.maxOpen ? x < hi : x <= hi);
    const e = j.edges;
    for (let k = 0; k < d.valueCodes; k++) {
        if (j.values)
            out[k] = +(inLo(j.values[k]) && inHi(j.values[k]));
        else if (j.offset !== null)
            out[k] = +(inLo(j.offset + k) && inHi(j.offset + k));
        else if (e) {
            const a = e[k];
            const b = e[k + 1];
            const last = k + 2 === e.length;
            if (j.integer) {
                // the integers the bin decodes to (as Discretizer.decode draws them)
                const first = Math.ceil(a);
                const end = last ? Math.floor(b) : Math.ceil(b) - 1;
                out[k] = +(end < first || (inLo(first) && inHi(end)));
            }
            else {
                // [a, b) (the last bin [a, b]) within the interval
                const upper = last ? inHi(b) : b <= hi;
                out[k] = +(inLo(a) && upper);
            }
        }
    }
    return out;
}
/**
 * The regions over the modelled columns `names` (discretised by `discretizers`). A region naming a column the model
 * does not hold is left out (the constraints layer still checks it), as is one no cell lies wholly in.
 */
export function encodeRegions(regions, names, discretizers) {
    const out = [];
    for (const r of regions ?? []) {
        const byAttr = new Map();
        let ok = r.terms.length > 0 || !!r.order;
        for (const t of r.terms) {
            const a = names.indexOf(t.column);
            if (a < 0) {
                ok = false;
                break;
            }
            const ins = codesInside(discretizers[a], t);
            const had = byAttr.get(a);
            if (had)
                for (let k = 0; k < ins.length; k++)
                    ins[k] &= had[k];
            byAttr.set(a, ins);
        }
        const lowAttr = r.order ? names.indexOf(r.order.low) : -1;
        const highAttr = r.order ? names.indexOf(r.order.high) : -1;
        if (r.order && (lowAttr < 0 || highAttr < 0 || lowAttr === highAttr))
            ok = false;
        if (!ok)
            continue;
        for (const a of r.order ? [lowAttr, highAttr] : [])
            if (!byAttr.has(a))
                byAttr.set(a, new Uint8Array(discretizers[a].size).fill(1));
        const attrs = [...byAttr.keys()].sort((x, y) => x - y);
        const inside = attrs.map((a) => byAttr.get(a));
        if (inside.some((ins) => !ins.some((f) => f === 1)))
            continue;
        if (!r.order) {
            out.push({ attrs, inside });
            continue;
        }
        const zero = orderZeros(discretizers[lowAttr], discretizers[highAttr], !!r.order.strict);
        if (!zero.some((f) => f === 1))
            continue;
        out.push({
            attrs,
            inside,
            order: { low: attrs.indexOf(lowAttr), high: attrs.indexOf(highAttr), zero },
        });
    }
    return out;
}
/**
 * Structural zeros over the model's codes. With a domain compression (MST), a model cell is a zero only when every
 * encoded cell it merges is (`compressionClasses` keeps inside and outside codes of a term apart, so box regions
 * stay exact; an order's zeros shrink to the merged cells wholly past the diagonal).
 */
export function modelZeros(regions, modelSizes, compression = modelSizes.map(() => null)) {
    return regions.flatMap((r) => {
        const enc = r.inside.map((ins) => ins.length);
        const shape = r.attrs.map((a) => modelSizes[a]);
        const maps = r.attrs.map((a) => compression[a]);
        const n = cellCount(shape);
        // model cells start as zeros; an encoded cell outside the region clears the model cell it maps to
        const zero = new Uint8Array(n).fill(1);
        const strides = new Array(shape.length).fill(1);
        for (let i = shape.length - 2; i >= 0; i--)
            strides[i] = strides[i + 1] * shape[i + 1];
        const o = r.order;
        const highSize = o ? enc[o.high] : 0;
        // row-major over the encoded cells, last attribute fastest
        const idx = new Array(enc.length).fill(0);
        const total = cellCount(enc);
        for (let c = 0; c < total; c++) {
            let z = 1;
            for (let i = 0; i < enc.length && z; i++)
                z = r.inside[i][idx[i]];
            if (z && o)
                z = o.zero[idx[o.low] * highSize + idx[o.high]];
            if (!z) {
                let m = 0;
                for (let i = 0; i < enc.length; i++)
                    m += (maps[i] ? maps[i][idx[i]] : idx[i]) * strides[i];
                zero[m] = 0;
            }
            for (let i = enc.length - 1; i >= 0; i--) {
                if (++idx[i] < enc[i])
                    break;
                idx[i] = 0;
            }
        }
        let any = false;
        let all = true;
        for (let c = 0; c < n; c++) {
            if (zero[c])
                any = true;
            else
                all = false;
        }
        return any && !all ? [{ attrs: r.attrs, zero }] : [];
    });
}
/**
 * Per attribute, a class for each encoded code such that codes of different classes lie in different sets of the
 * regions' terms (null when no region involves the attribute). A domain compression that merges rare codes only
 * within a class keeps every structural zero exact.
 */
export function compressionClasses(regions, sizes) {
    const sig = sizes.map(() => null);
    for (const r of regions)
        r.attrs.forEach((a, i) => {
            const s = (sig[a] ??= new Array(sizes[a]).fill(''));
            for (let k = 0; k < sizes[a]; k++)
                s[k] += r.inside[i][k] ? '1' : '0';
        });
    return sig.map((s) => {
        if (!s)
            return null;
        const ids = new Map();
        return Int32Array.from(s, (x) => {
            let id = ids.get(x);
            if (id === undefined)
                ids.set(x, (id = ids.size));
            return id;
        });
    });
}
//# sourceMappingURL=structural-zeros.js.map