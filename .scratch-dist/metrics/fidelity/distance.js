import { Rng } from '../../random/rng.js';
import { alignTables, checkIntOptions, clamp01, quantileSorted } from './prepare.js';
/** Pack byte-sized codes four to a word (see `Embedded.packed`). */
function packCodes(cat, n, q) {
    const w = (q + 3) >> 2;
    const out = new Int32Array(n * w);
    for (let i = 0; i < n; i++) {
        for (let t = 0; t < q; t++)
            out[i * w + (t >> 2)] |= cat[i * q + t] << ((t & 3) * 8);
    }
    return out;
}
/** Embed both tables' rows (`realRows`, `synthRows` pick rows; standardisation from the picked real rows). */
export function embed(cols, realRows, synthRows) {
    const numCols = cols.filter((c) => c.kind === 'numeric');
    const catCols = cols.filter((c) => c.kind === 'categorical');
    const withMissing = numCols.filter((c) => hasNaN(c.real) || hasNaN(c.synthetic));
    const p = numCols.length, q = catCols.length + withMissing.length;
    const mean = new Float64Array(p), sd = new Float64Array(p);
    numCols.forEach((c, j) => {
        let n = 0, s = 0;
        for (const r of realRows) {
            const x = c.real[r];
            if (x === x) {
                n++;
                s += x;
            }
        }
        const m = n ? s / n : 0;
        let v = 0;
        for (const r of realRows) {
            const x = c.real[r];
            if (x === x)
                v += (x - m) * (x - m);
        }
        mean[j] = m;
        sd[j] = n > 1 && v > 0 ? Math.sqrt(v / (n - 1)) : 1;
    });
    const catSizes = [
        ...catCols.map((c) => (c.kind === 'categorical' ? c.categories.length + 1 : 0)),
        ...withMissing.map(() => 2),
    ];
    const build = (rows, which) => {
        const n = rows.length;
        const num = new Float64Array(n * p), cat = new Int32Array(n * q);
        numCols.forEach((c, j) => {
            const v = c[which];
            for (let i = 0; i < n; i++) {
                const x = v[rows[i]];
                num[i * p + j] = x === x ? (x - mean[j]) / sd[j] : 0;
            }
        });
        catCols.forEach((c, j) => {
            const v = c[which];
            const k = c.categories.length;
            for (let i = 0; i < n; i++) {
                const x = v[rows[i]];
                cat[i * q + j] = x < 0 ? k : x;
            }
        });
        withMissing.forEach((c, jj) => {
            const v = c[which];
            const j = catCols.length + jj;
            for (let i = 0; i < n; i++)
                cat[i * q + j] = v[rows[i]] === v[rows[i]] ? 0 : 1;
        });
        const small = catSizes.every((k) => k <= 256);
        return { n, p, q, num, cat, packed: small ? packCodes(cat, n, q) : null };
    };
    return { real: build(realRows, 'real'), synthetic: build(synthRows, 'synthetic'), catSizes };
}
function hasNaN(v) {
    for (let i = 0; i < v.length; i++)
        if (v[i] !== v[i])
            return true;
    return false;
}
/**
 * Euclidean distances between every row of `a` and every row of `b` (row-major a.n × b.n). When `a === b` only
 * the upper triangle is computed and mirrored.
 */
export function pairwiseDistances(a, b) {
    const { p, q } = a;
    const na = a.n, nb = b.n;
    const out = new Float64Array(na * nb);
    const an = a.num, bn = b.num, ac = a.cat, bc = b.cat;
    const same = a === b;
    const ap = a.packed, bp = b.packed;
    const w = (q + 3) >> 2;
    for (let i = 0; i < na; i++) {
        const oi = i * nb, pi = i * p, qi = i * q, wi = i * w;
        for (let j = same ? i + 1 : 0; j < nb; j++) {
            let d = 0;
            const pj = j * p;
            for (let t = 0; t < p; t++) {
                const x = an[pi + t] - bn[pj + t];
                d += x * x;
            }
            let m = 0;
            if (ap !== null && bp !== null) {
                // mismatching bytes of a ^ b: a byte is non-zero iff its low 7 bits + 0x7f carry into bit 7 or bit 7 is set
                const wj = j * w;
                for (let t = 0; t < w; t++) {
                    const v = ap[wi + t] ^ bp[wj + t];
                    const h = (((v & 0x7f7f7f7f) + 0x7f7f7f7f) | v) & 0x80808080;
                    m += Math.imul((h >>> 7) & 0x01010101, 0x01010101) >>> 24;
                }
            }
            else {
                const qj = j * q;
                for (let t = 0; t < q; t++)
                    m += ac[qi + t] === bc[qj + t] ? 0 : 1;
            }
            out[oi + j] = Math.sqrt(d + m);
        }
    }
    if (same)
        for (let i = 0; i < na; i++)
            for (let j = 0; j < i; j++)
                out[i * nb + j] = out[j * nb + i];
    return out;
}
/** The k-th smallest value (k = 0 is the minimum) of each row of a rows×cols matrix. */
export function kthSmallestPerRow(m, rows, cols, k) {
    const out = new Float64Array(rows);
    const buf = new Float64Array(k + 1);
    for (let i = 0; i < rows; i++) {
        let len = 0;
        const o = i * cols;
        for (let j = 0; j < cols; j++) {
            const x = m[o + j];
            if (len <= k) {
                let t = len++;
                while (t > 0 && buf[t - 1] > x) {
                    buf[t] = buf[t - 1];
                    t--;
                }
                buf[t] = x;
            }
            else if (x < buf[k]) {
                let t = k;
                while (t > 0 && buf[t - 1] > x) {
                    buf[t] = buf[t - 1];
                    t--;
                }
                buf[t] = x;
            }
        }
        out[i] = len > k ? buf[k] : Infinity;
    }
    return out;
}
function sampleRows(n, max, rng) {
    if (n <= max) {
        const a = new Int32Array(n);
        for (let i = 0; i < n; i++)
            a[i] = i;
        return a;
    }
    return rng.permutation(n).subarray(0, max).slice().sort();
}
/** Embed (subsampled) rows of both tables and compute the three distance matrices. */
export function distanceContext(cols, nReal, nSynth, opts) {
    const max = opts?.maxRows ?? 2000;
    const seed = opts?.seed ?? 0;
    const rng = new Rng(seed);
    const rRows = sampleRows(nReal, max, rng), sRows = sampleRows(nSynth, max, rng);
    const { real, synthetic, catSizes } = embed(cols, rRows, sRows);
    const parts = [];
    if (rRows.length < nReal)
        parts.push(`${rRows.length.toLocaleString('en-US')} of ${nReal.toLocaleString('en-US')} real rows`);
    if (sRows.length < nSynth) {
        parts.push(`${sRows.length.toLocaleString('en-US')} of ${nSynth.toLocaleString('en-US')} synthetic rows`);
    }
    return {
        real,
        synthetic,
        catSizes,
        rr: pairwiseDistances(real, real),
        ss: pairwiseDistances(synthetic, synthetic),
        rs: pairwiseDistances(real, synthetic),
        ...(parts.length ? { note: `seeded subsample: ${parts.join(', ')} (seed ${seed})` } : {}),
    };
}
/** Median of the pooled off-diagonal distances (at most ~200k of them, taken with a fixed stride). */
function medianDistance(ctx) {
    const nr = ctx.real.n, ns = ctx.synthetic.n;
    const total = (nr * (nr - 1)) / 2 + (ns * (ns - 1)) / 2 + nr * ns;
    const stride = Math.max(1, Math.ceil(total / 200_000));
    const vals = new Float64Array(Math.ceil(total / stride) + 1);
    let c = 0, len = 0;
    for (let i = 0; i < nr; i++)
        for (let j = i + 1; j < nr; j++)
            if (c++ % stride === 0)
                vals[len++] = ctx.rr[i * nr + j];
    for (let i = 0; i < ns; i++)
        for (let j = i + 1; j < ns; j++)
            if (c++ % stride === 0)
                vals[len++] = ctx.ss[i * ns + j];
    for (let i = 0; i < ctx.rs.length; i++)
        if (c++ % stride === 0)
            vals[len++] = ctx.rs[i];
    const a = vals.subarray(0, len).sort();
    let med = quantileSorted(a, 0.5);
    if (!(med > 0)) {
        // more than half the pairs coincide: the median of the positive distances keeps the kernel informative
        const pos = a.filter((x) => x > 0);
        med = pos.length ? quantileSorted(pos, 0.5) : 1;
    }
    return med;
}
/**
 * Biased (V-statistic) MMD² with k(x, y) = exp(−‖x − y‖² / (2σ²)), σ = the median pooled pairwise distance.
 * `value` = MMD², in [0, 2]; score = 1 − √(MMD² / 2) (1 for identical samples, 0 for far-apart supports).
 */
export function mmdOf(ctx) {
    const sigma = medianDistance(ctx);
    const g = 1 / (2 * sigma * sigma);
    const meanK = (m) => {
        let s = 0;
        for (let i = 0; i < m.length; i++)
            s += Math.exp(-g * m[i] * m[i]);
        return m.length ? s / m.length : 0;
    };
    // symmetric within-sample matrices: the upper triangle twice plus the diagonal (k = 1)
    const meanKSym = (m, n) => {
        let s = 0;
        for (let i = 0; i < n; i++)
            for (let j = i + 1; j < n; j++)
                s += Math.exp(-g * m[i * n + j] * m[i * n + j]);
        return n ? (2 * s + n) / (n * n) : 0;
    };
    const mmd2 = Math.max(0, meanKSym(ctx.rr, ctx.real.n) + meanKSym(ctx.ss, ctx.synthetic.n) - 2 * meanK(ctx.rs));
    return {
        id: 'mmd',
        family: 'fidelity',
        name: 'MMD (RBF kernel)',
        value: mmd2,
        score: clamp01(1 - Math.sqrt(mmd2 / 2)),
        ...(ctx.note ? { note: ctx.note } : {}),
        details: { bandwidth: sigma },
    };
}
/** Precision, recall, density and coverage (Naeem et al. 2020) with k nearest neighbours. */
export function prdcOf(ctx, k = 5) {
    const nr = ctx.real.n, ns = ctx.synthetic.n;
    // the k-th neighbour excluding the row itself = the (k+1)-th smallest including its own 0 (prdc's get_kth_value)
    const rReal = kthSmallestPerRow(ctx.rr, nr, nr, k);
    const rSynth = kthSmallestPerRow(ctx.ss, ns, ns, k);
    const inAnyReal = new Uint8Array(ns);
    const realCovered = new Uint8Array(nr);
    const synthBallHit = new Uint8Array(nr);
    let densitySum = 0;
    for (let i = 0; i < nr; i++) {
        const o = i * ns, ri = rReal[i];
        let minD = Infinity;
        for (let j = 0; j < ns; j++) {
            const d = ctx.rs[o + j];
            if (d < ri) {
                inAnyReal[j] = 1;
                densitySum++;
            }
            if (d < rSynth[j])
                synthBallHit[i] = 1;
            if (d < minD)
                minD = d;
        }
        if (minD < ri)
            realCovered[i] = 1;
    }
    const mean = (a) => a.reduce((s, x) => s + x, 0) / (a.length || 1);
    const precision = mean(inAnyReal), recall = mean(synthBallHit), coverage = mean(realCovered);
    const density = ns ? densitySum / (k * ns) : 0;
    const base = { family: 'fidelity', ...(ctx.note ? { note: ctx.note } : {}), details: { k } };
    return [
        { id: 'precision', name: 'Precision (k-NN)', value: precision, score: precision, ...base },
        { id: 'recall', name: 'Recall (k-NN)', value: recall, score: recall, ...base },
        { id: 'density', name: 'Density (k-NN)', value: density, score: clamp01(density), ...base },
        { id: 'coverage', name: 'Coverage (k-NN)', value: coverage, score: coverage, ...base },
    ];
}
/** Squared distance of each embedded row to the mean of `ref` in the one-hot space (centre of the embedding). */
function distanceToCentre(e, ref, catSizes) {
    const { p, q } = e;
    const c = new Float64Array(p);
    for (let i = 0; i < ref.n; i++)
        for (let t = 0; t < p; t++)
            c[t] += ref.num[i * p + t];
    for (let t = 0; t < p; t++)
        c[t] /= ref.n || 1;
    // category frequencies of ref, per categorical dimension, and Σ p_k²
    const freq = catSizes.map((k) => new Float64Array(k));
    for (let i = 0; i < ref.n; i++)
        for (let t = 0; t < q; t++)
            freq[t][ref.cat[i * q + t]] += 1 / (ref.n || 1);
    const sq = freq.map((f) => f.reduce((s, x) => s + x * x, 0));
    const out = new Float64Array(e.n);
    for (let i = 0; i < e.n; i++) {
        let d = 0;
        for (let t = 0; t < p; t++) {
            const x = e.num[i * p + t] - c[t];
            d += x * x;
        }
        // one-hot scaled by 1/√2: ½ (1 − 2 p_x + Σ p_k²)
        for (let t = 0; t < q; t++)
            d += 0.5 * (1 - 2 * freq[t][e.cat[i * q + t]] + sq[t]);
        out[i] = Math.sqrt(Math.max(0, d));
    }
    return out;
}
/**
 * α-precision and β-recall (Alaa et al. 2022) as synthcity computes them: over 30 levels α ∈ linspace(0, 1),
 * α-precision(α) = share of synthetic rows within the α-quantile radius of the real rows' distances to the real
 * centre; β-recall(β) = share of real rows whose nearest synthetic row is closer than their nearest other real row
 * and lies within the β-quantile ball around the synthetic centre. The scores are 1 − Σ|curve − α| / Σα (1 = the
 * curve is the diagonal). Also reports authenticity (share of real rows closer to another real row than their
 * nearest synthetic row is to them, synthcity's definition) in `details`.
 */
export function alphaBetaOf(ctx) {
    const { real, synthetic, catSizes } = ctx;
    const nr = real.n, ns = synthetic.n;
    const steps = 30;
    const alphas = Array.from({ length: steps }, (_, i) => i / (steps - 1));
    const realToCentre = Float64Array.from(distanceToCentre(real, real, catSizes)).sort();
    const synthToCentre = distanceToCentre(synthetic, real, catSizes);
    const synthToSynthCentre = distanceToCentre(synthetic, synthetic, catSizes);
    const realToReal = kthSmallestPerRow(ctx.rr, nr, nr, 1);
    const realToSynth = new Float64Array(nr);
    const arg = new Int32Array(nr);
    for (let i = 0; i < nr; i++) {
        let m = Infinity, a = 0;
        for (let j = 0; j < ns; j++) {
            const d = ctx.rs[i * ns + j];
            if (d < m) {
                m = d;
                a = j;
            }
        }
        realToSynth[i] = m;
        arg[i] = a;
    }
    const closestD = new Float64Array(nr);
    for (let i = 0; i < nr; i++)
        closestD[i] = synthToSynthCentre[arg[i]];
    const closestSorted = Float64Array.from(closestD).sort();
    const precisionCurve = [], recallCurve = [];
    for (const a of alphas) {
        const rad = quantileSorted(realToCentre, a);
        let c = 0;
        for (let j = 0; j < ns; j++)
            if (synthToCentre[j] <= rad)
                c++;
        precisionCurve.push(c / (ns || 1));
        const rb = quantileSorted(closestSorted, a);
        let b = 0;
        for (let i = 0; i < nr; i++)
            if (realToSynth[i] <= realToReal[i] && closestD[i] <= rb)
                b++;
        recallCurve.push(b / (nr || 1));
    }
    const sumA = alphas.reduce((s, x) => s + x, 0);
    const delta = (curve) => 1 - curve.reduce((s, x, i) => s + Math.abs(alphas[i] - x), 0) / sumA;
    let auth = 0;
    for (let i = 0; i < nr; i++)
        if (realToSynth[i] > realToReal[i])
            auth++;
    const ap = delta(precisionCurve), br = delta(recallCurve);
    const note = ctx.note ? { note: ctx.note } : {};
    return [
        {
            id: 'alpha_precision',
            family: 'fidelity',
            name: 'α-precision',
            value: ap,
            score: clamp01(ap),
            ...note,
            details: { alphas, curve: precisionCurve },
        },
        {
            id: 'beta_recall',
            family: 'fidelity',
            name: 'β-recall',
            value: br,
            score: clamp01(br),
            ...note,
            details: { alphas, curve: recallCurve, authenticity: auth / (nr || 1) },
        },
    ];
}
/** MMD, PRDC and α/β of `synthetic` against `real`, from one set of distance matrices. */
export function distanceMetrics(real, synthetic, opts) {
    checkIntOptions('distanceMetrics', [
        ['maxRows', opts?.maxRows, 2],
        ['k', opts?.k, 1],
        ['seed', opts?.seed, -(2 ** 53)],
    ]);
    const cols = alignTables(real, synthetic, opts?.columns);
    const ctx = distanceContext(cols, real.nRows, synthetic.nRows, opts);
    return [mmdOf(ctx), ...prdcOf(ctx, opts?.k ?? 5), ...alphaBetaOf(ctx)];
}
//# sourceMappingURL=distance.js.map