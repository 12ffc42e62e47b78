import { Rng } from '../random/rng.js';
import { LookalikeError } from '../errors.js';
export function projection(real, synthetic, opts = {}) {
    const bins = opts.bins ?? 30;
    const fitRows = opts.fitRows ?? 5000;
    const maxCategories = opts.maxCategories ?? 20;
    const minCount = opts.minCount ?? 5;
    const problems = [];
    if (!(Number.isInteger(bins) && bins >= 2 && bins <= 200))
        problems.push(`bins must be an integer in [2, 200], got ${bins}`);
    if (!(Number.isInteger(fitRows) && fitRows >= 10))
        problems.push(`fitRows must be an integer ≥ 10, got ${fitRows}`);
    if (real.nRows < 2 || synthetic.nRows < 1)
        problems.push(`needs at least 2 real rows and 1 synthetic row (got ${real.nRows} and ${synthetic.nRows})`);
    const encoders = [];
    for (const c of real.columns) {
        if (c.kind === 'id' || c.kind === 'text')
            continue;
        if (!synthetic.has(c.name)) {
            problems.push(`column "${c.name}" is missing from the synthetic table`);
            continue;
        }
        if (synthetic.column(c.name).kind !== c.kind) {
            problems.push(`column "${c.name}" is ${c.kind} in the real table but ${synthetic.column(c.name).kind} in the synthetic one`);
            continue;
        }
        encoders.push(makeEncoder(c, maxCategories));
    }
    if (problems.length)
        throw new LookalikeError('cannot project the tables:', problems, 'input');
    const d = encoders.reduce((a, e) => a + e.width, 0);
    if (d === 0)
        throw new LookalikeError('cannot project the tables: no numeric, datetime, boolean or categorical column', [], 'input');
    const rng = new Rng(opts.seed ?? 0);
    const encodeTable = (t, rows) => {
        const cols = encoders.map((e) => e.bind(t.column(e.name)));
        const out = new Float64Array(rows.length * d);
        for (let i = 0; i < rows.length; i++) {
            let off = i * d;
            for (let j = 0; j < encoders.length; j++) {
                encoders[j].encode(cols[j], rows[i], out, off);
                off += encoders[j].width;
            }
        }
        return out;
    };
    const all = (n) => Int32Array.from({ length: n }, (_, i) => i);
    const fitIdx = real.nRows > fitRows ? rng.permutation(real.nRows).subarray(0, fitRows) : all(real.nRows);
    const X = encodeTable(real, fitIdx);
    const n = fitIdx.length;
    // centre (features are standardised with the full real mean/sd; the subsample mean is re-removed)
    const mean = new Float64Array(d);
    for (let i = 0; i < n; i++)
        for (let j = 0; j < d; j++)
            mean[j] += X[i * d + j];
    for (let j = 0; j < d; j++)
        mean[j] /= n;
    const cov = new Float64Array(d * d);
    const row = new Float64Array(d);
    for (let i = 0; i < n; i++) {
        for (let j = 0; j < d; j++)
            row[j] = X[i * d + j] - mean[j];
        for (let a = 0; a < d; a++) {
            const ra = row[a];
            if (ra === 0)
                continue;
            const base = a * d;
            for (let b = a; b < d; b++)
                cov[base + b] += ra * row[b];
        }
    }
    let trace = 0;
    for (let a = 0; a < d; a++) {
        for (let b = a; b < d; b++) {
            cov[a * d + b] /= n - 1;
            cov[b * d + a] = cov[a * d + b];
        }
        trace += cov[a * d + a];
    }
    const [v1, l1] = topEigen(cov, d);
    deflate(cov, d, v1, l1);
    const [v2, l2] = topEigen(cov, d);
    orientSign(v1);
    orientSign(v2);
    const project = (t) => {
        const Z = encodeTable(t, all(t.nRows));
        const xs = new Float64Array(t.nRows);
        const ys = new Float64Array(t.nRows);
        for (let i = 0; i < t.nRows; i++) {
            let a = 0;
            let b = 0;
            for (let j = 0; j < d; j++) {
                const z = Z[i * d + j] - mean[j];
                a += z * v1[j];
                b += z * v2[j];
            }
            xs[i] = a;
            ys[i] = b;
        }
        return [xs, ys];
    };
    const [rx, ry] = project(real);
    const [sx, sy] = project(synthetic);
    const xRange = robustRange(rx);
    const yRange = robustRange(ry);
    const grid = (xs, ys) => {
        const g = new Float64Array(bins * bins);
        for (let i = 0; i < xs.length; i++)
            g[cellOf(ys[i], yRange, bins) * bins + cellOf(xs[i], xRange, bins)]++;
        return g;
    };
    const gr = grid(rx, ry);
    const gs = grid(sx, sy);
    let suppressed = 0;
    for (let k = 0; k < gr.length; k++) {
        if (gr[k] > 0 && gr[k] < minCount) {
            suppressed += gr[k];
            gr[k] = 0;
        }
    }
    const toShare = (g, total) => Array.from(g, (c) => round6(c / total));
    return {
        method: 'pca',
        columns: encoders.map((e) => e.name),
        explainedVariance: [round6(trace > 0 ? l1 / trace : 0), round6(trace > 0 ? l2 / trace : 0)],
        bins,
        xRange: [round6(xRange[0]), round6(xRange[1])],
        yRange: [round6(yRange[0]), round6(yRange[1])],
        real: toShare(gr, real.nRows),
        synthetic: toShare(gs, synthetic.nRows),
        minCount,
        suppressedShare: round6(suppressed / real.nRows),
    };
}
function round6(x) {
    return Math.round(x * 1e6) / 1e6;
}
function cellOf(v, r, bins) {
    const t = Math.floor(((v - r[0]) / (r[1] - r[0])) * bins);
    return t < 0 ? 0 : t >= bins ? bins - 1 : t;
}
/** The 0.5% and 99.5% quantiles of the real coordinates, padded by 5% (outliers land in edge cells). */
function robustRange(v) {
    const s = Float64Array.from(v).sort();
    const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.round(p * (s.length - 1))))];
    let lo = q(0.005);
    let hi = q(0.995);
    if (!(hi > lo)) {
        lo -= 1;
        hi += 1;
    }
    const pad = (hi - lo) * 0.05;
    return [lo - pad, hi + pad];
}
/** Leading eigenvector of a symmetric PSD matrix by power iteration (deterministic start). */
function topEigen(m, d) {
    let v = new Float64Array(d);
    for (let j = 0; j < d; j++)
        v[j] = 1 + ((j * 7919) % 13) / 13;
    normalise(v);
    let lambda = 0;
    const w = new Float64Array(d);
    for (let it = 0; it < 500; it++) {
        w.fill(0);
        for (let a = 0; a < d; a++) {
            let s = 0;
            const base = a * d;
            for (let b = 0; b < d; b++)
                s += m[base + b] * v[b];
            w[a] = s;
        }
        const norm = l2norm(w);
        if (norm === 0)
            return [v, 0];
        let delta = 0;
        for (let j = 0; j < d; j++) {
            const nv = w[j] / norm;
            delta = Math.max(delta, Math.abs(nv - v[j]));
            w[j] = nv;
        }
        v = Float64Array.from(w);
        lambda = norm;
        if (delta < 1e-9)
            break;
    }
    return [v, lambda];
}
function deflate(m, d, v, l) {
    for (let a = 0; a < d; a++)
        for (let b = 0; b < d; b++)
            m[a * d + b] -= l * v[a] * v[b];
}
function l2norm(v) {
    let s = 0;
    for (let j = 0; j < v.length; j++)
        s += v[j] * v[j];
    return Math.sqrt(s);
}
function normalise(v) {
    const n = l2norm(v) || 1;
    for (let j = 0; j < v.length; j++)
        v[j] /= n;
}
/** Make the largest-magnitude loading positive, so the picture does not flip between runs. */
function orientSign(v) {
    let k = 0;
    for (let j = 1; j < v.length; j++)
        if (Math.abs(v[j]) > Math.abs(v[k]))
            k = j;
    if (v[k] < 0)
        for (let j = 0; j < v.length; j++)
            v[j] = -v[j];
}
function meanSd(values, present) {
    let n = 0;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (!present(x))
            continue;
        n++;
        s += x;
        s2 += x * x;
    }
    if (n === 0)
        return [0, 1];
    const m = s / n;
    const v = n > 1 ? (s2 - n * m * m) / (n - 1) : 0;
    return [m, v > 1e-24 ? Math.sqrt(v) : 1];
}
function makeEncoder(c, maxCategories) {
    switch (c.kind) {
        case 'numeric':
        case 'datetime': {
            const [m, sd] = meanSd(c.values, (x) => !Number.isNaN(x));
            return {
                name: c.name,
                width: 1,
                bind: (col) => col,
                encode(col, r, out, off) {
                    const x = col.values[r];
                    out[off] = Number.isNaN(x) ? 0 : (x - m) / sd;
                },
            };
        }
        case 'boolean': {
            const [m, sd] = meanSd(c.values, (x) => x >= 0);
            return {
                name: c.name,
                width: 1,
                bind: (col) => col,
                encode(col, r, out, off) {
                    const x = col.values[r];
                    out[off] = x < 0 ? 0 : (x - m) / sd;
                },
            };
        }
        case 'categorical': {
            const counts = new Float64Array(c.categories.length);
            for (let i = 0; i < c.codes.length; i++)
                if (c.codes[i] >= 0)
                    counts[c.codes[i]]++;
            const order = Array.from(counts.keys())
                .filter((k) => counts[k] > 0)
                .sort((a, b) => counts[b] - counts[a] || a - b)
                .slice(0, maxCategories);
            const labels = order.map((k) => c.categories[k]);
            const n = c.codes.length;
            // standardised indicator: (1[x = k] - p_k) / sd_k
            const p = order.map((k) => counts[k] / n);
            const sd = p.map((q) => Math.sqrt(q * (1 - q)) || 1);
            return {
                name: c.name,
                width: labels.length,
                bind(col) {
                    const cc = col;
                    const slot = new Map(labels.map((l, i) => [l, i]));
                    const map = Int32Array.from(cc.categories, (l) => slot.get(l) ?? -1);
                    return { ...cc, codes: Int32Array.from(cc.codes, (k) => (k < 0 ? -1 : map[k])) };
                },
                encode(col, r, out, off) {
                    const k = col.codes[r];
                    for (let i = 0; i < labels.length; i++)
                        out[off + i] = ((k === i ? 1 : 0) - p[i]) / sd[i];
                },
            };
        }
        default:
            throw new Error(`unreachable: ${c.kind}`);
    }
}
//# sourceMappingURL=projection.js.map