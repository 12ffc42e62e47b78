/**
 * The limits of what lookalike reads, in one place (docs/io.md "Limits" and the README list them with the error a
 * user sees past each). A table is held in memory as typed columns, so its size is bounded by the machine's
 * memory; the checks here refuse a table that would not fit *before* it is materialised, instead of letting the
 * process die of an out-of-memory abort with no message.
 */
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
/** The most columns a table may have. */
export const MAX_COLUMNS = 10_000;
export function columnsProblem(n) {
    return (`it has ${n.toLocaleString('en-US')} columns; lookalike reads at most ${MAX_COLUMNS.toLocaleString('en-US')} — ` +
        'select the columns you need first');
}
/** Deepest nesting of arrays/objects in a JSON or JSONL data file (flat records need 2). */
export const MAX_JSON_DEPTH = 100;
/** Largest JSON side file (metadata, model, policy, evaluation) read whole into memory. */
export const MAX_JSON_FILE_BYTES = 256 * 2 ** 20;
/** Bytes one cell takes once read, by raw column type (strings: a pointer plus a short string on the JS heap). */
export const CELL_BYTES = { number: 8, datetime: 8, boolean: 1, dictionary: 4, string: 64 };
/**
 * Inference and fitting hold about this many more copies of a column than the reader hands over (codes, typed
 * values, a training split), so a table is refused when it would take more than 1/HEADROOM of the memory.
 */
const HEADROOM = 3;
function parseBytes(s) {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$/i.exec(s);
    if (!m)
        return undefined;
    const unit = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40 }[m[2].toLowerCase()];
    return Number(m[1]) * unit;
}
/**
 * The memory a table may use, in bytes: `LOOKALIKE_MEMORY_LIMIT` (e.g. `4GB`) when set, else the smaller of the
 * machine's memory and the process's cgroup limit. Typed columns live outside the JS heap; string columns live on
 * it, so they are held to the heap limit (raise it with NODE_OPTIONS=--max-old-space-size=MB).
 */
export function memoryBudget() {
    const env = process.env.LOOKALIKE_MEMORY_LIMIT;
    const parsed = env !== undefined ? parseBytes(env) : undefined;
    const constrained = process.constrainedMemory?.();
    const machine = Math.min(totalmem(), constrained && constrained > 0 ? constrained : Infinity);
    const total = parsed ?? machine;
    const heap = Math.min(getHeapStatistics().heap_size_limit, total);
    return { total, heap, fromEnv: parsed !== undefined };
}
function gb(bytes) {
    return bytes >= 2 ** 30 ? `${(bytes / 2 ** 30).toFixed(1)} GB` : `${Math.ceil(bytes / 2 ** 20)} MB`;
}
/**
 * A problem text when `nRows` rows of columns of the given raw types would not fit in memory, else null.
 * Estimate: CELL_BYTES per cell, times HEADROOM for the copies inference and fitting make.
 */
export function memoryProblem(nRows, types) {
    let typed = 0;
    let strings = 0;
    for (const t of types) {
        if (t === 'string')
            strings += nRows * CELL_BYTES.string;
        else
            typed += nRows * CELL_BYTES[t];
    }
    const budget = memoryBudget();
    const need = (typed + strings) * HEADROOM;
    const where = budget.fromEnv ? 'LOOKALIKE_MEMORY_LIMIT' : 'this machine';
    const size = `${nRows.toLocaleString('en-US')} rows × ${types.length.toLocaleString('en-US')} columns`;
    if (need > budget.total) {
        return (`it has ${size}, which needs about ${gb(need)} of memory to work with; ${where} allows ${gb(budget.total)} — ` +
            `read a sample or fewer columns (e.g. --sql "SELECT … USING SAMPLE 10%"), or set LOOKALIKE_MEMORY_LIMIT`);
    }
    if (strings * HEADROOM > budget.heap) {
        return (`it has ${size} with many distinct text values, which need about ${gb(strings * HEADROOM)} of JavaScript heap; ` +
            `the heap limit is ${gb(budget.heap)} — raise it with NODE_OPTIONS=--max-old-space-size=<MB>, or read fewer rows`);
    }
    return null;
}
//# sourceMappingURL=limits.js.map