/**
 * What a privacy metric's `compute` receives from `evaluatePrivacy`: the three tables, their encodings in one
 * distance space (rows of the training table and the holdout in a seeded random order, so "the first k rows" is a
 * random sample), the seeded Rng every attack draws from in turn, and the nearest-neighbour search.
 */
import type { Table } from '../../table/table.js';
import type { Schema } from '../../table/schema.js';
import type { Rng } from '../../random/rng.js';
import type { Encoded, Space } from './space.js';
import type { NeighborSearch } from './distance-metrics.js';
import type { PrivacyOptions } from './evaluate.js';
export interface PrivacyContext {
    readonly train: Table;
    readonly synthetic: Table;
    readonly holdout: Table;
    readonly schema: Schema;
    readonly options: PrivacyOptions;
    readonly seed: number;
    /** Shared by every attack, in the order they run (so a run is reproducible from the seed). */
    readonly rng: Rng;
    readonly search: NeighborSearch;
    /** The attacks asked for (attacks that share one computation run it once for all of them). */
    readonly attacks: readonly string[];
    /** Attacks per Anonymeter evaluator, members / non-members per membership attack. */
    readonly nAttacks: number;
    readonly space: Space;
    /** Training rows, encoded, in a seeded random order. */
    readonly tr: Encoded;
    /** Holdout rows, encoded, in a seeded random order. */
    readonly ho: Encoded;
    /** Synthetic rows, encoded, in table order. */
    readonly sy: Encoded;
    /** The compared columns: numeric then categorical (the encoding's order). */
    readonly featureNames: readonly string[];
    memo<T>(key: string, f: () => T): T;
    warn(message: string): void;
}
