class Growable {
    feature = [];
    threshold = [];
    defaultLeft = [];
    catStart = [];
    catMask = [];
    left = [];
    right = [];
    value = [];
    hess = [];
    count = [];
    gain = [];
}
/** Grow one tree on `rows` (row indices into `codes`, any order; the array is permuted). */
export function growTree(binning, codes, nRowsTotal, rows, src, prm, wantLeafOf = false) {
    const K = src.K;
    const S = K + 2;
    const { offsets, nBins, missingBin, isCategorical } = binning;
    const feats = prm.features;
    const nf = feats.length;
    let binsAllowed = 0;
    let maxNb = 0;
    for (let j = 0; j < nf; j++) {
        binsAllowed += nBins[feats[j]];
        if (nBins[feats[j]] > maxNb)
            maxNb = nBins[feats[j]];
    }
    const histLen = binning.totalBins * S;
    const pool = [];
    const acquire = () => {
        const h = pool.pop();
        if (h) {
            h.fill(0);
            return h;
        }
        return new Float64Array(histLen);
    };
    const scratch = new Float64Array(histLen);
    const lam = prm.l2;
    const minLeaf = Math.max(1, prm.minSamplesLeaf);
    const minH = prm.minHessian;
    const minGain = prm.minGain ?? 1e-10;
    const grad = src.mode === 'dense' ? src.grad : null;
    const hessArr = src.mode === 'dense' ? src.hess : src.weight;
    const labels = src.mode === 'class' ? src.labels : null;
    const tmpRows = new Int32Array(rows.length);
    const out = new Growable();
    const leafOf = wantLeafOf ? new Int32Array(nRowsTotal).fill(-1) : null;
    // ordered gradients (LightGBM): the node's g and h gathered once, read sequentially for every feature
    const og = grad !== null && K === 1 ? new Float64Array(rows.length) : null;
    const oh = og !== null && hessArr !== null ? new Float64Array(rows.length) : null;
    const buildHist = (hist, s, e) => {
        if (og !== null) {
            for (let i = s; i < e; i++)
                og[i - s] = grad[rows[i]];
            if (oh !== null)
                for (let i = s; i < e; i++)
                    oh[i - s] = hessArr[rows[i]];
        }
        for (let j = 0; j < nf; j++) {
            const f = feats[j];
            const cf = codes[f];
            const base = offsets[f];
            if (og !== null) {
                if (oh === null) {
                    for (let i = s; i < e; i++) {
                        const o = (base + cf[rows[i]]) * 3;
                        hist[o] += 1;
                        hist[o + 1] += 1;
                        hist[o + 2] += og[i - s];
                    }
                }
                else {
                    for (let i = s; i < e; i++) {
                        const o = (base + cf[rows[i]]) * 3;
                        hist[o] += oh[i - s];
                        hist[o + 1] += 1;
                        hist[o + 2] += og[i - s];
                    }
                }
            }
            else if (labels !== null) {
                for (let i = s; i < e; i++) {
                    const r = rows[i];
                    const o = (base + cf[r]) * S;
                    const w = hessArr === null ? 1 : hessArr[r];
                    hist[o] += w;
                    hist[o + 1] += 1;
                    hist[o + 2 + labels[r]] += w;
                }
            }
            else {
                for (let i = s; i < e; i++) {
                    const r = rows[i];
                    const o = (base + cf[r]) * S;
                    hist[o] += hessArr === null ? 1 : hessArr[r];
                    hist[o + 1] += 1;
                    const go = r * K;
                    for (let k = 0; k < K; k++)
                        hist[o + 2 + k] += grad[go + k];
                }
            }
        }
    };
    const clearHist = (hist, s, e) => {
        for (let j = 0; j < nf; j++) {
            const f = feats[j];
            const cf = codes[f];
            const base = offsets[f];
            for (let i = s; i < e; i++) {
                const o = (base + cf[rows[i]]) * S;
                for (let k = 0; k < S; k++)
                    hist[o + k] = 0;
            }
        }
    };
    const subtract = (parent, child) => {
        for (let j = 0; j < nf; j++) {
            const f = feats[j];
            const a = offsets[f] * S;
            const b = a + nBins[f] * S;
            for (let x = a; x < b; x++)
                parent[x] -= child[x];
        }
    };
    // channels that can be non-zero at the current node: all of them, except in class mode, where a class absent
    // from the node (G_k = 0) is zero in every bin — with many classes this keeps deep nodes cheap
    const active = new Int32Array(K);
    let nAct = K;
    const score = (G, H) => {
        let t = 0;
        for (let a = 0; a < nAct; a++) {
            const g = G[active[a]];
            t += g * g;
        }
        return t / (H + lam);
    };
    // scratch for split search
    const GL = new Float64Array(K);
    const GR = new Float64Array(K);
    const order = new Int32Array(maxNb);
    const keys = new Float64Array(maxNb);
    const featPick = Int32Array.from(feats);
    // the best split so far lives in one preallocated record (no allocation per improvement)
    const bestRec = {
        feature: -1,
        gain: 0,
        threshold: 0,
        defaultLeft: 0,
        mask: null,
        GL: new Float64Array(K),
        HL: 0,
        CL: 0,
    };
    const setBest = (f, gain, t, dl, mask, gl, hl, cl) => {
        bestRec.feature = f;
        bestRec.gain = gain;
        bestRec.threshold = t;
        bestRec.defaultLeft = dl;
        bestRec.mask = mask;
        bestRec.GL.set(gl);
        bestRec.HL = hl;
        bestRec.CL = cl;
        return bestRec;
    };
    const findSplit = (hist, G, H, C) => {
        nAct = 0;
        for (let k = 0; k < K; k++)
            if (labels === null || G[k] !== 0)
                active[nAct++] = k;
        const parentScore = score(G, H);
        let best = null;
        // a candidate beats the best so far by gain; gains equal up to rounding go to the more balanced split (equal
        // Gini gains are common with many pure categories, and balanced splits keep trees shallow)
        let bestBal = -1;
        const better = (gain, cl) => {
            if (!(gain > minGain))
                return false;
            if (best === null)
                return true;
            const tol = 1e-9 * Math.abs(best.gain);
            if (gain > best.gain + tol)
                return true;
            return gain >= best.gain - tol && Math.min(cl, C - cl) > bestBal;
        };
        let nTry = nf;
        if (prm.maxFeatures < nf && prm.rng) {
            nTry = Math.max(1, prm.maxFeatures);
            for (let j = 0; j < nTry; j++) {
                const t = j + prm.rng.int(nf - j);
                const x = featPick[j];
                featPick[j] = featPick[t];
                featPick[t] = x;
            }
        }
        if (prm.untilValid && nTry < nf && prm.rng)
            for (let j = nTry; j < nf; j++) {
                const t = j + prm.rng.int(nf - j);
                const x = featPick[j];
                featPick[j] = featPick[t];
                featPick[t] = x;
            }
        for (let j = 0; j < nf; j++) {
            if (j >= nTry && (best !== null || !prm.untilValid))
                break;
            const f = featPick[j];
            const base = offsets[f];
            if (isCategorical[f]) {
                // non-empty bins (missing included), sorted by G_kk / (H + smooth); with more than two classes a second
                // order groups categories by their majority class (purest first), so that a split can separate groups
                // of classes instead of peeling one category off per level
                let kk = 0;
                if (labels !== null)
                    for (let k = 1; k < K; k++)
                        if (G[k] > G[kk])
                            kk = k;
                const sm = prm.catSmooth;
                const nPass = labels !== null && K > 2 ? 2 : 1;
                for (let pass = 0; pass < nPass; pass++) {
                    let m = 0;
                    for (let b = 0; b < nBins[f]; b++) {
                        const o = (base + b) * S;
                        if (hist[o + 1] > 0) {
                            order[m] = b;
                            if (pass === 0)
                                keys[b] = hist[o + 2 + kk] / (hist[o] + sm);
                            else {
                                let am = active[0];
                                for (let a = 1; a < nAct; a++)
                                    if (hist[o + 2 + active[a]] > hist[o + 2 + am])
                                        am = active[a];
                                keys[b] = am + 0.5 * (1 - hist[o + 2 + am] / hist[o]);
                            }
                            m++;
                        }
                    }
                    if (m < 2)
                        break;
                    const sub = order.subarray(0, m);
                    sub.sort((a, b) => keys[a] - keys[b] || a - b);
                    GL.fill(0);
                    let HL = 0;
                    let CL = 0;
                    for (let t = 0; t < m - 1; t++) {
                        const o = (base + sub[t]) * S;
                        HL += hist[o];
                        CL += hist[o + 1];
                        for (let a = 0; a < nAct; a++)
                            GL[active[a]] += hist[o + 2 + active[a]];
                        const CR = C - CL;
                        if (CR < minLeaf)
                            break;
                        const HR = H - HL;
                        if (CL < minLeaf || HL < minH || HR < minH)
                            continue;
                        for (let a = 0; a < nAct; a++)
                            GR[active[a]] = G[active[a]] - GL[active[a]];
                        const gain = score(GL, HL) + score(GR, HR) - parentScore;
                        if (better(gain, CL)) {
                            const mask = new Uint8Array(nBins[f]);
                            for (let u = 0; u <= t; u++)
                                mask[sub[u]] = 1;
                            best = setBest(f, gain, -1, 0, mask, GL, HL, CL);
                            bestBal = Math.min(CL, CR);
                        }
                    }
                }
                continue;
            }
            const nv = missingBin[f];
            const mo = (base + nv) * S;
            const Cm = hist[mo + 1];
            for (let dir = Cm > 0 ? 1 : 0; dir >= 0; dir--) {
                // dir 1: missing goes left; dir 0: missing goes right
                let HL = 0;
                let CL = 0;
                if (dir === 1) {
                    HL = hist[mo];
                    CL = Cm;
                    for (let k = 0; k < K; k++)
                        GL[k] = hist[mo + 2 + k];
                    // missing alone on the left, every value right
                    const CR0 = C - CL;
                    const HR0 = H - HL;
                    if (CL >= minLeaf && CR0 >= minLeaf && HL >= minH && HR0 >= minH) {
                        for (let k = 0; k < K; k++)
                            GR[k] = G[k] - GL[k];
                        const gain = score(GL, HL) + score(GR, HR0) - parentScore;
                        if (better(gain, CL)) {
                            best = setBest(f, gain, -1, 1, null, GL, HL, CL);
                            bestBal = Math.min(CL, CR0);
                        }
                    }
                }
                else
                    GL.fill(0);
                for (let t = 0; t < nv - 1; t++) {
                    const o = (base + t) * S;
                    const c = hist[o + 1];
                    if (c === 0)
                        continue;
                    HL += hist[o];
                    CL += c;
                    for (let a = 0; a < nAct; a++)
                        GL[active[a]] += hist[o + 2 + active[a]];
                    const CR = C - CL;
                    if (CR < minLeaf)
                        break;
                    const HR = H - HL;
                    if (CL < minLeaf || HL < minH || HR < minH)
                        continue;
                    for (let a = 0; a < nAct; a++)
                        GR[active[a]] = G[active[a]] - GL[active[a]];
                    const gain = score(GL, HL) + score(GR, HR) - parentScore;
                    if (better(gain, CL)) {
                        const dl = dir === 1 ? 1 : Cm > 0 ? 0 : CL >= CR ? 1 : 0;
                        best = setBest(f, gain, t, dl, null, GL, HL, CL);
                        bestBal = Math.min(CL, CR);
                    }
                }
            }
        }
        return best;
    };
    const newNode = (G, H, C) => {
        const id = out.feature.length;
        out.feature.push(-1);
        out.threshold.push(0);
        out.defaultLeft.push(0);
        out.catStart.push(-1);
        out.left.push(-1);
        out.right.push(-1);
        out.hess.push(H);
        out.count.push(C);
        out.gain.push(0);
        for (let k = 0; k < K; k++)
            out.value.push(G[k] / (H + lam));
        return id;
    };
    // root totals
    const G0 = new Float64Array(K);
    let H0 = 0;
    for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        const w = hessArr === null ? 1 : hessArr[r];
        H0 += w;
        if (labels !== null)
            G0[labels[r]] += w;
        else
            for (let k = 0; k < K; k++)
                G0[k] += grad[r * K + k];
    }
    const rootId = newNode(G0, H0, rows.length);
    const stack = [
        { id: rootId, s: 0, e: rows.length, depth: 0, hist: null, G: G0, H: H0, C: rows.length },
    ];
    const isSmall = (n) => n * nf < binsAllowed;
    while (stack.length) {
        const task = stack.pop();
        const { id, s, e, depth, G, H, C } = task;
        const canSplit = depth < prm.maxDepth && C >= 2 * minLeaf && H >= 2 * minH && nf > 0;
        if (!canSplit) {
            if (task.hist)
                pool.push(task.hist);
            if (leafOf)
                for (let i = s; i < e; i++)
                    leafOf[rows[i]] = id;
            continue;
        }
        let hist = task.hist;
        let inScratch = false;
        if (hist === null) {
            if (isSmall(e - s)) {
                hist = scratch;
                inScratch = true;
            }
            else
                hist = acquire();
            buildHist(hist, s, e);
        }
        const sp = findSplit(hist, G, H, C);
        if (sp === null) {
            if (inScratch)
                clearHist(scratch, s, e);
            else
                pool.push(hist);
            if (leafOf)
                for (let i = s; i < e; i++)
                    leafOf[rows[i]] = id;
            continue;
        }
        // partition rows [s, e) stably: left then right
        const f = sp.feature;
        const cf = codes[f];
        let nl = 0;
        let nr = 0;
        const mb = missingBin[f];
        for (let i = s; i < e; i++) {
            const r = rows[i];
            const b = cf[r];
            const goLeft = sp.mask !== null ? sp.mask[b] === 1 : b === mb ? sp.defaultLeft === 1 : b <= sp.threshold;
            if (goLeft)
                rows[s + nl++] = r;
            else
                tmpRows[nr++] = r;
        }
        for (let i = 0; i < nr; i++)
            rows[s + nl + i] = tmpRows[i];
        if (inScratch)
            clearHist(scratch, s, e);
        const mid = s + nl;
        const GRt = new Float64Array(K);
        for (let k = 0; k < K; k++)
            GRt[k] = G[k] - sp.GL[k];
        const HR = H - sp.HL;
        const CR = C - sp.CL;
        const GLt = Float64Array.from(sp.GL);
        const lId = newNode(GLt, sp.HL, sp.CL);
        const rId = newNode(GRt, HR, CR);
        out.feature[id] = f;
        out.gain[id] = sp.gain;
        out.left[id] = lId;
        out.right[id] = rId;
        if (sp.mask) {
            out.catStart[id] = out.catMask.length;
            for (let b = 0; b < sp.mask.length; b++)
                out.catMask.push(sp.mask[b]);
        }
        else {
            out.threshold[id] = sp.threshold;
            out.defaultLeft[id] = sp.defaultLeft;
        }
        const leftTask = {
            id: lId,
            s,
            e: mid,
            depth: depth + 1,
            hist: null,
            G: GLt,
            H: sp.HL,
            C: sp.CL,
        };
        const rightTask = { id: rId, s: mid, e, depth: depth + 1, hist: null, G: GRt, H: HR, C: CR };
        const leftSmaller = nl <= nr;
        const larger = leftSmaller ? rightTask : leftTask;
        const smaller = leftSmaller ? leftTask : rightTask;
        if (!inScratch && (larger.e - larger.s) * nf > binsAllowed * S && depth + 1 < prm.maxDepth) {
            const hs = acquire();
            buildHist(hs, smaller.s, smaller.e);
            subtract(hist, hs);
            smaller.hist = hs;
            larger.hist = hist;
        }
        else if (!inScratch)
            pool.push(hist);
        stack.push(larger, smaller);
    }
    const tree = {
        K,
        feature: Int32Array.from(out.feature),
        threshold: Int32Array.from(out.threshold),
        defaultLeft: Uint8Array.from(out.defaultLeft),
        catStart: Int32Array.from(out.catStart),
        catMask: Uint8Array.from(out.catMask),
        left: Int32Array.from(out.left),
        right: Int32Array.from(out.right),
        value: Float64Array.from(out.value),
        hess: Float64Array.from(out.hess),
        count: Int32Array.from(out.count),
        gain: Float64Array.from(out.gain),
    };
    return { tree, leafOf };
}
/** The leaf reached by row `r` of `codes`. */
export function leafIndex(tree, codes, missingBin, r) {
    let node = 0;
    const feature = tree.feature;
    for (;;) {
        const f = feature[node];
        if (f < 0)
            return node;
        const b = codes[f][r];
        const cs = tree.catStart[node];
        let goLeft;
        if (cs >= 0)
            goLeft = tree.catMask[cs + b] === 1;
        else if (b === missingBin[f])
            goLeft = tree.defaultLeft[node] === 1;
        else
            goLeft = b <= tree.threshold[node];
        node = goLeft ? tree.left[node] : tree.right[node];
    }
}
/** Leaf per row for all `nRows` rows. */
export function leavesOf(tree, codes, missingBin, nRows) {
    const out = new Int32Array(nRows);
    for (let r = 0; r < nRows; r++)
        out[r] = leafIndex(tree, codes, missingBin, r);
    return out;
}
/** Add each tree's gain to `acc[feature]`. */
export function addGains(tree, acc) {
    for (let i = 0; i < tree.feature.length; i++)
        if (tree.feature[i] >= 0)
            acc[tree.feature[i]] += tree.gain[i];
}
/** Normalise to sum 1 (all zeros stay zeros). */
export function normalise(acc) {
    let t = 0;
    for (let i = 0; i < acc.length; i++)
        t += acc[i];
    if (t > 0)
        for (let i = 0; i < acc.length; i++)
            acc[i] /= t;
    return acc;
}
export function allFeatures(p) {
    const a = new Int32Array(p);
    for (let i = 0; i < p; i++)
        a[i] = i;
    return a;
}
//# sourceMappingURL=tree.js.map