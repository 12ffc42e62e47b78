import { createGemm } from '../../nn/kernel/wasm.js';
import type { Gemm } from '../../nn/kernel/gemm.js';
import { optionValues } from '../options.js';
import type { FitOptions } from '../types.js';
import { argnInfo } from './info.js';
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
  readonly conditionalSweeps: number;
  readonly conditionalOrder: 'random' | 'model';
  readonly threads: number;
  readonly clipNorm: number;
  readonly preprocessing: number;
  readonly correction: number;
}

/** Defaults of a DP fit where they differ (few large Poisson batches spend the budget best; see docs/nn.md). */
export const DP_DEFAULTS = { epochs: 30, batchSize: 4096, lr: 0.005, dropout: 0 } as const;

export function argnOptions(fo: FitOptions): ArgnOptions {
  const o = optionValues(argnInfo.options, fo) as unknown as ArgnOptions;
  if (fo.epsilon === undefined) return o;
  const given = fo.options ?? {};
  const dp: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(DP_DEFAULTS)) if (given[k] === undefined) dp[k] = v;
  return { ...o, ...dp };
}

/**
 * Bins and discrete values for n rows: the options when given, else their defaults capped at max(8, √n) so that a
 * small table does not spread its rows over more tokens than it can learn (100 from 10,000 rows on).
 */
export function tokenSizes(o: ArgnOptions, fo: FitOptions, n: number): { bins: number; maxDiscrete: number } {
  const cap = Math.max(8, Math.round(Math.sqrt(n)));
  const given = fo.options ?? {};
  return {
    bins: given.bins !== undefined ? o.bins : Math.min(o.bins, cap),
    maxDiscrete: given.maxDiscrete !== undefined ? o.maxDiscrete : Math.min(o.maxDiscrete, cap),
  };
}

/** The generation order: `order` first, then the other modelled columns in table order. */
export function generationOrder(names: readonly string[], order: readonly string[] | undefined): string[] {
  const first = order ?? [];
  return [...first, ...names.filter((n) => !first.includes(n))];
}

/** A seeded Gemm for training (threads do not change results: the kernel is bit-exact across thread counts). */
export async function trainingGemm(threads: number): Promise<Gemm> {
  return createGemm({ threads });
}
