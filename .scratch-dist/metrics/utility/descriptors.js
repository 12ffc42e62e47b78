/**
 * The utility metrics as descriptors (../descriptor.ts). All four come out of one TSTR / TRTR run (tstr.ts), which
 * also fills the evaluation's `utility` detail: `utilityRun` holds it for the evaluation. Registered by ../builtin.ts.
 */
import { LookalikeError } from '../../errors.js';
import { Rng } from '../../random/rng.js';
import { utilityMetrics } from './tstr.js';
/**
 * The TSTR / TRTR run of an evaluation, computed once: against the given holdout, or a seeded split of
 * `holdoutFraction` (default 0.2) of the real rows. A degenerate target (one class, too few labelled rows…) skips
 * utility with a warning instead of failing the evaluation; LookalikeError messages never hold cell values.
 */
export function utilityRun(ctx) {
    return ctx.memo('utility', () => {
        const target = ctx.target;
        if (target === undefined) {
            ctx.warn('no target column (give --target or a column with role "target"): utility metrics skipped');
            return {};
        }
        let train = ctx.real;
        let holdout = ctx.holdout;
        if (!holdout) {
            const nHold = Math.round(ctx.real.nRows * (ctx.options.holdoutFraction ?? 0.2));
            if (nHold < 1 || nHold >= ctx.real.nRows) {
                ctx.warn(`utility metrics skipped: ${ctx.real.nRows} real rows are too few to split off a holdout`);
                return {};
            }
            const split = ctx.real.split(new Rng(ctx.seed), nHold);
            train = split.train;
            holdout = split.holdout;
            ctx.warn(`no holdout given: TRTR trained on ${train.nRows} real rows and both models tested on ${holdout.nRows} ` +
                'other real rows (seeded split); the synthesizer may have seen those rows, so TSTR can be optimistic');
        }
        const info = {
            rows: holdout.nRows,
            columns: holdout.nColumns,
            source: ctx.holdout ? 'given' : 'split',
        };
        try {
            const result = utilityMetrics(train, ctx.synthetic, {
                target,
                holdout,
                features: ctx.compared.filter((n) => n !== target),
                sensitive: ctx.sensitive,
                seed: ctx.seed,
                nTrees: ctx.options.utilityTrees ?? 100,
                maxDepth: ctx.options.utilityDepth ?? 6,
            });
            return { holdout: info, result };
        }
        catch (e) {
            if (!(e instanceof LookalikeError))
                throw e;
            ctx.warn(`utility metrics skipped: ${e.message.replace(/\n\s*-\s*/g, '; ')}`);
            return { holdout: info };
        }
    });
}
function utilityMetric(id, label, description, extra = {}) {
    return {
        id,
        family: 'utility',
        label,
        description,
        better: 'higher',
        suite: 'utility',
        scope: 'table',
        ...extra,
        compute: (ctx) => (utilityRun(ctx).result?.metrics ?? []).filter((m) => m.id === id),
    };
}
export const utilityRatio = utilityMetric('utility_ratio', 'ML utility ratio (TSTR / TRTR)', 'The main score of a model trained on synthetic rows and tested on real held-out rows, over the same model trained on real rows (one result per learner).', { short: 'TSTR / TRTR', aggregates: ['ml_utility'] });
export const featureImportanceAgreement = utilityMetric('feature_importance_agreement', 'Feature-importance agreement', 'Spearman correlation of the boosted models’ feature importances, trained on real vs on synthetic rows.');
export const minorityRecall = utilityMetric('minority_recall', 'Minority-class recall (TSTR)', 'Binary targets: recall of the real table’s minority class by boosted trees trained on synthetic rows and tested on real held-out rows; baseline: the same model trained on real rows. Rebalancing (sample --rebalance) should raise it.', { short: 'minority recall' });
export const subgroupGap = utilityMetric('subgroup_gap', 'Subgroup gap', 'Largest difference in accuracy (R² for regression) on a group of a sensitive column between the synthetic- and the real-trained model (0 = none).', { better: 'lower', scope: 'column' });
//# sourceMappingURL=descriptors.js.map