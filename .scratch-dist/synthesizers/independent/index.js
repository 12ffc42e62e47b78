import { Table } from '../../table/table.js';
import { AliasTable, Rng } from '../../random/rng.js';
import { LookalikeError, ProblemList } from '../../errors.js';
import { describeConditions, planConditions, sampleGroups } from '../conditions.js';
import { fitIndependentDP, fitIndependentDPCounts, loadIndependentDP } from '../independent-dp.js';
import { checkFitInput, checkSampleSize, idStyles, isNumberArray, isRecord, modelEnvelope, unmodelledColumn, byName, byNameFrom, } from '../common.js';
import { defineSynthesizer } from '../registry.js';
import { independentInfo } from './info.js';
function fitColumn(col) {
    switch (col.kind) {
        case 'numeric':
        case 'datetime': {
            const counts = new Map();
            let missing = 0;
            for (const v of col.values) {
                if (Number.isNaN(v))
                    missing++;
                else
                    counts.set(v, (counts.get(v) ?? 0) + 1);
            }
            const values = [...counts.keys()].sort((a, b) => a - b);
            return {
                kind: col.kind,
                missing,
                values,
                counts: values.map((v) => counts.get(v)),
                ...(col.kind === 'numeric' ? { integer: col.integer } : { format: col.format }),
            };
        }
        case 'categorical': {
            const counts = new Array(col.categories.length).fill(0);
            let missing = 0;
            for (const c of col.codes) {
                if (c < 0)
                    missing++;
                else
                    counts[c]++;
            }
            return { kind: 'categorical', missing, values: [...col.categories], counts };
        }
        case 'boolean': {
            const counts = [0, 0];
            let missing = 0;
            for (const v of col.values) {
                if (v < 0)
                    missing++;
                else
                    counts[v]++;
            }
            return { kind: 'boolean', missing, values: [0, 1], counts };
        }
        default:
            return null;
    }
}
/** The column's counts restricted to the values a condition allows (the missing count dropped). */
function restrictedCounts(p, c) {
    const allowed = new Set((c.oneOf ?? [c.value]).map(String));
    const labels = p.kind === 'categorical' ? p.values : p.values.map(String);
    const counts = [0, ...p.counts.map((k, i) => (allowed.has(labels[i]) ? k : 0))];
    if (!counts.some((k) => k > 0))
        throw new LookalikeError(`cannot sample with ${describeConditions([c])}:`, [
            `column "${c.column}": the model gives every allowed value probability 0`,
        ]);
    return counts;
}
function sampleColumn(name, p, n, rng, cond) {
    const alias = new AliasTable(cond?.oneOf ? restrictedCounts(p, cond) : [p.missing, ...p.counts]);
    const draw = new Int32Array(n);
    for (let i = 0; i < n; i++)
        draw[i] = alias.sample(rng) - 1; // -1 = missing
    switch (p.kind) {
        case 'numeric':
        case 'datetime': {
            const vals = p.values;
            const out = new Float64Array(n);
            for (let i = 0; i < n; i++)
                out[i] = draw[i] < 0 ? NaN : vals[draw[i]];
            return p.kind === 'numeric'
                ? { kind: 'numeric', name, values: out, integer: p.integer ?? false }
                : { kind: 'datetime', name, values: out, format: p.format ?? 'ISO' };
        }
        case 'categorical':
            return { kind: 'categorical', name, codes: draw, categories: p.values };
        default:
            return { kind: 'boolean', name, values: Int8Array.from(draw) };
    }
}
class IndependentModel {
    schema;
    params;
    synthesizer = 'independent';
    privacy = { type: 'none' };
    constructor(schema, params) {
        this.schema = schema;
        this.params = params;
    }
    /**
     * Conditional sampling is trivial here (columns are independent): conditioned columns take their values, the
     * others their marginals; a set of allowed values is drawn by the column's own frequencies among them.
     */
    sample(n, opts = {}) {
        checkSampleSize(n);
        const plan = planConditions(this.schema, n, opts.conditions);
        if (plan)
            return sampleGroups(this.schema, plan, opts.seed ?? 0, (g, count, seed) => this.draw(count, seed, g.conditions));
        return this.draw(n, opts.seed ?? 0, []);
    }
    draw(n, seed, conds) {
        const rng = new Rng(seed);
        const cols = this.schema.columns.map((spec) => {
            const p = this.params.columns[spec.name];
            const cond = conds.find((c) => c.column === spec.name);
            return p ? sampleColumn(spec.name, p, n, rng.fork(), cond) : unmodelledColumn(spec, n, this.params.ids);
        });
        return new Table(cols, n);
    }
    /**
     * `columns` of `rows` drawn again from their marginals. The columns are independent, so the whole domain is the
     * "bin" a value lies in: a rejection loop over these draws (constraints/model.ts, for an inequality between two
     * columns) draws the pair from the product of its marginals restricted to the rule, the other columns untouched.
     */
    redrawWithinBins(t, rows, columns, seed) {
        const rng = new Rng(seed);
        let out = t;
        for (const name of columns) {
            const p = this.params.columns[name];
            const col = out.column(name);
            if (!p || (col.kind !== 'numeric' && col.kind !== 'datetime'))
                continue;
            const fresh = sampleColumn(name, p, rows.length, rng.fork());
            const values = Float64Array.from(col.values);
            rows.forEach((i, k) => (values[i] = fresh.values[k]));
            out = out.withColumn({ ...col, values });
        }
        return out;
    }
    toJSON() {
        return modelEnvelope(this.synthesizer, this.schema, this.privacy, this.params);
    }
}
export const independent = defineSynthesizer(independentInfo, {
    async fit(table, schema, opts = {}) {
        // with a budget: DP 1-way marginals (independent-dp.ts)
        if (opts.epsilon !== undefined)
            return fitIndependentDP(table, schema, opts);
        checkFitInput(table, schema, 'independent');
        const columns = byName();
        for (const spec of schema.columns) {
            const p = fitColumn(table.column(spec.name));
            if (p)
                columns[spec.name] = p;
        }
        return new IndependentModel(schema, { ids: idStyles(table, schema), columns });
    },
    fitCounts(rows, schema, opts = {}) {
        if (opts.epsilon === undefined)
            return Promise.reject(new LookalikeError(`independent without an epsilon reads the column values, not counts; counting ${rows.label} where it lives needs a DP fit (pass epsilon, e.g. --epsilon 1)`, [], 'usage'));
        return fitIndependentDPCounts(rows, schema, opts);
    },
    load(file) {
        if (file.ledger !== null && file.ledger !== undefined)
            return loadIndependentDP(file);
        const p = new ProblemList();
        const params = file.params;
        if (!isRecord(params) || !isRecord(params.columns) || !isRecord(params.ids)) {
            p.add('params must have "columns" and "ids" objects');
            p.throwIfAny('invalid independent model:');
        }
        const raw = params;
        const pr = {
            ...params,
            columns: byNameFrom(raw.columns),
            ids: byNameFrom(raw.ids),
        };
        for (const spec of file.schema.columns) {
            if (spec.kind === 'id' || spec.kind === 'text')
                continue;
            const c = pr.columns[spec.name];
            if (!isRecord(c)) {
                p.add(`column "${spec.name}" has no parameters`);
                continue;
            }
            if (c.kind !== spec.kind)
                p.add(`column "${spec.name}": kind ${String(c.kind)} does not match the schema`);
            if (!isNumberArray(c.counts) || c.counts.some((x) => x < 0))
                p.add(`column "${spec.name}": counts must be non-negative numbers`);
            if (!Array.isArray(c.values) || c.values.length !== c.counts?.length)
                p.add(`column "${spec.name}": values and counts differ in length`);
            if (typeof c.missing !== 'number' || c.missing < 0)
                p.add(`column "${spec.name}": missing must be a count`);
            else if (isNumberArray(c.counts) && c.missing + c.counts.reduce((a, b) => a + b, 0) <= 0)
                p.add(`column "${spec.name}": all counts are zero`);
        }
        p.throwIfAny('invalid independent model:');
        return new IndependentModel(file.schema, pr);
    },
});
//# sourceMappingURL=index.js.map