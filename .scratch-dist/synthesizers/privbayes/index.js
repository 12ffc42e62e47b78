import { ProblemList } from '../../errors.js';
import { estimateModel } from '../../pgm/estimate.js';
import { encodeRegions, modelZeros } from '../structural-zeros.js';
import { cellCount, shapeOf } from '../../pgm/factor.js';
import { exponentialMechanism } from '../../privacy/mechanisms.js';
import { Rng } from '../../random/rng.js';
import { planBudget } from '../../privacy/budget.js';
import { CachedCounts, loadMarginalModel, marginalModel, measureMarginal, measureMarginals, numberOption, startCountFit, startMarginalFit, tableTotal, } from '../marginal/index.js';
import { defineSynthesizer } from '../registry.js';
import { privbayesInfo } from './info.js';
/**
 * `privbayes` — Zhang, Cormode, Procopiuc, Srivastava & Xiao 2017, "PrivBayes: Private Data Release via Bayesian
 * Networks" (ACM TODS 42(4)), with its noisy conditionals estimated by Private-PGM (as in McKenna et al. 2019, §6):
 *
 * 1. Structure (β = 0.3 of ρ): the first attribute is drawn uniformly (data-independent); then, d−1 times, the
 *    exponential mechanism (each ε with ε²/8 = 0.3ρ/(d−1)) picks a pair (X, Π) — X not yet in the network, Π a set
 *    of min(k, |network|) attributes already in it — scored by F(X, Π) = ‖x_{XΠ} − x_X ⊗ x_Π / n‖₁, the L1
 *    distance of the joint counts from independence (sensitivity < 4 under add/remove-one-row: the joint term
 *    moves by 1, the product term by (3n+1)/(n+1) < 3). Candidates are limited to families of at most
 *    min(n̂ / (θ·σ), n̂ / 8) cells (θ-usefulness, and at least 8 rows per cell on average; default θ = 1 — Private-PGM copes with larger, noisier families than PrivBayes' own θ = 4 — n̂ from the first noisy marginal), shrinking Π when needed.
 * 2. Measurements (0.7 of ρ): the d family marginals x_{X∪Π}, discrete Gaussian noise (each 0.7ρ/d).
 * 3. Private-PGM estimation of the model from the noisy family marginals (post-processing), sampling along the
 *    junction tree (the network's families are its cliques).
 *
 * Guarantee: ρ-zCDP, ρ the largest that converts to the requested (ε, δ); every step is in the ledger. Domains
 * must be public or DP-released. Runtime: O(d · candidates · n) counting for the scores, then estimation.
 * Options: `degree` k (default 3), `theta` (default 1), `iters` (default 3000), `bins`, `maxExactIntegers`.
 * The seed (FitOptions.seed) only picks the first attribute. δ defaults to privacy/'s DEFAULT_DELTA (1e-9).
 */
export const privbayes = defineSynthesizer(privbayesInfo, {
    fit: (table, schema, opts = {}) => fitPrivbayes(opts, () => startMarginalFit(table, schema, opts, 'privbayes')),
    fitCounts: (rows, schema, opts = {}) => fitPrivbayes(opts, () => startCountFit(rows, schema, opts, 'privbayes')),
    load(file) {
        return loadMarginalModel(file, 'privbayes');
    },
});
/** The fit, from a start over a table or over rows counted where they live. */
async function fitPrivbayes(opts, start) {
    const o = opts.options ?? {};
    const p = new ProblemList();
    const degree = numberOption(o, 'degree', 3, (v) => Number.isInteger(v) && v >= 0 && v <= 8, 'a whole number from 0 to 8', p);
    const theta = numberOption(o, 'theta', 1, (v) => v > 0 && Number.isFinite(v), 'a positive number', p);
    const iters = numberOption(o, 'iters', 3000, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1', p);
    p.throwIfAny('privbayes: invalid options:', 'usage');
    const fit = await start();
    const { ledger, rng, names } = fit;
    const progress = opts.onProgress ?? (() => { });
    const sizes = fit.encoding.sizes;
    const d = sizes.length;
    // the budget split: 0.3 for the d−1 network selections, 0.7 for the d family marginals
    const plan = planBudget(ledger, d > 1
        ? [
            { name: 'family marginals', mechanism: 'gaussian', count: d, weight: 0.7 / d },
            { name: 'network selections', mechanism: 'exponential', count: d - 1, weight: 0.3 / (d - 1) },
        ]
        : [{ name: 'family marginals', mechanism: 'gaussian', count: 1, weight: 1 }]);
    const rhoMeasure = plan.rhoOf('family marginals');
    const first = new Rng(opts.seed ?? 0).int(d);
    const measurements = [
        await measureMarginal(fit.source, [first], { rho: rhoMeasure }, ledger, rng, names),
    ];
    const sigma = measurements[0].sigma;
    let nHat = 0;
    for (const v of measurements[0].values)
        nHat += v;
    // θ-usefulness, and never sparser than 8 rows per cell on average (at high ε the noise bound alone allows
    // families too sparse to inform, and slow to estimate)
    const cap = Math.max(Math.min(nHat / (theta * sigma), nHat / 8), 1);
    const inNet = [first];
    const families = [[first]];
    const source = new CachedCounts(fit.source, Infinity);
    const eps = d > 1 ? plan.epsilonOf('network selections') : 0;
    for (let step = 1; step < d; step++) {
        progress({ phase: 'select', done: step, total: d - 1 });
        const cands = [];
        for (let x = 0; x < d; x++) {
            if (inNet.includes(x))
                continue;
            for (let j = Math.min(degree, inNet.length); j >= 0; j--) {
                const fit = kSubsets(inNet, j).filter((par) => cellCount(shapeOf([x, ...par], sizes)) <= cap);
                if (fit.length || j === 0) {
                    for (const par of fit.length ? fit : [[]])
                        cands.push({ x, parents: par.sort((a, b) => a - b) });
                    break;
                }
            }
        }
        const scores = await independenceScores(source, cands, sizes);
        const pick = exponentialMechanism(scores, { epsilon: eps, sensitivity: 4 }, ledger, { query: 'select network family (PrivBayes)', columns: names }, rng);
        const c = cands[pick];
        inNet.push(c.x);
        families.push([c.x, ...c.parents].sort((a, b) => a - b));
    }
    progress({ phase: 'measure', message: 'family marginals' });
    measurements.push(...(await measureMarginals(source, families.slice(1), { rho: rhoMeasure }, ledger, rng, names)));
    progress({ phase: 'estimate', total: iters });
    const { model } = estimateModel(sizes, measurements, {
        iters,
        // structural zeros of the public rules (FitOptions.forbidden): no budget
        zeros: modelZeros(encodeRegions(opts.forbidden, names, fit.encoding.discretizers), sizes),
        onIteration: (i, loss) => {
            if (i % 100 === 0)
                progress({ phase: 'estimate', done: i, total: iters, message: `loss ${loss.toPrecision(6)}` });
        },
    });
    return marginalModel('privbayes', fit, model);
}
/**
 * F(X, Π) = ‖x_{XΠ} − x_X ⊗ x_Π / n‖₁ of every candidate family, from exact counts (the scores are consumed by the
 * exponential mechanism only). n is the total of the counts.
 */
async function independenceScores(source, cands, sizes) {
    const sets = [];
    for (const c of cands)
        if (c.parents.length)
            sets.push([c.x, ...c.parents].sort((a, b) => a - b), [c.x], c.parents);
    const tables = await source.counts(sets);
    const byKey = new Map(sets.map((s, i) => [s.join(','), tables[i]]));
    return cands.map((c) => c.parents.length === 0
        ? 0
        : independenceL1((attrs) => byKey.get(attrs.join(',')), c.x, c.parents, sizes, tableTotal(byKey.get(String(c.x)))));
}
/** ‖x_{XΠ} − x_X ⊗ x_Π / n‖₁ from exact counts. */
function independenceL1(counts, x, parents, sizes, n) {
    const fam = [x, ...parents].sort((a, b) => a - b);
    const joint = counts(fam);
    const px = counts([x]);
    const pp = counts(parents);
    // index of x and of the parents' cell for every family cell
    const shape = shapeOf(fam, sizes);
    const pos = fam.indexOf(x);
    let strideX = 1;
    for (let j = fam.length - 1; j > pos; j--)
        strideX *= shape[j];
    const sx = sizes[x];
    let err = 0;
    for (let i = 0; i < joint.length; i++) {
        const xi = Math.floor(i / strideX) % sx;
        // parents' index: remove x's digit
        const hi = Math.floor(i / (strideX * sx));
        const lo = i % strideX;
        const pi = hi * strideX + lo;
        err += Math.abs(joint[i] - (px[xi] * pp[pi]) / n);
    }
    return err;
}
/** All j-subsets of a list. */
function kSubsets(s, j) {
    const out = [];
    const cur = [];
    const rec = (start) => {
        if (cur.length === j) {
            out.push([...cur]);
            return;
        }
        for (let i = start; i < s.length; i++) {
            cur.push(s[i]);
            rec(i + 1);
            cur.pop();
        }
    };
    rec(0);
    return out;
}
//# sourceMappingURL=index.js.map