import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { datetimeCodec } from '../../table/datetime.js';
import { isCategoricalDomain, isDatetimeDomain, isNumericDomain, } from '../../table/schema.js';
import { exp } from '../../nn/math.js';
import { fitBayesianGmm, modePosterior } from './gmm.js';
const STD_MULTIPLIER = 4;
/** Number of encoded values a column takes. */
function widthOf(c) {
    switch (c.encoding) {
        case 'modes':
            return 1 + c.modes.weights.length + (c.missing ? 1 : 0);
        case 'quantile':
            return 1 + (c.missing ? 2 : 0);
        case 'one-hot':
            return c.categories.length + (c.missing ? 1 : 0);
    }
}
/** Standard normal CDF via erfc (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7), engine-independent. */
export function normalCdf(z) {
    const x = Math.abs(z) / Math.SQRT2;
    const t = 1 / (1 + 0.5 * x);
    const poly = -1.26551223 +
        t *
            (1.00002368 +
                t *
                    (0.37409196 +
                        t *
                            (0.09678418 +
                                t *
                                    (-0.18628806 +
                                        t *
                                            (0.27886807 +
                                                t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    const erfc = t * exp(-x * x + poly);
    return z >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}
/** Linear interpolation position of x in increasing knots, averaged over ties (as scikit-learn's QuantileTransformer). */
function knotPosition(knots, x) {
    const K = knots.length;
    // outside the knots: the ends; a value equal to several end knots (a spike at the minimum, e.g. a zero held by
    // 90 % of the rows) goes to the middle of its run like any other tied value, not to the extreme
    if (x < knots[0])
        return 0;
    if (x > knots[K - 1])
        return K - 1;
    // first index with knot > x, and first index with knot >= x
    let lo = 0, hi = K;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (knots[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    const upper = lo; // knots[upper-1] <= x < knots[upper]
    lo = 0;
    hi = K;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (knots[mid] >= x)
            hi = mid;
        else
            lo = mid + 1;
    }
    const lower = lo; // knots[lower-1] < x <= knots[lower]
    const right = upper === K ? K - 1 : upper - 1 + (x - knots[upper - 1]) / (knots[upper] - knots[upper - 1] || 1);
    const left = lower === 0 ? 0 : lower - 1 + (x - knots[lower - 1]) / (knots[lower] - knots[lower - 1] || 1);
    return 0.5 * (left + right);
}
function presentValues(col) {
    if (col.kind !== 'numeric' && col.kind !== 'datetime')
        return new Float64Array(0);
    return col.values.filter((v) => v === v);
}
function defaultQuantiles(values) {
    const sorted = Float64Array.from(values).sort();
    const n = sorted.length;
    const K = Math.max(Math.min(Math.floor(n / 30), 1000), Math.min(n, 10));
    const knots = [];
    for (let j = 0; j < K; j++) {
        const pos = K === 1 ? 0 : (j * (n - 1)) / (K - 1);
        const lo = Math.floor(pos);
        const hi = Math.min(n - 1, lo + 1);
        knots.push(sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo));
    }
    return knots;
}
function defaultBounds(spec, values) {
    const d = spec.domain;
    if (spec.kind === 'numeric' && isNumericDomain(d))
        return [d.min, d.max];
    if (spec.kind === 'datetime' && isDatetimeDomain(d) && spec.format) {
        const codec = datetimeCodec(spec.format);
        return [codec.parse(d.min), codec.parse(d.max)];
    }
    let lo = Infinity, hi = -Infinity;
    for (const v of values) {
        if (v < lo)
            lo = v;
        if (v > hi)
            hi = v;
    }
    return [lo, hi];
}
/** A problem with a column the transforms cannot represent, or null. */
export function unrepresentable(spec, col, maxCategories) {
    switch (spec.kind) {
        case 'numeric':
        case 'datetime': {
            if (spec.kind === 'datetime' && !spec.format)
                return `datetime column "${spec.name}" has no format`;
            const v = presentValues(col);
            if (v.length === 0)
                return `column "${spec.name}" has no values (all missing): there is nothing to learn`;
            for (const x of v)
                if (!Number.isFinite(x))
                    return `column "${spec.name}" holds infinite values`;
            return null;
        }
        case 'categorical': {
            const k = isCategoricalDomain(spec.domain)
                ? spec.domain.categories.length
                : col.kind === 'categorical'
                    ? col.categories.length
                    : 0;
            if (k > maxCategories)
                return `column "${spec.name}" has ${k} categories; the learned synthesizers one-hot encode at most ${maxCategories} (declare it as id or text, or raise maxCategories)`;
            if (k === 0)
                return `column "${spec.name}" has no categories`;
            return null;
        }
        case 'boolean':
            return null;
        default:
            return `column "${spec.name}" of kind ${spec.kind} is not modelled by the learned synthesizers`;
    }
}
/** Columns ⇄ a float32 matrix. Build with `fitTransform`, rebuild from JSON with `transformFromJSON`. */
export class TableTransform {
    columns;
    spans;
    /** Encoded values per row. */
    width;
    /** Values the last `encode` had to clip (farther than 3.96σ from every mode); 0 when the modes cover the data. */
    clippedValues = 0;
    constructor(columns) {
        this.columns = columns;
        const spans = [];
        let at = 0;
        columns.forEach((c, i) => {
            const add = (role, width, fn) => {
                spans.push({ column: i, role, start: at, width, fn });
                at += width;
            };
            if (c.encoding === 'modes') {
                add('alpha', 1, 'tanh');
                add('mode', c.modes.weights.length + (c.missing ? 1 : 0), 'softmax');
            }
            else if (c.encoding === 'quantile') {
                add('value', 1, 'identity');
                if (c.missing)
                    add('missing', 2, 'softmax');
            }
            else
                add('category', c.categories.length + (c.missing ? 1 : 0), 'softmax');
        });
        this.spans = spans;
        this.width = at;
        if (at !== columns.reduce((s, c) => s + widthOf(c), 0))
            throw new Error('TableTransform: span widths disagree');
    }
    toJSON() {
        return { version: 1, columns: this.columns };
    }
    /**
     * The encoded matrix (rows × width) of `table`'s modelled columns. Mode choices are drawn with `rng` (CTGAN
     * samples a mode from its posterior instead of taking the most likely one).
     */
    encode(table, rng) {
        const n = table.nRows;
        const W = this.width;
        const out = new Float32Array(n * W);
        const post = new Float64Array(64);
        let clipped = 0;
        for (const span of this.spans) {
            const c = this.columns[span.column];
            const col = table.column(c.name);
            if (c.encoding === 'one-hot') {
                const codes = categoryCodes(c, col);
                for (let i = 0; i < n; i++)
                    out[i * W + span.start + codes[i]] = 1;
            }
            else if (span.role === 'alpha' && c.encoding === 'modes') {
                const values = col.values;
                const K = c.modes.weights.length;
                const modeStart = span.start + 1;
                const p = K > post.length ? new Float64Array(K) : post;
                for (let i = 0; i < n; i++) {
                    const x = values[i];
                    if (x !== x) {
                        out[i * W + modeStart + K] = 1; // the missing mode; alpha stays 0
                        continue;
                    }
                    modePosterior(c.modes, x, p);
                    // draw a mode from the posterior (+1e-6 each, as CTGAN) among the modes whose |α| ≤ 0.99 — so the
                    // encoding inverts exactly; only a value beyond 3.96σ of every mode is clipped (and counted)
                    let total = 0;
                    for (let k = 0; k < K; k++) {
                        const a = Math.abs(x - c.modes.means[k]) / (STD_MULTIPLIER * c.modes.stds[k]);
                        p[k] = a <= 0.99 ? p[k] + 1e-6 : 0;
                        total += p[k];
                    }
                    let k = 0;
                    if (total > 0) {
                        let u = rng.float() * total;
                        for (; k < K - 1; k++) {
                            u -= p[k];
                            if (u < 0 && p[k] > 0)
                                break;
                        }
                        while (p[k] === 0)
                            k--; // float rounding past the last candidate
                    }
                    else {
                        clipped++;
                        let best = Infinity;
                        for (let j = 0; j < K; j++) {
                            const a = Math.abs(x - c.modes.means[j]) / c.modes.stds[j];
                            if (a < best) {
                                best = a;
                                k = j;
                            }
                        }
                    }
                    const a = (x - c.modes.means[k]) / (STD_MULTIPLIER * c.modes.stds[k]);
                    out[i * W + span.start] = a < -0.99 ? -0.99 : a > 0.99 ? 0.99 : a;
                    out[i * W + modeStart + k] = 1;
                }
            }
            else if (span.role === 'value' && c.encoding === 'quantile') {
                const values = col.values;
                const K = c.knots.length;
                const eps = 1e-7;
                for (let i = 0; i < n; i++) {
                    const x = values[i];
                    if (x !== x) {
                        if (c.missing)
                            out[i * W + span.start + 2] = 1; // missing span follows the value
                        continue;
                    }
                    const u = K > 1 ? knotPosition(c.knots, x) / (K - 1) : 0.5;
                    out[i * W + span.start] = normalQuantile(Math.min(1 - eps, Math.max(eps, u)), 0, 1);
                    if (c.missing)
                        out[i * W + span.start + 1] = 1;
                }
            }
        }
        this.clippedValues = clipped;
        return out;
    }
    /**
     * The columns of an encoded matrix (rows × width) — activated outputs: softmax spans hold probabilities (or
     * scores: `argmax` only compares them). `pick`: `argmax` (as CTGAN and TVAE) or `sample` (draw from the span's
     * probabilities with `rng`).
     */
    decode(data, rows, rng, pick = 'argmax') {
        const W = this.width;
        const choose = (i, start, width) => {
            const o = i * W + start;
            if (pick === 'sample') {
                let total = 0;
                for (let j = 0; j < width; j++)
                    total += Math.max(0, data[o + j]);
                if (total > 0) {
                    let u = rng.float() * total;
                    for (let j = 0; j < width; j++) {
                        u -= Math.max(0, data[o + j]);
                        if (u < 0)
                            return j;
                    }
                }
            }
            let best = 0;
            for (let j = 1; j < width; j++)
                if (data[o + j] > data[o + best])
                    best = j;
            return best;
        };
        return this.columns.map((c, ci) => {
            const spans = this.spans.filter((s) => s.column === ci);
            if (c.encoding === 'one-hot') {
                const s = spans[0];
                const k = c.categories.length;
                if (c.kind === 'boolean') {
                    const v = new Int8Array(rows);
                    for (let i = 0; i < rows; i++) {
                        const j = choose(i, s.start, s.width);
                        v[i] = j >= k ? -1 : c.categories[j] === 'true' ? 1 : 0;
                    }
                    return { kind: 'boolean', name: c.name, values: v };
                }
                const codes = new Int32Array(rows);
                for (let i = 0; i < rows; i++) {
                    const j = choose(i, s.start, s.width);
                    codes[i] = j >= k ? -1 : j;
                }
                return { kind: 'categorical', name: c.name, codes, categories: c.categories };
            }
            const values = new Float64Array(rows);
            if (c.encoding === 'modes') {
                const [a, m] = spans;
                const K = c.modes.weights.length;
                for (let i = 0; i < rows; i++) {
                    const k = choose(i, m.start, m.width);
                    if (k >= K) {
                        values[i] = NaN;
                        continue;
                    }
                    let alpha = data[i * W + a.start];
                    alpha = alpha < -1 ? -1 : alpha > 1 ? 1 : alpha;
                    values[i] = alpha * STD_MULTIPLIER * c.modes.stds[k] + c.modes.means[k];
                }
            }
            else {
                const [v, miss] = spans;
                const K = c.knots.length;
                for (let i = 0; i < rows; i++) {
                    if (miss && choose(i, miss.start, 2) === 1) {
                        values[i] = NaN;
                        continue;
                    }
                    const pos = normalCdf(data[i * W + v.start]) * (K - 1);
                    const lo = Math.max(0, Math.min(K - 1, Math.floor(pos)));
                    const hi = Math.min(K - 1, lo + 1);
                    values[i] = c.knots[lo] + (c.knots[hi] - c.knots[lo]) * (pos - lo);
                }
            }
            return finishNumeric(c, values);
        });
    }
}
const STEPS = [86400000, 3600000, 60000, 1000, 1];
function datetimeStep(values) {
    for (const s of STEPS)
        if (values.every((v) => v % s === 0))
            return s;
    return 1;
}
/** Round integers, clip to bounds, round datetimes to their format. */
function finishNumeric(c, values) {
    const codec = c.kind === 'datetime' && c.format ? datetimeCodec(c.format) : null;
    for (let i = 0; i < values.length; i++) {
        let x = values[i];
        if (x !== x)
            continue;
        if (codec && c.step)
            x = Math.round(x / c.step) * c.step;
        else if (c.integer || codec)
            x = Math.round(x);
        x = (x < c.min ? c.min : x > c.max ? c.max : x) + 0; // + 0: no negative zero
        if (codec)
            x = codec.parse(codec.format_(x));
        values[i] = x;
    }
    if (c.kind === 'datetime')
        return { kind: 'datetime', name: c.name, values, format: c.format ?? 'ISO' };
    return { kind: 'numeric', name: c.name, values, integer: c.integer };
}
/** Each row's slot in a one-hot span: category index, or the missing slot. Values outside the categories throw. */
function categoryCodes(c, col) {
    const k = c.categories.length;
    const n = col.kind === 'categorical' ? col.codes.length : col.values.length;
    const out = new Int32Array(n);
    let unknown = 0;
    if (col.kind === 'boolean') {
        for (let i = 0; i < n; i++)
            out[i] = col.values[i] < 0 ? k : col.values[i];
    }
    else if (col.kind === 'categorical') {
        const lookup = new Map(c.categories.map((s, i) => [s, i]));
        const remap = col.categories.map((s) => lookup.get(s) ?? -1);
        for (let i = 0; i < n; i++) {
            const code = col.codes[i];
            const j = code < 0 ? k : remap[code];
            if (j < 0) {
                unknown++;
                out[i] = k;
            }
            else
                out[i] = j;
        }
    }
    if (!c.missing) {
        let missing = 0;
        for (let i = 0; i < n; i++)
            if (out[i] === k)
                missing++;
        if (missing)
            throw new Error(unknown
                ? `column "${c.name}": ${unknown} values are outside its categories`
                : `column "${c.name}" has ${missing} missing values but was fitted without a missing category`);
    }
    return out;
}
/**
 * Fit the transforms of the modelled columns (`specs`, in order) of `table`. Throws an Error listing every column
 * the transforms cannot represent (callers turn it into a LookalikeError).
 */
export function fitTransform(table, specs, rng, opts = {}) {
    const maxCategories = opts.maxCategories ?? 1000;
    const problems = specs
        .map((s) => unrepresentable(s, table.column(s.name), maxCategories))
        .filter((p) => p !== null);
    if (problems.length)
        throw new TransformError(problems);
    const fitters = opts.fitters ?? {};
    const dp = opts.dataIndependent === true;
    if (dp) {
        const missingFitters = specs
            .filter((s) => s.kind === 'numeric' || s.kind === 'datetime')
            .filter(() => !fitters.bounds || !(fitters.modes || fitters.quantiles))
            .map((s) => `column "${s.name}": a data-independent fit needs bounds and modes/quantiles fitters`);
        const noDomain = specs
            .filter((s) => s.kind === 'categorical' && !isCategoricalDomain(s.domain))
            .map((s) => `column "${s.name}": a data-independent fit needs its category list declared (public or DP)`);
        if (missingFitters.length || noDomain.length)
            throw new TransformError([...missingFitters, ...noDomain]);
    }
    const columns = specs.map((spec) => {
        const col = table.column(spec.name);
        if (spec.kind === 'categorical' || spec.kind === 'boolean') {
            const categories = spec.kind === 'boolean'
                ? ['false', 'true']
                : isCategoricalDomain(spec.domain)
                    ? [...spec.domain.categories]
                    : [...col.categories];
            const base = {
                name: spec.name,
                kind: spec.kind,
                encoding: 'one-hot',
                categories,
                missing: false,
            };
            let missing = dp ? spec.nullable !== false : spec.nullable === true;
            if (!missing && !dp) {
                try {
                    categoryCodes(base, col);
                }
                catch {
                    missing = true; // missing values (or values outside a declared domain) need a slot
                }
            }
            return { ...base, missing };
        }
        const values = presentValues(col);
        const all = col.values;
        const missing = dp ? spec.nullable !== false : spec.nullable === true || values.length < all.length;
        const [min, max] = fitters.bounds ? fitters.bounds(spec, values) : defaultBounds(spec, values);
        const base = {
            name: spec.name,
            kind: spec.kind,
            missing,
            integer: spec.kind === 'numeric' && spec.integer === true,
            min,
            max,
            format: spec.kind === 'datetime' ? (spec.format ?? null) : null,
            ...(spec.kind === 'datetime' && !dp ? { step: datetimeStep(values) } : {}),
        };
        if ((opts.numeric ?? 'modes') === 'quantile') {
            const knots = fitters.quantiles ? fitters.quantiles(spec, values) : defaultQuantiles(values);
            return { ...base, encoding: 'quantile', knots };
        }
        const modes = fitters.modes ? fitters.modes(spec, values, rng) : fitBayesianGmm(values, rng, opts.gmm);
        return { ...base, encoding: 'modes', modes };
    });
    return new TableTransform(columns);
}
/** Problems with columns the transforms cannot represent. */
export class TransformError extends Error {
    problems;
    constructor(problems) {
        super(problems.join('; '));
        this.problems = problems;
    }
}
/** Rebuild a transform from its JSON; returns the problems instead when it is malformed. */
export function transformFromJSON(json, where = 'transform') {
    const p = [];
    const j = json;
    if (typeof json !== 'object' || json === null || j.version !== 1 || !Array.isArray(j.columns))
        return [`${where} must be {version: 1, columns: [...]}`];
    const finite = (x) => typeof x === 'number' && Number.isFinite(x);
    const numbers = (x) => Array.isArray(x) && x.every(finite);
    j.columns.forEach((raw, i) => {
        const c = (raw ?? {});
        const at = `${where} column ${i + 1}${typeof c.name === 'string' ? ` ("${c.name}")` : ''}`;
        if (typeof raw !== 'object' || raw === null || typeof c.name !== 'string') {
            p.push(`${at} must have a name`);
            return;
        }
        if (typeof c.missing !== 'boolean')
            p.push(`${at}: "missing" must be true or false`);
        if (c.encoding === 'one-hot') {
            if (c.kind !== 'categorical' && c.kind !== 'boolean')
                p.push(`${at}: one-hot needs a categorical or boolean kind`);
            const cats = c.categories;
            if (!Array.isArray(cats) || !cats.every((x) => typeof x === 'string') || cats.length === 0)
                p.push(`${at}: "categories" must be a non-empty list of strings`);
            return;
        }
        if (c.kind !== 'numeric' && c.kind !== 'datetime')
            p.push(`${at}: a numeric encoding needs a numeric or datetime kind`);
        if (!finite(c.min) || !finite(c.max) || !(c.min <= c.max))
            p.push(`${at}: "min" and "max" must be numbers, min ≤ max`);
        if (typeof c.integer !== 'boolean')
            p.push(`${at}: "integer" must be true or false`);
        if (c.kind === 'datetime' && typeof c.format !== 'string')
            p.push(`${at}: a datetime column needs its "format"`);
        if (c.encoding === 'modes') {
            const m = c.modes;
            if (!m || !numbers(m.weights) || !numbers(m.means) || !numbers(m.stds) || m.weights.length === 0)
                p.push(`${at}: "modes" must hold weights, means and stds (lists of numbers)`);
            else if (m.means.length !== m.weights.length || m.stds.length !== m.weights.length)
                p.push(`${at}: weights, means and stds differ in length`);
            else if (m.stds.some((x) => !(x > 0)) || m.weights.some((x) => !(x >= 0)))
                p.push(`${at}: stds must be > 0 and weights ≥ 0`);
        }
        else if (c.encoding === 'quantile') {
            const k = c.knots;
            if (!numbers(k) || k.length === 0)
                p.push(`${at}: "knots" must be a non-empty list of numbers`);
            else if (k.some((v, t) => t > 0 && v < k[t - 1]))
                p.push(`${at}: "knots" must be increasing`);
        }
        else
            p.push(`${at}: unknown encoding ${JSON.stringify(c.encoding)}`);
    });
    return p.length ? p : new TableTransform(j.columns);
}
//# sourceMappingURL=index.js.map