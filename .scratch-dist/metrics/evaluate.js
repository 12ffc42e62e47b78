/**
 * `evaluate`: runs the fidelity and utility metrics of the registry (registry.ts, one descriptor per metric) on a
 * synthetic table against the real one, suite by suite, and aggregates them into scores in [0, 1]
 * (docs/evaluation.md has every definition). Pure core code: no I/O, runs in a browser.
 */
import { projection } from './projection.js';
import { targetColumn } from '../table/schema.js';
import { LookalikeError, ProblemList } from '../errors.js';
import { alignTables, countCodes, discreteCategorical, fidelityKind } from './fidelity/prepare.js';
import { missingShare, numericHistogram } from './fidelity/columns.js';
import { sdmetricsDiscrete } from './fidelity/pairs.js';
import { qualityRun } from './fidelity/descriptors.js';
import { utilityRun } from './utility/descriptors.js';
import { evaluationSuites, listAggregates, listMetrics } from './registry.js';
import { computeAggregates } from './aggregates.js';
import { EVALUATE_MAX_ROWS, subsampleTables } from './subsample.js';
/** lookalike's own suites, in the order they run. */
export const METRIC_SUITES = [
    'columns',
    'pairs',
    'marginals',
    'distance',
    'detection',
    'tails',
    'utility',
];
const MAX_HISTOGRAM_CATEGORIES = 40;
function now() {
    return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
function validate(real, synthetic, opts) {
    const p = new ProblemList();
    if (!opts || typeof opts !== 'object' || !opts.schema || !Array.isArray(opts.schema.columns)) {
        throw new LookalikeError('evaluate: options with a `schema` are required', [], 'usage');
    }
    if (real.nRows === 0)
        p.add('the real table has no rows');
    if (synthetic.nRows === 0)
        p.add('the synthetic table has no rows');
    if (opts.seed !== undefined && !Number.isSafeInteger(opts.seed))
        p.add(`seed must be an integer, got ${opts.seed}`);
    const hf = opts.holdoutFraction;
    if (hf !== undefined && !(hf > 0 && hf < 1))
        p.add(`holdoutFraction must be in (0, 1), got ${hf}`);
    const known = evaluationSuites();
    for (const m of opts.metrics ?? [])
        if (!known.includes(m))
            p.add(`unknown metric suite "${m}" (known: ${known.join(', ')})`);
    for (const [k, v] of [
        ['distanceRows', opts.distanceRows],
        ['detectionRows', opts.detectionRows],
        ['utilityTrees', opts.utilityTrees],
        ['utilityDepth', opts.utilityDepth],
        ['maxRows', opts.maxRows],
    ]) {
        if (v !== undefined && !(Number.isInteger(v) && v >= 1))
            p.add(`${k} must be a positive integer, got ${v}`);
    }
    for (const c of opts.schema.columns) {
        if (!real.has(c.name))
            p.add(`schema column "${c.name}" is not in the real table`);
    }
    const target = opts.target ?? targetColumn(opts.schema);
    if (opts.target !== undefined && !real.has(opts.target))
        p.add(`the target "${opts.target}" is not a column of the real table`);
    if (target !== undefined && real.has(target) && fidelityKind(real.column(target).kind) === null) {
        p.add(`the target "${target}" is a ${real.column(target).kind} column; use a categorical, boolean or numeric one`);
    }
    if (opts.holdout) {
        for (const n of real.names) {
            if (!opts.holdout.has(n))
                p.add(`column "${n}" is missing from the holdout table`);
            else if (opts.holdout.column(n).kind !== real.column(n).kind) {
                p.add(`column "${n}" is ${opts.holdout.column(n).kind} in the holdout but ${real.column(n).kind} in the real table`);
            }
        }
    }
    for (const n of real.names) {
        const r = real.column(n);
        if (fidelityKind(r.kind) === null)
            continue;
        if (!synthetic.has(n))
            p.add(`column "${n}" is missing from the synthetic table`);
        else if (fidelityKind(synthetic.column(n).kind) !== fidelityKind(r.kind) ||
            (r.kind === 'boolean') !== (synthetic.column(n).kind === 'boolean')) {
            p.add(`column "${n}" is ${r.kind} in the real table but ${synthetic.column(n).kind} in the synthetic table`);
        }
    }
    p.throwIfAny('cannot evaluate the synthetic table:');
}
function histogram(c) {
    if (c.kind === 'numeric') {
        const h = numericHistogram(c);
        const nr = c.real.length || 1, ns = c.synthetic.length || 1;
        const k = h.real.length - 1;
        return {
            name: c.name,
            kind: 'numeric',
            edges: Array.from(h.edges),
            real: Array.from(h.real.subarray(0, k), (x) => x / nr),
            synthetic: Array.from(h.synthetic.subarray(0, k), (x) => x / ns),
            missingReal: h.real[k] / nr,
            missingSynthetic: h.synthetic[k] / ns,
            ...(c.datetime ? { datetime: true } : {}),
        };
    }
    const d = discreteCategorical(c);
    const r = countCodes(d.real, d.size), s = countCodes(d.synthetic, d.size);
    const k = c.categories.length;
    const nr = c.real.length || 1, ns = c.synthetic.length || 1;
    const order = Array.from({ length: c.nRealCategories }, (_, i) => i)
        .filter((i) => r[i] > 0 || s[i] > 0)
        .sort((a, b) => r[b] - r[a] || s[b] - s[a] || a - b);
    const shown = order.slice(0, MAX_HISTOGRAM_CATEGORIES);
    let otherR = 0, otherS = 0;
    const shownSet = new Set(shown);
    for (let i = 0; i < k; i++) {
        if (shownSet.has(i))
            continue;
        otherR += r[i];
        otherS += s[i];
    }
    const pooled = otherR > 0 || otherS > 0;
    let otherLabel = '(other)';
    while (c.categories.includes(otherLabel))
        otherLabel = `(${otherLabel})`;
    return {
        name: c.name,
        kind: 'categorical',
        categories: [...shown.map((i) => c.categories[i]), ...(pooled ? [otherLabel] : [])],
        real: [...shown.map((i) => r[i] / nr), ...(pooled ? [otherR / nr] : [])],
        synthetic: [...shown.map((i) => s[i] / ns), ...(pooled ? [otherS / ns] : [])],
        missingReal: r[k] / nr,
        missingSynthetic: s[k] / ns,
        ...(pooled ? { otherLabel } : {}),
    };
}
function matrices(cols, pairs, trends) {
    const numeric = cols.filter((c) => c.kind === 'numeric').map((c) => c.name);
    const all = cols.map((c) => c.name);
    const sq = (names, id, which) => {
        const k = names.length;
        const idx = new Map(names.map((n, i) => [n, i]));
        const m = new Array(k * k).fill(null);
        for (let i = 0; i < k; i++)
            m[i * k + i] = 1;
        for (const r of pairs) {
            if (r.id !== id || !r.columns)
                continue;
            const a = idx.get(r.columns[0]), b = idx.get(r.columns[1]);
            const v = r.details?.[which];
            if (a === undefined || b === undefined || v === undefined)
                continue;
            m[a * k + b] = m[b * k + a] = Number.isFinite(v) ? v : null;
        }
        return m;
    };
    return {
        numericColumns: numeric,
        pearsonReal: sq(numeric, 'correlation_similarity', 'real'),
        pearsonSynthetic: sq(numeric, 'correlation_similarity', 'synthetic'),
        spearmanReal: sq(numeric, 'spearman_similarity', 'real'),
        spearmanSynthetic: sq(numeric, 'spearman_similarity', 'synthetic'),
        associationColumns: all,
        cramersVReal: sq(all, 'cramers_v_difference', 'real'),
        cramersVSynthetic: sq(all, 'cramers_v_difference', 'synthetic'),
        trends: trends.map((t) => ({
            columns: [t.columns[0], t.columns[1]],
            metric: t.id,
            score: t.score,
        })),
    };
}
/**
 * The results of one suite: per-column metrics column by column (each column's metrics in registry order), then
 * per-pair metrics pair by pair, then whole-table metrics — the order of the evaluation's `metrics` list.
 */
async function runSuite(descriptors, ctx) {
    const out = [];
    const perColumn = descriptors.filter((d) => d.ofColumn);
    for (const c of ctx.columns)
        for (const d of perColumn) {
            const r = d.ofColumn(c, ctx);
            if (r)
                out.push(r);
        }
    const perPair = descriptors.filter((d) => d.ofPair);
    const cols = ctx.columns;
    for (let i = 0; i < cols.length; i++)
        for (let j = i + 1; j < cols.length; j++)
            for (const d of perPair) {
                const r = d.ofPair(cols[i], cols[j], ctx);
                if (r)
                    out.push(r);
            }
    for (const d of descriptors) {
        if (!d.compute)
            continue;
        const rs = await d.compute(ctx);
        for (const r of rs)
            if (r.id !== d.id)
                throw new LookalikeError(`metric "${d.id}" returned a result with another id ("${r.id}")`, [], 'usage');
        out.push(...rs);
    }
    return out;
}
/**
 * Evaluate `synthetic` against `real` (and a holdout): every registered fidelity and utility metric of the suites in
 * `opts.metrics` (default all; the SDMetrics quality score always runs), the aggregates in [0, 1], per-column
 * histograms and pairwise matrices for a report, and a 2-D projection. Columns compared: the real table's numeric,
 * datetime, categorical and boolean columns except those whose schema role is `id`. Throws a LookalikeError listing
 * every problem with the inputs. Deterministic given `seed` (except `timings` and `createdAt`). Runtime on Adult
 * (32k × 15 vs 32k): see docs/evaluation.md.
 */
export async function evaluate(real0, synthetic0, opts) {
    validate(real0, synthetic0, opts);
    const seed = opts.seed ?? 0;
    // large tables: seeded subsamples of at most maxRows rows each, stated in the result (issue 15)
    const maxRows = opts.maxRows ?? EVALUATE_MAX_ROWS;
    const sub = subsampleTables({ real: real0, synthetic: synthetic0, ...(opts.holdout ? { holdout: opts.holdout } : {}) }, maxRows, seed);
    const { real, synthetic, holdout } = sub;
    // tables cut while read: their own size is the file's
    const pre = opts.subsampled ?? {};
    Object.assign(sub.info, pre);
    const allSuites = evaluationSuites();
    const chosen = new Set(opts.metrics ?? allSuites);
    const suites = allSuites.filter((s) => chosen.has(s));
    const progress = opts.onProgress ?? (() => { });
    const timings = [];
    const warnings = [];
    for (const [name, x] of Object.entries(sub.info))
        warnings.push(`${name} table subsampled to ${x.rows.toLocaleString('en-US')} of ${x.of.toLocaleString('en-US')} rows (seed ${seed}, at most ${maxRows.toLocaleString('en-US')} rows per table)`);
    const metrics = [];
    const steps = ['align', 'quality', ...suites, 'projection'];
    let step = 0;
    const phase = async (name, f) => {
        progress({ phase: 'evaluate', done: step, total: steps.length, message: name });
        // let a caller's UI update between phases
        await new Promise((r) => setTimeout(r, 0));
        const t = now();
        const out = await f();
        timings.push({ phase: name, seconds: (now() - t) / 1000 });
        step++;
        return out;
    };
    const t0 = now();
    const roles = new Map(opts.schema.columns.map((c) => [c.name, c.role]));
    const compared = real.names.filter((n) => roles.get(n) !== 'id' && fidelityKind(real.column(n).kind) !== null);
    const skipped = real.names.filter((n) => !compared.includes(n));
    if (skipped.length)
        warnings.push(`not compared (id or text columns): ${skipped.map((n) => `"${n}"`).join(', ')}`);
    const cols = await phase('align', () => alignTables(real, synthetic, compared));
    const discrete = new Map();
    sdmetricsDiscrete(cols).forEach((d, i) => discrete.set(cols[i], d));
    const memo = new Map();
    const target = opts.target ?? targetColumn(opts.schema);
    const sensitive = opts.schema.columns.filter((c) => c.role === 'sensitive').map((c) => c.name);
    const ctx = {
        real,
        synthetic,
        ...(holdout ? { holdout: holdout } : {}),
        schema: opts.schema,
        seed,
        options: opts,
        compared,
        columns: cols,
        ...(target !== undefined ? { target } : {}),
        sensitive,
        discrete: (c) => discrete.get(c),
        memo: (key, f) => {
            if (!memo.has(key))
                memo.set(key, f());
            return memo.get(key);
        },
        warn: (m) => warnings.push(m),
    };
    const descriptors = listMetrics().filter((d) => d.family !== 'privacy');
    const inSuite = (s) => descriptors.filter((d) => d.suite === s);
    for (const suite of ['quality', ...suites])
        metrics.push(...(await phase(suite, () => runSuite(inSuite(suite), ctx))));
    const aggregates = computeAggregates(metrics, ctx, listAggregates(), listMetrics());
    const u = chosen.has('utility') ? utilityRun(ctx) : {};
    const utility = u.result?.detail;
    const holdoutInfo = u.holdout ??
        (holdout
            ? { rows: pre.holdout?.of ?? opts.holdout.nRows, columns: holdout.nColumns, source: 'given' }
            : undefined);
    const columnSummaries = real.names.map((n) => {
        const c = real.column(n);
        const a = cols.find((x) => x.name === n);
        const role = roles.get(n);
        return {
            name: n,
            kind: c.kind,
            ...(role ? { role } : {}),
            evaluatedAs: a ? a.kind : 'skipped',
            missingReal: a ? missingShare(a, false) : NaN,
            missingSynthetic: a ? missingShare(a, true) : NaN,
        };
    });
    let targetInfo;
    if (utility)
        targetInfo = { name: utility.target, task: utility.task };
    else if (target !== undefined) {
        const tc = cols.find((c) => c.name === target);
        if (tc) {
            const task = tc.kind === 'numeric' ? 'regression' : tc.categories.length <= 2 ? 'binary' : 'multiclass';
            targetInfo = { name: target, task };
        }
    }
    const inputs = {
        real: { rows: pre.real?.of ?? real0.nRows, columns: real.nColumns },
        synthetic: { rows: pre.synthetic?.of ?? synthetic0.nRows, columns: synthetic.nColumns },
        ...(Object.keys(sub.info).length ? { subsample: { maxRows, seed, ...sub.info } } : {}),
        ...(holdoutInfo ? { holdout: holdoutInfo } : {}),
        columns: columnSummaries,
        ...(targetInfo ? { target: targetInfo } : {}),
        sensitive,
    };
    // a 2-D view for the report: binned shares only, small real cells blanked (metrics/projection.ts)
    let proj;
    try {
        proj = await phase('projection', () => projection(real, synthetic, { seed }));
    }
    catch (e) {
        warnings.push(`no 2-D projection: ${e.message}`);
    }
    const pairIds = new Set(descriptors.filter((d) => d.ofPair).map((d) => d.id));
    const evaluation = {
        format: 'lookalike-evaluation',
        version: 1,
        createdAt: new Date().toISOString(),
        seed,
        inputs,
        aggregates,
        metrics,
        columns: cols.map(histogram),
        pairs: matrices(cols, metrics.filter((m) => pairIds.has(m.id)), qualityRun(ctx).trends),
        ...(utility ? { utility } : {}),
        ...(proj ? { projection: proj } : {}),
        timings: [...timings, { phase: 'total', seconds: (now() - t0) / 1000 }],
        warnings,
    };
    progress({ phase: 'evaluate', done: steps.length, total: steps.length, message: 'done' });
    return evaluation;
}
//# sourceMappingURL=evaluate.js.map