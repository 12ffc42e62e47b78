import { cellValue } from '../table/table.js';
import { boundValue, conditionMatches, describeRule } from './parse.js';
/** The key of a combination of cells (one per column of a fixed-combinations rule). */
export function comboKey(cells) {
    return JSON.stringify(cells);
}
/** Numbers of a numeric or datetime column (NaN = missing), or null. */
function numbers(col) {
    return col.kind === 'numeric' || col.kind === 'datetime' ? col.values : null;
}
/** Value of a boolean or 0/1 column as 1/0 (-1 missing). */
function truth(col, i) {
    if (col.kind === 'boolean')
        return col.values[i];
    if (col.kind === 'numeric')
        return Number.isNaN(col.values[i]) ? -1 : col.values[i] === 1 ? 1 : 0;
    return -1;
}
/** Tolerance of a computed value: half the last decimal of its column, or a relative 1e-9. */
export function computedTolerance(spec, expected) {
    const rel = 1e-9 * Math.max(1, Math.abs(expected));
    if (spec?.integer)
        return 0.5 + rel;
    if (spec?.decimals !== undefined)
        return 0.5 * 10 ** -spec.decimals + rel;
    return rel;
}
/** The rows breaking one rule. */
export function violations(table, schema, rule, index = 0, ctx = {}) {
    const n = table.nRows;
    const bad = new Uint8Array(n);
    const spec = (c) => schema.columns.find((s) => s.name === c);
    // the test of a row, with the columns and bounds looked up once (not per row: this runs over every sampled row,
    // and again in each round of the within-bin redraws)
    const breaker = (r) => {
        switch (r.type) {
            case 'inequality': {
                const a = numbers(table.column(r.low));
                const b = numbers(table.column(r.high));
                return r.strict
                    ? (i) => a[i] === a[i] && b[i] === b[i] && !(a[i] < b[i])
                    : (i) => a[i] === a[i] && b[i] === b[i] && !(a[i] <= b[i]);
            }
            case 'range': {
                const v = numbers(table.column(r.column));
                const s = spec(r.column);
                const lo = boundValue(s, r.min);
                const hi = boundValue(s, r.max);
                // an absent bound tests nothing (also not -Infinity against a strict one)
                const sMin = lo === undefined ? null : !!r.strictMin;
                const sMax = hi === undefined ? null : !!r.strictMax;
                return (i) => {
                    const x = v[i];
                    return (x === x &&
                        ((sMin === null ? false : sMin ? !(x > lo) : !(x >= lo)) ||
                            (sMax === null ? false : sMax ? !(x < hi) : !(x <= hi))));
                };
            }
            default:
                return () => false;
        }
    };
    switch (rule.type) {
        case 'inequality':
        case 'range': {
            const breaks = breaker(rule);
            for (let i = 0; i < n; i++)
                if (breaks(i))
                    bad[i] = 1;
            break;
        }
        case 'fixed-combinations': {
            const allowed = rule.combinations
                ? new Set(rule.combinations.map((c) => comboKey(declaredCombo(schema, rule.columns, c))))
                : ctx.combinations?.get(index);
            if (!allowed)
                break;
            const cols = rule.columns.map((c) => table.column(c));
            for (let i = 0; i < n; i++)
                if (!allowed.has(comboKey(cols.map((c) => cellValue(c, i)))))
                    bad[i] = 1;
            break;
        }
        case 'linear': {
            const out = numbers(table.column(rule.column));
            const terms = Object.entries(rule.terms).map(([c, k]) => [numbers(table.column(c)), k]);
            const s = spec(rule.column);
            for (let i = 0; i < n; i++) {
                let e = rule.constant ?? 0;
                for (const [v, k] of terms)
                    e += k * v[i];
                if (e !== e)
                    continue;
                if (!(Math.abs(out[i] - e) <= computedTolerance(s, e)))
                    bad[i] = 1;
            }
            break;
        }
        case 'ratio': {
            const out = numbers(table.column(rule.column));
            const a = numbers(table.column(rule.numerator));
            const b = numbers(table.column(rule.denominator));
            const s = spec(rule.column);
            for (let i = 0; i < n; i++) {
                if (!(a[i] === a[i] && b[i] === b[i] && b[i] !== 0))
                    continue;
                const e = a[i] / b[i];
                if (!(Math.abs(out[i] - e) <= computedTolerance(s, e)))
                    bad[i] = 1;
            }
            break;
        }
        case 'rounding': {
            const v = numbers(table.column(rule.column));
            for (let i = 0; i < n; i++) {
                if (v[i] !== v[i])
                    continue;
                const q = (v[i] - (rule.offset ?? 0)) / rule.unit;
                if (Math.abs(q - Math.round(q)) > 1e-9 * Math.max(1, Math.abs(q)))
                    bad[i] = 1;
            }
            break;
        }
        case 'one-hot': {
            const cols = rule.columns.map((c) => table.column(c));
            for (let i = 0; i < n; i++) {
                let on = 0;
                for (const c of cols)
                    if (truth(c, i) === 1)
                        on++;
                if (on > 1 || (on === 0 && rule.exactlyOne !== false))
                    bad[i] = 1;
            }
            break;
        }
        case 'unique': {
            const col = table.column(rule.column);
            const seen = new Set();
            for (let i = 0; i < n; i++) {
                const v = cellValue(col, i);
                if (v === null)
                    continue;
                if (seen.has(v))
                    bad[i] = 1;
                else
                    seen.add(v);
            }
            break;
        }
        case 'format': {
            const col = table.column(rule.column);
            const re = anchored(rule.pattern);
            if (col.kind === 'id' || col.kind === 'text')
                for (let i = 0; i < n; i++) {
                    const v = col.values[i];
                    if (v !== null && !re.test(v))
                        bad[i] = 1;
                }
            break;
        }
        case 'conditional': {
            const c = table.column(rule.if.column);
            const s = spec(rule.if.column);
            const breaks = breaker(rule.then);
            if (c.kind === 'categorical') {
                // the `if` decided once per category (code -1, missing, at the end)
                const k = c.categories.length;
                const hit = Uint8Array.from({ length: k + 1 }, (_, j) => conditionMatches(s, rule.if, j < k ? c.categories[j] : null) ? 1 : 0);
                for (let i = 0; i < n; i++) {
                    const code = c.codes[i];
                    if (hit[code < 0 ? k : code] && breaks(i))
                        bad[i] = 1;
                }
            }
            else
                for (let i = 0; i < n; i++)
                    if (conditionMatches(s, rule.if, rawCell(c, i)) && breaks(i))
                        bad[i] = 1;
            break;
        }
    }
    let count = 0;
    for (let i = 0; i < n; i++)
        count += bad[i];
    return { rule, index, description: describeRule(rule), count, rows: bad };
}
/** Check every rule; one entry per rule, in order. */
export function checkRules(table, schema, rules, ctx = {}) {
    return rules.map((r, i) => violations(table, schema, r, i, ctx));
}
/** Rows breaking any rule. */
export function anyViolation(results, n) {
    const out = new Uint8Array(n);
    for (const r of results)
        for (let i = 0; i < n; i++)
            out[i] |= r.rows[i];
    return out;
}
/** A regular expression that must match a whole value. */
export function anchored(pattern) {
    return new RegExp(`^(?:${pattern})$`);
}
/** A cell as the rule language sees it: datetimes as epoch ms, others as `cellValue`. */
function rawCell(c, i) {
    if (c.kind === 'datetime')
        return Number.isNaN(c.values[i]) ? null : c.values[i];
    return cellValue(c, i);
}
/** A declared combination in the form `cellValue` gives (categories as strings). */
export function declaredCombo(schema, columns, combo) {
    return combo.map((v, j) => {
        if (v === null)
            return null;
        const s = schema.columns.find((c) => c.name === columns[j]);
        return s?.kind === 'categorical' ? String(v) : v;
    });
}
//# sourceMappingURL=check.js.map