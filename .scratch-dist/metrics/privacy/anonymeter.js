import { project, takeRows } from './space.js';
import { nearestTwo, sortCandidates } from './neighbors.js';
import { residualSuccess, toRisk, wilsonRate } from './stats.js';
import gammaln from '@stdlib/math-base-special-gammaln';
function result(nAttacks, nSuccess, nControl, nBaseline, nControlAttacks = nAttacks) {
    const main = wilsonRate(nAttacks, nSuccess);
    const control = wilsonRate(nControlAttacks, nControl);
    const baseline = wilsonRate(nAttacks, nBaseline);
    return {
        risk: toRisk(residualSuccess(main, control)),
        nAttacks,
        main,
        control,
        baseline,
        nSuccess,
        nControl,
        nBaseline,
    };
}
// ───────────────────────────── singling out ─────────────────────────────
var Op;
(function (Op) {
    Op[Op["Eq"] = 0] = "Eq";
    Op[Op["Ne"] = 1] = "Ne";
    Op[Op["Lt"] = 2] = "Lt";
    Op[Op["Le"] = 3] = "Le";
    Op[Op["Gt"] = 4] = "Gt";
    Op[Op["Ge"] = 5] = "Ge";
    Op[Op["IsNull"] = 6] = "IsNull";
    Op[Op["NotNull"] = 7] = "NotNull";
})(Op || (Op = {}));
function queryKey(q) {
    return q
        .map((t) => `${t.f}:${t.op}:${t.v}`)
        .sort()
        .join('&');
}
function termMatches(e, t, i) {
    return t.f < e.nNum ? numOk(e.numCols[t.f][i], t) : catOk(e.catCols[t.f - e.nNum][i], t);
}
const postingsCache = new WeakMap();
function postings(e) {
    let p = postingsCache.get(e);
    if (p)
        return p;
    const cat = e.catCols.map((col) => {
        let max = -1;
        for (let i = 0; i < e.n; i++)
            if (col[i] > max)
                max = col[i];
        const counts = new Int32Array(max + 2);
        for (let i = 0; i < e.n; i++)
            counts[col[i] + 1]++;
        const lists = Array.from(counts, (c) => new Int32Array(c));
        const fill = new Int32Array(max + 2);
        for (let i = 0; i < e.n; i++)
            lists[col[i] + 1][fill[col[i] + 1]++] = i;
        return lists;
    });
    const numMissing = e.numCols.map((col) => {
        const rows = [];
        for (let i = 0; i < e.n; i++)
            if (col[i] !== col[i])
                rows.push(i);
        return Int32Array.from(rows);
    });
    p = { cat, numMissing };
    postingsCache.set(e, p);
    return p;
}
const EMPTY = new Int32Array(0);
/** The rows a term can match, when the term restricts them to a posting list (equality or missing), else null. */
function termRows(e, p, t) {
    if (t.f < e.nNum)
        return t.op === Op.IsNull ? p.numMissing[t.f] : null;
    const lists = p.cat[t.f - e.nNum];
    if (t.op === Op.IsNull)
        return lists[0] ?? EMPTY;
    if (t.op === Op.Eq)
        return lists[t.v + 1] ?? EMPTY;
    return null;
}
/**
 * Number of rows matching each query, stopping at `cap`. A query with an equality or missing-value term scans only
 * the rows of its shortest posting list; others scan every row.
 */
function countMatches(e, queries, cap = Infinity) {
    const p = postings(e);
    const out = new Int32Array(queries.length);
    for (let qi = 0; qi < queries.length; qi++) {
        const q = queries[qi];
        let rows = null;
        for (const t of q) {
            const r = termRows(e, p, t);
            if (r && (!rows || r.length < rows.length))
                rows = r;
        }
        // split the terms by kind so each inner check reads one array type
        const numT = q.filter((t) => t.f < e.nNum);
        const catT = q.filter((t) => t.f >= e.nNum);
        const numA = numT.map((t) => e.numCols[t.f]);
        const catA = catT.map((t) => e.catCols[t.f - e.nNum]);
        let c = 0;
        const len = rows ? rows.length : e.n;
        for (let s = 0; s < len; s++) {
            const i = rows ? rows[s] : s;
            let ok = true;
            for (let t = 0; t < catT.length && ok; t++)
                ok = catOk(catA[t][i], catT[t]);
            for (let t = 0; t < numT.length && ok; t++)
                ok = numOk(numA[t][i], numT[t]);
            if (ok && ++c >= cap)
                break;
        }
        out[qi] = c;
    }
    return out;
}
function numOk(x, t) {
    if (x !== x)
        return t.op === Op.IsNull;
    switch (t.op) {
        case Op.Eq:
            return x === t.v;
        case Op.Ne:
            return x !== t.v;
        case Op.Lt:
            return x < t.v;
        case Op.Le:
            return x <= t.v;
        case Op.Gt:
            return x > t.v;
        case Op.Ge:
            return x >= t.v;
        case Op.NotNull:
            return true;
        default:
            return false;
    }
}
function catOk(c, t) {
    if (c < 0)
        return t.op === Op.IsNull;
    return t.op === Op.Eq ? c === t.v : t.op === Op.Ne ? c !== t.v : t.op === Op.NotNull;
}
/** Indices of the first occurrence of each distinct row (Anonymeter deduplicates before singling out). */
export function distinctRows(e) {
    // hash each row (numbers through their float64 bits, codes as integers) into a Map of row lists; equal hashes
    // are confirmed value by value, so the result is exact
    const bits = new Float64Array(1);
    const words = new Int32Array(bits.buffer);
    const same = (a, b) => {
        for (let k = 0; k < e.nNum; k++) {
            const x = e.numCols[k][a], y = e.numCols[k][b];
            if (x !== y && !(x !== x && y !== y))
                return false;
        }
        for (let k = 0; k < e.nCat; k++)
            if (e.catCols[k][a] !== e.catCols[k][b])
                return false;
        return true;
    };
    const buckets = new Map();
    const keep = [];
    for (let i = 0; i < e.n; i++) {
        let h = 0x811c9dc5 | 0;
        for (let k = 0; k < e.nNum; k++) {
            const x = e.numCols[k][i];
            bits[0] = x !== x ? NaN : x;
            h = Math.imul(h ^ words[0], 0x01000193);
            h = Math.imul(h ^ words[1], 0x01000193);
        }
        for (let k = 0; k < e.nCat; k++)
            h = Math.imul(h ^ e.catCols[k][i], 0x01000193);
        const list = buckets.get(h);
        if (list === undefined) {
            buckets.set(h, [i]);
            keep.push(i);
        }
        else if (!list.some((j) => same(i, j))) {
            list.push(i);
            keep.push(i);
        }
    }
    return Int32Array.from(keep);
}
/**
 * Anonymeter's univariate queries: a lone missing value, ≤ min and ≥ max of numerics, and values seen once. Their
 * counts in the synthetic table are known from the value counts, so only those isolating one row are kept (in
 * random order) without scanning the table per query.
 */
function univariateQueries(syn, nQueries, rng) {
    const cand = [];
    for (let f = 0; f < syn.nNum + syn.nCat; f++) {
        const isNum = f < syn.nNum;
        const counts = new Map();
        let nulls = 0, mn = Infinity, mx = -Infinity;
        for (let i = 0; i < syn.n; i++) {
            const v = isNum ? syn.numCols[f][i] : syn.catCols[f - syn.nNum][i];
            if (isNum ? v !== v : v < 0) {
                nulls++;
                continue;
            }
            counts.set(v, (counts.get(v) ?? 0) + 1);
            if (v < mn)
                mn = v;
            if (v > mx)
                mx = v;
        }
        if (nulls === 1)
            cand.push([{ f, op: Op.IsNull, v: NaN }]);
        if (isNum && mn <= mx) {
            if (counts.get(mn) === 1)
                cand.push([{ f, op: Op.Le, v: mn }]);
            if (counts.get(mx) === 1)
                cand.push([{ f, op: Op.Ge, v: mx }]);
        }
        for (const [v, c] of counts)
            if (c === 1)
                cand.push([{ f, op: Op.Eq, v }]);
    }
    rng.shuffle(cand);
    const seen = new Set();
    const out = [];
    for (const q of cand) {
        if (out.length >= nQueries)
            break;
        const key = queryKey(q);
        if (!seen.has(key)) {
            seen.add(key);
            out.push(q);
        }
    }
    return out;
}
function keepSinglingOut(syn, cand, max, seen, into = []) {
    const counts = countMatches(syn, cand, 2);
    for (let i = 0; i < cand.length && into.length < max; i++) {
        if (counts[i] !== 1)
            continue;
        const key = queryKey(cand[i]);
        if (seen.has(key))
            continue;
        seen.add(key);
        into.push(cand[i]);
    }
    return into;
}
function medians(syn) {
    return Float64Array.from(syn.numCols, (v) => {
        const s = Float64Array.from(v.filter((x) => x === x)).sort();
        if (!s.length)
            return NaN;
        const h = s.length >> 1;
        return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
    });
}
/** k distinct feature indices out of p, uniformly (partial Fisher–Yates on a scratch array). */
function pickColumns(p, k, rng, scratch) {
    for (let i = 0; i < p; i++)
        scratch[i] = i;
    const m = Math.min(k, p);
    const out = new Array(m);
    for (let i = 0; i < m; i++) {
        const j = i + rng.int(p - i);
        const t = scratch[i];
        scratch[i] = scratch[j];
        scratch[j] = t;
        out[i] = scratch[i];
    }
    return out;
}
function multivariateQueries(syn, nQueries, nCols, maxAttempts, rng) {
    const med = medians(syn);
    const p = syn.nNum + syn.nCat;
    const scratch = new Int32Array(p);
    const out = [];
    const seen = new Set();
    let attempts = 0;
    while (out.length < nQueries && attempts < maxAttempts) {
        const batch = Math.min(1000, maxAttempts - attempts);
        const cand = [];
        for (let b = 0; b < batch; b++) {
            const i = rng.int(syn.n);
            cand.push(pickColumns(p, nCols, rng, scratch).map((f) => {
                if (f < syn.nNum) {
                    const v = syn.numCols[f][i];
                    if (v !== v)
                        return { f, op: Op.IsNull, v: NaN };
                    return { f, op: v > med[f] ? Op.Ge : Op.Le, v };
                }
                const c = syn.catCols[f - syn.nNum][i];
                return c < 0 ? { f, op: Op.IsNull, v: NaN } : { f, op: Op.Eq, v: c };
            }));
        }
        keepSinglingOut(syn, cand, nQueries, seen, out);
        attempts += batch;
    }
    return { queries: out, attempts };
}
function randomQueries(syn, n, nCols, rng) {
    const p = syn.nNum + syn.nCat;
    const scratch = new Int32Array(p);
    const uniq = [];
    for (let f = 0; f < p; f++) {
        const col = f < syn.nNum ? syn.numCols[f] : syn.catCols[f - syn.nNum];
        const s = new Set();
        for (let i = 0; i < syn.n; i++) {
            const v = col[i];
            s.add(f < syn.nNum ? v : v < 0 ? NaN : v);
        }
        uniq.push([...s]);
    }
    const numOps = [Op.Eq, Op.Ne, Op.Gt, Op.Lt, Op.Ge, Op.Le];
    const catOps = [Op.Eq, Op.Ne];
    const out = [];
    for (let q = 0; q < n; q++) {
        out.push(pickColumns(p, nCols, rng, scratch).map((f) => {
            const vals = uniq[f];
            const v = vals[rng.int(vals.length)];
            const ops = f < syn.nNum ? numOps : catOps;
            const op = ops[rng.int(ops.length)];
            return v !== v ? { f, op: Op.NotNull, v: NaN } : { f, op, v };
        }));
    }
    return out;
}
/** log of the binomial coefficient C(a, b). */
function logChoose(a, b) {
    return gammaln(a + 1) - gammaln(b + 1) - gammaln(a - b + 1);
}
/** P(exactly one of the c rows matching a query is in a uniform random n-subset of m rows) = c·C(m−c, n−1)/C(m, n). */
export function singleOutInSubset(c, m, n) {
    if (c <= 0 || m - c < n - 1)
        return 0;
    return Math.exp(Math.log(c) + logChoose(m - c, n - 1) - logChoose(m, n));
}
/** P(a query of weight ≤ w singles out in n rows), integrated — Anonymeter's `singling_out_probability_integral`. */
function soIntegral(n, w) {
    return (1 - (n * w + 1) * Math.exp(n * Math.log1p(-w))) / (n + 1);
}
/**
 * Rescale the number of queries that single out in the control set (m rows) to what it would be in a set of
 * n rows: fit count(size) = a·soIntegral(size, w) to counts on random subsets of the control set (10 sizes ×
 * 5 repeats, as Anonymeter), then multiply by model(n)/model(m).
 */
function controlSizeCorrection(control, queries, n, rng) {
    const m = control.n;
    if (m === n || queries.length === 0)
        return 1;
    // rows matched by each query (queries matching more than 1000 rows cannot single out in any subset we draw)
    const matches = queries.map((q) => {
        const rows = [];
        for (let i = 0; i < m && rows.length <= 1000; i++) {
            let ok = true;
            for (const t of q)
                if (!termMatches(control, t, i)) {
                    ok = false;
                    break;
                }
            if (ok)
                rows.push(i);
        }
        return rows.length > 1000 ? new Int32Array(0) : Int32Array.from(rows);
    });
    const sizes = [];
    const ys = [];
    const minRows = Math.min(1000, m);
    const mask = new Uint8Array(m);
    for (let s = 0; s < 10; s++) {
        const size = Math.floor(minRows + ((m - minRows) * s) / 9);
        for (let r = 0; r < 5; r++) {
            mask.fill(0);
            const perm = rng.permutation(m);
            for (let i = 0; i < size; i++)
                mask[perm[i]] = 1;
            let y = 0;
            for (const rows of matches) {
                let c = 0;
                for (let i = 0; i < rows.length && c < 2; i++)
                    c += mask[rows[i]];
                if (c === 1)
                    y++;
            }
            sizes.push(size);
            ys.push(y);
        }
    }
    // least squares in (a, w): a has a closed form for each w; w by a log grid then golden-section refinement
    const sse = (w) => {
        let fy = 0, ff = 0;
        for (let i = 0; i < sizes.length; i++) {
            const f = soIntegral(sizes[i], w);
            fy += f * ys[i];
            ff += f * f;
        }
        const a = ff > 0 ? Math.max(0, fy / ff) : 0;
        let e = 0;
        for (let i = 0; i < sizes.length; i++) {
            const d = ys[i] - a * soIntegral(sizes[i], w);
            e += d * d;
        }
        return { sse: e, a };
    };
    let bestLw = -9, best = Infinity;
    for (let lw = -9; lw <= 0; lw += 0.05) {
        const e = sse(10 ** lw).sse;
        if (e < best) {
            best = e;
            bestLw = lw;
        }
    }
    let a = bestLw - 0.05, b = Math.min(0, bestLw + 0.05);
    const g = (Math.sqrt(5) - 1) / 2;
    for (let it = 0; it < 40; it++) {
        const c = b - g * (b - a), d = a + g * (b - a);
        if (sse(10 ** c).sse < sse(10 ** d).sse)
            b = d;
        else
            a = c;
    }
    const w = 10 ** ((a + b) / 2);
    const fm = soIntegral(m, w);
    return fm > 0 ? soIntegral(n, w) / fm : 1;
}
export function singlingOut(train, synthetic, control, rng, opts) {
    const nAttacks = opts.nAttacks ?? 500;
    const nCols = opts.mode === 'univariate' ? 1 : (opts.nCols ?? 3);
    const ori = takeRows(train, distinctRows(train));
    const syn = takeRows(synthetic, distinctRows(synthetic));
    const ctl = takeRows(control, distinctRows(control));
    const gen = opts.mode === 'univariate'
        ? { queries: univariateQueries(syn, nAttacks, rng), attempts: 0 }
        : multivariateQueries(syn, nAttacks, nCols, opts.maxAttempts ?? 1_000_000, rng);
    const queries = gen.queries;
    const n = queries.length;
    const succ = countMatches(ori, queries, 2).reduce((s, c) => s + (c === 1 ? 1 : 0), 0);
    const base = countMatches(ori, randomQueries(syn, n, nCols, rng), 2).reduce((s, c) => s + (c === 1 ? 1 : 0), 0);
    let ctrl;
    let controlRescaled;
    if (ctl.n > ori.n) {
        // a larger control set: the expected number of queries singling out in a random subset of the training size,
        // exactly (hypergeometric), instead of Anonymeter's fitted extrapolation
        ctrl = 0;
        for (const c of countMatches(ctl, queries))
            ctrl += singleOutInSubset(c, ctl.n, ori.n);
    }
    else {
        ctrl = countMatches(ctl, queries, 2).reduce((s, c) => s + (c === 1 ? 1 : 0), 0);
        if (ctl.n !== ori.n) {
            const factor = controlSizeCorrection(ctl, queries, ori.n, rng);
            ctrl *= factor;
            controlRescaled = { from: ctl.n, to: ori.n, factor };
        }
    }
    return {
        ...result(Math.max(n, 1), succ, Math.min(ctrl, n), base),
        nQueries: n,
        attempts: gen.attempts,
        ...(controlRescaled ? { controlRescaled } : {}),
    };
}
// ───────────────────────────── linkability ─────────────────────────────
function sample(e, k, rng) {
    return takeRows(e, rng.permutation(e.n).subarray(0, Math.min(k, e.n)));
}
/** Synthetic rows on a feature subset, sorted once for the searches of several target sets. */
function prepare(syn, numKeep, catKeep) {
    return { sorted: sortCandidates(project(syn, numKeep, catKeep)), numKeep, catKeep };
}
/** Nearest synthetic row of each target on the prepared feature subset, ties broken uniformly at random. */
function nearestOn(targets, prep, rng) {
    return nearestTwo(project(targets, prep.numKeep, prep.catKeep), prep.sorted, { rng }).i1;
}
/** Split feature indices: [numeric indices, categorical indices]. */
function split(e, features) {
    return [features.filter((f) => f < e.nNum), features.filter((f) => f >= e.nNum).map((f) => f - e.nNum)];
}
export function linkability(train, synthetic, control, rng, opts) {
    const nAttacks = Math.min(opts.nAttacks ?? 1000, train.n, control.n);
    const [aN, aC] = split(train, opts.auxA);
    const [bN, bC] = split(train, opts.auxB);
    const prepA = prepare(synthetic, aN, aC);
    const prepB = prepare(synthetic, bN, bC);
    const links = (targets) => {
        const ia = nearestOn(targets, prepA, rng);
        const ib = nearestOn(targets, prepB, rng);
        let s = 0;
        for (let i = 0; i < targets.n; i++)
            if (ia[i] === ib[i])
                s++;
        return s;
    };
    const succ = links(sample(train, nAttacks, rng));
    const ctrl = links(sample(control, nAttacks, rng));
    let base = 0;
    for (let i = 0; i < nAttacks; i++)
        if (rng.int(synthetic.n) === rng.int(synthetic.n))
            base++;
    return result(nAttacks, succ, ctrl, base);
}
export function attributeInference(train, synthetic, control, rng, opts) {
    const nAttacks = Math.min(opts.nAttacks ?? 1000, train.n, control.n);
    const p = train.nNum + train.nCat;
    const aux = opts.aux ?? Array.from({ length: p }, (_, f) => f).filter((f) => f !== opts.secret);
    const [xN, xC] = split(train, aux);
    const tol = opts.tolerance ?? 0.05;
    const isNum = opts.secret < train.nNum;
    const secretOf = (e) => isNum ? e.numCols[opts.secret] : e.catCols[opts.secret - e.nNum];
    const correct = (g, s) => {
        if (isNum) {
            if (g !== g || s !== s)
                return g !== g && s !== s;
            return Math.abs(g - s) <= tol * (Math.abs(g) + 1e-12);
        }
        return g === s;
    };
    const synSecret = secretOf(synthetic);
    const prep = prepare(synthetic, xN, xC);
    const attack = (targets) => {
        const idx = nearestOn(targets, prep, rng);
        const sec = secretOf(targets);
        let s = 0;
        for (let i = 0; i < targets.n; i++)
            if (correct(synSecret[idx[i]], sec[i]))
                s++;
        return s;
    };
    const tTrain = sample(train, nAttacks, rng);
    const succ = attack(tTrain);
    const ctrl = attack(sample(control, nAttacks, rng));
    const trainSecret = secretOf(tTrain);
    let base = 0;
    for (let i = 0; i < tTrain.n; i++)
        if (correct(synSecret[rng.int(synthetic.n)], trainSecret[i]))
            base++;
    return result(nAttacks, succ, ctrl, base);
}
//# sourceMappingURL=anonymeter.js.map