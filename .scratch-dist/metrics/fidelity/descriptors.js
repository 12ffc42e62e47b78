import { boundaryAdherenceOf, categoryAdherenceOf, categoryCoverageOf, jensenShannonOf, ksComplementOf, missingRateOf, rangeCoverageOf, tvComplementOf, wassersteinOf, } from './columns.js';
import { discretePairMetrics, pearsonSimilarityOf, spearmanSimilarityOf } from './pairs.js';
import { qualityOf, threeWayOf } from './quality.js';
import { alphaBetaOf, distanceContext, mmdOf, prdcOf } from './distance.js';
import { detectionMetrics } from './detection.js';
import { rareCategoryOf, tailPreservationOf } from './tails.js';
/** The results of `id` among those of a shared computation. */
const pick = (results, id) => results.filter((m) => m.id === id);
// ------------------------------------------------------------------ quality (always run)
/** The SDMetrics quality computation, shared by quality, column shapes, column pair trends and class balance. */
export function qualityRun(ctx) {
    return ctx.memo('quality', () => qualityOf(ctx.columns, ctx.columns.map((c) => ctx.discrete(c))));
}
function qualityMetric(id, label, description, field, name, extra = {}) {
    return {
        id,
        family: 'fidelity',
        label,
        description,
        better: 'higher',
        suite: 'quality',
        scope: 'table',
        ...extra,
        compute: (ctx) => {
            const v = qualityRun(ctx)[field];
            return [{ id, family: 'fidelity', name, value: v, score: v }];
        },
    };
}
export const quality = qualityMetric('quality', 'Quality (SDMetrics)', 'Mean of column shapes and column pair trends over all column pairs: SDMetrics’ QualityReport formula with every ' +
    'pair scored, comparable with SDMetrics figures that score all pairs (its default report may average a subset).', 'quality', 'Quality (SDMetrics)');
export const columnShapes = qualityMetric('column_shapes', 'Column shapes', 'SDMetrics Column Shapes: mean over columns of the KS complement (numeric) or TV complement (categorical).', 'columnShapes', 'Column shapes', { short: 'shapes', aggregates: ['statistical_similarity'] });
export const columnPairTrends = qualityMetric('column_pair_trends', 'Column pair trends', 'SDMetrics Column Pair Trends: mean over all pairs of the correlation similarity (two numerics) or the contingency similarity.', 'columnPairTrends', 'Column pair trends');
// ------------------------------------------------------------------ columns
function columnMetric(id, label, description, kinds, of, extra = {}) {
    return {
        id,
        family: 'fidelity',
        label,
        description,
        better: 'higher',
        suite: 'columns',
        scope: 'column',
        ...extra,
        ofColumn: (c) => (kinds === 'all' || c.kind === kinds ? of(c) : null),
    };
}
export const ksComplement = columnMetric('ks_complement', 'KS complement', 'Column shape: 1 − Kolmogorov–Smirnov distance.', 'numeric', (c) => ksComplementOf(c), { summary: 'weakest' });
export const tvComplement = columnMetric('tv_complement', 'TV complement', 'Column shape: 1 − total-variation distance.', 'categorical', (c) => tvComplementOf(c), { summary: 'weakest' });
export const wasserstein = columnMetric('wasserstein', 'Wasserstein distance', 'W₁ distance between the real and synthetic values divided by the real range (0 = identical).', 'numeric', (c) => wassersteinOf(c), { better: 'lower', short: 'Wasserstein', aggregates: ['statistical_similarity'] });
export const jsDistance = columnMetric('js_distance', 'Jensen–Shannon distance', 'Jensen–Shannon distance (base 2) of the column’s distributions, numerics in 20 bins (0 = identical).', 'all', jensenShannonOf, { better: 'lower', short: 'JS', aggregates: ['statistical_similarity'] });
export const missingSimilarity = columnMetric('missing_similarity', 'Missing-rate similarity', '1 − the difference of the real and synthetic shares of missing values.', 'all', missingRateOf, { short: 'missing rates', aggregates: ['data_validity'] });
export const rangeCoverage = columnMetric('range_coverage', 'Range coverage', 'How much of the real range of a numeric column the synthetic values cover.', 'numeric', (c) => rangeCoverageOf(c), { short: 'ranges', aggregates: ['data_validity'] });
export const categoryCoverage = columnMetric('category_coverage', 'Category coverage', 'Share of the real categories that the synthetic column has.', 'categorical', (c) => categoryCoverageOf(c), { short: 'category coverage', aggregates: ['data_validity'] });
export const boundaryAdherence = columnMetric('boundary_adherence', 'Boundary adherence', 'Share of synthetic values inside the real minimum and maximum.', 'numeric', (c) => boundaryAdherenceOf(c), { short: 'boundaries', aggregates: ['data_validity'] });
export const categoryAdherence = columnMetric('category_adherence', 'Category adherence', 'Share of synthetic values that are categories of the real column.', 'categorical', (c) => categoryAdherenceOf(c), { short: 'categories', aggregates: ['data_validity'] });
// ------------------------------------------------------------------ pairs
const pairBase = {
    family: 'fidelity',
    better: 'higher',
    suite: 'pairs',
    scope: 'pair',
    aggregates: ['correlation_preservation'],
};
export const correlationSimilarity = {
    ...pairBase,
    id: 'correlation_similarity',
    label: 'Correlation similarity',
    short: 'Pearson',
    description: 'Column pair trend: 1 − |Δ correlation| / 2.',
    ofPair: (a, b) => (a.kind === 'numeric' && b.kind === 'numeric' ? pearsonSimilarityOf(a, b) : null),
};
export const spearmanSimilarity = {
    ...pairBase,
    id: 'spearman_similarity',
    label: 'Rank-correlation similarity',
    short: 'Spearman',
    description: '1 − |Δ Spearman correlation| / 2 of a numeric pair.',
    ofPair: (a, b) => (a.kind === 'numeric' && b.kind === 'numeric' ? spearmanSimilarityOf(a, b) : null),
};
/** Contingency, Cramér's V and mutual information of one pair come from one counting pass. */
function discretePair(id) {
    return (a, b, ctx) => pick(ctx.memo(`pair\u0000${a.name}\u0000${b.name}`, () => discretePairMetrics(ctx.discrete(a), ctx.discrete(b))), id)[0] ?? null;
}
export const contingencySimilarity = {
    ...pairBase,
    id: 'contingency_similarity',
    label: 'Contingency similarity',
    short: 'contingency',
    description: 'Column pair trend: 1 − total-variation distance of the 2-way table.',
    ofPair: discretePair('contingency_similarity'),
};
export const cramersVDifference = {
    ...pairBase,
    id: 'cramers_v_difference',
    label: 'Cramér’s V difference',
    short: "Cramér's V",
    description: '|Cramér’s V real − synthetic| of a pair (numerics binned; 0 = the same association).',
    better: 'lower',
    ofPair: discretePair('cramers_v_difference'),
};
export const mutualInformationDifference = {
    ...pairBase,
    id: 'mutual_information_difference',
    label: 'Mutual-information difference',
    short: 'MI',
    description: '|mutual information real − synthetic| of a pair in nats; scored on normalised MI.',
    better: 'lower',
    ofPair: discretePair('mutual_information_difference'),
};
// ------------------------------------------------------------------ marginals
export const w3Err = {
    id: 'w3_err',
    family: 'fidelity',
    label: '3-way marginal error',
    short: '3-way marginals',
    description: 'Mean total-variation distance over 3-way marginals, numerics in 16 quantile bins (0 = identical).',
    better: 'lower',
    suite: 'marginals',
    scope: 'table',
    aggregates: ['statistical_similarity'],
    compute: (ctx) => [threeWayOf(ctx.columns, { seed: ctx.seed })],
};
// ------------------------------------------------------------------ distance (k-NN on an embedding)
function distanceRun(ctx) {
    return ctx.memo('distance-context', () => distanceContext(ctx.columns, ctx.real.nRows, ctx.synthetic.nRows, {
        seed: ctx.seed,
        maxRows: ctx.options.distanceRows ?? 1500,
    }));
}
const distanceBase = { family: 'fidelity', better: 'higher', suite: 'distance', scope: 'table' };
export const mmd = {
    ...distanceBase,
    id: 'mmd',
    label: 'MMD',
    short: 'MMD',
    description: 'Maximum mean discrepancy (RBF kernel, median bandwidth) of the embedded rows (0 = identical).',
    better: 'lower',
    aggregates: ['statistical_similarity'],
    compute: (ctx) => [mmdOf(distanceRun(ctx))],
};
function prdc(id, label, description) {
    return {
        ...distanceBase,
        id,
        label,
        description,
        compute: (ctx) => pick(ctx.memo('prdc', () => prdcOf(distanceRun(ctx), 5)), id),
    };
}
export const precision = prdc('precision', 'Precision (k-NN)', 'Share of synthetic rows inside some real row’s 5-nearest-neighbour ball (Naeem et al. 2020).');
export const recall = prdc('recall', 'Recall (k-NN)', 'Share of real rows inside some synthetic row’s 5-nearest-neighbour ball.');
export const density = prdc('density', 'Density (k-NN)', 'How many real neighbourhoods contain each synthetic row, relative to 5 (capped at 1 in the score).');
export const coverage = prdc('coverage', 'Coverage (k-NN)', 'Share of real rows whose 5-nearest-neighbour ball holds a synthetic row.');
function alphaBeta(id, label, description) {
    return {
        ...distanceBase,
        id,
        label,
        description,
        compute: (ctx) => pick(ctx.memo('alpha-beta', () => alphaBetaOf(distanceRun(ctx))), id),
    };
}
export const alphaPrecision = alphaBeta('alpha_precision', 'α-precision', 'Alaa et al. 2022: how well synthetic rows fall within the α-support of the real rows, over 30 levels α.');
export const betaRecall = alphaBeta('beta_recall', 'β-recall', 'Alaa et al. 2022: how much of the real rows’ β-support the synthetic rows cover.');
// ------------------------------------------------------------------ detection (classifier two-sample test)
function detection(id) {
    return (ctx) => pick(ctx.memo('detection', () => detectionMetrics(ctx.real, ctx.synthetic, {
        columns: ctx.compared,
        seed: ctx.seed,
        maxRows: ctx.options.detectionRows ?? 5000,
    })), id);
}
export const detectionAuc = {
    id: 'detection_auc',
    family: 'fidelity',
    label: 'Detection AUC',
    short: 'detection',
    description: 'How well a classifier tells synthetic rows from real ones (0.5 = indistinguishable).',
    better: 'lower',
    suite: 'detection',
    scope: 'table',
    aggregates: ['statistical_similarity'],
    compute: detection('detection_auc'),
};
export const pmse = {
    id: 'pmse',
    family: 'fidelity',
    label: 'pMSE',
    description: 'Mean squared error of the same classifier’s propensities against the synthetic share (0 = indistinguishable).',
    better: 'lower',
    suite: 'detection',
    scope: 'table',
    compute: detection('pmse'),
};
// ------------------------------------------------------------------ tails
export const tailPreservation = {
    id: 'tail_preservation',
    family: 'fidelity',
    label: 'Tail preservation',
    description: 'How closely the synthetic masses below the real 1% and above the real 99% quantile match the real ones.',
    better: 'higher',
    suite: 'tails',
    scope: 'column',
    ofColumn: (c) => (c.kind === 'numeric' ? tailPreservationOf(c) : null),
};
export const rareCategoryPreservation = {
    id: 'rare_category_preservation',
    family: 'fidelity',
    label: 'Rare-category preservation',
    description: 'How closely the shares of real categories under 1% are kept.',
    better: 'higher',
    suite: 'tails',
    scope: 'column',
    ofColumn: (c) => (c.kind === 'categorical' ? rareCategoryOf(c) : null),
};
//# sourceMappingURL=descriptors.js.map