import { discretisationOptions, dpDomainsOption } from '../options.js';
/** `mst`: what it is and its options (the code is in index.ts). */
export const mstInfo = {
    name: 'mst',
    description: 'MST (McKenna et al. 2021): noisy 1-way marginals + a DP maximum spanning tree of 2-way marginals, Private-PGM',
    privacy: 'dp',
    options: [
        dpDomainsOption(),
        {
            name: 'iters',
            type: 'integer',
            min: 1,
            default: 2000,
            help: 'mirror-descent iterations of the final estimation',
        },
        ...discretisationOptions(),
        { name: 'compress', type: 'boolean', default: true, help: 'merge 1-way cells with noisy count < 3σ' },
    ],
};
//# sourceMappingURL=info.js.map