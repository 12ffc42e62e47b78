/**
 * Summaries of a membership-inference attack from its scores: ROC AUC, advantage, TPR at fixed FPR, and an
 * empirical lower bound on ε.
 *
 * Empirical ε (Jagielski et al. 2020; Nasr et al. 2021): an (ε, δ)-DP mechanism forces every test with
 * false-positive rate FPR and true-positive rate TPR to satisfy TPR ≤ e^ε·FPR + δ and
 * 1 − FPR ≤ e^ε·(1 − TPR) + δ. So with one-sided Clopper–Pearson bounds,
 *   ε ≥ max( ln((TPR_lo − δ)/FPR_hi), ln((1 − FPR)_lo − δ)/(1 − TPR)_hi ) ).
 * To keep the bound valid the threshold is chosen on one half of the members/non-members and the bound is
 * computed on the other half; the four one-sided bounds each have α = 0.0125, so the bound holds with 95%
 * confidence (Bonferroni).
 */
import { aucInterval, aucOf, clopperPearson, clopperPearsonOneSided } from './stats.js';
/** Scores sorted descending with labels, and the ROC points at each distinct threshold. */
function rocPoints(scores, labels) {
    const n = scores.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
    let nPos = 0;
    for (let i = 0; i < n; i++)
        if (labels[i] === 1)
            nPos++;
    const tp = [0], fp = [0];
    let t = 0, f = 0;
    for (let i = 0; i < n;) {
        let j = i;
        while (j < n && scores[order[j]] === scores[order[i]]) {
            if (labels[order[j]] === 1)
                t++;
            else
                f++;
            j++;
        }
        tp.push(t);
        fp.push(f);
        i = j;
    }
    return { tp: Int32Array.from(tp), fp: Int32Array.from(fp), nPos, nNeg: n - nPos };
}
function tprAtFpr(tp, fp, nPos, nNeg, target) {
    let best = 0;
    for (let i = 0; i < tp.length; i++)
        if (fp[i] <= target * nNeg)
            best = Math.max(best, tp[i]);
    return best / Math.max(1, nPos);
}
/** Summarise an attack: scores (higher = "member") for members (label 1) and non-members (label 0). */
export function summarizeAttack(scores, labels, rng, delta = 0) {
    const { tp, fp, nPos, nNeg } = rocPoints(scores, labels);
    const auc = aucOf(scores, labels);
    let adv = 0;
    for (let i = 0; i < tp.length; i++)
        adv = Math.max(adv, tp[i] / Math.max(1, nPos) - fp[i] / Math.max(1, nNeg));
    const t1 = tprAtFpr(tp, fp, nPos, nNeg, 0.01);
    const t10 = tprAtFpr(tp, fp, nPos, nNeg, 0.1);
    return {
        auc,
        aucCi: aucInterval(auc, nPos, nNeg),
        advantage: adv,
        tprAt1: t1,
        tprAt1Ci: clopperPearson(Math.round(t1 * nPos), nPos),
        tprAt10: t10,
        tprAt10Ci: clopperPearson(Math.round(t10 * nPos), nPos),
        epsilonLower: epsilonLowerBound(scores, labels, rng, delta),
        nMembers: nPos,
        nNonMembers: nNeg,
        roc: thinRoc(tp, fp, nPos, nNeg),
    };
}
function thinRoc(tp, fp, nPos, nNeg, steps = 200) {
    // the curve on an FPR grid: at each grid FPR, the best TPR reached without exceeding it (corners survive)
    const fpr = [0], tpr = [0];
    let j = 0, best = 0;
    for (let g = 0; g <= steps; g++) {
        const f = g / steps;
        while (j < tp.length && fp[j] / Math.max(1, nNeg) <= f + 1e-12) {
            best = Math.max(best, tp[j] / Math.max(1, nPos));
            j++;
        }
        fpr.push(f);
        tpr.push(best);
    }
    return { fpr, tpr };
}
/** See the module comment. Returns 0 when no positive bound can be shown. */
export function epsilonLowerBound(scores, labels, rng, delta = 0) {
    const n = scores.length;
    const perm = rng.permutation(n);
    const half = n >> 1;
    const pick = (a, b) => {
        const s = new Float64Array(b - a), l = new Int8Array(b - a);
        for (let i = a; i < b; i++) {
            s[i - a] = scores[perm[i]];
            l[i - a] = labels[perm[i]];
        }
        return { s, l };
    };
    const sel = pick(0, half);
    const ev = pick(half, n);
    const alpha = 0.0125;
    // choose the threshold (and direction) maximising the bound's point estimate on the selection half
    const { tp, fp, nPos, nNeg } = rocPoints(sel.s, sel.l);
    if (nPos === 0 || nNeg === 0)
        return 0;
    const sortedDesc = Float64Array.from(new Set(Array.from(sel.s)))
        .sort()
        .reverse();
    let bestIdx = -1, bestVal = 0;
    for (let i = 1; i < tp.length; i++) {
        const tpr = tp[i] / nPos, fpr = fp[i] / nNeg;
        // add-one smoothing keeps empty cells from looking infinitely separated
        const v = Math.max(Math.log((tpr * nPos + 0.5) / (nPos + 1) / ((fpr * nNeg + 0.5) / (nNeg + 1))), Math.log(((1 - fpr) * nNeg + 0.5) / (nNeg + 1) / (((1 - tpr) * nPos + 0.5) / (nPos + 1))));
        if (v > bestVal) {
            bestVal = v;
            bestIdx = i;
        }
    }
    if (bestIdx < 0)
        return 0;
    const threshold = sortedDesc[bestIdx - 1]; // predicted member iff score >= threshold
    let tpE = 0, fpE = 0, pE = 0, nE = 0;
    for (let i = 0; i < ev.s.length; i++) {
        const yes = ev.s[i] >= threshold;
        if (ev.l[i] === 1) {
            pE++;
            if (yes)
                tpE++;
        }
        else {
            nE++;
            if (yes)
                fpE++;
        }
    }
    if (pE === 0 || nE === 0)
        return 0;
    const tpr = clopperPearsonOneSided(tpE, pE, alpha);
    const fpr = clopperPearsonOneSided(fpE, nE, alpha);
    const a = (tpr.lower - delta) / fpr.upper;
    const b = (1 - fpr.upper - delta) / (1 - tpr.lower);
    const eps = Math.max(a > 0 ? Math.log(a) : 0, b > 0 ? Math.log(b) : 0, 0);
    return eps;
}
//# sourceMappingURL=roc.js.map