import { LookalikeError } from '../errors.js';
import { privacyLabel } from '../privacy/guarantee.js';
import { DEFAULT_DELTA } from '../privacy/ledger.js';
import { getSynthesizer, loadSynthesizer, notCountable } from '../synthesizers/registry.js';
import { fitWithRules } from '../constraints/model.js';
import { rebalancePlan } from '../constraints/rebalance.js';
import { secondsSince } from './hooks.js';
export { privacyLabel };
export function resolveSynthesizer(s) {
    return typeof s === 'object' ? s : getSynthesizer(s ?? 'gaussian-copula');
}
/**
 * Step `fit`: fit the synthesizer on `table`. The synthesizer's contract (synthesizers/options.ts) refuses unknown
 * options and an ε given to a non-DP synthesizer. Notes: the model file's own note, and "not differentially
 * private" for a fit without a guarantee.
 */
export async function fit(table, schema, spec = {}) {
    const synthesizer = resolveSynthesizer(spec.synthesizer);
    const { epsilon, options } = spec;
    const delta = spec.delta ?? (epsilon !== undefined && synthesizer.privacy !== 'none' ? DEFAULT_DELTA : undefined);
    spec.onStep?.(`fitting ${synthesizer.name}${epsilon !== undefined ? ` (ε = ${epsilon}${delta !== undefined ? `, δ = ${delta}` : ''})` : ''}`);
    const t0 = performance.now();
    const opts = {
        seed: spec.seed ?? 0,
        ...(epsilon !== undefined ? { epsilon } : {}),
        ...(delta !== undefined ? { delta } : {}),
        ...(options && Object.keys(options).length ? { options } : {}),
        ...(spec.secureRng ? { secureRng: spec.secureRng } : {}),
        ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
    };
    let model;
    if (spec.rules?.length) {
        spec.onStep?.(`  enforcing ${spec.rules.length} rule${spec.rules.length > 1 ? 's' : ''}`);
        const r = await fitWithRules(synthesizer, table, schema, spec.rules, opts);
        for (const n of r.notes)
            spec.onNote?.(`${n.rows} training row${n.rows > 1 ? 's' : ''} broke ${n.rule}; left out of the fit`);
        model = r.model;
    }
    else
        model = await synthesizer.fit(table, schema, opts);
    const seconds = secondsSince(t0);
    spec.onStep?.(`  fitted in ${seconds.toFixed(1)} s — ${privacyLabel(model.privacy)}`);
    // the note is about what a model fitted without DP holds (a DP fit's model holds only post-processed noisy facts)
    if (synthesizer.modelFileNote && model.privacy.type === 'none')
        spec.onNote?.(synthesizer.modelFileNote);
    if (model.privacy.type === 'none')
        spec.onNote?.(`${synthesizer.name} is not differentially private: its output carries no formal privacy guarantee`);
    return { synthesizer, model, seconds };
}
/**
 * Step `fit` over rows counted where they live (issue 15, docs/scale.md): a Parquet glob through DuckDB, a
 * PostgreSQL table or its shards (`CountableRows`, made by the Node adapters of `io/count-sql.ts`), a table in memory
 * (`rowsInMemory`). Only the synthesizers that read rows as counts do this (`Synthesizer.fitCounts`: mst, aim,
 * privbayes, independent with ε); `schema` must declare every modelled column's domain and facts (public), and
 * business rules are refused (they need the rows). The caller closes `rows`.
 */
export async function fitCounted(rows, schema, spec = {}) {
    // a lazily registered synthesizer's stand-in always offers fitCounts: ask its code, so a refusal comes first
    const named = resolveSynthesizer(spec.synthesizer);
    const synthesizer = typeof spec.synthesizer === 'object' ? named : await loadSynthesizer(named.name);
    if (!synthesizer.fitCounts)
        throw notCountable(synthesizer.name, rows.label);
    if (spec.rules?.length)
        throw new LookalikeError(`business rules need the rows in memory; ${rows.label} is counted where it lives (drop the rules, or load the table)`, [], 'usage');
    const { epsilon, options } = spec;
    const delta = spec.delta ?? (epsilon !== undefined ? DEFAULT_DELTA : undefined);
    spec.onStep?.(`fitting ${synthesizer.name}${epsilon !== undefined ? ` (ε = ${epsilon}${delta !== undefined ? `, δ = ${delta}` : ''})` : ''} over ${rows.label}, counted where it lives`);
    const t0 = performance.now();
    const model = await synthesizer.fitCounts(rows, schema, {
        seed: spec.seed ?? 0,
        ...(epsilon !== undefined ? { epsilon } : {}),
        ...(delta !== undefined ? { delta } : {}),
        ...(options && Object.keys(options).length ? { options } : {}),
        ...(spec.secureRng ? { secureRng: spec.secureRng } : {}),
        ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
    });
    const seconds = secondsSince(t0);
    spec.onStep?.(`  fitted in ${seconds.toFixed(1)} s — ${privacyLabel(model.privacy)}`);
    return { synthesizer, model, seconds };
}
/**
 * Step `sample`: draw `rows` synthetic rows from a model, reproducibly from `seed` — optionally conditioned or
 * rebalanced (docs/constraints.md). Reads the model only: under DP it spends no budget.
 */
export function sample(model, rows, spec = {}) {
    if (!(Number.isSafeInteger(rows) && rows >= 1))
        throw new LookalikeError(`rows must be a whole number ≥ 1, got ${rows}`, [], 'usage');
    if (spec.conditions !== undefined && spec.rebalance)
        throw new LookalikeError('rebalancing cannot be combined with conditions', [], 'usage');
    const seed = spec.seed ?? 0;
    const conditions = spec.rebalance
        ? rebalancePlan(model.schema, rows, spec.rebalance, seed)
        : spec.conditions;
    spec.onStep?.(`sampling ${rows.toLocaleString('en-US')} rows${spec.rebalance ? `, ${spec.rebalance.column} rebalanced` : conditions !== undefined ? ', conditioned' : ''}`);
    return model.sample(rows, {
        seed,
        ...(conditions !== undefined ? { conditions } : {}),
        ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
    });
}
/**
 * The rows a sample has when the caller does not say: a non-DP model's training rows; a DP model's noisy count of
 * them, `Model.defaultRows` (issue 10: the exact count is the fact that differs between neighbouring tables, so it
 * must never reach a DP release). Every DP synthesizer must provide that count, released under DP and charged to
 * its ledger (docs/privacy.md, "How many rows a DP release has"); a DP model without one is refused here, so the
 * exact count cannot leak by a missing field.
 */
export function defaultSampleRows(model, trainingRows) {
    if (model.privacy.type === 'none')
        return trainingRows;
    const n = model.defaultRows;
    if (n === undefined || !(Number.isSafeInteger(n) && n >= 1))
        throw new LookalikeError(`the differentially private ${model.synthesizer} model has no noisy row count, and the exact number of training rows is not part of a DP release`, ['give the number of synthetic rows to draw (--rows N, or `rows` in the library call)'], 'privacy');
    return n;
}
/**
 * Step `release`: fit, then sample — the only step that reads the private rows (`table`). Returns the model, the
 * synthetic table, the guarantee and the DP ledger (null for a non-DP fit), and the seconds of each part.
 */
export async function release(table, schema, spec = {}) {
    const fitted = await fit(table, schema, spec);
    const t0 = performance.now();
    // a DP model's default is its noisy row count, never the exact training count (issue 10)
    const synthetic = sample(fitted.model, spec.rows ?? defaultSampleRows(fitted.model, table.nRows), spec);
    const timings = { fit: fitted.seconds, sample: secondsSince(t0) };
    const { model } = fitted;
    return {
        ...fitted,
        synthetic,
        privacy: model.privacy,
        ledger: model.privacy.type === 'dp' ? model.toJSON().ledger : null,
        timings,
    };
}
//# sourceMappingURL=release.js.map