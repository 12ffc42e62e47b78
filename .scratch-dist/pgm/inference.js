import { cellCount, indexMap, isSubset, logProduct, logSumExpTo, sortedAttrs, sumTo } from './factor.js';
/**
 * Belief propagation on a junction tree (Shafer–Shenoy collect / Hugin distribute; Koller & Friedman 2009,
 * ch. 10). The index maps between each clique and its separators are computed once per tree and reused by every
 * calibration — mirror descent calibrates hundreds of times on the same tree.
 */
export class CalibrationPlan {
    jt;
    /** Clique i → its parent separator (index map over clique i's cells). */
    childMaps;
    /** Parent of clique i → separator i (index map over the parent's cells). */
    parentMaps;
    sepCells;
    cache = new Map();
    constructor(jt) {
        this.jt = jt;
        const m = jt.cliques.length;
        this.childMaps = new Array(m);
        this.parentMaps = new Array(m);
        this.sepCells = new Array(m).fill(1);
        for (let i = 1; i < m; i++) {
            const p = jt.parent[i];
            const s = jt.separators[i];
            this.childMaps[i] = indexMap(jt.cliques[i], jt.shapes[i], s);
            this.parentMaps[i] = indexMap(jt.cliques[p], jt.shapes[p], s);
            this.sepCells[i] = cellCount(s.map((a) => jt.sizes[a]));
        }
    }
    /** Cached index map from clique `c`'s cells to the cells of `sub` (⊆ clique c). */
    map(c, sub) {
        const key = `${c}:${sub.join(',')}`;
        let m = this.cache.get(key);
        if (!m) {
            m = indexMap(this.jt.cliques[c], this.jt.shapes[c], sub);
            this.cache.set(key, m);
        }
        return m;
    }
    /**
     * Calibrated clique beliefs in probability space, each summing to `total`, from log potentials over the
     * tree's cliques. Messages are kept in probability space, rescaled to max 1 at every step; each clique's
     * potential is exponentiated once after subtracting its maximum. Runtime O(Σ cells × (1 + degree)).
     * If the potentials are so extreme that a belief underflows entirely, falls back to the log-space reference
     * (`calibrateLog`).
     */
    calibrate(logPotentials, total, out) {
        const jt = this.jt;
        const m = jt.cliques.length;
        const B = out ?? jt.cells.map((n) => new Float64Array(n));
        for (let c = 0; c < m; c++) {
            const t = logPotentials[c];
            const b = B[c];
            let mx = -Infinity;
            for (let i = 0; i < t.length; i++)
                if (t[i] > mx)
                    mx = t[i];
            for (let i = 0; i < t.length; i++)
                b[i] = Math.exp(t[i] - mx);
        }
        const up = new Array(m);
        // collect: leaves to root
        for (let c = m - 1; c >= 1; c--) {
            const msg = new Float64Array(this.sepCells[c]);
            sumTo(B[c], this.childMaps[c], msg);
            rescale(msg);
            up[c] = msg;
            const pm = this.parentMaps[c];
            const bp = B[jt.parent[c]];
            for (let i = 0; i < bp.length; i++)
                bp[i] *= msg[pm[i]];
        }
        // distribute: root to leaves (Hugin: parent's separator marginal / the child's upward message, 0/0 = 0)
        for (let c = 1; c < m; c++) {
            const sep = new Float64Array(this.sepCells[c]);
            sumTo(B[jt.parent[c]], this.parentMaps[c], sep);
            const u = up[c];
            for (let j = 0; j < sep.length; j++)
                sep[j] = u[j] > 0 ? sep[j] / u[j] : 0;
            rescale(sep);
            const cm = this.childMaps[c];
            const bc = B[c];
            for (let i = 0; i < bc.length; i++)
                bc[i] *= sep[cm[i]];
        }
        const sums = new Float64Array(m);
        for (let c = 0; c < m; c++) {
            const b = B[c];
            let s = 0;
            for (let i = 0; i < b.length; i++)
                s += b[i];
            if (!(s > 0) || !Number.isFinite(s))
                return this.calibrateLogInto(logPotentials, total, B);
            sums[c] = s;
        }
        for (let c = 0; c < m; c++) {
            const b = B[c];
            const f = total / sums[c];
            for (let i = 0; i < b.length; i++)
                b[i] *= f;
        }
        return B;
    }
    /**
     * Fallback when probability-space messages underflow (potentials so extreme that a whole clique belief is below
     * 1e-308 relative — met with very noisy measurements late in accelerated estimation): the log-space reference,
     * exponentiated into `out`. Slower (factor algebra), exact.
     */
    calibrateLogInto(logPotentials, total, out) {
        const logB = calibrateLog(this.jt, logPotentials, total);
        for (let c = 0; c < out.length; c++) {
            const v = logB[c].values;
            const b = out[c];
            for (let j = 0; j < b.length; j++)
                b[j] = Math.exp(v[j]);
        }
        return out;
    }
}
function rescale(v) {
    let mx = 0;
    for (let i = 0; i < v.length; i++)
        if (v[i] > mx)
            mx = v[i];
    if (mx > 0 && mx !== 1) {
        const f = 1 / mx;
        for (let i = 0; i < v.length; i++)
            v[i] *= f;
    }
}
/**
 * Reference calibration in log space with factor algebra (slow; for tests): clique log-beliefs normalised to
 * log `total`.
 */
export function calibrateLog(jt, logPotentials, total) {
    const m = jt.cliques.length;
    const pot = jt.cliques.map((c, i) => ({
        attrs: c,
        shape: jt.shapes[i],
        values: logPotentials[i],
    }));
    const up = new Array(m);
    const partial = pot.map((f) => ({ ...f, values: Float64Array.from(f.values) }));
    for (let c = m - 1; c >= 1; c--) {
        up[c] = logSumExpTo(partial[c], jt.separators[c]);
        const p = jt.parent[c];
        partial[p] = logProduct(partial[p], up[c]);
    }
    const belief = new Array(m);
    belief[0] = partial[0];
    for (let c = 1; c < m; c++) {
        const s = logSumExpTo(belief[jt.parent[c]], jt.separators[c]);
        const down = {
            ...s,
            values: s.values.map((v, j) => (v === -Infinity ? -Infinity : v - up[c].values[j])),
        };
        belief[c] = logProduct(partial[c], down);
    }
    return belief.map((b) => {
        let mx = -Infinity;
        for (const v of b.values)
            mx = Math.max(mx, v);
        let s = 0;
        for (const v of b.values)
            s += Math.exp(v - mx);
        const z = mx + Math.log(s) - Math.log(total);
        return { ...b, values: b.values.map((v) => v - z) };
    });
}
/**
 * The marginal (counts summing to `total`) over `attrs` of the distribution whose calibrated clique beliefs are
 * `beliefs`, in the order of sorted attrs. When one clique contains attrs this is one pass over it; otherwise
 * variable elimination over the smallest subtree whose cliques hold attrs, using p = Π μ_C / Π μ_S (the
 * junction-tree factorisation), eliminating the variable whose product is smallest first.
 */
export function marginalFromBeliefs(plan, beliefs, attrs, total, cache) {
    const jt = plan.jt;
    const q = sortedAttrs(attrs);
    const qCells = cellCount(q.map((a) => jt.sizes[a]));
    let host = -1;
    for (let c = 0; c < jt.cliques.length; c++) {
        if (isSubset(q, jt.cliques[c]) && (host < 0 || jt.cells[c] < jt.cells[host]))
            host = c;
    }
    if (host >= 0)
        return sumTo(beliefs[host], plan.map(host, q), new Float64Array(qCells));
    // Steiner subtree of the cliques that hold the query attributes
    const m = jt.cliques.length;
    const needed = new Uint8Array(m);
    // greedy cover of the query attributes: the clique holding most uncovered ones (then the smallest)
    const uncovered = new Set(q);
    while (uncovered.size) {
        let best = -1;
        let bestHits = 0;
        for (let c = 0; c < m; c++) {
            let hits = 0;
            for (const a of jt.cliques[c])
                if (uncovered.has(a))
                    hits++;
            if (hits > bestHits || (hits === bestHits && hits > 0 && jt.cells[c] < jt.cells[best])) {
                best = c;
                bestHits = hits;
            }
        }
        needed[best] = 1;
        for (const a of jt.cliques[best])
            uncovered.delete(a);
    }
    const K = needed.reduce((s, x) => s + x, 0);
    const count = Int32Array.from(needed);
    for (let c = m - 1; c >= 1; c--)
        count[jt.parent[c]] += count[c];
    let lca = 0;
    for (let c = 0; c < m; c++)
        if (count[c] === K)
            lca = c;
    const inTree = [];
    for (let c = 0; c < m; c++)
        if (c === lca || (count[c] >= 1 && count[c] < K))
            inTree.push(c);
    // Each clique is first summed down to the attributes that matter outside it (query attributes and its
    // separators inside the subtree): a variable in one clique only appears in no other factor (running
    // intersection), so it can be summed out there. Then p = Π μ_C / Π μ_S over the small remaining factors.
    const inSet = new Uint8Array(m);
    for (const c of inTree)
        inSet[c] = 1;
    const factors = [];
    for (const c of inTree) {
        const keep = new Set(q.filter((a) => jt.cliques[c].includes(a)));
        if (c !== lca)
            for (const a of jt.separators[c])
                keep.add(a);
        for (const k of jt.children[c])
            if (inSet[k])
                for (const a of jt.separators[k])
                    keep.add(a);
        const r = sortedAttrs(keep);
        const shape = r.map((a) => jt.sizes[a]);
        const key = `${c}|${r.join(',')}|${c === lca ? 1 : 0}`;
        let v = cache?.get(key);
        if (!v) {
            v = reduceClique(plan, beliefs, c, r, shape, c === lca, total);
            cache?.set(key, v);
        }
        factors.push({ attrs: r, shape, values: v });
    }
    const result = eliminateProb(factors, q, jt.sizes);
    for (let i = 0; i < result.values.length; i++)
        result.values[i] *= total;
    return result.values;
}
/** Clique c's belief summed onto r, divided by its parent-separator marginal (or by total at the subtree top). */
function reduceClique(plan, beliefs, c, r, shape, top, total) {
    const jt = plan.jt;
    const v = sumTo(beliefs[c], plan.map(c, r), new Float64Array(cellCount(shape)));
    if (!top) {
        // divide by the separator marginal (a conditional p(rest | S)), 0 where μ_S = 0 (the numerator is 0 too)
        const sv = sumTo(beliefs[c], plan.childMaps[c], new Float64Array(plan.sepCells[c]));
        for (let i = 0; i < sv.length; i++)
            sv[i] = sv[i] > 0 ? 1 / sv[i] : 0;
        const sm = indexMap(r, shape, jt.separators[c]);
        for (let i = 0; i < v.length; i++)
            v[i] *= sv[sm[i]];
    }
    else {
        const inv = 1 / total;
        for (let i = 0; i < v.length; i++)
            v[i] *= inv;
    }
    return v;
}
/**
 * Σ over the attributes not in `out` of the product of `factors` (probability space), in one odometer pass over
 * the cells of the union of their attributes — no intermediate product is materialised.
 */
export function sumProduct(factors, out, sizes) {
    const u = sortedAttrs(factors.flatMap((f) => f.attrs));
    // iteration order is free (strides are looked up per attribute): run the largest attribute as the inner loop
    let big = 0;
    for (let j = 1; j < u.length; j++)
        if (sizes[u[j]] > sizes[u[big]])
            big = j;
    if (u.length)
        u.push(u.splice(big, 1)[0]);
    const k = u.length;
    const shape = new Int32Array(u.map((a) => sizes[a]));
    const n = cellCount([...shape]);
    const nf = factors.length;
    // strides, digit-major: fst[d * nf + f] = stride of union attribute d in factor f (0 when absent)
    const fst = new Int32Array(k * nf);
    factors.forEach((f, fi) => {
        let s = 1;
        for (let j = f.attrs.length - 1; j >= 0; j--) {
            fst[u.indexOf(f.attrs[j]) * nf + fi] = s;
            s *= f.shape[j];
        }
    });
    const ost = new Int32Array(k);
    let os = 1;
    for (let j = out.length - 1; j >= 0; j--) {
        ost[u.indexOf(out[j])] = os;
        os *= sizes[out[j]];
    }
    const res = new Float64Array(os);
    // the last attribute varies fastest: run it as an inner loop, the rest as an odometer
    const last = k - 1;
    const inner = k > 0 ? shape[last] : 1;
    const outer = n / inner;
    const idx = new Int32Array(nf);
    const ctr = new Int32Array(k);
    const oInner = k > 0 ? ost[last] : 0;
    let oi = 0;
    if (nf === 2) {
        const v0 = factors[0].values;
        const v1 = factors[1].values;
        const s0 = k > 0 ? fst[last * 2] : 0;
        const s1 = k > 0 ? fst[last * 2 + 1] : 0;
        for (let o = 0; o < outer; o++) {
            let i0 = idx[0];
            let i1 = idx[1];
            let q = oi;
            for (let t = 0; t < inner; t++) {
                res[q] += v0[i0] * v1[i1];
                i0 += s0;
                i1 += s1;
                q += oInner;
            }
            oi = advance(ctr, shape, last - 1, fst, nf, idx, ost, oi);
        }
    }
    else {
        const vals = factors.map((f) => f.values);
        const sl = new Int32Array(nf);
        for (let f = 0; f < nf; f++)
            sl[f] = k > 0 ? fst[last * nf + f] : 0;
        const cur = new Int32Array(nf);
        for (let o = 0; o < outer; o++) {
            cur.set(idx);
            let q = oi;
            for (let t = 0; t < inner; t++) {
                let p = 1;
                for (let f = 0; f < nf; f++)
                    p *= vals[f][cur[f]];
                res[q] += p;
                for (let f = 0; f < nf; f++)
                    cur[f] += sl[f];
                q += oInner;
            }
            oi = advance(ctr, shape, last - 1, fst, nf, idx, ost, oi);
        }
    }
    return { attrs: [...out], shape: out.map((a) => sizes[a]), values: res };
}
/** Odometer step over digits top..0; updates factor indices and the output index; returns the output index. */
function advance(ctr, shape, top, fst, nf, idx, ost, oi) {
    for (let d = top; d >= 0; d--) {
        if (++ctr[d] < shape[d]) {
            for (let f = 0; f < nf; f++)
                idx[f] += fst[d * nf + f];
            return oi + ost[d];
        }
        ctr[d] = 0;
        const back = shape[d] - 1;
        for (let f = 0; f < nf; f++)
            idx[f] -= back * fst[d * nf + f];
        oi -= back * ost[d];
    }
    return oi;
}
/** Probability-space variable elimination: sum out every attribute not in `keep`, return the product on `keep`. */
export function eliminateProb(factors, keep, sizes) {
    const keepSet = new Set(keep);
    let fs = factors.slice();
    for (;;) {
        const vars = new Set();
        for (const f of fs)
            for (const a of f.attrs)
                if (!keepSet.has(a))
                    vars.add(a);
        if (vars.size === 0)
            break;
        let best = -1;
        let bestCells = Infinity;
        for (const v of vars) {
            const attrs = new Set();
            for (const f of fs)
                if (f.attrs.includes(v))
                    for (const a of f.attrs)
                        attrs.add(a);
            let cells = 1;
            for (const a of attrs)
                cells *= sizes[a];
            if (cells < bestCells) {
                bestCells = cells;
                best = v;
            }
        }
        const touching = fs.filter((f) => f.attrs.includes(best));
        fs = fs.filter((f) => !f.attrs.includes(best));
        const rest = sortedAttrs(touching.flatMap((f) => f.attrs)).filter((a) => a !== best);
        fs.push(sumProduct(touching, rest, sizes));
    }
    const present = new Set(fs.flatMap((f) => f.attrs));
    const missing = keep.filter((a) => !present.has(a));
    if (missing.length)
        throw new Error(`eliminateProb: no factor holds attributes ${missing.join(', ')}`);
    return sumProduct(fs, sortedAttrs(keep), sizes);
}
/** Log-space variable elimination: sum out every attribute not in `keep`, return the product over `keep`. */
export function eliminateTo(factors, keep) {
    const keepSet = new Set(keep);
    let fs = factors.slice();
    for (;;) {
        const vars = new Set();
        for (const f of fs)
            for (const a of f.attrs)
                if (!keepSet.has(a))
                    vars.add(a);
        if (vars.size === 0)
            break;
        let best = -1;
        let bestCells = Infinity;
        for (const v of vars) {
            const attrs = new Map();
            for (const f of fs)
                if (f.attrs.includes(v))
                    f.attrs.forEach((a, i) => attrs.set(a, f.shape[i]));
            let cells = 1;
            for (const s of attrs.values())
                cells *= s;
            if (cells < bestCells) {
                bestCells = cells;
                best = v;
            }
        }
        const touching = fs.filter((f) => f.attrs.includes(best));
        fs = fs.filter((f) => !f.attrs.includes(best));
        let prod = touching[0];
        for (let i = 1; i < touching.length; i++)
            prod = logProduct(prod, touching[i]);
        fs.push(logSumExpTo(prod, prod.attrs.filter((a) => a !== best)));
    }
    let prod = { attrs: [], shape: [], values: new Float64Array(1) };
    for (const f of fs)
        prod = logProduct(prod, f);
    // attributes of keep that no factor mentions are uniform — never happens for queries built from a tree
    const missing = keep.filter((a) => !prod.attrs.includes(a));
    if (missing.length)
        throw new Error(`eliminateTo: no factor holds attributes ${missing.join(', ')}`);
    return prod;
}
//# sourceMappingURL=inference.js.map