import { formatEpsilon, formatNumber } from '../format.js';
import { COLORS, renderSvg } from './charts.js';
import { esc } from './html.js';
/** The file stem of a point: `<synthesizer>-eps<ε>` or `<synthesizer>-nodp`. */
export function pointKey(synthesizer, epsilon) {
    return epsilon === null ? `${synthesizer}-nodp` : `${synthesizer}-eps${epsilon}`;
}
/** The scores a sweep plots, read off an evaluation. */
export function sweepScores(ev) {
    const a = ev.aggregates;
    const pv = ev.privacy;
    let emp = null;
    for (const m of pv?.metrics ?? []) {
        const e = m.details?.empiricalEpsilonLower;
        if (m.id.startsWith('mia_') && typeof e === 'number' && Number.isFinite(e))
            emp = Math.max(emp ?? 0, e);
    }
    return {
        fidelity: a.statisticalSimilarity ?? a.quality ?? null,
        correlation: a.correlationPreservation ?? null,
        utility: a.mlUtility ?? null,
        privacyRisk: pv?.aggregate !== undefined ? 1 - pv.aggregate : null,
        privacyRiskLargest: pv?.family?.largest?.estimate ?? null,
        privacyRiskInterval: pv?.family?.largest ? [pv.family.interval[0], pv.family.interval[1]] : null,
        privacyNoise: pv?.family?.largest ? pv.family.noiseLevel : null,
        privacyDetectable: pv?.family?.largest ? pv.family.detectable : null,
        empiricalEpsilon: emp,
        quality: a.quality ?? null,
    };
}
/** Claimed ε of a point (∞ when not DP). */
export function claimedEpsilon(p) {
    return p.privacy.type === 'dp' ? p.privacy.epsilon : Infinity;
}
const orMinus = (x) => (x === null || !Number.isFinite(x) ? -Infinity : x);
function betterTie(a, b) {
    return (orMinus(b.scores.utility) - orMinus(a.scores.utility) ||
        orMinus(b.scores.fidelity) - orMinus(a.scores.fidelity) ||
        a.synthesizer.localeCompare(b.synthesizer));
}
function failingRows(p) {
    return p.scorecard.rows.filter((r) => r.status === 'fail' || (r.status === 'missing' && p.scorecard.policy.missing === 'fail'));
}
function failing(p) {
    return failingRows(p).map((r) => r.id);
}
/** What a point misses, with the numbers: `ml_utility 0.81 (needs ≥ 0.95)`, `privacy_protection not measured`. */
function misses(p) {
    return failingRows(p)
        .map((r) => r.status === 'missing' || r.compared === null
        ? `${r.id} not measured`
        : r.kind === 'guarantee' && !Number.isFinite(r.compared)
            ? `${r.id} (not DP)`
            : `${r.id} ${formatNumber(r.compared)} (needs ${r.op.replace('>=', '≥').replace('<=', '≤')} ${formatNumber(r.target)})`)
        .join(', ');
}
const pointName = (p) => p.privacy.type === 'dp'
    ? `${p.synthesizer} at ε = ${formatEpsilon(claimedEpsilon(p))}`
    : `${p.synthesizer} (not DP)`;
/**
 * Why the recommended point and not another: what the closest point at each smaller ε misses; from which ε each
 * other DP synthesizer meets the policy (a simpler synthesizer is often the only one meeting it at small ε); and
 * what the non-DP baselines (ε = ∞) reach, i.e. what the guarantee costs.
 */
function whyPhrases(points, best) {
    const out = [];
    const dp = points.filter((p) => p.privacy.type === 'dp');
    const eBest = claimedEpsilon(best);
    // budgets as printed: two synthesizers' claimed ε for one budget differ in the last digits (rounded up)
    const shown = (p) => formatEpsilon(claimedEpsilon(p));
    const smaller = [
        ...new Map(dp
            .filter((p) => claimedEpsilon(p) < eBest && shown(p) !== shown(best))
            .map((p) => [shown(p), claimedEpsilon(p)])),
    ].sort((a, b) => a[1] - b[1]);
    const closestOf = (ps) => [...ps].sort((a, b) => failing(a).length - failing(b).length || betterTie(a, b))[0];
    for (const [e] of smaller) {
        const c = closestOf(dp.filter((p) => shown(p) === e));
        out.push(`At ε = ${e} no point meets it; the closest, ${c.synthesizer}, misses ${misses(c)}.`);
    }
    const others = [...new Set(dp.map((p) => p.synthesizer))].filter((s) => s !== best.synthesizer);
    if (others.length) {
        const from = others.map((s) => {
            const pass = dp.filter((p) => p.synthesizer === s && p.scorecard.verdict === 'pass');
            if (!pass.length) {
                const c = closestOf(dp.filter((p) => p.synthesizer === s));
                return `${s} at no ε swept (at best: ${pointName(c)} misses ${misses(c)})`;
            }
            const e = Math.min(...pass.map(claimedEpsilon));
            const at = dp.find((p) => p.synthesizer === s && claimedEpsilon(p) === eBest);
            return e === eBest && at
                ? `${s} also at ε = ${formatEpsilon(e)} with ML utility ${formatNumber(at.scores.utility)}`
                : `${s} from ε = ${formatEpsilon(e)}`;
        });
        out.push(`Other DP synthesizers meet it: ${from.join('; ')}.`);
    }
    const base = points.filter((p) => p.privacy.type !== 'dp');
    if (base.length && best.privacy.type === 'dp') {
        const top = [...base].sort(betterTie)[0];
        out.push(`Without a guarantee (ε = ∞) the best baseline, ${top.synthesizer}, reaches fidelity ${formatNumber(top.scores.fidelity)} and ML utility ${formatNumber(top.scores.utility)} against ${formatNumber(best.scores.fidelity)} and ${formatNumber(best.scores.utility)} here.`);
    }
    const d = best.scores.privacyRisk, n = best.scores.privacyNoise;
    if (d !== null && n !== null && n !== undefined)
        out.push(`Its attacks demonstrate a privacy risk of ${formatNumber(d)} (largest estimate ${formatNumber(best.scores.privacyRiskLargest ?? null)}; noise alone reaches ${formatNumber(n)}).`);
    return out;
}
export function recommend(points) {
    const pass = points.filter((p) => p.scorecard.verdict === 'pass');
    const policy = points[0]?.scorecard.policy.name ?? 'the policy';
    if (pass.length) {
        const eps = (p) => claimedEpsilon(p);
        const sorted = [...pass].sort((a, b) => (eps(a) === eps(b) ? betterTie(a, b) : eps(a) - eps(b)));
        const best = sorted[0];
        const sameEps = pass.filter((p) => eps(p) === eps(best)).length;
        const where = (p) => p.privacy.type === 'dp'
            ? `${p.synthesizer} at ε = ${formatEpsilon(claimedEpsilon(p))}`
            : `${p.synthesizer} (not differentially private)`;
        const reason = (best.privacy.type === 'dp'
            ? `${where(best)} is the smallest ε meeting every target of “${policy}”`
            : `${where(best)} meets every target of “${policy}”; no DP point does`) +
            (sameEps > 1
                ? `; of the ${sameEps} points at this ε it has the best ML utility (${formatNumber(best.scores.utility)})`
                : '') +
            ` (${pass.length} of ${points.length} points meet the policy).`;
        const why = whyPhrases(points, best);
        return {
            point: best,
            closest: null,
            meeting: pass.length,
            reason: why.length ? `${reason} ${why.join(' ')}` : reason,
        };
    }
    if (!points.length)
        return { point: null, closest: null, meeting: 0, reason: 'No point was evaluated.' };
    const closest = [...points].sort((a, b) => failing(a).length - failing(b).length || claimedEpsilon(a) - claimedEpsilon(b) || betterTie(a, b))[0];
    // what each synthesizer reaches at best, so the reader sees which target stands in the way
    const bestOf = [...new Set(points.map((p) => p.synthesizer))]
        .filter((s) => s !== closest.synthesizer)
        .map((s) => {
        const c = [...points.filter((p) => p.synthesizer === s)].sort((a, b) => failing(a).length - failing(b).length || claimedEpsilon(a) - claimedEpsilon(b))[0];
        return `${pointName(c)} misses ${misses(c)}`;
    });
    return {
        point: null,
        closest,
        meeting: 0,
        reason: `No point meets every target of “${policy}”. Closest: ${closest.synthesizer}` +
            `${closest.privacy.type === 'dp' ? ` at ε = ${formatEpsilon(claimedEpsilon(closest))}` : ' (not differentially private)'}, which misses ${misses(closest)}. ` +
            (bestOf.length ? `At best, ${bestOf.join('; ')}. ` : '') +
            'Relax a target, add data, or try another synthesizer.',
    };
}
const SERIES = [
    ['fidelity', 'fidelity (statistical similarity) ↑'],
    ['utility', 'ML utility (TSTR / TRTR) ↑'],
    ['privacyRisk', 'privacy risk (demonstrated, family-wise) ↓'],
];
/** Where a point that is not differentially private sits on the log ε axis: right of the largest ε, labelled ∞. */
export function infinityPosition(points) {
    const eps = points.filter((p) => p.privacy.type === 'dp').map(claimedEpsilon);
    return eps.length ? Math.max(...eps) * 4 : 1;
}
/**
 * Fidelity, utility and privacy risk against ε (log scale), one line per synthesizer; filled = meets the policy.
 * Points that are not differentially private (the baselines) sit at ε = ∞, right of the largest ε, so the whole
 * frontier shows. In the privacy panel, a bar is the simultaneous 95% interval of the largest true risk and a grey
 * tick the level the largest estimate reaches with no leak at all (the noise level).
 */
export function frontierSpec(points, recommended) {
    const values = [];
    const inf = infinityPosition(points);
    const x = (p) => (p.privacy.type === 'dp' ? claimedEpsilon(p) : inf);
    for (const p of points) {
        for (const [key, label] of SERIES) {
            const v = p.scores[key];
            if (typeof v !== 'number' || !Number.isFinite(v))
                continue;
            const iv = key === 'privacyRisk' ? p.scores.privacyRiskInterval : null;
            const noise = key === 'privacyRisk' ? p.scores.privacyNoise : null;
            values.push({
                synthesizer: p.privacy.type === 'dp' ? p.synthesizer : `${p.synthesizer} (not DP)`,
                epsilon: x(p),
                measure: label,
                value: v,
                ...(iv ? { lo: iv[0], hi: iv[1] } : {}),
                ...(typeof noise === 'number' ? { noise } : {}),
                meets: p.scorecard.verdict === 'pass' ? 'meets the policy' : 'misses the policy',
                recommended: recommended === p,
            });
        }
    }
    const eps = [...new Set(points.filter((p) => p.privacy.type === 'dp').map(claimedEpsilon))].sort((a, b) => a - b);
    const hasInf = points.some((p) => p.privacy.type !== 'dp');
    const ticks = [...eps, ...(hasInf ? [inf] : [])];
    const lo = Math.min(...ticks);
    const hi = Math.max(...ticks);
    const xEnc = { field: 'epsilon', type: 'quantitative' };
    return {
        title: 'Fidelity, utility and privacy risk against ε',
        data: { values },
        facet: { column: { field: 'measure', type: 'nominal', title: null, sort: SERIES.map((s) => s[1]) } },
        spec: {
            width: 240,
            height: 200,
            layer: [
                {
                    // the lines join a synthesizer's DP points only: the jump to ∞ is not a trend
                    transform: [{ filter: `datum.epsilon < ${inf}` }],
                    mark: { type: 'line', strokeWidth: 2 },
                    encoding: {
                        x: {
                            ...xEnc,
                            title: hasInf ? 'claimed ε (log scale; ∞ = not DP)' : 'claimed ε (log scale)',
                            scale: { type: 'log', domain: [lo / 1.5, hi * 1.5], nice: false },
                            axis: {
                                values: ticks,
                                // claimed ε is rounded up (0.9999990 for a budget of 1): three significant digits
                                labelExpr: hasInf
                                    ? `datum.value >= ${inf} ? '∞' : format(datum.value, '.3~g')`
                                    : "format(datum.value, '.3~g')",
                            },
                        },
                        y: { field: 'value', type: 'quantitative', title: null, scale: { domain: [0, 1] } },
                        color: { field: 'synthesizer', type: 'nominal', title: 'synthesizer' },
                    },
                },
                {
                    transform: [{ filter: 'isValid(datum.lo)' }],
                    mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.6 },
                    encoding: {
                        x: xEnc,
                        y: { field: 'lo', type: 'quantitative' },
                        y2: { field: 'hi' },
                        color: { field: 'synthesizer', type: 'nominal' },
                    },
                },
                {
                    transform: [{ filter: 'isValid(datum.noise)' }],
                    mark: { type: 'tick', color: '#616161', thickness: 2.5, size: 20 },
                    encoding: { x: xEnc, y: { field: 'noise', type: 'quantitative' } },
                },
                {
                    mark: { type: 'point', size: 70, strokeWidth: 2 },
                    encoding: {
                        x: xEnc,
                        y: { field: 'value', type: 'quantitative' },
                        color: { field: 'synthesizer', type: 'nominal' },
                        shape: {
                            field: 'meets',
                            type: 'nominal',
                            title: null,
                            scale: { domain: ['meets the policy', 'misses the policy'], range: ['circle', 'cross'] },
                            legend: null, // the caption explains the shapes
                        },
                        fill: {
                            condition: {
                                test: "datum.meets === 'meets the policy'",
                                field: 'synthesizer',
                                type: 'nominal',
                            },
                            value: 'white',
                        },
                    },
                },
                {
                    transform: [{ filter: 'datum.recommended' }],
                    mark: {
                        type: 'point',
                        size: 320,
                        shape: 'circle',
                        filled: false,
                        color: COLORS.pass,
                        strokeWidth: 2.5,
                    },
                    encoding: {
                        x: xEnc,
                        y: { field: 'value', type: 'quantitative' },
                    },
                },
            ],
        },
        resolve: { scale: { y: 'shared' } },
    };
}
/** The sweep page: recommendation, frontier, the table of points. Self-contained like the report. */
export async function renderSweepHtml(points, opts = {}) {
    const linked = opts.pointReports ?? true;
    const rec = recommend(points);
    const title = opts.title ?? 'ε trade-off sweep';
    const dp = points.filter((p) => p.privacy.type === 'dp');
    const chart = dp.length
        ? `<figure class="chart">${await renderSvg(frontierSpec(points, rec.point), 'sweep')}<figcaption>Filled circles meet every target of the policy, crosses miss at least one; the ringed point is the recommendation. Lines join the DP points of one synthesizer; points at ε = ∞ are not differentially private (the baselines: what the data allows without a guarantee). Privacy risk: the risk the attacks demonstrate once corrected for their number (what the policy checks); its bar is the simultaneous 95% interval of the largest true risk, and the grey tick the level the largest of the attack estimates reaches when nothing leaks — a bar reaching below the tick is consistent with noise.</figcaption></figure>`
        : '<p class="box">No differentially private point: nothing to plot against ε.</p>';
    const sorted = [...points].sort((a, b) => a.synthesizer.localeCompare(b.synthesizer) || claimedEpsilon(a) - claimedEpsilon(b));
    const rows = sorted
        .map((p) => {
        const fails = failing(p);
        return `<tr data-point="${esc(pointKey(p.synthesizer, p.epsilon))}" data-verdict="${p.scorecard.verdict}"${rec.point === p ? ' class="rec"' : ''}><td>${esc(p.synthesizer)}</td><td>${p.privacy.type === 'dp' ? esc(formatEpsilon(p.privacy.epsilon)) : 'not DP'}</td><td>${esc(formatNumber(p.scores.fidelity))}</td><td>${esc(formatNumber(p.scores.correlation))}</td><td>${esc(formatNumber(p.scores.utility))}</td><td>${esc(formatNumber(p.scores.privacyRisk))}</td><td>${esc(formatNumber(p.scores.privacyRiskLargest ?? null))}${p.scores.privacyRiskInterval
            ? ` [${esc(formatNumber(p.scores.privacyRiskInterval[0]))}, ${esc(formatNumber(p.scores.privacyRiskInterval[1]))}]`
            : ''}</td><td>${esc(formatNumber(p.scores.privacyNoise ?? null))}</td><td>${esc(formatNumber(p.scores.privacyDetectable ?? null))}</td><td>${esc(formatNumber(p.scores.empiricalEpsilon))}</td><td class="${p.scorecard.verdict}">${p.scorecard.verdict === 'pass' ? 'meets' : `misses ${esc(fails.join(', '))}`}</td><td>${esc(formatNumber(p.seconds.fit))} s</td>${linked
            ? `<td>${p.reportFile ? `<a href="points/${esc(encodeURI(p.reportFile))}">report</a>` : ''}</td>`
            : ''}</tr>`;
    })
        .join('');
    const failures = opts.failures?.length
        ? `<h2>Points that could not be evaluated</h2><ul>${opts.failures
            .map((f) => `<li>${esc(f.synthesizer)} ${f.epsilon === null ? '' : `ε = ${esc(formatNumber(f.epsilon))}`}: ${esc(f.error)}</li>`)
            .join('')}</ul>`
        : '';
    const policy = points[0]?.scorecard.policy.name ?? '';
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>
body{margin:0 auto;max-width:1180px;padding:24px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d1d1f}
.rec-box{padding:10px 14px;border-radius:6px;font-weight:600;margin:12px 0}
.rec-box.yes{background:#e8f5e9;border:1px solid #a5d6a7;color:${COLORS.pass}}
.rec-box.no{background:#ffebee;border:1px solid #ef9a9a;color:${COLORS.fail}}
.explain{color:#5f6368;max-width:900px}
table{border-collapse:collapse}th,td{padding:4px 10px;border-bottom:1px solid #e3e3e3;text-align:left}th{background:#f5f5f5}
td.pass{color:${COLORS.pass};font-weight:600}td.fail{color:${COLORS.fail}}
tr.rec{background:#f1f8e9}
figcaption{color:#5f6368;font-size:12px}
</style></head><body>
<h1>${esc(title)}</h1>
<p class="explain">${opts.table ? `Table ${esc(opts.table)}. ` : ''}Each point is one synthesizer fitted at one privacy budget ε, then evaluated against real rows it never saw and checked against the policy “${esc(policy)}”. A smaller ε is a stronger privacy guarantee and usually costs fidelity and utility: the sweep shows how much.</p>
<div id="recommendation" class="rec-box ${rec.point ? 'yes' : 'no'}">${rec.point ? 'Recommended: ' : ''}${esc(rec.reason)}</div>
${chart}
<h2>All points</h2>
<table id="points"><thead><tr><th>Synthesizer</th><th>Claimed ε</th><th>Fidelity</th><th>Correlation</th><th>ML utility</th><th>Privacy risk (demonstrated)</th><th>Largest risk estimate [simultaneous 95%]</th><th>Noise level</th><th>Detectable risk</th><th>Empirical ε</th><th>Policy</th><th>Fit time</th>${linked ? '<th>Report</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>
${failures}
<p class="explain">Recommendation rule: among the points that meet every target, the smallest claimed ε; ties broken by higher ML utility, then higher fidelity. ${linked
        ? 'Each point’s full evaluation is in points/ next to this file and can be rendered with lookalike report.'
        : 'This page was saved on its own: the points’ full evaluations and reports are not part of it.'}</p>
</body></html>
`;
}
//# sourceMappingURL=sweep.js.map