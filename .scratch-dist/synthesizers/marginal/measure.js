import { gaussianMechanism } from '../../privacy/mechanisms.js';
/**
 * Measure the marginals over `sets` with the discrete Gaussian mechanism, every one charged to the ledger before
 * its noise is drawn (query "marginal", the columns named by `names`). The counts come from `source`; each
 * count vector has L2 sensitivity 1 under add/remove-one-row. Returns the noisy measurements for `pgm/` — the
 * only form in which the data reaches estimation.
 */
export async function measureMarginals(source, sets, noise, ledger, rng, names) {
    const tables = await source.counts(sets);
    return tables.map((x, i) => {
        const attrs = [...sets[i]];
        const r = gaussianMechanism(x, noise, ledger, { query: 'marginal', columns: attrs.map((a) => names[a]) }, rng);
        return { attrs, values: r.values, sigma: r.scale };
    });
}
/** One marginal; see `measureMarginals`. */
export async function measureMarginal(source, attrs, noise, ledger, rng, names) {
    return (await measureMarginals(source, [attrs], noise, ledger, rng, names))[0];
}
//# sourceMappingURL=measure.js.map