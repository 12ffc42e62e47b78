import { takeRows } from './space.js';
import { localSearch } from './distance-metrics.js';
import { summarizeAttack } from './roc.js';
import { fitBoosting, makeLearnData } from '../../learn/index.js';
/** Draw members (train), non-members and reference (disjoint parts of holdout). */
export function miaSetup(train, holdout, rng, maxPerSide = 1000) {
    const k = Math.max(1, Math.min(maxPerSide, train.n, Math.floor(holdout.n / 2)));
    const pt = rng.permutation(train.n).subarray(0, k);
    const ph = rng.permutation(holdout.n);
    return {
        members: takeRows(train, pt),
        nonMembers: takeRows(holdout, ph.subarray(0, k)),
        reference: takeRows(holdout, ph.subarray(k)),
    };
}
export async function membershipInference(setup, synthetic, rng, opts) {
    const search = opts.search ?? localSearch;
    const { members, nonMembers, reference } = setup;
    const n = members.n + nonMembers.n;
    const labels = new Int8Array(n);
    labels.fill(1, 0, members.n);
    const [dm, dn] = [await search(members, synthetic), await search(nonMembers, synthetic)];
    const d1 = new Float64Array(n);
    d1.set(dm.d1, 0);
    d1.set(dn.d1, members.n);
    const out = { metrics: [] };
    if (opts.attacks.includes('distance')) {
        const scores = d1.map((d) => -d);
        out.distance = summarizeAttack(scores, labels, rng, opts.delta ?? 0);
        out.metrics.push(miaMetric('mia_distance', 'Membership inference, distance to closest synthetic row', out.distance, opts.claimedEpsilon));
    }
    if (opts.attacks.includes('domias') && reference.n > 1) {
        const p = members.nNum + members.nCat || 1;
        const c = 1e-3 / p;
        const [rm, rn] = [await search(members, reference), await search(nonMembers, reference)];
        const scores = new Float64Array(n);
        for (let i = 0; i < members.n; i++)
            scores[i] = Math.log(rm.d1[i] + c) - Math.log(dm.d1[i] + c);
        for (let i = 0; i < nonMembers.n; i++)
            scores[members.n + i] = Math.log(rn.d1[i] + c) - Math.log(dn.d1[i] + c);
        out.domias = summarizeAttack(scores, labels, rng, opts.delta ?? 0);
        out.metrics.push(miaMetric('mia_domias', 'Membership inference, DOMIAS density ratio (nearest-neighbour densities)', out.domias, opts.claimedEpsilon, {
            referenceRows: reference.n,
        }));
    }
    return out;
}
/** A MetricResult for an attack: value = AUC (baseline 0.5), risk = 2·(AUC − 0.5) clipped, score = 1 − risk. */
export function miaMetric(id, name, s, claimedEpsilon, extra = {}) {
    return {
        id,
        family: 'privacy',
        name,
        value: s.auc,
        score: 1 - Math.max(0, Math.min(1, 2 * (s.auc - 0.5))),
        ci: s.aucCi,
        baseline: 0.5,
        note: `${s.nMembers} members, ${s.nNonMembers} non-members`,
        details: {
            nMembers: s.nMembers,
            nNonMembers: s.nNonMembers,
            advantage: s.advantage,
            tprAtFpr01: s.tprAt1,
            tprAtFpr01Ci: s.tprAt1Ci,
            tprAtFpr10: s.tprAt10,
            tprAtFpr10Ci: s.tprAt10Ci,
            empiricalEpsilonLower: s.epsilonLower,
            roc: s.roc,
            ...(claimedEpsilon !== undefined ? { claimedEpsilon } : {}),
            ...extra,
        },
    };
}
/**
 * DOMIAS with a classifier-based density ratio (van Breugel et al. 2023, §4; Sugiyama et al. 2012): gradient-boosted
 * trees (src/learn) learn to tell synthetic rows (label 1) from reference rows (label 0); by Bayes' rule the
 * predicted odds are proportional to p_syn(x)/p_ref(x), so the log-odds rank candidates exactly like the density
 * ratio. Members: training rows; non-members and reference: disjoint parts of the holdout; at most 20,000 synthetic
 * rows. Runtime: one boosting fit on ≈ (synthetic + reference) rows, 100 trees of depth 6.
 */
export function classifierMia(train, synthetic, holdout, features, rng, opts = {}) {
    const k = Math.max(1, Math.min(opts.maxPerSide ?? 1000, train.nRows, Math.floor(holdout.nRows / 2)));
    const members = train.take(rng.permutation(train.nRows).subarray(0, k)).select(features);
    const ph = rng.permutation(holdout.nRows);
    const nonMembers = holdout.take(ph.subarray(0, k)).select(features);
    const reference = holdout.take(ph.subarray(k)).select(features);
    const syn = synthetic
        .take(rng.permutation(synthetic.nRows).subarray(0, Math.min(20_000, synthetic.nRows)))
        .select(features);
    const fitTable = syn.concat(reference);
    const labels = new Int32Array(fitTable.nRows);
    labels.fill(1, 0, syn.nRows);
    const data = makeLearnData(fitTable, features);
    const model = fitBoosting(data, { task: 'binary', labels }, { nTrees: 100, maxDepth: 6, seed: rng.u32() });
    const candidates = members.concat(nonMembers);
    const p = model.predict(makeLearnData(candidates, features, { reference: data }));
    const scores = Float64Array.from(p, (q) => Math.log(q + 1e-12) - Math.log(1 - q + 1e-12));
    const y = new Int8Array(candidates.nRows);
    y.fill(1, 0, members.nRows);
    const summary = summarizeAttack(scores, y, rng, opts.delta ?? 0);
    const metric = miaMetric('mia_classifier', 'Membership inference, DOMIAS with a classifier density ratio (boosted trees)', summary, opts.claimedEpsilon, { referenceRows: reference.nRows, syntheticRows: syn.nRows });
    return { summary, metric };
}
//# sourceMappingURL=mia.js.map