import { cellCount, transposeValues } from './factor.js';
import { LookalikeError } from '../errors.js';
/**
 * Draw `n` records from a graphical model, as one Int32Array of codes per attribute (attribute a's codes in
 * 0..sizes[a]-1). Forward sampling along the junction tree (cliques in BFS order): the root clique's cells are
 * drawn from its belief, then each clique's new attributes from its belief conditioned on the separator values
 * already drawn — exact, because a calibrated junction tree factorises p as Π μ_C / Π μ_S.
 *
 * - `iid`: every record independently (a cumulative table per separator value, binary search per record).
 * - `systematic` (default): the records sharing a separator value are given their conditional distribution by
 *   systematic sampling (one uniform offset, then evenly spaced quantiles) and shuffled — every record still has
 *   exactly the model's distribution, but the counts of each group stay within 1 of their expectation, which
 *   removes most sampling noise from the released table's marginals (private-pgm's `synthetic_data` rounds counts
 *   for the same reason).
 *
 * Runtime O(Σ cells + n × cliques) for systematic, O(Σ cells + n × Σ log cells) for iid; randomness only from `rng`.
 */
export function sampleCodes(model, n, rng, method = 'systematic', evidence) {
    const B = evidence ? conditionalBeliefs(model, evidence) : model.beliefs();
    if (!B)
        throw new LookalikeError('the model gives the conditions probability 0; no row can satisfy them', [], 'input');
    return sampleFromBeliefs(model, B, n, rng, method);
}
/**
 * Calibrated beliefs of the model given evidence (Koller & Friedman 2009, §10.3: evidence enters as indicator
 * factors multiplied into one clique holding each attribute, then one calibration): every clique belief is then
 * proportional to the joint of its attributes and the evidence, so forward sampling from them draws from
 * p(x | evidence) exactly. Returns null when the model gives the evidence probability 0. Cost: one calibration,
 * O(Σ cells × (1 + degree)). Post-processing: it reads the model only.
 */
export function conditionalBeliefs(model, evidence) {
    const jt = model.jt;
    const pots = model.treePotentials(model.potentials);
    evidence.forEach((w, a) => {
        if (!w)
            return;
        if (w.length !== model.sizes[a])
            throw new LookalikeError(`evidence for attribute ${a}: ${w.length} weights for ${model.sizes[a]} codes`, [], 'internal');
        const c = jt.cliques.findIndex((cl) => cl.includes(a));
        const map = model.plan.map(c, [a]);
        const t = pots[c];
        for (let i = 0; i < t.length; i++) {
            const x = w[map[i]];
            t[i] = x > 0 ? t[i] + Math.log(x) : -Infinity;
        }
    });
    // a clique whose every cell is excluded: the evidence is impossible
    for (const t of pots)
        if (!t.some((v) => v > -Infinity))
            return null;
    const B = model.plan.calibrate(pots, model.total);
    for (const b of B) {
        let s = 0;
        for (let i = 0; i < b.length; i++)
            s += b[i];
        if (!(s > 0) || !Number.isFinite(s))
            return null;
    }
    return B;
}
/** Forward sampling from calibrated beliefs (the model's own, or `conditionalBeliefs`). */
export function sampleFromBeliefs(model, B, n, rng, method = 'systematic') {
    const jt = model.jt;
    const sizes = model.sizes;
    const codes = sizes.map(() => new Int32Array(n));
    for (let c = 0; c < jt.cliques.length; c++) {
        const clique = jt.cliques[c];
        const S = jt.separators[c];
        const F = clique.filter((a) => !S.includes(a));
        const T = transposeValues({ attrs: clique, shape: jt.shapes[c], values: B[c] }, [...S, ...F]);
        const sepShape = S.map((a) => sizes[a]);
        const freeShape = F.map((a) => sizes[a]);
        const sepCells = cellCount(sepShape);
        const freeCells = cellCount(freeShape);
        // separator value of every record
        const sIdx = new Int32Array(n);
        let stride = 1;
        for (let j = S.length - 1; j >= 0; j--) {
            const col = codes[S[j]];
            for (let r = 0; r < n; r++)
                sIdx[r] += col[r] * stride;
            stride *= sepShape[j];
        }
        // cumulative sums within each separator row; an all-zero row (a separator value of tiny probability met by
        // rounding) falls back to uniform
        for (let s = 0; s < sepCells; s++) {
            const o = s * freeCells;
            let acc = 0;
            for (let f = 0; f < freeCells; f++) {
                const v = T[o + f];
                acc += v > 0 ? v : 0;
                T[o + f] = acc;
            }
            if (!(acc > 0))
                for (let f = 0; f < freeCells; f++)
                    T[o + f] = f + 1;
        }
        const fIdx = new Int32Array(n);
        if (method === 'iid') {
            for (let r = 0; r < n; r++) {
                const o = sIdx[r] * freeCells;
                fIdx[r] = search(T, o, freeCells, rng.float() * T[o + freeCells - 1]);
            }
        }
        else {
            // counting sort of records by separator value
            const start = new Int32Array(sepCells + 1);
            for (let r = 0; r < n; r++)
                start[sIdx[r] + 1]++;
            for (let s = 0; s < sepCells; s++)
                start[s + 1] += start[s];
            const pos = start.slice(0, sepCells);
            const rows = new Int32Array(n);
            for (let r = 0; r < n; r++)
                rows[pos[sIdx[r]]++] = r;
            for (let s = 0; s < sepCells; s++) {
                const a = start[s];
                const m = start[s + 1] - a;
                if (m === 0)
                    continue;
                const o = s * freeCells;
                const tot = T[o + freeCells - 1];
                const u = rng.float();
                // shuffle the group's records, then hand out evenly spaced quantiles in order
                for (let i = m - 1; i > 0; i--) {
                    const j = rng.int(i + 1);
                    const t = rows[a + i];
                    rows[a + i] = rows[a + j];
                    rows[a + j] = t;
                }
                let f = 0;
                for (let i = 0; i < m; i++) {
                    const target = ((u + i) / m) * tot;
                    while (f < freeCells - 1 && T[o + f] <= target)
                        f++;
                    fIdx[rows[a + i]] = f;
                }
            }
        }
        // decode free cells into the new attributes' codes
        let fs = 1;
        for (let j = F.length - 1; j >= 0; j--) {
            const col = codes[F[j]];
            const size = freeShape[j];
            for (let r = 0; r < n; r++)
                col[r] = Math.floor(fIdx[r] / fs) % size;
            fs *= size;
        }
    }
    return codes;
}
/** Smallest f in [0, len) with cum[o + f] > x (cum non-decreasing). */
function search(cum, o, len, x) {
    let lo = 0;
    let hi = len - 1;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cum[o + mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}
//# sourceMappingURL=sample.js.map