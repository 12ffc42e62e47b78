import { LookalikeError } from '../errors.js';
import { datetimeCodec } from '../table/datetime.js';
import { isCategoricalDomain, isDatetimeDomain, isNumericDomain } from '../table/schema.js';
/**
 * Validate the `constraints` of a metadata file against the schema and normalise them (`positive`/`negative` →
 * `range`, `sum` → `linear`). Every problem is collected — malformed rules, unknown columns, wrong column kinds,
 * and rules that contradict each other (empty ranges, a strict inequality cycle, an inequality that ranges make
 * impossible, a column computed twice or in a cycle, a column merged by two rules) — and thrown as one
 * LookalikeError. Messages name rules by position and columns by name, never a value of the data.
 */
export function parseRules(json, schema, source = 'constraints') {
    const problems = [];
    if (json === undefined || json === null)
        return [];
    if (!Array.isArray(json))
        throw new LookalikeError(`${source} must be a list of rules`, [], 'input');
    const specs = new Map(schema.columns.map((c) => [c.name, c]));
    const rules = [];
    json.forEach((raw, i) => {
        const at = `${source}[${i}]`;
        const r = parseOne(raw, at, specs, problems, false);
        if (r)
            rules.push(r);
    });
    if (!problems.length)
        contradictions(rules, specs, problems);
    if (problems.length)
        throw new LookalikeError(`${source}: invalid rules:`, problems, 'input');
    return rules;
}
const KEYS = {
    inequality: ['low', 'high', 'strict'],
    range: ['column', 'min', 'max', 'strictMin', 'strictMax'],
    positive: ['column', 'strict'],
    negative: ['column', 'strict'],
    'fixed-combinations': ['columns', 'combinations'],
    sum: ['column', 'of'],
    linear: ['column', 'terms', 'constant'],
    ratio: ['column', 'numerator', 'denominator'],
    rounding: ['column', 'unit', 'offset'],
    'one-hot': ['columns', 'exactlyOne'],
    unique: ['column'],
    format: ['column', 'pattern'],
    conditional: ['if', 'then'],
};
function isObj(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function parseOne(raw, at, specs, problems, nested) {
    if (!isObj(raw) || typeof raw.type !== 'string') {
        problems.push(`${at} must be an object with a "type" (one of ${Object.keys(KEYS).join(', ')})`);
        return null;
    }
    const type = raw.type;
    const keys = KEYS[type];
    if (!keys) {
        problems.push(`${at}: unknown rule type "${type}" (known: ${Object.keys(KEYS).join(', ')})`);
        return null;
    }
    for (const k of Object.keys(raw))
        if (k !== 'type' && !keys.includes(k))
            problems.push(`${at} (${type}) has an unknown field "${k}"`);
    const before = problems.length;
    const col = (k, kinds) => {
        const name = raw[k];
        if (typeof name !== 'string' || name === '') {
            problems.push(`${at} (${type}): "${k}" must be a column name`);
            return '';
        }
        const s = specs.get(name);
        if (!s)
            problems.push(`${at} (${type}): "${k}" names "${name}", which is not a column of the table`);
        else if (kinds && !kinds.includes(s.kind))
            problems.push(`${at} (${type}): column "${name}" is ${s.kind}; this rule needs ${kinds.join(' or ')}`);
        return name;
    };
    const bool = (k) => {
        if (raw[k] === undefined)
            return undefined;
        if (typeof raw[k] !== 'boolean')
            problems.push(`${at} (${type}): "${k}" must be true or false`);
        return raw[k] === true;
    };
    const num = (k, required) => {
        const v = raw[k];
        if (v === undefined) {
            if (required)
                problems.push(`${at} (${type}): "${k}" is required`);
            return undefined;
        }
        if (typeof v !== 'number' || !Number.isFinite(v)) {
            problems.push(`${at} (${type}): "${k}" must be a finite number`);
            return undefined;
        }
        return v;
    };
    const names = (k, min, kinds) => {
        const v = raw[k];
        if (!Array.isArray(v) || v.length < min || !v.every((x) => typeof x === 'string')) {
            problems.push(`${at} (${type}): "${k}" must be a list of at least ${min} column names`);
            return [];
        }
        if (new Set(v).size !== v.length)
            problems.push(`${at} (${type}): "${k}" names a column twice`);
        for (const name of v) {
            const s = specs.get(name);
            if (!s)
                problems.push(`${at} (${type}): "${name}" is not a column of the table`);
            else if (kinds && !kinds.includes(s.kind))
                problems.push(`${at} (${type}): column "${name}" is ${s.kind}; this rule needs ${kinds.join(' or ')}`);
        }
        return v;
    };
    const ORDERED = ['numeric', 'datetime'];
    let rule = null;
    switch (type) {
        case 'inequality': {
            const low = col('low', ORDERED);
            const high = col('high', ORDERED);
            const strict = bool('strict');
            if (low && low === high)
                problems.push(`${at} (inequality): low and high are the same column`);
            const a = specs.get(low);
            const b = specs.get(high);
            if (a && b && a.kind !== b.kind && ORDERED.includes(a.kind) && ORDERED.includes(b.kind))
                problems.push(`${at} (inequality): "${low}" is ${a.kind} but "${high}" is ${b.kind}; compare like with like`);
            rule = { type, low, high, ...(strict ? { strict } : {}) };
            break;
        }
        case 'range':
        case 'positive':
        case 'negative': {
            const column = col('column', ORDERED);
            const spec = specs.get(column);
            if (type === 'range') {
                const bound = (k) => {
                    const v = raw[k];
                    if (v === undefined)
                        return undefined;
                    if (spec?.kind === 'datetime') {
                        if (typeof v !== 'string' || Number.isNaN(datetimeCodec(spec.format ?? 'ISO').parse(v)))
                            problems.push(`${at} (range): "${k}" must be a datetime in the column's format "${spec.format ?? 'ISO'}"`);
                        return v;
                    }
                    if (typeof v !== 'number' || !Number.isFinite(v))
                        problems.push(`${at} (range): "${k}" must be a finite number`);
                    return v;
                };
                const min = bound('min');
                const max = bound('max');
                if (min === undefined && max === undefined)
                    problems.push(`${at} (range): give "min", "max" or both`);
                const strictMin = bool('strictMin');
                const strictMax = bool('strictMax');
                rule = {
                    type: 'range',
                    column,
                    ...(min !== undefined ? { min } : {}),
                    ...(max !== undefined ? { max } : {}),
                    ...(strictMin ? { strictMin } : {}),
                    ...(strictMax ? { strictMax } : {}),
                };
            }
            else {
                if (spec && spec.kind !== 'numeric')
                    problems.push(`${at} (${type}): column "${column}" is ${spec.kind}; this rule needs numeric`);
                const strict = bool('strict');
                rule =
                    type === 'positive'
                        ? { type: 'range', column, min: 0, ...(strict ? { strictMin: true } : {}) }
                        : { type: 'range', column, max: 0, ...(strict ? { strictMax: true } : {}) };
            }
            break;
        }
        case 'fixed-combinations': {
            const columns = names('columns', 2, ['categorical', 'boolean', 'numeric']);
            let combinations;
            const c = raw.combinations;
            if (c !== undefined) {
                if (!Array.isArray(c) || c.length === 0)
                    problems.push(`${at} (fixed-combinations): "combinations" must be a non-empty list`);
                else {
                    combinations = [];
                    let bad = 0;
                    let outside = 0;
                    for (const combo of c) {
                        if (!Array.isArray(combo) || combo.length !== columns.length || !combo.every(isCell)) {
                            bad++;
                            continue;
                        }
                        combo.forEach((v, j) => {
                            if (v !== null && !cellFits(specs.get(columns[j]), v))
                                outside++;
                        });
                        combinations.push(combo);
                    }
                    if (bad)
                        problems.push(`${at} (fixed-combinations): ${bad} combinations are not lists of ${columns.length} values (strings, numbers, booleans or null)`);
                    if (outside)
                        problems.push(`${at} (fixed-combinations): ${outside} values of the combinations lie outside their column's domain or kind`);
                    const keys = new Set(combinations.map((x) => JSON.stringify(x)));
                    if (keys.size !== combinations.length)
                        problems.push(`${at} (fixed-combinations): a combination is listed twice`);
                }
            }
            rule = { type, columns, ...(combinations ? { combinations } : {}) };
            break;
        }
        case 'sum':
        case 'linear': {
            const column = col('column', ['numeric']);
            let terms = {};
            if (type === 'sum') {
                for (const n of names('of', 1, ['numeric']))
                    terms[n] = 1;
            }
            else if (!isObj(raw.terms) || Object.keys(raw.terms).length === 0) {
                problems.push(`${at} (linear): "terms" must be an object of column → coefficient`);
            }
            else {
                terms = {};
                for (const [n, k] of Object.entries(raw.terms)) {
                    const s = specs.get(n);
                    if (!s)
                        problems.push(`${at} (linear): term "${n}" is not a column of the table`);
                    else if (s.kind !== 'numeric')
                        problems.push(`${at} (linear): term "${n}" is ${s.kind}; terms must be numeric`);
                    if (typeof k !== 'number' || !Number.isFinite(k) || k === 0)
                        problems.push(`${at} (linear): the coefficient of "${n}" must be a non-zero finite number`);
                    terms[n] = k;
                }
            }
            if (column in terms)
                problems.push(`${at} (${type}): "${column}" cannot be computed from itself`);
            const constant = type === 'linear' ? num('constant', false) : undefined;
            rule = { type: 'linear', column, terms, ...(constant ? { constant } : {}) };
            break;
        }
        case 'ratio': {
            const column = col('column', ['numeric']);
            const numerator = col('numerator', ['numeric']);
            const denominator = col('denominator', ['numeric']);
            if (column && (column === numerator || column === denominator))
                problems.push(`${at} (ratio): "${column}" cannot be computed from itself`);
            rule = { type, column, numerator, denominator };
            break;
        }
        case 'rounding': {
            const column = col('column', ['numeric']);
            const unit = num('unit', true);
            if (unit !== undefined && !(unit > 0))
                problems.push(`${at} (rounding): "unit" must be positive`);
            const offset = num('offset', false);
            rule = { type, column, unit: unit ?? 1, ...(offset ? { offset } : {}) };
            break;
        }
        case 'one-hot': {
            const columns = names('columns', 2, ['boolean', 'numeric']);
            for (const n of columns) {
                const s = specs.get(n);
                if (s?.kind === 'numeric' && s.integer === false)
                    problems.push(`${at} (one-hot): column "${n}" holds fractions; one-hot columns are boolean or 0/1`);
            }
            const exactlyOne = bool('exactlyOne');
            rule = { type, columns, ...(exactlyOne === false ? { exactlyOne } : {}) };
            break;
        }
        case 'unique': {
            rule = { type, column: col('column', null) };
            break;
        }
        case 'format': {
            const column = col('column', ['id', 'text']);
            const pattern = raw.pattern;
            if (typeof pattern !== 'string' || pattern === '')
                problems.push(`${at} (format): "pattern" must be a regular expression`);
            else
                try {
                    new RegExp(pattern);
                }
                catch {
                    problems.push(`${at} (format): "pattern" is not a valid regular expression`);
                }
            rule = { type, column, pattern: String(pattern) };
            break;
        }
        case 'conditional': {
            if (nested) {
                problems.push(`${at}: a conditional rule cannot be nested in another`);
                return null;
            }
            const cond = raw.if;
            let iff = null;
            if (!isObj(cond) || typeof cond.column !== 'string')
                problems.push(`${at} (conditional): "if" must be { column, equals } or { column, in }`);
            else {
                const s = specs.get(cond.column);
                if (!s)
                    problems.push(`${at} (conditional): "if" names "${cond.column}", which is not a column of the table`);
                const values = cond.in !== undefined ? cond.in : [cond.equals];
                if ((cond.in === undefined) === (cond.equals === undefined))
                    problems.push(`${at} (conditional): "if" needs exactly one of "equals" and "in"`);
                else if (!Array.isArray(values) || values.length === 0 || !values.every(isCell))
                    problems.push(`${at} (conditional): "if" values must be strings, numbers, booleans or null`);
                else if (s && values.some((v) => v !== null && !cellFits(s, v)))
                    problems.push(`${at} (conditional): an "if" value lies outside column "${cond.column}"'s domain or kind`);
                iff =
                    cond.in !== undefined
                        ? { column: cond.column, in: cond.in }
                        : { column: cond.column, equals: cond.equals };
            }
            const then = parseOne(raw.then, `${at}.then`, specs, problems, true);
            if (then && then.type !== 'range' && then.type !== 'inequality')
                problems.push(`${at} (conditional): "then" must be a range (or positive/negative) or an inequality`);
            if (iff && then)
                rule = { type, if: iff, then: then };
            break;
        }
    }
    return problems.length === before ? rule : null;
}
function isCell(x) {
    return (x === null ||
        typeof x === 'string' ||
        typeof x === 'boolean' ||
        (typeof x === 'number' && Number.isFinite(x)));
}
/** Whether a rule's literal value fits a column: its kind, and its domain when one is declared. */
export function cellFits(spec, v) {
    if (!spec || v === null)
        return true;
    switch (spec.kind) {
        case 'categorical':
            return ((typeof v === 'string' || typeof v === 'number') &&
                (!isCategoricalDomain(spec.domain) || spec.domain.categories.includes(String(v))));
        case 'boolean':
            return typeof v === 'boolean';
        case 'numeric':
            return (typeof v === 'number' &&
                (!spec.integer || Number.isInteger(v)) &&
                (!isNumericDomain(spec.domain) || (v >= spec.domain.min && v <= spec.domain.max)));
        case 'datetime':
            return typeof v === 'string' && !Number.isNaN(datetimeCodec(spec.format ?? 'ISO').parse(v));
        default:
            return typeof v === 'string';
    }
}
/** A rule in a few words for messages: `total_bedrooms <= total_rooms`. Values are the rule's own (public). */
export function describeRule(r) {
    switch (r.type) {
        case 'inequality':
            return `${r.low} ${r.strict ? '<' : '<='} ${r.high}`;
        case 'range': {
            const parts = [];
            if (r.min !== undefined)
                parts.push(`${r.column} ${r.strictMin ? '>' : '>='} ${r.min}`);
            if (r.max !== undefined)
                parts.push(`${r.column} ${r.strictMax ? '<' : '<='} ${r.max}`);
            return parts.join(' and ');
        }
        case 'fixed-combinations':
            return `fixed combinations of ${r.columns.join(', ')}`;
        case 'linear': {
            const terms = Object.entries(r.terms).map(([n, k], i) => {
                const sign = k < 0 ? '- ' : i ? '+ ' : '';
                const a = Math.abs(k);
                return `${sign}${a === 1 ? '' : `${a}·`}${n}`;
            });
            return `${r.column} = ${r.constant ? `${r.constant} + ` : ''}${terms.join(' ')}`;
        }
        case 'ratio':
            return `${r.column} = ${r.numerator} / ${r.denominator}`;
        case 'rounding':
            return `${r.column} in steps of ${r.unit}${r.offset ? ` from ${r.offset}` : ''}`;
        case 'one-hot':
            return `${r.exactlyOne === false ? 'at most one' : 'exactly one'} of ${r.columns.join(', ')}`;
        case 'unique':
            return `${r.column} unique`;
        case 'format':
            return `${r.column} matches /${r.pattern}/`;
        case 'conditional': {
            const c = r.if;
            const cond = c.in !== undefined
                ? `${c.column} in {${c.in.map(String).join(', ')}}`
                : `${c.column} = ${String(c.equals)}`;
            return `if ${cond} then ${describeRule(r.then)}`;
        }
    }
}
/** "rule 3 (a <= b)": how messages name a rule. */
export function ruleLabel(rules, r) {
    return `rule ${rules.indexOf(r) + 1} (${describeRule(r)})`;
}
/** The columns a rule reads. */
export function ruleColumns(r) {
    switch (r.type) {
        case 'inequality':
            return [r.low, r.high];
        case 'range':
        case 'rounding':
        case 'unique':
        case 'format':
            return [r.column];
        case 'fixed-combinations':
        case 'one-hot':
            return [...r.columns];
        case 'linear':
            return [r.column, ...Object.keys(r.terms)];
        case 'ratio':
            return [r.column, r.numerator, r.denominator];
        case 'conditional':
            return [r.if.column, ...ruleColumns(r.then)];
    }
}
/** A range bound as a number (datetimes in epoch ms). */
export function boundValue(spec, v) {
    if (v === undefined)
        return undefined;
    if (typeof v === 'number')
        return v;
    return datetimeCodec(spec?.format ?? 'ISO').parse(v);
}
function contradictions(rules, specs, problems) {
    const label = (r) => ruleLabel(rules, r);
    // 1. the feasible interval of every ordered column: its declared domain ∩ its unconditional ranges
    const lo = new Map();
    const hi = new Map();
    for (const s of specs.values()) {
        if (isNumericDomain(s.domain) && s.domain.source !== 'inferred') {
            lo.set(s.name, { v: s.domain.min, strict: false, by: `the declared domain of "${s.name}"` });
            hi.set(s.name, { v: s.domain.max, strict: false, by: `the declared domain of "${s.name}"` });
        }
        if (isDatetimeDomain(s.domain) && s.domain.source !== 'inferred') {
            const c = datetimeCodec(s.format ?? 'ISO');
            lo.set(s.name, { v: c.parse(s.domain.min), strict: false, by: `the declared domain of "${s.name}"` });
            hi.set(s.name, { v: c.parse(s.domain.max), strict: false, by: `the declared domain of "${s.name}"` });
        }
    }
    const tighten = (col, v, strict, by, isLow) => {
        if (v === undefined || Number.isNaN(v))
            return;
        const m = isLow ? lo : hi;
        const cur = m.get(col);
        const better = !cur || (isLow ? v > cur.v || (v === cur.v && strict) : v < cur.v || (v === cur.v && strict));
        if (better)
            m.set(col, { v, strict, by });
    };
    for (const r of rules) {
        if (r.type !== 'range')
            continue;
        const s = specs.get(r.column);
        const a = boundValue(s, r.min);
        const b = boundValue(s, r.max);
        if (a !== undefined && b !== undefined && (a > b || (a === b && (r.strictMin || r.strictMax))))
            problems.push(`${label(r)} allows no value`);
        const l0 = lo.get(r.column);
        const h0 = hi.get(r.column);
        tighten(r.column, a, !!r.strictMin, label(r), true);
        tighten(r.column, b, !!r.strictMax, label(r), false);
        const l = lo.get(r.column);
        const h = hi.get(r.column);
        if (l &&
            h &&
            (l.v > h.v || (l.v === h.v && (l.strict || h.strict))) &&
            (l !== l0 || h !== h0) &&
            l.by !== h.by)
            problems.push(`${l.by} and ${h.by} contradict each other: no value of "${r.column}" satisfies both`);
    }
    // 2. inequalities: a cycle with a strict edge is impossible; bounds that make low > high are too
    const ineq = rules.filter((r) => r.type === 'inequality');
    for (const r of ineq) {
        const l = lo.get(r.low);
        const h = hi.get(r.high);
        if (l && h && (l.v > h.v || (l.v === h.v && (r.strict || l.strict || h.strict))))
            problems.push(`${label(r)} cannot hold: ${l.by} puts "${r.low}" above what ${h.by} allows "${r.high}"`);
    }
    const edges = new Map();
    for (const r of ineq)
        (edges.get(r.low) ?? edges.set(r.low, []).get(r.low)).push({ to: r.high, strict: !!r.strict, r });
    const reported = new Set();
    for (const start of edges.keys()) {
        // depth-first search for a path back to start
        const stack = [{ node: start, path: [] }];
        const seen = new Set();
        while (stack.length) {
            const { node, path } = stack.pop();
            for (const e of edges.get(node) ?? []) {
                const p = [...path, { r: e.r, strict: e.strict }];
                if (e.to === start) {
                    if (p.some((x) => x.strict)) {
                        const key = p
                            .map((x) => rules.indexOf(x.r))
                            .sort()
                            .join(',');
                        if (!reported.has(key)) {
                            reported.add(key);
                            problems.push(`${p.map((x) => label(x.r)).join(', ')} form a cycle with a strict inequality: no row satisfies them all`);
                        }
                    }
                }
                else if (!seen.has(e.to)) {
                    seen.add(e.to);
                    stack.push({ node: e.to, path: p });
                }
            }
        }
    }
    // 3. computed columns: one rule each, no cycles, not also merged or rounded
    const computedBy = new Map();
    for (const r of rules) {
        if (r.type !== 'linear' && r.type !== 'ratio')
            continue;
        const prev = computedBy.get(r.column);
        if (prev)
            problems.push(`"${r.column}" is computed by both ${label(prev)} and ${label(r)}`);
        else
            computedBy.set(r.column, r);
    }
    const inputsOf = (c) => {
        const r = computedBy.get(c);
        return r ? ruleColumns(r).slice(1) : [];
    };
    for (const c of computedBy.keys()) {
        const seen = new Set();
        const stack = [...inputsOf(c)];
        while (stack.length) {
            const x = stack.pop();
            if (x === c) {
                problems.push(`${label(computedBy.get(c))} depends on itself through other computed columns`);
                break;
            }
            if (!seen.has(x)) {
                seen.add(x);
                stack.push(...inputsOf(x));
            }
        }
    }
    const mergedBy = new Map();
    for (const r of rules) {
        if (r.type !== 'fixed-combinations' && r.type !== 'one-hot')
            continue;
        for (const c of r.columns) {
            const prev = mergedBy.get(c);
            if (prev)
                problems.push(`"${c}" is in both ${label(prev)} and ${label(r)}; list its combinations in one rule`);
            else
                mergedBy.set(c, r);
            const comp = computedBy.get(c);
            if (comp)
                problems.push(`"${c}" is computed by ${label(comp)} and also in ${label(r)}`);
        }
    }
    for (const r of rules)
        if (r.type === 'rounding' && computedBy.has(r.column))
            problems.push(`${label(r)} contradicts ${label(computedBy.get(r.column))}: a computed column is not rounded`);
    // 4. a conditional rule whose "then" contradicts an unconditional bound on the same column
    for (const r of rules) {
        if (r.type !== 'conditional' || r.then.type !== 'range')
            continue;
        const t = r.then;
        const s = specs.get(t.column);
        const a = boundValue(s, t.min);
        const b = boundValue(s, t.max);
        const l = lo.get(t.column);
        const h = hi.get(t.column);
        if ((a !== undefined && h && (a > h.v || (a === h.v && (t.strictMin || h.strict)))) ||
            (b !== undefined && l && (b < l.v || (b === l.v && (t.strictMax || l.strict)))))
            problems.push(`${label(r)} cannot hold together with ${(a !== undefined ? h : l).by}`);
    }
}
/** The kind of a rule's literal for a conditional's `if` (exported for check.ts). */
export function conditionMatches(spec, c, cell) {
    const values = c.in ?? [c.equals ?? null];
    return values.some((v) => {
        if (v === null || cell === null)
            return v === cell;
        if (spec?.kind === 'datetime' && typeof v === 'string' && typeof cell === 'number')
            return datetimeCodec(spec.format ?? 'ISO').parse(v) === cell;
        return String(v) === String(cell);
    });
}
//# sourceMappingURL=parse.js.map