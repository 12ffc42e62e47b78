import { targetColumn } from '../table/schema.js';
import { LookalikeError } from '../errors.js';
import { formatSummary } from '../metrics/summary.js';
import { formatScorecard } from '../policy/format.js';
import { privacyLabel } from '../privacy/guarantee.js';
import { assess } from './assess.js';
import { gate } from './gate.js';
import { holdOut } from './holdout.js';
import { release } from './release.js';
import { renderReport } from './report.js';
import { secondsSince } from './hooks.js';
import { disclose } from './disclose.js';
/** The target of a job or an assessment, checked before any work: a column the table has, of a kind to predict. */
export function checkTarget(table, schema, target) {
    const t = target ?? targetColumn(schema);
    if (t === undefined)
        return undefined;
    if (!table.has(t))
        throw new LookalikeError(`--target: the table has no column "${t}"`, [], 'usage');
    const kind = table.column(t).kind;
    if (kind === 'id' || kind === 'text')
        throw new LookalikeError(`--target: "${t}" is an ${kind} column; predict a categorical, boolean or numeric one`, [], 'usage');
    return t;
}
/**
 * The whole job, from the steps: `holdOut` → `release` → `assess` → `gate` → `renderReport`. Reads only the
 * tables it is given (no files): the CLI's `run` and `demo` read and write around it, a page calls it directly.
 */
export async function runJob(table, schema, spec = {}) {
    const evaluateIt = spec.evaluate !== false;
    const target = evaluateIt ? checkTarget(table, schema, spec.target) : spec.target;
    const seed = spec.seed ?? 0;
    const { train, holdout } = evaluateIt
        ? holdOut(table, spec.holdout ?? { fraction: 0.2, seed }, spec)
        : { train: table, holdout: null };
    if (spec.privacy === true && !holdout)
        throw new LookalikeError('the privacy-risk attacks need a holdout (a holdout fraction > 0 or a holdout table): they compare with real rows the synthesizer never saw', [], 'usage');
    const sampled = await release(train, schema, spec);
    const timings = { ...sampled.timings };
    let released = sampled;
    let disclosure;
    if (spec.disclosure?.length) {
        const t = performance.now();
        const d = disclose(sampled.synthetic, {
            ...spec,
            steps: spec.disclosure,
            training: train,
            guarantee: sampled.privacy,
        });
        timings.disclose = secondsSince(t);
        released = { ...sampled, synthetic: d.table, privacy: d.privacy };
        disclosure = d.report;
    }
    const extra = { inputRows: table.nRows, ...(disclosure ? { disclosure } : {}) };
    if (!evaluateIt)
        return { ...released, ...extra, train, holdout, timings };
    let t0 = performance.now();
    const evaluation = await assess(train, released.synthetic, holdout, {
        ...spec,
        schema,
        seed,
        ...(target !== undefined ? { target } : {}),
        guarantee: released.privacy,
        synthesizer: released.synthesizer,
        ...(spec.options ? { synthesizerOptions: spec.options } : {}),
    });
    timings.evaluate = secondsSince(t0);
    const attacks = evaluation.timings.find((t) => t.phase === 'privacy');
    if (attacks) {
        timings.evaluate -= attacks.seconds;
        timings.privacy = attacks.seconds;
    }
    const g = gate(evaluation, spec.policy, released.privacy);
    if (spec.report === false)
        return { ...released, ...extra, train, holdout, evaluation, gate: g, timings };
    t0 = performance.now();
    const report = await renderReport({
        evaluation,
        scorecard: g.scorecard,
        model: released.model,
        format: spec.report ?? 'html',
        ...(disclosure ? { disclosure } : {}),
        ...(spec.title ? { title: spec.title } : {}),
    });
    timings.report = secondsSince(t0);
    return { ...released, ...extra, train, holdout, evaluation, gate: g, report, timings };
}
/** A job in numbers (what `lookalike run --json` prints besides its files): no table, no cell value. */
export function jobSummary(job) {
    return {
        synthesizer: job.synthesizer.name,
        privacy: job.privacy,
        rows: {
            input: job.inputRows,
            fitted: job.train.nRows,
            holdout: job.holdout?.nRows ?? 0,
            synthetic: job.synthetic.nRows,
        },
        seconds: job.timings,
        ...(job.gate ? { verdict: job.gate.scorecard.summary, quality: job.evaluation?.aggregates.quality } : {}),
    };
}
/**
 * A job in words: the evaluation's summary and the scorecard (when it evaluated; `policyGiven` says whether the
 * policy gates or is the default one, for display), the synthesizer with its guarantee, and the rows in and out.
 */
export function formatJob(job, policyGiven) {
    const n = (x) => x.toLocaleString('en-US');
    const { synthesizer, privacy, rows: r } = jobSummary(job);
    const which = policyGiven ? 'Policy' : 'Default policy (display only; gate with --policy)';
    const assessed = job.evaluation && job.gate
        ? [formatSummary(job.evaluation), `\n${which}:\n${formatScorecard(job.gate.scorecard)}`]
        : [];
    return [
        ...assessed,
        `synthesizer: ${synthesizer} — ${privacyLabel(privacy)}`,
        `rows: ${n(r.input)} in (${n(r.fitted)} fitted, ${n(r.holdout)} held out), ${n(r.synthetic)} synthetic`,
    ].join('\n');
}
//# sourceMappingURL=job.js.map