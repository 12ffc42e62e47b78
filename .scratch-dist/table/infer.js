import { CANDIDATE_FORMATS, ISO_FORMAT, datetimeCodec, detectDatetimeFormat } from './datetime.js';
import { parseMetadata } from './metadata.js';
import { rawLength } from './raw.js';
import { isCategoricalDomain, isDatetimeDomain, isNumericDomain } from './schema.js';
import { Table } from './table.js';
import { LookalikeError } from '../errors.js';
const NUMBER_RE = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
const NAN_RE = /^\s*[+-]?nan\s*$/i;
const INF_RE = /^\s*[+-]?(?:inf|infinity)\s*$/i;
const BOOL_RE = /^(?:true|false)$/i;
export const MAX_CATEGORICAL_CARDINALITY = 10_000;
const SMALL_CARDINALITY = 50;
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Numeric-aware order for category lists made of numbers ("2" before "10"), else code-unit order. */
function sortCategories(cats) {
    if (cats.every((c) => NUMBER_RE.test(c)))
        return cats.sort((a, b) => Number(a) - Number(b) || compareStrings(a, b));
    return cats.sort(compareStrings);
}
function dictFromStrings(values) {
    const lookup = new Map();
    const dict = [];
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
        const s = values[i];
        if (s === null) {
            codes[i] = -1;
            continue;
        }
        let k = lookup.get(s);
        if (k === undefined) {
            k = dict.length;
            dict.push(s);
            lookup.set(s, k);
        }
        codes[i] = k;
    }
    return withCounts(dict, codes);
}
function withCounts(dict, codes) {
    const counts = new Int32Array(dict.length);
    let present = 0;
    for (let i = 0; i < codes.length; i++) {
        const k = codes[i];
        if (k >= 0) {
            counts[k]++;
            present++;
        }
    }
    return { dict, codes, counts, present };
}
/** Drop the metadata's missing-value tokens (and entries no row uses) from a dictionary. */
function applyMissingTokens(d, missing) {
    if (!missing.size || !d.dict.some((s) => missing.has(s)))
        return d;
    const remap = new Int32Array(d.dict.length);
    const dict = [];
    d.dict.forEach((s, k) => {
        if (missing.has(s))
            remap[k] = -1;
        else {
            remap[k] = dict.length;
            dict.push(s);
        }
    });
    const codes = new Int32Array(d.codes.length);
    for (let i = 0; i < codes.length; i++)
        codes[i] = d.codes[i] < 0 ? -1 : remap[d.codes[i]];
    return withCounts(dict, codes);
}
function firstRowWhere(d, bad) {
    const isBad = d.dict.map(bad);
    for (let i = 0; i < d.codes.length; i++)
        if (d.codes[i] >= 0 && isBad[d.codes[i]])
            return i + 1;
    return -1;
}
function dictOf(raw) {
    switch (raw.type) {
        case 'string':
            return dictFromStrings(raw.values);
        case 'dictionary':
            return withCounts(raw.dictionary, raw.codes);
        case 'number':
            return dictFromStrings(Array.from(raw.values, (v) => (Number.isNaN(v) ? null : String(v))));
        case 'boolean':
            return dictFromStrings(Array.from(raw.values, (v) => (v < 0 ? null : v ? 'true' : 'false')));
        case 'datetime': {
            const codec = datetimeCodec(raw.dateOnly ? 'YYYY-MM-DD' : ISO_FORMAT);
            return dictFromStrings(Array.from(raw.values, (v) => (Number.isNaN(v) ? null : codec.format_(v))));
        }
    }
}
/** A per-row value from a per-distinct-value table. */
function expand(d, perEntry, missingValue, out) {
    for (let i = 0; i < d.codes.length; i++) {
        const k = d.codes[i];
        out[i] = k < 0 ? missingValue : perEntry[k];
    }
    return out;
}
/** Decide the kind of a text column; returns null (with problems recorded) when it can't. */
function inferTextKind(name, d, ctx) {
    const { dict, counts, present } = d;
    let numeric = 0, nan = 0, inf = 0, bool = 0;
    dict.forEach((s, k) => {
        const c = counts[k];
        if (NUMBER_RE.test(s))
            numeric += c;
        else if (NAN_RE.test(s))
            nan += c;
        else if (INF_RE.test(s))
            inf += c;
        else if (BOOL_RE.test(s))
            bool += c;
    });
    if (present === 0)
        return { kind: 'text' }; // all missing: reported by the caller
    if (numeric > 0 && numeric + nan + inf === present && nan + inf > 0) {
        const parts = [];
        if (nan)
            parts.push(`${nan} "NaN"`);
        if (inf)
            parts.push(`${inf} "Infinity"`);
        ctx.problems.push(`column "${name}" has ${parts.join(' and ')} strings among its ${numeric} numbers: lookalike needs finite numbers — ` +
            `mark them missing with "missingValues": ["NaN"] in a metadata file (--metadata), or replace them`);
        return null;
    }
    if (numeric === present)
        return { kind: 'numeric' };
    if (bool === present)
        return { kind: 'boolean' };
    if (numeric >= 0.9 * present) {
        const row = firstRowWhere(d, (s) => !NUMBER_RE.test(s));
        ctx.problems.push(`column "${name}" mixes numbers (${numeric} rows) and text (${present - numeric} rows, first at data row ${row}): ` +
            `declare its kind in a metadata file ("kind": "categorical" keeps both, "numeric" with "missingValues" drops the text) or clean the column`);
        return null;
    }
    const used = dict.filter((_, k) => counts[k] > 0);
    const nd = used.length;
    // datetime: every distinct value matches one format (tried only when they look date-like)
    if (used.some((s) => /\d/.test(s))) {
        const fmt = detectDatetimeFormat(used.slice(0, 200));
        if (fmt && detectDatetimeFormat(used) === fmt)
            return { kind: 'datetime', format: fmt };
    }
    if (nd <= SMALL_CARDINALITY || (nd <= MAX_CATEGORICAL_CARDINALITY && nd <= 0.5 * present))
        return { kind: 'categorical' };
    let spaced = 0, totalLen = 0;
    for (const s of used) {
        if (/\s/.test(s))
            spaced++;
        totalLen += s.length;
    }
    const kind = spaced === 0 && totalLen / nd <= 64 ? 'id' : 'text';
    // Datetimes written in several formats match no single one and would be lost as id/text (written afresh or
    // empty by every synthesizer): say so, and how to keep them.
    const mixed = used.some((s) => /\d/.test(s)) ? datetimeCover(d) : null;
    if (mixed) {
        ctx.warnings.push(`column "${name}" holds datetimes in ${mixed.length} formats (${describeCover(mixed)}), so it was read as ` +
            `${kind}, which synthesizers ${kind === 'id' ? 'replace by fresh identifiers' : 'write empty'}; declare ` +
            `"kind": "datetime" for it in a metadata file (--metadata) to read every value as a datetime (written ` +
            `as ${mixed[0].format})`);
    }
    return { kind };
}
/** At most this many formats make a mixed-format datetime column (more is text that happens to hold digits). */
const MAX_MIXED_FORMATS = 4;
/**
 * The candidate datetime formats that together parse every present value of `d`, chosen greedily (the format
 * reading the most remaining rows first, ties in CANDIDATE_FORMATS order), or null when some value matches none
 * or more than MAX_MIXED_FORMATS would be needed. Each value is read by the first chosen format that parses it.
 */
function datetimeCover(d) {
    const entries = d.dict.map((s, k) => k).filter((k) => d.counts[k] > 0);
    // cheap rejection: a sample of values that no candidate parses
    const codecs = CANDIDATE_FORMATS.map((f) => datetimeCodec(f));
    for (const k of entries.slice(0, 200))
        if (!codecs.some((c) => !Number.isNaN(c.parse(d.dict[k]))))
            return null;
    const parses = codecs.map((c) => entries.map((k) => !Number.isNaN(c.parse(d.dict[k]))));
    const covered = new Uint8Array(entries.length);
    const cover = [];
    let left = entries.length;
    while (left > 0 && cover.length < MAX_MIXED_FORMATS) {
        let best = -1;
        let bestRows = 0;
        parses.forEach((p, f) => {
            let rows = 0;
            for (let i = 0; i < entries.length; i++)
                if (!covered[i] && p[i])
                    rows += d.counts[entries[i]];
            if (rows > bestRows) {
                best = f;
                bestRows = rows;
            }
        });
        if (best < 0)
            return null;
        for (let i = 0; i < entries.length; i++) {
            if (!covered[i] && parses[best][i]) {
                covered[i] = 1;
                left--;
            }
        }
        cover.push({ format: CANDIDATE_FORMATS[best], rows: bestRows });
    }
    return left === 0 && cover.length > 1 ? cover : null;
}
function describeCover(cover) {
    return cover.map((c) => `${c.format} in ${c.rows} rows`).join(', ');
}
function presentCount(raw) {
    let present = 0;
    switch (raw.type) {
        case 'number':
        case 'datetime':
            for (const v of raw.values)
                present += Number.isNaN(v) ? 0 : 1;
            return present;
        case 'boolean':
            for (const v of raw.values)
                present += v < 0 ? 0 : 1;
            return present;
        default:
            return -1; // text: counted on its dictionary
    }
}
function numericColumn(name, values, meta, ctx) {
    let inf = 0;
    let whole = true;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === Infinity || v === -Infinity)
            inf++;
        else if (whole && v === v && !Number.isInteger(v))
            whole = false;
    }
    if (inf) {
        ctx.problems.push(`column "${name}" has ${inf} infinite values: lookalike needs finite numbers — replace or remove them`);
        return null;
    }
    if (meta?.integer === true && !whole) {
        ctx.problems.push(`column "${name}" is declared integer but has fractional values`);
        return null;
    }
    return { kind: 'numeric', name, values, integer: meta?.integer ?? whole };
}
function buildColumn(raw, meta, missing, ctx) {
    const name = raw.name;
    const n = ctx.nRows;
    const isText = raw.type === 'string' || raw.type === 'dictionary';
    // text columns (and typed columns declared as another kind) work on a dictionary
    let dict = isText ? applyMissingTokens(dictOf(raw), missing) : null;
    const getDict = () => (dict ??= dictOf(raw));
    let kind;
    let format = meta?.format;
    if (meta?.kind)
        kind = meta.kind;
    else if (raw.type === 'number')
        kind = 'numeric';
    else if (raw.type === 'boolean')
        kind = 'boolean';
    else if (raw.type === 'datetime') {
        kind = 'datetime';
        format = raw.dateOnly ? 'YYYY-MM-DD' : ISO_FORMAT;
    }
    else {
        const k = inferTextKind(name, dict, ctx);
        if (!k)
            return null;
        kind = k.kind;
        format = k.format;
    }
    const present = dict ? dict.present : presentCount(raw);
    if (present === 0 && !meta?.kind) {
        ctx.problems.push(`column "${name}" is missing in all ${n} rows: remove it from the table, or declare its kind in a metadata file to keep it as an all-missing column`);
        return null;
    }
    switch (kind) {
        case 'numeric': {
            if (raw.type === 'number')
                return numericColumn(name, raw.values, meta, ctx);
            if (raw.type === 'boolean')
                return numericColumn(name, Float64Array.from(raw.values, (v) => (v < 0 ? NaN : v)), meta, ctx);
            if (raw.type === 'datetime') {
                ctx.problems.push(`column "${name}" holds datetimes but is declared numeric`);
                return null;
            }
            const d = dict;
            const parsed = Float64Array.from(d.dict, (s) => (NUMBER_RE.test(s) ? Number(s) : NaN));
            let bad = 0;
            d.dict.forEach((_, k) => {
                if (Number.isNaN(parsed[k]))
                    bad += d.counts[k];
            });
            if (bad) {
                const first = firstRowWhere(d, (s) => !NUMBER_RE.test(s));
                ctx.problems.push(`column "${name}" is numeric (declared or inferred) but ${bad} values are not numbers (first at data row ${first}); ` +
                    `list such placeholders in "missingValues" or declare the column categorical`);
                return null;
            }
            return numericColumn(name, expand(d, parsed, NaN, new Float64Array(n)), meta, ctx);
        }
        case 'boolean': {
            if (raw.type === 'boolean')
                return { kind: 'boolean', name, values: raw.values };
            const d = getDict();
            const parsed = Int8Array.from(d.dict, (s) => /^(true|1|yes)$/i.test(s) ? 1 : /^(false|0|no)$/i.test(s) ? 0 : -2);
            let bad = 0;
            d.dict.forEach((_, k) => {
                if (parsed[k] === -2)
                    bad += d.counts[k];
            });
            if (bad) {
                ctx.problems.push(`column "${name}" is declared boolean but ${bad} values are not true/false, 1/0 or yes/no`);
                return null;
            }
            return { kind: 'boolean', name, values: expand(d, parsed, -1, new Int8Array(n)) };
        }
        case 'datetime': {
            if (raw.type === 'datetime') {
                return {
                    kind: 'datetime',
                    name,
                    values: raw.values,
                    format: format ?? (raw.dateOnly ? 'YYYY-MM-DD' : ISO_FORMAT),
                };
            }
            if (!isText) {
                ctx.problems.push(`column "${name}" is declared datetime but holds ${raw.type} values`);
                return null;
            }
            const d = dict;
            let readers = format ? [datetimeCodec(format)] : [];
            if (!format) {
                const f = detectDatetimeFormat(d.dict.filter((_, k) => d.counts[k] > 0));
                const cover = f ? null : datetimeCover(d);
                if (!f && !cover) {
                    ctx.problems.push(`column "${name}" is declared datetime but its values match none of the known formats; give "format" in the metadata (known: ${CANDIDATE_FORMATS.slice(0, 6).join(', ')}, …)`);
                    return null;
                }
                if (cover) {
                    ctx.warnings.push(`column "${name}": read datetimes in ${cover.length} formats (${describeCover(cover)}); synthetic values are written as ${cover[0].format}`);
                }
                format = f ?? cover[0].format;
                readers = (cover ?? [{ format }]).map((c) => datetimeCodec(c.format));
            }
            const parse = (s) => {
                for (const r of readers) {
                    const t = r.parse(s);
                    if (!Number.isNaN(t))
                        return t;
                }
                return NaN;
            };
            const parsed = Float64Array.from(d.dict, parse);
            let bad = 0;
            d.dict.forEach((_, k) => {
                if (Number.isNaN(parsed[k]))
                    bad += d.counts[k];
            });
            if (bad) {
                const first = firstRowWhere(d, (s) => Number.isNaN(parse(s)));
                ctx.problems.push(`column "${name}": ${bad} values do not match the datetime format "${format}" (first at data row ${first})`);
                return null;
            }
            return { kind: 'datetime', name, values: expand(d, parsed, NaN, new Float64Array(n)), format };
        }
        case 'categorical': {
            const d = getDict();
            const dom = meta?.domain;
            const declared = isCategoricalDomain(dom) ? dom.categories : undefined;
            const usedEntries = d.dict.filter((_, k) => d.counts[k] > 0);
            const categories = declared ? [...declared] : sortCategories([...usedEntries]);
            const lookup = new Map(categories.map((c, i) => [c, i]));
            const remap = Int32Array.from(d.dict, (s) => lookup.get(s) ?? -2);
            if (declared) {
                let bad = 0, badDistinct = 0;
                d.dict.forEach((_, k) => {
                    if (remap[k] === -2 && d.counts[k] > 0) {
                        bad += d.counts[k];
                        badDistinct++;
                    }
                });
                if (bad) {
                    ctx.problems.push(`column "${name}": ${bad} values (${badDistinct} distinct) are not in its declared categories; add them to domain.categories or fix the data`);
                    return null;
                }
            }
            else if (categories.length > MAX_CATEGORICAL_CARDINALITY && meta?.kind === 'categorical') {
                ctx.problems.push(`column "${name}" is declared categorical but has ${categories.length} distinct values (limit ${MAX_CATEGORICAL_CARDINALITY}); declare it "id" or "text" instead`);
                return null;
            }
            const codes = new Int32Array(n);
            for (let i = 0; i < n; i++)
                codes[i] = d.codes[i] < 0 ? -1 : remap[d.codes[i]];
            return { kind: 'categorical', name, codes, categories };
        }
        case 'id':
        case 'text': {
            const d = getDict();
            const values = new Array(n);
            for (let i = 0; i < n; i++)
                values[i] = d.codes[i] < 0 ? null : d.dict[d.codes[i]];
            return { kind, name, values };
        }
    }
}
/** The most decimal places a column's values may have for lookalike to keep (and round to) their precision. */
export const MAX_DECIMALS = 10;
/** Decimal places of a number's shortest round-trip text, exponent form included (1e308 → 0, 1.5e-7 → 8). */
function decimalPlaces(v) {
    const s = String(v);
    const e = s.indexOf('e');
    const mantissa = e < 0 ? s : s.slice(0, e);
    const dot = mantissa.indexOf('.');
    const places = dot < 0 ? 0 : mantissa.length - dot - 1;
    return Math.max(0, places - (e < 0 ? 0 : Number(s.slice(e + 1))));
}
/** The most decimal places among (up to 20,000 of) the values, when ≤ MAX_DECIMALS. */
function decimalsSpec(values, declared) {
    if (declared === null)
        return {};
    if (declared !== undefined)
        return { decimals: declared };
    let max = 0;
    const step = Math.max(1, Math.floor(values.length / 20_000));
    for (let i = 0; i < values.length; i += step) {
        const v = values[i];
        if (Number.isNaN(v))
            continue;
        max = Math.max(max, decimalPlaces(v));
        if (max > MAX_DECIMALS)
            return {};
    }
    return { decimals: max };
}
function numericRange(values) {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v < lo)
            lo = v;
        if (v > hi)
            hi = v;
    }
    return lo <= hi ? [lo, hi] : null;
}
/** How many values of a column are missing (NaN, code −1, null). */
export function missingCount(c) {
    let k = 0;
    switch (c.kind) {
        case 'numeric':
        case 'datetime':
            for (let i = 0; i < c.values.length; i++)
                if (Number.isNaN(c.values[i]))
                    k++;
            return k;
        case 'categorical':
            for (let i = 0; i < c.codes.length; i++)
                if (c.codes[i] < 0)
                    k++;
            return k;
        case 'boolean':
            for (let i = 0; i < c.values.length; i++)
                if (c.values[i] < 0)
                    k++;
            return k;
        default:
            for (const v of c.values)
                if (v === null)
                    k++;
            return k;
    }
}
/** `integer` when every present id is a whole number written in digits, else `prefixed`. */
function idStyleOfValues(values) {
    return values.every((v) => v === null || /^\d+$/.test(v)) ? 'integer' : 'prefixed';
}
/**
 * The schema of a table as read off its data: every domain marked `inferred`, and every fact the metadata does
 * not declare listed in `inferredFacts`.
 */
export function inferSchema(table, declared) {
    const metaByName = new Map((declared?.columns ?? []).map((c) => [c.name, c]));
    const columns = table.columns.map((c) => {
        const meta = metaByName.get(c.name);
        let nullable = false;
        let domain;
        switch (c.kind) {
            case 'numeric': {
                for (let i = 0; i < c.values.length && !nullable; i++)
                    nullable = Number.isNaN(c.values[i]);
                const r = numericRange(c.values);
                if (r)
                    domain = { min: r[0], max: r[1], source: 'inferred' };
                break;
            }
            case 'datetime': {
                for (let i = 0; i < c.values.length && !nullable; i++)
                    nullable = Number.isNaN(c.values[i]);
                const r = numericRange(c.values);
                if (r) {
                    const codec = datetimeCodec(c.format);
                    domain = { min: codec.format_(r[0]), max: codec.format_(r[1]), source: 'inferred' };
                }
                break;
            }
            case 'categorical': {
                for (let i = 0; i < c.codes.length && !nullable; i++)
                    nullable = c.codes[i] < 0;
                domain = { categories: [...c.categories], source: 'inferred' };
                break;
            }
            case 'boolean':
                for (let i = 0; i < c.values.length && !nullable; i++)
                    nullable = c.values[i] < 0;
                break;
            case 'id':
            case 'text':
                nullable = c.values.some((v) => v === null);
                break;
        }
        if (meta?.domain)
            domain = meta.domain;
        // the facts read off the data rather than declared (issue 10: a DP fit refuses them, like inferred domains)
        const inferred = [];
        if (meta?.kind === undefined)
            inferred.push('kind');
        if (c.kind === 'numeric' && meta?.integer === undefined)
            inferred.push('integer');
        if (c.kind === 'numeric' && !c.integer && meta?.decimals === undefined)
            inferred.push('decimals');
        if (c.kind === 'datetime' && meta?.format === undefined)
            inferred.push('format');
        if (meta?.nullable === undefined)
            inferred.push('nullable');
        if (c.kind === 'id' && meta?.idStyle === undefined)
            inferred.push('idStyle');
        const spec = {
            name: c.name,
            kind: c.kind,
            ...(c.kind === 'numeric' ? { integer: c.integer } : {}),
            ...(c.kind === 'numeric' && !c.integer ? decimalsSpec(c.values, meta?.decimals) : {}),
            ...(c.kind === 'datetime' ? { format: c.format } : {}),
            ...(meta?.role ? { role: meta.role } : c.kind === 'id' ? { role: 'id' } : {}),
            nullable: meta?.nullable ?? nullable,
            ...(c.kind === 'id' ? { idStyle: meta?.idStyle ?? idStyleOfValues(c.values) } : {}),
            ...(domain ? { domain } : {}),
            ...(inferred.length ? { inferredFacts: inferred } : {}),
        };
        return spec;
    });
    return {
        version: 1,
        columns,
        ...(declared?.missingValues.length ? { missingValues: declared.missingValues } : {}),
    };
}
/**
 * Build a typed table and its schema from raw columns, applying (validated) metadata. Throws one LookalikeError
 * listing every problem found.
 */
export function buildTable(raw, opts = {}) {
    const source = opts.source ?? 'the table';
    const metadata = opts.metadata === undefined
        ? undefined
        : isMetadata(opts.metadata)
            ? opts.metadata
            : parseMetadata(opts.metadata);
    if (raw.length === 0)
        throw new LookalikeError(`${source} has no columns`);
    const nRows = rawLength(raw[0]);
    if (nRows === 0)
        throw new LookalikeError(`${source} has a header but no data rows`);
    if (nRows === 1)
        throw new LookalikeError(`${source} has only 1 data row; lookalike needs at least 2 rows to learn from`);
    const ctx = { problems: [], warnings: [], nRows };
    const names = new Set();
    for (const r of raw) {
        if (names.has(r.name))
            ctx.problems.push(`column name "${r.name}" appears more than once`);
        names.add(r.name);
        if (rawLength(r) !== nRows)
            ctx.problems.push(`column "${r.name}" has ${rawLength(r)} rows, expected ${nRows}`);
    }
    const metaByName = new Map((metadata?.columns ?? []).map((c) => [c.name, c]));
    for (const m of metaByName.keys()) {
        if (!names.has(m))
            ctx.problems.push(`the metadata describes a column "${m}" that ${source} does not have`);
    }
    if (ctx.problems.length)
        throw new LookalikeError(`${source} cannot be read:`, ctx.problems);
    const missing = new Set(metadata?.missingValues ?? []);
    const columns = [];
    for (const r of raw) {
        const c = buildColumn(r, metaByName.get(r.name), missing, ctx);
        if (c)
            columns.push(c);
    }
    if (ctx.problems.length)
        throw new LookalikeError(`${source} does not fit lookalike's schema:`, ctx.problems);
    const table = new Table(columns, nRows);
    // a column declared `nullable: false` holds no missing value (issue 10: the declaration is honoured)
    for (const c of columns) {
        if (metaByName.get(c.name)?.nullable !== false)
            continue;
        const k = missingCount(c);
        if (k)
            ctx.problems.push(`column "${c.name}" is declared "nullable": false but has ${k} missing value${k === 1 ? '' : 's'}; fill or drop those rows, or declare it nullable`);
    }
    if (ctx.problems.length)
        throw new LookalikeError(`${source} does not fit lookalike's schema:`, ctx.problems);
    const schema = inferSchema(table, metadata);
    for (const spec of schema.columns) {
        if (spec.kind === 'numeric' &&
            !spec.integer &&
            spec.decimals === undefined &&
            metadata?.columns.find((c) => c.name === spec.name)?.decimals !== null) {
            ctx.warnings.push(`column "${spec.name}" has values with more than ${MAX_DECIMALS} decimal places, so synthetic values are ` +
                `not rounded (up to 17 significant digits); declare "decimals": N for it in a metadata file to round them`);
        }
    }
    // numeric values outside a declared domain: clipped when fitting
    for (const spec of schema.columns) {
        const d = spec.domain;
        const col = table.column(spec.name);
        if (isNumericDomain(d) && d.source !== 'inferred' && col.kind === 'numeric') {
            let out = 0;
            for (const v of col.values)
                if (v < d.min || v > d.max)
                    out++;
            if (out)
                ctx.warnings.push(`column "${spec.name}": ${out} values lie outside the declared domain [${d.min}, ${d.max}] (DP synthesizers clip them to it; the others keep them)`);
        }
        else if (isDatetimeDomain(d) && d.source !== 'inferred' && col.kind === 'datetime') {
            const codec = datetimeCodec(col.format);
            const lo = codec.parse(d.min), hi = codec.parse(d.max);
            let out = 0;
            for (const v of col.values)
                if (v < lo || v > hi)
                    out++;
            if (out)
                ctx.warnings.push(`column "${spec.name}": ${out} values lie outside the declared domain (DP synthesizers clip them to it; the others keep them)`);
        }
    }
    return { table, schema, warnings: ctx.warnings };
}
function isMetadata(x) {
    return (typeof x === 'object' &&
        x !== null &&
        x.version === 1 &&
        Array.isArray(x.missingValues) &&
        Array.isArray(x.columns));
}
/** Build a table from plain records (JS numbers, strings, booleans, null/undefined = missing). */
export function tableFromRecords(records, metadata, source = 'the records') {
    const names = [];
    const seen = new Set();
    for (const r of records) {
        for (const k of Object.keys(r)) {
            if (!seen.has(k)) {
                seen.add(k);
                names.push(k);
            }
        }
    }
    const n = records.length;
    const problems = [];
    const raw = names.map((name) => {
        let nums = 0, strs = 0, bools = 0;
        for (const r of records) {
            const v = r[name];
            if (typeof v === 'number')
                nums++;
            else if (typeof v === 'string')
                strs++;
            else if (typeof v === 'boolean')
                bools++;
        }
        if (strs === 0 && bools === 0 && nums > 0) {
            return {
                name,
                type: 'number',
                values: Float64Array.from(records, (r) => (typeof r[name] === 'number' ? r[name] : NaN)),
            };
        }
        if (strs === 0 && nums === 0 && bools > 0) {
            return {
                name,
                type: 'boolean',
                values: Int8Array.from(records, (r) => (typeof r[name] === 'boolean' ? (r[name] ? 1 : 0) : -1)),
            };
        }
        if ((nums > 0 && strs > 0) || bools > 0) {
            if (nums > 0 && strs > 0 && nums >= 0.9 * (nums + strs)) {
                problems.push(`column "${name}" mixes numbers (${nums} rows) and strings (${strs} rows); declare its kind in metadata or clean it`);
            }
        }
        return {
            name,
            type: 'string',
            values: records.map((r) => {
                const v = r[name];
                return v === null || v === undefined ? null : String(v);
            }),
        };
    });
    if (problems.length)
        throw new LookalikeError(`${source} cannot be read:`, problems);
    if (n === 0)
        throw new LookalikeError(`${source} has no rows`);
    return buildTable(raw, { metadata, source });
}
//# sourceMappingURL=infer.js.map