import { LookalikeError, ProblemList } from '../errors.js';
import { Rng } from '../random/rng.js';
import { asBinned } from './data.js';
import { checkTarget, nOutputs } from './target.js';
import { addGains, allFeatures, growTree, leafIndex, normalise } from './tree.js';
function checkData(data, target, what) {
    const d = asBinned(data);
    const p = new ProblemList();
    for (const s of checkTarget(target, d.nRows))
        p.add(s);
    if (d.nRows === 0)
        p.add('the data have no rows');
    p.throwIfAny(`${what}: invalid target or data:`, 'usage');
    return d;
}
function checkOpt(p, name, v, lo, integer) {
    if (v === undefined)
        return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || (integer && !Number.isInteger(v))) {
        p.add(`${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${lo}, got ${String(v)}`);
    }
}
function sameBinning(own, data) {
    const d = asBinned(data);
    if (d.binning !== own) {
        throw new LookalikeError('predict: the data are not binned like the training data; build them with makeLearnData(table, features, { reference: trainData })', [], 'usage');
    }
    return d;
}
/** Sum of tree outputs per row (K outputs per row, trees cycling over outputs when `perOutput`). */
function addTrees(trees, d, K, raw, perOutput) {
    const n = d.nRows;
    const mb = d.binning.missingBin;
    for (let t = 0; t < trees.length; t++) {
        const tree = trees[t];
        if (perOutput) {
            const k = t % K;
            for (let r = 0; r < n; r++)
                raw[r * K + k] += tree.value[leafIndex(tree, d.codes, mb, r)];
        }
        else {
            const tk = tree.K;
            for (let r = 0; r < n; r++) {
                const leaf = leafIndex(tree, d.codes, mb, r);
                for (let k = 0; k < tk; k++)
                    raw[r * tk + k] += tree.value[leaf * tk + k];
            }
        }
    }
}
function sigmoid(x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
function softmaxRows(raw, K) {
    const n = raw.length / K;
    for (let r = 0; r < n; r++) {
        const o = r * K;
        let m = -Infinity;
        for (let k = 0; k < K; k++)
            if (raw[o + k] > m)
                m = raw[o + k];
        let s = 0;
        for (let k = 0; k < K; k++) {
            raw[o + k] = Math.exp(raw[o + k] - m);
            s += raw[o + k];
        }
        for (let k = 0; k < K; k++)
            raw[o + k] /= s;
    }
}
/** A boosted ensemble: raw score = init + Σ tree values, then the link (sigmoid / softmax / identity). */
export class BoostedPredictor {
    kind;
    K;
    init;
    trees;
    binning;
    constructor(kind, K, init, trees, binning) {
        this.kind = kind;
        this.K = K;
        this.init = init;
        this.trees = trees;
        this.binning = binning;
    }
    /** Raw scores (log-odds, logits, or values), n × K. */
    rawScores(data) {
        const d = sameBinning(this.binning, data);
        const raw = new Float64Array(d.nRows * this.K);
        for (let r = 0; r < d.nRows; r++)
            for (let k = 0; k < this.K; k++)
                raw[r * this.K + k] = this.init[k];
        addTrees(this.trees, d, this.K, raw, true);
        return raw;
    }
    predict(data) {
        const raw = this.rawScores(data);
        if (this.kind === 'binary')
            for (let i = 0; i < raw.length; i++)
                raw[i] = sigmoid(raw[i]);
        else if (this.kind === 'multiclass')
            softmaxRows(raw, this.K);
        return raw;
    }
    featureImportance() {
        const acc = new Float64Array(this.binning.features.length);
        for (const t of this.trees)
            addGains(t, acc);
        return normalise(acc);
    }
}
/** Mean of tree outputs (forest, single tree); classification outputs are class proportions. */
export class AveragePredictor {
    kind;
    K;
    trees;
    binning;
    constructor(kind, K, trees, binning) {
        this.kind = kind;
        this.K = K;
        this.trees = trees;
        this.binning = binning;
    }
    predict(data) {
        const d = sameBinning(this.binning, data);
        const tk = this.trees[0].K;
        const raw = new Float64Array(d.nRows * tk);
        addTrees(this.trees, d, tk, raw, false);
        const inv = 1 / this.trees.length;
        for (let i = 0; i < raw.length; i++)
            raw[i] *= inv;
        if (this.kind === 'binary') {
            const out = new Float64Array(d.nRows);
            for (let r = 0; r < d.nRows; r++)
                out[r] = raw[r * 2 + 1];
            return out;
        }
        return raw;
    }
    featureImportance() {
        const acc = new Float64Array(this.binning.features.length);
        for (const t of this.trees)
            addGains(t, acc);
        return normalise(acc);
    }
}
function meanOf(v) {
    let s = 0;
    for (let i = 0; i < v.length; i++)
        s += v[i];
    return v.length ? s / v.length : 0;
}
function rowsAll(n) {
    return allFeatures(n);
}
/**
 * Gradient boosting of histogram trees (Friedman 2001; second-order leaves as XGBoost / LightGBM): binary log-loss,
 * multiclass softmax (one tree per class per round, hessian p(1−p) as scikit-learn), or squared error.
 * Leaf value −G/(H+λ)·learningRate; splits need ≥ minSamplesLeaf rows and hessian ≥ 1e-3 per side.
 * Runtime O(nTrees · K · n · p · maxDepth). Deterministic (the seed only draws the early-stopping split).
 */
export function fitBoosting(data, target, opts = {}) {
    const p = new ProblemList();
    checkOpt(p, 'nTrees', opts.nTrees, 1, true);
    checkOpt(p, 'maxDepth', opts.maxDepth, 1, true);
    checkOpt(p, 'learningRate', opts.learningRate, 0, false);
    checkOpt(p, 'minSamplesLeaf', opts.minSamplesLeaf, 1, true);
    checkOpt(p, 'l2', opts.l2, 0, false);
    checkOpt(p, 'minHessian', opts.minHessian, 0, false);
    p.throwIfAny('fitBoosting: invalid options:', 'usage');
    const d = checkData(data, target, 'fitBoosting');
    const nTrees = opts.nTrees ?? 100;
    const lr = opts.learningRate ?? 0.1;
    const kind = target.task;
    const K = nOutputs(target);
    const n = d.nRows;
    // training / validation rows
    let train = rowsAll(n);
    let valid = null;
    if (opts.earlyStopping && n >= 20) {
        const perm = new Rng(opts.seed ?? 0).permutation(n);
        const nv = Math.max(1, Math.round(n * 0.1));
        valid = perm.slice(0, nv).sort();
        train = perm.slice(nv).sort();
    }
    // initial scores
    const init = new Float64Array(K);
    if (target.task === 'regression') {
        let s = 0;
        for (let i = 0; i < train.length; i++)
            s += target.values[train[i]];
        init[0] = s / train.length;
    }
    else {
        const cnt = new Float64Array(K === 1 ? 2 : K);
        for (let i = 0; i < train.length; i++)
            cnt[target.labels[train[i]]]++;
        const eps = 1e-12;
        if (K === 1) {
            const pr = Math.min(1 - eps, Math.max(eps, cnt[1] / train.length));
            init[0] = Math.log(pr / (1 - pr));
        }
        else {
            for (let k = 0; k < K; k++)
                init[k] = Math.log(Math.max(eps, cnt[k] / train.length));
        }
    }
    const raw = new Float64Array(n * K);
    for (let r = 0; r < n; r++)
        for (let k = 0; k < K; k++)
            raw[r * K + k] = init[k];
    const grad = new Float64Array(n);
    const hess = kind === 'regression' ? null : new Float64Array(n);
    const prm = {
        maxDepth: opts.maxDepth ?? 6,
        minSamplesLeaf: opts.minSamplesLeaf ?? 20,
        minHessian: opts.minHessian ?? 1e-3,
        l2: opts.l2 ?? 1,
        catSmooth: 10,
        features: allFeatures(d.features.length),
        maxFeatures: d.features.length,
    };
    const trees = [];
    const rows = Int32Array.from(train);
    let bestLoss = Infinity;
    let bestRounds = 0;
    const patience = 10;
    const mb = d.binning.missingBin;
    const lossAt = (r) => {
        const o = r * K;
        if (target.task === 'regression') {
            const e = raw[o] - target.values[r];
            return e * e;
        }
        if (K === 1) {
            const z = raw[o];
            const y = target.labels[r];
            return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
        }
        let m = -Infinity;
        for (let k = 0; k < K; k++)
            if (raw[o + k] > m)
                m = raw[o + k];
        let s = 0;
        for (let k = 0; k < K; k++)
            s += Math.exp(raw[o + k] - m);
        return m + Math.log(s) - raw[o + target.labels[r]];
    };
    // multiclass: the softmax of the scores at the start of each round (all K trees of a round use it)
    const probs = K > 1 ? new Float64Array(n * K) : null;
    for (let it = 0; it < nTrees; it++) {
        if (probs) {
            for (let i = 0; i < train.length; i++) {
                const o = train[i] * K;
                let m = -Infinity;
                for (let c = 0; c < K; c++)
                    if (raw[o + c] > m)
                        m = raw[o + c];
                let s = 0;
                for (let c = 0; c < K; c++) {
                    const e = Math.exp(raw[o + c] - m);
                    probs[o + c] = e;
                    s += e;
                }
                for (let c = 0; c < K; c++)
                    probs[o + c] /= s;
            }
        }
        for (let k = 0; k < K; k++) {
            // gradients at the scores of the round's start
            for (let i = 0; i < train.length; i++) {
                const r = train[i];
                if (target.task === 'regression')
                    grad[r] = raw[r] - target.values[r];
                else if (K === 1) {
                    const pr = sigmoid(raw[r]);
                    grad[r] = pr - target.labels[r];
                    hess[r] = Math.max(pr * (1 - pr), 1e-16);
                }
                else {
                    const pk = probs[r * K + k];
                    grad[r] = pk - (target.labels[r] === k ? 1 : 0);
                    hess[r] = Math.max(pk * (1 - pk), 1e-16);
                }
            }
            const src = { mode: 'dense', K: 1, grad, hess };
            const { tree, leafOf } = growTree(d.binning, d.codes, n, rows, src, prm, true);
            const v = tree.value;
            for (let i = 0; i < v.length; i++)
                v[i] *= -lr;
            trees.push(tree);
            for (let i = 0; i < train.length; i++) {
                const r = train[i];
                raw[r * K + k] += v[leafOf[r]];
            }
            if (valid)
                for (let i = 0; i < valid.length; i++)
                    raw[valid[i] * K + k] += v[leafIndex(tree, d.codes, mb, valid[i])];
        }
        if (valid) {
            let loss = 0;
            for (let i = 0; i < valid.length; i++)
                loss += lossAt(valid[i]);
            loss /= valid.length;
            if (loss < bestLoss - 1e-7) {
                bestLoss = loss;
                bestRounds = it + 1;
            }
            else if (it + 1 - bestRounds >= patience)
                break;
        }
    }
    const kept = valid ? trees.slice(0, bestRounds * K) : trees;
    return new BoostedPredictor(kind, K, init, kept, d.binning);
}
function classSource(target, weight) {
    if (target.task === 'regression')
        throw new Error('classSource: regression target');
    const K = target.task === 'binary' ? 2 : target.nClasses;
    return { mode: 'class', K, labels: target.labels, weight };
}
/**
 * Random forest (Breiman 2001): bootstrap rows (with replacement, n draws) and `maxFeatures` features drawn per
 * split; classification trees grow on Gini, regression trees on squared error; predictions average leaf class
 * proportions / leaf means. Runtime O(nTrees · n · p · depth).
 */
export function fitForest(data, target, opts = {}) {
    const p = new ProblemList();
    checkOpt(p, 'nTrees', opts.nTrees, 1, true);
    checkOpt(p, 'maxDepth', opts.maxDepth, 1, true);
    checkOpt(p, 'minSamplesLeaf', opts.minSamplesLeaf, 1, true);
    if (opts.maxFeatures !== undefined && opts.maxFeatures !== 'sqrt')
        checkOpt(p, 'maxFeatures', opts.maxFeatures, 1, true);
    p.throwIfAny('fitForest: invalid options:', 'usage');
    const d = checkData(data, target, 'fitForest');
    const n = d.nRows;
    const nf = d.features.length;
    const rng = new Rng(opts.seed ?? 0);
    const mf = opts.maxFeatures === 'sqrt' || (opts.maxFeatures === undefined && target.task !== 'regression')
        ? Math.max(1, Math.floor(Math.sqrt(nf)))
        : opts.maxFeatures === undefined
            ? Math.max(1, Math.floor(nf / 3))
            : Math.min(nf, opts.maxFeatures);
    const prm = {
        maxDepth: opts.maxDepth ?? 64,
        minSamplesLeaf: opts.minSamplesLeaf ?? 1,
        minHessian: 0,
        l2: 0,
        catSmooth: 0,
        features: allFeatures(nf),
        maxFeatures: mf,
        rng,
    };
    const trees = [];
    const nTrees = opts.nTrees ?? 100;
    const weight = new Float64Array(n);
    const grad = target.task === 'regression' ? new Float64Array(n) : null;
    const mean = target.task === 'regression' ? meanOf(target.values) : 0;
    for (let t = 0; t < nTrees; t++) {
        weight.fill(0);
        for (let i = 0; i < n; i++)
            weight[rng.int(n)] += 1;
        let m = 0;
        for (let i = 0; i < n; i++)
            if (weight[i] > 0)
                m++;
        const rows = new Int32Array(m);
        m = 0;
        for (let i = 0; i < n; i++)
            if (weight[i] > 0)
                rows[m++] = i;
        let src;
        if (target.task === 'regression') {
            // centred for precision; the mean is added back to the leaves
            for (let i = 0; i < n; i++)
                grad[i] = weight[i] * (target.values[i] - mean);
            src = { mode: 'dense', K: 1, grad: grad, hess: weight };
        }
        else
            src = classSource(target, weight);
        const tree = growTree(d.binning, d.codes, n, rows, src, prm).tree;
        if (mean !== 0)
            for (let i = 0; i < tree.value.length; i++)
                tree.value[i] += mean;
        trees.push(tree);
    }
    return new AveragePredictor(target.task, nOutputs(target), trees, d.binning);
}
/**
 * One CART tree (Breiman et al. 1984) on the histogram bins: Gini for classification (leaves hold class
 * proportions), squared error for regression (leaves hold means). Defaults: unlimited depth (64), 1 row per leaf.
 */
export function fitTree(data, target, opts = {}) {
    const p = new ProblemList();
    checkOpt(p, 'maxDepth', opts.maxDepth, 1, true);
    checkOpt(p, 'minSamplesLeaf', opts.minSamplesLeaf, 1, true);
    p.throwIfAny('fitTree: invalid options:', 'usage');
    const d = checkData(data, target, 'fitTree');
    const mean = target.task === 'regression' ? meanOf(target.values) : 0;
    const src = target.task === 'regression'
        ? { mode: 'dense', K: 1, grad: Float64Array.from(target.values, (v) => v - mean), hess: null }
        : classSource(target, null);
    const prm = {
        maxDepth: opts.maxDepth ?? 64,
        minSamplesLeaf: opts.minSamplesLeaf ?? 1,
        minHessian: 0,
        l2: 0,
        catSmooth: 0,
        features: allFeatures(d.features.length),
        maxFeatures: d.features.length,
    };
    const { tree } = growTree(d.binning, d.codes, d.nRows, rowsAll(d.nRows), src, prm);
    if (mean !== 0)
        for (let i = 0; i < tree.value.length; i++)
            tree.value[i] += mean;
    return new AveragePredictor(target.task, nOutputs(target), [tree], d.binning);
}
//# sourceMappingURL=ensemble.js.map