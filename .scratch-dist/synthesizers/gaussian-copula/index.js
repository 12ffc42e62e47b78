import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { datetimeCodec } from '../../table/datetime.js';
import { Table } from '../../table/table.js';
import { Rng } from '../../random/rng.js';
import { LookalikeError, ProblemList } from '../../errors.js';
import { describeConditions, planConditions, sampleGroups } from '../conditions.js';
import { conditionalUniforms } from './conditional.js';
import { checkFitInput, checkSampleSize, idStyles, isNumberArray, isRecord, modelEnvelope, modelledSpecs, roundDecimals, unmodelledColumn, byName, byNameFrom, } from '../common.js';
import { defineSynthesizer } from '../registry.js';
import { gaussianCopulaInfo } from './info.js';
const KNOTS = 1001;
function clampU(u, m) {
    const lo = 0.5 / m;
    return u < lo ? lo : u > 1 - lo ? 1 - lo : u;
}
/** Normal scores of a numeric column (NaN for missing) and its quantile knots. */
function numericScores(values, rng) {
    const n = values.length;
    const idx = [];
    for (let i = 0; i < n; i++)
        if (!Number.isNaN(values[i]))
            idx.push(i);
    const m = idx.length;
    idx.sort((a, b) => values[a] - values[b]);
    const z = new Float64Array(n).fill(NaN);
    let a = 0;
    while (a < m) {
        let b = a + 1;
        while (b < m && values[idx[b]] === values[idx[a]])
            b++;
        for (let r = a; r < b; r++)
            z[idx[r]] = normalQuantile(clampU((a + rng.float() * (b - a)) / m, m), 0, 1);
        a = b;
    }
    const k = Math.min(KNOTS, m);
    const knots = new Array(k);
    for (let j = 0; j < k; j++) {
        const pos = k === 1 ? 0 : (j * (m - 1)) / (k - 1);
        const lo = Math.floor(pos);
        const hi = Math.min(m - 1, lo + 1);
        knots[j] = values[idx[lo]] + (values[idx[hi]] - values[idx[lo]]) * (pos - lo);
    }
    return { z, knots, present: m };
}
/** Normal scores of category codes (0..k-1; k = missing) for a given interval order. */
function categoryScores(codes, k, order, probs, rng) {
    const start = new Float64Array(k + 1);
    let acc = 0;
    const pos = new Int32Array(k + 1).fill(-1);
    order.forEach((c, i) => (pos[c] = i));
    const cum = new Float64Array(order.length + 1);
    for (let i = 0; i < order.length; i++) {
        cum[i] = acc;
        acc += probs[i];
    }
    cum[order.length] = 1;
    for (let c = 0; c <= k; c++)
        start[c] = pos[c] >= 0 ? cum[pos[c]] : 0;
    const n = codes.length;
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        const c = codes[i] < 0 ? k : codes[i];
        const p = pos[c];
        const u = cum[p] + rng.float() * (cum[p + 1] - cum[p]);
        z[i] = normalQuantile(clampU(u, n), 0, 1);
    }
    return z;
}
/** Pairwise-complete Pearson correlation of score columns (NaN = missing). */
function correlation(scores) {
    const d = scores.length;
    const n = d ? scores[0].length : 0;
    const r = new Float64Array(d * d);
    for (let a = 0; a < d; a++) {
        r[a * d + a] = 1;
        for (let b = a + 1; b < d; b++) {
            const x = scores[a], y = scores[b];
            let sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, m = 0;
            for (let i = 0; i < n; i++) {
                const u = x[i], v = y[i];
                if (u !== u || v !== v)
                    continue; // NaN
                sx += u;
                sy += v;
                sxx += u * u;
                syy += v * v;
                sxy += u * v;
                m++;
            }
            let c = 0;
            if (m > 2) {
                const vx = sxx - (sx * sx) / m, vy = syy - (sy * sy) / m;
                c = vx > 0 && vy > 0 ? (sxy - (sx * sy) / m) / Math.sqrt(vx * vy) : 0;
            }
            r[a * d + b] = r[b * d + a] = c;
        }
    }
    return r;
}
/** Nearest correlation matrix by eigenvalue clipping (Rousseeuw & Molenberghs 1993), then unit diagonal. */
function nearestCorrelation(r, d) {
    const m = new Matrix(d, d);
    for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++)
            m.set(i, j, r[i * d + j]);
    const evd = new EigenvalueDecomposition(m, { assumeSymmetric: true });
    const vals = evd.realEigenvalues.map((v) => Math.max(v, 1e-6));
    const vecs = evd.eigenvectorMatrix;
    const out = new Matrix(d, d);
    for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) {
            let s = 0;
            for (let k = 0; k < d; k++)
                s += vecs.get(i, k) * vals[k] * vecs.get(j, k);
            out.set(i, j, s);
        }
    }
    const res = Array.from({ length: d }, () => new Array(d).fill(1));
    for (let i = 0; i < d; i++) {
        for (let j = 0; j < i; j++) {
            const v = Math.max(-1, Math.min(1, out.get(i, j) / Math.sqrt(out.get(i, i) * out.get(j, j))));
            res[i][j] = v;
            res[j][i] = v;
        }
    }
    return res;
}
/** Loadings of the first principal axis of a correlation matrix. */
function firstAxis(r, d) {
    // power iteration: d is small
    let v = new Float64Array(d).fill(1 / Math.sqrt(d));
    for (let it = 0; it < 200; it++) {
        const w = new Float64Array(d);
        for (let i = 0; i < d; i++)
            for (let j = 0; j < d; j++)
                w[i] += r[i * d + j] * v[j];
        let norm = 0;
        for (let i = 0; i < d; i++)
            norm += w[i] * w[i];
        norm = Math.sqrt(norm) || 1;
        for (let i = 0; i < d; i++)
            w[i] /= norm;
        v = w;
    }
    return v;
}
class GaussianCopulaModel {
    schema;
    params;
    synthesizer = 'gaussian-copula';
    privacy = { type: 'none' };
    chol;
    constructor(schema, params) {
        this.schema = schema;
        this.params = params;
        const d = params.dims;
        const m = new Matrix(d, d);
        for (let i = 0; i < d; i++)
            for (let j = 0; j < d; j++)
                m.set(i, j, params.correlation[i * d + j]);
        const chol = new CholeskyDecomposition(m);
        const l = chol.isPositiveDefinite()
            ? chol.lowerTriangularMatrix
            : new CholeskyDecomposition(new Matrix(nearestCorrelation(Float64Array.from(params.correlation), d)))
                .lowerTriangularMatrix;
        this.chol = l.to2DArray();
    }
    /**
     * With conditions: the conditional normal (conditional.ts) — every latent value that decodes to a condition
     * value is allowed (an interval for a category, an integer or a tie block, a point for a continuous value), and
     * the other dimensions follow the Gaussian conditional. Exact with one interval-valued condition or only
     * point-valued ones; Gibbs sampling when several conditions are intervals.
     */
    sample(n, opts = {}) {
        checkSampleSize(n);
        const plan = planConditions(this.schema, n, opts.conditions);
        if (plan)
            return sampleGroups(this.schema, plan, opts.seed ?? 0, (g, count, seed) => g.conditions.length ? this.drawConditional(count, seed, g.conditions) : this.draw(count, seed));
        return this.draw(n, opts.seed ?? 0);
    }
    drawConditional(n, seed, conds) {
        const sets = new Map();
        const problems = [];
        const restrict = (dim, ivs) => {
            const had = sets.get(dim);
            sets.set(dim, had ? intersectIntervals(had, ivs) : ivs);
        };
        for (const c of conds) {
            const p = this.params.columns[c.column];
            if (!p) {
                problems.push(`column "${c.column}" is not modelled`);
                continue;
            }
            const spec = this.schema.columns.find((s) => s.name === c.column);
            const ivs = latentSet(p, c, spec?.decimals);
            if (ivs.length === 0) {
                problems.push(`column "${c.column}": the model gives the condition probability 0 (outside the values it learned)`);
                continue;
            }
            restrict(p.dim, ivs);
            if (p.missingDim >= 0)
                restrict(p.missingDim, [[normalQuantile(p.missingRate, 0, 1), Infinity]]);
        }
        for (const [, ivs] of sets)
            if (ivs.length === 0)
                problems.push('two conditions on one latent dimension exclude each other');
        if (problems.length)
            throw new LookalikeError(`cannot sample with ${describeConditions(conds)}:`, problems, 'input');
        const u = conditionalUniforms(this.params.correlation, this.params.dims, sets, n, new Rng(seed));
        return this.decode(u, n);
    }
    draw(n, seed) {
        const rng = new Rng(seed);
        const d = this.params.dims;
        const L = this.chol;
        // latent uniforms per dimension
        const u = Array.from({ length: d }, () => new Float64Array(n));
        const g = new Float64Array(d);
        for (let i = 0; i < n; i++) {
            for (let j = 0; j < d; j++)
                g[j] = rng.normal();
            for (let a = 0; a < d; a++) {
                const row = L[a];
                let s = 0;
                for (let b = 0; b <= a; b++)
                    s += row[b] * g[b];
                u[a][i] = normalCdf(s, 0, 1);
            }
        }
        return this.decode(u, n);
    }
    decode(u, n) {
        const cols = this.schema.columns.map((spec) => {
            const p = this.params.columns[spec.name];
            if (!p)
                return unmodelledColumn(spec, n, this.params.ids);
            const col = decodeColumn(spec.name, p, u, n);
            if (col.kind === 'numeric' && !col.integer)
                roundDecimals(col.values, spec.decimals);
            return col;
        });
        return new Table(cols, n);
    }
    toJSON() {
        return modelEnvelope(this.synthesizer, this.schema, this.privacy, this.params);
    }
}
function decodeColumn(name, p, u, n) {
    const uu = u[p.dim];
    if (p.kind === 'numeric' || p.kind === 'datetime') {
        const knots = p.knots;
        const k = knots.length;
        const out = new Float64Array(n);
        const um = p.missingDim >= 0 ? u[p.missingDim] : null;
        const codec = p.kind === 'datetime' ? datetimeCodec(p.format) : null;
        for (let i = 0; i < n; i++) {
            if (um && um[i] < p.missingRate) {
                out[i] = NaN;
                continue;
            }
            const pos = uu[i] * (k - 1);
            const lo = Math.min(k - 1, Math.floor(pos));
            const hi = Math.min(k - 1, lo + 1);
            let v = knots[lo] + (knots[hi] - knots[lo]) * (pos - lo);
            if (p.integer)
                v = Math.round(v);
            if (codec)
                v = codec.parse(codec.format_(v));
            out[i] = v;
        }
        return p.kind === 'numeric'
            ? { kind: 'numeric', name, values: out, integer: !!p.integer }
            : { kind: 'datetime', name, values: out, format: p.format };
    }
    const order = p.order;
    const cum = new Float64Array(order.length);
    let acc = 0;
    for (let i = 0; i < order.length; i++) {
        acc += p.probs[i];
        cum[i] = acc;
    }
    const pick = (x) => {
        let lo = 0, hi = order.length - 1;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (x < cum[mid])
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    };
    if (p.kind === 'boolean') {
        const out = new Int8Array(n);
        for (let i = 0; i < n; i++) {
            const lab = order[pick(uu[i])];
            out[i] = lab === null ? -1 : lab === 'true' ? 1 : 0;
        }
        return { kind: 'boolean', name, values: out };
    }
    const categories = orderedCategories(p);
    const lookup = new Map(categories.map((c, i) => [c, i]));
    const codeOf = order.map((c) => (c === null ? -1 : lookup.get(c)));
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++)
        out[i] = codeOf[pick(uu[i])];
    return { kind: 'categorical', name, codes: out, categories };
}
/**
 * The latent values (z) that decode to a condition's value(s): category intervals (merged when adjacent), or the
 * preimage of a number under the knot interpolation and the rounding applied after it (integers to ±0.5, floats
 * to ±half their last decimal; a datetime or a float without decimals is a point unless it sits on a tie block).
 * Empty when the model cannot produce the value.
 */
function latentSet(p, c, decimals) {
    const values = c.oneOf ?? [c.value];
    const zOf = (u) => (u <= 0 ? -Infinity : u >= 1 ? Infinity : normalQuantile(u, 0, 1));
    const out = [];
    if (p.kind === 'categorical' || p.kind === 'boolean') {
        const want = new Set(values.map((v) => (p.kind === 'boolean' ? (v === 1 ? 'true' : 'false') : String(v))));
        let acc = 0;
        p.order.forEach((label, i) => {
            const lo = acc;
            acc += p.probs[i];
            if (label === null || !want.has(label) || !(p.probs[i] > 0))
                return;
            const last = out[out.length - 1];
            if (last && last[1] === zOf(lo))
                out[out.length - 1] = [last[0], zOf(acc)];
            else
                out.push([zOf(lo), zOf(acc)]);
        });
        return out;
    }
    const knots = p.knots;
    const k = knots.length;
    for (const v0 of values) {
        const v = v0;
        const half = p.integer ? 0.5 : p.kind === 'numeric' && decimals !== undefined ? 0.5 * 10 ** -decimals : 0;
        const lo = v - half;
        const hi = v + half;
        if (hi < knots[0] || lo > knots[k - 1])
            continue;
        if (k === 1) {
            out.push([-Infinity, Infinity]);
            continue;
        }
        // inf{u : g(u) ≥ lo} and sup{u : g(u) ≤ hi} for the non-decreasing interpolation g
        let ulo = 0;
        if (lo > knots[0]) {
            let j = 1;
            while (j < k && knots[j] < lo)
                j++;
            ulo = (j - 1 + (lo - knots[j - 1]) / (knots[j] - knots[j - 1])) / (k - 1);
        }
        let uhi = 1;
        if (hi < knots[k - 1]) {
            let j = k - 2;
            while (j >= 0 && knots[j] > hi)
                j--;
            uhi = (j + (hi - knots[j]) / (knots[j + 1] - knots[j])) / (k - 1);
        }
        if (ulo > uhi)
            continue;
        out.push([zOf(ulo), zOf(uhi)]);
    }
    return out.sort((a, b) => a[0] - b[0]);
}
function intersectIntervals(a, b) {
    const out = [];
    for (const x of a)
        for (const y of b) {
            const lo = Math.max(x[0], y[0]);
            const hi = Math.min(x[1], y[1]);
            if (lo <= hi)
                out.push([lo, hi]);
        }
    return out.sort((p, q) => p[0] - q[0]);
}
/** Category list of a decoded categorical column: the domain order stored alongside (see fit). */
function orderedCategories(p) {
    return p.categories;
}
export const gaussianCopula = defineSynthesizer(gaussianCopulaInfo, {
    async fit(table, schema, opts = {}) {
        checkFitInput(table, schema, 'gaussian-copula');
        const rng = new Rng(opts.seed ?? 0);
        const n = table.nRows;
        const scores = [];
        const columns = byName();
        const cats = [];
        for (const spec of modelledSpecs(schema)) {
            const col = table.column(spec.name);
            if (col.kind === 'numeric' || col.kind === 'datetime') {
                const { z, knots, present } = numericScores(col.values, rng);
                if (present === 0) {
                    // all missing: a constant column; the value dimension carries nothing
                    const dim = scores.push(new Float64Array(n).fill(NaN)) - 1;
                    columns[spec.name] = {
                        kind: col.kind,
                        dim,
                        missingDim: -1,
                        missingRate: 1,
                        knots: [0],
                        ...(col.kind === 'numeric' ? { integer: col.integer } : { format: col.format }),
                    };
                    continue;
                }
                const dim = scores.push(z) - 1;
                let missingDim = -1;
                const missingRate = (n - present) / n;
                if (present < n) {
                    const ind = new Int32Array(n);
                    for (let i = 0; i < n; i++)
                        ind[i] = Number.isNaN(col.values[i]) ? 0 : 1;
                    missingDim = scores.push(categoryScores(ind, 2, [0, 1], [missingRate, 1 - missingRate], rng)) - 1;
                }
                columns[spec.name] = {
                    kind: col.kind,
                    dim,
                    missingDim,
                    missingRate,
                    knots,
                    ...(col.kind === 'numeric' ? { integer: col.integer } : { format: col.format }),
                };
            }
            else if (col.kind === 'categorical' || col.kind === 'boolean') {
                const k = col.kind === 'boolean' ? 2 : col.categories.length;
                const codes = col.kind === 'boolean' ? Int32Array.from(col.values) : col.codes;
                const counts = new Array(k + 1).fill(0);
                for (let i = 0; i < n; i++)
                    counts[codes[i] < 0 ? k : codes[i]]++;
                const labels = col.kind === 'boolean' ? ['false', 'true', null] : [...col.categories, null];
                // start: frequency order (present categories only)
                const order = counts
                    .map((c, i) => [c, i])
                    .filter(([c]) => c > 0)
                    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
                    .map(([, i]) => i);
                const info = { spec, codes, k, labels, counts, order };
                const dim = scores.push(categoryScores(codes, k, order, order.map((c) => counts[c] / n), rng)) - 1;
                cats.push({ info, dim });
            }
        }
        const d = scores.length;
        // refine category orders along the first principal axis of the other columns
        if (cats.some((c) => c.info.order.length > 2) && d > 1) {
            const r0 = correlation(scores);
            const axis = firstAxis(r0, d);
            for (const { info, dim } of cats) {
                if (info.order.length <= 2)
                    continue;
                const sum = new Float64Array(info.k + 1), cnt = new Float64Array(info.k + 1);
                for (let i = 0; i < n; i++) {
                    let s = 0;
                    for (let j = 0; j < d; j++) {
                        if (j === dim)
                            continue;
                        const z = scores[j][i];
                        if (z === z)
                            s += axis[j] * z;
                    }
                    const c = info.codes[i] < 0 ? info.k : info.codes[i];
                    sum[c] += s;
                    cnt[c]++;
                }
                info.order = [...info.order].sort((a, b) => sum[a] / cnt[a] - sum[b] / cnt[b] || a - b);
                scores[dim] = categoryScores(info.codes, info.k, info.order, info.order.map((c) => info.counts[c] / n), rng);
            }
        }
        for (const { info, dim } of cats) {
            columns[info.spec.name] = {
                kind: info.spec.kind,
                dim,
                missingDim: -1,
                missingRate: info.counts[info.k] / n,
                order: info.order.map((c) => info.labels[c]),
                probs: info.order.map((c) => info.counts[c] / n),
                ...(info.spec.kind === 'categorical'
                    ? { categories: info.labels.filter((l) => l !== null) }
                    : {}),
            };
        }
        const corr = nearestCorrelation(correlation(scores), d);
        const params = { ids: idStyles(table, schema), columns, correlation: corr.flat(), dims: d };
        return new GaussianCopulaModel(schema, params);
    },
    load(file) {
        const p = new ProblemList();
        const params = file.params;
        if (!isRecord(params) ||
            !isRecord(params.columns) ||
            !isRecord(params.ids) ||
            typeof params.dims !== 'number') {
            p.add('params must have "columns", "ids", "dims" and "correlation"');
            p.throwIfAny('invalid gaussian-copula model:');
        }
        const raw = params;
        const pr = {
            ...params,
            columns: byNameFrom(raw.columns),
            ids: byNameFrom(raw.ids),
        };
        const d = pr.dims;
        if (!Number.isInteger(d) || d < 0)
            p.add('dims must be a whole number');
        if (!isNumberArray(pr.correlation) || pr.correlation.length !== d * d)
            p.add(`correlation must hold ${d}×${d} numbers`);
        else {
            for (let i = 0; i < d; i++) {
                if (Math.abs(pr.correlation[i * d + i] - 1) > 1e-9)
                    p.add('correlation must have a unit diagonal');
                for (let j = 0; j < i; j++)
                    if (pr.correlation[i * d + j] !== pr.correlation[j * d + i])
                        p.add('correlation must be symmetric');
            }
        }
        for (const spec of file.schema.columns) {
            if (spec.kind === 'id' || spec.kind === 'text')
                continue;
            const c = pr.columns[spec.name];
            if (!isRecord(c)) {
                p.add(`column "${spec.name}" has no parameters`);
                continue;
            }
            if (c.kind !== spec.kind)
                p.add(`column "${spec.name}": kind does not match the schema`);
            if (typeof c.dim !== 'number' || c.dim < 0 || c.dim >= d)
                p.add(`column "${spec.name}": dim out of range`);
            if (typeof c.missingDim !== 'number' || c.missingDim >= d)
                p.add(`column "${spec.name}": missingDim out of range`);
            if (c.kind === 'numeric' || c.kind === 'datetime') {
                if (!isNumberArray(c.knots) || c.knots.length === 0)
                    p.add(`column "${spec.name}": knots must be numbers`);
                else
                    for (let i = 1; i < c.knots.length; i++)
                        if (c.knots[i] < c.knots[i - 1]) {
                            p.add(`column "${spec.name}": knots must be non-decreasing`);
                            break;
                        }
                if (c.kind === 'datetime' && typeof c.format !== 'string')
                    p.add(`column "${spec.name}": format missing`);
            }
            else {
                if (!Array.isArray(c.order) ||
                    !isNumberArray(c.probs) ||
                    c.order.length !== c.probs.length ||
                    c.order.length === 0) {
                    p.add(`column "${spec.name}": order and probs must be non-empty and equally long`);
                }
                if (c.kind === 'categorical' && !Array.isArray(c.categories))
                    p.add(`column "${spec.name}": categories missing`);
            }
        }
        p.throwIfAny('invalid gaussian-copula model:');
        return new GaussianCopulaModel(file.schema, pr);
    },
});
//# sourceMappingURL=index.js.map