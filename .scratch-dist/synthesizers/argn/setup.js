import { createGemm } from '../../nn/kernel/wasm.js';
import { optionValues } from '../options.js';
import { argnInfo } from './info.js';
/** Defaults of a DP fit where they differ (few large Poisson batches spend the budget best; see docs/nn.md). */
export const DP_DEFAULTS = { epochs: 30, batchSize: 4096, lr: 0.005, dropout: 0 };
export function argnOptions(fo) {
    const o = optionValues(argnInfo.options, fo);
    if (fo.epsilon === undefined)
        return o;
    const given = fo.options ?? {};
    const dp = {};
    for (const [k, v] of Object.entries(DP_DEFAULTS))
        if (given[k] === undefined)
            dp[k] = v;
    return { ...o, ...dp };
}
/**
 * Bins and discrete values for n rows: the options when given, else their defaults capped at max(8, √n) so that a
 * small table does not spread its rows over more tokens than it can learn (100 from 10,000 rows on).
 */
export function tokenSizes(o, fo, n) {
    const cap = Math.max(8, Math.round(Math.sqrt(n)));
    const given = fo.options ?? {};
    return {
        bins: given.bins !== undefined ? o.bins : Math.min(o.bins, cap),
        maxDiscrete: given.maxDiscrete !== undefined ? o.maxDiscrete : Math.min(o.maxDiscrete, cap),
    };
}
/** The generation order: `order` first, then the other modelled columns in table order. */
export function generationOrder(names, order) {
    const first = order ?? [];
    return [...first, ...names.filter((n) => !first.includes(n))];
}
/** A seeded Gemm for training (threads do not change results: the kernel is bit-exact across thread counts). */
export async function trainingGemm(threads) {
    return createGemm({ threads });
}
//# sourceMappingURL=setup.js.map