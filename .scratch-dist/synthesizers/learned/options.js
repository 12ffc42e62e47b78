import { dpDomainsOption } from '../options.js';
/**
 * Option specs shared by the learned synthesizers (tvae, ctgan): imported by their info modules, so it imports
 * nothing heavy.
 */
/**
 * Options every learned synthesizer of this family takes (the network-specific ones come in each info.ts); `dp`:
 * the defaults of a DP fit (with --epsilon), for a synthesizer that has one.
 */
export function trainingOptions(defaults, dp) {
    const withDp = (v, d) => d === undefined ? {} : { defaultText: `${v}; with --epsilon ${d}` };
    return [
        {
            name: 'epochs',
            type: 'integer',
            min: 1,
            default: defaults.epochs,
            ...withDp(defaults.epochs, dp?.epochs),
            help: dp
                ? 'passes over the training rows (early stopping may end sooner; with --epsilon exactly this many)'
                : 'passes over the training rows',
        },
        {
            name: 'batchSize',
            type: 'integer',
            min: 2,
            default: defaults.batchSize,
            ...withDp(defaults.batchSize, dp?.batchSize),
            help: dp
                ? 'rows per optimiser step (with --epsilon: the expected Poisson batch)'
                : 'rows per optimiser step',
        },
        {
            name: 'lr',
            type: 'number',
            min: 0,
            exclusiveMin: true,
            default: defaults.lr,
            ...withDp(defaults.lr, dp?.lr),
            help: 'Adam learning rate',
        },
        {
            name: 'validation',
            type: 'number',
            min: 0,
            max: 0.5,
            default: defaults.validation ?? 0.1,
            help: `share of the rows held out (seeded) to watch for early stopping; 0 trains on all rows for all epochs${dp ? ' (not used with --epsilon)' : ''}`,
        },
        {
            name: 'patience',
            type: 'integer',
            min: 1,
            default: defaults.patience,
            help: `stop after this many epochs without a better validation loss (the best weights are kept)${dp ? ' (not used with --epsilon)' : ''}`,
        },
        {
            name: 'threads',
            type: 'integer',
            min: 1,
            max: 16,
            default: 1,
            help: 'threads of the GEMM kernel (Node: worker threads; the weights do not depend on it)',
        },
    ];
}
/** A list of hidden-layer widths, e.g. [128, 128]. */
export function layerWidths(name, help, dflt) {
    return {
        name,
        type: 'custom',
        expects: 'a list of 1 to 4 whole numbers from 1 to 1024',
        default: dflt,
        help,
        check: (v) => Array.isArray(v) &&
            v.length >= 1 &&
            v.length <= 4 &&
            v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= 1024)
            ? []
            : [
                `must be a list of 1 to 4 whole numbers from 1 to 1024, e.g. [128, 128] (got ${JSON.stringify(v)})`,
            ],
    };
}
/** The options of a learned synthesizer's DP mode (DP-SGD on public or DP-released preprocessing). */
export function dpTrainingOptions() {
    return [
        {
            name: 'clipNorm',
            type: 'number',
            min: 0,
            exclusiveMin: true,
            default: 1,
            dpOnly: true,
            help: 'DP-SGD: clipping norm of each row’s gradient',
        },
        {
            name: 'preprocessing',
            type: 'number',
            min: 0,
            exclusiveMin: true,
            max: 0.9,
            default: 0.1,
            dpOnly: true,
            help: 'share of the budget spent on the noisy 1-way marginals that give the row count, the numeric columns’ modes and the category frequencies',
        },
        dpDomainsOption(true),
    ];
}
//# sourceMappingURL=options.js.map