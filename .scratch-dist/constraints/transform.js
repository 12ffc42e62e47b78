import * as randexpModule from 'randexp';
import { datetimeCodec } from '../table/datetime.js';
import { isCategoricalDomain, isDatetimeDomain, isNumericDomain } from '../table/schema.js';
import { Table, cellValue } from '../table/table.js';
import { LookalikeError } from '../errors.js';
import { comboKey, declaredCombo } from './check.js';
import { boundValue, ruleLabel } from './parse.js';
const NONE = '';
const RandExp = randexpModule.default ??
    randexpModule;
function uniqueName(base, taken) {
    let name = base;
    for (let i = 2; taken.has(name); i++)
        name = `${base}#${i}`;
    taken.add(name);
    return name;
}
function combineSources(a, b) {
    if (a === 'inferred' || b === 'inferred' || !a || !b)
        return 'inferred';
    return a === 'dp' || b === 'dp' ? 'dp' : 'public';
}
/** Numeric bounds of an ordered column's domain (datetimes in ms), or null. */
function domainBounds(spec) {
    const d = spec.domain;
    if (isNumericDomain(d))
        return { min: d.min, max: d.max, source: d.source };
    if (isDatetimeDomain(d)) {
        const c = datetimeCodec(spec.format ?? 'ISO');
        return { min: c.parse(d.min), max: c.parse(d.max), source: d.source };
    }
    return null;
}
/** Work out how each rule is enforced by construction, and the schema of the modelled table. */
export function planConstraints(rules, schema, opts) {
    const specs = new Map(schema.columns.map((c) => [c.name, c]));
    const taken = new Set(schema.columns.map((c) => c.name));
    const problems = [];
    const merges = [];
    const computed = [];
    const gaps = [];
    const busy = new Set(); // merged or computed: not available as a base or derived side
    rules.forEach((r, i) => {
        if (r.type === 'fixed-combinations') {
            let categories;
            if (r.combinations)
                categories = r.combinations.map((c) => comboKey(declaredCombo(schema, r.columns, c)));
            else if (opts.dp) {
                problems.push(`${ruleLabel(rules, r)} lists no combinations: a DP fit cannot read them off the private rows; declare them in the rule ("combinations": [[...], ...])`);
                categories = [];
            }
            else {
                if (!opts.table)
                    throw new LookalikeError('internal: seen combinations need the table', [], 'internal');
                const cols = r.columns.map((c) => opts.table.column(c));
                const seen = new Set();
                for (let k = 0; k < opts.table.nRows; k++)
                    seen.add(comboKey(cols.map((c) => cellValue(c, k))));
                categories = [...seen].sort();
            }
            merges.push({
                kind: 'combo',
                rule: i,
                name: uniqueName(r.columns.join('+'), taken),
                columns: r.columns,
                categories,
                declared: !!r.combinations,
            });
            r.columns.forEach((c) => busy.add(c));
        }
        else if (r.type === 'one-hot') {
            const categories = [...r.columns, ...(r.exactlyOne === false ? [NONE] : [])];
            merges.push({
                kind: 'one-hot',
                rule: i,
                name: uniqueName(r.columns.join('|'), taken),
                columns: r.columns,
                categories,
                declared: true,
            });
            r.columns.forEach((c) => busy.add(c));
        }
        else if (r.type === 'linear' || r.type === 'ratio') {
            computed.push({ rule: i, column: r.column });
            busy.add(r.column);
        }
    });
    if (problems.length)
        throw new LookalikeError('the rules cannot be used for this fit:', problems, 'input');
    // computed columns in dependency order
    const inputs = new Map(computed.map((c) => {
        const r = rules[c.rule];
        return [
            c.column,
            r.type === 'linear' ? Object.keys(r.terms) : r.type === 'ratio' ? [r.numerator, r.denominator] : [],
        ];
    }));
    const ordered = [];
    const placed = new Set();
    while (ordered.length < computed.length) {
        const next = computed.find((c) => !placed.has(c.column) && inputs.get(c.column).every((x) => !inputs.has(x) || placed.has(x)));
        if (!next)
            break; // cycles are refused by parseRules
        ordered.push(next);
        placed.add(next.column);
    }
    // inequalities: reparameterise where a side can be rebuilt from a complete base, without cycles
    const derivedFrom = new Map();
    const reaches = (from, to) => {
        for (let x = from; x !== undefined; x = derivedFrom.get(x))
            if (x === to)
                return true;
        return false;
    };
    rules.forEach((r, i) => {
        if (r.type !== 'inequality' || opts.orderZeros)
            return;
        const low = specs.get(r.low);
        const high = specs.get(r.high);
        if (busy.has(low.name) || busy.has(high.name))
            return;
        const integerLike = low.kind === 'datetime' ? 0 : low.integer && high.integer ? 1 : 0;
        const step = r.strict ? (low.kind === 'datetime' ? datetimeStep(low, high) : integerLike) : 0;
        const tryDerive = (derived, base, sign) => {
            if (base.nullable || derivedFrom.has(derived.name) || reaches(base.name, derived.name))
                return false;
            derivedFrom.set(derived.name, base.name);
            gaps.push({ rule: i, derived: derived.name, base: base.name, sign, step });
            return true;
        };
        if (!tryDerive(high, low, 1))
            tryDerive(low, high, -1);
    });
    // gaps in dependency order: a base rebuilt first
    const gapOrder = [];
    const done = new Set();
    while (gapOrder.length < gaps.length) {
        const g = gaps.find((x) => !done.has(x.derived) && (!derivedFrom.has(x.base) || done.has(x.base)));
        gapOrder.push(g);
        done.add(g.derived);
    }
    return {
        rules,
        merges,
        gaps: gapOrder,
        computed: ordered,
        modelSchema: modelSchemaOf(schema, rules, merges, gapOrder, ordered),
    };
}
/** The smallest positive step of a strict datetime inequality: one unit of the coarser format (a day for dates). */
function datetimeStep(a, b) {
    const fine = (f) => (f && /H|m|s|S/.test(f.replace('MMM', '')) ? 1 : 86_400_000);
    return Math.max(fine(a.format), fine(b.format)) === 86_400_000 &&
        !(a.format === 'ISO' || b.format === 'ISO')
        ? 86_400_000
        : 1;
}
function modelSchemaOf(schema, rules, merges, gaps, computed) {
    const specs = new Map(schema.columns.map((c) => [c.name, c]));
    const mergedInto = new Map();
    for (const m of merges)
        for (const c of m.columns)
            mergedInto.set(c, m);
    const isComputed = new Set(computed.map((c) => c.column));
    const gapOf = new Map(gaps.map((g) => [g.derived, g]));
    const out = [];
    const emitted = new Set();
    for (const spec of schema.columns) {
        const m = mergedInto.get(spec.name);
        if (m) {
            if (emitted.has(m))
                continue;
            emitted.add(m);
            const members = m.columns.map((c) => specs.get(c));
            const role = members.some((s) => s.role === 'target') ? 'target' : undefined;
            const source = m.kind === 'one-hot' || m.declared ? 'public' : 'inferred';
            out.push({
                name: m.name,
                kind: 'categorical',
                nullable: false,
                ...(role ? { role } : {}),
                domain: { categories: [...m.categories], source },
            });
            continue;
        }
        if (isComputed.has(spec.name))
            continue;
        const g = gapOf.get(spec.name);
        if (g) {
            const base = specs.get(g.base);
            const datetime = spec.kind === 'datetime';
            const b = domainBounds(base);
            const d = domainBounds(spec);
            const gapSpec = {
                name: spec.name,
                kind: 'numeric',
                integer: datetime || (!!spec.integer && !!base.integer),
                ...(spec.nullable ? { nullable: true } : {}),
                ...(!datetime && (spec.decimals !== undefined || base.decimals !== undefined)
                    ? { decimals: Math.max(spec.decimals ?? 0, base.decimals ?? 0) }
                    : {}),
            };
            if (b && d) {
                const max = g.sign === 1 ? d.max - b.min : b.max - d.min;
                out.push({
                    ...gapSpec,
                    domain: { min: g.step, max: Math.max(g.step, max), source: combineSources(b.source, d.source) },
                });
            }
            else
                out.push(gapSpec);
            continue;
        }
        out.push(narrowed(spec, rules));
    }
    return { ...schema, columns: out };
}
/** A column's domain narrowed by the unconditional ranges on it (a public fact; the source stays the domain's). */
function narrowed(spec, rules) {
    const b = domainBounds(spec);
    if (!b)
        return spec;
    let { min, max } = b;
    for (const r of rules) {
        if (r.type !== 'range' || r.column !== spec.name)
            continue;
        const a = boundValue(spec, r.min);
        const z = boundValue(spec, r.max);
        const step = spec.kind === 'numeric' && spec.integer ? 1 : 0;
        if (a !== undefined)
            min = Math.max(min, r.strictMin ? a + step : a);
        if (z !== undefined)
            max = Math.min(max, r.strictMax ? z - step : z);
    }
    if (min === b.min && max === b.max)
        return spec;
    if (min > max)
        return spec; // contradictions are reported by parseRules; data outside is dropped anyway
    if (spec.kind === 'datetime') {
        const c = datetimeCodec(spec.format ?? 'ISO');
        return { ...spec, domain: { min: c.format_(min), max: c.format_(max), source: b.source } };
    }
    const d = spec.domain;
    const bins = isNumericDomain(d) && d.bins ? d.bins.filter((e) => e > min && e < max) : undefined;
    return {
        ...spec,
        domain: { min, max, ...(bins ? { bins: [min, ...bins, max] } : {}), source: b.source },
    };
}
/** The table a synthesizer models: merged columns, gaps for rebuilt sides, computed columns dropped. */
export function toModelTable(table, plan) {
    const cols = [];
    const byName = new Map();
    for (const m of plan.merges) {
        const members = m.columns.map((c) => table.column(c));
        const index = new Map(m.categories.map((k, i) => [k, i]));
        const codes = new Int32Array(table.nRows);
        for (let i = 0; i < table.nRows; i++) {
            if (m.kind === 'combo')
                codes[i] = index.get(comboKey(members.map((c) => cellValue(c, i)))) ?? -1;
            else {
                const on = members.findIndex((c) => truthOf(c, i) === 1);
                codes[i] = index.get(on < 0 ? NONE : m.columns[on]) ?? -1;
            }
        }
        byName.set(m.name, { kind: 'categorical', name: m.name, codes, categories: [...m.categories] });
    }
    for (const g of plan.gaps) {
        const d = table.column(g.derived);
        const b = table.column(g.base);
        const v = new Float64Array(table.nRows);
        for (let i = 0; i < v.length; i++)
            v[i] = g.sign * (d.values[i] - b.values[i]);
        const spec = plan.modelSchema.columns.find((c) => c.name === g.derived);
        byName.set(g.derived, { kind: 'numeric', name: g.derived, values: v, integer: !!spec.integer });
    }
    for (const spec of plan.modelSchema.columns)
        cols.push(byName.get(spec.name) ?? table.column(spec.name));
    return new Table(cols, table.nRows);
}
function truthOf(c, i) {
    if (c.kind === 'boolean')
        return c.values[i];
    if (c.kind === 'numeric')
        return Number.isNaN(c.values[i]) ? -1 : c.values[i] === 1 ? 1 : 0;
    return -1;
}
/**
 * A modelled sample back in the user's columns: merged columns split, rebuilt sides from their gaps, computed
 * columns computed, rounding applied (formats: `applyFormats`, once over the whole sample).
 */
export function fromModelTable(sample, plan, schema) {
    const n = sample.nRows;
    const cols = new Map();
    for (const c of sample.columns)
        cols.set(c.name, c);
    const specs = new Map(schema.columns.map((c) => [c.name, c]));
    for (const m of plan.merges) {
        const merged = sample.column(m.name);
        if (merged.kind !== 'categorical')
            throw new LookalikeError(`internal: merged column "${m.name}" is not categorical`, [], 'internal');
        cols.delete(m.name);
        // per category of the sample: the member cells it stands for
        const cells = merged.categories.map((label) => {
            if (m.kind === 'combo') {
                try {
                    const v = JSON.parse(label);
                    return Array.isArray(v) && v.length === m.columns.length ? v : null;
                }
                catch {
                    return null;
                }
            }
            return m.columns.map((c) => c === label);
        });
        m.columns.forEach((name, j) => {
            const spec = specs.get(name);
            const values = cells.map((c) => (c ? c[j] : null));
            cols.set(name, memberColumn(spec, merged.codes, values, m.kind === 'one-hot'));
        });
    }
    for (const g of plan.gaps) {
        const gap = cols.get(g.derived);
        const base = cols.get(g.base);
        const spec = specs.get(g.derived);
        const v = new Float64Array(n);
        const codec = spec.kind === 'datetime' ? datetimeCodec(spec.format ?? 'ISO') : null;
        const f = spec.kind === 'numeric' && !spec.integer && spec.decimals !== undefined ? 10 ** spec.decimals : 0;
        for (let i = 0; i < n; i++) {
            const x = gap.values[i];
            let y = base.values[i] + g.sign * Math.max(x, g.step);
            if (codec && y === y) {
                const r = codec.parse(codec.format_(y));
                // rounding to the format must not cross the base
                y = g.sign * (r - base.values[i]) >= g.step ? r : y;
            }
            else if (f && y === y)
                y = Math.round(y * f) / f;
            v[i] = x === x ? y : NaN;
        }
        cols.set(g.derived, spec.kind === 'datetime'
            ? { kind: 'datetime', name: g.derived, values: v, format: spec.format ?? 'ISO' }
            : { kind: 'numeric', name: g.derived, values: v, integer: !!spec.integer });
    }
    for (const c of plan.computed) {
        const r = plan.rules[c.rule];
        const spec = specs.get(c.column);
        const v = new Float64Array(n);
        const get = (name) => cols.get(name).values;
        if (r.type === 'linear') {
            v.fill(r.constant ?? 0);
            for (const [t, k] of Object.entries(r.terms)) {
                const x = get(t);
                for (let i = 0; i < n; i++)
                    v[i] += k * x[i];
            }
        }
        else if (r.type === 'ratio') {
            const a = get(r.numerator);
            const b = get(r.denominator);
            for (let i = 0; i < n; i++)
                v[i] = b[i] !== 0 ? a[i] / b[i] : NaN;
        }
        if (spec.integer)
            for (let i = 0; i < n; i++)
                v[i] = Math.round(v[i]);
        else if (spec.decimals !== undefined) {
            const f = 10 ** spec.decimals;
            for (let i = 0; i < n; i++)
                v[i] = Math.round(v[i] * f) / f;
        }
        cols.set(c.column, { kind: 'numeric', name: c.column, values: v, integer: !!spec.integer });
    }
    for (const r of plan.rules) {
        if (r.type === 'rounding') {
            const col = cols.get(r.column);
            if (col?.kind !== 'numeric')
                continue;
            const off = r.offset ?? 0;
            const v = Float64Array.from(col.values, (x) => x === x ? off + r.unit * Math.round((x - off) / r.unit) : x);
            cols.set(r.column, { ...col, values: v });
        }
    }
    return new Table(schema.columns.map((s) => cols.get(s.name)), n);
}
/** Formatted id/text columns generated from their patterns over the whole sample (distinct for ids and unique columns). */
export function applyFormats(table, plan, schema, rng) {
    let t = table;
    for (const r of plan.rules) {
        if (r.type !== 'format')
            continue;
        const spec = schema.columns.find((c) => c.name === r.column);
        const unique = spec.kind === 'id' || plan.rules.some((u) => u.type === 'unique' && u.column === r.column);
        t = t.withColumn(formattedColumn(spec, r.pattern, t.nRows, unique, rng, plan.rules, r));
    }
    return t;
}
function memberColumn(spec, codes, values, oneHot) {
    const n = codes.length;
    const name = spec.name;
    const at = (i) => (codes[i] < 0 ? null : (values[codes[i]] ?? null));
    switch (spec.kind) {
        case 'categorical': {
            const cats = isCategoricalDomain(spec.domain) ? [...spec.domain.categories] : [];
            const index = new Map(cats.map((c, i) => [c, i]));
            const out = new Int32Array(n);
            for (let i = 0; i < n; i++) {
                const v = at(i);
                if (v === null)
                    out[i] = -1;
                else {
                    let k = index.get(String(v));
                    if (k === undefined) {
                        k = cats.length;
                        cats.push(String(v));
                        index.set(String(v), k);
                    }
                    out[i] = k;
                }
            }
            return { kind: 'categorical', name, codes: out, categories: cats };
        }
        case 'boolean': {
            const out = new Int8Array(n);
            for (let i = 0; i < n; i++) {
                const v = at(i);
                out[i] = v === null ? (oneHot ? 0 : -1) : v === true ? 1 : 0;
            }
            return { kind: 'boolean', name, values: out };
        }
        case 'datetime': {
            const c = datetimeCodec(spec.format ?? 'ISO');
            const out = new Float64Array(n);
            for (let i = 0; i < n; i++) {
                const v = at(i);
                out[i] = v === null ? NaN : typeof v === 'string' ? c.parse(v) : Number(v);
            }
            return { kind: 'datetime', name, values: out, format: spec.format ?? 'ISO' };
        }
        default: {
            const out = new Float64Array(n);
            for (let i = 0; i < n; i++) {
                const v = at(i);
                out[i] = v === null ? NaN : v === true ? 1 : v === false ? 0 : Number(v);
            }
            return { kind: 'numeric', name, values: out, integer: !!spec.integer };
        }
    }
}
/**
 * Strings generated from a pattern (randexp, with lookalike's seeded Rng for every choice; unbounded repeats
 * capped at 8 more than their minimum). Ids and unique columns get distinct values: a repeat is generated again,
 * up to 100 tries per value, then a LookalikeError says the pattern has too few strings.
 */
function formattedColumn(spec, pattern, n, unique, rng, rules, rule) {
    const gen = new RandExp(pattern.replace(/^\^/, '').replace(/\$$/, ''));
    gen.max = 8;
    gen.randInt = (a, b) => a + rng.int(b - a + 1);
    const values = new Array(n);
    const seen = new Set();
    for (let i = 0; i < n; i++) {
        let v = gen.gen();
        if (unique) {
            let tries = 0;
            while (seen.has(v) && tries++ < 100)
                v = gen.gen();
            if (seen.has(v))
                throw new LookalikeError(`cannot draw ${n} distinct values of "${spec.name}" from ${ruleLabel(rules, rule)}: the pattern allows too few strings`);
            seen.add(v);
        }
        values[i] = v;
    }
    return spec.kind === 'id'
        ? { kind: 'id', name: spec.name, values }
        : { kind: 'text', name: spec.name, values };
}
//# sourceMappingURL=transform.js.map