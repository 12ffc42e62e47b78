import { discretisationOptions, dpDomainsOption } from '../options.js';
/** `privbayes`: what it is and its options (the code is in index.ts). */
export const privbayesInfo = {
    name: 'privbayes',
    description: 'PrivBayes (Zhang et al. 2017): a DP Bayesian network of degree k, noisy conditionals, Private-PGM',
    privacy: 'dp',
    options: [
        dpDomainsOption(),
        {
            name: 'degree',
            type: 'integer',
            min: 0,
            max: 8,
            default: 3,
            help: 'largest number of parents of an attribute',
        },
        {
            name: 'theta',
            type: 'number',
            min: 0,
            exclusiveMin: true,
            default: 1,
            help: 'θ-usefulness: families of at most n/(θ·σ) cells',
        },
        {
            name: 'iters',
            type: 'integer',
            min: 1,
            default: 3000,
            help: 'accelerated mirror-descent iterations of the estimation (stops earlier once converged)',
        },
        ...discretisationOptions(),
    ],
};
//# sourceMappingURL=info.js.map