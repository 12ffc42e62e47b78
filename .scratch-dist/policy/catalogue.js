import { listAggregates, listMetrics, listTargetGroups } from '../metrics/registry.js';
/** The model's claimed guarantee: not a metric, read from the model file. */
const GUARANTEES = [
    {
        id: 'epsilon',
        label: 'Claimed ε (differential privacy)',
        kind: 'guarantee',
        better: 'lower',
        description: 'The privacy-loss bound the model guarantees; ∞ for a model that is not differentially private.',
    },
    {
        id: 'delta',
        label: 'Claimed δ (differential privacy)',
        kind: 'guarantee',
        better: 'lower',
        description: 'The probability with which the ε bound may fail; 1 for a model that is not differentially private.',
    },
];
/**
 * Every id a policy may target, in the order `lookalike policy ids` lists them: aggregates (the snake_case names of
 * `Evaluation.aggregates` and `privacy_protection`), the claimed guarantee, group targets, then every registered
 * metric (fidelity, utility, privacy). A metric whose id is also an aggregate's (`quality`) is listed once, as the
 * aggregate.
 */
export function targetCatalogue() {
    const out = [];
    const seen = new Set();
    const add = (t) => {
        if (seen.has(t.id))
            return;
        seen.add(t.id);
        out.push(t);
    };
    for (const a of listAggregates())
        add({ id: a.id, label: a.label, kind: 'aggregate', better: a.better, description: a.description });
    for (const g of GUARANTEES)
        add(g);
    for (const g of listTargetGroups())
        add({
            id: g.id,
            label: g.label,
            kind: 'metric',
            better: g.better,
            description: g.description,
            group: { prefix: g.prefix, field: g.field, ...(g.ciField ? { ciField: g.ciField } : {}) },
        });
    for (const m of listMetrics())
        add({
            id: m.id,
            label: m.label,
            kind: 'metric',
            better: m.better,
            description: m.description,
            family: m.family,
        });
    return out;
}
/** What the catalogue says about a target id; undefined for an id it does not know. */
export function targetInfo(id) {
    return targetCatalogue().find((t) => t.id === id);
}
/** Every id the catalogue knows. */
export function catalogueIds() {
    return targetCatalogue().map((t) => t.id);
}
//# sourceMappingURL=catalogue.js.map