import type { AggregateDescriptor, MetricDescriptor, PrivacyMetricDescriptor, TargetGroupDescriptor } from './descriptor.js';
import type { MetricFamily } from './types.js';
/**
 * Register a metric: from then on `evaluate` (fidelity, utility) or `evaluatePrivacy` (privacy) computes it in its
 * suite, its score feeds the aggregates it names, a policy may target its id and the summary and reports show it.
 * Throws a LookalikeError listing every problem with the descriptor. Returns a function that unregisters it.
 */
export declare function registerMetric(d: MetricDescriptor): () => void;
export declare function getMetric(id: string): MetricDescriptor | undefined;
/** Registered metrics in registration order, optionally of one family. */
export declare function listMetrics(family?: MetricFamily): MetricDescriptor[];
/**
 * Register a fidelity or utility aggregate (a new key of `Evaluation.aggregates`), placed before `overall` so that
 * `overall: true` makes it count there. Returns a function that unregisters it.
 */
export declare function registerAggregate(a: AggregateDescriptor): () => void;
export declare function getAggregate(id: string): AggregateDescriptor | undefined;
/** Registered aggregates: fidelity and utility ones in the order they are computed, `overall`, privacy protection. */
export declare function listAggregates(): AggregateDescriptor[];
/** Group targets a policy may name (e.g. `membership_auc` over every `mia_*` metric). */
export declare function listTargetGroups(): TargetGroupDescriptor[];
/** The suites `evaluate` runs, in order (`quality` always runs first and is not a choice). */
export declare function evaluationSuites(): string[];
/** The attacks `evaluatePrivacy` can run, in the order it runs them. */
export declare function privacyAttacks(): string[];
/** What is wrong with a list of attack names (the CLI's `--attacks`), or undefined when every one is registered. */
export declare function attackListProblem(list: readonly string[]): string | undefined;
/** The attacks run when none are asked for: all but those whose metrics are all opt-in (shadow modelling). */
export declare function defaultPrivacyAttacks(): string[];
/** The privacy metrics an attack computes, in registration order. */
export declare function privacyMetricsOf(attack: string): PrivacyMetricDescriptor[];
