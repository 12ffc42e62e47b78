/**
 * The metric registry: every metric, aggregate and group target by id, in registration order (builtin.ts first).
 * `evaluate` and `evaluatePrivacy` run what is registered, the policy catalogue lists it, the text summary and the
 * reports show it. `registerMetric` checks a descriptor once and returns a function that unregisters it.
 */
import { ProblemList } from '../errors.js';
import { BUILTIN_AGGREGATES, BUILTIN_METRICS, BUILTIN_TARGET_GROUPS } from './builtin.js';
const metrics = new Map();
const aggregates = [];
const groups = new Map();
/** Ids a policy reserves for the model's claimed guarantee. */
const GUARANTEE_IDS = ['epsilon', 'delta'];
const ID = /^[a-z][a-z0-9_]*$/;
/** What already holds `id`; an aggregate that is one metric's value may share that metric's id (`quality`). */
function taken(id, as) {
    const valueOf = (a) => typeof a.rule === 'object' ? a.rule.metric : undefined;
    if (metrics.has(id) && !(as !== 'metric' && valueOf(as) === id))
        return 'a metric';
    if (aggregates.some((a) => a.id === id && !(as === 'metric' && valueOf(a) === id)))
        return 'an aggregate';
    if (groups.has(id))
        return 'a group target';
    if (GUARANTEE_IDS.includes(id))
        return 'the claimed guarantee';
    return null;
}
const isFn = (f) => typeof f === 'function';
function describeProblems(d) {
    const p = [];
    const x = d;
    if (typeof d.id !== 'string' || !ID.test(d.id))
        p.push(`id must be snake_case (a-z, 0-9, _), got ${JSON.stringify(d.id)}`);
    else {
        const t = taken(d.id, 'metric');
        if (t)
            p.push(`id "${d.id}" is already ${t}`);
    }
    if (!['fidelity', 'utility', 'privacy'].includes(d.family))
        p.push(`family must be fidelity, utility or privacy, got ${JSON.stringify(d.family)}`);
    for (const k of ['label', 'description', 'suite'])
        if (typeof x[k] !== 'string' || !x[k].trim())
            p.push(`${k} must be a non-empty string`);
    if (d.better !== 'higher' && d.better !== 'lower')
        p.push(`better must be "higher" or "lower", got ${JSON.stringify(d.better)}`);
    if (!['table', 'column', 'pair'].includes(d.scope))
        p.push(`scope must be table, column or pair, got ${JSON.stringify(d.scope)}`);
    if (d.family === 'privacy') {
        if (!isFn(d.compute))
            p.push('a privacy metric needs compute(ctx)');
        if (x.ofColumn !== undefined || x.ofPair !== undefined)
            p.push('a privacy metric is computed by compute(ctx) only');
    }
    else {
        const n = [d.ofColumn, d.ofPair, d.compute].filter(isFn).length;
        if (n !== 1)
            p.push(`give exactly one of ofColumn, ofPair, compute (got ${n})`);
    }
    for (const a of d.aggregates ?? []) {
        const agg = aggregates.find((g) => g.id === a);
        if (!agg)
            p.push(`aggregate "${a}" is not registered (known: ${aggregates.map((g) => g.id).join(', ')})`);
        else if ((agg.family === 'privacy') !== (d.family === 'privacy'))
            p.push(`aggregate "${a}" is a ${agg.family} aggregate; a ${d.family} metric cannot feed it`);
        else if (agg.family !== 'privacy' && agg.rule !== undefined && agg.rule !== 'mean')
            p.push(`aggregate "${a}" is not a mean of metrics`);
    }
    return p;
}
/**
 * Register a metric: from then on `evaluate` (fidelity, utility) or `evaluatePrivacy` (privacy) computes it in its
 * suite, its score feeds the aggregates it names, a policy may target its id and the summary and reports show it.
 * Throws a LookalikeError listing every problem with the descriptor. Returns a function that unregisters it.
 */
export function registerMetric(d) {
    const p = new ProblemList();
    for (const s of describeProblems(d))
        p.add(s);
    p.throwIfAny(`cannot register the metric ${JSON.stringify(d?.id)}:`, 'usage');
    metrics.set(d.id, d);
    return () => {
        if (metrics.get(d.id) === d)
            metrics.delete(d.id);
    };
}
export function getMetric(id) {
    return metrics.get(id);
}
/** Registered metrics in registration order, optionally of one family. */
export function listMetrics(family) {
    const all = [...metrics.values()];
    return family ? all.filter((m) => m.family === family) : all;
}
/**
 * Register a fidelity or utility aggregate (a new key of `Evaluation.aggregates`), placed before `overall` so that
 * `overall: true` makes it count there. Returns a function that unregisters it.
 */
export function registerAggregate(a) {
    const p = new ProblemList();
    if (typeof a.id !== 'string' || !ID.test(a.id))
        p.add(`id must be snake_case (a-z, 0-9, _), got ${JSON.stringify(a.id)}`);
    else {
        const t = taken(a.id, a);
        if (t)
            p.add(`id "${a.id}" is already ${t}`);
    }
    if (typeof a.key !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(a.key))
        p.add(`key must be camelCase, got ${JSON.stringify(a.key)}`);
    else if (aggregates.some((g) => g.key === a.key))
        p.add(`key "${a.key}" is already taken`);
    if (a.family !== 'fidelity' && a.family !== 'utility')
        p.add('family must be fidelity or utility (privacy protection is computed by evaluatePrivacy)');
    if (typeof a.label !== 'string' || !a.label.trim())
        p.add('label must be a non-empty string');
    if (typeof a.description !== 'string' || !a.description.trim())
        p.add('description must be a non-empty string');
    if (a.better !== 'higher' && a.better !== 'lower')
        p.add('better must be "higher" or "lower"');
    if (a.rule === 'overall')
        p.add('there is one overall aggregate');
    p.throwIfAny(`cannot register the aggregate ${JSON.stringify(a?.id)}:`, 'usage');
    addAggregate(a);
    return () => {
        const i = aggregates.indexOf(a);
        if (i >= 0)
            aggregates.splice(i, 1);
    };
}
function addAggregate(a) {
    const i = aggregates.findIndex((g) => g.rule === 'overall');
    if (i < 0)
        aggregates.push(a);
    else
        aggregates.splice(i, 0, a);
}
export function getAggregate(id) {
    return aggregates.find((a) => a.id === id);
}
/** Registered aggregates: fidelity and utility ones in the order they are computed, `overall`, privacy protection. */
export function listAggregates() {
    return [...aggregates];
}
/** Group targets a policy may name (e.g. `membership_auc` over every `mia_*` metric). */
export function listTargetGroups() {
    return [...groups.values()];
}
/** The suites `evaluate` runs, in order (`quality` always runs first and is not a choice). */
export function evaluationSuites() {
    const out = [];
    for (const m of metrics.values())
        if (m.family !== 'privacy' && m.suite !== 'quality' && !out.includes(m.suite))
            out.push(m.suite);
    return out;
}
/** The attacks `evaluatePrivacy` can run, in the order it runs them. */
export function privacyAttacks() {
    const out = [];
    for (const m of metrics.values())
        if (m.family === 'privacy' && !out.includes(m.suite))
            out.push(m.suite);
    return out;
}
/** What is wrong with a list of attack names (the CLI's `--attacks`), or undefined when every one is registered. */
export function attackListProblem(list) {
    const known = privacyAttacks();
    const bad = list.filter((a) => !known.includes(a));
    if (!bad.length)
        return undefined;
    return `--attacks: unknown attack ${bad.map((b) => `"${b}"`).join(', ')} (known: ${known.join(', ')}, or none)`;
}
/** The attacks run when none are asked for: all but those whose metrics are all opt-in (shadow modelling). */
export function defaultPrivacyAttacks() {
    return privacyAttacks().filter((a) => privacyMetricsOf(a).some((m) => !m.optIn));
}
/** The privacy metrics an attack computes, in registration order. */
export function privacyMetricsOf(attack) {
    return [...metrics.values()].filter((m) => m.family === 'privacy' && m.suite === attack);
}
// the shipped ones
aggregates.push(...BUILTIN_AGGREGATES);
for (const g of BUILTIN_TARGET_GROUPS)
    groups.set(g.id, g);
for (const m of BUILTIN_METRICS)
    registerMetric(m);
//# sourceMappingURL=registry.js.map