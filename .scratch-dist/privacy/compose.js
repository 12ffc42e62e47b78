import { cdpEpsilon, ceilSignificant, roundUpRel, sumUp } from './accountant.js';
import { SAMPLER_DELTA0_MAX, SAMPLER_ETA_MAX, samplerSlack } from './lattice-gaussian.js';
import { subsampledGaussianPrv } from './prv.js';
import { DEFAULT_RDP_ORDERS, rdpToEpsilon, subsampledGaussianRdp } from './rdp.js';
/** True when an entry is a DP-SGD run. */
export function isSubsampled(e) {
    return e.mechanism === 'subsampled-gaussian' && e.subsampled !== undefined;
}
/** Shares of δ tried, in turn, as the reserve for the lattice sampler's slack. */
const SAMPLER_RESERVES = [1e-6, 1e-4, 1e-2];
/**
 * The (ε, δ) guarantee of `entries` at the budget δ (ε rounded up to 10 significant digits; Infinity when δ'
 * is exhausted).
 */
export function composeWithSubsampled(entries, delta, opts = {}) {
    const zcdp = entries.filter((e) => !isSubsampled(e));
    const sg = entries.filter(isSubsampled).map((e) => e.subsampled);
    const rho = sumUp(zcdp.map((e) => e.rho));
    const deltaApprox = sumUp(entries.map((e) => e.delta ?? 0));
    let coords = 0;
    for (const p of sg)
        coords += p.coordinates * p.steps;
    const slack = samplerSlack(coords, SAMPLER_ETA_MAX, SAMPLER_DELTA0_MAX);
    // the reserve for the sampler's δ: 1e-6 of δ, more in the (absurd) regimes where that does not cover it
    for (const share of SAMPLER_RESERVES) {
        const g = composeAt(sg, rho, delta, deltaApprox, delta * share, slack.epsilon, opts.rdpOnly ?? false);
        if (!Number.isFinite(g.epsilon))
            return g;
        if (!sg.length || slack.delta(g.epsilon, delta) <= delta * share) {
            return { ...g, epsilon: ceilSignificant(g.epsilon, 10) };
        }
    }
    return { epsilon: Infinity, delta, rho, method: 'rdp' };
}
function composeAt(sg, rho, delta, deltaApprox, reserve, slackEpsilon, rdpOnly) {
    const deltaConv = delta - deltaApprox - reserve;
    if (!(deltaConv > 0))
        return { epsilon: Infinity, delta, rho, method: 'rdp' };
    // RDP
    const orders = DEFAULT_RDP_ORDERS;
    const curve = new Float64Array(orders.length);
    for (let i = 0; i < orders.length; i++) {
        let v = rho * orders[i];
        for (const p of sg)
            v += p.steps * subsampledGaussianRdp(p.samplingRate, p.noiseMultiplier, orders[i]);
        curve[i] = roundUpRel(v);
    }
    let best = rdpToEpsilon(orders, curve, deltaConv).epsilon;
    let method = 'rdp';
    // PRV + basic composition, when the DP-SGD entries share (q, z)
    const same = sg.every((p) => p.samplingRate === sg[0].samplingRate && p.noiseMultiplier === sg[0].noiseMultiplier);
    if (sg.length && same && !rdpOnly) {
        const steps = sg.reduce((s, p) => s + p.steps, 0);
        const splits = rho > 0 ? [0.1, 0.01] : [0];
        for (const f of splits) {
            const prv = prvEpsilonOrInfinity(sg[0].samplingRate, sg[0].noiseMultiplier, steps, deltaConv * (1 - f));
            const rest = rho > 0 ? cdpEpsilon(rho, deltaConv * f) : 0;
            const eps = roundUpRel(prv + rest);
            if (eps < best) {
                best = eps;
                method = 'prv';
            }
        }
    }
    return { epsilon: roundUpRel(best + slackEpsilon), delta, rho, method };
}
/**
 * The PRV ε, or Infinity when the PRV accountant cannot evaluate the plan (its grid would be too large: extreme
 * step counts or tiny sampling rates). Infinity only drops the PRV bound; the RDP bound, valid on its own, stands.
 */
function prvEpsilonOrInfinity(q, z, steps, delta) {
    try {
        return subsampledGaussianPrv(q, z, steps, delta).epsilon;
    }
    catch (e) {
        if (e instanceof RangeError)
            return Infinity;
        throw e;
    }
}
//# sourceMappingURL=compose.js.map