import { qualityRun } from './fidelity/descriptors.js';
import { formatNumber } from '../format.js';
const f3 = (x) => formatNumber(x, { fixed: 3 });
export const BUILTIN_AGGREGATES = [
    {
        id: 'quality',
        key: 'quality',
        family: 'fidelity',
        label: 'Overall quality',
        short: 'quality (SDMetrics)',
        description: 'Mean of column shapes and column pair trends (SDMetrics’ quality score).',
        better: 'higher',
        rule: { metric: 'quality', field: 'value' },
        overall: true,
        explain: (ev) => `column shapes ${f3(ev.aggregates.columnShapes)}, column pair trends ${f3(ev.aggregates.columnPairTrends)}`,
    },
    {
        id: 'column_shapes',
        key: 'columnShapes',
        family: 'fidelity',
        label: 'Column shapes',
        description: 'SDMetrics Column Shapes: mean KS / TV complement over columns.',
        better: 'higher',
        rule: { metric: 'column_shapes', field: 'value' },
        summary: false,
    },
    {
        id: 'column_pair_trends',
        key: 'columnPairTrends',
        family: 'fidelity',
        label: 'Column pair trends',
        description: 'SDMetrics Column Pair Trends: mean correlation / contingency similarity over pairs.',
        better: 'higher',
        rule: { metric: 'column_pair_trends', field: 'value' },
        summary: false,
    },
    {
        id: 'statistical_similarity',
        key: 'statisticalSimilarity',
        family: 'fidelity',
        label: 'Statistical similarity',
        description: 'How closely the distributions match the real ones (1 = identical).',
        better: 'higher',
        overall: true,
    },
    {
        id: 'correlation_preservation',
        key: 'correlationPreservation',
        family: 'fidelity',
        label: 'Correlation preservation',
        description: 'How well relationships between pairs of columns are kept (1 = identical).',
        better: 'higher',
        overall: true,
    },
    {
        id: 'data_validity',
        key: 'dataValidity',
        family: 'fidelity',
        label: 'Data validity',
        description: 'Synthetic values respect the real ranges, categories and missing rates.',
        better: 'higher',
        overall: true,
    },
    {
        id: 'class_balance',
        key: 'classBalance',
        family: 'fidelity',
        label: 'Class balance',
        description: 'How closely the target column’s class shares match the real ones.',
        better: 'higher',
        overall: true,
        // the TV complement of a categorical target column
        rule: (_results, ctx) => {
            const i = ctx.columns.findIndex((c) => c.name === ctx.target);
            return i >= 0 && ctx.columns[i].kind === 'categorical' ? qualityRun(ctx).shapes[i].score : NaN;
        },
        explain: (ev) => (ev.inputs.target ? `target "${ev.inputs.target.name}"` : 'no categorical target'),
    },
    {
        id: 'ml_utility',
        key: 'mlUtility',
        family: 'utility',
        label: 'ML utility (TSTR / TRTR)',
        short: 'ML utility',
        description: 'A model trained on synthetic rows and tested on real held-out rows, relative to one trained on real rows.',
        better: 'higher',
        overall: true,
        explain: (ev) => (ev.utility ? `TSTR / TRTR ${ev.utility.mainMetric}` : 'no target'),
    },
    {
        id: 'w3_error',
        key: 'w3Error',
        family: 'fidelity',
        label: '3-way marginal error',
        short: 'w3_err (lower is better)',
        description: 'Mean total-variation distance over all 3-way marginals (0 = identical).',
        better: 'lower',
        rule: { metric: 'w3_err', field: 'value' },
        explain: () => 'mean TV distance of 3-way marginals',
    },
    {
        id: 'overall',
        key: 'overall',
        family: 'fidelity',
        label: 'Overall score',
        short: 'overall',
        description: 'Mean of the fidelity and utility aggregates.',
        better: 'higher',
        rule: 'overall',
        explain: () => 'mean of the scores above (w3_err excluded)',
    },
    {
        id: 'privacy_protection',
        key: 'privacyProtection',
        family: 'privacy',
        label: 'Privacy protection',
        short: 'privacy',
        description: '1 − the risk the attacks demonstrate after correcting for their number (family-wise 95% lower bound of the largest risk; 1 = no attack shown to do better than chance).',
        better: 'higher',
        explain: (ev) => {
            const f = ev.privacy?.family;
            return f?.largest
                ? `1 − demonstrated risk; largest of ${f.comparisons} risk estimates ${f3(f.largest.estimate)}, noise level ${f3(f.noiseLevel)}`
                : `${ev.privacy?.metrics.length ?? 0} privacy-risk metrics`;
        },
    },
];
const mean = (xs) => {
    const v = xs.filter((x) => Number.isFinite(x));
    return v.length ? v.reduce((s, x) => s + x, 0) / v.length : NaN;
};
/**
 * Every fidelity / utility aggregate of an evaluation from its results, by JSON key; null when not computable.
 * `aggregates`: the registered aggregates in order; `metrics`: the registered metrics (which feed which).
 */
export function computeAggregates(results, ctx, aggregates, metrics) {
    const out = {};
    const overall = [];
    const meanScore = (id) => mean(results.filter((m) => m.id === id).map((m) => m.score));
    for (const a of aggregates) {
        if (a.family === 'privacy')
            continue;
        let v;
        if (a.rule === 'overall')
            v = mean(overall);
        else if (typeof a.rule === 'function')
            v = a.rule(results, ctx);
        else if (a.rule !== undefined && a.rule !== 'mean') {
            const { metric, field } = a.rule;
            v = mean(results.filter((m) => m.id === metric).map((m) => m[field]));
        }
        else
            v = mean(metrics.filter((m) => m.aggregates?.includes(a.id)).map((m) => meanScore(m.id)));
        out[a.key] = Number.isFinite(v) ? v : null;
        if (a.overall)
            overall.push(v);
    }
    return out;
}
/** The value of an aggregate in an evaluation (privacy protection from its privacy block); null when absent. */
export function aggregateValue(ev, a) {
    const v = a.family === 'privacy' ? ev.privacy?.aggregate : ev.aggregates[a.key];
    return v === undefined || v === null || !Number.isFinite(v) ? null : v;
}
//# sourceMappingURL=aggregates.js.map