import { datetimeCodec } from '../table/datetime.js';
import { Table, cellValue } from '../table/table.js';
import { Rng } from '../random/rng.js';
import { LookalikeError } from '../errors.js';
import { describeConditions, planConditions, renumberIds, sampleByRejection, sampleGroups, } from '../synthesizers/conditions.js';
import { anyViolation, checkRules, comboKey, violations } from './check.js';
import { describeRule, ruleLabel } from './parse.js';
import { applyFormats, fromModelTable, planConstraints, toModelTable, } from './transform.js';
import { forbiddenRegions } from './zeros.js';
/**
 * A model that keeps business rules (docs/constraints.md): a synthesizer's model of the *transformed* table
 * (transform.ts: merged combinations, gaps, no computed columns) wrapped so that samples come back in the user's
 * columns, every rule checked, and the rows that break one drawn again.
 *
 * - **Bounded resampling**: at most `MAX_ROUNDS` rounds and 100 × n + 1,000 rows drawn in all; then a
 *   LookalikeError names every rule still broken and in how many rows.
 * - **Conditions** on merged columns become sets of allowed combinations (native in every synthesizer); conditions
 *   on a rebuilt side of an inequality or on a computed column are met by rejection (`sampleByRejection`). A
 *   condition that breaks a rule on its own is an error naming the rule.
 * - **Privacy**: the rules are public; the wrapper reads no data when sampling, so a DP model stays DP and its
 *   ledger is the inner model's.
 */
export const MAX_ROUNDS = 50;
/**
 * Rounds of within-bin redraws for the rows drawn across an inequality's diagonal (a pair of bins that straddles
 * it), before such a row is drawn again whole.
 */
export const WITHIN_ROUNDS = 20;
export class ConstrainedModel {
    inner;
    schema;
    plan;
    synthesizer;
    privacy;
    ctx;
    /** Inequalities over two columns the inner model holds as they are, when it can redraw values within bins. */
    orders = [];
    constructor(inner, 
    /** The user's schema (the inner model's is `plan.modelSchema`). */
    schema, plan) {
        this.inner = inner;
        this.schema = schema;
        this.plan = plan;
        this.synthesizer = inner.synthesizer;
        this.privacy = inner.privacy;
        const combinations = new Map();
        for (const m of plan.merges)
            if (m.kind === 'combo' && !m.declared)
                combinations.set(m.rule, new Set(m.categories));
        this.ctx = { combinations };
        if (typeof inner.redrawWithinBins === 'function') {
            const rebuilt = new Set([
                ...plan.gaps.map((g) => g.derived),
                ...plan.computed.map((c) => c.column),
                ...plan.merges.flatMap((m) => m.columns),
            ]);
            plan.rules.forEach((r, index) => {
                const q = r.type === 'inequality'
                    ? r
                    : r.type === 'conditional' && r.then.type === 'inequality'
                        ? r.then
                        : null;
                if (q && !rebuilt.has(q.low) && !rebuilt.has(q.high))
                    this.orders.push({ index, columns: [q.low, q.high] });
            });
        }
    }
    /**
     * The rows breaking an inequality whose two columns the inner model holds as they are: their two values drawn
     * again within their bins (`Model.redrawWithinBins`), at most WITHIN_ROUNDS times. A pair of bins wholly past the
     * diagonal is a structural zero of a DP-marginal model; a pair across it keeps its cell and gets values on the
     * right side, drawn by rejection within the cell; a conditioned column (`fixed`) keeps its value. Rows still
     * breaking a rule are left to `drawKept`.
     */
    withinBins(t, seed, fixed) {
        if (!this.orders.length)
            return t;
        // the rounds run on the rows that break an order when drawn (a few per cent), not on the whole draw: only those
        // rows are redrawn, and a redraw changes nothing else (the same draws as over the whole table)
        const broken = new Uint8Array(t.nRows);
        for (const o of this.orders) {
            const v = violations(t, this.schema, this.plan.rules[o.index], o.index, this.ctx);
            if (v.count)
                for (let i = 0; i < t.nRows; i++)
                    broken[i] |= v.rows[i];
        }
        const picked = [];
        for (let i = 0; i < broken.length; i++)
            if (broken[i])
                picked.push(i);
        if (!picked.length)
            return t;
        const at = Int32Array.from(picked);
        let sub = t.take(at);
        const rng = new Rng(seed);
        for (let round = 0; round < WITHIN_ROUNDS; round++) {
            let any = false;
            for (const o of this.orders) {
                // a conditioned column keeps its value: only the other side is drawn again
                const cols = o.columns.filter((c) => !fixed.has(c));
                if (!cols.length)
                    continue;
                const v = violations(sub, this.schema, this.plan.rules[o.index], o.index, this.ctx);
                if (!v.count)
                    continue;
                any = true;
                const rows = new Int32Array(v.count);
                for (let i = 0, k = 0; i < v.rows.length; i++)
                    if (v.rows[i])
                        rows[k++] = i;
                sub = this.inner.redrawWithinBins(sub, rows, cols, rng.u32());
            }
            if (!any)
                break;
        }
        // the redrawn values back into the draw
        for (const name of new Set(this.orders.flatMap((o) => o.columns))) {
            if (fixed.has(name))
                continue;
            const col = t.column(name);
            if (col.kind !== 'numeric' && col.kind !== 'datetime')
                continue;
            const from = sub.column(name).values;
            const values = Float64Array.from(col.values);
            at.forEach((r, k) => (values[r] = from[k]));
            t = t.withColumn({ ...col, values });
        }
        return t;
    }
    get rules() {
        return this.plan.rules;
    }
    /** The inner model's default row count (a DP model's noisy total). */
    get defaultRows() {
        return this.inner.defaultRows;
    }
    sample(n, opts = {}) {
        const seed = opts.seed ?? 0;
        const cplan = planConditions(this.schema, n, opts.conditions);
        if (cplan)
            this.checkConditions(cplan);
        const out = cplan
            ? sampleGroups(this.schema, cplan, seed, (g, count, s) => this.drawKept(count, s, g.conditions))
            : renumberIds(this.schema, this.drawKept(n, seed, []));
        return applyFormats(out, this.plan, this.schema, new Rng(seed).fork());
    }
    toJSON() {
        const inner = this.inner.toJSON();
        const { rules, ...plan } = this.plan;
        const constraints = { rules, plan };
        return { ...inner, schema: this.schema, constraints };
    }
    /** Rows that keep every rule: drawn, checked, the breaking rows drawn again (bounded). */
    drawKept(count, seed, conds) {
        const rng = new Rng(seed);
        const draw = this.drawer(conds);
        // not checked here: formats, and uniqueness of the columns made distinct afterwards — id columns (renumbered
        // over the whole output) and formatted columns (generated distinct by applyFormats); redrawn rows would repeat
        // the ids of the draw they come from
        const afterwards = new Set([
            ...this.schema.columns.filter((c) => c.kind === 'id').map((c) => c.name),
            ...this.plan.rules.flatMap((r) => (r.type === 'format' ? [r.column] : [])),
        ]);
        const checked = this.plan.rules.filter((r) => r.type !== 'format' && !(r.type === 'unique' && afterwards.has(r.column)));
        let t = draw(count, rng.u32());
        let drawn = count;
        const bound = 100 * count + 1000;
        for (let round = 0;; round++) {
            const res = checkRules(t, this.schema, checked, this.ctx);
            const bad = anyViolation(res, t.nRows);
            const rows = [];
            for (let i = 0; i < bad.length; i++)
                if (bad[i])
                    rows.push(i);
            if (rows.length === 0)
                return t;
            if (round >= MAX_ROUNDS || drawn + rows.length > bound) {
                const broken = res
                    .filter((r) => r.count > 0)
                    .map((r) => `${ruleLabel(this.plan.rules, r.rule)}: broken in ${r.count} of ${count} rows`);
                throw new LookalikeError(`${this.synthesizer} cannot draw ${count} rows that keep every rule${conds.length ? ` with ${describeConditions(conds)}` : ''} within its bound (${MAX_ROUNDS} rounds, ${bound.toLocaleString('en-US')} rows drawn):`, broken);
            }
            const fresh = draw(rows.length, rng.u32());
            drawn += rows.length;
            const perm = Int32Array.from({ length: t.nRows }, (_, i) => i);
            rows.forEach((r, k) => (perm[r] = t.nRows + k));
            t = t.concat(fresh).take(perm);
        }
    }
    /** The draw for a group: inner conditions (merged sets, passed-through values), rejection for the rest. */
    drawer(conds) {
        const { inner, post } = this.innerConditions(conds);
        const fixed = new Set(conds.map((c) => c.column));
        const base = (count, seed) => {
            const rng = new Rng(seed);
            const opts = inner.length
                ? { seed: rng.u32(), conditions: singleGroup(count, inner) }
                : { seed: rng.u32() };
            return this.withinBins(fromModelTable(this.inner.sample(count, opts), this.plan, this.schema), rng.u32(), fixed);
        };
        if (!post.length)
            return base;
        return (count, seed) => sampleByRejection(this.schema, base, post, count, seed, { synthesizer: this.synthesizer });
    }
    innerConditions(conds) {
        const inner = [];
        const post = [];
        const rebuilt = new Set([
            ...this.plan.gaps.map((g) => g.derived),
            ...this.plan.computed.map((c) => c.column),
        ]);
        const allowed = new Map();
        const specs = new Map(this.schema.columns.map((c) => [c.name, c]));
        for (const c of conds) {
            const m = this.plan.merges.find((x) => x.columns.includes(c.column));
            if (m) {
                const j = m.columns.indexOf(c.column);
                const want = conditionCells(specs.get(c.column), c);
                const ok = m.categories.filter((label) => {
                    if (m.kind === 'one-hot')
                        return (label === c.column) === (want[0] === true);
                    const cells = JSON.parse(label);
                    return want.some((w) => String(cells[j]) === String(w));
                });
                const had = allowed.get(m.name);
                allowed.set(m.name, new Set(had ? ok.filter((k) => had.has(k)) : ok));
            }
            else if (rebuilt.has(c.column))
                post.push(c);
            else
                inner.push(c);
        }
        for (const [name, set] of allowed) {
            const list = [...set];
            if (list.length === 0) {
                const m = this.plan.merges.find((x) => x.name === name);
                throw new LookalikeError(`cannot sample with ${describeConditions(conds)}:`, [
                    `the conditions break ${ruleLabel(this.plan.rules, this.plan.rules[m.rule])}: no allowed combination has these values`,
                ]);
            }
            inner.push({
                column: name,
                kind: 'categorical',
                value: list[0],
                ...(list.length > 1 ? { oneOf: list } : {}),
            });
        }
        return { inner, post };
    }
    /** A condition group whose values alone break a rule is an error naming the rule and the condition rows. */
    checkConditions(cplan) {
        const problems = [];
        for (const g of cplan.groups) {
            if (!g.conditions.length)
                continue;
            const row = oneRow(this.schema, g.conditions);
            const have = new Set(g.conditions.map((c) => c.column));
            for (const [i, r] of this.plan.rules.entries()) {
                if (r.type === 'fixed-combinations' ||
                    r.type === 'one-hot' ||
                    r.type === 'unique' ||
                    r.type === 'format')
                    continue;
                const cols = r.type === 'conditional' ? [r.if.column, ...ruleCols(r.then)] : ruleCols(r);
                if (!cols.every((c) => have.has(c)))
                    continue;
                if (violations(row, this.schema, r, i, this.ctx).count) {
                    const rows = [...g.rows.slice(0, 5)].map((x) => x + 1).join(', ');
                    problems.push(`${describeConditions(g.conditions)} (condition rows ${rows}${g.rows.length > 5 ? ', …' : ''}) breaks ${ruleLabel(this.plan.rules, r)}`);
                }
            }
        }
        if (problems.length)
            throw new LookalikeError('cannot sample with these conditions:', problems);
    }
}
function ruleCols(r) {
    switch (r.type) {
        case 'inequality':
            return [r.low, r.high];
        case 'linear':
            return [r.column, ...Object.keys(r.terms)];
        case 'ratio':
            return [r.column, r.numerator, r.denominator];
        case 'range':
        case 'rounding':
            return [r.column];
        default:
            return [];
    }
}
function singleGroup(count, conds) {
    return { n: count, groups: [{ conditions: conds, rows: Int32Array.from({ length: count }, (_, i) => i) }] };
}
/** The condition value(s) as `cellValue` would show them (datetimes formatted, booleans true/false). */
function conditionCells(spec, c) {
    const values = c.oneOf ?? [c.value];
    return values.map((v) => {
        if (c.kind === 'boolean')
            return v === 1;
        if (c.kind === 'datetime')
            return datetimeCodec(spec.format ?? 'ISO').format_(v);
        return v;
    });
}
/** A one-row table of the schema's columns holding the conditions (missing elsewhere). */
function oneRow(schema, conds) {
    const cols = schema.columns.map((s) => {
        const c = conds.find((x) => x.column === s.name);
        switch (s.kind) {
            case 'numeric':
                return {
                    kind: 'numeric',
                    name: s.name,
                    values: Float64Array.of(c ? c.value : NaN),
                    integer: !!s.integer,
                };
            case 'datetime':
                return {
                    kind: 'datetime',
                    name: s.name,
                    values: Float64Array.of(c ? c.value : NaN),
                    format: s.format ?? 'ISO',
                };
            case 'boolean':
                return { kind: 'boolean', name: s.name, values: Int8Array.of(c ? c.value : -1) };
            case 'categorical':
                return {
                    kind: 'categorical',
                    name: s.name,
                    codes: Int32Array.of(c ? 0 : -1),
                    categories: c ? [String(c.value)] : [],
                };
            default:
                return { kind: s.kind, name: s.name, values: [null] };
        }
    });
    return new Table(cols, 1);
}
/**
 * Fit `synthesizer` so that its samples keep `rules` (parsed by `parseRules`). Rows of the training table that
 * break a rule are left out of the fit. In a non-DP fit the returned notes count them per rule; in a DP fit
 * nothing about them is reported (how many rows break a rule is a fact about the private table), and
 * fixed-combination rules must declare their combinations.
 */
export async function fitWithRules(synthesizer, table, schema, rules, opts = {}) {
    const dp = synthesizer.privacy === 'dp' || (synthesizer.privacy === 'either' && opts.epsilon !== undefined);
    // row rules only: a format is how values are generated (id and text columns are not modelled) and uniqueness is
    // a property of the output; fixed combinations without a list cannot be broken by the data they are read from
    const rowRules = rules.filter((r) => r.type !== 'format' && r.type !== 'unique');
    const res = checkRules(table, schema, rowRules).map((r) => ({ ...r, index: rules.indexOf(r.rule) }));
    const bad = anyViolation(res, table.nRows);
    const keep = [];
    for (let i = 0; i < bad.length; i++)
        if (!bad[i])
            keep.push(i);
    const kept = keep.length === table.nRows ? table : table.take(Int32Array.from(keep));
    const notes = dp
        ? []
        : res.filter((r) => r.count > 0).map((r) => ({ rule: ruleLabel(rules, r.rule), rows: r.count }));
    // the DP-marginal synthesizers (those that fit from counts) make rules structural zeros of their model: an
    // inequality is then modelled as its two columns, not reparameterised. Nor is it for `independent` without a
    // budget: it would draw the gap independently of its base (w3_err +0.062 on California housing); it draws the
    // two columns and redraws the pair in the rows across the diagonal (its `redrawWithinBins`)
    const orderZeros = (dp && typeof synthesizer.fitCounts === 'function') || synthesizer.name === 'independent';
    const plan = planConstraints(rules, schema, { dp, table: dp ? undefined : kept, orderZeros });
    // conditional rules and inequalities become structural zeros of a DP-marginal model (public facts, no budget);
    // others ignore them
    const forbidden = forbiddenRegions(plan, schema);
    const inner = await synthesizer.fit(toModelTable(kept, plan), plan.modelSchema, forbidden.length ? { ...opts, forbidden: [...(opts.forbidden ?? []), ...forbidden] } : opts);
    return { model: new ConstrainedModel(inner, schema, plan), notes };
}
/**
 * Rebuild a constrained model from its file: the inner synthesizer's `load` reads the file with the modelled
 * schema; the plan is validated against the rules and the schema.
 */
export function loadConstrained(file, synthesizer, load) {
    const c = file.constraints;
    if (!c || !Array.isArray(c.rules) || typeof c.plan !== 'object' || c.plan === null)
        throw new LookalikeError('invalid model file:', ['"constraints" must hold "rules" and "plan"']);
    const plan = { ...c.plan, rules: c.rules };
    const problems = [];
    if (!plan.modelSchema ||
        !Array.isArray(plan.merges) ||
        !Array.isArray(plan.gaps) ||
        !Array.isArray(plan.computed))
        problems.push('"constraints.plan" must hold modelSchema, merges, gaps and computed');
    else {
        const names = new Set(file.schema.columns.map((s) => s.name));
        for (const r of c.rules)
            for (const col of ruleColumnsOf(r))
                if (!names.has(col))
                    problems.push(`a rule names "${col}", which the schema does not have`);
        for (const m of plan.merges)
            if (!plan.modelSchema.columns.some((s) => s.name === m.name))
                problems.push(`merged column "${m.name}" is not in the modelled schema`);
    }
    if (problems.length)
        throw new LookalikeError(`invalid ${synthesizer.name} model file (constraints):`, problems);
    const inner = load({ ...file, schema: plan.modelSchema, constraints: undefined });
    return new ConstrainedModel(inner, file.schema, plan);
}
function ruleColumnsOf(r) {
    if (r.type === 'fixed-combinations' || r.type === 'one-hot')
        return [...r.columns];
    if (r.type === 'conditional')
        return [r.if.column, ...ruleCols(r.then)];
    if (r.type === 'unique' || r.type === 'format')
        return [r.column];
    return ruleCols(r);
}
export { describeRule, comboKey, cellValue };
//# sourceMappingURL=model.js.map