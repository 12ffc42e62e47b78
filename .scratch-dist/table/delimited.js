/**
 * Reading CSV / TSV text into raw columns without DuckDB, for a page that holds a file's text (the app, issue 16).
 * It follows what the Node reader (`io/read.ts`, DuckDB with every column read as text) gives for ordinary files,
 * so the same file makes the same `Table` in the page and in the CLI:
 * - RFC 4180: fields quoted with `"`, a quote inside doubled; line breaks `\n`, `\r\n` or `\r`; a byte-order mark
 *   dropped; blank lines skipped;
 * - the first record is the header (empty and repeated names renamed as DuckDB does, with a warning);
 * - an empty field, quoted or not, is missing (null); other text is kept exactly, spaces included;
 * - the delimiter: the one among the format's own, `,`, tab, `;` and `|` that splits the header into the most
 *   fields, unless given.
 * Errors (LookalikeError naming the line, never a cell): a record with a different number of fields than the
 * header, a quote never closed, a header with no data rows, more than MAX_TEXT_COLUMNS columns.
 * Runtime: one pass over the text; memory: the cells as strings.
 */
import { LookalikeError } from '../errors.js';
/** The most columns a text table may have (the same limit as `io/limits.ts`). */
export const MAX_TEXT_COLUMNS = 10_000;
/**
 * Column names from a header record: an empty name becomes `column<i>` and a repeated name gets a `_<k>`
 * suffix (DuckDB's conventions), each with a warning.
 */
export function columnNames(header, warn) {
    const seen = new Set();
    return header.map((raw, i) => {
        let name = raw;
        if (name === '') {
            name = `column${i}`;
            warn(`column ${i + 1} has an empty header; named it "${name}"`);
        }
        if (seen.has(name)) {
            let k = 1;
            while (seen.has(`${name}_${k}`))
                k++;
            warn(`column name "${name}" appears more than once; renamed column ${i + 1} to "${name}_${k}"`);
            name = `${name}_${k}`;
        }
        seen.add(name);
        return name;
    });
}
/**
 * Reads one record starting at `pos`; returns null at the end of the text. Throws on a quote never closed.
 * `lines` counts the line breaks consumed (quoted line breaks included) so errors can name lines.
 */
function readRecord(text, pos, delimiter, line, source) {
    const n = text.length;
    if (pos >= n)
        return null;
    const fields = [];
    const dl = delimiter.length;
    const dc = delimiter.charCodeAt(0);
    const isDelim = (k) => text.charCodeAt(k) === dc && (dl === 1 || text.startsWith(delimiter, k));
    let lines = 0;
    let i = pos;
    for (;;) {
        if (text.charCodeAt(i) === 34 /* " */) {
            // quoted field
            let value = '';
            let from = i + 1;
            for (;;) {
                const q = text.indexOf('"', from);
                if (q < 0)
                    throw new LookalikeError(`cannot read ${source}: line ${line} has a quoted value that is never closed`);
                value += text.slice(from, q);
                if (text.charCodeAt(q + 1) === 34) {
                    value += '"';
                    from = q + 2;
                    continue;
                }
                for (let k = from; k < q; k++)
                    if (text.charCodeAt(k) === 10)
                        lines++;
                i = q + 1;
                break;
            }
            // text after the closing quote up to the delimiter or line end is kept (lenient, as most readers are)
            let j = i;
            while (j < n && !isDelim(j) && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13)
                j++;
            value += text.slice(i, j);
            i = j;
            fields.push(value === '' ? null : value);
        }
        else {
            let j = i;
            while (j < n) {
                const c = text.charCodeAt(j);
                if (c === 10 || c === 13 || (c === dc && isDelim(j)))
                    break;
                j++;
            }
            fields.push(j === i ? null : text.slice(i, j));
            i = j;
        }
        if (i >= n)
            return { fields, line, end: n, lines };
        if (isDelim(i)) {
            i += dl;
            continue;
        }
        // a line break ends the record
        if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10)
            i += 2;
        else
            i += 1;
        return { fields, line, end: i, lines: lines + 1 };
    }
}
/** Skips blank lines from `pos`; returns the new position and the lines skipped. */
function skipBlank(text, pos) {
    let lines = 0;
    while (pos < text.length) {
        const c = text.charCodeAt(pos);
        if (c === 10) {
            pos++;
            lines++;
        }
        else if (c === 13) {
            pos += text.charCodeAt(pos + 1) === 10 ? 2 : 1;
            lines++;
        }
        else
            break;
    }
    return { pos, lines };
}
/** The number of fields of the first non-blank record under `delimiter`, or 0 when it cannot be read. */
function headerWidth(text, delimiter) {
    try {
        const start = skipBlank(text, 0).pos;
        return readRecord(text, start, delimiter, 1, '')?.fields.length ?? 0;
    }
    catch {
        return 0;
    }
}
/** Reads CSV / TSV text into string raw columns (see the module comment). */
export function parseDelimited(text, opts = {}) {
    const source = opts.source ?? 'the table';
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    if (text.trim() === '')
        throw new LookalikeError(`cannot read ${source}: it holds only blank lines`);
    let delimiter = opts.delimiter;
    if (delimiter === undefined) {
        let best = 0;
        for (const d of [opts.defaultDelimiter ?? ',', ',', '\t', ';', '|']) {
            const w = headerWidth(text, d);
            if (w > best) {
                best = w;
                delimiter = d;
            }
        }
        delimiter ??= opts.defaultDelimiter ?? ',';
    }
    const warnings = [];
    let { pos, lines: line } = skipBlank(text, 0);
    line += 1;
    const head = readRecord(text, pos, delimiter, line, source);
    if (head.fields.length > MAX_TEXT_COLUMNS)
        throw new LookalikeError(`cannot read ${source}: it has ${head.fields.length.toLocaleString('en-US')} columns; lookalike reads at most ` +
            `${MAX_TEXT_COLUMNS.toLocaleString('en-US')} — select the columns you need first`);
    const names = columnNames(head.fields.map((f) => f ?? ''), (m) => warnings.push(m));
    const m = names.length;
    const cells = names.map(() => []);
    pos = head.end;
    line += head.lines;
    for (;;) {
        const blank = skipBlank(text, pos);
        pos = blank.pos;
        line += blank.lines;
        const rec = readRecord(text, pos, delimiter, line, source);
        if (rec === null)
            break;
        if (rec.fields.length !== m)
            throw new LookalikeError(`cannot read ${source}: line ${line} has ${rec.fields.length} field(s), the header has ${m}`);
        for (let k = 0; k < m; k++)
            cells[k].push(rec.fields[k]);
        pos = rec.end;
        line += rec.lines;
    }
    if (cells[0].length === 0)
        throw new LookalikeError(`cannot read ${source}: it has a header but no data rows`);
    return {
        columns: names.map((name, k) => ({ name, type: 'string', values: cells[k] })),
        delimiter,
        warnings,
    };
}
//# sourceMappingURL=delimited.js.map