import { Rng } from '../../random/rng.js';
import { fitBoosting, makeLearnData, rocAuc } from '../../learn/index.js';
import { checkIntOptions, clamp01, fidelityKind } from './prepare.js';
import { LookalikeError } from '../../errors.js';
/**
 * pMSE (Woo et al. 2009): mean (p̂_i − c)² over all rows, c = share of rows labelled 1 (synthetic). 0 when the
 * propensities carry no information, c(1 − c) when they separate the tables perfectly.
 */
export function pmseOf(propensity, labels) {
    const n = labels.length;
    if (n === 0)
        return NaN;
    let ones = 0;
    for (let i = 0; i < n; i++)
        if (labels[i] > 0)
            ones++;
    const c = ones / n;
    let s = 0;
    for (let i = 0; i < n; i++)
        s += (propensity[i] - c) * (propensity[i] - c);
    return s / n;
}
function pick(n, max, rng) {
    if (n <= max)
        return Int32Array.from({ length: n }, (_, i) => i);
    return rng.permutation(n).subarray(0, max).slice().sort();
}
/** Detection AUC and pMSE of `synthetic` against `real` (see the module comment). */
export function detectionMetrics(real, synthetic, opts) {
    checkIntOptions('detectionMetrics', [
        ['maxRows', opts?.maxRows, 2],
        ['folds', opts?.folds, 2],
        ['nTrees', opts?.nTrees, 1],
        ['maxDepth', opts?.maxDepth, 1],
        ['seed', opts?.seed, -(2 ** 53)],
    ]);
    const features = (opts?.columns ?? real.names).filter((c) => real.has(c) && fidelityKind(real.column(c).kind) !== null);
    const missing = features.filter((c) => !synthetic.has(c));
    if (missing.length) {
        throw new LookalikeError('cannot run the detection test', missing.map((c) => `column "${c}" is missing from the synthetic table`));
    }
    const seed = opts?.seed ?? 0;
    const folds = opts?.folds ?? 3;
    const max = opts?.maxRows ?? 10_000;
    const rng = new Rng(seed);
    const ri = pick(real.nRows, max, rng), si = pick(synthetic.nRows, max, rng);
    const base = { family: 'fidelity' };
    if (ri.length < folds || si.length < folds || features.length === 0) {
        const note = features.length === 0 ? 'no comparable columns' : 'too few rows for cross-validation';
        return [
            { ...base, id: 'detection_auc', name: 'Detection AUC (boosted trees)', value: NaN, score: NaN, note },
            { ...base, id: 'pmse', name: 'pMSE', value: NaN, score: NaN, note },
        ];
    }
    const pooled = real.select(features).take(ri).concat(synthetic.select(features).take(si));
    const n = pooled.nRows;
    const labels = new Int32Array(n);
    for (let i = ri.length; i < n; i++)
        labels[i] = 1;
    // stratified fold assignment: a seeded permutation of each class dealt round-robin
    const fold = new Int32Array(n);
    const pr = rng.permutation(ri.length), ps = rng.permutation(si.length);
    for (let i = 0; i < pr.length; i++)
        fold[pr[i]] = i % folds;
    for (let i = 0; i < ps.length; i++)
        fold[ri.length + ps[i]] = i % folds;
    const prop = new Float64Array(n);
    for (let f = 0; f < folds; f++) {
        let nt = 0;
        for (let i = 0; i < n; i++)
            if (fold[i] !== f)
                nt++;
        const tr = new Int32Array(nt), te = new Int32Array(n - nt);
        let a = 0, b = 0;
        for (let i = 0; i < n; i++) {
            if (fold[i] !== f)
                tr[a++] = i;
            else
                te[b++] = i;
        }
        const trainTable = pooled.take(tr);
        const trainData = makeLearnData(trainTable, features);
        const y = new Int32Array(nt);
        for (let i = 0; i < nt; i++)
            y[i] = labels[tr[i]];
        const model = fitBoosting(trainData, { task: 'binary', labels: y }, { nTrees: opts?.nTrees ?? 50, maxDepth: opts?.maxDepth ?? 4, seed: seed + f });
        const p = model.predict(makeLearnData(pooled.take(te), features, { reference: trainData }));
        for (let i = 0; i < te.length; i++)
            prop[te[i]] = p[i];
    }
    const auc = rocAuc(prop, labels);
    const c = si.length / n;
    const pmse = pmseOf(prop, labels);
    const parts = [];
    if (ri.length < real.nRows)
        parts.push(`${ri.length.toLocaleString('en-US')} of ${real.nRows.toLocaleString('en-US')} real rows`);
    if (si.length < synthetic.nRows) {
        parts.push(`${si.length.toLocaleString('en-US')} of ${synthetic.nRows.toLocaleString('en-US')} synthetic rows`);
    }
    const note = `${folds}-fold cross-validated boosted trees` +
        (parts.length ? `; seeded subsample: ${parts.join(', ')} (seed ${seed})` : '');
    return [
        {
            ...base,
            id: 'detection_auc',
            name: 'Detection AUC (boosted trees)',
            value: auc,
            score: clamp01(1 - (2 * Math.max(auc, 0.5) - 1)),
            baseline: 0.5,
            note,
        },
        {
            ...base,
            id: 'pmse',
            name: 'pMSE',
            value: pmse,
            score: clamp01(1 - pmse / (c * (1 - c))),
            baseline: 0,
            note,
            details: { syntheticShare: c },
        },
    ];
}
//# sourceMappingURL=detection.js.map