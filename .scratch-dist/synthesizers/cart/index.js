import { Table } from '../../table/table.js';
import { Rng } from '../../random/rng.js';
import { LookalikeError, ProblemList } from '../../errors.js';
import { describeConditions, planConditions, rejectionTolerance, sampleGroups, } from '../conditions.js';
import { checkFitInput, checkSampleSize, idStyles, isRecord, modelEnvelope, modelledSpecs, unmodelledColumn, } from '../common.js';
import { makeLearnData } from '../../learn/data.js';
import { numericBin } from '../../learn/data.js';
import { allFeatures, growTree, leafIndex } from '../../learn/tree.js';
import { optionValues } from '../options.js';
import { defineSynthesizer } from '../registry.js';
import { CART_MODEL_NOTE, cartInfo } from './info.js';
/**
 * `cart`: sequential synthesis with classification and regression trees, as synthpop's default method
 * (Nowok, Raab & Dibben 2016, "synthpop: Bespoke Creation of Synthetic Data in R", J. Stat. Softw. 74(11);
 * Reiter 2005, "Using CART to generate partially synthetic public use microdata").
 *
 * Columns are visited in order (the table's, or `order` first and then the rest). The first column is drawn from
 * its observed values; each next column from a tree fitted on the columns before it: a synthetic row is routed
 * down the tree by its already synthesized values and takes an observed value drawn at random from the training
 * rows of the leaf it reaches. Categorical and boolean columns use a Gini classification tree, numeric and datetime
 * columns a squared-error regression tree (with a second channel for "is missing" when the column has missing
 * values). Missing values are an outcome like any other, so missing rates and their dependence are kept.
 * Values drawn are observed values, so integers stay integers and categories stay in their domain; with
 * `smoothing: 'density'` numeric (not datetime) draws get Gaussian noise of the leaf's bandwidth (see `leafStats`),
 * then are clipped to the observed range and rounded for integer columns. Id columns get fresh ids, text columns
 * are written as missing (synthesizers/common.ts).
 *
 * Guarantee: NOT differentially private. The model file stores, in every leaf, the observed values of its training
 * rows (and their counts): it is as sensitive as the data and must not be shared in their place. Without
 * smoothing, synthetic rows can reproduce real rows; measure the privacy risk before release.
 *
 * Defaults follow synthpop's `syn.cart`: at least 5 rows per leaf (`cart.minbucket = 5`; rpart's minsplit is then
 * 15, here any node with ≥ 10 rows may split), depth ≤ 30 (rpart's limit), complexity threshold ≈ 0 (synthpop's
 * `cart.cp = 1e-8`), no smoothing. Splits use the learner's histogram bins (≤ `maxBins` per numeric column)
 * instead of rpart's exact thresholds.
 *
 * Runtime: fit O(p² · n · depth) (p trees on up to p − 1 features); sampling O(n · p · depth). The fit is
 * deterministic (`FitOptions.seed` is not used); sampling is reproducible from `SampleOptions.seed`.
 */
export { CART_MODEL_NOTE };
/** The fit's options with their defaults (checked against `cartInfo.options` by the contract before `fit`). */
function parseOptions(fo, specs) {
    const o = optionValues(cartInfo.options, fo);
    const order = o.order ?? [];
    const rest = specs.map((s) => s.name).filter((n) => !order.includes(n));
    return {
        order: [...order, ...rest],
        minSamplesLeaf: o.minSamplesLeaf,
        maxDepth: o.maxDepth,
        maxBins: o.maxBins,
        smoothing: o.smoothing,
    };
}
/** Bandwidth of Silverman's rule (R's bw.nrd0) over `values` (sorted) weighted by `counts`. */
function nrd0(values, counts) {
    let n = 0;
    let s = 0;
    for (let i = 0; i < values.length; i++) {
        n += counts[i];
        s += values[i] * counts[i];
    }
    if (n < 2)
        return 0;
    const mean = s / n;
    let ss = 0;
    for (let i = 0; i < values.length; i++)
        ss += counts[i] * (values[i] - mean) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    const q = (p) => {
        // type-7 quantile over the expanded sample
        const h = (n - 1) * p;
        const lo = Math.floor(h);
        const at = (k) => {
            let acc = 0;
            for (let i = 0; i < values.length; i++) {
                acc += counts[i];
                if (k < acc)
                    return values[i];
            }
            return values[values.length - 1];
        };
        const a = at(lo);
        return a + (h - lo) * (at(Math.min(n - 1, lo + 1)) - a);
    };
    const iqr = q(0.75) - q(0.25);
    let lo = Math.min(sd, iqr / 1.34);
    if (!(lo > 0))
        lo = sd > 0 ? sd : Math.abs(values[0]) || 1;
    if (!(sd > 0) && !(iqr > 0))
        return 0;
    return 0.9 * lo * Math.pow(n, -0.2);
}
/**
 * Leaf statistics. Smoothing as synthpop's `syn.smooth(smoothing = "density")`: values holding more than 70% of
 * the leaf stay as they are; the others get N(0, bw²) noise, with bw by Silverman's rule (bw.nrd0) over the
 * leaf's other values (synthpop uses the Sheather–Jones bandwidth).
 */
function leafStats(values, smooth) {
    let m = 0;
    const present = [];
    for (let i = 0; i < values.length; i++) {
        if (Number.isNaN(values[i]))
            m++;
        else
            present.push(values[i]);
    }
    present.sort((a, b) => a - b);
    const v = [];
    const c = [];
    for (const x of present) {
        if (v.length && v[v.length - 1] === x)
            c[c.length - 1]++;
        else {
            v.push(x);
            c.push(1);
        }
    }
    const leaf = { v, c, m };
    if (smooth && present.length > 1) {
        let top = 0;
        for (let i = 1; i < c.length; i++)
            if (c[i] > c[top])
                top = i;
        let vv = v;
        let cc = c;
        if (c[top] > 0.7 * present.length) {
            leaf.mode = v[top];
            vv = v.filter((_, i) => i !== top);
            cc = c.filter((_, i) => i !== top);
        }
        const bw = vv.length ? nrd0(vv, cc) : 0;
        if (bw > 0)
            leaf.bw = bw;
    }
    return leaf;
}
function codeLeaf(codes, K) {
    const counts = new Array(K).fill(0);
    let m = 0;
    for (let i = 0; i < codes.length; i++) {
        if (codes[i] < 0)
            m++;
        else
            counts[codes[i]]++;
    }
    const v = [];
    const c = [];
    counts.forEach((x, k) => {
        if (x > 0) {
            v.push(k);
            c.push(x);
        }
    });
    return { v, c, m };
}
function columnNumbers(col) {
    return col.kind === 'numeric' || col.kind === 'datetime' ? col.values : null;
}
function columnCodes(col) {
    if (col.kind === 'categorical')
        return { codes: col.codes, K: col.categories.length };
    return { codes: Int32Array.from(col.values), K: 2 };
}
function treeToJSON(tree, leafOfNode) {
    return {
        feature: Array.from(tree.feature),
        threshold: Array.from(tree.threshold),
        defaultLeft: Array.from(tree.defaultLeft),
        catStart: Array.from(tree.catStart),
        catMask: Array.from(tree.catMask),
        left: Array.from(tree.left),
        right: Array.from(tree.right),
        leaf: Array.from(leafOfNode),
    };
}
async function fitCart(table, schema, fo) {
    checkFitInput(table, schema, 'cart');
    const specs = modelledSpecs(schema);
    const o = parseOptions(fo, specs);
    const n = table.nRows;
    const smooth = o.smoothing === 'density';
    const data = makeLearnData(table, o.order, { maxBins: o.maxBins });
    const columns = [];
    const rowsBuf = new Int32Array(n);
    for (let j = 0; j < o.order.length; j++) {
        fo.onProgress?.({ phase: 'cart', done: j, total: o.order.length, message: o.order[j] });
        const col = table.column(o.order[j]);
        const nums = columnNumbers(col);
        const cp = {
            name: col.name,
            kind: col.kind,
            tree: null,
            leaves: [],
        };
        if (col.kind === 'numeric')
            cp.integer = col.integer;
        if (col.kind === 'datetime')
            cp.format = col.format;
        if (col.kind === 'categorical')
            cp.categories = [...col.categories];
        if (nums) {
            let lo = Infinity;
            let hi = -Infinity;
            for (let i = 0; i < n; i++) {
                const x = nums[i];
                if (x < lo)
                    lo = x;
                if (x > hi)
                    hi = x;
            }
            // an all-missing column has no range (JSON cannot hold ±Infinity)
            cp.min = lo <= hi ? lo : 0;
            cp.max = lo <= hi ? hi : 0;
            const fb = data.binning.features[j];
            cp.edges = fb.kind === 'numeric' ? Array.from(fb.edges) : [];
        }
        const smoothHere = smooth && col.kind === 'numeric';
        if (j === 0) {
            cp.leaves.push(nums ? leafStats(nums, smoothHere) : codeLeaf(columnCodes(col).codes, columnCodes(col).K));
            columns.push(cp);
            continue;
        }
        // the tree for column j on columns 0..j-1
        let src;
        if (nums) {
            let s = 0;
            let s2 = 0;
            let m = 0;
            for (let i = 0; i < n; i++) {
                if (!Number.isNaN(nums[i])) {
                    s += nums[i];
                    s2 += nums[i] * nums[i];
                    m++;
                }
            }
            const mean = m ? s / m : 0;
            const sd = m ? Math.sqrt(Math.max(0, s2 / m - mean * mean)) : 1;
            const inv = sd > 0 ? 1 / sd : 1;
            const hasMissing = m < n;
            const K = hasMissing ? 2 : 1;
            const grad = new Float64Array(n * K);
            for (let i = 0; i < n; i++) {
                const x = nums[i];
                if (Number.isNaN(x))
                    grad[i * K + 1] = 1;
                else
                    grad[i * K] = (x - mean) * inv;
            }
            src = { mode: 'dense', K, grad, hess: null };
        }
        else {
            const { codes, K } = columnCodes(col);
            const labels = new Int32Array(n);
            for (let i = 0; i < n; i++)
                labels[i] = codes[i] < 0 ? K : codes[i];
            src = { mode: 'class', K: K + 1, labels, weight: null };
        }
        for (let i = 0; i < n; i++)
            rowsBuf[i] = i;
        const { tree, leafOf } = growTree(data.binning, data.codes, n, rowsBuf, src, {
            maxDepth: o.maxDepth,
            minSamplesLeaf: o.minSamplesLeaf,
            minHessian: 0,
            l2: 0,
            catSmooth: 0,
            features: allFeatures(j),
            maxFeatures: j,
        }, true);
        // leaves in node order; the rows of each leaf (counting sort by leaf)
        const nNodes = tree.feature.length;
        const leafOfNode = new Int32Array(nNodes).fill(-1);
        let nLeaves = 0;
        for (let v = 0; v < nNodes; v++)
            if (tree.feature[v] < 0)
                leafOfNode[v] = nLeaves++;
        const start = new Int32Array(nLeaves + 1);
        for (let i = 0; i < n; i++)
            start[leafOfNode[leafOf[i]] + 1]++;
        for (let l = 0; l < nLeaves; l++)
            start[l + 1] += start[l];
        const pos = start.slice(0, nLeaves);
        const byLeaf = new Int32Array(n);
        for (let i = 0; i < n; i++)
            byLeaf[pos[leafOfNode[leafOf[i]]]++] = i;
        if (nums) {
            const buf = new Float64Array(n);
            for (let l = 0; l < nLeaves; l++) {
                const k = start[l + 1] - start[l];
                for (let t = 0; t < k; t++)
                    buf[t] = nums[byLeaf[start[l] + t]];
                cp.leaves.push(leafStats(buf.subarray(0, k), smoothHere));
            }
        }
        else {
            const { codes, K } = columnCodes(col);
            for (let l = 0; l < nLeaves; l++) {
                const idx = byLeaf.subarray(start[l], start[l + 1]);
                cp.leaves.push(codeLeaf(Int32Array.from(idx, (r) => codes[r]), K));
            }
        }
        cp.tree = treeToJSON(tree, leafOfNode);
        columns.push(cp);
    }
    fo.onProgress?.({ phase: 'cart', done: o.order.length, total: o.order.length });
    return new CartModel(schema, { ids: idStyles(table, schema), smoothing: o.smoothing, columns });
}
function samplerOf(leaf) {
    const cum = new Float64Array(leaf.v.length + 1);
    cum[0] = leaf.m;
    for (let i = 0; i < leaf.v.length; i++)
        cum[i + 1] = cum[i] + leaf.c[i];
    return { cum, total: cum[leaf.v.length] };
}
/** Index drawn ∝ counts: -1 = missing, else an index into leaf.v. */
function drawIndex(s, rng) {
    const u = rng.int(s.total);
    if (u < s.cum[0])
        return -1;
    let lo = 1;
    let hi = s.cum.length - 1;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (u < s.cum[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo - 1;
}
function nBinsOf(c) {
    if (c.kind === 'numeric' || c.kind === 'datetime')
        return (c.edges?.length ?? 0) + 2;
    if (c.kind === 'categorical')
        return (c.categories?.length ?? 0) + 1;
    return 3;
}
function conditionOf(schema, c, conds) {
    const cond = conds.find((x) => x.column === c.name);
    if (!cond)
        return null;
    const numeric = c.kind === 'numeric' || c.kind === 'datetime';
    const values = cond.oneOf ?? [cond.value];
    let matches;
    if (numeric) {
        const tol = c.integer ? 0 : rejectionTolerance(schema, c.name);
        const vs = values;
        matches = (v) => vs.some((x) => Math.abs(v - x) <= tol);
    }
    else {
        const allowed = new Set();
        for (const v of values) {
            const k = c.kind === 'categorical' ? (c.categories ?? []).indexOf(String(v)) : v;
            if (k >= 0)
                allowed.add(k);
        }
        matches = (k) => allowed.has(k);
    }
    const weight = new Float64Array(c.leaves.length);
    let maxWeight = 0;
    const restricted = [];
    c.leaves.forEach((leaf, l) => {
        let hit = 0;
        let tot = leaf.m;
        const v = [];
        const cnt = [];
        leaf.v.forEach((x, i) => {
            tot += leaf.c[i];
            if (matches(x)) {
                hit += leaf.c[i];
                v.push(x);
                cnt.push(leaf.c[i]);
            }
        });
        weight[l] = tot > 0 ? hit / tot : 0;
        if (weight[l] > maxWeight)
            maxWeight = weight[l];
        restricted.push({ v, c: cnt, m: 0 });
    });
    if (!(maxWeight > 0))
        throw new LookalikeError(`cannot sample with ${describeConditions(conds)}:`, [
            `column "${c.name}": the cart model has not seen the condition value in any leaf (probability 0)`,
        ]);
    if (cond.oneOf && !numeric) {
        // a leaf without an allowed value is never reached by an accepted row; give it a harmless sampler
        const leaves = restricted.map((leaf) => (leaf.v.length ? leaf : { v: [0], c: [1], m: 0 }));
        return { leaves, samplers: leaves.map(samplerOf), weight, maxWeight };
    }
    let value;
    if (numeric)
        value = cond.value;
    else if (c.kind === 'categorical')
        value = (c.categories ?? []).indexOf(String(cond.value));
    else
        value = cond.value;
    return { value, weight, maxWeight };
}
class CartModel {
    schema;
    params;
    synthesizer = 'cart';
    privacy = { type: 'none' };
    trees;
    leafIdx;
    samplers;
    missingBin;
    constructor(schema, params) {
        this.schema = schema;
        this.params = params;
        const cols = params.columns;
        this.missingBin = Int32Array.from(cols, (c) => nBinsOf(c) - 1);
        this.trees = cols.map((c) => c.tree
            ? {
                K: 1,
                feature: Int32Array.from(c.tree.feature),
                threshold: Int32Array.from(c.tree.threshold),
                defaultLeft: Uint8Array.from(c.tree.defaultLeft),
                catStart: Int32Array.from(c.tree.catStart),
                catMask: Uint8Array.from(c.tree.catMask),
                left: Int32Array.from(c.tree.left),
                right: Int32Array.from(c.tree.right),
                value: new Float64Array(0),
                hess: new Float64Array(0),
                count: new Int32Array(0),
                gain: new Float64Array(0),
            }
            : null);
        this.leafIdx = cols.map((c) => (c.tree ? Int32Array.from(c.tree.leaf) : null));
        this.samplers = cols.map((c) => c.leaves.map(samplerOf));
    }
    /**
     * Conditional sampling is native and exact: columns are drawn in visit order; a conditioned column takes its
     * value (or a draw among its allowed values), and when unconditioned columns come before it, the row's prefix is
     * kept with probability P(condition | leaf) / max over leaves — rejection with the model's exact leaf
     * probabilities, so the prefix follows p(prefix | condition). When every conditioned column comes before every
     * unconditioned one (`order` puts them first), nothing is rejected and the cost is that of an unconditional
     * sample. Otherwise the cost grows as 1 / acceptance; at most 100 × n + 1,000 prefixes are drawn, then a
     * LookalikeError names the conditions and suggests refitting with them first in `order`. A float value is
     * matched within 1/100 of the column's range in the leaves (then written exactly), integers and categories
     * exactly.
     */
    sample(n, opts = {}) {
        checkSampleSize(n);
        const plan = planConditions(this.schema, n, opts.conditions);
        if (plan)
            return sampleGroups(this.schema, plan, opts.seed ?? 0, (g, count, seed) => this.draw(count, seed, g.conditions, opts.onProgress));
        return this.draw(n, opts.seed ?? 0, [], opts.onProgress);
    }
    draw(n, seed, conds, onProgress) {
        const rng = new Rng(seed);
        const cols = this.params.columns;
        const p = cols.length;
        const colRng = cols.map(() => rng.fork());
        const accRng = rng.fork();
        const binCodes = cols.map(() => new Uint16Array(n));
        const vals = cols.map((c) => c.kind === 'numeric' || c.kind === 'datetime' ? new Float64Array(n) : null);
        const codes = vals.map((v) => (v ? null : new Int32Array(n)));
        const fixed = cols.map((c) => conditionOf(this.schema, c, conds));
        let last = -1;
        fixed.forEach((f, j) => {
            if (f)
                last = j;
        });
        const drawRows = (j, rows) => {
            onProgress?.({ phase: 'sample', done: j, total: p, message: cols[j].name });
            this.sampleColumn(j, rows, colRng[j], vals[j], codes[j], binCodes, fixed[j]);
        };
        // columns up to the last conditioned one: rejection of prefixes by exact leaf probabilities
        if (last >= 0) {
            const bound = 100 * n + 1000;
            let pending = Int32Array.from({ length: n }, (_, i) => i);
            let drawn = 0;
            while (pending.length) {
                drawn += pending.length;
                if (drawn > bound + pending.length) {
                    throw new LookalikeError(`cart cannot sample ${n} rows with ${describeConditions(conds)} within its bound of ${bound.toLocaleString('en-US')} draws:`, [
                        `the model gives the conditions a small probability given the columns visited before them; refit with the conditioned columns first (option order=${JSON.stringify(conds.map((c) => c.column))}), which makes conditioning cost no more than unconditional sampling`,
                    ]);
                }
                const rejected = [];
                let rows = pending;
                for (let j = 0; j <= last && rows.length; j++) {
                    drawRows(j, rows);
                    const f = fixed[j];
                    if (!f || !this.trees[j])
                        continue; // the first column has one leaf: nothing to reject
                    const tree = this.trees[j];
                    const keep = [];
                    for (const r of rows) {
                        const l = tree ? this.leafIdx[j][leafIndex(tree, binCodes, this.missingBin, r)] : 0;
                        if (accRng.float() * f.maxWeight < f.weight[l])
                            keep.push(r);
                        else
                            rejected.push(r);
                    }
                    rows = Int32Array.from(keep);
                }
                pending = Int32Array.from(rejected);
            }
        }
        const all = Int32Array.from({ length: n }, (_, i) => i);
        for (let j = last + 1; j < p; j++)
            drawRows(j, all);
        const out = new Map();
        cols.forEach((c, j) => {
            let col;
            if (c.kind === 'numeric')
                col = { kind: 'numeric', name: c.name, values: vals[j], integer: c.integer ?? false };
            else if (c.kind === 'datetime')
                col = { kind: 'datetime', name: c.name, values: vals[j], format: c.format ?? 'ISO' };
            else if (c.kind === 'categorical')
                col = { kind: 'categorical', name: c.name, codes: codes[j], categories: c.categories ?? [] };
            else
                col = { kind: 'boolean', name: c.name, values: Int8Array.from(codes[j]) };
            out.set(c.name, col);
        });
        const columns = this.schema.columns.map((spec) => out.get(spec.name) ?? unmodelledColumn(spec, n, this.params.ids));
        return new Table(columns, n);
    }
    /** Draw column j for `rows` (routing each by the bin codes of the columns before it), then bin it. */
    sampleColumn(j, rows, r, vals, codes, binCodes, fixed) {
        const c = this.params.columns[j];
        const tree = this.trees[j];
        const leafIdx = this.leafIdx[j];
        const samplers = fixed?.samplers ?? this.samplers[j];
        const leaves = fixed?.leaves ?? c.leaves;
        const smooth = this.params.smoothing === 'density' && c.kind === 'numeric' && !fixed;
        const lo = c.min ?? -Infinity;
        const hi = c.max ?? Infinity;
        for (const i of rows) {
            const l = tree ? leafIdx[leafIndex(tree, binCodes, this.missingBin, i)] : 0;
            if (fixed?.value !== undefined) {
                if (vals)
                    vals[i] = fixed.value;
                else
                    codes[i] = fixed.value;
                continue;
            }
            const k = drawIndex(samplers[l], r);
            if (vals) {
                if (k < 0)
                    vals[i] = NaN;
                else {
                    const leaf = leaves[l];
                    let x = leaf.v[k];
                    if (smooth && leaf.bw && x !== leaf.mode) {
                        x += leaf.bw * r.normal();
                        x = Math.min(hi, Math.max(lo, x));
                        if (c.integer)
                            x = Math.round(x);
                    }
                    vals[i] = x;
                }
            }
            else
                codes[i] = k < 0 ? -1 : leaves[l].v[k];
        }
        // bin codes of this column, for the trees of the columns after it
        const bc = binCodes[j];
        const miss = this.missingBin[j];
        if (vals) {
            const edges = Float64Array.from(c.edges ?? []);
            for (const i of rows)
                bc[i] = numericBin(edges, vals[i]);
        }
        else
            for (const i of rows)
                bc[i] = codes[i] < 0 ? miss : codes[i];
    }
    toJSON() {
        return modelEnvelope(this.synthesizer, this.schema, this.privacy, this.params);
    }
}
const KINDS = new Set(['numeric', 'datetime', 'categorical', 'boolean']);
function isIntArray(x, lo, hi) {
    return Array.isArray(x) && x.every((v) => Number.isInteger(v) && v >= lo && v <= hi);
}
/** Check a column's parameters; `j` is its position in the visit order. */
function checkColumn(c, j, prev, p) {
    if (!isRecord(c)) {
        p.add(`columns[${j}] must be an object`);
        return;
    }
    const name = typeof c.name === 'string' ? c.name : `columns[${j}]`;
    const at = `column "${name}"`;
    if (typeof c.kind !== 'string' || !KINDS.has(c.kind))
        p.add(`${at}: kind must be numeric, datetime, categorical or boolean`);
    const numeric = c.kind === 'numeric' || c.kind === 'datetime';
    let K = 2;
    if (c.kind === 'categorical') {
        if (!Array.isArray(c.categories) || !c.categories.every((s) => typeof s === 'string'))
            p.add(`${at}: categories must be a list of strings`);
        else
            K = c.categories.length;
    }
    if (numeric) {
        const e = c.edges;
        if (!Array.isArray(e) ||
            !e.every((x, i) => typeof x === 'number' && Number.isFinite(x) && (i === 0 || x > e[i - 1])))
            p.add(`${at}: edges must be increasing finite numbers`);
        if (typeof c.min !== 'number' || typeof c.max !== 'number')
            p.add(`${at}: min and max must be numbers`);
    }
    if (!Array.isArray(c.leaves) || c.leaves.length === 0) {
        p.add(`${at}: leaves must be a non-empty list`);
        return;
    }
    c.leaves.forEach((leaf, l) => {
        if (!isRecord(leaf) ||
            !Array.isArray(leaf.v) ||
            !Array.isArray(leaf.c) ||
            leaf.v.length !== leaf.c.length) {
            p.add(`${at}: leaf ${l} must have lists v and c of equal length`);
            return;
        }
        if (!isIntArray(leaf.c, 0, Number.MAX_SAFE_INTEGER) ||
            !Number.isInteger(leaf.m) ||
            leaf.m < 0) {
            p.add(`${at}: leaf ${l} counts must be whole numbers ≥ 0`);
            return;
        }
        if (leaf.c.reduce((a, b) => a + b, 0) + leaf.m <= 0)
            p.add(`${at}: leaf ${l} is empty`);
        if (numeric
            ? !leaf.v.every((x) => typeof x === 'number' && Number.isFinite(x))
            : !isIntArray(leaf.v, 0, K - 1))
            p.add(`${at}: leaf ${l} holds values outside the column's domain`);
        if (leaf.bw !== undefined && !(typeof leaf.bw === 'number' && leaf.bw >= 0))
            p.add(`${at}: leaf ${l} bandwidth must be ≥ 0`);
    });
    const t = c.tree;
    if (j === 0) {
        if (t !== null)
            p.add(`${at}: the first column has no tree`);
        if (c.leaves.length !== 1)
            p.add(`${at}: the first column has exactly one leaf`);
        return;
    }
    if (!isRecord(t)) {
        p.add(`${at}: tree must be an object`);
        return;
    }
    const keys = ['feature', 'threshold', 'defaultLeft', 'catStart', 'left', 'right', 'leaf'];
    const nn = Array.isArray(t.feature) ? t.feature.length : 0;
    if (nn === 0)
        p.add(`${at}: tree.feature must be a non-empty list`);
    for (const k of keys)
        if (!Array.isArray(t[k]) || t[k].length !== nn)
            p.add(`${at}: tree.${k} must be a list of ${nn} numbers`);
    if (!isIntArray(t.catMask, 0, 1))
        p.add(`${at}: tree.catMask must be a list of 0/1`);
    if (p.size)
        return;
    const f = t.feature;
    const nLeaves = c.leaves.length;
    for (let v = 0; v < nn; v++) {
        const fv = f[v];
        if (!Number.isInteger(fv) || fv < -1 || fv >= j) {
            p.add(`${at}: node ${v} splits on feature ${fv}, not one of the ${j} columns before it`);
            break;
        }
        if (fv < 0) {
            const l = t.leaf[v];
            if (!Number.isInteger(l) || l < 0 || l >= nLeaves) {
                p.add(`${at}: leaf node ${v} points to no leaf`);
                break;
            }
            continue;
        }
        const L = t.left[v];
        const R = t.right[v];
        if (!Number.isInteger(L) || !Number.isInteger(R) || L <= v || R <= v || L >= nn || R >= nn) {
            p.add(`${at}: node ${v} has children out of range (children must come after their parent)`);
            break;
        }
        const cs = t.catStart[v];
        const nb = prev[fv] ? nBinsOf(prev[fv]) : 0;
        if (cs >= 0 && (!Number.isInteger(cs) || cs + nb > t.catMask.length)) {
            p.add(`${at}: node ${v} has a category mask out of range`);
            break;
        }
        if (cs >= 0 && prev[fv] && (prev[fv].kind === 'numeric' || prev[fv].kind === 'datetime')) {
            p.add(`${at}: node ${v} makes a categorical split on a numeric column`);
            break;
        }
        if (cs < 0 && !Number.isInteger(t.threshold[v])) {
            p.add(`${at}: node ${v} threshold must be a whole number`);
            break;
        }
    }
}
export const cartSynthesizer = defineSynthesizer(cartInfo, {
    fit(table, schema, opts = {}) {
        return fitCart(table, schema, opts);
    },
    load(file) {
        const p = new ProblemList();
        const params = file.params;
        if (!isRecord(params) || !Array.isArray(params.columns) || !isRecord(params.ids)) {
            throw new LookalikeError('invalid cart model:', [
                'params must have a "columns" list and an "ids" object',
            ]);
        }
        if (params.smoothing !== 'none' && params.smoothing !== 'density')
            p.add('smoothing must be "none" or "density"');
        const cols = params.columns;
        const modelled = modelledSpecs(file.schema);
        const names = new Set(cols.map((c) => (isRecord(c) ? c.name : undefined)));
        for (const s of modelled)
            if (!names.has(s.name))
                p.add(`column "${s.name}" of the schema has no parameters`);
        if (cols.length !== modelled.length)
            p.add(`${cols.length} modelled columns in params, ${modelled.length} in the schema`);
        for (let j = 0; j < cols.length; j++) {
            const c = cols[j];
            checkColumn(c, j, cols.slice(0, j), p);
            if (isRecord(c) && typeof c.name === 'string') {
                const spec = modelled.find((s) => s.name === c.name);
                if (spec && spec.kind !== c.kind)
                    p.add(`column "${c.name}": kind ${String(c.kind)} does not match the schema (${spec.kind})`);
            }
        }
        p.throwIfAny('invalid cart model:');
        return new CartModel(file.schema, params);
    },
});
//# sourceMappingURL=index.js.map