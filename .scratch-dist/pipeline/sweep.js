import { LookalikeError } from '../errors.js';
import { formatEpsilon, formatNumber, formatTable } from '../format.js';
import { privacyAttacks } from '../metrics/registry.js';
import { DEFAULT_POLICY } from '../policy/default.js';
import { DEFAULT_DELTA } from '../privacy/ledger.js';
import { claimedEpsilon, pointKey, recommend, sweepScores, } from '../report/sweep.js';
import { getSynthesizer } from '../synthesizers/registry.js';
import { assess, attackList } from './assess.js';
import { gate } from './gate.js';
import { secondsSince } from './hooks.js';
import { release } from './release.js';
import { renderReport } from './report.js';
export function memorySweepStore() {
    const records = new Map();
    return {
        records,
        load: (key) => records.get(key)?.point ?? null,
        save: (key, r) => void records.set(key, r),
    };
}
/** The baselines a sweep draws at ε = ∞ when none are named and a DP synthesizer is swept. */
export const DEFAULT_SWEEP_BASELINES = ['gaussian-copula', 'cart', 'independent'];
/**
 * The baselines of a sweep from a list written as text (`--baselines cart,independent`): `none` is none, no list is
 * `DEFAULT_SWEEP_BASELINES` when one of `synthesizers` is DP only (else none), any other list as given (names are
 * checked by `sweepProblems`).
 */
export function sweepBaselines(items, synthesizers) {
    if (items)
        return items.length === 1 && items[0] === 'none' ? [] : items;
    const dp = synthesizers.some((s) => {
        try {
            return (typeof s === 'object' ? s : getSynthesizer(s)).privacy === 'dp';
        }
        catch {
            return false; // an unknown name: sweepProblems says so
        }
    });
    return dp ? DEFAULT_SWEEP_BASELINES : [];
}
/** Budgets written as text (`--epsilons 0.1,1`): the numbers > 0, and in `problems` each item that is not one. */
export function parseEpsilons(items, problems) {
    const out = [];
    for (const e of items) {
        const x = Number(e);
        if (Number.isFinite(x) && x > 0)
            out.push(x);
        else
            problems.push(`--epsilons: "${e}" is not a number > 0`);
    }
    return out;
}
/** Every problem of a sweep's spec, before any work: unknown synthesizers or attacks, missing or bad budgets. */
export function sweepProblems(spec) {
    const problems = [];
    const synths = [];
    for (const s of spec.synthesizers) {
        try {
            synths.push(typeof s === 'object' ? s : getSynthesizer(s));
        }
        catch (e) {
            problems.push(e.message);
        }
    }
    for (const s of spec.baselines ?? []) {
        try {
            const b = typeof s === 'object' ? s : getSynthesizer(s);
            if (b.privacy === 'dp')
                problems.push(`baseline "${b.name}" is differentially private only: list it under synthesizers instead`);
        }
        catch (e) {
            problems.push(e.message);
        }
    }
    if (!spec.synthesizers.length)
        problems.push('no synthesizer to sweep');
    for (const e of spec.epsilons ?? [])
        if (!(Number.isFinite(e) && e > 0))
            problems.push(`ε must be a number > 0, got ${e}`);
    if (synths.some((s) => s.privacy === 'dp') && spec.epsilons === undefined)
        problems.push('--epsilons is required for the DP synthesizers, e.g. --epsilons 0.1,0.3,1,3,10');
    const d = spec.delta;
    if (d !== undefined && !(d > 0 && d < 1))
        problems.push(`--delta must be in (0, 1), got "${d}"`);
    const known = privacyAttacks();
    for (const a of attackList(spec.attacks) ?? [])
        if (!known.includes(a))
            problems.push(`--attacks: unknown attack "${a}" (known: ${known.join(', ')})`);
    return problems;
}
/** The points of a sweep, in order: each DP synthesizer at every ε (distinct, in the order given), others once. */
export function sweepPlan(spec) {
    const epsilons = [...new Set(spec.epsilons ?? [])];
    const plan = spec.synthesizers.flatMap((s) => {
        const synthesizer = typeof s === 'object' ? s : getSynthesizer(s);
        return synthesizer.privacy === 'dp' || (synthesizer.privacy === 'either' && epsilons.length)
            ? epsilons.map((epsilon) => ({ synthesizer, epsilon }))
            : [{ synthesizer, epsilon: null }];
    });
    // the baselines last, once each, without a budget (skipped when the same non-DP point is already planned)
    for (const s of spec.baselines ?? []) {
        const synthesizer = typeof s === 'object' ? s : getSynthesizer(s);
        if (!plan.some((p) => p.synthesizer.name === synthesizer.name && p.epsilon === null))
            plan.push({ synthesizer, epsilon: null });
    }
    return plan;
}
/**
 * `sweep`: every synthesizer × ε through the same steps as a job (`release` → `assess` → `gate` → `renderReport`),
 * on one split (`train`, `holdout`). A point already in `store` with the same settings is reused, so a rerun
 * resumes; a point whose fit or evaluation fails with a LookalikeError is listed in `failures`. Returns the points,
 * the failures and the recommendation (report/sweep.ts: the smallest ε meeting every target).
 */
export async function sweep(train, holdout, schema, spec, store = memorySweepStore()) {
    const problems = sweepProblems(spec);
    if (problems.length)
        throw new LookalikeError('cannot start the sweep:', problems, 'usage');
    const seed = spec.seed ?? 0;
    const delta = spec.delta ?? DEFAULT_DELTA;
    const policy = spec.policy ?? DEFAULT_POLICY;
    const settings = {
        ...spec.inputs,
        seed,
        delta,
        rows: spec.rows ?? null,
        target: spec.target ?? null,
        attacks: attackList(spec.attacks) ?? null,
        // the privacy score's definition: points scored before the family-wise correction are evaluated again
        privacyScore: 'family-wise',
        // only when given: points of sweeps run before the option existed still resume
        ...(spec.nAttacks !== undefined ? { attackCount: spec.nAttacks } : {}),
        ...(spec.rules?.length ? { rules: spec.rules } : {}),
        policy,
    };
    const plan = sweepPlan(spec);
    const points = [];
    const failures = [];
    for (const [i, { synthesizer, epsilon }] of plan.entries()) {
        const key = pointKey(synthesizer.name, epsilon);
        const label = `[${i + 1}/${plan.length}] ${synthesizer.name}${epsilon === null ? ' (not DP)' : ` ε = ${epsilon}`}`;
        const done = await store.load(key);
        if (done?.format === 'lookalike-sweep-point' &&
            done.version === 1 &&
            done.synthesizer === synthesizer.name &&
            done.epsilon === epsilon &&
            JSON.stringify(done.settings) === JSON.stringify(settings)) {
            spec.onStep?.(`${label}: done before, skipped`);
            points.push(done);
            continue;
        }
        try {
            spec.onStep?.(`${label}: fitting`);
            const r = await release(train, schema, {
                synthesizer,
                seed,
                ...(spec.rows !== undefined ? { rows: spec.rows } : {}),
                ...(epsilon !== null ? { epsilon, delta } : {}),
                ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
                ...(spec.rules?.length ? { rules: spec.rules } : {}),
            });
            spec.onStep?.(`${label}: evaluating (fit ${r.timings.fit.toFixed(1)} s, sample ${r.timings.sample.toFixed(1)} s)`);
            const t0 = performance.now();
            const evaluation = await assess(train, r.synthetic, holdout, {
                ...spec,
                onStep: undefined,
                schema,
                seed,
                guarantee: r.privacy,
                synthesizer,
            });
            const evaluate = secondsSince(t0);
            const { scorecard } = gate(evaluation, policy, r.privacy);
            const model = r.model.toJSON();
            const title = `${synthesizer.name}${epsilon === null ? ' (not DP)' : ` at ε = ${epsilon}`}`;
            const report = await renderReport({ evaluation, scorecard, model, title });
            const point = {
                format: 'lookalike-sweep-point',
                version: 1,
                synthesizer: synthesizer.name,
                epsilon,
                delta: epsilon !== null ? delta : null,
                privacy: r.privacy,
                scores: sweepScores(evaluation),
                scorecard,
                seconds: { ...r.timings, evaluate },
                evaluationFile: `${key}.evaluation.json`,
                reportFile: `${key}.report.html`,
                settings,
                createdAt: new Date().toISOString(),
            };
            await store.save(key, { point, evaluation, model, report });
            points.push(point);
            spec.onStep?.(`${label}: ${scorecard.verdict === 'pass' ? 'meets' : 'misses'} the policy (evaluated in ${evaluate.toFixed(1)} s)`);
        }
        catch (e) {
            if (!(e instanceof LookalikeError))
                throw e;
            const error = e.message.replace(/\n/g, ' ');
            spec.onNote?.(`${label}: failed — ${error}`);
            failures.push({ synthesizer: synthesizer.name, epsilon, error });
        }
    }
    return { points, failures, recommendation: recommend(points), policy };
}
/** The sweep as one JSON document (`sweep.json`, format `lookalike-sweep`): points with their scores, the choice. */
export function sweepSummary(r, table) {
    const key = (p) => (p ? pointKey(p.synthesizer, p.epsilon) : null);
    return {
        format: 'lookalike-sweep',
        version: 1,
        table,
        policy: r.policy.name,
        points: r.points.map((p) => ({
            key: key(p),
            synthesizer: p.synthesizer,
            epsilon: p.epsilon,
            claimedEpsilon: p.privacy.type === 'dp' ? p.privacy.epsilon : null,
            scores: p.scores,
            verdict: p.scorecard.verdict,
            seconds: p.seconds,
        })),
        failures: r.failures,
        recommendation: {
            point: key(r.recommendation.point),
            closest: key(r.recommendation.closest),
            reason: r.recommendation.reason,
        },
    };
}
/** The sweep as text: one row per point (by synthesizer, then ε), then the recommendation and its reason. */
export function formatSweep(r) {
    const rows = [...r.points]
        .sort((a, b) => a.synthesizer.localeCompare(b.synthesizer) || claimedEpsilon(a) - claimedEpsilon(b))
        .map((p) => [
        p.synthesizer,
        p.privacy.type === 'dp' ? formatEpsilon(p.privacy.epsilon) : 'not DP',
        ...[p.scores.fidelity, p.scores.utility, p.scores.privacyRisk].map((x) => formatNumber(x)),
        p.scorecard.verdict === 'pass' ? 'meets' : 'misses',
    ]);
    const header = [
        'synthesizer',
        'ε',
        'fidelity',
        'utility',
        'privacy risk (demonstrated)',
        `policy "${r.policy.name}"`,
    ];
    return `${formatTable(header, rows)}\n\n${r.recommendation.point ? 'recommended: ' : ''}${r.recommendation.reason}`;
}
//# sourceMappingURL=sweep.js.map