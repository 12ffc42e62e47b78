/**
 * Small JSON files the CLI reads (metadata, models, policies): clear errors naming the file and, where the
 * parser tells, the line and column — never the file's content.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { LookalikeError } from '../errors.js';
import { MAX_JSON_FILE_BYTES } from './limits.js';
/**
 * Reads and parses the JSON file at `path`; `kind` names it in messages (e.g. "metadata", "model").
 * Throws `LookalikeError` for a missing file, a directory, an empty file, invalid UTF-8 or invalid JSON.
 */
export async function readJsonFile(path, kind) {
    const what = kind.replace(/\s+file$/i, ''); // "metadata" and "metadata file" read the same
    let bytes;
    try {
        const { size } = await stat(path);
        if (size > MAX_JSON_FILE_BYTES) {
            throw new LookalikeError(`${what} file ${path} is ${Math.ceil(size / 2 ** 20)} MB; lookalike reads ${what} files of at most ` +
                `${MAX_JSON_FILE_BYTES / 2 ** 20} MB`);
        }
        bytes = await readFile(path);
    }
    catch (e) {
        if (e instanceof LookalikeError)
            throw e;
        const code = e.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            throw new LookalikeError(`${what} file not found: ${path}`);
        if (code === 'EISDIR')
            throw new LookalikeError(`cannot read ${what} file ${path}: it is a directory, not a file`);
        if (code === 'EACCES')
            throw new LookalikeError(`cannot read ${what} file ${path}: permission denied`);
        throw new LookalikeError(`cannot read ${what} file ${path}: ${code ?? 'unknown error'}`);
    }
    if (bytes.length === 0)
        throw new LookalikeError(`${what} file ${path} is empty (0 bytes)`);
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new LookalikeError(`${what} file ${path} is not valid UTF-8`);
    }
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    try {
        return JSON.parse(text);
    }
    catch (e) {
        const msg = e.message;
        throw new LookalikeError(`${what} file ${path} is not valid JSON${jsonErrorWhere(text, msg)}: ${jsonReason(msg)}`);
    }
}
/** V8's reason without the part that quotes the input ("Unexpected token 'x', "…" is not valid JSON"). */
function jsonReason(message) {
    if (/^Unexpected token/.test(message))
        return 'unexpected token';
    const r = message.replace(/ (in|after) JSON at position \d+.*$/s, '').replace(/ in JSON$/, '');
    return r.includes('"') || r.length > 120 ? 'syntax error' : r.charAt(0).toLowerCase() + r.slice(1);
}
/**
 * " (line L, column C)" from a V8 JSON.parse message when it gives a position, else "". The rest of V8's
 * message is dropped: it quotes the input.
 */
function jsonErrorWhere(text, message) {
    const m = /at position (\d+)/.exec(message);
    let pos;
    if (m)
        pos = Number(m[1]);
    else if (/Unexpected end of JSON input/i.test(message))
        pos = text.length;
    else
        return '';
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < pos && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) {
            line++;
            lineStart = i + 1;
        }
    }
    return ` (line ${line}, column ${pos - lineStart + 1})`;
}
/**
 * Throws a `LookalikeError` when the JSON (or JSONL) data file at `path` nests arrays or objects more than `max`
 * levels deep. DuckDB's JSON reader recurses per level and crashes the process (a segmentation fault, no message)
 * somewhere past ten thousand levels; flat records need two. One streaming pass over the bytes (gzip is
 * decompressed), counting brackets outside strings; anything else malformed is left for the reader to report.
 */
export async function checkJsonDepth(path, max) {
    const input = createReadStream(path);
    const bytes = (/\.gz$/i.test(path) ? input.pipe(createGunzip()) : input);
    let depth = 0;
    let line = 1;
    let inString = false;
    let escaped = false;
    try {
        for await (const chunk of bytes) {
            for (let i = 0; i < chunk.length; i++) {
                const b = chunk[i];
                if (b === 0x0a)
                    line++;
                if (inString) {
                    if (escaped)
                        escaped = false;
                    else if (b === 0x5c)
                        escaped = true;
                    else if (b === 0x22)
                        inString = false;
                }
                else if (b === 0x22)
                    inString = true;
                else if (b === 0x5b || b === 0x7b) {
                    if (++depth > max) {
                        throw new LookalikeError(`cannot read ${path}: line ${line} nests arrays or objects more than ${max} levels deep; lookalike ` +
                            'reads flat records (a JSON array of objects, or one object per line)');
                    }
                }
                else if (b === 0x5d || b === 0x7d)
                    depth--;
            }
        }
    }
    catch (e) {
        if (e instanceof LookalikeError)
            throw e;
        // unreadable or corrupt gzip: the reader reports it
    }
    finally {
        input.destroy();
    }
}
//# sourceMappingURL=json.js.map