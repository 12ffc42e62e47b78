import { listAggregates, listMetrics } from './registry.js';
import { aggregateValue } from './aggregates.js';
import { formatNumber } from '../format.js';
import { detectableByMetric, riskFamilyPhrases } from './privacy/multiplicity.js';
/** Scores with three decimals (aligned columns); — when not computed. */
const fmt = (x) => formatNumber(x, { fixed: 3 });
const pad = (s, w) => s + ' '.repeat(Math.max(0, w - s.length));
const shortOf = (m) => m.short ?? m.label;
/** The metrics whose scores an aggregate averages. */
function feeders(a, metrics) {
    return metrics.filter((m) => m.aggregates?.includes(a.id));
}
/** What an aggregate line says next to its score. */
function explain(a, e, metrics) {
    if (a.explain)
        return a.explain(e);
    const f = feeders(a, metrics);
    return f.length ? f.map(shortOf).join(', ') : a.description;
}
/** Lines of at most `width` characters holding the items, separated by `sep`. */
function wrap(head, items, width = 110, sep = '; ') {
    const lines = [];
    let line = head;
    for (const [i, it] of items.entries()) {
        const piece = (i ? sep : '') + it;
        if (line.length + piece.length > width && line.trim() !== head.trim()) {
            lines.push(line.trimEnd() + sep.trimEnd());
            line = '  ' + it;
        }
        else
            line += piece;
    }
    lines.push(line);
    return lines;
}
/**
 * Every metric of an evaluation (of `families`, default fidelity and utility), in registry order, then ids the
 * registry does not know in the order they appear.
 */
export function metricSummaries(e, families = ['fidelity', 'utility']) {
    const results = [...e.metrics, ...(e.privacy?.metrics ?? [])].filter((m) => families.includes(m.family));
    const registered = listMetrics().filter((m) => families.includes(m.family));
    const ids = [...registered.map((m) => m.id), ...results.map((m) => m.id)];
    const out = [];
    for (const id of new Set(ids)) {
        const rs = results.filter((m) => m.id === id);
        if (!rs.length)
            continue;
        const d = registered.find((m) => m.id === id);
        const scored = rs.filter((m) => Number.isFinite(m.score));
        const worst = scored.length ? scored.reduce((a, b) => (b.score < a.score ? b : a)) : null;
        out.push({
            id,
            family: rs[0].family,
            label: d?.label ?? rs[0].name,
            description: d?.description ?? '',
            better: d?.better ?? null,
            results: rs.length,
            meanScore: scored.length ? scored.reduce((s, m) => s + m.score, 0) / scored.length : null,
            worst: worst
                ? { ...(worst.columns ? { columns: worst.columns } : {}), value: worst.value, score: worst.score }
                : null,
        });
    }
    return out;
}
/**
 * The summary table the CLI prints: the aggregates (each in [0, 1], 1 best, but w3_err), the utility table when a
 * target was evaluated, the privacy aggregate when present, the weakest columns and pairs, the metrics that feed no
 * aggregate, and any warnings. Plain text, no colours.
 */
export function formatSummary(e) {
    const metrics = listMetrics();
    const aggregates = listAggregates();
    const lines = [];
    const n = (x) => x.toLocaleString('en-US');
    lines.push(`lookalike evaluation: ${n(e.inputs.synthetic.rows)} synthetic vs ${n(e.inputs.real.rows)} real rows, ` +
        `${e.inputs.columns.filter((c) => c.evaluatedAs !== 'skipped').length} columns compared` +
        (e.inputs.holdout ? `, holdout ${n(e.inputs.holdout.rows)} rows (${e.inputs.holdout.source})` : ''));
    lines.push('');
    const shown = aggregates
        .filter((a) => a.summary !== false && (a.family !== 'privacy' || e.privacy))
        // `overall` last: it sums up the lines above it
        .sort((x, y) => Number(x.rule === 'overall') - Number(y.rule === 'overall'));
    const rows = shown.map((a) => [
        a.short ?? a.label.toLowerCase(),
        fmt(aggregateValue(e, a)),
        explain(a, e, metrics),
    ]);
    const w = Math.max(...rows.map((r) => r[0].length)) + 2;
    lines.push(`${pad('aggregate', w)}${pad('score', 8)}what`);
    for (const [k, v, what] of rows)
        lines.push(`${pad(k, w)}${pad(v, 8)}${what}`);
    if (e.utility) {
        const u = e.utility;
        lines.push('');
        lines.push(`utility: predict "${u.target}" (${u.task}) from ${u.features.length} columns`);
        const keys = u.task === 'regression' ? ['r2', 'rmse', 'mae'] : ['rocAuc', 'accuracy', 'f1', 'recall'];
        lines.push(`${pad('model', 10)}${keys.map((k) => pad(`TRTR ${k}`, 15) + pad(`TSTR ${k}`, 15)).join('')}ratio`);
        for (const m of u.models) {
            lines.push(`${pad(m.model, 10)}${keys.map((k) => pad(fmt(m.trtr[k]), 15) + pad(fmt(m.tstr[k]), 15)).join('')}${fmt(m.ratio)}`);
        }
        if (u.featureImportance)
            lines.push(`feature-importance rank agreement (Spearman): ${fmt(u.featureImportance.spearman)}`);
    }
    const fam = e.privacy?.family;
    if (fam && fam.comparisons) {
        lines.push('');
        lines.push(...wrap('privacy: ', riskFamilyPhrases(fam)));
        lines.push(...wrap(`smallest risk each attack could detect (${Math.round(fam.power * 100)}% power, family-wise ${Math.round(fam.level * 100)}%): `, detectableByMetric(fam).map(([id, v]) => `${id} ${v}`)));
    }
    const weakestIds = new Set(metrics.filter((m) => m.summary === 'weakest').map((m) => m.id));
    const wc = e.metrics
        .filter((m) => weakestIds.has(m.id) && m.columns?.length && Number.isFinite(m.score))
        .sort((x, y) => x.score - y.score)
        .slice(0, 3);
    if (wc.length) {
        lines.push('');
        lines.push(`weakest columns: ${wc.map((m) => `${m.columns.join(', ')} ${fmt(m.score)}`).join('; ')}`);
    }
    const wp = [...e.pairs.trends]
        .filter((t) => Number.isFinite(t.score))
        .sort((x, y) => x.score - y.score)
        .slice(0, 3);
    if (wp.length)
        lines.push(`weakest pairs: ${wp.map((t) => `${t.columns.join(' × ')} ${fmt(t.score)}`).join('; ')}`);
    // metrics that reach no line above: their mean score (and how many results it is over)
    const summarised = new Set(weakestIds);
    for (const a of aggregates) {
        if (typeof a.rule === 'object')
            summarised.add(a.rule.metric);
        for (const m of feeders(a, metrics))
            summarised.add(m.id);
    }
    const others = metricSummaries(e)
        .filter((m) => !summarised.has(m.id) && m.meanScore !== null)
        .map((m) => {
        const d = metrics.find((x) => x.id === m.id);
        return `${d ? shortOf(d) : m.label} ${fmt(m.meanScore)}${m.results > 1 ? ` (mean of ${m.results})` : ''}`;
    });
    if (others.length)
        lines.push(...wrap('other scores: ', others));
    const total = e.timings.find((t) => t.phase === 'total');
    if (total)
        lines.push(`evaluated in ${formatNumber(total.seconds, { fixed: 2 })} s`);
    for (const wn of e.warnings)
        lines.push(`warning: ${wn}`);
    return lines.join('\n');
}
//# sourceMappingURL=summary.js.map