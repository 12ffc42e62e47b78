/**
 * Shadow-modelling membership inference against chosen target records (Stadler, Oprisanu & Troncoso,
 * "Synthetic Data – Anonymisation Groundhog Day", USENIX Security 2022).
 *
 * The attacker knows the synthesizer and has reference data from the population (here: the training table
 * without the targets). For each target t it fits the synthesizer many times on reference samples of size n
 * without t ("out") and with t replacing one row ("in"), samples n synthetic rows, and describes each output by
 * features of t against it: the 1st/2nd/5th nearest synthetic distances, the number of exact copies of t, the
 * share of rows within 0.05 of t, and for each column the share of synthetic rows sharing t's value (categorical)
 * or lying within 5% of the range of t's value (numeric). A ridge logistic regression per target (src/learn) learns in/out
 * from `nRuns` outputs of each kind and is scored on `nRuns` fresh ones. Scores of all targets are pooled into
 * one ROC: AUC, advantage, TPR at FPR 1%/10% and an empirical ε lower bound (roc.ts).
 *
 * The synthesizer is an argument (any object with `name` and `fit`, e.g. a registered `Synthesizer`): the attack
 * re-fits it, and metrics do not reach into the synthesizer registry.
 *
 * Default targets: the most outlying training records (largest distance to their nearest other training row),
 * the records a synthesizer is most likely to leak. Cost: 2·nRuns "out" fits shared by every target plus
 * 2·nRuns "in" fits per target.
 */
import { Table } from '../../table/table.js';
import { makeLearnData, fitLogistic } from '../../learn/index.js';
import { Rng } from '../../random/rng.js';
import { encode, makeSpace, usableColumns } from './space.js';
import { distance, nearestTwo } from './neighbors.js';
import { summarizeAttack } from './roc.js';
import { miaMetric } from './mia.js';
/** Indices of the k training rows farthest from their nearest other training row. */
export function outlyingRows(e, k) {
    const nn = nearestTwo(e, e, { excludeSelf: true });
    return Array.from({ length: e.n }, (_, i) => i)
        .sort((a, b) => nn.d1[b] - nn.d1[a] || a - b)
        .slice(0, k);
}
function features(space, target, synthetic) {
    const s = encode(space, synthetic);
    const ds = new Float64Array(s.n);
    for (let j = 0; j < s.n; j++)
        ds[j] = distance(target, 0, s, j);
    const sorted = Float64Array.from(ds).sort();
    let exact = 0, near = 0;
    for (const d of ds) {
        if (d === 0)
            exact++;
        if (d <= 0.05)
            near++;
    }
    const f = [sorted[0] ?? 1, sorted[1] ?? 1, sorted[4] ?? 1, exact, near / s.n];
    for (let k = 0; k < s.nNum; k++) {
        const t = target.num[k];
        let c = 0;
        for (let j = 0; j < s.n; j++) {
            const x = s.num[j * s.nNum + k];
            if ((x !== x && t !== t) || Math.abs(x - t) <= 0.05)
                c++;
        }
        f.push(c / s.n);
    }
    for (let k = 0; k < s.nCat; k++) {
        const t = target.cat[k];
        let c = 0;
        for (let j = 0; j < s.n; j++)
            if (s.cat[j * s.nCat + k] === t)
                c++;
        f.push(c / s.n);
    }
    return Float64Array.from(f);
}
/** Feature vectors as a table of numeric columns f0, f1, … (the learner's input format). */
function featureTable(rows) {
    const d = rows[0].length;
    const cols = Array.from({ length: d }, (_, k) => ({
        kind: 'numeric',
        name: `f${k}`,
        values: Float64Array.from(rows, (r) => r[k]),
        integer: false,
    }));
    return new Table(cols, rows.length);
}
/** Ridge logistic regression (src/learn, L2 = 1 on standardised features): a scorer of new feature vectors. */
function fitClassifier(x, y) {
    const train = makeLearnData(featureTable(x), featureTable(x).names);
    const model = fitLogistic(train, { task: 'binary', labels: Int32Array.from(y) }, { l2: 1 });
    return (f) => {
        const t = featureTable(f);
        return model.predict(makeLearnData(t, t.names, { reference: train }));
    };
}
export async function shadowModelAttack(train, schema, opts) {
    const synth = opts.synthesizer;
    const rng = new Rng(opts.seed ?? 0);
    const u = usableColumns(train, schema);
    const space = makeSpace(train, u.num, u.cat);
    const all = encode(space, train);
    const targets = opts.targets ? [...opts.targets] : outlyingRows(all, opts.nTargets ?? 10);
    const isTarget = new Uint8Array(train.nRows);
    for (const t of targets)
        isTarget[t] = 1;
    const pool = Int32Array.from({ length: train.nRows }, (_, i) => i).filter((i) => !isTarget[i]);
    const n = Math.min(opts.shadowSize ?? 1000, pool.length);
    const runs = opts.nRuns ?? 8;
    let fitSeed = (opts.seed ?? 0) * 1000 + 1;
    let done = 0;
    const total = 4 * runs + targets.length * 4 * runs;
    const shadow = async (target) => {
        const perm = rng.permutation(pool.length).subarray(0, n);
        const idx = Int32Array.from(perm, (i) => pool[i]);
        if (target !== null)
            idx[0] = target;
        const seed = fitSeed++;
        const model = await synth.fit(train.take(idx), schema, { seed, options: opts.synthesizerOptions });
        opts.onProgress?.({ phase: 'privacy', message: 'shadow models', done: ++done, total });
        return model.sample(n, { seed });
    };
    const outTrain = [];
    const outTest = [];
    for (let r = 0; r < runs; r++)
        outTrain.push(await shadow(null));
    for (let r = 0; r < runs; r++)
        outTest.push(await shadow(null));
    const scores = [];
    const labels = [];
    for (const t of targets) {
        const te = encode(space, train.take([t]));
        const fx = [];
        const fy = [];
        for (const o of outTrain) {
            fx.push(features(space, te, o));
            fy.push(0);
        }
        for (let r = 0; r < runs; r++) {
            fx.push(features(space, te, await shadow(t)));
            fy.push(1);
        }
        const clf = fitClassifier(fx, fy);
        const test = [];
        for (const o of outTest) {
            test.push(features(space, te, o));
            labels.push(0);
        }
        for (let r = 0; r < runs; r++) {
            test.push(features(space, te, await shadow(t)));
            labels.push(1);
        }
        for (const p of clf(test))
            scores.push(p);
    }
    const summary = summarizeAttack(scores, labels, rng, opts.delta ?? 0);
    const metric = miaMetric('mia_shadow', `Membership inference by shadow modelling (${synth.name}, ${targets.length} outlying targets)`, summary, opts.claimedEpsilon, { targets, shadowSize: n, runsPerSide: runs });
    return { metric, summary, targets };
}
//# sourceMappingURL=shadow.js.map