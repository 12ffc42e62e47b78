import type { Gemm } from '../../nn/kernel/gemm.js';
import type { FitOptions } from '../types.js';
import type { ModelSize } from './network.js';
/** What the non-DP and the DP fit of argn share: options, token sizes, the order, the GEMM. */
export interface ArgnOptions {
    readonly epochs: number;
    readonly batchSize: number;
    readonly lr: number;
    readonly validation: number;
    readonly patience: number;
    readonly modelSize: ModelSize;
    readonly flexible: boolean;
    readonly order?: readonly string[];
    readonly bins: number;
    readonly maxDiscrete: number;
    readonly dropout: number;
    readonly temperature: number;
    readonly topP: number;
    readonly threads: number;
    readonly clipNorm: number;
    readonly preprocessing: number;
}
/** Defaults of a DP fit where they differ (few large Poisson batches spend the budget best; see docs/nn.md). */
export declare const DP_DEFAULTS: {
    readonly epochs: 30;
    readonly batchSize: 4096;
    readonly lr: 0.005;
    readonly dropout: 0;
};
export declare function argnOptions(fo: FitOptions): ArgnOptions;
/**
 * Bins and discrete values for n rows: the options when given, else their defaults capped at max(8, √n) so that a
 * small table does not spread its rows over more tokens than it can learn (100 from 10,000 rows on).
 */
export declare function tokenSizes(o: ArgnOptions, fo: FitOptions, n: number): {
    bins: number;
    maxDiscrete: number;
};
/** The generation order: `order` first, then the other modelled columns in table order. */
export declare function generationOrder(names: readonly string[], order: readonly string[] | undefined): string[];
/** A seeded Gemm for training (threads do not change results: the kernel is bit-exact across thread counts). */
export declare function trainingGemm(threads: number): Promise<Gemm>;
