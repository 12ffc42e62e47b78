import { LookalikeError } from '../errors.js';
import { Rng } from '../random/rng.js';
/** Tables smaller than this are not split: every row is fitted on (with a note). */
export const MIN_ROWS_TO_SPLIT = 10;
/**
 * Step `holdOut`: split `table` into training rows and a holdout. A fraction split is seeded (the same table, fraction
 * and seed give the same rows) and keeps the row order; a table of fewer than 10 rows is not split (note).
 */
export function holdOut(table, spec, hooks = {}) {
    if ('table' in spec)
        return { train: table, holdout: spec.table };
    const { fraction } = spec;
    if (!(fraction >= 0 && fraction < 1))
        throw new LookalikeError(`the holdout fraction must be in [0, 1), got ${fraction}`, [], 'usage');
    if (fraction === 0)
        return { train: table, holdout: null };
    const n = Math.round(table.nRows * fraction);
    if (table.nRows < MIN_ROWS_TO_SPLIT || n < 1 || n >= table.nRows) {
        hooks.onNote?.(`${table.nRows} rows are too few to hold any out; fitting on all of them`);
        return { train: table, holdout: null };
    }
    const seed = spec.seed ?? 0;
    const s = table.split(new Rng(seed), fraction);
    hooks.onStep?.(`holding out ${s.holdout.nRows.toLocaleString('en-US')} rows (seed ${seed}) for the utility and privacy checks`);
    return s;
}
//# sourceMappingURL=holdout.js.map