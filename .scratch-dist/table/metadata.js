import { COLUMN_KINDS } from './column.js';
import { datetimeCodec } from './datetime.js';
import { DOMAIN_SOURCES, ROLES, SCHEMA_FACTS, } from './schema.js';
import { LookalikeError } from '../errors.js';
const SPEC_KEYS = new Set([
    'name',
    'kind',
    'integer',
    'decimals',
    'format',
    'role',
    'domain',
    'nullable',
    'idStyle',
]);
/** Most values a numeric domain's `values` list may hold (a short list: modelled one code per value). */
export const MAX_DOMAIN_VALUES = 1000;
/** Numeric columns with at most this many distinct values get a `values` list from `inspect --out`. */
export const INSPECT_VALUES_MAX = 32;
function isObject(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function validateDomain(d, kind, where, format, problems, requireSource) {
    if (!isObject(d)) {
        problems.push(`${where}.domain must be an object`);
        return undefined;
    }
    let source = 'public';
    if (d.source !== undefined) {
        if (!DOMAIN_SOURCES.includes(d.source)) {
            problems.push(`${where}.domain.source must be one of ${DOMAIN_SOURCES.join(', ')}`);
        }
        else
            source = d.source;
    }
    else if (requireSource)
        problems.push(`${where}.domain.source is missing`);
    const isCat = 'categories' in d;
    const isRange = 'min' in d || 'max' in d;
    if (isCat && isRange) {
        problems.push(`${where}.domain has both "categories" and "min"/"max"`);
        return undefined;
    }
    if (isCat) {
        if (kind && kind !== 'categorical')
            problems.push(`${where}.domain has "categories" but the column kind is ${kind}`);
        const cats = d.categories;
        if (!Array.isArray(cats) || cats.length === 0 || !cats.every((c) => typeof c === 'string')) {
            problems.push(`${where}.domain.categories must be a non-empty array of strings`);
            return undefined;
        }
        if (new Set(cats).size !== cats.length)
            problems.push(`${where}.domain.categories has duplicates`);
        return { categories: cats, source };
    }
    if (isRange) {
        if (kind === 'datetime' || typeof d.min === 'string') {
            if (typeof d.min !== 'string' || typeof d.max !== 'string') {
                problems.push(`${where}.domain.min and .max must both be datetime strings for a datetime column`);
                return undefined;
            }
            if (format) {
                const codec = datetimeCodec(format);
                const a = codec.parse(d.min);
                const b = codec.parse(d.max);
                if (Number.isNaN(a) || Number.isNaN(b))
                    problems.push(`${where}.domain.min/max do not match the format "${format}"`);
                else if (a > b)
                    problems.push(`${where}.domain.min is after .max`);
            }
            return { min: d.min, max: d.max, source };
        }
        if (kind && kind !== 'numeric')
            problems.push(`${where}.domain has "min"/"max" but the column kind is ${kind}`);
        const { min, max } = d;
        if (typeof min !== 'number' ||
            typeof max !== 'number' ||
            !Number.isFinite(min) ||
            !Number.isFinite(max)) {
            problems.push(`${where}.domain.min and .max must be finite numbers`);
            return undefined;
        }
        if (min > max)
            problems.push(`${where}.domain.min (${min}) is greater than .max (${max})`);
        let bins;
        if (d.bins !== undefined) {
            const b = d.bins;
            if (!Array.isArray(b) || b.length < 2 || !b.every((x) => typeof x === 'number' && Number.isFinite(x))) {
                problems.push(`${where}.domain.bins must be an array of at least 2 finite numbers (bin edges)`);
            }
            else {
                for (let i = 1; i < b.length; i++) {
                    if (!(b[i] > b[i - 1])) {
                        problems.push(`${where}.domain.bins must be strictly increasing`);
                        break;
                    }
                }
                if (b[0] !== min || b[b.length - 1] !== max) {
                    problems.push(`${where}.domain.bins must start at min (${min}) and end at max (${max})`);
                }
                bins = b;
            }
        }
        let values;
        if (d.values !== undefined) {
            const v = d.values;
            if (!Array.isArray(v) ||
                v.length < 1 ||
                v.length > MAX_DOMAIN_VALUES ||
                !v.every((x) => typeof x === 'number' && Number.isFinite(x)))
                problems.push(`${where}.domain.values must be a list of 1 to ${MAX_DOMAIN_VALUES} finite numbers`);
            else if (v.some((x, i) => i > 0 && !(x > v[i - 1])))
                problems.push(`${where}.domain.values must be strictly increasing`);
            else if (v[0] < min || v[v.length - 1] > max)
                problems.push(`${where}.domain.values must lie within [min, max]`);
            else
                values = v;
        }
        return { min, max, ...(bins ? { bins } : {}), ...(values ? { values } : {}), source };
    }
    problems.push(`${where}.domain needs "categories" (categorical) or "min" and "max" (numeric, datetime)`);
    return undefined;
}
function validateColumn(e, where, problems, strict) {
    if (!isObject(e)) {
        problems.push(`${where} must be an object`);
        return undefined;
    }
    for (const k of Object.keys(e))
        if (!SPEC_KEYS.has(k) && !(strict && k === 'inferredFacts'))
            problems.push(`${where} has an unknown field "${k}"`);
    if (typeof e.name !== 'string' || e.name === '') {
        problems.push(`${where}.name must be a non-empty string`);
        return undefined;
    }
    const w = `column "${e.name}"`;
    const out = { name: e.name };
    if (e.kind !== undefined) {
        if (!COLUMN_KINDS.includes(e.kind))
            problems.push(`${w}: kind must be one of ${COLUMN_KINDS.join(', ')}`);
        else
            out.kind = e.kind;
    }
    else if (strict)
        problems.push(`${w}: kind is missing`);
    if (e.integer !== undefined) {
        if (typeof e.integer !== 'boolean')
            problems.push(`${w}: integer must be true or false`);
        else if (out.kind && out.kind !== 'numeric')
            problems.push(`${w}: integer applies to numeric columns only`);
        else
            out.integer = e.integer;
    }
    if (e.decimals === null) {
        if (out.kind && out.kind !== 'numeric')
            problems.push(`${w}: decimals applies to numeric columns only`);
        else
            out.decimals = null;
    }
    else if (e.decimals !== undefined) {
        if (typeof e.decimals !== 'number' ||
            !Number.isInteger(e.decimals) ||
            e.decimals < 0 ||
            e.decimals > 15) {
            problems.push(`${w}: decimals must be a whole number from 0 to 15, or null (not rounded)`);
        }
        else if (out.kind && out.kind !== 'numeric')
            problems.push(`${w}: decimals applies to numeric columns only`);
        else
            out.decimals = e.decimals;
    }
    if (e.format !== undefined) {
        if (typeof e.format !== 'string' || e.format === '')
            problems.push(`${w}: format must be a datetime pattern string`);
        else if (out.kind && out.kind !== 'datetime')
            problems.push(`${w}: format applies to datetime columns only`);
        else
            out.format = e.format;
    }
    else if (strict && out.kind === 'datetime')
        problems.push(`${w}: a datetime column needs a format`);
    if (e.role !== undefined) {
        if (!ROLES.includes(e.role))
            problems.push(`${w}: role must be one of ${ROLES.join(', ')}`);
        else
            out.role = e.role;
    }
    if (e.nullable !== undefined) {
        if (typeof e.nullable !== 'boolean')
            problems.push(`${w}: nullable must be true or false`);
        else
            out.nullable = e.nullable;
    }
    if (e.idStyle !== undefined) {
        if (e.idStyle !== 'integer' && e.idStyle !== 'prefixed')
            problems.push(`${w}: idStyle must be "integer" (ids 1, 2, …) or "prefixed" (syn-1, …)`);
        else if (out.kind && out.kind !== 'id')
            problems.push(`${w}: idStyle applies to id columns only`);
        else
            out.idStyle = e.idStyle;
    }
    if (strict && e.inferredFacts !== undefined) {
        const f = e.inferredFacts;
        if (!Array.isArray(f) || !f.every((x) => SCHEMA_FACTS.includes(x)))
            problems.push(`${w}: inferredFacts must list facts among ${SCHEMA_FACTS.join(', ')}`);
        else
            out.inferredFacts = f;
    }
    if (e.domain !== undefined) {
        if (out.kind === 'boolean' || out.kind === 'id' || out.kind === 'text') {
            problems.push(`${w}: ${out.kind} columns take no domain`);
        }
        else {
            const d = validateDomain(e.domain, out.kind, w, out.format, problems, strict);
            if (d)
                out.domain = d;
        }
    }
    return out;
}
function validateTop(json, what, problems, strict) {
    if (!isObject(json)) {
        problems.push(`${what} must be a JSON object with a "columns" array`);
        return undefined;
    }
    for (const k of Object.keys(json)) {
        if (!['version', 'missingValues', 'columns', 'constraints'].includes(k))
            problems.push(`${what} has an unknown field "${k}"`);
    }
    if (json.version !== undefined && json.version !== 1)
        problems.push(`${what}: version must be 1`);
    else if (strict && json.version !== 1)
        problems.push(`${what}: version must be 1`);
    let missingValues = [];
    if (json.missingValues !== undefined) {
        if (!Array.isArray(json.missingValues) || !json.missingValues.every((s) => typeof s === 'string')) {
            problems.push(`${what}: missingValues must be an array of strings`);
        }
        else
            missingValues = json.missingValues;
    }
    if (!Array.isArray(json.columns)) {
        problems.push(`${what}: "columns" must be an array of column entries`);
        return undefined;
    }
    const columns = [];
    const seen = new Set();
    json.columns.forEach((e, i) => {
        const c = validateColumn(e, `columns[${i}]`, problems, strict);
        if (!c)
            return;
        if (seen.has(c.name))
            problems.push(`column "${c.name}" is listed twice`);
        seen.add(c.name);
        columns.push(c);
    });
    if (json.constraints !== undefined && !Array.isArray(json.constraints))
        problems.push(`${what}: "constraints" must be a list of rules`);
    const constraints = Array.isArray(json.constraints) ? { constraints: json.constraints } : {};
    return { version: 1, missingValues, columns, ...constraints };
}
/** Validate a metadata file's parsed JSON; throws a LookalikeError listing every problem. */
export function parseMetadata(json, source = 'metadata') {
    const problems = [];
    const m = validateTop(json, source, problems, false);
    if (problems.length || !m)
        throw new LookalikeError(`${source} is not valid metadata:`, problems);
    return m;
}
/** Problems with a full schema (as stored in a model file); empty when valid. */
export function validateSchema(json, what = 'schema') {
    const problems = [];
    validateTop(json, what, problems, true);
    return problems;
}
/**
 * A schema as a metadata file (for `inspect --out`); `publicDomains` marks every domain as declared public. Every
 * schema fact (kind, integer, decimals, format, nullable, idStyle) is written out, so the file declares them when
 * read back: the user reviews them like the domains (a DP fit refuses facts read off the data, issue 10).
 */
export function schemaToMetadata(schema, publicDomains = false, table) {
    return {
        version: 1,
        ...(schema.missingValues && schema.missingValues.length ? { missingValues: schema.missingValues } : {}),
        columns: schema.columns.map((c) => {
            const out = { name: c.name, kind: c.kind };
            if (c.integer !== undefined)
                out.integer = c.integer;
            if (c.decimals !== undefined)
                out.decimals = c.decimals;
            else if (c.kind === 'numeric' && c.integer === false)
                out.decimals = null; // declared: not rounded
            if (c.format !== undefined)
                out.format = c.format;
            if (c.role !== undefined)
                out.role = c.role;
            if (c.nullable !== undefined)
                out.nullable = c.nullable;
            if (c.idStyle !== undefined)
                out.idStyle = c.idStyle;
            if (c.domain)
                out.domain = publicDomains ? { ...c.domain, source: 'public' } : c.domain;
            // with the table: the short value list of a numeric column (≤ 32 distinct values), modelled exactly by DP fits
            const col = table && c.kind === 'numeric' && table.has(c.name) ? table.column(c.name) : null;
            const values = col?.kind === 'numeric' && c.domain ? distinctValues(col.values, INSPECT_VALUES_MAX) : null;
            if (values && out.domain)
                out.domain = { ...out.domain, values };
            return out;
        }),
    };
}
/** The sorted distinct present values of a column, or null when there are more than `max`. */
function distinctValues(values, max) {
    const seen = new Set();
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (Number.isNaN(v))
            continue;
        seen.add(v);
        if (seen.size > max)
            return null;
    }
    return seen.size ? [...seen].sort((a, b) => a - b) : null;
}
/**
 * The schema a metadata file declares on its own, without a table (issue 15: rows counted where they live are never
 * read, so nothing can be inferred). Every column must declare its kind (a LookalikeError lists those that do not);
 * a fact left undeclared (integer, decimals, format, nullable, idStyle) is listed in `inferredFacts`, so that a DP
 * fit refuses it with the usual message (`privacy/requireDeclaredFacts`). A domain without a source is public:
 * writing it down is the declaration.
 */
export function schemaFromMetadata(meta, source = 'the metadata') {
    const noKind = meta.columns.filter((c) => c.kind === undefined).map((c) => `column "${c.name}"`);
    if (noKind.length)
        throw new LookalikeError(`${source} must declare the kind of every column when the rows are not read:`, noKind, 'input');
    const columns = meta.columns.map((c) => {
        const kind = c.kind;
        const missing = [];
        if (kind === 'numeric' && c.integer === undefined)
            missing.push('integer');
        if (kind === 'numeric' && c.integer !== true && c.decimals === undefined)
            missing.push('decimals');
        if (kind === 'datetime' && c.format === undefined)
            missing.push('format');
        if (c.nullable === undefined)
            missing.push('nullable');
        if (kind === 'id' && c.idStyle === undefined)
            missing.push('idStyle');
        return {
            name: c.name,
            kind,
            ...(c.integer !== undefined ? { integer: c.integer } : {}),
            ...(typeof c.decimals === 'number' ? { decimals: c.decimals } : {}),
            ...(c.format !== undefined ? { format: c.format } : {}),
            ...(c.role ? { role: c.role } : kind === 'id' ? { role: 'id' } : {}),
            ...(c.nullable !== undefined ? { nullable: c.nullable } : {}),
            ...(c.idStyle !== undefined ? { idStyle: c.idStyle } : {}),
            ...(c.domain ? { domain: { ...c.domain, source: c.domain.source ?? 'public' } } : {}),
            ...(missing.length ? { inferredFacts: missing } : {}),
        };
    });
    return { version: 1, columns, ...(meta.missingValues.length ? { missingValues: meta.missingValues } : {}) };
}
//# sourceMappingURL=metadata.js.map