/** Distance between row i of `a` and row j of `b` (same space), in [0, 1]. */
export function distance(a, i, b, j) {
    const nn = a.nNum, nc = a.nCat;
    let s = 0;
    for (let k = 0; k < nc; k++)
        if (a.cat[i * nc + k] !== b.cat[j * nc + k])
            s += 1;
    for (let k = 0; k < nn; k++) {
        const x = a.num[i * nn + k], y = b.num[j * nn + k];
        let d = x - y;
        if (d !== d)
            d = x !== x && y !== y ? 0 : 1;
        else if (d < 0)
            d = -d;
        s += d > 1 ? 1 : d;
    }
    const p = nn + nc;
    return p ? s / p : 0;
}
/** Lexicographic comparison of categorical row a of `x` with row b of `y` (same nCat). */
function cmpCat(x, a, y, b, nc) {
    for (let k = 0; k < nc; k++) {
        const d = x[a * nc + k] - y[b * nc + k];
        if (d !== 0)
            return d;
    }
    return 0;
}
/**
 * Categorical codes packed four to a 32-bit word (one byte each, missing = 255) when every code is below 255, so
 * the kernel counts mismatches of four features with a few integer operations (SWAR: a byte of a XOR b is
 * non-zero iff the codes differ). Returns null when some feature has 255 or more categories.
 */
export function packCategories(e) {
    const nc = e.nCat;
    const nw = (nc + 3) >> 2;
    const out = new Uint32Array(e.n * nw);
    for (let i = 0; i < e.n; i++) {
        for (let k = 0; k < nc; k++) {
            const c = e.cat[i * nc + k];
            if (c >= 255)
                return null;
            const b = c < 0 ? 255 : c;
            out[i * nw + (k >> 2)] |= b << ((k & 3) * 8);
        }
    }
    return out;
}
/** Number of non-zero bytes of a 32-bit word. */
function nonZeroBytes(x) {
    let t = ((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x;
    t = (t >>> 7) & 0x01010101;
    return Math.imul(t, 0x01010101) >>> 24;
}
/** Comparison of packed row a of `x` with packed row b of `y`, word by word (a total order on tuples). */
function cmpPacked(x, a, y, b, nw) {
    for (let w = 0; w < nw; w++) {
        const d = x[a * nw + w] - y[b * nw + w];
        if (d !== 0)
            return d;
    }
    return 0;
}
export function sortCandidates(c) {
    const nc = c.nCat, nn = c.nNum;
    const nw = (nc + 3) >> 2;
    const packedIn = nc > 0 ? packCategories(c) : null;
    const idx = Array.from({ length: c.n }, (_, i) => i);
    // any total order on categorical tuples puts equal tuples next to each other, which is all the search needs
    if (packedIn)
        idx.sort((a, b) => cmpPacked(packedIn, a, packedIn, b, nw) || a - b);
    else if (nc > 0)
        idx.sort((a, b) => cmpCat(c.cat, a, c.cat, b, nc) || a - b);
    const order = Int32Array.from(idx);
    const num = new Float64Array(c.n * nn);
    const cat = new Int32Array(c.n * nc);
    const packed = packedIn ? new Uint32Array(c.n * nw) : null;
    for (let t = 0; t < c.n; t++) {
        const i = order[t];
        num.set(c.num.subarray(i * nn, (i + 1) * nn), t * nn);
        cat.set(c.cat.subarray(i * nc, (i + 1) * nc), t * nc);
        if (packed)
            packed.set(packedIn.subarray(i * nw, (i + 1) * nw), t * nw);
    }
    const rows = { n: c.n, nNum: nn, nCat: nc, num, cat, numCols: [], catCols: [] };
    let runEnd = null;
    let runEnd2 = null;
    if (packed) {
        runEnd = new Int32Array(c.n);
        runEnd2 = new Int32Array(c.n);
        for (let t = c.n - 1; t >= 0; t--) {
            const same0 = t + 1 < c.n && packed[(t + 1) * nw] === packed[t * nw];
            runEnd[t] = same0 ? runEnd[t + 1] : t + 1;
            const same1 = same0 && (nw < 2 || packed[(t + 1) * nw + 1] === packed[t * nw + 1]);
            runEnd2[t] = same1 ? runEnd2[t + 1] : t + 1;
        }
    }
    return { rows, order, packed, runEnd, runEnd2 };
}
/**
 * For every query row, the nearest and second-nearest candidate rows. Exact: d1 and d2 equal brute force; among
 * candidates tied at d1, `i1` is the first met, or one drawn uniformly at random when `opts.rng` is given.
 *
 * Search order: candidates are sorted by categorical tuple once; each query starts scanning at the first candidate
 * with its own tuple (binary search) and wraps around, so its best distances are small after a few rows, and the
 * categorical comparison then stops at the first mismatch count above the second-best (exact partial-distance
 * pruning). Queries are visited in tuple order too, so consecutive scans touch the same memory.
 */
export function nearestTwo(queries, candidates, opts = {}) {
    const sorted = 'order' in candidates ? candidates : sortCandidates(candidates);
    const c = sorted.rows;
    const order = sorted.order;
    const from = opts.from ?? 0;
    const to = opts.to ?? queries.n;
    const m = to - from;
    const nn = queries.nNum, nc = queries.nCat;
    const p = nn + nc;
    const qn = queries.num, qc = queries.cat, cn = c.num, cc = c.cat;
    const b1 = new Float64Array(m);
    const b2 = new Float64Array(m);
    const i1 = new Int32Array(m);
    const excludeSelf = !!opts.excludeSelf;
    const nCand = c.n;
    const nw = (nc + 3) >> 2;
    const cp = sorted.packed;
    const runEnd = sorted.runEnd;
    const runEnd2 = sorted.runEnd2;
    const qp = cp !== null && runEnd !== null && nc > 0 ? packCategories(queries) : null;
    // visit queries in tuple order for locality
    const qIdx = Array.from({ length: m }, (_, r) => from + r);
    if (qp !== null)
        qIdx.sort((a, b) => cmpPacked(qp, a, qp, b, nw) || a - b);
    else if (nc > 0)
        qIdx.sort((a, b) => cmpCat(qc, a, qc, b, nc) || a - b);
    const rng = opts.rng;
    for (const q of qIdx) {
        const r = q - from;
        let best1 = Infinity, best2 = Infinity, arg = -1, ties = 0;
        // first candidate whose tuple is >= the query's
        let lo = 0, hi = nCand;
        if (qp !== null) {
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (cmpPacked(cp, mid, qp, q, nw) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
        }
        else if (nc > 0) {
            while (lo < hi) {
                const mid = (lo + hi) >>> 1;
                if (cmpCat(cc, mid, qc, q, nc) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
        }
        const start = lo === nCand ? 0 : lo;
        const qcb = q * nc, qnb = q * nn, qwb = q * nw;
        // scan [start, nCand) then [0, start)
        for (let seg = 0; seg < 2; seg++) {
            const segEnd = seg === 0 ? nCand : start;
            for (let j = seg === 0 ? start : 0; j < segEnd; j++) {
                if (excludeSelf && order[j] === q)
                    continue;
                let s = 0;
                if (qp !== null) {
                    const wb = j * nw;
                    const x0 = qp[qwb] ^ cp[wb];
                    if (x0 !== 0) {
                        s = nonZeroBytes(x0);
                        if (s > best2) {
                            // every row of this run shares the first word, so none can come closer: skip the run
                            const e = runEnd[j];
                            j = (e < segEnd ? e : segEnd) - 1;
                            continue;
                        }
                    }
                    if (nw > 1) {
                        const x1 = qp[qwb + 1] ^ cp[wb + 1];
                        if (x1 !== 0) {
                            s += nonZeroBytes(x1);
                            if (s > best2) {
                                // the same for the run sharing the first two words
                                const e = runEnd2[j];
                                j = (e < segEnd ? e : segEnd) - 1;
                                continue;
                            }
                        }
                    }
                    for (let w = 2; w < nw; w++) {
                        const x = qp[qwb + w] ^ cp[wb + w];
                        if (x !== 0) {
                            s += nonZeroBytes(x);
                            if (s > best2)
                                break;
                        }
                    }
                }
                else {
                    const cb = j * nc;
                    for (let k = 0; k < nc; k++) {
                        if (qc[qcb + k] !== cc[cb + k]) {
                            s += 1;
                            if (s > best2)
                                break;
                        }
                    }
                }
                if (s > best2)
                    continue;
                const nb = j * nn;
                for (let k = 0; k < nn; k++) {
                    const x = qn[qnb + k], y = cn[nb + k];
                    let d = x - y;
                    if (d !== d)
                        d = x !== x && y !== y ? 0 : 1;
                    else if (d < 0)
                        d = -d;
                    s += d > 1 ? 1 : d;
                }
                if (s < best2) {
                    if (s < best1) {
                        best2 = best1;
                        best1 = s;
                        arg = order[j];
                        ties = 1;
                    }
                    else {
                        best2 = s;
                        // s === best1: a tie for the nearest; reservoir-sample which one is reported
                        if (s === best1 && rng && rng.int(++ties) === 0)
                            arg = order[j];
                    }
                }
                else if (s === best1 && rng && rng.int(++ties) === 0)
                    arg = order[j];
            }
        }
        const inv = p > 0 ? 1 / p : 0;
        b1[r] = best1 * inv;
        b2[r] = best2 * inv;
        i1[r] = arg;
    }
    return { d1: b1, d2: b2, i1 };
}
//# sourceMappingURL=neighbors.js.map