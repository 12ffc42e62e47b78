export const CART_MODEL_NOTE = 'the cart model file stores observed values of the training rows in its leaves: keep it as confidential as the data';
/** `cart`: what it is and its options (the code is in index.ts). */
export const cartInfo = {
    name: 'cart',
    description: 'synthpop-style sequential CART: each column drawn from observed values in the leaf of a tree on the columns before it (not DP; the model stores real values)',
    privacy: 'none',
    modelFileNote: CART_MODEL_NOTE,
    options: [
        {
            name: 'order',
            type: 'columns',
            defaultText: 'table order',
            help: 'columns visited first, in this order; the other modelled columns follow in table order',
        },
        {
            name: 'minSamplesLeaf',
            type: 'integer',
            min: 1,
            default: 5,
            help: 'minimum training rows per leaf, as synthpop’s minbucket',
        },
        { name: 'maxDepth', type: 'integer', min: 1, max: 64, default: 30, help: 'maximum tree depth' },
        {
            name: 'smoothing',
            type: 'enum',
            values: ['none', 'density'],
            default: 'none',
            help: '"density": Gaussian smoothing of numeric values within each leaf',
        },
        { name: 'maxBins', type: 'integer', min: 2, max: 255, default: 255, help: 'bins per numeric predictor' },
    ],
};
//# sourceMappingURL=info.js.map