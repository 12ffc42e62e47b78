import { LookalikeError, ProblemList } from '../errors.js';
import { asBinned } from './data.js';
import { checkTarget } from './target.js';
/**
 * Linear models on a sparse design: an intercept; per numeric feature its standardised value (training mean and
 * standard deviation) and, when the training data have missing values, a missing indicator (a missing value is 0
 * on the value column); per categorical feature one indicator per category (missing and unseen categories share
 * the missing-bin indicator). Every row has exactly one non-zero entry per feature, so the normal equations cost
 * O(n · p²) rather than O(n · d²) for d design columns. The intercept is not penalised.
 */
class Design {
    colStart;
    missingCol;
    mean;
    sd;
    d;
    p;
    constructor(data) {
        const p = data.features.length;
        this.p = p;
        this.colStart = new Int32Array(p);
        this.missingCol = new Int32Array(p).fill(-1);
        this.mean = new Float64Array(p);
        this.sd = new Float64Array(p).fill(1);
        let d = 1;
        for (let f = 0; f < p; f++) {
            this.colStart[f] = d;
            const raw = data.raw[f];
            if (raw) {
                let s = 0;
                let m = 0;
                for (let i = 0; i < raw.length; i++) {
                    if (!Number.isNaN(raw[i])) {
                        s += raw[i];
                        m++;
                    }
                }
                const mu = m ? s / m : 0;
                let v = 0;
                for (let i = 0; i < raw.length; i++)
                    if (!Number.isNaN(raw[i]))
                        v += (raw[i] - mu) * (raw[i] - mu);
                const sd = m > 1 ? Math.sqrt(v / m) : 0;
                this.mean[f] = mu;
                this.sd[f] = sd > 0 ? sd : 1;
                d += 1;
                if (m < raw.length)
                    this.missingCol[f] = d++;
            }
            else
                d += data.binning.nBins[f];
        }
        this.d = d;
    }
    /** Column index and value of each row's entry per feature (n × p, row-major). */
    entries(data) {
        const n = data.nRows;
        const p = this.p;
        const idx = new Int32Array(n * p);
        const val = new Float64Array(n * p);
        for (let f = 0; f < p; f++) {
            const raw = data.raw[f];
            const c0 = this.colStart[f];
            if (raw) {
                const mu = this.mean[f];
                const inv = 1 / this.sd[f];
                const mc = this.missingCol[f];
                for (let r = 0; r < n; r++) {
                    const x = raw[r];
                    if (Number.isNaN(x)) {
                        idx[r * p + f] = mc >= 0 ? mc : c0;
                        val[r * p + f] = mc >= 0 ? 1 : 0;
                    }
                    else {
                        idx[r * p + f] = c0;
                        val[r * p + f] = (x - mu) * inv;
                    }
                }
            }
            else {
                const codes = data.codes[f];
                for (let r = 0; r < n; r++) {
                    idx[r * p + f] = c0 + codes[r];
                    val[r * p + f] = 1;
                }
            }
        }
        return { idx, val };
    }
}
/** Solve A x = b for symmetric positive definite A (d × d, row-major; overwritten) by Cholesky. */
export function choleskySolve(A, b, d) {
    for (let j = 0; j < d; j++) {
        let s = A[j * d + j];
        for (let k = 0; k < j; k++)
            s -= A[j * d + k] * A[j * d + k];
        if (!(s > 0))
            throw new LookalikeError('linear model: the normal equations are singular; use l2 > 0', [], 'input');
        const ljj = Math.sqrt(s);
        A[j * d + j] = ljj;
        for (let i = j + 1; i < d; i++) {
            let t = A[i * d + j];
            for (let k = 0; k < j; k++)
                t -= A[i * d + k] * A[j * d + k];
            A[i * d + j] = t / ljj;
        }
    }
    const y = new Float64Array(d);
    for (let i = 0; i < d; i++) {
        let t = b[i];
        for (let k = 0; k < i; k++)
            t -= A[i * d + k] * y[k];
        y[i] = t / A[i * d + i];
    }
    const x = new Float64Array(d);
    for (let i = d - 1; i >= 0; i--) {
        let t = y[i];
        for (let k = i + 1; k < d; k++)
            t -= A[k * d + i] * x[k];
        x[i] = t / A[i * d + i];
    }
    return x;
}
function linearScores(beta, idx, val, n, p, out) {
    for (let r = 0; r < n; r++) {
        let z = beta[0];
        const o = r * p;
        for (let f = 0; f < p; f++)
            z += beta[idx[o + f]] * val[o + f];
        out[r] = z;
    }
}
/** X^T W X + penalty and X^T v, with the intercept as column 0. */
function normalEquations(idx, val, n, p, d, w, v, l2) {
    const A = new Float64Array(d * d);
    const b = new Float64Array(d);
    const ci = new Int32Array(p + 1);
    const cv = new Float64Array(p + 1);
    for (let r = 0; r < n; r++) {
        const wr = w === null ? 1 : w[r];
        ci[0] = 0;
        cv[0] = 1;
        for (let f = 0; f < p; f++) {
            ci[f + 1] = idx[r * p + f];
            cv[f + 1] = val[r * p + f];
        }
        const vr = v[r];
        for (let a = 0; a <= p; a++) {
            const ia = ci[a];
            const wa = wr * cv[a];
            if (wa === 0)
                continue;
            b[ia] += cv[a] * vr;
            const row = ia * d;
            for (let c = 0; c <= p; c++)
                A[row + ci[c]] += wa * cv[c];
        }
    }
    const pen = Math.max(l2, 1e-10);
    for (let j = 1; j < d; j++)
        A[j * d + j] += pen;
    return { A, b };
}
class LinearPredictor {
    kind;
    design;
    betas;
    binning;
    constructor(kind, design, 
    /** One coefficient vector per output (binary / regression: one; multiclass: one per class, one-vs-rest). */
    betas, binning) {
        this.kind = kind;
        this.design = design;
        this.betas = betas;
        this.binning = binning;
    }
    predict(data) {
        const d = asBinned(data);
        if (d.binning !== this.binning) {
            throw new LookalikeError('predict: the data are not binned like the training data; build them with makeLearnData(table, features, { reference: trainData })', [], 'usage');
        }
        const n = d.nRows;
        const p = this.design.p;
        const { idx, val } = this.design.entries(d);
        const z = new Float64Array(n);
        if (this.kind === 'regression') {
            linearScores(this.betas[0], idx, val, n, p, z);
            return z;
        }
        if (this.kind === 'binary') {
            linearScores(this.betas[0], idx, val, n, p, z);
            for (let r = 0; r < n; r++)
                z[r] = sigmoid(z[r]);
            return z;
        }
        const K = this.betas.length;
        const out = new Float64Array(n * K);
        for (let k = 0; k < K; k++) {
            linearScores(this.betas[k], idx, val, n, p, z);
            for (let r = 0; r < n; r++)
                out[r * K + k] = sigmoid(z[r]);
        }
        for (let r = 0; r < n; r++) {
            let s = 0;
            for (let k = 0; k < K; k++)
                s += out[r * K + k];
            for (let k = 0; k < K; k++)
                out[r * K + k] = s > 0 ? out[r * K + k] / s : 1 / K;
        }
        return out;
    }
    /** Σ |coefficient| of a feature's design columns (standardised scale), normalised to sum 1. */
    featureImportance() {
        const p = this.design.p;
        const acc = new Float64Array(p);
        for (const beta of this.betas) {
            for (let f = 0; f < p; f++) {
                const end = f + 1 < p ? this.design.colStart[f + 1] : this.design.d;
                for (let j = this.design.colStart[f]; j < end; j++)
                    acc[f] += Math.abs(beta[j]);
            }
        }
        let t = 0;
        for (let f = 0; f < p; f++)
            t += acc[f];
        if (t > 0)
            for (let f = 0; f < p; f++)
                acc[f] /= t;
        return acc;
    }
}
function sigmoid(x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
/** L2-penalised logistic regression of 0/1 labels `y` by Newton's method with step halving. */
function logisticNewton(idx, val, n, p, d, y, l2, maxIter) {
    const beta = new Float64Array(d);
    const z = new Float64Array(n);
    const w = new Float64Array(n);
    const resid = new Float64Array(n);
    const loss = (b) => {
        linearScores(b, idx, val, n, p, z);
        let s = 0;
        for (let r = 0; r < n; r++)
            s += Math.max(z[r], 0) - z[r] * y[r] + Math.log1p(Math.exp(-Math.abs(z[r])));
        for (let j = 1; j < d; j++)
            s += 0.5 * l2 * b[j] * b[j];
        return s;
    };
    let cur = loss(beta);
    for (let it = 0; it < maxIter; it++) {
        linearScores(beta, idx, val, n, p, z);
        for (let r = 0; r < n; r++) {
            const pr = sigmoid(z[r]);
            w[r] = Math.max(pr * (1 - pr), 1e-12);
            resid[r] = pr - y[r];
        }
        const { A, b } = normalEquations(idx, val, n, p, d, w, resid, l2);
        for (let j = 1; j < d; j++)
            b[j] += l2 * beta[j];
        const step = choleskySolve(A, b, d);
        let t = 1;
        let next = new Float64Array(d);
        let nl = Infinity;
        for (let h = 0; h < 30; h++) {
            for (let j = 0; j < d; j++)
                next[j] = beta[j] - t * step[j];
            nl = loss(next);
            if (nl <= cur + 1e-12 * Math.abs(cur))
                break;
            t /= 2;
        }
        if (!(nl <= cur + 1e-12 * Math.abs(cur)))
            break;
        let maxStep = 0;
        for (let j = 0; j < d; j++)
            maxStep = Math.max(maxStep, Math.abs(beta[j] - next[j]));
        const tmp = beta.slice();
        beta.set(next);
        next = tmp;
        const rel = (cur - nl) / Math.max(1, Math.abs(nl));
        cur = nl;
        if (maxStep < 1e-9 || rel < 1e-14)
            break;
    }
    return beta;
}
function validate(data, target, what, l2, maxIter) {
    const d = asBinned(data);
    const p = new ProblemList();
    for (const s of checkTarget(target, d.nRows))
        p.add(s);
    if (d.nRows === 0)
        p.add('the data have no rows');
    if (l2 !== undefined && !(typeof l2 === 'number' && l2 >= 0 && Number.isFinite(l2)))
        p.add(`l2 must be a number ≥ 0, got ${String(l2)}`);
    if (maxIter !== undefined && !(Number.isInteger(maxIter) && maxIter >= 1))
        p.add(`maxIter must be an integer ≥ 1, got ${String(maxIter)}`);
    p.throwIfAny(`${what}: invalid input:`, 'usage');
    return d;
}
/**
 * Logistic regression (binary; multiclass one-vs-rest with probabilities normalised to sum 1), L2 penalty
 * `l2`·‖β‖²/2 on all but the intercept (default 1), fitted by Newton's method (at most `maxIter` = 100 steps).
 * Runtime O(iterations · (n · p² + d³)).
 */
export function fitLogistic(data, target, opts = {}) {
    const d = validate(data, target, 'fitLogistic', opts.l2, opts.maxIter);
    if (target.task === 'regression')
        throw new LookalikeError('fitLogistic needs a classification target; use fitLinear for regression', [], 'usage');
    const design = new Design(d);
    const { idx, val } = design.entries(d);
    const n = d.nRows;
    const l2 = opts.l2 ?? 1;
    const maxIter = opts.maxIter ?? 100;
    const K = target.task === 'binary' ? 1 : target.nClasses;
    const betas = [];
    const y = new Uint8Array(n);
    for (let k = 0; k < K; k++) {
        const pos = K === 1 ? 1 : k;
        for (let r = 0; r < n; r++)
            y[r] = target.labels[r] === pos ? 1 : 0;
        betas.push(logisticNewton(idx, val, n, design.p, design.d, y, l2, maxIter));
    }
    return new LinearPredictor(target.task, design, betas, d.binning);
}
/**
 * Ridge regression: minimises ‖y − Xβ‖² + l2·‖β‖² (intercept not penalised; default l2 = 1) in closed form
 * (Cholesky of the normal equations). Runtime O(n · p² + d³). Regression targets only.
 */
export function fitLinear(data, target, opts = {}) {
    const d = validate(data, target, 'fitLinear', opts.l2);
    if (target.task !== 'regression')
        throw new LookalikeError('fitLinear needs a regression target; use fitLogistic for classification', [], 'usage');
    const design = new Design(d);
    const { idx, val } = design.entries(d);
    const { A, b } = normalEquations(idx, val, d.nRows, design.p, design.d, null, target.values, opts.l2 ?? 1);
    const beta = choleskySolve(A, b, design.d);
    return new LinearPredictor('regression', design, [beta], d.binning);
}
//# sourceMappingURL=linear.js.map