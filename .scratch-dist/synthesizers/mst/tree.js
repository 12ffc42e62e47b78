import { estimateModel } from '../../pgm/estimate.js';
import { exponentialMechanism } from '../../privacy/mechanisms.js';
/**
 * MST's selection step (McKenna, Miklau & Sheldon 2021, Algorithm 1 step 2): a maximum spanning tree over the d
 * attributes of `source`, built by d−1 exponential-mechanism picks (each at `epsilon`, score sensitivity 1, charged
 * to `ledger`) among the pairs that join two components. A pair (a, b) scores ‖x_ab − x̂_ab‖₁, x̂ the independent
 * model estimated from the noisy 1-way `oneWay` measurements (post-processing). Returns the chosen pairs in order.
 * Shared by `mst` and the federated site measurement (`synthesizers/federated`).
 */
export async function selectSpanningTree(source, oneWay, epsilon, ledger, rng, names) {
    const sizes = source.sizes;
    const d = sizes.length;
    const indep = estimateModel(sizes, oneWay, { iters: 200 }).model;
    const one = Array.from({ length: d }, (_, a) => indep.marginal([a]));
    const total = indep.total;
    const pairs = [];
    for (let a = 0; a < d; a++)
        for (let b = a + 1; b < d; b++)
            pairs.push([a, b]);
    const tables = await source.counts(pairs);
    const scores = pairs.map(([a, b], i) => {
        const x = tables[i];
        const ya = one[a];
        const yb = one[b];
        let err = 0;
        for (let i = 0; i < sizes[a]; i++)
            for (let j = 0; j < sizes[b]; j++)
                err += Math.abs(x[i * sizes[b] + j] - (ya[i] * yb[j]) / total);
        return err;
    });
    const uf = Array.from({ length: d }, (_, i) => i);
    const find = (x) => (uf[x] === x ? x : (uf[x] = find(uf[x])));
    const chosen = [];
    for (let step = 0; step < d - 1; step++) {
        const idx = [];
        for (let i = 0; i < pairs.length; i++)
            if (find(pairs[i][0]) !== find(pairs[i][1]))
                idx.push(i);
        const pick = exponentialMechanism(idx.map((i) => scores[i]), { epsilon, sensitivity: 1 }, ledger, { query: 'select 2-way marginal (spanning tree)', columns: names }, rng);
        const [a, b] = pairs[idx[pick]];
        chosen.push([a, b]);
        uf[find(a)] = find(b);
    }
    return chosen;
}
/**
 * MST's domain compression (post-processing of the noisy 1-way marginals `oneWay`, one per attribute in order):
 * the cells of attribute a whose noisy count is below 3σ are merged into one code (the last; one per class with `classes`), and a's measurement
 * becomes one over the merged domain (the merged cell's σ is σ√k for k cells). With `enabled` false, or when no
 * cell is below 3σ, the attribute is left as it is (null map). Returns the maps, the new domain sizes and the
 * 1-way measurements over them.
 */
export function compressDomains(oneWay, enabled = true, 
/**
 * Per attribute, a class per code (structural-zeros.ts `compressionClasses`): rare codes are merged within their
 * class only, so a merged code never mixes codes a structural zero treats differently. Null: one class.
 */
classes = []) {
    const compression = oneWay.map(() => null);
    const sizes = oneWay.map((m) => m.values.length);
    const measurements = [];
    oneWay.forEach((m, a) => {
        const keep = [];
        for (let k = 0; k < m.values.length; k++)
            if (m.values[k] >= 3 * m.sigma)
                keep.push(k);
        if (!enabled || keep.length === m.values.length) {
            measurements.push(m);
            return;
        }
        const cls = classes[a] ?? null;
        const map = new Int32Array(m.values.length).fill(-1);
        keep.forEach((k, i) => (map[k] = i));
        // one merged code per class of rare codes, numbered after the kept ones in order of first appearance
        const mergedOf = new Map();
        for (let k = 0; k < m.values.length; k++) {
            if (map[k] >= 0)
                continue;
            const c = cls ? cls[k] : 0;
            let code = mergedOf.get(c);
            if (code === undefined)
                mergedOf.set(c, (code = keep.length + mergedOf.size));
            map[k] = code;
        }
        const size = keep.length + mergedOf.size;
        const y = new Float64Array(size);
        const members = new Float64Array(size);
        for (let k = 0; k < m.values.length; k++) {
            y[map[k]] += m.values[k];
            members[map[k]]++;
        }
        const sig = Float64Array.from(members, (c) => m.sigma * Math.sqrt(c));
        compression[a] = map;
        sizes[a] = size;
        measurements.push({ attrs: m.attrs, values: y, sigma: m.sigma, sigmas: sig });
    });
    return { compression, sizes, measurements };
}
//# sourceMappingURL=tree.js.map