/**
 * Arrow IPC (file or stream format: `.arrow`, `.feather` v2) through the `apache-arrow` package. DuckDB's arrow
 * extension would need a network download, so this one format does not go through DuckDB.
 */
import { readFile } from 'node:fs/promises';
import { tableFromIPC, Type } from 'apache-arrow';
import { infiniteToMissing } from './duck.js';
/** Column-type problems (nested or binary columns), thrown together before any value is converted. */
export class ArrowTypeProblems extends Error {
    problems;
    constructor(problems) {
        super(problems.join('; '));
        this.problems = problems;
    }
}
/** Parses Arrow IPC bytes; throws whatever apache-arrow throws for bytes that are not Arrow IPC. */
export async function readArrowFile(path) {
    const bytes = await readFile(path);
    return tableFromIPC(bytes);
}
const TWO_53 = 2 ** 53;
/** Converts the columns of an Arrow table to raw columns (Int64 beyond 2^53 is rounded, with a warning). */
export function arrowToRaw(t, warn) {
    const problems = [];
    const out = [];
    const n = t.numRows;
    for (const field of t.schema.fields) {
        const name = field.name;
        const v = t.getChild(name);
        const id = field.type.typeId;
        switch (id) {
            case Type.Int:
            case Type.Float:
            case Type.Decimal: {
                const values = new Float64Array(n);
                let over = 0;
                for (let i = 0; i < n; i++) {
                    const x = v.get(i);
                    if (x === null || x === undefined)
                        values[i] = NaN;
                    else if (typeof x === 'bigint') {
                        const f = Number(x);
                        if (Math.abs(f) >= TWO_53)
                            over++;
                        values[i] = f;
                    }
                    else
                        values[i] = Number(x);
                }
                if (over)
                    warn(`column "${name}": ${over} value(s) reach 2^53 in magnitude and may have been rounded`);
                const inf = infiniteToMissing([values]);
                if (inf)
                    warn(`column "${name}": ${inf} infinite value(s) read as missing`);
                out.push({ name, type: 'number', values });
                break;
            }
            case Type.Bool: {
                const values = new Int8Array(n);
                for (let i = 0; i < n; i++) {
                    const x = v.get(i);
                    values[i] = x === null ? -1 : x ? 1 : 0;
                }
                out.push({ name, type: 'boolean', values });
                break;
            }
            case Type.Date:
            case Type.Timestamp: {
                // apache-arrow returns epoch milliseconds for every date and timestamp unit.
                const values = new Float64Array(n);
                for (let i = 0; i < n; i++) {
                    const x = v.get(i);
                    values[i] = x === null ? NaN : x;
                }
                out.push({ name, type: 'datetime', values, dateOnly: id === Type.Date && isDay(field.type) });
                break;
            }
            case Type.Utf8:
            case Type.LargeUtf8:
            case Type.Utf8View:
            case Type.Dictionary:
            case Type.Null: {
                if (id === Type.Dictionary) {
                    const valueType = field.type.dictionary?.typeId;
                    if (valueType !== Type.Utf8 && valueType !== Type.LargeUtf8) {
                        problems.push(`column "${name}" is a dictionary of non-text values, which lookalike cannot read`);
                        break;
                    }
                    out.push(dictionaryColumn(name, v, n));
                    break;
                }
                const values = new Array(n);
                for (let i = 0; i < n; i++) {
                    const x = v.get(i);
                    values[i] = x ?? null;
                }
                out.push({ name, type: 'string', values });
                break;
            }
            case Type.List:
            case Type.LargeList:
            case Type.FixedSizeList:
            case Type.Struct:
            case Type.Map:
            case Type.Union:
                problems.push(`column "${name}" holds nested values (${String(field.type)}); flatten it first`);
                break;
            default:
                problems.push(`column "${name}" has Arrow type ${String(field.type)}, which lookalike cannot read`);
        }
    }
    if (problems.length)
        throw new ArrowTypeProblems(problems);
    return out;
}
/**
 * A dictionary-encoded Arrow text column as a `dictionary` raw column: one global dictionary over all record
 * batches (each batch may carry its own), codes remapped per batch, -1 = missing.
 */
function dictionaryColumn(name, v, n) {
    const dictionary = [];
    const lookup = new Map();
    const codes = new Int32Array(n);
    let o = 0;
    for (const d of v.data) {
        const local = d.dictionary ? d.dictionary.toArray() : [];
        const remap = new Int32Array(local.length);
        local.forEach((s, i) => {
            if (s === null) {
                remap[i] = -1;
                return;
            }
            let k = lookup.get(s);
            if (k === undefined) {
                k = dictionary.length;
                dictionary.push(s);
                lookup.set(s, k);
            }
            remap[i] = k;
        });
        for (let i = 0; i < d.length; i++) {
            codes[o++] = d.nullCount > 0 && !d.getValid(i) ? -1 : remap[d.values[i]];
        }
    }
    return { name, type: 'dictionary', codes, dictionary };
}
function isDay(type) {
    // DateDay has unit 0 (DAY); DateMillisecond (unit 1) may carry a time of day.
    return type.unit === 0;
}
//# sourceMappingURL=arrow.js.map