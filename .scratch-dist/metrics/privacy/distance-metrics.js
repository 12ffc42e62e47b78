import { nearestTwo } from './neighbors.js';
import { takeRows } from './space.js';
import { clopperPearson } from './stats.js';
export const localSearch = async (q, c) => nearestTwo(q, c);
function quantile(sorted, p) {
    if (sorted.length === 0)
        return NaN;
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}
/**
 * DCR share, NNDR, exact-match and near-duplicate rates of `synthetic` against all rows of `train` and `holdout`.
 */
export async function distanceMetrics(train, holdout, synthetic, search = localSearch, note) {
    const nT = train.n, nH = holdout.n;
    // training rows = a part of holdout size (callers pass rows in random order) + the rest; the full-training
    // neighbours are the merge of the two searches, so the size-matched comparison costs nothing extra
    const nCut = Math.min(nT, nH);
    const cut = nCut === nT
        ? train
        : takeRows(train, Int32Array.from({ length: nCut }, (_, i) => i));
    const toCut = await search(synthetic, cut);
    let toTrain = toCut;
    if (nCut < nT) {
        const rest = await search(synthetic, takeRows(train, Int32Array.from({ length: nT - nCut }, (_, i) => nCut + i)));
        toTrain = mergeTopTwo(toCut, rest, nCut);
    }
    const toHoldout = await search(synthetic, holdout);
    const m = synthetic.n;
    let closer = 0, exactT = 0, exactFull = 0, exactH = 0, nndrT = 0, nndrH = 0;
    for (let i = 0; i < m; i++) {
        const a = toTrain.d1[i], b = toHoldout.d1[i];
        closer += a < b ? 1 : a === b ? 0.5 : 0;
        if (a === 0)
            exactFull++;
        if (toCut.d1[i] === 0)
            exactT++;
        if (b === 0)
            exactH++;
        nndrT += ratio(toCut.d1[i], toCut.d2[i]);
        nndrH += ratio(toHoldout.d1[i], toHoldout.d2[i]);
    }
    const shareValue = closer / m;
    const share = shareInterval(toTrain, toHoldout, nT, shareValue);
    const sortedH = Float64Array.from(toHoldout.d1).sort();
    const tau = quantile(sortedH, 0.05);
    let nearT = 0, nearH = 0;
    for (let i = 0; i < m; i++) {
        if (toCut.d1[i] < tau)
            nearT++;
        if (toHoldout.d1[i] < tau)
            nearH++;
    }
    const sizes = `${m} synthetic rows; ${nT} training and ${nH} holdout rows`;
    const matched = `${m} synthetic rows; ${nCut} training rows (random) vs ${nCut > nH ? nH : nCut} holdout rows`;
    // under the null (the synthesizer never favoured training rows), each real row is equally likely to be a synthetic
    // row's nearest, so P(closer to train) = nT/(nT + nH)
    const shareBase = nT / (nT + nH);
    const base = { family: 'privacy', note: note ? `${note}; ${sizes}` : sizes };
    const baseMatched = { family: 'privacy', note: note ? `${note}; ${matched}` : matched };
    const risk = (v, b) => Math.max(0, (v - b) / (1 - b));
    const metrics = [
        {
            ...base,
            id: 'dcr_share',
            name: 'Share of synthetic rows closer to training than to holdout (DCR)',
            value: shareValue,
            score: 1 - risk(shareValue, shareBase),
            ci: share.ci,
            baseline: shareBase,
            details: {
                se: share.se,
                medianDcrTrain: quantile(Float64Array.from(toTrain.d1).sort(), 0.5),
                medianDcrHoldout: quantile(sortedH, 0.5),
                histogram: dcrHistogram(toCut.d1, toHoldout.d1),
            },
        },
        {
            ...baseMatched,
            id: 'nndr',
            name: 'Mean nearest-neighbour distance ratio to training rows',
            value: nndrT / m,
            score: Math.min(1, nndrH > 0 ? nndrT / nndrH : 1),
            baseline: nndrH / m,
        },
        {
            ...baseMatched,
            id: 'exact_match_rate',
            name: 'Share of synthetic rows equal to a training row',
            value: exactT / m,
            score: 1 - risk(exactT / m, exactH / m),
            ci: clopperPearson(exactT, m),
            baseline: exactH / m,
            details: {
                syntheticRows: m,
                exactMatchesTrain: exactT,
                exactMatchesHoldout: exactH,
                exactMatchRateAllTraining: exactFull / m,
            },
        },
        {
            ...baseMatched,
            id: 'near_duplicate_rate',
            name: 'Share of synthetic rows nearer a training row than the 5% quantile of holdout distances',
            value: nearT / m,
            score: 1 - risk(nearT / m, nearH / m),
            ci: clopperPearson(nearT, m),
            baseline: nearH / m,
            details: { threshold: tau, syntheticRows: m, nearTrain: nearT, nearHoldout: nearH },
        },
    ];
    return { metrics, toTrain, toHoldout };
}
/**
 * 95% interval of the DCR share, cluster-robust: synthetic rows sharing their nearest real row are not independent
 * evidence (they all move together with which side of the split that real row fell on), so the variance is the
 * sandwich estimator over clusters of synthetic rows grouped by nearest real row (ties: their own cluster),
 * Σ_c (Σ_{i∈c} (x_i − x̄))² / m², never below the binomial variance x̄(1 − x̄)/m.
 */
function shareInterval(toTrain, toHoldout, nT, mean) {
    const m = toTrain.d1.length;
    const sums = new Map();
    let ownId = -1;
    for (let i = 0; i < m; i++) {
        const a = toTrain.d1[i], b = toHoldout.d1[i];
        const x = (a < b ? 1 : a === b ? 0.5 : 0) - mean;
        const id = a < b ? toTrain.i1[i] : a > b ? nT + toHoldout.i1[i] : ownId--;
        sums.set(id, (sums.get(id) ?? 0) + x);
    }
    let v = 0;
    for (const t of sums.values())
        v += t * t;
    v = Math.max(v / (m * m), (mean * (1 - mean)) / m);
    const se = Math.sqrt(v);
    const half = 1.959963984540054 * se;
    return { ci: [Math.max(0, mean - half), Math.min(1, mean + half)], se };
}
/** Top-two neighbours over the union of two candidate sets (the second's indices offset by `offset`). */
function mergeTopTwo(a, b, offset) {
    const n = a.d1.length;
    const d1 = new Float64Array(n), d2 = new Float64Array(n), i1 = new Int32Array(n);
    for (let i = 0; i < n; i++) {
        if (b.d1[i] < a.d1[i]) {
            d1[i] = b.d1[i];
            i1[i] = b.i1[i] + offset;
            d2[i] = Math.min(b.d2[i], a.d1[i]);
        }
        else {
            d1[i] = a.d1[i];
            i1[i] = a.i1[i];
            d2[i] = Math.min(a.d2[i], b.d1[i]);
        }
    }
    return { d1, d2, i1 };
}
function ratio(d1, d2) {
    // two coincident neighbours, or a single candidate: the row is not pinned to one record
    if (d2 === 0 || !Number.isFinite(d2))
        return 1;
    return d1 / d2;
}
/**
 * Histograms (counts) of the distances of synthetic rows to their closest training row (among as many training
 * rows as there are holdout rows, so the two are comparable) and to their closest holdout row: 30 equal-width
 * bins from 0 to the 99th percentile of both, the last bin open-ended. Two curves on top of each other mean the
 * synthetic rows sit no closer to the people they learned from than to strangers.
 */
export function dcrHistogram(toTrain, toHoldout, bins = 30) {
    const all = Float64Array.from([...Array.from(toTrain), ...Array.from(toHoldout)]).sort();
    const top = all.length ? quantile(all, 0.99) : 0;
    const hi = top > 0 ? top : all.length ? all[all.length - 1] || 1 : 1;
    const edges = Array.from({ length: bins + 1 }, (_, k) => (hi * k) / bins);
    const count = (d) => {
        const c = new Array(bins).fill(0);
        for (let i = 0; i < d.length; i++)
            c[Math.min(bins - 1, Math.floor((d[i] / hi) * bins))]++;
        return c;
    };
    return { edges, train: count(toTrain), holdout: count(toHoldout) };
}
//# sourceMappingURL=distance-metrics.js.map