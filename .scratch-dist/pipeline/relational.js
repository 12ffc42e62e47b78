import { evaluateRelational } from '../relational/evaluate.js';
import { fitDatabase } from '../relational/job.js';
import { renderRelationalReport } from '../report/relational.js';
/**
 * The whole job on a database (docs/relational.md): fit (DP per person with `spec.epsilon`), sample with seed
 * `seed + 1`, evaluate against the real tables, render the report. What `lookalike run <folder or .duckdb>` runs.
 */
export async function runDatabaseJob(name, meta, tables, schemas, spec = {}) {
    const { model, seconds } = await fitDatabase(name, meta, tables, schemas, spec);
    const seed = spec.seed ?? 0;
    const { tables: synthetic, notes } = model.sample({
        seed: seed + 1,
        ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
    });
    spec.onStep?.('evaluating');
    const evaluation = evaluateRelational(meta, tables, synthetic);
    const report = renderRelationalReport({ name, metadata: meta, evaluation, privacy: model.privacy, notes });
    return { model, synthetic, notes, evaluation, report, fitSeconds: seconds };
}
//# sourceMappingURL=relational.js.map