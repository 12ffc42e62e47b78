import { LookalikeError, ProblemList } from '../../errors.js';
import { estimateModel } from '../../pgm/estimate.js';
import { encodeRegions, modelZeros } from '../structural-zeros.js';
import { cellCount, indexMap, isSubset, shapeOf, sumTo } from '../../pgm/factor.js';
import { hypotheticalModelSizeMB } from '../../pgm/junction-tree.js';
import { exponentialMechanism, gaussianMechanism } from '../../privacy/mechanisms.js';
import { planBudget } from '../../privacy/budget.js';
import { CachedCounts, loadMarginalModel, marginalModel, numberOption, startCountFit, startMarginalFit, } from '../marginal/index.js';
import { defineSynthesizer } from '../registry.js';
import { aimInfo } from './info.js';
/**
 * `aim` — McKenna, Mullins, Sheldon & Miklau 2022, "AIM: An Adaptive and Iterative Mechanism for Differentially
 * Private Synthetic Data" (PVLDB 15(11)); the algorithm of private-pgm's `mechanisms/aim.py`.
 *
 * Workload W (default: all 3-way marginals); candidates = every subset of a workload clique, weighted by
 * w(c) = Σ_{s∈W} |c ∩ s|. With T = 16·d rounds planned: σ = √(T / (2·0.9ρ)), ε = √(8·0.1ρ / T).
 * 1. Every 1-way marginal with discrete Gaussian noise σ.
 * 2. Each round: pick the candidate c maximising w(c)·(‖x_c − x̂_c‖₁ − √(2/π)·σ·|c|) with the exponential mechanism
 *    (ε, sensitivity max w), among candidates that keep the model's junction tree under
 *    maxModelSize × (ρ used / ρ) MB (or already lie in a model clique); measure it with noise σ; re-estimate with
 *    Private-PGM (warm start). When the estimate of c moved by less than √(2/π)·σ·|c| the budget is annealed:
 *    σ /= 2, ε ×= 2. When the budget left cannot pay two more rounds, the last round spends all of it.
 * 3. A final longer estimation; sampling along the junction tree.
 *
 * Guarantee: ρ-zCDP (selections (ε²/8 each) + measurements (1/(2σ²) each)), ρ the largest that converts to the
 * requested (ε, δ); every step is in the ledger, which refuses any overspend. Sensitivity: each marginal has L2
 * sensitivity 1; a selection score changes by at most w(c) when one row is added or removed.
 * Domains must be public or DP-released (DESIGN.md rule 5).
 * Runtime: rounds × (estimation iters × junction-tree cells + candidate marginals); memory ≈ model size.
 * Options: `workload` (2 or 3 for all 2-/3-way marginals, or a list of column-name lists; default 3),
 * `maxModelSize` (MB, default 80), `rounds` (default 16·d), `iters` (estimation iterations per round, default
 * 500), `finalIters` (default 1000), `bins`, `maxExactIntegers`. δ defaults to privacy/'s DEFAULT_DELTA (1e-9).
 */
export const aim = defineSynthesizer(aimInfo, {
    fit: (table, schema, opts = {}) => fitAim(opts, () => startMarginalFit(table, schema, opts, 'aim')),
    fitCounts: (rows, schema, opts = {}) => fitAim(opts, () => startCountFit(rows, schema, opts, 'aim')),
    load(file) {
        return loadMarginalModel(file, 'aim');
    },
});
/** The fit, from a start over a table or over rows counted where they live. */
async function fitAim(opts, start) {
    const o = opts.options ?? {};
    const p = new ProblemList();
    const maxSize = numberOption(o, 'maxModelSize', 80, (v) => v > 0 && Number.isFinite(v), 'a positive number of MB', p);
    const roundsOpt = numberOption(o, 'rounds', 0, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1', p);
    const iters = numberOption(o, 'iters', 500, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1', p);
    const finalIters = numberOption(o, 'finalIters', 1000, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1', p);
    const wl = o.workload ?? 3;
    if (o.accelerated !== undefined && typeof o.accelerated !== 'boolean')
        p.add('option accelerated must be true or false');
    const accelerated = o.accelerated === true;
    if (!(wl === 2 ||
        wl === 3 ||
        (Array.isArray(wl) && wl.every((c) => Array.isArray(c) && c.every((x) => typeof x === 'string')))))
        p.add('option workload must be 2, 3, or a list of column-name lists');
    p.throwIfAny('aim: invalid options:', 'usage');
    const fit = await start();
    const { ledger, rng, names } = fit;
    const progress = opts.onProgress ?? (() => { });
    const sizes = fit.encoding.sizes;
    const d = sizes.length;
    // workload and candidates (data-independent)
    let workload;
    if (Array.isArray(wl)) {
        const bad = [];
        workload = wl.map((cl) => [
            ...new Set(cl.map((nm) => {
                const i = names.indexOf(nm);
                if (i < 0)
                    bad.push(`workload names "${nm}", which is not a modelled column`);
                return i;
            })),
        ].sort((a, b) => a - b));
        if (bad.length)
            throw new LookalikeError('aim: invalid workload:', bad, 'usage');
    }
    else
        workload = combinations(d, Math.min(wl, d));
    const cand = new Map();
    for (const w of workload)
        for (const sub of subsets(w)) {
            const key = sub.join(',');
            if (!cand.has(key))
                cand.set(key, { attrs: sub, weight: 0 });
        }
    for (const c of cand.values())
        for (const w of workload)
            c.weight += c.attrs.filter((a) => w.includes(a)).length;
    const candidates = [...cand.values()];
    // small marginals are kept; large ones are recounted (one pass over n codes costs less than holding them)
    const source = new CachedCounts(fit.source, 65536);
    const rhoStart = ledger.rhoSpent;
    const T = roundsOpt || 16 * d;
    if (T <= d)
        throw new LookalikeError('aim: invalid options:', [
            `option rounds (${T}) must be more than the number of modelled columns (${d}): the 1-way marginals alone take ${d} rounds' budget`,
        ], 'usage');
    // the budget split, private-pgm's: T rounds of ρ/T each — the d 1-way marginals take 0.9 of a round each, every
    // later round 0.1 to select and 0.9 to measure (then annealing and the last round adapt it, paying from the ledger)
    const plan = planBudget(ledger, [
        { name: '1-way marginals', mechanism: 'gaussian', count: d, weight: 0.9 },
        { name: 'round selections', mechanism: 'exponential', count: T - d, weight: 0.1 },
        { name: 'round measurements', mechanism: 'gaussian', count: T - d, weight: 0.9 },
    ], { fraction: 1 - (0.1 * d) / T });
    const rho = plan.rho / (1 - (0.1 * d) / T); // all the fit may spend (the model-size cap grows with its use)
    let sigma = plan.sigmaOf('round measurements');
    let eps = plan.epsilonOf('round selections');
    const measurements = [];
    const measure = async (attrs, s) => {
        const [x] = await source.counts([attrs]);
        const r = gaussianMechanism(x, { sigma: s }, ledger, { query: 'marginal', columns: attrs.map((a) => names[a]) }, rng);
        return { attrs, values: r.values, sigma: r.scale };
    };
    // a source that scans the rows counts the candidates in the pass that answers the first 1-way marginal (up to
    // 16M cells in all: 128 MB), rather than one pass per scoring batch
    let hinted = 0;
    source.prefetch?.(candidates.map((c) => c.attrs).filter((a) => (hinted += cellCount(shapeOf(a, sizes))) <= 16_777_216));
    progress({ phase: 'measure', message: '1-way marginals' });
    for (let a = 0; a < d; a++)
        measurements.push(await measure([a], plan.sigmaOf('1-way marginals')));
    // structural zeros of the public rules (FitOptions.forbidden): in every estimate, no budget
    const zeros = modelZeros(encodeRegions(opts.forbidden, names, fit.encoding.discretizers), sizes);
    let model = estimateModel(sizes, measurements, { iters, accelerated, zeros }).model;
    const rhoLeft = () => ledger.rhoRemaining * (1 - 1e-6);
    let round = 0;
    let terminate = false;
    while (!terminate) {
        round++;
        const left = rhoLeft();
        if (left < 2 * (1 / (2 * sigma * sigma) + (eps * eps) / 8)) {
            sigma = Math.sqrt(1 / (2 * 0.9 * left));
            eps = Math.sqrt(8 * 0.1 * left);
            terminate = true;
        }
        const used = ledger.rhoSpent - rhoStart + 1 / (2 * sigma * sigma) + (eps * eps) / 8;
        const sizeLimit = (maxSize * used) / rho;
        const inModel = (c) => model.cliques.some((m) => isSubset(c, m));
        const tf = Date.now();
        const small = candidates.filter((c) => inModel(c.attrs) || hypotheticalModelSizeMB(sizes, [...model.cliques, c.attrs]) <= sizeLimit);
        const ts = Date.now();
        const est = modelMarginals(model, small.map((c) => c.attrs));
        const scores = new Array(small.length);
        // exact answers in batches of at most ~4M cells, so that large candidates are never all held at once
        for (let i0 = 0; i0 < small.length;) {
            let i1 = i0;
            for (let cells = 0; i1 < small.length && (i1 === i0 || cells < 4_194_304); i1++)
                cells += cellCount(shapeOf(small[i1].attrs, sizes));
            const xs = await source.counts(small.slice(i0, i1).map((c) => c.attrs));
            for (let i = i0; i < i1; i++) {
                const x = xs[i - i0];
                const xest = est[i];
                let err = 0;
                for (let j = 0; j < x.length; j++)
                    err += Math.abs(x[j] - xest[j]);
                const bias = Math.sqrt(2 / Math.PI) * sigma * x.length;
                scores[i] = small[i].weight * (err - bias);
            }
            i0 = i1;
        }
        const sens = Math.max(...small.map((c) => c.weight));
        const pick = exponentialMechanism(scores, { epsilon: eps, sensitivity: sens }, ledger, { query: 'select marginal (AIM round)', columns: names }, rng);
        const cl = small[pick].attrs;
        measurements.push(await measure(cl, sigma));
        const z = model.marginal(cl);
        const te = Date.now();
        model = estimateModel(sizes, measurements, {
            iters: itersFor(sizes, measurements, iters, 3e7, 10),
            warmStart: model,
            total: model.total,
            accelerated,
            zeros,
        }).model;
        const tEnd = Date.now();
        const w = model.marginal(cl);
        let moved = 0;
        for (let i = 0; i < w.length; i++)
            moved += Math.abs(w[i] - z[i]);
        progress({
            phase: 'select',
            done: round,
            message: `round ${round}: [${cl.map((a) => names[a]).join(', ')}], σ = ${sigma.toPrecision(3)}, ρ used ${((ledger.rhoSpent - rhoStart) / rho).toFixed(3)}; model ${model.treeCells} cells; filter ${ts - tf} ms, score ${te - ts} ms, estimate ${tEnd - te} ms`,
        });
        if (!terminate && moved <= sigma * Math.sqrt(2 / Math.PI) * cellCount(shapeOf(cl, sizes))) {
            sigma /= 2;
            eps *= 2;
        }
    }
    progress({ phase: 'estimate', total: finalIters });
    model = estimateModel(sizes, measurements, {
        iters: itersFor(sizes, measurements, finalIters, 3e8, 100),
        warmStart: model,
        accelerated,
        zeros,
    }).model;
    return marginalModel('aim', fit, model);
}
/**
 * Iterations for an estimation: at most `iters`, and at most `cellIters` / (junction-tree cells) but not below
 * `floor` — so that a model grown large late in a high-ε run (up to maxModelSize) costs a bounded time per round.
 * Models under 300,000 cells (every ε = 1 run on Adult) always get the full `iters` per round.
 */
function itersFor(sizes, ms, iters, cellIters, floor) {
    const cells = (hypotheticalModelSizeMB(sizes, ms.map((m) => m.attrs)) *
        2 ** 20) /
        8;
    return Math.max(Math.min(iters, floor), Math.min(iters, Math.ceil(cellIters / cells)));
}
/**
 * The model's marginals on many cliques at once: larger cliques first, and a clique one attribute short of one
 * already computed is summed from it (one pass over a small array instead of a query to the model).
 */
function modelMarginals(model, cliques) {
    const done = new Map();
    const order = cliques.map((_, i) => i).sort((i, j) => cliques[j].length - cliques[i].length);
    const out = new Array(cliques.length);
    for (const i of order) {
        const c = cliques[i];
        let res;
        for (let a = 0; a < model.sizes.length && !res; a++) {
            if (c.includes(a))
                continue;
            const sup = [...c, a].sort((x, y) => x - y);
            const m = done.get(sup.join(','));
            if (m)
                res = sumTo(m, indexMap(sup, shapeOf(sup, model.sizes), c), new Float64Array(cellCount(shapeOf(c, model.sizes))));
        }
        res ??= model.marginal(c);
        done.set(c.join(','), res);
        out[i] = res;
    }
    return out;
}
/** All k-subsets of 0..d-1, increasing. */
function combinations(d, k) {
    const out = [];
    const cur = [];
    const rec = (start) => {
        if (cur.length === k) {
            out.push([...cur]);
            return;
        }
        for (let i = start; i < d; i++) {
            cur.push(i);
            rec(i + 1);
            cur.pop();
        }
    };
    rec(0);
    return out;
}
/** Non-empty subsets of a sorted list, each sorted. */
function subsets(s) {
    const out = [];
    for (let m = 1; m < 1 << s.length; m++)
        out.push(s.filter((_, i) => m & (1 << i)));
    return out;
}
//# sourceMappingURL=index.js.map