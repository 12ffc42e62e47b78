import { datetimeCodec } from '../table/datetime.js';
const SEP = '\u001f';
/** The canonical text of every cell of a column (null = missing). */
export function keyTexts(c) {
    const n = c.kind === 'categorical' ? c.codes.length : c.values.length;
    const out = new Array(n);
    switch (c.kind) {
        case 'numeric':
            for (let i = 0; i < n; i++)
                out[i] = Number.isNaN(c.values[i]) ? null : String(c.values[i]);
            break;
        case 'datetime': {
            const codec = datetimeCodec(c.format);
            for (let i = 0; i < n; i++)
                out[i] = Number.isNaN(c.values[i]) ? null : codec.format_(c.values[i]);
            break;
        }
        case 'boolean':
            for (let i = 0; i < n; i++)
                out[i] = c.values[i] < 0 ? null : c.values[i] === 1 ? 'true' : 'false';
            break;
        case 'categorical':
            for (let i = 0; i < n; i++)
                out[i] = c.codes[i] < 0 ? null : c.categories[c.codes[i]];
            break;
        case 'id':
        case 'text':
            for (let i = 0; i < n; i++)
                out[i] = c.values[i];
            break;
    }
    return out;
}
/**
 * One key per row over `columns` of `table` (null when any part is missing). `partial` counts rows where some
 * but not all parts are missing (a broken composite key).
 */
export function rowKeys(table, columns) {
    const parts = columns.map((c) => keyTexts(table.column(c)));
    const n = table.nRows;
    if (parts.length === 1)
        return { keys: parts[0], partial: 0 };
    const keys = new Array(n);
    let partial = 0;
    for (let i = 0; i < n; i++) {
        let missing = 0;
        let s = '';
        for (let j = 0; j < parts.length; j++) {
            const v = parts[j][i];
            if (v === null)
                missing++;
            else
                s += (j ? SEP : '') + v;
        }
        if (missing) {
            keys[i] = null;
            if (missing < parts.length)
                partial++;
        }
        else
            keys[i] = s;
    }
    return { keys, partial };
}
/** Row index of each distinct key (the first row holding it), and how many rows repeat an earlier key. */
export function keyIndex(keys) {
    const index = new Map();
    let duplicates = 0;
    for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k === null)
            continue;
        if (index.has(k))
            duplicates++;
        else
            index.set(k, i);
    }
    return { index, duplicates };
}
/**
 * For every child row, the row of its parent (-1 when the foreign key is missing or matches no parent).
 * `orphans` counts rows whose complete key matches no parent; `missing` rows without a (complete) key.
 */
export function parentRows(child, columns, parentIndex) {
    const { keys, partial } = rowKeys(child, columns);
    const rows = new Int32Array(keys.length);
    let orphans = 0;
    let missing = 0;
    for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k === null) {
            rows[i] = -1;
            missing++;
            continue;
        }
        const p = parentIndex.get(k);
        if (p === undefined) {
            rows[i] = -1;
            orphans++;
        }
        else
            rows[i] = p;
    }
    return { rows, orphans, missing, partial };
}
/** Number of children of each parent row, from the child → parent row map (-1 = none). */
export function childCounts(parentOfChild, nParents) {
    const counts = new Int32Array(nParents);
    for (let i = 0; i < parentOfChild.length; i++) {
        const p = parentOfChild[i];
        if (p >= 0)
            counts[p]++;
    }
    return counts;
}
//# sourceMappingURL=keys.js.map