import { formatRowNumber, opSymbol } from '../policy/format.js';
import { formatEpsilon, formatNumber } from '../format.js';
import { listAggregates } from '../metrics/registry.js';
import { aggregateValue } from '../metrics/aggregates.js';
import { metricSummaries } from '../metrics/summary.js';
export function reportSummary(input) {
    const { evaluation: ev, scorecard: sc } = input;
    const m = input.model ?? null;
    return {
        format: 'lookalike-report',
        version: 1,
        verdict: sc.verdict,
        summary: sc.summary,
        scorecard: {
            ...sc,
            rows: sc.rows.map((r) => ({
                ...r,
                measured: finiteOrNull(r.measured),
                compared: finiteOrNull(r.compared),
            })),
        },
        model: m
            ? {
                synthesizer: m.synthesizer,
                // a DP model's release filtered with the training data is not DP (guaranteeAfter)
                differentiallyPrivate: m.privacy.type === 'dp' && !input.disclosure?.readsTrainingData,
                epsilon: m.privacy.type === 'dp' ? m.privacy.epsilon : null,
                delta: m.privacy.type === 'dp' ? m.privacy.delta : null,
                ledgerEntries: m.ledger ? m.ledger.entries.length : null,
            }
            : null,
        inputs: ev.inputs,
        aggregates: ev.aggregates,
        privacyProtection: ev.privacy?.aggregate ?? null,
        ...(input.disclosure ? { disclosure: input.disclosure } : {}),
        metrics: metricSummaries(ev, ['fidelity', 'utility', 'privacy']),
        warnings: ev.warnings,
    };
}
const finiteOrNull = (x) => (x !== null && Number.isFinite(x) ? x : null);
/** Escape text for a Markdown table cell or line. */
function md(s) {
    return String(s)
        .replace(/\\/g, '\\\\')
        .replace(/\|/g, '\\|')
        .replace(/([*_`[\]<>#])/g, '\\$1')
        .replace(/\r?\n/g, ' ');
}
/** Text as a Markdown code span: backslash escapes do not work inside one, so nothing is escaped but backticks. */
function mdCode(s) {
    return `\`${String(s).replace(/`/g, "'").replace(/\r?\n/g, ' ')}\``;
}
const STATUS_MD = { pass: '✅ pass', fail: '❌ fail', missing: '⚠️ not measured' };
/** A Markdown summary: verdict, guarantee, scorecard, aggregates, utility and privacy risks, warnings. */
export function renderMarkdownReport(input) {
    const { evaluation: ev, scorecard: sc } = input;
    const m = input.model ?? null;
    const title = input.title ?? 'Synthetic data report';
    const out = [];
    out.push(`# ${md(title)}`, '');
    out.push(`**${sc.verdict === 'pass' ? '✅' : '❌'} ${md(sc.summary)}**`, '');
    if (!m)
        out.push('> Model unknown: this report cannot say whether the synthetic table is differentially private.', '');
    else if (m.privacy.type === 'none') {
        out.push(`> **Not differentially private.** ${mdCode(m.synthesizer)} gives no formal privacy guarantee; only the attacks below speak to its privacy.`, '');
    }
    else if (input.disclosure?.readsTrainingData) {
        out.push(`> **Not differentially private.** ${mdCode(m.synthesizer)} is (ε = ${formatEpsilon(m.privacy.epsilon)}, δ = ${formatEpsilon(m.privacy.delta)})-DP, but the released table was filtered with the training data, and that filter is not.`, '');
    }
    else {
        out.push(`> **Differentially private:** ${mdCode(m.synthesizer)} guarantees (ε = ${formatEpsilon(m.privacy.epsilon)}, δ = ${formatEpsilon(m.privacy.delta)})${m.ledger ? ` over ${m.ledger.entries.length} ledger entries` : ''}.`, '');
    }
    out.push(`## Scorecard (policy “${md(sc.policy.name)}”)`, '');
    out.push('| Metric | Score | Target | Status |', '|---|---|---|---|');
    for (const r of sc.rows) {
        const score = r.measured === null
            ? '—'
            : `${formatRowNumber(r, r.measured)}${r.ci ? ` [${formatNumber(r.ci[0])}, ${formatNumber(r.ci[1])}]` : ''}`;
        out.push(`| ${md(r.label)}${r.columns ? ` (${md(r.columns.join(', '))})` : ''} | ${score} | ${opSymbol(r.op)} ${formatNumber(r.target)} | ${STATUS_MD[r.status]} |`);
    }
    out.push('');
    const bad = sc.rows.filter((r) => r.status !== 'pass');
    if (bad.length) {
        for (const r of bad)
            out.push(`- ${mdCode(r.id)}: ${md(r.note)}`);
        out.push('');
    }
    out.push(`Risks are checked at the pessimistic end of their 95% interval unless the policy says \`bound: estimate\`. ${sc.policy.missing === 'fail'
        ? 'Targets that were not measured count as failing.'
        : 'Targets that were not measured do not change the verdict.'}`, '');
    const i = ev.inputs;
    out.push('## Data', '');
    out.push(`- Real: ${i.real.rows} rows × ${i.real.columns} columns; synthetic: ${i.synthetic.rows} rows; holdout: ${i.holdout ? `${i.holdout.rows} rows (${i.holdout.source})` : 'none'}`);
    if (i.target)
        out.push(`- Target: ${md(i.target.name)} (${i.target.task})`);
    out.push('');
    out.push('## Aggregate scores', '', '| Score | Value |', '|---|---|');
    for (const a of listAggregates().filter((x) => x.summary !== false))
        out.push(`| ${md(a.label)}${a.better === 'lower' ? ' (lower is better)' : ''} | ${formatNumber(aggregateValue(ev, a))} |`);
    out.push('');
    const ms = metricSummaries(ev);
    if (ms.length) {
        out.push('## Metrics', '', '| Metric | Results | Mean score | Weakest |', '|---|---|---|---|');
        for (const m of ms)
            out.push(`| ${md(m.label)} (${mdCode(m.id)}) | ${m.results} | ${formatNumber(m.meanScore)} | ${m.worst
                ? `${formatNumber(m.worst.score)}${m.worst.columns?.length ? ` (${md(m.worst.columns.join(', '))})` : ''}`
                : '—'} |`);
        out.push('');
    }
    if (ev.utility) {
        const u = ev.utility;
        out.push(`## Utility (target ${md(u.target)}, ${md(u.mainMetric)})`, '', '| Model | TRTR | TSTR | Ratio |', '|---|---|---|---|');
        for (const r of u.models)
            out.push(`| ${r.model} | ${formatNumber(r.trtr[u.mainMetric])} | ${formatNumber(r.tstr[u.mainMetric])} | ${formatNumber(r.ratio)} |`);
        out.push('');
    }
    if (ev.privacy?.metrics.length) {
        out.push('## Privacy risks', '', '| Risk | Value | 95% interval | Baseline |', '|---|---|---|---|');
        for (const r of ev.privacy.metrics) {
            out.push(`| ${md(r.name)}${r.columns?.length ? ` (${md(r.columns.join(', '))})` : ''} | ${formatNumber(r.value)} | ${r.ci ? `${formatNumber(r.ci[0])} – ${formatNumber(r.ci[1])}` : ''} | ${r.baseline !== undefined ? formatNumber(r.baseline) : ''} |`);
        }
        out.push('');
    }
    else {
        out.push('## Privacy risks', '', 'Not measured: the privacy-risk suite did not run (it needs a holdout).', '');
    }
    const d = input.disclosure;
    if (d) {
        out.push('## Disclosure control', '');
        out.push(`${d.rowsIn} rows in, ${d.rowsOut} out.`, '');
        out.push('| Step | What it did | Cells changed | Rows | Read the training data |', '|---|---|---|---|---|');
        for (const st of d.steps) {
            const cells = Object.entries(st.cellsChanged)
                .filter(([, n]) => n > 0)
                .map(([c, n]) => `${md(c)}: ${n}`)
                .join(', ');
            out.push(`| ${st.step} | ${md(st.note)} | ${cells || '—'} | ${st.rows} | ${st.readsTrainingData ? '**yes**' : 'no'} |`);
        }
        out.push('');
        if (d.warning)
            out.push(`> **Warning:** ${md(d.warning)}.`, '');
    }
    if (ev.warnings.length) {
        out.push('## Warnings', '');
        for (const w of ev.warnings)
            out.push(`- ${md(w)}`);
        out.push('');
    }
    return out.join('\n');
}
//# sourceMappingURL=summary.js.map