import { LookalikeError, ProblemList } from '../../errors.js';
import { fitBoosting, fitLinear, fitLogistic, makeLearnData, makeTarget, presentRows, rocAuc, } from '../../learn/index.js';
import { Rng } from '../../random/rng.js';
import { spearman } from '../fidelity/pairs.js';
import { checkIntOptions } from '../fidelity/prepare.js';
const LEARNABLE = new Set(['numeric', 'datetime', 'categorical', 'boolean']);
const MIN_GROUP_ROWS = 20;
const EARLY_STOPPING_ROWS = 10_000;
/** Categorical features with more categories than this are left out of the linear models (see below). */
export const MAX_LINEAR_LEVELS = 50;
function classesOf(c) {
    if (c.kind === 'categorical')
        return [...c.categories];
    if (c.kind === 'boolean')
        return ['false', 'true'];
    return undefined;
}
/** Rows with a present target whose class is one of `classes`; the LearnData binned (like `reference`). */
function prepare(table, target, features, task, classes, reference) {
    const col = table.column(target);
    let rows = presentRows(col);
    let t = makeTarget(col, task, classes).target;
    if (t.task !== 'regression') {
        const labels = t.labels;
        rows = rows.filter((r) => labels[r] >= 0);
    }
    const sub = table.take(rows);
    const data = makeLearnData(sub, features, reference ? { reference } : {});
    if (t.task === 'regression') {
        const v = new Float64Array(rows.length);
        for (let i = 0; i < rows.length; i++)
            v[i] = t.values[rows[i]];
        t = { task: 'regression', values: v };
    }
    else {
        const l = new Int32Array(rows.length);
        for (let i = 0; i < rows.length; i++)
            l[i] = t.labels[rows[i]];
        t =
            t.task === 'binary'
                ? { task: 'binary', labels: l }
                : { task: 'multiclass', labels: l, nClasses: t.nClasses };
    }
    return { data, target: t, rows };
}
/** A predictor that always gives the training distribution (used when a training set holds a single class). */
function constantPredictor(t) {
    const K = t.task === 'multiclass' ? t.nClasses : 1;
    let mean = 0;
    const freq = new Float64Array(Math.max(K, 2));
    if (t.task === 'regression') {
        for (let i = 0; i < t.values.length; i++)
            mean += t.values[i];
        mean /= t.values.length || 1;
    }
    else {
        for (let i = 0; i < t.labels.length; i++)
            freq[t.labels[i]]++;
        for (let k = 0; k < freq.length; k++)
            freq[k] /= t.labels.length || 1;
    }
    return {
        predict(data) {
            const n = data.nRows;
            if (t.task === 'regression')
                return new Float64Array(n).fill(mean);
            if (t.task === 'binary')
                return new Float64Array(n).fill(freq[1]);
            const out = new Float64Array(n * K);
            for (let r = 0; r < n; r++)
                for (let k = 0; k < K; k++)
                    out[r * K + k] = freq[k];
            return out;
        },
        featureImportance() {
            return new Float64Array(0);
        },
    };
}
function distinctLabels(t) {
    if (t.task === 'regression')
        return 2;
    return new Set(t.labels).size;
}
/** Scores of predictions against a target: see the module comment. */
export function scorePredictions(pred, t, positive = 1) {
    if (t.task === 'regression') {
        const y = t.values;
        const n = y.length;
        let sse = 0, sae = 0, mean = 0;
        for (let i = 0; i < n; i++)
            mean += y[i];
        mean /= n || 1;
        let sst = 0;
        for (let i = 0; i < n; i++) {
            const e = y[i] - pred[i];
            sse += e * e;
            sae += Math.abs(e);
            sst += (y[i] - mean) * (y[i] - mean);
        }
        return { rmse: Math.sqrt(sse / n), mae: sae / n, r2: sst > 0 ? 1 - sse / sst : NaN };
    }
    const y = t.labels;
    const n = y.length;
    const K = t.task === 'multiclass' ? t.nClasses : 2;
    const predicted = new Int32Array(n);
    for (let r = 0; r < n; r++) {
        if (t.task === 'binary')
            predicted[r] = pred[r] >= 0.5 ? 1 : 0;
        else {
            let b = 0;
            for (let k = 1; k < K; k++)
                if (pred[r * K + k] > pred[r * K + b])
                    b = k;
            predicted[r] = b;
        }
    }
    let ok = 0;
    for (let r = 0; r < n; r++)
        if (predicted[r] === y[r])
            ok++;
    const confusion = (k) => {
        let tp = 0, fp = 0, fn = 0;
        for (let r = 0; r < n; r++) {
            if (predicted[r] === k && y[r] === k)
                tp++;
            else if (predicted[r] === k)
                fp++;
            else if (y[r] === k)
                fn++;
        }
        return { tp, fp, fn };
    };
    const f1Of = (k) => {
        const { tp, fp, fn } = confusion(k);
        return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    };
    const recallOf = (k) => {
        const { tp, fn } = confusion(k);
        return tp + fn === 0 ? NaN : tp / (tp + fn);
    };
    let f1, auc, recall;
    if (t.task === 'binary') {
        f1 = f1Of(positive);
        recall = recallOf(positive);
        const hasBoth = y.some((v) => v === 1) && y.some((v) => v === 0);
        auc = hasBoth ? rocAuc(pred, y) : NaN;
    }
    else {
        let s = 0, sr = 0, present = 0, sa = 0, na = 0;
        const score = new Float64Array(n), lab = new Int32Array(n);
        for (let k = 0; k < K; k++) {
            let pos = 0;
            for (let r = 0; r < n; r++)
                if (y[r] === k)
                    pos++;
            if (pos === 0)
                continue;
            present++;
            s += f1Of(k);
            sr += recallOf(k);
            if (pos === n)
                continue;
            for (let r = 0; r < n; r++) {
                score[r] = pred[r * K + k];
                lab[r] = y[r] === k ? 1 : 0;
            }
            sa += rocAuc(score, lab);
            na++;
        }
        f1 = present ? s / present : NaN;
        recall = present ? sr / present : NaN;
        auc = na ? sa / na : NaN;
    }
    return { accuracy: n ? ok / n : NaN, f1, recall, rocAuc: auc };
}
/**
 * TSTR vs TRTR for `opts.target` (see the module comment): `real` is the table the synthesizer was fitted on,
 * `opts.holdout` real rows it never saw. Throws a LookalikeError listing every problem with the target, the
 * features and the three tables.
 */
export function utilityMetrics(realIn, syntheticIn, opts) {
    checkIntOptions('utilityMetrics', [
        ['maxRows', opts?.maxRows, 2],
        ['seed', opts?.seed, -(2 ** 53)],
    ]);
    const { target } = opts;
    const maxRows = opts.maxRows ?? 50_000;
    const cutRng = new Rng((opts.seed ?? 0) + 7919);
    const cuts = [];
    const cut = (t, what) => {
        if (t.nRows <= maxRows)
            return t;
        cuts.push(`${what} ${maxRows.toLocaleString('en-US')} of ${t.nRows.toLocaleString('en-US')} rows`);
        return t.take(cutRng.permutation(t.nRows).subarray(0, maxRows).slice().sort());
    };
    const real = cut(realIn, 'real'), synthetic = cut(syntheticIn, 'synthetic'), holdout = cut(opts.holdout, 'holdout');
    const note = cuts.length ? `seeded subsample: ${cuts.join(', ')} (seed ${opts.seed ?? 0})` : undefined;
    const problems = new ProblemList();
    const tables = [
        ['real', real],
        ['synthetic', synthetic],
        ['holdout', holdout],
    ];
    for (const [what, t] of tables)
        if (!t.has(target))
            problems.add(`the target "${target}" is not a column of the ${what} table`);
    problems.throwIfAny('cannot measure utility');
    const tcol = real.column(target);
    if (!LEARNABLE.has(tcol.kind))
        problems.add(`the target "${target}" is a ${tcol.kind} column`);
    const features = (opts.features ?? real.names.filter((n) => n !== target && LEARNABLE.has(real.column(n).kind))).filter((n) => n !== target);
    if (features.length === 0)
        problems.add('there is no feature column to learn from');
    for (const f of features) {
        for (const [what, t] of tables)
            if (!t.has(f))
                problems.add(`feature "${f}" is not a column of the ${what} table`);
    }
    for (const [what, t] of tables.slice(1)) {
        if (t.has(target) && t.column(target).kind !== tcol.kind) {
            problems.add(`the target "${target}" is ${t.column(target).kind} in the ${what} table but ${tcol.kind} in the real one`);
        }
    }
    problems.throwIfAny('cannot measure utility');
    const numericTarget = tcol.kind === 'numeric' || tcol.kind === 'datetime';
    // a whole-number target with at most two values (0/1 labels such as "defaulted") is a class, not a quantity
    const binaryInteger = tcol.kind === 'numeric' &&
        tcol.integer &&
        new Set(Array.from(tcol.values).filter((v) => !Number.isNaN(v))).size <= 2;
    const task = opts.task ?? (numericTarget && !binaryInteger ? 'regression' : 'classification');
    if (task === 'regression' && !numericTarget) {
        throw new LookalikeError(`cannot measure utility: the target "${target}" is ${tcol.kind}, not numeric`, [], 'usage');
    }
    const classes = task === 'classification' ? classesOf(tcol) : undefined;
    const tr = prepare(real, target, features, task, classes);
    // numeric classification: the real table's distinct values are the classes
    const cls = task === 'classification' && classes === undefined ? makeTarget(tcol, 'classification').classes : classes;
    const sy = prepare(synthetic, target, features, task, cls);
    const hoReal = prepare(holdout, target, features, task, cls, tr.data);
    const hoSynth = {
        ...hoReal,
        data: makeLearnData(holdout.take(hoReal.rows), features, { reference: sy.data }),
    };
    const problems2 = new ProblemList();
    if (tr.rows.length < 2)
        problems2.add(`the real table has ${tr.rows.length} row(s) with a usable target`);
    if (sy.rows.length < 2)
        problems2.add(`the synthetic table has ${sy.rows.length} row(s) with a usable target`);
    if (hoReal.rows.length < 2)
        problems2.add(`the holdout has ${hoReal.rows.length} row(s) with a usable target`);
    problems2.throwIfAny('cannot measure utility');
    const kind = tr.target.task;
    const mainMetric = kind === 'binary' ? 'rocAuc' : kind === 'multiclass' ? 'accuracy' : 'r2';
    // the positive class of F1 and recall: the real table's minority class
    let positive = 1;
    if (kind === 'binary') {
        let ones = 0;
        const l = tr.target.labels;
        for (let i = 0; i < l.length; i++)
            ones += l[i];
        positive = ones <= l.length - ones ? 1 : 0;
    }
    const boostOpts = {
        nTrees: opts.nTrees ?? 100,
        maxDepth: opts.maxDepth ?? 6,
        learningRate: opts.learningRate ?? 0.1,
        seed: opts.seed ?? 0,
    };
    const early = opts.earlyStopping ?? 'auto';
    const fit = (p, model) => {
        if (distinctLabels(p.target) < 2)
            return constantPredictor(p.target);
        if (model === 'boosting') {
            const earlyStopping = early === 'auto' ? p.rows.length > EARLY_STOPPING_ROWS : early;
            return fitBoosting(p.data, p.target, { ...boostOpts, earlyStopping });
        }
        return p.target.task === 'regression' ? fitLinear(p.data, p.target) : fitLogistic(p.data, p.target);
    };
    // The linear models one-hot encode categorical features and solve a d×d system per Newton step (per class for
    // multiclass): categorical features with more than MAX_LINEAR_LEVELS categories would make d in the thousands
    // and a fit take minutes, so the linear models leave them out (listed in the result's details).
    const wide = features.filter((f) => {
        const c = real.column(f);
        return c.kind === 'categorical' && c.categories.length > MAX_LINEAR_LEVELS;
    });
    const linearFeatures = features.filter((f) => !wide.includes(f));
    let linTr = tr, linSy = sy, linHoReal = hoReal, linHoSynth = hoSynth;
    if (wide.length && linearFeatures.length) {
        const sub = (p, t, reference) => ({
            ...p,
            data: makeLearnData(t.take(p.rows), linearFeatures, reference ? { reference } : {}),
        });
        linTr = sub(tr, real);
        linSy = sub(sy, synthetic);
        linHoReal = sub(hoReal, holdout, linTr.data);
        linHoSynth = sub(hoReal, holdout, linSy.data);
    }
    const rows = [];
    const metrics = [];
    let boostReal = null, boostSynth = null;
    for (const model of ['boosting', 'linear']) {
        if (model === 'linear' && linearFeatures.length === 0)
            continue;
        const b = model === 'boosting';
        const mr = fit(b ? tr : linTr, model), ms = fit(b ? sy : linSy, model);
        if (b) {
            boostReal = mr;
            boostSynth = ms;
        }
        const trtr = scorePredictions(mr.predict((b ? hoReal : linHoReal).data), hoReal.target, positive);
        const tstr = scorePredictions(ms.predict((b ? hoSynth : linHoSynth).data), hoSynth.target, positive);
        const sTstr = tstr[mainMetric], sTrtr = trtr[mainMetric];
        const ratio = sTrtr > 0 && Number.isFinite(sTstr) ? Math.max(0, sTstr) / sTrtr : NaN;
        const name = model === 'boosting' ? 'boosting' : kind === 'regression' ? 'linear' : 'logistic';
        rows.push({ model: name, trtr, tstr, ratio });
        metrics.push({
            id: 'utility_ratio',
            family: 'utility',
            name: `TSTR / TRTR ${mainMetric} (${name === 'boosting' ? 'boosted trees' : name + ' regression'})`,
            columns: [target],
            value: ratio,
            score: Number.isNaN(ratio) ? NaN : Math.min(1, ratio),
            baseline: 1,
            ...(note ? { note } : {}),
            details: {
                model: name,
                metric: mainMetric,
                trtr,
                tstr,
                ...(!b && wide.length ? { leftOut: wide, why: `more than ${MAX_LINEAR_LEVELS} categories` } : {}),
            },
        });
    }
    // feature-importance agreement
    const ir = boostReal.featureImportance(), is = boostSynth.featureImportance();
    let featureImportance;
    if (ir.length === features.length && is.length === features.length) {
        const rho = spearman(ir, is);
        featureImportance = { real: Array.from(ir), synthetic: Array.from(is), spearman: rho };
        metrics.push({
            id: 'feature_importance_agreement',
            family: 'utility',
            name: 'Feature-importance rank agreement (Spearman)',
            columns: [target],
            value: rho,
            score: Number.isNaN(rho) ? NaN : Math.max(0, rho),
            baseline: 0,
        });
    }
    // minority-class recall of the boosted models (binary targets): what rebalancing is for
    if (kind === 'binary') {
        const boost = rows.find((r) => r.model === 'boosting');
        const rs = boost.tstr.recall, rr = boost.trtr.recall;
        const labels = classes ?? cls;
        metrics.push({
            id: 'minority_recall',
            family: 'utility',
            name: 'Minority-class recall, TSTR (boosted trees)',
            columns: [target],
            value: rs,
            score: !Number.isFinite(rs) ? NaN : rr > 0 ? Math.min(1, rs / rr) : rs > 0 ? 1 : NaN,
            baseline: rr,
            details: {
                ...(labels ? { class: String(labels[positive]) } : {}),
                trtr: rr,
                f1: boost.tstr.f1,
                trtrF1: boost.trtr.f1,
            },
        });
    }
    // subgroup gaps over sensitive columns
    const subgroups = [];
    const predR = boostReal.predict(hoReal.data), predS = boostSynth.predict(hoSynth.data);
    for (const s of opts.sensitive ?? []) {
        if (!holdout.has(s))
            continue;
        const col = holdout.column(s);
        if (col.kind !== 'categorical' && col.kind !== 'boolean')
            continue;
        const labels = classesOf(col);
        const codeAt = (r) => (col.kind === 'categorical' ? col.codes[r] : col.values[r]);
        const groups = new Map();
        for (let i = 0; i < hoReal.rows.length; i++) {
            const g = codeAt(hoReal.rows[i]);
            if (g < 0)
                continue;
            let a = groups.get(g);
            if (!a)
                groups.set(g, (a = []));
            a.push(i);
        }
        let worst = 0;
        let n = 0;
        for (const [g, idx] of [...groups].sort((x, y) => x[0] - y[0])) {
            if (idx.length < MIN_GROUP_ROWS)
                continue;
            const sub = subTarget(hoReal.target, idx);
            const K = hoReal.target.task === 'multiclass' ? hoReal.target.nClasses : 1;
            const r = scorePredictions(subPred(predR, idx, K), sub, positive);
            const y = scorePredictions(subPred(predS, idx, K), sub, positive);
            const key = kind === 'regression' ? 'r2' : 'accuracy';
            subgroups.push({ column: s, group: labels[g], rows: idx.length, trtr: r[key], tstr: y[key] });
            const gap = Math.abs(y[key] - r[key]);
            if (Number.isFinite(gap) && gap > worst)
                worst = gap;
            n++;
        }
        if (n > 0) {
            metrics.push({
                id: 'subgroup_gap',
                family: 'utility',
                name: `Largest subgroup ${kind === 'regression' ? 'R²' : 'accuracy'} gap, TSTR vs TRTR`,
                columns: [s, target],
                value: worst,
                score: Math.max(0, Math.min(1, 1 - worst)),
                baseline: 0,
                details: { groups: n, minRows: MIN_GROUP_ROWS },
            });
        }
    }
    const detail = {
        target,
        task: kind,
        mainMetric,
        features,
        models: rows,
        ...(featureImportance ? { featureImportance } : {}),
        ...(subgroups.length ? { subgroups } : {}),
    };
    return { metrics, detail };
}
function subTarget(t, idx) {
    if (t.task === 'regression')
        return { task: 'regression', values: Float64Array.from(idx, (i) => t.values[i]) };
    const l = Int32Array.from(idx, (i) => t.labels[i]);
    return t.task === 'binary'
        ? { task: 'binary', labels: l }
        : { task: 'multiclass', labels: l, nClasses: t.nClasses };
}
function subPred(p, idx, K) {
    const out = new Float64Array(idx.length * K);
    for (let i = 0; i < idx.length; i++)
        for (let k = 0; k < K; k++)
            out[i * K + k] = p[idx[i] * K + k];
    return out;
}
//# sourceMappingURL=tstr.js.map