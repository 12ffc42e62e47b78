/**
 * Every metric, aggregate and group target that ships with lookalike, in the order `evaluate` runs them and reports
 * list them (registry.ts registers them). Adding a metric: a file exporting its descriptor (descriptor.ts) and one
 * line below — see docs/evaluation.md.
 */
import type { MetricDescriptor, TargetGroupDescriptor } from './descriptor.js';
export { BUILTIN_AGGREGATES } from './aggregates.js';
export declare const BUILTIN_METRICS: readonly MetricDescriptor[];
export declare const BUILTIN_TARGET_GROUPS: readonly TargetGroupDescriptor[];
