import { listAggregates } from '../metrics/registry.js';
import { aggregateValue } from '../metrics/aggregates.js';
import { formatNumber } from '../format.js';
import { targetInfo } from './catalogue.js';
import { opSymbol } from './format.js';
/**
 * What a policy checks in an evaluation: its aggregates (by policy id, every registered one), every metric (fidelity, utility and
 * privacy) and the claimed guarantee of the model, which the evaluation itself does not carry — pass the model
 * file's `privacy` (null when unknown: ε / δ targets are then "not measured").
 */
export function policySubject(evaluation, privacy = null) {
    const aggregates = {};
    for (const a of listAggregates())
        aggregates[a.id] = aggregateValue(evaluation, a);
    return {
        aggregates,
        metrics: [...evaluation.metrics, ...(evaluation.privacy?.metrics ?? [])],
        privacy,
    };
}
/** Metric ids present in an evaluation (to pass as `knownIds` when parsing a policy for it). */
export function evaluationMetricIds(evaluation) {
    return [...new Set([...evaluation.metrics, ...(evaluation.privacy?.metrics ?? [])].map((m) => m.id))];
}
function holds(x, op, t) {
    switch (op) {
        case '>=':
            return x >= t;
        case '>':
            return x > t;
        case '<=':
            return x <= t;
        case '<':
            return x < t;
    }
}
/** Check a subject (an evaluation's aggregates, metrics and claimed guarantee) against a policy. Pure. */
export function applyPolicy(subject, policy) {
    const missingRule = policy.missing ?? 'fail';
    const rows = policy.targets.map((t) => checkTarget(subject, t));
    const counts = {
        pass: rows.filter((r) => r.status === 'pass').length,
        fail: rows.filter((r) => r.status === 'fail').length,
        missing: rows.filter((r) => r.status === 'missing').length,
    };
    const failing = rows.filter((r) => r.status === 'fail' || (missingRule === 'fail' && r.status === 'missing'));
    const verdict = failing.length === 0 ? 'pass' : 'fail';
    const n = rows.length;
    let summary;
    if (verdict === 'pass') {
        summary = `PASS: ${counts.pass} of ${n} targets met`;
        if (counts.missing)
            summary += ` (${counts.missing} not measured, ignored by this policy)`;
    }
    else {
        const parts = [];
        if (counts.fail)
            parts.push(`${counts.fail} failed`);
        if (counts.missing)
            parts.push(`${counts.missing} not measured${missingRule === 'fail' ? ' (counted as failing)' : ''}`);
        summary = `FAIL: ${counts.pass} of ${n} targets met, ${parts.join(', ')} — ${failing.map((r) => r.id).join(', ')}`;
    }
    return {
        format: 'lookalike-scorecard',
        version: 1,
        policy: {
            name: policy.name,
            ...(policy.description ? { description: policy.description } : {}),
            missing: missingRule,
        },
        rows,
        counts,
        verdict,
        summary,
    };
}
function checkTarget(s, t) {
    const info = targetInfo(t.id);
    const kind = info?.kind ?? 'metric';
    const base = {
        id: t.id,
        label: t.label ?? info?.label ?? t.id,
        kind,
        op: t.op,
        target: t.value,
        ...(t.columns ? { columns: t.columns } : {}),
        ...(t.why ? { why: t.why } : {}),
    };
    const missing = (note) => ({
        ...base,
        measured: null,
        ci: null,
        compared: null,
        comparedIs: null,
        status: 'missing',
        note,
    });
    let measured;
    let ci = null;
    let extraNote = '';
    if (kind === 'aggregate') {
        const v = s.aggregates[t.id];
        if (v === null || v === undefined || !Number.isFinite(v))
            return missing(`not measured: the evaluation has no "${t.id}" score`);
        measured = v;
    }
    else if (kind === 'guarantee') {
        const g = s.privacy;
        if (!g)
            return missing('not measured: the evaluation does not say which model produced the synthetic table');
        if (g.type === 'none') {
            measured = t.id === 'epsilon' ? Infinity : 1;
            extraNote = 'the model is not differentially private, so it guarantees no finite ε';
        }
        else {
            measured = t.id === 'epsilon' ? g.epsilon : g.delta;
        }
    }
    else {
        const on = t.on ?? 'value';
        let items;
        if (info?.group) {
            const g = info.group;
            items = s.metrics
                .filter((m) => m.id.startsWith(g.prefix))
                .map((m) => {
                const v = g.field === 'value' ? m.value : m.details?.[g.field];
                return {
                    id: m.id,
                    value: typeof v === 'number' ? v : NaN,
                    ci: g.ciField === 'ci' && m.ci ? m.ci : null,
                    columns: m.columns,
                };
            });
        }
        else {
            items = s.metrics
                .filter((m) => m.id === t.id)
                .map((m) => ({
                id: m.id,
                value: on === 'score' ? m.score : m.value,
                ci: on === 'value' && m.ci ? m.ci : null,
                columns: m.columns,
            }));
        }
        if (t.columns) {
            const want = t.columns.join('\u0000');
            items = items.filter((m) => (m.columns ?? []).join('\u0000') === want);
        }
        const found = items.filter((m) => Number.isFinite(m.value));
        if (found.length === 0) {
            const what = info?.group ? `"${info.group.prefix}*"` : `"${t.id}"`;
            return missing(`not measured: the evaluation has no ${what} result${t.columns ? ` for ${t.columns.join(', ')}` : ''}`);
        }
        const useCi = (t.bound ?? 'ci') === 'ci';
        const upper = t.op.startsWith('<');
        // the number compared for one result: its interval end least favourable to the target, or its estimate
        const cmp = (m) => (useCi && m.ci ? (upper ? m.ci[1] : m.ci[0]) : m.value);
        if (found.length === 1 || t.over !== 'mean') {
            // worst: the result least favourable to the target
            let worst = found[0];
            for (const m of found)
                if (upper ? cmp(m) > cmp(worst) : cmp(m) < cmp(worst))
                    worst = m;
            measured = worst.value;
            ci = worst.ci ? [worst.ci[0], worst.ci[1]] : null;
            if (found.length > 1) {
                const which = worst.columns ? worst.columns.join(', ') : worst.id !== t.id ? worst.id : '';
                extraNote = `worst of ${found.length} results${which ? ` (${which})` : ''}`;
            }
        }
        else {
            measured = found.reduce((a, m) => a + m.value, 0) / found.length;
            extraNote = `mean of ${found.length} results`;
        }
    }
    let compared = measured;
    let comparedIs = 'estimate';
    if ((t.bound ?? 'ci') === 'ci' && ci) {
        if (t.op.startsWith('<')) {
            compared = ci[1];
            comparedIs = 'ci-upper';
        }
        else {
            compared = ci[0];
            comparedIs = 'ci-lower';
        }
    }
    const ok = holds(compared, t.op, t.value);
    const whatCompared = comparedIs === 'ci-upper'
        ? 'upper end of the 95% interval'
        : comparedIs === 'ci-lower'
            ? 'lower end of the 95% interval'
            : 'estimate';
    const note = `${whatCompared} ${formatNumber(compared)} ${ok ? 'meets' : 'misses'} ${opSymbol(t.op)} ${formatNumber(t.value)}${extraNote ? `; ${extraNote}` : ''}`;
    return { ...base, measured, ci, compared, comparedIs, status: ok ? 'pass' : 'fail', note };
}
/** Exit code of a release gate: 0 when the scorecard's verdict is pass, 3 when it is fail. */
export function gateExitCode(scorecard) {
    return scorecard.verdict === 'pass' ? 0 : 3;
}
//# sourceMappingURL=apply.js.map