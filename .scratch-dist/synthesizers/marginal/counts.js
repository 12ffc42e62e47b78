import { cellCount, shapeOf } from '../../pgm/factor.js';
/**
 * Counts over in-memory code columns (one `Int32Array` per attribute, every code in 0..sizes[a]−1). Tables are
 * computed on demand, one pass over the rows per set; no caching (callers that reuse a table keep it).
 */
export class CodeCounts {
    sizes;
    codes;
    n;
    constructor(sizes, codes, n) {
        this.sizes = sizes;
        this.codes = codes;
        this.n = n;
    }
    counts(sets) {
        return Promise.resolve(sets.map((s) => this.countNow(s)));
    }
    /** The same, synchronously (for code that holds a `CodeCounts` and counts in a loop). */
    countNow(attrs) {
        return marginalCounts(this.codes, this.sizes, attrs, this.n);
    }
}
/**
 * A source whose attribute a is `base`'s attribute a with its codes merged by `maps[a]` (code k → maps[a][k], null:
 * unchanged) — MST's domain compression. Counts are asked of `base` over the original codes and summed into the
 * merged cells, so it works over any source.
 */
export class MergedCounts {
    base;
    maps;
    sizes;
    constructor(base, maps, sizes) {
        this.base = base;
        this.maps = maps;
        this.sizes = sizes;
    }
    prefetch(sets) {
        this.base.prefetch?.(sets);
    }
    async counts(sets) {
        const raw = await this.base.counts(sets);
        return raw.map((x, i) => this.merge(x, sets[i]));
    }
    merge(x, attrs) {
        if (attrs.every((a) => !this.maps[a]))
            return x;
        const from = shapeOf(attrs, this.base.sizes);
        const to = shapeOf(attrs, this.sizes);
        const out = new Float64Array(cellCount(to));
        const digit = new Array(attrs.length).fill(0);
        for (let i = 0; i < x.length; i++) {
            if (x[i] !== 0) {
                let j = 0;
                for (let k = 0; k < attrs.length; k++) {
                    const map = this.maps[attrs[k]];
                    j = j * to[k] + (map ? map[digit[k]] : digit[k]);
                }
                out[j] += x[i];
            }
            for (let k = attrs.length - 1; k >= 0; k--) {
                if (++digit[k] < from[k])
                    break;
                digit[k] = 0;
            }
        }
        return out;
    }
}
/**
 * A source that keeps every table of at most `maxCells` cells it has counted (larger ones are counted again when
 * asked: one pass over the rows costs less than holding them). For fits that score the same candidates round after
 * round (AIM, PrivBayes).
 */
export class CachedCounts {
    base;
    maxCells;
    cache = new Map();
    constructor(base, maxCells = 65536) {
        this.base = base;
        this.maxCells = maxCells;
    }
    get sizes() {
        return this.base.sizes;
    }
    prefetch(sets) {
        const missing = sets.filter((s) => !this.cache.has(s.join(',')));
        if (missing.length)
            this.base.prefetch?.(missing);
    }
    async counts(sets) {
        const missing = sets.filter((s) => !this.cache.has(s.join(',')));
        const fresh = new Map();
        if (missing.length) {
            const got = await this.base.counts(missing);
            got.forEach((x, i) => {
                const key = missing[i].join(',');
                fresh.set(key, x);
                if (x.length <= this.maxCells)
                    this.cache.set(key, x);
            });
        }
        return sets.map((s) => this.cache.get(s.join(',')) ?? fresh.get(s.join(',')));
    }
}
/** Counts of the marginal over `attrs` (increasing), row-major; one pass over the codes. */
export function marginalCounts(codes, sizes, attrs, n) {
    const shape = shapeOf(attrs, sizes);
    const out = new Float64Array(cellCount(shape));
    if (attrs.length === 0) {
        out[0] = n;
        return out;
    }
    if (attrs.length === 1) {
        const c = codes[attrs[0]];
        for (let r = 0; r < n; r++)
            out[c[r]]++;
        return out;
    }
    if (attrs.length === 2) {
        const a = codes[attrs[0]];
        const b = codes[attrs[1]];
        const s = shape[1];
        for (let r = 0; r < n; r++)
            out[a[r] * s + b[r]]++;
        return out;
    }
    const idx = new Int32Array(n);
    for (let j = 0; j < attrs.length; j++) {
        const c = codes[attrs[j]];
        const s = shape[j];
        for (let r = 0; r < n; r++)
            idx[r] = idx[r] * s + c[r];
    }
    for (let r = 0; r < n; r++)
        out[idx[r]]++;
    return out;
}
/** The total of a count table (n, for any table of a source). */
export function tableTotal(x) {
    let s = 0;
    for (let i = 0; i < x.length; i++)
        s += x[i];
    return s;
}
/**
 * Counts of several marginals over code columns that arrive in chunks (a streamed scan): `add` each chunk (one
 * `Int32Array` of codes per attribute, the first `n` entries used), then `tables` holds one row-major count table
 * per set, as `marginalCounts` would give over all the rows. One pass over each chunk per set; the kernel assumes
 * codes in 0..sizes[a]−1, as `codesQuery` produces them (`checkTotals` catches an index outside a table).
 */
export class ChunkCounts {
    sizes;
    sets;
    tables;
    /** Rows added so far. */
    total = 0;
    idx = new Int32Array(0);
    constructor(sizes, sets) {
        this.sizes = sizes;
        this.sets = sets;
        this.tables = sets.map((s) => new Float64Array(cellCount(shapeOf(s, sizes))));
    }
    add(codes, n) {
        if (this.idx.length < n)
            this.idx = new Int32Array(n);
        const idx = this.idx;
        for (let t = 0; t < this.sets.length; t++) {
            const set = this.sets[t];
            const out = this.tables[t];
            if (set.length === 0)
                out[0] += n;
            else if (set.length === 1) {
                const a = codes[set[0]];
                for (let r = 0; r < n; r++)
                    out[a[r]]++;
            }
            else if (set.length === 2) {
                const a = codes[set[0]];
                const b = codes[set[1]];
                const s = this.sizes[set[1]];
                for (let r = 0; r < n; r++)
                    out[a[r] * s + b[r]]++;
            }
            else {
                const a = codes[set[0]];
                for (let r = 0; r < n; r++)
                    idx[r] = a[r];
                for (let j = 1; j < set.length; j++) {
                    const c = codes[set[j]];
                    const s = this.sizes[set[j]];
                    for (let r = 0; r < n; r++)
                        idx[r] = idx[r] * s + c[r];
                }
                for (let r = 0; r < n; r++)
                    out[idx[r]]++;
            }
        }
        this.total += n;
    }
    /** Whether every table sums to the rows added (false: a code was out of range). */
    checkTotals() {
        return this.tables.every((x) => tableTotal(x) === this.total);
    }
}
//# sourceMappingURL=counts.js.map