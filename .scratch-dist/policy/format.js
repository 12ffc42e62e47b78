/**
 * The scorecard as text: the operator as people read it, the number a row shows (claimed guarantees rounded up),
 * the plain-text table for a terminal and the lines naming failing targets.
 */
import { formatEpsilon, formatNumber } from '../format.js';
/** The operator as people read it: ≥, >, ≤, <. */
export function opSymbol(op) {
    return op === '>=' ? '≥' : op === '<=' ? '≤' : op;
}
/** The number a scorecard row shows: claimed guarantees are rounded up, everything else to 4 digits. */
export function formatRowNumber(r, x) {
    return r.kind === 'guarantee' ? formatEpsilon(x) : formatNumber(x);
}
/**
 * The scorecard as a plain-text table for a terminal (and CI logs), then the verdict, then — when it fails — one line
 * per failing or unmeasured target saying what was compared.
 */
export function formatScorecard(sc) {
    const head = ['Metric', 'Score', 'Target', 'Status'];
    const body = sc.rows.map((r) => [
        r.columns ? `${r.label} [${r.columns.join(', ')}]` : r.label,
        r.measured === null
            ? '—'
            : r.ci
                ? `${formatNumber(r.measured)} [${formatNumber(r.ci[0])}, ${formatNumber(r.ci[1])}]`
                : formatRowNumber(r, r.measured),
        `${opSymbol(r.op)} ${formatNumber(r.target)}`,
        r.status === 'missing' ? 'not measured' : r.status,
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
    const line = (cells) => cells
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    const out = [
        `Policy: ${sc.policy.name}`,
        line(head),
        line(widths.map((w) => '-'.repeat(w))),
        ...body.map(line),
        '',
        sc.summary,
    ];
    const failures = formatFailures(sc);
    return failures ? `${out.join('\n')}\n${failures}` : out.join('\n');
}
/** One line per failing (or, under `missing: fail`, unmeasured) target: `  ✗ id: what was compared`. */
export function formatFailures(sc) {
    return sc.rows
        .filter((r) => r.status === 'fail' || (r.status === 'missing' && sc.policy.missing === 'fail'))
        .map((r) => `  ✗ ${r.id}${r.columns ? ` [${r.columns.join(', ')}]` : ''}: ${r.note}`)
        .join('\n');
}
/** A policy in words: its name, its targets (id, columns, operator, value, how it is checked), what "not measured" does. */
export function formatPolicy(policy) {
    const lines = policy.targets.map((t) => `  ${t.id}${t.columns ? ` [${t.columns.join(', ')}]` : ''} ${opSymbol(t.op)} ${t.value}${t.bound === 'estimate' ? ' (estimate)' : ''}${t.over === 'mean' ? ' (mean)' : ''}${t.on === 'score' ? ' (score)' : ''}`);
    const missing = policy.missing === 'ignore' ? 'ignored' : 'failing';
    return [
        `Policy "${policy.name}": ${policy.targets.length} targets; not measured counts as ${missing}`,
        ...lines,
    ].join('\n');
}
/** The target catalogue (`lookalike policy ids`): one line per id — kind, direction, description. */
export function formatCatalogue(catalogue) {
    const w = Math.max(...catalogue.map((t) => t.id.length)) + 2;
    return catalogue
        .map((t) => `${t.id.padEnd(w)}${t.kind.padEnd(10)}${`${t.better} is better`.padEnd(18)}${t.description}`)
        .join('\n');
}
//# sourceMappingURL=format.js.map