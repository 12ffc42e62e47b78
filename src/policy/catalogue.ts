/**
 * The ids a policy target may name, with their display name, kind and direction: the aggregate scores, the model's
 * claimed guarantee (ε, δ), group targets over several metrics and every metric id.
 */
import type { TargetInfo } from './types.js';

/**
 * Ids a policy may target. Aggregate ids are the snake_case names of `Evaluation.aggregates` plus
 * `privacy_protection` (`Evaluation.privacy.aggregate`); `epsilon` / `delta` are the claimed guarantee of the model;
 * metric ids are those of src/metrics (fidelity, utility, privacy). `parsePolicy` also accepts ids passed in
 * `knownIds` (e.g. the metric ids present in an evaluation), so a new metric can be targeted before this list
 * learns its name.
 */
export const TARGET_CATALOG: readonly TargetInfo[] = [
  // aggregates (Evaluation.aggregates, Evaluation.privacy.aggregate)
  agg(
    'quality',
    'Overall quality',
    'Mean of column shapes and column pair trends (SDMetrics’ quality score).',
  ),
  agg('column_shapes', 'Column shapes', 'SDMetrics Column Shapes: mean KS / TV complement over columns.'),
  agg(
    'column_pair_trends',
    'Column pair trends',
    'SDMetrics Column Pair Trends: mean correlation / contingency similarity over pairs.',
  ),
  agg(
    'statistical_similarity',
    'Statistical similarity',
    'How closely the distributions match the real ones (1 = identical).',
  ),
  agg(
    'correlation_preservation',
    'Correlation preservation',
    'How well relationships between pairs of columns are kept (1 = identical).',
  ),
  agg(
    'data_validity',
    'Data validity',
    'Synthetic values respect the real ranges, categories and missing rates.',
  ),
  agg('class_balance', 'Class balance', 'How closely the target column’s class shares match the real ones.'),
  agg(
    'ml_utility',
    'ML utility (TSTR / TRTR)',
    'A model trained on synthetic rows and tested on real held-out rows, relative to one trained on real rows.',
  ),
  {
    ...agg(
      'w3_error',
      '3-way marginal error',
      'Mean total-variation distance over all 3-way marginals (0 = identical).',
    ),
    better: 'lower',
  },
  agg('overall', 'Overall score', 'Mean of the fidelity and utility aggregates.'),
  agg(
    'privacy_protection',
    'Privacy protection',
    'Aggregate of the privacy-risk suite (1 = no attack did better than chance).',
  ),
  // the model's claimed guarantee
  {
    id: 'epsilon',
    label: 'Claimed ε (differential privacy)',
    kind: 'guarantee',
    better: 'lower',
    description:
      'The privacy-loss bound the model guarantees; ∞ for a model that is not differentially private.',
  },
  {
    id: 'delta',
    label: 'Claimed δ (differential privacy)',
    kind: 'guarantee',
    better: 'lower',
    description:
      'The probability with which the ε bound may fail; 1 for a model that is not differentially private.',
  },
  // privacy metrics (src/metrics/privacy); group targets combine every membership attack
  {
    ...met(
      'membership_auc',
      'Membership inference AUC (best attack)',
      'lower',
      'How well the strongest attack tells training rows from unseen rows (0.5 = chance).',
    ),
    group: { prefix: 'mia_', field: 'value', ciField: 'ci' },
  },
  {
    ...met(
      'membership_advantage',
      'Membership advantage (best attack)',
      'lower',
      'Largest true-positive minus false-positive rate of any membership attack.',
    ),
    group: { prefix: 'mia_', field: 'advantage' },
  },
  {
    ...met(
      'empirical_epsilon',
      'Empirical ε (95% lower bound)',
      'lower',
      'The privacy loss the attacks demonstrate; a valid DP claim is never below it.',
    ),
    group: { prefix: 'mia_', field: 'empiricalEpsilonLower' },
  },
  met(
    'mia_distance',
    'Membership inference AUC (distance attack)',
    'lower',
    'Distance-to-closest-synthetic-row attack.',
  ),
  met(
    'mia_domias',
    'Membership inference AUC (DOMIAS)',
    'lower',
    'Density-ratio attack with reference data.',
  ),
  met(
    'mia_shadow',
    'Membership inference AUC (shadow models)',
    'lower',
    'Shadow-modelling attack on chosen target records.',
  ),
  {
    ...met(
      'singling_out_risk',
      'Singling-out risk (worst mode)',
      'lower',
      'Share of attempts to isolate one real person that succeed beyond chance (univariate and multivariate predicates).',
    ),
    group: { prefix: 'singling_out_', field: 'value', ciField: 'ci' },
  },
  met(
    'singling_out_univariate',
    'Singling-out risk (univariate predicates)',
    'lower',
    'Anonymeter-style singling out with one-column predicates.',
  ),
  met(
    'singling_out_multivariate',
    'Singling-out risk (multivariate predicates)',
    'lower',
    'Anonymeter-style singling out with several-column predicates.',
  ),
  met(
    'linkability',
    'Linkability risk',
    'lower',
    'Risk of linking two partial records of the same real person through the synthetic table.',
  ),
  met(
    'inference',
    'Attribute inference risk',
    'lower',
    'Risk of guessing a secret column of a real person from their other columns (one result per secret column).',
  ),
  met(
    'qi_unique_match_rate',
    'Unique quasi-identifier matches',
    'lower',
    'Share of synthetic quasi-identifier classes that match exactly one real record.',
  ),
  met(
    'l_diversity',
    'l-diversity',
    'higher',
    'Smallest number of distinct sensitive values in a quasi-identifier class.',
  ),
  met(
    't_closeness',
    't-closeness',
    'lower',
    'Largest distance between a class’s sensitive distribution and the whole table’s.',
  ),
  met(
    'dcr_share',
    'DCR share (closer to training)',
    'lower',
    'Share of synthetic rows closer to a training row than to a holdout row (0.5 is ideal).',
  ),
  met(
    'nndr',
    'Nearest-neighbour distance ratio',
    'higher',
    'Mean ratio of distances to the closest and second-closest training rows.',
  ),
  met(
    'exact_match_rate',
    'Exact-match rate',
    'lower',
    'Share of synthetic rows identical to a training row.',
  ),
  met(
    'near_duplicate_rate',
    'Near-duplicate rate',
    'lower',
    'Share of synthetic rows almost identical to a training row.',
  ),
  met(
    'k_anonymity',
    'k-anonymity',
    'higher',
    'Smallest group of synthetic rows sharing the same quasi-identifiers.',
  ),
  // fidelity and utility metrics (src/metrics/fidelity, src/metrics/utility)
  met('ks_complement', 'KS complement', 'higher', 'Column shape: 1 − Kolmogorov–Smirnov distance.'),
  met('tv_complement', 'TV complement', 'higher', 'Column shape: 1 − total-variation distance.'),
  met(
    'correlation_similarity',
    'Correlation similarity',
    'higher',
    'Column pair trend: 1 − |Δ correlation| / 2.',
  ),
  met(
    'contingency_similarity',
    'Contingency similarity',
    'higher',
    'Column pair trend: 1 − total-variation distance of the 2-way table.',
  ),
  met(
    'detection_auc',
    'Detection AUC',
    'lower',
    'How well a classifier tells synthetic rows from real ones (0.5 = indistinguishable).',
  ),
];

function agg(id: string, label: string, description: string): TargetInfo {
  return { id, label, kind: 'aggregate', better: 'higher', description };
}
function met(id: string, label: string, better: 'higher' | 'lower', description: string): TargetInfo {
  return { id, label, kind: 'metric', better, description };
}

const CATALOG = new Map(TARGET_CATALOG.map((t) => [t.id, t]));

/** What the catalogue says about a target id; undefined for an id it does not know. */
export function targetInfo(id: string): TargetInfo | undefined {
  return CATALOG.get(id);
}

/** Every id the catalogue knows. */
export function catalogueIds(): string[] {
  return [...CATALOG.keys()];
}
