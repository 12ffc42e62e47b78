/** Columns the attacks can use: not role `id`, kind numeric, datetime, categorical or boolean. */
export function usableColumns(table, schema) {
    const idRole = new Set((schema?.columns ?? []).filter((c) => c.role === 'id').map((c) => c.name));
    const num = [];
    const cat = [];
    for (const c of table.columns) {
        if (idRole.has(c.name))
            continue;
        if (c.kind === 'numeric' || c.kind === 'datetime')
            num.push(c.name);
        else if (c.kind === 'categorical' || c.kind === 'boolean')
            cat.push(c.name);
    }
    return { num, cat };
}
/** Shannon entropy of a categorical or boolean column (missing as its own value). */
function entropy(table, name) {
    const c = table.column(name);
    const v = c.kind === 'categorical' ? c.codes : c.values;
    const counts = new Map();
    for (let i = 0; i < v.length; i++)
        counts.set(v[i], (counts.get(v[i]) ?? 0) + 1);
    let h = 0;
    for (const k of counts.values())
        h -= (k / v.length) * Math.log(k / v.length);
    return h;
}
/**
 * A space whose numeric ranges come from `reference` (the real training table). Categorical features are ordered
 * by decreasing entropy in the reference (ties by name order), so the distance kernel meets a mismatch early.
 */
export function makeSpace(reference, numNames, catNamesIn) {
    const ent = new Map(catNamesIn.map((n) => [n, entropy(reference, n)]));
    const catNames = [...catNamesIn].sort((a, b) => ent.get(b) - ent.get(a));
    const lo = new Float64Array(numNames.length);
    const invRange = new Float64Array(numNames.length);
    numNames.forEach((name, k) => {
        const c = reference.column(name);
        const v = c.values;
        let mn = Infinity, mx = -Infinity;
        for (let i = 0; i < v.length; i++) {
            const x = v[i];
            if (x < mn)
                mn = x;
            if (x > mx)
                mx = x;
        }
        lo[k] = Number.isFinite(mn) ? mn : 0;
        invRange[k] = mx > mn ? 1 / (mx - mn) : 0;
    });
    return {
        numNames: [...numNames],
        catNames: [...catNames],
        lo,
        invRange,
        categories: catNames.map(() => []),
    };
}
function sharedCodes(space, k, table, name) {
    const c = table.column(name);
    const dict = space.categories[k];
    const lookup = new Map(dict.map((s, i) => [s, i]));
    const code = (s) => {
        let j = lookup.get(s);
        if (j === undefined) {
            j = dict.length;
            dict.push(s);
            lookup.set(s, j);
        }
        return j;
    };
    const n = table.nRows;
    const out = new Int32Array(n);
    if (c.kind === 'categorical') {
        const remap = c.categories.map(code);
        for (let i = 0; i < n; i++) {
            const x = c.codes[i];
            out[i] = x < 0 ? -1 : remap[x];
        }
    }
    else if (c.kind === 'boolean') {
        const f = code('false'), t = code('true');
        for (let i = 0; i < n; i++) {
            const x = c.values[i];
            out[i] = x < 0 ? -1 : x === 1 ? t : f;
        }
    }
    else {
        throw new Error(`column "${name}" is ${c.kind}, not categorical or boolean`);
    }
    return out;
}
/** Encode a table in `space` (the table must have every feature column, with a compatible kind). */
export function encode(space, table) {
    const n = table.nRows;
    const nNum = space.numNames.length;
    const nCat = space.catNames.length;
    const numCols = space.numNames.map((name) => table.column(name).values);
    const catCols = space.catNames.map((name, k) => sharedCodes(space, k, table, name));
    const num = new Float64Array(n * nNum);
    for (let k = 0; k < nNum; k++) {
        const v = numCols[k];
        const lo = space.lo[k], s = space.invRange[k];
        for (let i = 0; i < n; i++)
            num[i * nNum + k] = (v[i] - lo) * s;
    }
    const cat = new Int32Array(n * nCat);
    for (let k = 0; k < nCat; k++) {
        const v = catCols[k];
        for (let i = 0; i < n; i++)
            cat[i * nCat + k] = v[i];
    }
    return { n, nNum, nCat, num, cat, numCols, catCols };
}
/** The same rows restricted to some features (indices into the numeric and categorical features). */
export function project(e, numKeep, catKeep) {
    const n = e.n, a = numKeep.length, b = catKeep.length;
    const num = new Float64Array(n * a);
    const cat = new Int32Array(n * b);
    for (let i = 0; i < n; i++) {
        for (let k = 0; k < a; k++)
            num[i * a + k] = e.num[i * e.nNum + numKeep[k]];
        for (let k = 0; k < b; k++)
            cat[i * b + k] = e.cat[i * e.nCat + catKeep[k]];
    }
    return {
        n,
        nNum: a,
        nCat: b,
        num,
        cat,
        numCols: numKeep.map((k) => e.numCols[k]),
        catCols: catKeep.map((k) => e.catCols[k]),
    };
}
/** Rows picked by index (column-major copies only when the source has them). */
export function takeRows(e, index) {
    const n = index.length;
    const num = new Float64Array(n * e.nNum);
    const cat = new Int32Array(n * e.nCat);
    const numCols = e.numCols.map(() => new Float64Array(n));
    const catCols = e.catCols.map(() => new Int32Array(n));
    for (let t = 0; t < n; t++) {
        const i = index[t];
        num.set(e.num.subarray(i * e.nNum, (i + 1) * e.nNum), t * e.nNum);
        cat.set(e.cat.subarray(i * e.nCat, (i + 1) * e.nCat), t * e.nCat);
        for (let k = 0; k < numCols.length; k++)
            numCols[k][t] = e.numCols[k][i];
        for (let k = 0; k < catCols.length; k++)
            catCols[k][t] = e.catCols[k][i];
    }
    return { n, nNum: e.nNum, nCat: e.nCat, num, cat, numCols, catCols };
}
//# sourceMappingURL=space.js.map