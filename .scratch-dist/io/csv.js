/**
 * CSV / TSV specifics: choosing the dialect (DuckDB's sniffer, with safe fallbacks and user overrides), reading
 * the header record, and formatting cells for output (RFC 4180).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { LookalikeError } from '../errors.js';
import { sqlString } from './duck.js';
/** The sniffer's line limit (DuckDB's read keeps its default, 2 MB). */
const SNIFF_MAX_LINE_SIZE = 16 * 2 ** 20;
/** The bytes read from the start of a file to find its header record. */
const HEAD_BYTES = 1 << 20;
/** The start of a file, decoded as UTF-8 up to its last complete line (BOM removed). */
export async function readHead(path, display) {
    let bytes;
    let complete;
    if (/\.gz$/i.test(path)) {
        ({ bytes, complete } = await gunzipHead(path, display));
    }
    else {
        const fh = await open(path, 'r');
        try {
            const buf = new Uint8Array(HEAD_BYTES);
            const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
            complete = bytesRead < HEAD_BYTES;
            bytes = buf.subarray(0, bytesRead);
        }
        finally {
            await fh.close();
        }
    }
    if (!complete) {
        const lastNl = bytes.lastIndexOf(10);
        if (lastNl >= 0)
            bytes = bytes.subarray(0, lastNl + 1);
    }
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        bytes = bytes.subarray(3);
    try {
        // `stream` keeps a multi-byte character cut at the end of a partial read from counting as invalid.
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    }
    catch {
        // Find the first line holding the bad sequence (lines are counted from 1).
        let line = 1;
        let start = 0;
        const dec = new TextDecoder('utf-8', { fatal: true });
        for (let i = 0; i <= bytes.length; i++) {
            if (i === bytes.length || bytes[i] === 10) {
                try {
                    dec.decode(bytes.subarray(start, i));
                }
                catch {
                    break;
                }
                line++;
                start = i + 1;
            }
        }
        throw new LookalikeError(`cannot read ${display}: line ${line} is not valid UTF-8`);
    }
}
/** The first HEAD_BYTES of a gzip file's content. */
async function gunzipHead(path, display) {
    const parts = [];
    let size = 0;
    const input = createReadStream(path);
    const gunzip = createGunzip();
    try {
        for await (const part of input.pipe(gunzip)) {
            parts.push(part);
            size += part.length;
            if (size >= HEAD_BYTES)
                break;
        }
    }
    catch {
        throw new LookalikeError(`cannot read ${display}: it is not a readable gzip file`);
    }
    finally {
        input.destroy();
        gunzip.destroy();
    }
    const all = Buffer.concat(parts);
    return size >= HEAD_BYTES
        ? { bytes: all.subarray(0, HEAD_BYTES), complete: false }
        : { bytes: all, complete: true };
}
/**
 * The fields of the first record of `text` under `dialect` (quotes may span lines), or null when the record
 * does not end inside `text` (an unclosed quote).
 */
export function firstRecord(text, d) {
    const fields = [];
    let field = '';
    let inQuotes = false;
    let i = 0;
    const { delimiter: del, quote: q, escape: esc } = d;
    while (i < text.length) {
        if (inQuotes) {
            if (esc && esc !== q && text.startsWith(esc, i) && text.startsWith(q, i + esc.length)) {
                field += q;
                i += esc.length + q.length;
            }
            else if (text.startsWith(q, i)) {
                if (esc === q && text.startsWith(q, i + q.length)) {
                    field += q;
                    i += 2 * q.length;
                }
                else {
                    inQuotes = false;
                    i += q.length;
                }
            }
            else {
                field += text[i++];
            }
        }
        else if (q && text.startsWith(q, i) && field === '') {
            inQuotes = true;
            i += q.length;
        }
        else if (text.startsWith(del, i)) {
            fields.push(field);
            field = '';
            i += del.length;
        }
        else if (text[i] === '\n' || text[i] === '\r') {
            fields.push(field);
            return fields;
        }
        else {
            field += text[i++];
        }
    }
    if (inQuotes)
        return null;
    fields.push(field);
    return fields;
}
function firstLine(text) {
    const m = /[\r\n]/.exec(text);
    return m ? text.slice(0, m.index) : text;
}
/**
 * The dialect to read a CSV/TSV file with. User overrides win; otherwise DuckDB's sniffer chooses, except when it
 * fails or finds a single column although the first line holds the format's usual delimiter — that is what a
 * file with ragged rows looks like to a sniffer, and reading it with the usual delimiter in strict mode reports
 * the ragged line instead of silently reading one wide column.
 */
export async function csvDialect(con, path, head, defaultDelimiter, o) {
    // The line break of the first record, found outside quotes: DuckDB guesses it per file and, when a quoted value
    // holds a lone \r before the first real line break, reads the file as \r-separated (silently losing rows).
    // Only \n is passed on: DuckDB 1.5 reads no rows at all from a \r\n file given new_line='\r\n'.
    const newline = lineBreak(head, o.quote ?? '"') === '\\n' ? '\\n' : undefined;
    const wide = wideDialect(head, defaultDelimiter, o);
    if (wide)
        return { ...wide, ...(newline ? { newline } : {}) };
    const args = newline ? [`new_line=${sqlString(newline)}`] : [];
    if (o.delimiter !== undefined)
        args.push(`delim=${sqlString(o.delimiter)}`);
    if (o.quote !== undefined)
        args.push(`quote=${sqlString(o.quote)}`);
    if (o.header !== undefined)
        args.push(`header=${o.header}`);
    let sniffed = null;
    try {
        const r = await con.runAndReadAll(
        // a larger line limit than the read's: the sniffer only picks the dialect, and on a line over its limit it
        // retries for seconds before failing; the read below then reports the long line at once
        `SELECT Delimiter, Quote, Escape, HasHeader, len(Columns) FROM sniff_csv(${[sqlString(path), ...args, `max_line_size=${SNIFF_MAX_LINE_SIZE}`].join(', ')})`);
        const row = r.getRows()[0];
        const empty = (s) => (s === '(empty)' ? '' : String(s));
        sniffed = {
            delimiter: empty(row[0]),
            quote: empty(row[1]),
            escape: empty(row[2]),
            header: row[3] === true,
            nCols: Number(row[4]),
        };
    }
    catch {
        sniffed = null; // the read below, in strict mode, reports what is wrong with the file
    }
    const defDel = o.delimiter ?? defaultDelimiter;
    const trustSniff = sniffed !== null && sniffed.delimiter !== '' && (sniffed.nCols > 1 || !firstLine(head).includes(defDel));
    const delimiter = o.delimiter ?? (trustSniff ? sniffed.delimiter : defaultDelimiter);
    // The sniffer reports "no quote" for files whose sample has no quoted field; a later quoted field must still
    // be unquoted, so the quote defaults to '"' (RFC 4180). Exception: tab-separated files, which often carry
    // literal quotes (IANA TSV has no quoting, e.g. `"Big" Mac`), when the start of the file holds '"' and the
    // sniffer still chose no quote. A CSV keeps '"', so an unclosed quote there is reported, not read as text.
    const noQuote = trustSniff && sniffed.quote === '' && delimiter === '\t' && head.includes('"');
    const quote = o.quote ?? (trustSniff && sniffed.quote ? sniffed.quote : noQuote ? '' : '"');
    const escape = trustSniff && sniffed.escape && sniffed.quote === quote ? sniffed.escape : quote;
    const header = o.header ?? (trustSniff ? sniffed.header : true);
    return { delimiter, quote, escape, header, ...(newline ? { newline } : {}) };
}
/**
 * The first line break outside quoted values, spelled as DuckDB's `new_line` option wants it, or undefined when
 * the text has none (a one-line file) or ends inside a quote.
 */
export function lineBreak(text, quote) {
    let inQuotes = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quote && ch === quote)
            inQuotes = !inQuotes;
        else if (!inQuotes && (ch === '\n' || ch === '\r')) {
            return ch === '\n' ? '\\n' : text[i + 1] === '\n' ? '\\r\\n' : '\\r';
        }
    }
    return undefined;
}
/** Files whose first line has at least this many fields are not sniffed by DuckDB (see `wideDialect`). */
export const WIDE_COLUMNS = 200;
const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/**
 * The dialect of a wide file (≥ WIDE_COLUMNS fields on its first line), decided here instead of by DuckDB's
 * sniffer, whose cost grows with the column count (about 4 s of CPU for 5,000 columns): the delimiter among
 * the extension's, `,`, tab, `;` and `|` that splits the first line into the most fields (or the user's), quote
 * `"` doubled to escape (or the user's), and a header unless every field of the first line is a number (or the
 * user's choice). Null for narrower files.
 */
function wideDialect(head, defaultDelimiter, o) {
    const quote = o.quote ?? '"';
    let best = null;
    for (const delimiter of o.delimiter !== undefined
        ? [o.delimiter]
        : [defaultDelimiter, ',', '\t', ';', '|']) {
        const fields = firstRecord(head, { delimiter, quote, escape: quote });
        if (fields && (!best || fields.length > best.fields.length))
            best = { delimiter, fields };
    }
    if (!best || best.fields.length < WIDE_COLUMNS)
        return null;
    const header = o.header ?? !best.fields.every((f) => NUMBER.test(f));
    return { delimiter: best.delimiter, quote, escape: quote, header };
}
/** The `read_csv(...)` table expression for `path` with a fixed dialect and every column read as text. */
export function csvRelation(path, d, names) {
    const cols = names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ');
    return (`read_csv(${sqlString(path)}, auto_detect=false, delim=${sqlString(d.delimiter)}, quote=${sqlString(d.quote)}, ` +
        `escape=${sqlString(d.escape)}, header=${d.header}, columns={${cols}}, strict_mode=true, null_padding=false, ` +
        (d.newline ? `new_line=${sqlString(d.newline)}, ` : '') +
        `ignore_errors=false)`);
}
export { csvField } from '../table/text.js';
export { columnNames } from '../table/delimited.js';
//# sourceMappingURL=csv.js.map