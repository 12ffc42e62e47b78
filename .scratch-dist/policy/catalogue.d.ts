/**
 * The ids a policy target may name, read from the metric registry (src/metrics/registry.ts): the aggregate scores,
 * the model's claimed guarantee (ε, δ), group targets over several metrics and every registered metric. A metric
 * registered at run time is a valid target from then on.
 */
import type { TargetInfo } from './types.js';
/**
 * Every id a policy may target, in the order `lookalike policy ids` lists them: aggregates (the snake_case names of
 * `Evaluation.aggregates` and `privacy_protection`), the claimed guarantee, group targets, then every registered
 * metric (fidelity, utility, privacy). A metric whose id is also an aggregate's (`quality`) is listed once, as the
 * aggregate.
 */
export declare function targetCatalogue(): TargetInfo[];
/** What the catalogue says about a target id; undefined for an id it does not know. */
export declare function targetInfo(id: string): TargetInfo | undefined;
/** Every id the catalogue knows. */
export declare function catalogueIds(): string[];
