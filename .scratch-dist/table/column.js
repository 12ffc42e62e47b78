export const COLUMN_KINDS = [
    'numeric',
    'categorical',
    'boolean',
    'datetime',
    'id',
    'text',
];
export function columnLength(c) {
    switch (c.kind) {
        case 'numeric':
        case 'datetime':
        case 'boolean':
        case 'id':
        case 'text':
            return c.values.length;
        case 'categorical':
            return c.codes.length;
    }
}
export function isMissing(c, i) {
    switch (c.kind) {
        case 'numeric':
        case 'datetime':
            return Number.isNaN(c.values[i]);
        case 'categorical':
            return c.codes[i] < 0;
        case 'boolean':
            return c.values[i] < 0;
        case 'id':
        case 'text':
            return c.values[i] === null;
    }
}
export function missingCount(c) {
    const n = columnLength(c);
    let m = 0;
    for (let i = 0; i < n; i++)
        if (isMissing(c, i))
            m++;
    return m;
}
/** The same column with its rows picked by `index` (repeats allowed). */
export function takeColumn(c, index) {
    const n = index.length;
    switch (c.kind) {
        case 'numeric':
        case 'datetime': {
            const v = new Float64Array(n);
            for (let i = 0; i < n; i++)
                v[i] = c.values[index[i]];
            return { ...c, values: v };
        }
        case 'boolean': {
            const v = new Int8Array(n);
            for (let i = 0; i < n; i++)
                v[i] = c.values[index[i]];
            return { ...c, values: v };
        }
        case 'categorical': {
            const v = new Int32Array(n);
            for (let i = 0; i < n; i++)
                v[i] = c.codes[index[i]];
            return { ...c, codes: v };
        }
        case 'id':
        case 'text': {
            const v = new Array(n);
            for (let i = 0; i < n; i++)
                v[i] = c.values[index[i]];
            return { ...c, values: v };
        }
    }
}
/** Concatenate two columns of the same name and kind; categorical dictionaries are merged (a's order first). */
export function concatColumns(a, b) {
    if (a.kind !== b.kind)
        throw new Error(`cannot concatenate column "${a.name}": kinds ${a.kind} and ${b.kind}`);
    switch (a.kind) {
        case 'numeric': {
            const bb = b;
            const v = new Float64Array(a.values.length + bb.values.length);
            v.set(a.values);
            v.set(bb.values, a.values.length);
            return { ...a, values: v, integer: a.integer && bb.integer };
        }
        case 'datetime': {
            const bb = b;
            const v = new Float64Array(a.values.length + bb.values.length);
            v.set(a.values);
            v.set(bb.values, a.values.length);
            return { ...a, values: v };
        }
        case 'boolean': {
            const bb = b;
            const v = new Int8Array(a.values.length + bb.values.length);
            v.set(a.values);
            v.set(bb.values, a.values.length);
            return { ...a, values: v };
        }
        case 'categorical': {
            const bb = b;
            const categories = [...a.categories];
            const lookup = new Map(categories.map((s, i) => [s, i]));
            const remap = new Int32Array(bb.categories.length);
            bb.categories.forEach((s, i) => {
                let k = lookup.get(s);
                if (k === undefined) {
                    k = categories.length;
                    categories.push(s);
                    lookup.set(s, k);
                }
                remap[i] = k;
            });
            const codes = new Int32Array(a.codes.length + bb.codes.length);
            codes.set(a.codes);
            for (let i = 0; i < bb.codes.length; i++) {
                const c = bb.codes[i];
                codes[a.codes.length + i] = c < 0 ? -1 : remap[c];
            }
            return { ...a, codes, categories };
        }
        case 'id':
        case 'text':
            return { ...a, values: [...a.values, ...b.values] };
    }
}
//# sourceMappingURL=column.js.map