import { Table } from '../table/table.js';
import { LookalikeError, ProblemList } from '../errors.js';
import { asBinned, binColumn, makeLearnData, numericBin, } from '../learn/data.js';
import { allFeatures, growTree, leafIndex } from '../learn/tree.js';
const KINDS = new Set(['numeric', 'datetime', 'categorical', 'boolean']);
function describeColumn(c, fb) {
    const base = { name: c.name, kind: c.kind };
    if (c.kind === 'numeric' || c.kind === 'datetime') {
        const edges = fb.kind === 'numeric' ? Array.from(fb.edges) : [];
        return c.kind === 'numeric'
            ? { ...base, integer: c.integer, edges }
            : { ...base, format: c.format, edges };
    }
    if (c.kind === 'categorical')
        return { ...base, categories: [...c.categories] };
    return base;
}
/** A column's values in chain form. */
export function chainValues(c) {
    if (c.kind === 'numeric' || c.kind === 'datetime')
        return c.values;
    if (c.kind === 'categorical')
        return c.codes;
    if (c.kind === 'boolean')
        return Int32Array.from(c.values);
    throw new LookalikeError(`column "${c.name}" is ${c.kind}; the tree chain models numeric, datetime, categorical and boolean columns`);
}
/** Chain values back to a column of the described kind. */
export function chainColumn(d, v) {
    switch (d.kind) {
        case 'numeric':
            return { kind: 'numeric', name: d.name, values: v, integer: d.integer ?? false };
        case 'datetime':
            return { kind: 'datetime', name: d.name, values: v, format: d.format ?? 'ISO' };
        case 'categorical':
            return { kind: 'categorical', name: d.name, codes: v, categories: d.categories ?? [] };
        case 'boolean':
            return { kind: 'boolean', name: d.name, values: Int8Array.from(v) };
    }
}
const isNumericKind = (k) => k === 'numeric' || k === 'datetime';
const nBinsOf = (d) => isNumericKind(d.kind)
    ? (d.edges?.length ?? 0) + 2
    : d.kind === 'categorical'
        ? (d.categories?.length ?? 0) + 1
        : 3;
function leafOfValues(values, numeric) {
    const counts = new Map();
    let m = 0;
    for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (numeric ? x !== x : x < 0)
            m++;
        else
            counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    const v = [...counts.keys()].sort((a, b) => a - b);
    return { v, c: v.map((x) => counts.get(x)), m };
}
/** Most classes a categorical target's tree separates; rarer categories share one class. */
const MAX_CLASSES = 32;
/** Category code → split class: itself when there are few, else its rank among the most frequent or "other". */
function classMap(codes, K) {
    if (K <= MAX_CLASSES)
        return { map: Int32Array.from({ length: K }, (_, k) => k), missing: K };
    const n = new Int32Array(K);
    for (const k of codes)
        if (k >= 0)
            n[k]++;
    const top = [...n.keys()].sort((a, b) => n[b] - n[a] || a - b).slice(0, MAX_CLASSES - 1);
    const map = new Int32Array(K).fill(MAX_CLASSES - 1);
    top.forEach((k, i) => (map[k] = i));
    return { map, missing: MAX_CLASSES };
}
/** Mid-ranks of the present values scaled to (0, 1); NaN stays NaN. */
function rankScores(v) {
    const idx = [];
    for (let i = 0; i < v.length; i++)
        if (v[i] === v[i])
            idx.push(i);
    idx.sort((a, b) => v[a] - v[b]);
    const out = new Float64Array(v.length).fill(NaN);
    const m = idx.length;
    for (let k = 0; k < m;) {
        let e = k;
        while (e + 1 < m && v[idx[e + 1]] === v[idx[k]])
            e++;
        const r = (k + e) / 2 / Math.max(1, m - 1);
        for (let q = k; q <= e; q++)
            out[idx[q]] = r;
        k = e + 1;
    }
    return out;
}
/** Fits the chain on `table`: `targets` (in this order) given `conditions`. */
export function fitChain(table, conditions, targets, opts = {}) {
    const p = new ProblemList();
    for (const name of [...conditions, ...targets]) {
        if (!table.has(name))
            p.add(`no column "${name}"`);
        else if (!KINDS.has(table.column(name).kind))
            p.add(`column "${name}" is ${table.column(name).kind}; only numeric, datetime, categorical and boolean columns are modelled`);
    }
    if (targets.length === 0)
        p.add('no target column');
    if (table.nRows < 1)
        p.add('no rows to learn from');
    p.throwIfAny('cannot fit the tree chain:', 'internal');
    const minSamplesLeaf = opts.minSamplesLeaf ?? 5;
    const maxDepth = opts.maxDepth ?? 30;
    const names = [...conditions, ...targets];
    const data = asBinned(makeLearnData(table, names, { maxBins: opts.maxBins ?? 255 }));
    const n = table.nRows;
    const nc = conditions.length;
    const condJSON = conditions.map((c, j) => describeColumn(table.column(c), data.binning.features[j]));
    const out = [];
    const rows = new Int32Array(n);
    for (let j = 0; j < targets.length; j++) {
        opts.onProgress?.(j, targets.length);
        const col = table.column(targets[j]);
        const d = describeColumn(col, data.binning.features[nc + j]);
        const vals = chainValues(col);
        const numeric = isNumericKind(d.kind);
        const allowed = opts.features?.[targets[j]];
        const feats = allowed
            ? Int32Array.from([
                ...conditions.flatMap((c, i) => (allowed.includes(c) ? [i] : [])),
                ...targets.slice(0, j).map((_, i) => nc + i),
            ])
            : allFeatures(nc + j);
        const nFeatures = feats.length;
        if (nFeatures === 0) {
            out.push({ ...d, tree: null, leaves: [leafOfValues(vals, numeric)] });
            continue;
        }
        let src;
        if (numeric) {
            const v = opts.rankTargets ? rankScores(vals) : vals;
            let s = 0, s2 = 0, m = 0;
            for (let i = 0; i < n; i++)
                if (v[i] === v[i]) {
                    s += v[i];
                    s2 += v[i] * v[i];
                    m++;
                }
            const mean = m ? s / m : 0;
            const sd = m ? Math.sqrt(Math.max(0, s2 / m - mean * mean)) : 0;
            const inv = sd > 0 ? 1 / sd : 1;
            const K = m < n ? 2 : 1;
            const grad = new Float64Array(n * K);
            for (let i = 0; i < n; i++) {
                if (v[i] !== v[i])
                    grad[i * K + 1] = 1;
                else
                    grad[i * K] = (v[i] - mean) * inv;
            }
            src = { mode: 'dense', K, grad, hess: null };
        }
        else {
            // classes for the split criterion: the categories, or for a long list its most frequent ones and "other"
            // (the leaves still hold the exact codes); missing is one more class
            const K = d.kind === 'categorical' ? d.categories.length : 2;
            const cls = classMap(vals, K);
            const labels = new Int32Array(n);
            for (let i = 0; i < n; i++)
                labels[i] = vals[i] < 0 ? cls.missing : cls.map[vals[i]];
            src = { mode: 'class', K: cls.missing + 1, labels, weight: null };
        }
        for (let i = 0; i < n; i++)
            rows[i] = i;
        const { tree, leafOf } = growTree(data.binning, data.codes, n, rows, src, {
            maxDepth,
            minSamplesLeaf,
            minHessian: 0,
            l2: 0,
            catSmooth: 0,
            features: feats,
            maxFeatures: nFeatures,
        }, true);
        const nNodes = tree.feature.length;
        const leafNo = new Array(nNodes).fill(-1);
        let nLeaves = 0;
        for (let v = 0; v < nNodes; v++)
            if (tree.feature[v] < 0)
                leafNo[v] = nLeaves++;
        const members = Array.from({ length: nLeaves }, () => []);
        for (let i = 0; i < n; i++)
            members[leafNo[leafOf[i]]].push(vals[i]);
        out.push({
            ...d,
            ...(allowed ? { features: Array.from(feats) } : {}),
            tree: {
                feature: Array.from(tree.feature),
                threshold: Array.from(tree.threshold),
                defaultLeft: Array.from(tree.defaultLeft),
                catStart: Array.from(tree.catStart),
                catMask: Array.from(tree.catMask),
                left: Array.from(tree.left),
                right: Array.from(tree.right),
                leaf: leafNo,
            },
            leaves: members.map((mv) => leafOfValues(mv, numeric)),
        });
    }
    opts.onProgress?.(targets.length, targets.length);
    return new TreeChain({ conditions: condJSON, targets: out });
}
export class TreeChain {
    json;
    ready;
    missingBin;
    condEdges;
    constructor(json) {
        this.json = json;
        const all = [...json.conditions, ...json.targets];
        this.missingBin = Int32Array.from(all, (d) => nBinsOf(d) - 1);
        this.condEdges = json.conditions.map((d) => Float64Array.from(d.edges ?? []));
        this.ready = json.targets.map((d) => {
            const t = d.tree;
            const tree = t
                ? {
                    K: 1,
                    feature: Int32Array.from(t.feature),
                    threshold: Int32Array.from(t.threshold),
                    defaultLeft: Uint8Array.from(t.defaultLeft),
                    catStart: Int32Array.from(t.catStart),
                    catMask: Uint8Array.from(t.catMask),
                    left: Int32Array.from(t.left),
                    right: Int32Array.from(t.right),
                    value: new Float64Array(0),
                    hess: new Float64Array(0),
                    count: new Int32Array(0),
                    gain: new Float64Array(0),
                }
                : null;
            const cum = d.leaves.map((l) => {
                const c = new Float64Array(l.v.length + 1);
                c[0] = l.m;
                for (let i = 0; i < l.v.length; i++)
                    c[i + 1] = c[i] + l.c[i];
                return c;
            });
            return {
                d,
                tree,
                leafNo: t ? Int32Array.from(t.leaf) : null,
                cum,
                edges: Float64Array.from(d.edges ?? []),
            };
        });
    }
    get conditions() {
        return this.json.conditions;
    }
    get targets() {
        return this.json.targets;
    }
    /**
     * Draws the targets for `m` rows given the condition values (one array per condition column, in chain form:
     * numbers, or codes into that condition's `categories` / 0–1 for booleans).
     */
    sampleValues(conditions, m, rng) {
        const codes = conditions.map((v, j) => {
            const d = this.json.conditions[j];
            const bc = new Uint16Array(m);
            if (isNumericKind(d.kind)) {
                const e = this.condEdges[j];
                for (let i = 0; i < m; i++)
                    bc[i] = numericBin(e, v[i]);
            }
            else {
                const miss = this.missingBin[j];
                const nv = miss;
                for (let i = 0; i < m; i++)
                    bc[i] = v[i] < 0 || v[i] >= nv ? miss : v[i];
            }
            return bc;
        });
        return this.drawTargets(codes, m, rng);
    }
    /** Draws the targets for each row of `conditions` (a table holding the condition columns, matched by name). */
    sample(conditions, rng) {
        const m = conditions.nRows;
        const codes = this.json.conditions.map((d) => {
            const c = conditions.column(d.name);
            const fb = isNumericKind(d.kind)
                ? { kind: 'numeric', name: d.name, edges: Float64Array.from(d.edges ?? []) }
                : {
                    kind: 'categorical',
                    name: d.name,
                    categories: d.kind === 'boolean' ? ['false', 'true'] : d.categories,
                };
            return binColumn(c, fb).codes;
        });
        const values = this.drawTargets(codes, m, rng);
        return new Table(this.json.targets.map((d, j) => chainColumn(d, values[j])), m);
    }
    drawTargets(codes, m, rng) {
        const out = [];
        const nc = this.json.conditions.length;
        for (let j = 0; j < this.ready.length; j++) {
            const t = this.ready[j];
            const numeric = isNumericKind(t.d.kind);
            const vals = numeric ? new Float64Array(m) : new Int32Array(m);
            const leaves = t.d.leaves;
            for (let i = 0; i < m; i++) {
                const l = t.tree ? t.leafNo[leafIndex(t.tree, codes, this.missingBin, i)] : 0;
                const cum = t.cum[l];
                const u = rng.int(cum[cum.length - 1]);
                if (u < cum[0]) {
                    vals[i] = numeric ? NaN : -1;
                    continue;
                }
                let lo = 1, hi = cum.length - 1;
                while (lo < hi) {
                    const mid = (lo + hi) >>> 1;
                    if (u < cum[mid])
                        hi = mid;
                    else
                        lo = mid + 1;
                }
                vals[i] = leaves[l].v[lo - 1];
            }
            const bc = new Uint16Array(m);
            const miss = this.missingBin[nc + j];
            if (numeric)
                for (let i = 0; i < m; i++)
                    bc[i] = numericBin(t.edges, vals[i]);
            else
                for (let i = 0; i < m; i++)
                    bc[i] = vals[i] < 0 ? miss : vals[i];
            codes.push(bc);
            out.push(vals);
        }
        codes.length = nc;
        return out;
    }
    toJSON() {
        return this.json;
    }
}
const isIntIn = (x, lo, hi) => typeof x === 'number' && Number.isInteger(x) && x >= lo && x <= hi;
function checkColumnJSON(c, at, p) {
    if (typeof c !== 'object' || c === null) {
        p.add(`${at} must be an object`);
        return false;
    }
    const d = c;
    if (typeof d.name !== 'string')
        p.add(`${at}.name must be a string`);
    if (typeof d.kind !== 'string' || !KINDS.has(d.kind)) {
        p.add(`${at}.kind must be numeric, datetime, categorical or boolean`);
        return false;
    }
    if (d.kind === 'numeric' || d.kind === 'datetime') {
        const e = d.edges;
        if (!Array.isArray(e) ||
            !e.every((x, i) => typeof x === 'number' && Number.isFinite(x) && (i === 0 || x > e[i - 1])))
            p.add(`${at}.edges must be increasing finite numbers`);
    }
    if (d.kind === 'categorical' &&
        (!Array.isArray(d.categories) || !d.categories.every((s) => typeof s === 'string')))
        p.add(`${at}.categories must be a list of strings`);
    return true;
}
/** Rebuilds a chain from its JSON, listing every problem (indices, leaves, domains) at once. */
export function loadChain(json, where = 'tree chain') {
    const p = new ProblemList();
    const j = json;
    if (typeof j !== 'object' || j === null || !Array.isArray(j.conditions) || !Array.isArray(j.targets))
        throw new LookalikeError(`${where} is invalid:`, ['it must have "conditions" and "targets" lists']);
    const conds = j.conditions;
    conds.forEach((c, i) => checkColumnJSON(c, `conditions[${i}]`, p));
    const all = [...conds];
    j.targets.forEach((t, i) => {
        const at = `targets[${i}]`;
        if (!checkColumnJSON(t, at, p))
            return;
        const d = t;
        const nFeatures = all.length;
        const numeric = isNumericKind(d.kind);
        const K = d.kind === 'categorical' ? (d.categories?.length ?? 0) : 2;
        if (!Array.isArray(d.leaves) || d.leaves.length === 0)
            p.add(`${at}.leaves must be a non-empty list`);
        else
            d.leaves.forEach((l, k) => {
                if (typeof l !== 'object' ||
                    l === null ||
                    !Array.isArray(l.v) ||
                    !Array.isArray(l.c) ||
                    l.v.length !== l.c.length)
                    return p.add(`${at}: leaf ${k} must have lists v and c of equal length`);
                if (!l.c.every((x) => isIntIn(x, 1, Number.MAX_SAFE_INTEGER)) ||
                    !isIntIn(l.m, 0, Number.MAX_SAFE_INTEGER))
                    return p.add(`${at}: leaf ${k} counts must be whole numbers`);
                if (l.v.length === 0 && l.m === 0)
                    p.add(`${at}: leaf ${k} is empty`);
                if (numeric
                    ? !l.v.every((x) => typeof x === 'number' && Number.isFinite(x))
                    : !l.v.every((x) => isIntIn(x, 0, K - 1)))
                    p.add(`${at}: leaf ${k} holds values outside the column's domain`);
            });
        if (d.features !== undefined &&
            (!Array.isArray(d.features) || !d.features.every((f) => isIntIn(f, 0, nFeatures - 1))))
            p.add(`${at}.features must list features before it`);
        const allowed = Array.isArray(d.features) ? new Set(d.features) : null;
        const t2 = d.tree;
        if (t2 === null) {
            if (Array.isArray(d.leaves) && d.leaves.length !== 1)
                p.add(`${at}: a target without a tree has one leaf`);
        }
        else if (typeof t2 !== 'object' || !Array.isArray(t2.feature))
            p.add(`${at}.tree must be an object or null`);
        else {
            const nn = t2.feature.length;
            const keys = ['threshold', 'defaultLeft', 'catStart', 'left', 'right', 'leaf'];
            if (keys.some((k) => !Array.isArray(t2[k]) || t2[k].length !== nn) || !Array.isArray(t2.catMask))
                p.add(`${at}.tree lists must all have ${nn} entries`);
            else
                for (let v = 0; v < nn; v++) {
                    const f = t2.feature[v];
                    if (!isIntIn(f, -1, nFeatures - 1) || (f >= 0 && allowed && !allowed.has(f))) {
                        p.add(`${at}: node ${v} splits on feature ${f}, not one of the ${nFeatures} features before it`);
                        break;
                    }
                    if (f < 0) {
                        if (!isIntIn(t2.leaf[v], 0, (d.leaves?.length ?? 0) - 1)) {
                            p.add(`${at}: leaf node ${v} points to no leaf`);
                            break;
                        }
                        continue;
                    }
                    if (!isIntIn(t2.left[v], v + 1, nn - 1) || !isIntIn(t2.right[v], v + 1, nn - 1)) {
                        p.add(`${at}: node ${v} has children out of range`);
                        break;
                    }
                    const cs = t2.catStart[v];
                    if (cs >= 0 &&
                        (!isIntIn(cs, 0, t2.catMask.length - nBinsOf(all[f])) || isNumericKind(all[f].kind))) {
                        p.add(`${at}: node ${v} has an invalid category split`);
                        break;
                    }
                    if (cs < 0 && !Number.isInteger(t2.threshold[v])) {
                        p.add(`${at}: node ${v} threshold must be a whole number`);
                        break;
                    }
                }
        }
        all.push(d);
    });
    p.throwIfAny(`${where} is invalid:`);
    return new TreeChain(json);
}
//# sourceMappingURL=chain.js.map