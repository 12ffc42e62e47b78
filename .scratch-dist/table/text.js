import { datetimeCodec } from './datetime.js';
/** An RFC 4180 field: quoted when it holds the delimiter, a quote, a line break, edge spaces, or is empty. */
export function csvField(s, delimiter) {
    if (s === '' ||
        s.includes(delimiter) ||
        s.includes('"') ||
        s.includes('\n') ||
        s.includes('\r') ||
        s.trim() !== s) {
        return `"${s.replace(/"/g, '""')}"`;
    }
    return s;
}
/** A whole number as digits (no exponent even beyond 1e21). */
function integerText(v) {
    return Math.abs(v) < 1e21 || !Number.isInteger(v) ? String(v) : BigInt(v).toString();
}
/** A cell as CSV text ('' = missing). */
function csvCellWriter(c, delimiter) {
    switch (c.kind) {
        case 'numeric': {
            const v = c.values;
            return c.integer
                ? (r) => (Number.isFinite(v[r]) ? integerText(v[r]) : '')
                : (r) => (Number.isFinite(v[r]) ? String(v[r]) : '');
        }
        case 'datetime': {
            const v = c.values;
            const codec = datetimeCodec(c.format);
            return (r) => (Number.isNaN(v[r]) ? '' : csvField(codec.format_(v[r]), delimiter));
        }
        case 'boolean': {
            const v = c.values;
            return (r) => (v[r] < 0 ? '' : v[r] === 1 ? 'true' : 'false');
        }
        case 'categorical': {
            const quoted = c.categories.map((s) => csvField(s, delimiter));
            const k = c.codes;
            return (r) => (k[r] < 0 ? '' : quoted[k[r]]);
        }
        case 'id':
        case 'text': {
            const v = c.values;
            return (r) => {
                const s = v[r];
                return s === null ? '' : csvField(s, delimiter);
            };
        }
    }
}
/** A cell as JSON text. */
export function jsonCellWriter(c) {
    switch (c.kind) {
        case 'numeric': {
            const v = c.values;
            return c.integer
                ? (r) => (Number.isFinite(v[r]) ? integerText(v[r]) : 'null')
                : (r) => (Number.isFinite(v[r]) ? String(v[r]) : 'null');
        }
        case 'datetime': {
            const v = c.values;
            const codec = datetimeCodec(c.format);
            return (r) => (Number.isNaN(v[r]) ? 'null' : JSON.stringify(codec.format_(v[r])));
        }
        case 'boolean': {
            const v = c.values;
            return (r) => (v[r] < 0 ? 'null' : v[r] === 1 ? 'true' : 'false');
        }
        case 'categorical': {
            const quoted = c.categories.map((s) => JSON.stringify(s));
            const k = c.codes;
            return (r) => (k[r] < 0 ? 'null' : quoted[k[r]]);
        }
        case 'id':
        case 'text': {
            const v = c.values;
            return (r) => {
                const s = v[r];
                return s === null ? 'null' : JSON.stringify(s);
            };
        }
    }
}
const BLOCK = 8192;
export function* delimitedChunks(table, delimiter, header = true) {
    if (header)
        yield table.columns.map((c) => csvField(c.name, delimiter)).join(delimiter) + '\n';
    const cells = table.columns.map((c) => csvCellWriter(c, delimiter));
    const m = cells.length;
    for (let start = 0; start < table.nRows; start += BLOCK) {
        const end = Math.min(table.nRows, start + BLOCK);
        let s = '';
        for (let r = start; r < end; r++) {
            for (let j = 0; j < m; j++) {
                if (j)
                    s += delimiter;
                s += cells[j](r);
            }
            s += '\n';
        }
        yield s;
    }
}
export function* jsonChunks(table, array) {
    const keys = table.columns.map((c) => JSON.stringify(c.name) + ':');
    const cells = table.columns.map((c) => jsonCellWriter(c));
    const m = cells.length;
    if (array)
        yield '[\n';
    for (let start = 0; start < table.nRows; start += BLOCK) {
        const end = Math.min(table.nRows, start + BLOCK);
        let s = '';
        for (let r = start; r < end; r++) {
            s += '{';
            for (let j = 0; j < m; j++) {
                if (j)
                    s += ',';
                s += keys[j] + cells[j](r);
            }
            s += array ? (r === table.nRows - 1 ? '}\n' : '},\n') : '}\n';
        }
        yield s;
    }
    if (array)
        yield ']\n';
}
/** The whole table as one string: CSV (`delimiter` ","), TSV ("\t"), JSONL or JSON (an array of records). */
export function tableText(table, format) {
    const chunks = format === 'csv' || format === 'tsv'
        ? delimitedChunks(table, format === 'csv' ? ',' : '\t')
        : jsonChunks(table, format === 'json');
    let s = '';
    for (const c of chunks)
        s += c;
    return s;
}
//# sourceMappingURL=text.js.map