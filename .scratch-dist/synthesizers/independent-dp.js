import { ProblemList } from '../errors.js';
import { estimateModel } from '../pgm/estimate.js';
import { encodeRegions, modelZeros } from './structural-zeros.js';
import { planBudget } from '../privacy/budget.js';
import { loadMarginalModel, marginalModel, measureMarginals, numberOption, startCountFit, startMarginalFit, } from './marginal/index.js';
/**
 * `independent` with a privacy budget: every modelled column's 1-way marginal (missing as its own category,
 * numerics discretised by their public/DP domain) measured with the discrete Gaussian mechanism, each costing
 * ρ/d; the noisy counts are turned into a distribution by Private-PGM (the non-negative, consistent estimate that
 * best explains them — for 1-way measurements this is each column on its own), and columns are sampled
 * independently and decoded to typed values (a uniform value within a numeric bin).
 *
 * Guarantee: ρ-zCDP with ρ the largest that converts to the requested (ε, δ) (tight conversion), hence
 * (ε, δ)-DP under add/remove-one-row neighbours; each marginal has L2 sensitivity 1; the ledger lists the d
 * measurements. Domains must be public or DP-released (DESIGN.md rule 5; a fit without them throws, naming the
 * columns). Runtime O(n·d) counting plus O(iters · Σ sizes).
 * Options: `bins` (default 32), `maxExactIntegers` (default 128), `iters` (default 200). δ defaults to
 * privacy/'s DEFAULT_DELTA (1e-9).
 *
 * The model's `synthesizer` is "independent"; its file is read back with `loadIndependentDP` (its params are a
 * graphical model — d singleton cliques — with the discretizers and the ledger).
 */
export function fitIndependentDP(table, schema, opts = {}) {
    return fitWith(opts, () => startMarginalFit(table, schema, opts, 'independent (DP)'));
}
/** The same over rows counted where they live (`CountableRows`, issue 15). */
export function fitIndependentDPCounts(rows, schema, opts = {}) {
    return fitWith(opts, () => startCountFit(rows, schema, opts, 'independent (DP)'));
}
async function fitWith(opts, start) {
    const p = new ProblemList();
    const iters = numberOption(opts.options ?? {}, 'iters', 200, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1', p);
    p.throwIfAny('independent (DP): invalid options:', 'usage');
    const fit = await start();
    const d = fit.encoding.sizes.length;
    const plan = planBudget(fit.ledger, [
        { name: '1-way marginals', mechanism: 'gaussian', count: d, weight: 1 },
    ]);
    const sets = Array.from({ length: d }, (_, a) => [a]);
    const ms = await measureMarginals(fit.source, sets, { rho: plan.rhoOf('1-way marginals') }, fit.ledger, fit.rng, fit.names);
    // structural zeros of the public rules (FitOptions.forbidden): each adds an unmeasured clique, no budget
    const zeros = modelZeros(encodeRegions(opts.forbidden, fit.names, fit.encoding.discretizers), fit.encoding.sizes);
    const { model } = estimateModel(fit.encoding.sizes, ms, { iters, zeros });
    return marginalModel('independent', fit, model);
}
/** Rebuild a DP `independent` model from its file (validated; LookalikeError listing every problem). */
export function loadIndependentDP(file) {
    return loadMarginalModel(file, 'independent');
}
//# sourceMappingURL=independent-dp.js.map