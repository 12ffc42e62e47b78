import { ProblemList } from '../../errors.js';
import { estimateModel } from '../../pgm/estimate.js';
import { compressionClasses, encodeRegions, modelZeros } from '../structural-zeros.js';
import { planBudget } from '../../privacy/budget.js';
import { loadMarginalModel, marginalModel, measureMarginals, MergedCounts, numberOption, startCountFit, startMarginalFit, } from '../marginal/index.js';
import { defineSynthesizer } from '../registry.js';
import { mstInfo } from './info.js';
import { compressDomains, selectSpanningTree } from './tree.js';
/**
 * `mst` — McKenna, Miklau & Sheldon 2021, "Winning the NIST Contest: A scalable and general approach to
 * differentially private synthetic data" (J. Privacy and Confidentiality 11(3)); the algorithm of private-pgm's
 * `mechanisms/mst.py`.
 *
 * 1. ρ/3: every 1-way marginal, discrete Gaussian noise (each σ² = 3d/(2ρ)). Cells whose noisy count is below 3σ
 *    are merged into one (domain compression; the merged cell's measurement has σ√k).
 * 2. ρ/3: a maximum spanning tree over the attributes, built by d−1 exponential-mechanism picks (each ε with
 *    ε²/8 = ρ/(3(d−1))) among the pairs joining two components, scored by ‖x_ab − x̂_ab‖₁ where x̂ is the
 *    independent model estimated from step 1 (score sensitivity 1).
 * 3. ρ/3: the d−1 chosen 2-way marginals, discrete Gaussian noise.
 * 4. Private-PGM estimation from all measurements (post-processing), then sampling along the tree.
 *
 * Guarantee: ρ-zCDP with ρ the largest that the ledger converts to the requested (ε, δ) (tight conversion), so
 * (ε, δ)-DP under add/remove-one-row neighbours; every step is in the model's ledger. Sensitivity: each marginal
 * count vector has L2 sensitivity 1. Domains must be public or DP-released (DESIGN.md rule 5).
 * Runtime: O(n·d²) counting for the 2-way scores, O(iters × Σ tree cells) estimation; seconds on Adult.
 * Options: `iters` (mirror-descent iterations, default 2000), `bins` (default 32), `maxExactIntegers` (128),
 * `compress` (default true). δ defaults to privacy/'s DEFAULT_DELTA (1e-9).
 */
export const mst = defineSynthesizer(mstInfo, {
    fit: (table, schema, opts = {}) => fitMst(opts, () => startMarginalFit(table, schema, opts, 'mst')),
    fitCounts: (rows, schema, opts = {}) => fitMst(opts, () => startCountFit(rows, schema, opts, 'mst')),
    load(file) {
        return loadMarginalModel(file, 'mst');
    },
});
/** The fit, from a start over a table or over rows counted where they live. */
async function fitMst(opts, start) {
    const o = opts.options ?? {};
    const p = new ProblemList();
    const iters = numberOption(o, 'iters', 2000, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1', p);
    if (o.compress !== undefined && typeof o.compress !== 'boolean')
        p.add('option compress must be true or false');
    p.throwIfAny('mst: invalid options:', 'usage');
    const compress = o.compress !== false;
    const fit = await start();
    const { ledger, rng, names, source } = fit;
    const progress = opts.onProgress ?? (() => { });
    const d = fit.encoding.sizes.length;
    // the budget split: a third each for the 1-way marginals, the tree selection and the tree's 2-way marginals
    const plan = planBudget(ledger, d > 1
        ? [
            { name: '1-way marginals', mechanism: 'gaussian', count: d, weight: 1 / d },
            { name: 'spanning-tree selection', mechanism: 'exponential', count: d - 1, weight: 1 / (d - 1) },
            { name: '2-way marginals', mechanism: 'gaussian', count: d - 1, weight: 1 / (d - 1) },
        ]
        : [{ name: '1-way marginals', mechanism: 'gaussian', count: d, weight: 1 }]);
    // 1. one-way marginals (every pair hinted: a source that scans counts them in the same pass, for step 2)
    progress({ phase: 'measure', message: '1-way marginals' });
    if (d > 1) {
        const pairs = [];
        for (let a = 0; a < d; a++)
            for (let b = a + 1; b < d; b++)
                pairs.push([a, b]);
        source.prefetch?.(pairs);
    }
    const oneway = await measureMarginals(source, Array.from({ length: d }, (_, a) => [a]), { rho: plan.rhoOf('1-way marginals') }, ledger, rng, names);
    // domain compression (post-processing of the 1-way measurements)
    // structural zeros of the public rules (FitOptions.forbidden): merged codes stay within a zero's classes
    const regions = encodeRegions(opts.forbidden, names, fit.encoding.discretizers);
    const { compression, sizes, measurements } = compressDomains(oneway, compress, compressionClasses(regions, fit.encoding.sizes));
    const compressed = new MergedCounts(source, compression, sizes);
    if (d > 1) {
        // 2. select a spanning tree with the exponential mechanism
        progress({ phase: 'select', message: 'spanning tree' });
        const chosen = await selectSpanningTree(compressed, measurements, plan.epsilonOf('spanning-tree selection'), ledger, rng, names);
        // 3. measure the chosen pairs
        progress({ phase: 'measure', message: '2-way marginals' });
        measurements.push(...(await measureMarginals(compressed, chosen, { rho: plan.rhoOf('2-way marginals') }, ledger, rng, names)));
    }
    // 4. estimate (post-processing)
    progress({ phase: 'estimate', total: iters });
    const { model } = estimateModel(sizes, measurements, {
        iters,
        zeros: modelZeros(regions, sizes, compression),
        onIteration: (i) => {
            if (i % 100 === 0)
                progress({ phase: 'estimate', done: i, total: iters });
        },
    });
    return marginalModel('mst', fit, model, compression);
}
//# sourceMappingURL=index.js.map