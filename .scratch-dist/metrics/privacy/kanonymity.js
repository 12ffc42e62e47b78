import { isMissing } from '../../table/column.js';
import { clopperPearson } from './stats.js';
function keyOf(cols, i) {
    let k = '';
    for (const c of cols) {
        if (isMissing(c, i))
            k += '\u0000|';
        else if (c.kind === 'categorical')
            k += c.categories[c.codes[i]] + '|';
        else
            k += String(c.values[i]) + '|';
    }
    return k;
}
/** Class id of every row (ids in order of first appearance) and the class sizes. */
function classes(t, qi) {
    const cols = qi.map((n) => t.column(n));
    const map = new Map();
    const id = new Int32Array(t.nRows);
    const sizes = [];
    const keys = [];
    for (let i = 0; i < t.nRows; i++) {
        const k = keyOf(cols, i);
        let c = map.get(k);
        if (c === undefined) {
            c = sizes.length;
            map.set(k, c);
            sizes.push(0);
            keys.push(k);
        }
        id[i] = c;
        sizes[c]++;
    }
    return { id, sizes, keys };
}
function countsByKey(t, qi) {
    const cols = qi.map((n) => t.column(n));
    const m = new Map();
    for (let i = 0; i < t.nRows; i++) {
        const k = keyOf(cols, i);
        m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
}
/** Value code per row for a sensitive column: categorical codes, or numeric ranks (ties share a rank). */
function sensitiveCodes(c) {
    const n = c.kind === 'categorical' ? c.codes.length : c.values.length;
    const code = new Int32Array(n);
    if (c.kind === 'categorical') {
        for (let i = 0; i < n; i++)
            code[i] = c.codes[i] < 0 ? c.categories.length : c.codes[i];
        return { code, levels: c.categories.length + 1, ordered: false };
    }
    if (c.kind === 'numeric' || c.kind === 'datetime') {
        const distinct = Float64Array.from(new Set(Array.from(c.values).filter((x) => x === x))).sort();
        const rank = new Map();
        distinct.forEach((v, r) => rank.set(v, r));
        for (let i = 0; i < n; i++)
            code[i] = c.values[i] === c.values[i] ? rank.get(c.values[i]) : distinct.length;
        return { code, levels: distinct.length + 1, ordered: true };
    }
    const keyed = new Map();
    for (let i = 0; i < n; i++) {
        const k = isMissing(c, i) ? '\u0000' : String(c.values[i]);
        let v = keyed.get(k);
        if (v === undefined)
            keyed.set(k, (v = keyed.size));
        code[i] = v;
    }
    return { code, levels: keyed.size, ordered: false };
}
export function kAnonymityMetrics(synthetic, train, holdout, qi, sensitive) {
    const out = [];
    if (qi.length === 0)
        return out;
    const { id, sizes, keys } = classes(synthetic, qi);
    const nClasses = sizes.length;
    const k = Math.min(...sizes);
    let small = 0;
    for (const s of sizes)
        if (s < 5)
            small += s;
    const realK = Math.min(...classes(train, qi).sizes);
    out.push({
        id: 'k_anonymity',
        family: 'privacy',
        name: 'k-anonymity of the synthetic table over the quasi-identifiers',
        columns: qi,
        value: k,
        score: Math.min(1, (k - 1) / 4),
        baseline: realK,
        note: `${nClasses} classes; baseline = k of the training table`,
        details: {
            classes: nClasses,
            rowsInClassesBelow5: small,
            shareRowsInClassesBelow5: small / synthetic.nRows,
        },
    });
    // compare against equally many training and holdout rows (callers pass rows in random order), so a unique match
    // is equally likely in both under the null of no memorisation
    const nCut = Math.min(train.nRows, holdout.nRows);
    const trainCounts = countsByKey(train.nRows === nCut ? train : train.slice(0, nCut), qi);
    const holdCounts = countsByKey(holdout.nRows === nCut ? holdout : holdout.slice(0, nCut), qi);
    let uniqT = 0, uniqH = 0;
    for (const key of keys) {
        if (trainCounts.get(key) === 1)
            uniqT++;
        if (holdCounts.get(key) === 1)
            uniqH++;
    }
    const rateT = uniqT / nClasses;
    const rateH = uniqH / nClasses;
    out.push({
        id: 'qi_unique_match_rate',
        family: 'privacy',
        name: 'Share of synthetic quasi-identifier classes matching exactly one training row',
        columns: qi,
        value: rateT,
        score: 1 - Math.max(0, Math.min(1, rateT - rateH) / Math.max(1e-12, 1 - rateH)),
        ci: clopperPearson(uniqT, nClasses),
        baseline: rateH,
        note: `${nCut} training rows vs ${nCut} holdout rows (baseline)`,
        details: { classes: nClasses, uniqueMatchesTrain: uniqT, uniqueMatchesHoldout: uniqH },
    });
    for (const s of sensitive) {
        const { code, levels, ordered } = sensitiveCodes(synthetic.column(s));
        // per-class distinct counts and distributions
        const counts = new Float64Array(nClasses * levels);
        for (let i = 0; i < synthetic.nRows; i++)
            counts[id[i] * levels + code[i]]++;
        const overall = new Float64Array(levels);
        for (let i = 0; i < synthetic.nRows; i++)
            overall[code[i]]++;
        for (let v = 0; v < levels; v++)
            overall[v] /= synthetic.nRows;
        let l = Infinity, t = 0;
        for (let c = 0; c < nClasses; c++) {
            let distinct = 0;
            for (let v = 0; v < levels; v++)
                if (counts[c * levels + v] > 0)
                    distinct++;
            if (distinct < l)
                l = distinct;
            if (sizes[c] < 5)
                continue;
            let d = 0;
            if (ordered) {
                let cum = 0;
                for (let v = 0; v < levels; v++) {
                    cum += counts[c * levels + v] / sizes[c] - overall[v];
                    d += Math.abs(cum);
                }
                d /= Math.max(1, levels - 1);
            }
            else {
                for (let v = 0; v < levels; v++)
                    d += Math.abs(counts[c * levels + v] / sizes[c] - overall[v]);
                d /= 2;
            }
            if (d > t)
                t = d;
        }
        out.push({
            id: 'l_diversity',
            family: 'privacy',
            name: `Distinct l-diversity of "${s}" within quasi-identifier classes`,
            columns: [...qi, s],
            value: l,
            score: Math.min(1, (l - 1) / 2),
            note: 'fewest distinct sensitive values in any class',
        });
        out.push({
            id: 't_closeness',
            family: 'privacy',
            name: `t-closeness of "${s}" over quasi-identifier classes of 5+ rows`,
            columns: [...qi, s],
            value: t,
            score: 1 - t,
            note: ordered ? 'ordered EMD over value ranks' : 'total variation distance',
        });
    }
    return out;
}
//# sourceMappingURL=kanonymity.js.map