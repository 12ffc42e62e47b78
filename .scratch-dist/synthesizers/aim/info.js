import { discretisationOptions, dpDomainsOption } from '../options.js';
/** `aim`: what it is and its options (the code is in index.ts). */
export const aimInfo = {
    name: 'aim',
    description: 'AIM (McKenna et al. 2022): adaptive DP selection and measurement of workload marginals, Private-PGM',
    privacy: 'dp',
    options: [
        dpDomainsOption(),
        {
            name: 'maxModelSize',
            type: 'number',
            min: 0,
            exclusiveMin: true,
            unit: 'MB',
            default: 80,
            help: 'cap on the junction tree, in MB of float64 potentials',
        },
        {
            name: 'rounds',
            type: 'integer',
            min: 1,
            defaultText: '16 × number of columns',
            help: 'planned number of rounds T',
        },
        {
            name: 'iters',
            type: 'integer',
            min: 1,
            default: 500,
            help: 'mirror-descent iterations per round (warm-started)',
        },
        {
            name: 'finalIters',
            type: 'integer',
            min: 1,
            default: 1000,
            help: 'mirror-descent iterations of the final estimation',
        },
        {
            name: 'accelerated',
            type: 'boolean',
            default: false,
            help: 'Nesterov-accelerated estimation (false: plain mirror descent, as private-pgm)',
        },
        {
            name: 'workload',
            type: 'custom',
            expects: '2, 3, or a list of column-name lists',
            default: 3,
            help: 'all k-way marginals for k = 2 or 3, or a list of column-name lists',
            check: (v) => v === 2 ||
                v === 3 ||
                (Array.isArray(v) && v.every((c) => Array.isArray(c) && c.every((x) => typeof x === 'string')))
                ? []
                : [`must be 2, 3, or a list of column-name lists (got ${JSON.stringify(v)})`],
        },
        ...discretisationOptions(),
    ],
};
//# sourceMappingURL=info.js.map