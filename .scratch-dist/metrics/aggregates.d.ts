/**
 * The aggregate scores of an evaluation, as descriptors (descriptor.ts): what each one means and how it is computed
 * from the metrics that name it. Every aggregate is in [0, 1], 1 best, except `w3_error` (lower is better); null
 * when nothing it averages could be computed. docs/evaluation.md lists them. Registered by builtin.ts.
 */
import type { AggregateDescriptor, EvaluationContext, MetricDescriptor } from './descriptor.js';
import type { Evaluation } from './evaluation.js';
import type { MetricResult } from './types.js';
export declare const BUILTIN_AGGREGATES: readonly AggregateDescriptor[];
/**
 * Every fidelity / utility aggregate of an evaluation from its results, by JSON key; null when not computable.
 * `aggregates`: the registered aggregates in order; `metrics`: the registered metrics (which feed which).
 */
export declare function computeAggregates(results: readonly MetricResult[], ctx: EvaluationContext, aggregates: readonly AggregateDescriptor[], metrics: readonly MetricDescriptor[]): Record<string, number | null>;
/** The value of an aggregate in an evaluation (privacy protection from its privacy block); null when absent. */
export declare function aggregateValue(ev: Evaluation, a: AggregateDescriptor): number | null;
