/**
 * Equivalence-class checks over the declared quasi-identifiers (schema role `quasi-identifier`) of the synthetic
 * table (Sweeney 2002; Machanavajjhala et al. 2007; Li, Li & Venkatasubramanian 2007):
 * - k-anonymity: the size of the smallest class of synthetic rows sharing all quasi-identifier values, and the
 *   share of synthetic rows in classes smaller than 5;
 * - l-diversity (distinct): for each `sensitive` column, the fewest distinct values within a class;
 * - t-closeness: for each sensitive column, the largest distance between a class's distribution and the whole
 *   table's (total variation for categoricals = EMD with equal ground distance; ordered EMD over ranks for
 *   numerics), over classes of at least 5 rows;
 * - unique matches: the share of synthetic quasi-identifier classes whose values match exactly one training
 *   row — a synthetic row pointing at one real person — with the same share against the holdout as baseline.
 *
 * Numeric quasi-identifiers are compared by exact value (generalise them before calling if they are continuous).
 * Runtime O(n) hashing per table.
 */
import type { Table } from '../../table/table.js';
import type { MetricResult } from '../types.js';
export declare function kAnonymityMetrics(synthetic: Table, train: Table, holdout: Table, qi: readonly string[], sensitive: readonly string[]): MetricResult[];
