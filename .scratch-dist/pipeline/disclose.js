import { applyDisclosureControl, guaranteeAfter, TRAINING_FILTER_WARNING, } from '../constraints/disclosure.js';
import { privacyLabel } from '../privacy/guarantee.js';
/**
 * Step `disclose` (the optional filter phase, between sample and assess): post-hoc disclosure control of the
 * synthetic table — rare categories merged, extremes coded, values rounded, quasi-identifiers k-anonymised, exact
 * training matches removed — with its report (docs/constraints.md). A step that reads the training data turns a DP
 * release into one that is not DP and says so in a note (Ganev & De Cristofaro 2023, ReconSyn).
 */
export function disclose(synthetic, spec) {
    const before = spec.guarantee ?? { type: 'none' };
    spec.onStep?.(`disclosure control: ${spec.steps.map((s) => s.type).join(', ') || 'no step'}`);
    const { table, report } = applyDisclosureControl(synthetic, spec.steps, spec.training);
    const privacy = guaranteeAfter(before, report);
    if (report.readsTrainingData)
        spec.onNote?.(TRAINING_FILTER_WARNING);
    return { table, report, privacy };
}
/**
 * What disclosure control did, as text: rows kept, each step with the cells it changed per column, the guarantee
 * before → after (when known) and the warning of a step that read the training data.
 */
export function formatDisclosure(report, out, guarantee) {
    const n = (x) => x.toLocaleString('en-US');
    const lines = report.steps.map((s) => {
        const cells = Object.entries(s.cellsChanged)
            .filter(([, k]) => k > 0)
            .map(([c, k]) => `${c} ${k}`)
            .join(', ');
        return `  ${s.step}: ${s.note}${cells ? ` — cells changed: ${cells}` : ''}`;
    });
    const g = guarantee;
    return [
        `wrote ${n(report.rowsOut)} of ${n(report.rowsIn)} rows to ${out}`,
        ...lines,
        ...(g ? [`guarantee: ${privacyLabel(g.before)} → released table: ${privacyLabel(g.after)}`] : []),
        ...(report.warning ? [`WARNING: ${report.warning}`] : []),
    ].join('\n');
}
//# sourceMappingURL=disclose.js.map