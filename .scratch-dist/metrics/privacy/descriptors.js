import { takeRows } from './space.js';
import { distanceMetrics } from './distance-metrics.js';
import { classifierMia, membershipInference, miaSetup } from './mia.js';
import { attributeInference, linkability as linkabilityAttack, singlingOut, } from './anonymeter.js';
import { kAnonymityMetrics } from './kanonymity.js';
import { shadowModelAttack } from './shadow.js';
import { formatNumber } from '../../format.js';
import { aucNullSe, aucSe, probit, residualSuccess, wilsonRate } from './stats.js';
const pick = (results, id) => results.filter((m) => m.id === id);
const fmt = (x) => formatNumber(x, { fixed: 3 });
function anonymeterMetric(id, name, r, columns, extra = {}) {
    return {
        id,
        family: 'privacy',
        name,
        ...(columns ? { columns } : {}),
        value: r.risk.value,
        score: 1 - r.risk.value,
        ci: r.risk.ci,
        baseline: 0,
        note: `${r.nAttacks} attacks; success rate ${fmt(r.main.value)} on training rows, ${fmt(r.control.value)} on holdout, ${fmt(r.baseline.value)} for a random guess`,
        details: {
            nAttacks: r.nAttacks,
            nSuccess: r.nSuccess,
            nControl: r.nControl,
            nBaseline: r.nBaseline,
            mainRate: r.main,
            controlRate: r.control,
            baselineRate: r.baseline,
            ...extra,
        },
    };
}
/** An Anonymeter risk is the metric's value (its score is 1 − value). */
const anonymeterRisk = (m) => m.value;
// ------------------------------------------------------------------ risk statistics (./multiplicity.ts)
const Z95 = probit(0.95);
const num = (m, key) => {
    const v = m.details?.[key];
    return typeof v === 'number' ? v : NaN;
};
const isRate = (r) => typeof r === 'object' && r !== null && typeof r.value === 'number';
/**
 * Standard error, when nothing leaks, of a residual (p₁ − p₂)/(1 − p₂) between two rates on n₁ and n₂ trials: both
 * rates equal the pooled one, taken at its Wilson centre so that zero counts still leave a positive error,
 * p̃ = (k₁ + k₂ + z²/2)/(n₁ + n₂ + z²), giving √(p̃(1 − p̃)(1/n₁ + 1/n₂))/(1 − p̃).
 */
function residualNullSe(n1, k1, n2, k2) {
    const z2 = Z95 * Z95;
    const p = (k1 + k2 + z2 / 2) / (n1 + n2 + z2);
    return 1 - p > 1e-12 ? Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2)) / (1 - p) : Infinity;
}
/**
 * A rate on training rows against the same rate on holdout rows: risk (p₁ − p₂)/(1 − p₂) from the raw counts, its
 * error propagated to first order from the two rates' Wilson errors, and the null error above.
 */
function residualStat(n1, k1, n2, k2) {
    if (![n1, k1, n2, k2].every(Number.isFinite) || !(n1 > 0 && n2 > 0))
        return null;
    const p1 = k1 / n1, p2 = k2 / n2;
    const w1 = wilsonRate(n1, k1), w2 = wilsonRate(n2, k2);
    const r = residualSuccess({ value: p1, error: w1.error / Z95 }, { value: p2, error: w2.error / Z95 });
    return 1 - p2 > 1e-12
        ? { estimate: r.value, se: r.error, nullSe: residualNullSe(n1, k1, n2, k2) }
        : { estimate: 0, se: Infinity, nullSe: Infinity };
}
/** Anonymeter's residual of Wilson rates, as the metric reports it, with its error in standard-error units. */
function anonymeterStat(m) {
    const main = m.details?.mainRate, control = m.details?.controlRate;
    const n = num(m, 'nAttacks');
    if (!isRate(main) || !isRate(control) || !(n > 0))
        return null;
    if (1 - control.value <= 1e-12)
        return { estimate: 0, se: Infinity, nullSe: Infinity };
    const r = residualSuccess(main, control);
    return {
        estimate: r.value,
        se: r.error / Z95,
        nullSe: residualNullSe(n, num(m, 'nSuccess'), n, num(m, 'nControl')),
    };
}
/** A membership AUC as the risk 2·(AUC − 0.5): Hanley–McNeil error, and the exact null error of the AUC. */
function aucStat(m) {
    const nPos = num(m, 'nMembers'), nNeg = num(m, 'nNonMembers');
    if (!(nPos > 0 && nNeg > 0))
        return null;
    return {
        estimate: 2 * (m.value - 0.5),
        se: 2 * aucSe(m.value, nPos, nNeg),
        nullSe: 2 * aucNullSe(nPos, nNeg),
    };
}
/** The DCR share against its baseline b: (share − b)/(1 − b) with the cluster-robust error (also under the null). */
function dcrStat(m) {
    const se = num(m, 'se');
    const b = m.baseline;
    if (!(se >= 0) || b === undefined || !(b < 1))
        return null;
    return { estimate: (m.value - b) / (1 - b), se: se / (1 - b), nullSe: se / (1 - b) };
}
// ------------------------------------------------------------------ distance
function distanceRun(ctx) {
    return ctx.memo('distance', async () => {
        const maxRows = ctx.options.maxRows ?? 50_000;
        let note;
        let syd = ctx.sy;
        if (ctx.sy.n > maxRows) {
            syd = takeRows(ctx.sy, ctx.rng.permutation(ctx.sy.n).subarray(0, maxRows));
            note = `synthetic rows subsampled to ${maxRows} (seed ${ctx.seed})`;
        }
        return (await distanceMetrics(ctx.tr, ctx.ho, syd, ctx.search, note)).metrics;
    });
}
function distanceMetric(id, label, description, better, scored = true, riskStat) {
    return {
        id,
        family: 'privacy',
        label,
        description,
        better,
        suite: 'distance',
        scope: 'table',
        ...(scored ? { aggregates: ['privacy_protection'] } : {}),
        ...(riskStat ? { riskStat } : {}),
        compute: async (ctx) => pick(await distanceRun(ctx), id),
    };
}
export const dcrShare = distanceMetric('dcr_share', 'DCR share (closer to training)', 'Share of synthetic rows closer to a training row than to a holdout row (0.5 is ideal).', 'lower', true, dcrStat);
export const nndr = distanceMetric('nndr', 'Nearest-neighbour distance ratio', 'Mean ratio of distances to the closest and second-closest training rows.', 'higher', false);
export const exactMatchRate = distanceMetric('exact_match_rate', 'Exact-match rate', 'Share of synthetic rows identical to a training row.', 'lower', true, (m) => {
    const n = num(m, 'syntheticRows');
    return residualStat(n, num(m, 'exactMatchesTrain'), n, num(m, 'exactMatchesHoldout'));
});
export const nearDuplicateRate = distanceMetric('near_duplicate_rate', 'Near-duplicate rate', 'Share of synthetic rows almost identical to a training row.', 'lower', true, (m) => {
    const n = num(m, 'syntheticRows');
    return residualStat(n, num(m, 'nearTrain'), n, num(m, 'nearHoldout'));
});
// ------------------------------------------------------------------ membership inference
/** The distance attack and DOMIAS share one member / non-member draw and one neighbour search. */
function miaRun(ctx) {
    return ctx.memo('mia', async () => {
        const setup = miaSetup(ctx.tr, ctx.ho, ctx.rng, ctx.nAttacks);
        const which = ['distance', 'domias'].filter((a) => ctx.attacks.includes(a === 'distance' ? 'mia' : 'domias'));
        const r = await membershipInference(setup, ctx.sy, ctx.rng, {
            attacks: which,
            delta: ctx.options.claimedDelta,
            claimedEpsilon: ctx.options.claimedEpsilon,
            search: ctx.search,
        });
        return r.metrics;
    });
}
const miaBase = {
    family: 'privacy',
    better: 'lower',
    scope: 'table',
    aggregates: ['privacy_protection'],
    riskStat: aucStat,
};
export const miaDistance = {
    ...miaBase,
    id: 'mia_distance',
    label: 'Membership inference AUC (distance attack)',
    description: 'Distance-to-closest-synthetic-row attack.',
    suite: 'mia',
    compute: async (ctx) => pick(await miaRun(ctx), 'mia_distance'),
};
export const miaDomias = {
    ...miaBase,
    id: 'mia_domias',
    label: 'Membership inference AUC (DOMIAS)',
    description: 'Density-ratio attack with reference data.',
    suite: 'domias',
    compute: async (ctx) => pick(await miaRun(ctx), 'mia_domias'),
};
export const miaClassifier = {
    ...miaBase,
    id: 'mia_classifier',
    label: 'Membership inference AUC (DOMIAS, classifier)',
    description: 'Density-ratio attack whose ratio comes from boosted trees separating synthetic from reference rows.',
    suite: 'domias-classifier',
    compute: (ctx) => [
        classifierMia(ctx.train, ctx.synthetic, ctx.holdout, ctx.featureNames, ctx.rng, {
            maxPerSide: ctx.nAttacks,
            delta: ctx.options.claimedDelta,
            claimedEpsilon: ctx.options.claimedEpsilon,
        }).metric,
    ],
};
export const miaShadow = {
    ...miaBase,
    id: 'mia_shadow',
    label: 'Membership inference AUC (shadow models)',
    description: 'Shadow-modelling attack on chosen target records.',
    suite: 'shadow',
    optIn: true,
    check: (opts) => opts.synthesizer
        ? []
        : [
            'the "shadow" attack needs options.synthesizer (the synthesizer to re-fit, e.g. getSynthesizer(name))',
        ],
    compute: async (ctx) => {
        const o = ctx.options;
        const r = await shadowModelAttack(ctx.train, ctx.schema, {
            synthesizer: o.synthesizer, // `check` refused a run without one
            synthesizerOptions: o.synthesizerOptions,
            nTargets: o.shadowTargets ?? 10,
            nRuns: o.shadowRuns ?? 8,
            seed: ctx.seed,
            claimedEpsilon: o.claimedEpsilon,
            delta: o.claimedDelta,
            onProgress: o.onProgress,
        });
        return [r.metric];
    },
};
// ------------------------------------------------------------------ Anonymeter: singling out, linkability, inference
function singlingOutMetric(mode, description) {
    const id = `singling_out_${mode}`;
    return {
        id,
        family: 'privacy',
        label: `Singling-out risk (${mode} predicates)`,
        description,
        better: 'lower',
        suite: 'singling-out',
        scope: 'table',
        aggregates: ['privacy_protection'],
        risk: anonymeterRisk,
        riskStat: anonymeterStat,
        compute: (ctx) => {
            ctx.memo('singling-out-sizes', () => {
                if (ctx.ho.n / ctx.tr.n < 0.5)
                    ctx.warn(`singling out: the holdout has ${ctx.ho.n} rows and the training table ${ctx.tr.n}; the control success is rescaled ` +
                        'between these sizes by a fitted model whose error is not in the interval (on Adult, ±0.05–0.09 at a 3× ' +
                        'ratio); a holdout at least as large as the training table is handled exactly');
                return true;
            });
            const n = Math.min(ctx.nAttacks, 500);
            const t0 = performance.now();
            const r = singlingOut(ctx.tr, ctx.sy, ctx.ho, ctx.rng, { mode, nAttacks: n });
            const seconds = (performance.now() - t0) / 1000;
            if (r.nQueries < n)
                ctx.warn(`singling out (${mode}): only ${r.nQueries} singling-out predicates could be built from the synthetic table`);
            const m = anonymeterMetric(id, `Singling-out risk (${mode} predicates)`, r, undefined, {
                predicateAttempts: r.attempts,
                seconds,
                ...(r.controlRescaled ? { controlRescaled: r.controlRescaled } : {}),
            });
            // the rescaling's model error is not in the interval: say so next to the number (issue 17)
            const rs = r.controlRescaled;
            return [
                rs
                    ? {
                        ...m,
                        note: `${m.note}; the holdout success was rescaled from ${rs.from} to ${rs.to} rows by Anonymeter's fitted ` +
                            `model (×${fmt(rs.factor)}), whose error the interval does not include`,
                    }
                    : m,
            ];
        },
    };
}
export const singlingOutUnivariate = singlingOutMetric('univariate', 'Anonymeter-style singling out with one-column predicates.');
export const singlingOutMultivariate = singlingOutMetric('multivariate', 'Anonymeter-style singling out with several-column predicates.');
export const linkability = {
    id: 'linkability',
    family: 'privacy',
    label: 'Linkability risk',
    description: 'Risk of linking two partial records of the same real person through the synthetic table.',
    better: 'lower',
    suite: 'linkability',
    scope: 'table',
    aggregates: ['privacy_protection'],
    risk: anonymeterRisk,
    riskStat: anonymeterStat,
    compute: (ctx) => {
        if (ctx.featureNames.length < 2)
            return [];
        // default: the usable columns in table order, cut in two halves (as in Anonymeter's examples)
        const inOrder = ctx.train.names.filter((n) => ctx.featureNames.includes(n));
        const [a, b] = ctx.options.linkabilityColumns ?? [
            inOrder.slice(0, inOrder.length >> 1),
            inOrder.slice(inOrder.length >> 1),
        ];
        const index = (n) => ctx.featureNames.indexOf(n);
        const r = linkabilityAttack(ctx.tr, ctx.sy, ctx.ho, ctx.rng, {
            auxA: a.map(index),
            auxB: b.map(index),
            nAttacks: ctx.nAttacks,
        });
        return [
            anonymeterMetric('linkability', 'Linkability risk (two auxiliary column sets)', r, undefined, {
                columnsA: a,
                columnsB: b,
            }),
        ];
    },
};
export const inference = {
    id: 'inference',
    family: 'privacy',
    label: 'Attribute inference risk',
    description: 'Risk of guessing a secret column of a real person from their other columns (one result per secret column).',
    better: 'lower',
    suite: 'inference',
    scope: 'column',
    aggregates: ['privacy_protection'],
    risk: anonymeterRisk,
    riskStat: anonymeterStat,
    compute: (ctx) => {
        if (ctx.featureNames.length < 2)
            return [];
        const declared = ctx.schema.columns
            .filter((c) => (c.role === 'sensitive' || c.role === 'target') && ctx.featureNames.includes(c.name))
            .map((c) => c.name);
        const secrets = ctx.options.secrets ?? (declared.length ? declared : ctx.featureNames);
        return secrets.map((s) => {
            const r = attributeInference(ctx.tr, ctx.sy, ctx.ho, ctx.rng, {
                secret: ctx.featureNames.indexOf(s),
                nAttacks: ctx.nAttacks,
            });
            return anonymeterMetric('inference', `Attribute-inference risk for "${s}"`, r, [s]);
        });
    },
};
// ------------------------------------------------------------------ equivalence classes over quasi-identifiers
function kAnonymityRun(ctx) {
    return ctx.memo('k-anonymity', () => {
        const roles = (role) => ctx.schema.columns.filter((c) => c.role === role && ctx.train.has(c.name)).map((c) => c.name);
        const qi = roles('quasi-identifier');
        if (qi.length === 0) {
            ctx.warn('k-anonymity: no column has the role "quasi-identifier"; skipped');
            return [];
        }
        const pt = ctx.rng.permutation(ctx.train.nRows);
        const ph = ctx.rng.permutation(ctx.holdout.nRows);
        return kAnonymityMetrics(ctx.synthetic, ctx.train.take(pt), ctx.holdout.take(ph), qi, roles('sensitive'));
    });
}
function classMetric(id, label, description, better, extra = {}) {
    return {
        id,
        family: 'privacy',
        label,
        description,
        better,
        suite: 'k-anonymity',
        scope: 'table',
        ...extra,
        compute: (ctx) => pick(kAnonymityRun(ctx), id),
    };
}
export const kAnonymity = classMetric('k_anonymity', 'k-anonymity', 'Smallest group of synthetic rows sharing the same quasi-identifiers.', 'higher');
export const qiUniqueMatchRate = classMetric('qi_unique_match_rate', 'Unique quasi-identifier matches', 'Share of synthetic quasi-identifier classes that match exactly one real record.', 'lower', {
    aggregates: ['privacy_protection'],
    riskStat: (m) => {
        const n = num(m, 'classes');
        return residualStat(n, num(m, 'uniqueMatchesTrain'), n, num(m, 'uniqueMatchesHoldout'));
    },
});
export const lDiversity = classMetric('l_diversity', 'l-diversity', 'Smallest number of distinct sensitive values in a quasi-identifier class.', 'higher', { scope: 'column' });
export const tCloseness = classMetric('t_closeness', 't-closeness', 'Largest distance between a class’s sensitive distribution and the whole table’s.', 'lower', { scope: 'column' });
// ------------------------------------------------------------------ group targets (policy)
export const PRIVACY_TARGET_GROUPS = [
    {
        id: 'membership_auc',
        label: 'Membership inference AUC (best attack)',
        better: 'lower',
        description: 'How well the strongest attack tells training rows from unseen rows (0.5 = chance).',
        prefix: 'mia_',
        field: 'value',
        ciField: 'ci',
    },
    {
        id: 'membership_advantage',
        label: 'Membership advantage (best attack)',
        better: 'lower',
        description: 'Largest true-positive minus false-positive rate of any membership attack.',
        prefix: 'mia_',
        field: 'advantage',
    },
    {
        id: 'empirical_epsilon',
        label: 'Empirical ε (95% lower bound)',
        better: 'lower',
        description: 'The privacy loss the attacks demonstrate; a valid DP claim is never below it.',
        prefix: 'mia_',
        field: 'empiricalEpsilonLower',
    },
    {
        id: 'singling_out_risk',
        label: 'Singling-out risk (worst mode)',
        better: 'lower',
        description: 'Share of attempts to isolate one real person that succeed beyond chance (univariate and multivariate predicates).',
        prefix: 'singling_out_',
        field: 'value',
        ciField: 'ci',
    },
];
//# sourceMappingURL=descriptors.js.map