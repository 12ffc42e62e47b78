import { discretisationOptions, dpDomainsOption } from '../options.js';
/** `independent`: what it is and its options (the code is in index.ts and ../independent-dp.ts). */
export const independentInfo = {
    name: 'independent',
    description: 'each column from its own empirical distribution (DP 1-way marginals with --epsilon); no dependence between columns (a baseline)',
    privacy: 'either',
    options: [
        dpDomainsOption(true),
        ...discretisationOptions(true),
        { name: 'iters', type: 'integer', min: 1, default: 200, help: 'Private-PGM iterations', dpOnly: true },
    ],
};
//# sourceMappingURL=info.js.map