const TWO_53 = 2 ** 53;
/** Keys JavaScript would reorder (integer-like keys come first in `Object.keys`), so the file's order is lost. */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;
/** A lone surrogate or a NUL: text whose handling by DuckDB is not worth mirroring. */
// eslint-disable-next-line no-control-regex
const ODD_TEXT = /[\u0000]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_KEYS = 1000;
/** Colons outside strings: one per key in a file of flat records (more means a repeated key or nesting). */
function colonsOutsideStrings(text) {
    let n = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === 0x5c)
                i++;
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22)
            inString = true;
        else if (c === 0x3a)
            n++;
    }
    return n;
}
function parseRecords(text, format) {
    try {
        if (format === 'json') {
            if (text.trimStart()[0] !== '[')
                return undefined;
            const v = JSON.parse(text);
            return Array.isArray(v) ? v : undefined;
        }
        if (text.includes('\r'))
            return undefined;
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '')
            lines.pop();
        const out = [];
        for (const line of lines) {
            if (line.trim() === '')
                return undefined;
            out.push(JSON.parse(line));
        }
        return out;
    }
    catch {
        return undefined;
    }
}
/** The raw columns of `text` (a whole JSON or JSONL file), or `undefined` when it is not plain flat records. */
export function plainJsonRecords(text, format) {
    if (text.charCodeAt(0) === 0xfeff)
        return undefined;
    const records = parseRecords(text, format);
    if (!records || records.length === 0)
        return undefined;
    const first = records[0];
    if (first === null || typeof first !== 'object' || Array.isArray(first))
        return undefined;
    const keys = Object.keys(first);
    if (keys.length === 0 || keys.length > MAX_KEYS)
        return undefined;
    const lower = new Set(keys.map((k) => k.toLowerCase()));
    if (lower.size !== keys.length || keys.some((k) => k === '' || INDEX_KEY.test(k) || ODD_TEXT.test(k)))
        return undefined;
    for (const r of records) {
        if (r === null || typeof r !== 'object' || Array.isArray(r))
            return undefined;
        const k = Object.keys(r);
        if (k.length !== keys.length || k.some((x, i) => x !== keys[i]))
            return undefined;
    }
    if (colonsOutsideStrings(text) !== records.length * keys.length)
        return undefined;
    const n = records.length;
    const columns = [];
    for (const name of keys) {
        let type;
        for (const r of records) {
            const v = r[name];
            if (v === null)
                continue;
            const t = typeof v;
            if (t !== 'string' && t !== 'number' && t !== 'boolean')
                return undefined;
            if (type === undefined)
                type = t;
            else if (type !== t)
                return undefined;
            if (t === 'number') {
                const x = v;
                if (!Number.isFinite(x) || Math.abs(x) >= TWO_53 || Object.is(x, -0))
                    return undefined;
            }
            else if (t === 'string' && ODD_TEXT.test(v))
                return undefined;
        }
        if (type === 'number') {
            const values = new Float64Array(n);
            records.forEach((r, i) => {
                const v = r[name];
                values[i] = v === null ? NaN : v;
            });
            columns.push({ name, type: 'number', values });
        }
        else if (type === 'boolean') {
            const values = new Int8Array(n);
            records.forEach((r, i) => {
                const v = r[name];
                values[i] = v === null ? -1 : v ? 1 : 0;
            });
            columns.push({ name, type: 'boolean', values });
        }
        else {
            // strings, or nothing but nulls (DuckDB's NULL type, read as text)
            columns.push({
                name,
                type: 'string',
                values: records.map((r) => r[name]),
            });
        }
    }
    return columns;
}
//# sourceMappingURL=json-records.js.map