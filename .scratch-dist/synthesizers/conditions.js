import { datetimeCodec } from '../table/datetime.js';
import { isCategoricalDomain, isDatetimeDomain, isNumericDomain } from '../table/schema.js';
import { Table } from '../table/table.js';
import { Rng } from '../random/rng.js';
import { LookalikeError, ProblemList } from '../errors.js';
import { syntheticIdColumn } from './common.js';
const MAX_ROWS_LISTED = 5;
/** A plan already made (by `planConditions` or the constraints layer, which may use `oneOf`): used as it is. */
function isConditionPlan(x) {
    return (typeof x === 'object' &&
        x !== null &&
        'groups' in x &&
        'n' in x &&
        Array.isArray(x.groups));
}
function isRecordLike(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Table);
}
/**
 * Validate `conditions` against the schema (see `SampleOptions.conditions`) and group identical condition rows.
 * Returns null when there is nothing to condition on. Throws one LookalikeError (kind `input`) listing every
 * problem, each naming the column and the condition rows (1-based) it occurs in.
 */
export function planConditions(schema, n, conditions) {
    if (conditions === undefined)
        return null;
    if (isConditionPlan(conditions)) {
        if (conditions.n !== n)
            throw new LookalikeError(`internal: a condition plan for ${conditions.n} rows used for ${n}`, [], 'internal');
        return conditions;
    }
    const p = new ProblemList();
    let rows;
    let fixed = false;
    if (conditions instanceof Table)
        rows = conditions.toRecords();
    else if (Array.isArray(conditions))
        rows = conditions;
    else if (isRecordLike(conditions)) {
        rows = [conditions];
        fixed = true;
    }
    else
        throw new LookalikeError('conditions must be a record of column values, a list of condition rows or a table', [], 'usage');
    if (!fixed && rows.length !== n)
        p.add(`there are ${rows.length} condition rows but ${n} rows were asked for: one output row per condition row`);
    if (!fixed && rows.length === 0)
        p.add('the condition table has no rows');
    // problems are aggregated per column and kind of problem, with the first few rows named
    const issues = new Map();
    const note = (msg, row) => {
        const list = issues.get(msg);
        if (list)
            list.push(row);
        else
            issues.set(msg, [row]);
    };
    const specs = new Map(schema.columns.map((c) => [c.name, c]));
    const order = new Map(schema.columns.map((c, i) => [c.name, i]));
    const keyed = new Map();
    rows.forEach((row, r) => {
        if (!isRecordLike(row)) {
            note('a condition row must be a record of column values', r);
            return;
        }
        const conds = [];
        for (const [name, raw] of Object.entries(row)) {
            if (raw === null || raw === undefined || (typeof raw === 'number' && Number.isNaN(raw)))
                continue;
            const spec = specs.get(name);
            if (!spec) {
                note(`"${name}" is not a column of the model`, r);
                continue;
            }
            const c = normaliseValue(spec, raw, (m) => note(`column "${name}": ${m}`, r));
            if (c)
                conds.push(c);
        }
        conds.sort((a, b) => order.get(a.column) - order.get(b.column));
        const key = JSON.stringify(conds.map((c) => [c.column, c.value]));
        const g = keyed.get(key);
        if (g)
            g.rows.push(r);
        else
            keyed.set(key, { conditions: conds, rows: [r] });
    });
    for (const [msg, list] of issues) {
        if (fixed)
            p.add(msg);
        else {
            const shown = list.slice(0, MAX_ROWS_LISTED).map((r) => r + 1);
            const more = list.length > MAX_ROWS_LISTED ? `, … (${list.length} rows)` : '';
            p.add(`${msg} (condition row${list.length > 1 ? 's' : ''} ${shown.join(', ')}${more})`);
        }
    }
    p.throwIfAny('cannot sample with these conditions:');
    if (fixed) {
        const g = [...keyed.values()][0];
        if (g.conditions.length === 0)
            return null;
        const all = new Int32Array(n);
        for (let i = 0; i < n; i++)
            all[i] = i;
        return { n, groups: [{ conditions: g.conditions, rows: all }] };
    }
    const groups = [...keyed.values()].map((g) => ({
        conditions: g.conditions,
        rows: Int32Array.from(g.rows),
    }));
    if (groups.length === 1 && groups[0].conditions.length === 0)
        return null;
    return { n, groups };
}
function normaliseValue(spec, raw, bad) {
    const column = spec.name;
    switch (spec.kind) {
        case 'id':
        case 'text':
            bad(`${spec.kind} columns are not modelled, so they cannot be conditioned on`);
            return null;
        case 'boolean': {
            const v = raw === true || raw === 'true' || raw === 1
                ? 1
                : raw === false || raw === 'false' || raw === 0
                    ? 0
                    : -1;
            if (v < 0) {
                bad('a boolean condition must be true or false');
                return null;
            }
            return { column, kind: 'boolean', value: v };
        }
        case 'categorical': {
            if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
                bad('a category must be a string');
                return null;
            }
            const v = String(raw);
            if (isCategoricalDomain(spec.domain) && !spec.domain.categories.includes(v)) {
                bad(`a condition value is not one of the column's ${spec.domain.categories.length} categories`);
                return null;
            }
            return { column, kind: 'categorical', value: v };
        }
        case 'numeric': {
            const v = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
            if (!Number.isFinite(v)) {
                bad('a numeric condition must be a finite number');
                return null;
            }
            if (spec.integer && !Number.isInteger(v)) {
                bad('the column holds whole numbers; a condition value has a fractional part');
                return null;
            }
            const d = spec.domain;
            if (isNumericDomain(d) && (v < d.min || v > d.max)) {
                bad(`a condition value lies outside the column's domain [${d.min}, ${d.max}]`);
                return null;
            }
            return { column, kind: 'numeric', value: v };
        }
        case 'datetime': {
            const codec = datetimeCodec(spec.format ?? 'ISO');
            const v = typeof raw === 'number' ? raw : typeof raw === 'string' ? codec.parse(raw) : NaN;
            if (!Number.isFinite(v)) {
                bad(`a datetime condition must be written in the column's format "${spec.format ?? 'ISO'}"`);
                return null;
            }
            const d = spec.domain;
            if (isDatetimeDomain(d)) {
                const lo = codec.parse(d.min);
                const hi = codec.parse(d.max);
                if (v < lo || v > hi) {
                    bad(`a condition value lies outside the column's domain [${d.min}, ${d.max}]`);
                    return null;
                }
            }
            return { column, kind: 'datetime', value: v };
        }
    }
}
/** A short description of a group's conditions for messages: `age=40, sex=Male` (the user's own values). */
export function describeConditions(conds) {
    if (conds.length === 0)
        return '(no condition)';
    const show = (c, v) => c.kind === 'boolean' ? (v === 1 ? 'true' : 'false') : String(v);
    return conds
        .map((c) => c.oneOf
        ? `${c.column} in {${c.oneOf.map((v) => show(c, v)).join(', ')}}`
        : `${c.column}=${show(c, c.value)}`)
        .join(', ');
}
/**
 * Draw a conditional sample group by group and put the rows back in condition-row order. `draw(group, count,
 * seed)` returns `count` rows of the schema's columns satisfying the group's conditions (for the group without
 * conditions: an unconditional sample). Conditioned cells are then set to their values exactly
 * (`applyConditions`) and id columns renumbered 1..n / syn-1..syn-n over the whole output, as an unconditional
 * sample has them.
 */
export function sampleGroups(schema, plan, seed, draw) {
    const rng = new Rng(seed);
    const parts = [];
    const perm = new Int32Array(plan.n);
    let at = 0;
    for (const g of plan.groups) {
        const t = applyConditions(draw(g, g.rows.length, rng.u32()), g.conditions);
        if (t.nRows !== g.rows.length)
            throw new LookalikeError(`internal: a conditional draw returned ${t.nRows} rows, not ${g.rows.length}`, [], 'internal');
        for (let i = 0; i < g.rows.length; i++)
            perm[g.rows[i]] = at + i;
        at += g.rows.length;
        parts.push(t);
    }
    return renumberIds(schema, concatAll(parts).take(perm));
}
/**
 * Id columns numbered 1..n / syn-1..syn-n over the whole table (in the style of the ids the draws gave), as an
 * unconditional sample has them: a table put together from several draws repeats their numbers otherwise.
 */
export function renumberIds(schema, table) {
    let out = table;
    for (const spec of schema.columns) {
        if (spec.kind !== 'id')
            continue;
        const col = out.column(spec.name);
        const first = col.kind === 'id' ? col.values.find((v) => v !== null) : null;
        out = out.withColumn(syntheticIdColumn(spec.name, out.nRows, first !== undefined && first !== null && /^\d+$/.test(first) ? 'integer' : 'prefixed'));
    }
    return out;
}
/** The same table with every conditioned cell set to its condition value (categories added when missing). */
export function applyConditions(table, conds) {
    let t = table;
    for (const c of conds)
        if (!c.oneOf)
            t = t.withColumn(fillColumn(t.column(c.column), c, t.nRows));
    return t;
}
function fillColumn(col, c, n) {
    switch (col.kind) {
        case 'numeric':
        case 'datetime':
            return { ...col, values: new Float64Array(n).fill(c.value) };
        case 'boolean':
            return { ...col, values: new Int8Array(n).fill(c.value) };
        case 'categorical': {
            let k = col.categories.indexOf(c.value);
            const categories = k < 0 ? [...col.categories, c.value] : col.categories;
            if (k < 0)
                k = categories.length - 1;
            return { ...col, categories, codes: new Int32Array(n).fill(k) };
        }
        default:
            return col;
    }
}
/**
 * Which rows of `table` match the conditions. Categories and booleans match exactly, integer columns exactly,
 * float and datetime columns within `tolerance(column)` (the rejection sampler uses 1/100 of the domain's range).
 */
export function matchConditions(table, conds, tolerance = () => 0) {
    const ok = new Uint8Array(table.nRows).fill(1);
    for (const c of conds) {
        const col = table.column(c.column);
        const values = c.oneOf ?? [c.value];
        const hit = new Uint8Array(ok.length);
        for (const value of values) {
            if (col.kind === 'categorical') {
                const k = col.categories.indexOf(String(value));
                if (k >= 0)
                    for (let i = 0; i < ok.length; i++)
                        if (col.codes[i] === k)
                            hit[i] = 1;
            }
            else if (col.kind === 'boolean') {
                for (let i = 0; i < ok.length; i++)
                    if (col.values[i] === value)
                        hit[i] = 1;
            }
            else if (col.kind === 'numeric' || col.kind === 'datetime') {
                const tol = tolerance(c.column);
                const v = value;
                for (let i = 0; i < ok.length; i++)
                    if (Math.abs(col.values[i] - v) <= tol)
                        hit[i] = 1;
            }
        }
        for (let i = 0; i < ok.length; i++)
            ok[i] &= hit[i];
    }
    return ok;
}
/** 1/100 of a float or datetime column's domain range (0 for integers and columns without a domain). */
export function rejectionTolerance(schema, column) {
    const spec = schema.columns.find((c) => c.name === column);
    if (!spec)
        return 0;
    const d = spec.domain;
    if (spec.kind === 'numeric' && !spec.integer && isNumericDomain(d))
        return (d.max - d.min) / 100;
    if (spec.kind === 'datetime' && isDatetimeDomain(d)) {
        const codec = datetimeCodec(spec.format ?? 'ISO');
        const r = codec.parse(d.max) - codec.parse(d.min);
        return Number.isFinite(r) ? r / 100 : 0;
    }
    return 0;
}
/**
 * The fallback for a model that cannot condition natively: draw unconditional rows in batches (`draw(count,
 * seed)`), keep those that match the conditions (`matchConditions` with `rejectionTolerance`: a continuous value
 * within 1/100 of its range is set to the condition exactly afterwards), until `count` are kept or `maxDraws`
 * rows have been drawn. Exact for categories, booleans and integers; for continuous columns the other columns
 * follow the model given a window around the value. Costs about count / prevalence draws, so the bound turns an
 * impossible or very rare condition into a LookalikeError naming it, with the prevalence seen.
 */
export function sampleByRejection(schema, draw, conds, count, seed, opts = {}) {
    const maxDraws = opts.maxDraws ?? 100 * count + 1000;
    const rng = new Rng(seed);
    const tol = (c) => rejectionTolerance(schema, c);
    const kept = [];
    let have = 0;
    let drawn = 0;
    let batch = Math.min(maxDraws, Math.max(64, 2 * count));
    while (have < count && drawn < maxDraws) {
        const size = Math.min(batch, maxDraws - drawn);
        const t = draw(size, rng.u32());
        drawn += size;
        const ok = matchConditions(t, conds, tol);
        const idx = [];
        for (let i = 0; i < ok.length && have + idx.length < count; i++)
            if (ok[i])
                idx.push(i);
        if (idx.length) {
            kept.push(t.take(Int32Array.from(idx)));
            have += idx.length;
        }
        // next batch sized by the acceptance rate seen so far (at least doubling while nothing matches)
        const rate = have / drawn;
        batch = rate > 0 ? Math.ceil(((count - have) / rate) * 1.2) + 16 : batch * 2;
    }
    if (have < count) {
        throw new LookalikeError(`${opts.synthesizer ?? 'this model'} cannot sample rows with ${describeConditions(conds)}: it samples them by rejection, and ${have} of ${count} rows matched in ${drawn.toLocaleString('en-US')} draws (the bound)`, [
            have === 0
                ? 'the model gives these conditions (almost) no probability; check the values, or condition on fewer columns'
                : `the model gives these conditions a probability of about ${(have / drawn).toPrecision(2)}; ask for fewer rows or condition on fewer columns`,
        ]);
    }
    return applyConditions(concatAll(kept), conds);
}
/** Rows of every table in turn (pairwise, so that many small parts cost O(rows · log parts)). */
export function concatAll(parts) {
    if (parts.length === 0)
        throw new LookalikeError('internal: nothing to concatenate', [], 'internal');
    let level = [...parts];
    while (level.length > 1) {
        const next = [];
        for (let i = 0; i < level.length; i += 2)
            next.push(i + 1 < level.length ? level[i].concat(level[i + 1]) : level[i]);
        level = next;
    }
    return level[0];
}
/**
 * Fixed conditions written as text, `COLUMN=VALUE` each (the CLI's repeatable `--condition`, a form field), as one
 * record; the first `=` splits, so a value may contain `=`. A malformed pair, or a column given two different
 * values, is a usage error naming `option`.
 */
export function parseConditionPairs(pairs, option = '--condition') {
    const out = {};
    for (const kv of pairs) {
        const i = kv.indexOf('=');
        if (i <= 0 || i === kv.length - 1)
            throw new LookalikeError(`${option} takes COLUMN=VALUE, e.g. ${option} "Species=Adelie"; got "${kv}"`, [], 'usage');
        const col = kv.slice(0, i);
        if (Object.hasOwn(out, col) && out[col] !== kv.slice(i + 1))
            throw new LookalikeError(`${option}: column "${col}" is given two different values`, [], 'usage');
        out[col] = kv.slice(i + 1);
    }
    return out;
}
/**
 * Condition rows (a table's records: an empty cell leaves that column free in that row) with the `fixed` values
 * added to every row. A row that gives a fixed column another value is an input error naming the column and the
 * rows (`source` names the table), never the values.
 */
export function withFixedConditions(rows, fixed, source) {
    const clash = new Map();
    for (const [r, row] of rows.entries()) {
        for (const [col, v] of Object.entries(fixed)) {
            const had = Object.hasOwn(row, col) ? row[col] : null;
            if (had !== null && String(had) !== v)
                clash.set(col, [...(clash.get(col) ?? []), r + 1]);
            row[col] = v;
        }
    }
    if (clash.size)
        throw new LookalikeError(`${source}: condition rows contradict --condition:`, [...clash].map(([col, list]) => `column "${col}" has another value in condition row${list.length > 1 ? 's' : ''} ${list.slice(0, 10).join(', ')}${list.length > 10 ? `, … (${list.length} rows)` : ''}`), 'input');
    return rows;
}
//# sourceMappingURL=conditions.js.map