import { keyTexts, rowKeys } from './keys.js';
const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
/** The normalised name and its plausible singular forms ("movies" → movie, "categories" → category). */
function forms(s) {
    const n = norm(s);
    const out = [n];
    if (n.endsWith('ies'))
        out.push(n.slice(0, -3) + 'y');
    if (n.endsWith('es'))
        out.push(n.slice(0, -2));
    if (n.endsWith('s') && !n.endsWith('ss'))
        out.push(n.slice(0, -1));
    return out;
}
/** True when `column` is named after `table`: `movieId` / `movie_id` / `movie` for a table `movies`. */
function namedAfter(column, table) {
    const n = norm(column);
    return forms(table).some((f) => n === f || n === `${f}id` || n === `${f}key`);
}
const idNamed = (name) => /(^id$|id$|_id$|Id$|ID$|key$|_key$|Key$)/.test(name) || /^id_/i.test(name);
/** Columns that may be (part of) a key: ids, categoricals, integers, datetimes (for composite keys). */
function keyKindOk(c, composite) {
    if (c.kind === 'id' || c.kind === 'categorical')
        return true;
    if (c.kind === 'numeric')
        return c.integer;
    return composite && c.kind === 'datetime';
}
function noMissing(keys) {
    for (const k of keys)
        if (k === null)
            return false;
    return true;
}
function isUnique(keys) {
    if (!noMissing(keys))
        return false;
    return new Set(keys).size === keys.length;
}
/** Score of a single-column primary-key candidate: higher is more key-like by name and place. */
function pkScore(table, name, position, c) {
    let s = 0;
    if (namedAfter(name, table))
        s += 4;
    else if (norm(name) === 'id')
        s += 3;
    if (idNamed(name))
        s += 2;
    if (position === 0)
        s += 1;
    if (c.kind === 'numeric' || c.kind === 'id')
        s += 1;
    return s;
}
function inferPrimaryKey(name, t, notes) {
    const cols = t.columns;
    const texts = new Map();
    const text = (c) => {
        let v = texts.get(c);
        if (!v)
            texts.set(c, (v = keyTexts(t.column(c))));
        return v;
    };
    const singles = cols
        .map((c, i) => ({ c, i }))
        .filter(({ c }) => keyKindOk(c, false) && isUnique(text(c.name)))
        .sort((a, b) => pkScore(name, b.c.name, b.i, b.c) - pkScore(name, a.c.name, a.i, a.c) || a.i - b.i);
    if (singles.length)
        return [singles[0].c.name];
    const candidates = cols.filter((c) => keyKindOk(c, true) && noMissing(text(c.name)));
    const ids = candidates.filter((c) => idNamed(c.name)).map((c) => c.name);
    const others = candidates.filter((c) => !idNamed(c.name)).map((c) => c.name);
    const unique = (combo) => isUnique(rowKeys(t, combo).keys);
    // a counter within groups of id columns (order lines 1…k within an order) makes the most natural key
    const counters = others.filter((c) => {
        const col = t.column(c);
        return col.kind === 'numeric' && col.integer;
    });
    const groupings = [];
    if (ids.length >= 1 && ids.length <= 4)
        groupings.push(ids);
    if (ids.length > 1)
        for (const id of ids)
            groupings.push([id]);
    for (const g of groupings)
        for (const c of counters)
            if (isCounterWithin(t, g, c) && unique([...g, c]))
                return [...g, c];
    const tried = [];
    // id-named columns together, then id-named columns plus one other, then pairs of any candidates
    if (ids.length >= 2 && ids.length <= 4)
        tried.push(ids);
    for (const o of others)
        if (ids.length >= 1 && ids.length <= 3)
            tried.push([...ids, o]);
    for (let a = 0; a < candidates.length && a < 12; a++)
        for (let b = a + 1; b < candidates.length && b < 12; b++)
            tried.push([candidates[a].name, candidates[b].name]);
    for (const combo of tried)
        if (unique(combo))
            return combo;
    notes.push(`table "${name}": no column or small combination of columns is unique; no primary key proposed`);
    return undefined;
}
/** True when, within every group of `group` columns, `column` holds exactly 1…k (or 0…k−1) for a group of k rows. */
function isCounterWithin(t, group, column) {
    const { keys } = rowKeys(t, group);
    const v = t.column(column).values;
    const stats = new Map();
    for (let i = 0; i < keys.length; i++) {
        const x = v[i];
        if (x !== x || keys[i] === null)
            return false;
        const s = stats.get(keys[i]);
        if (!s)
            stats.set(keys[i], { n: 1, min: x, max: x });
        else {
            s.n++;
            if (x < s.min)
                s.min = x;
            if (x > s.max)
                s.max = x;
        }
    }
    if (stats.size === keys.length)
        return false;
    for (const s of stats.values())
        if ((s.min !== 0 && s.min !== 1) || s.max - s.min + 1 !== s.n)
            return false;
    return true;
}
/** True when the present values are exactly 1…n or 0…n−1 (an autoincrement counter). */
function isCounter(c) {
    if (c.kind !== 'numeric' || !c.integer)
        return false;
    const v = c.values;
    let min = Infinity, max = -Infinity;
    for (let i = 0; i < v.length; i++) {
        if (v[i] < min)
            min = v[i];
        if (v[i] > max)
            max = v[i];
    }
    return (min === 0 || min === 1) && max - min + 1 === v.length;
}
/**
 * Proposes relational metadata for `tables` (in the order given). Column metadata is not included: each table's
 * columns are inferred when it is read; `inspect` adds them to the file it writes.
 */
export function inferRelationalMetadata(tables) {
    const notes = [];
    const names = Object.keys(tables);
    const pks = new Map();
    for (const n of names)
        pks.set(n, inferPrimaryKey(n, tables[n], notes));
    const keySets = new Map();
    for (const n of names) {
        const pk = pks.get(n);
        if (pk?.length === 1)
            keySets.set(n, new Set(keyTexts(tables[n].column(pk[0])).filter((k) => k !== null)));
    }
    const foreignKeys = [];
    const oneToOne = new Set();
    // candidate parents per child column, then the best one
    const proposals = [];
    for (const child of names) {
        const t = tables[child];
        const ownPk = pks.get(child);
        for (const c of t.columns) {
            if (!keyKindOk(c, false))
                continue;
            const vals = keyTexts(c);
            let present = 0;
            for (const v of vals)
                if (v !== null)
                    present++;
            if (present === 0)
                continue;
            const isOwnPk = ownPk?.length === 1 && ownPk[0] === c.name;
            for (const parent of names) {
                if (parent === child)
                    continue;
                const set = keySets.get(parent);
                if (!set)
                    continue;
                const pkCol = pks.get(parent)[0];
                const n = norm(c.name);
                const nameFit = n === norm(pkCol) || namedAfter(c.name, parent);
                const stringIds = c.kind === 'id' && tables[parent].column(pkCol).kind === 'id';
                if (!nameFit && !stringIds)
                    continue;
                let subset = true;
                for (const v of vals)
                    if (v !== null && !set.has(v)) {
                        subset = false;
                        break;
                    }
                if (!subset)
                    continue;
                if (isOwnPk) {
                    const equal = set.size === present;
                    if (!equal && isCounter(c))
                        continue;
                }
                let score = 0;
                if (namedAfter(c.name, parent))
                    score += 2;
                if (n === norm(pkCol))
                    score += 1;
                proposals.push({ child, column: c.name, parent, score, pkToPk: isOwnPk });
            }
        }
    }
    // 1:1 tables first: of two tables whose keys point at each other, the better-named direction is kept
    const pkToPk = proposals.filter((p) => p.pkToPk);
    const dropped = new Set();
    for (const p of pkToPk) {
        const back = pkToPk.find((q) => q.child === p.parent && q.parent === p.child);
        if (!back || dropped.has(p) || dropped.has(back))
            continue;
        const loser = p.score > back.score || (p.score === back.score && names.indexOf(p.parent) < names.indexOf(back.parent))
            ? back
            : p;
        dropped.add(loser);
        const kept = loser === p ? back : p;
        notes.push(`tables "${p.child}" and "${p.parent}" share their keys; proposed ${kept.child} → ${kept.parent}`);
    }
    for (const p of pkToPk)
        if (!dropped.has(p))
            oneToOne.add(p.child);
    const byColumn = new Map();
    for (const p of proposals) {
        if (dropped.has(p))
            continue;
        const k = `${p.child}\u0000${p.column}`;
        byColumn.set(k, [...(byColumn.get(k) ?? []), p]);
    }
    for (const list of byColumn.values()) {
        list.sort((a, b) => b.score - a.score ||
            Number(oneToOne.has(a.parent)) - Number(oneToOne.has(b.parent)) ||
            names.indexOf(a.parent) - names.indexOf(b.parent));
        const best = list[0];
        if (list.length > 1)
            notes.push(`table "${best.child}": column "${best.column}" fits the keys of ${list.map((x) => `"${x.parent}"`).join(', ')}; proposed "${best.parent}"`);
        foreignKeys.push({
            child: best.child,
            columns: [best.column],
            parent: best.parent,
            parentColumns: [pks.get(best.parent)[0]],
        });
    }
    const kept = foreignKeys;
    kept.sort((a, b) => names.indexOf(a.child) - names.indexOf(b.child));
    const specs = names.map((n) => {
        const pk = pks.get(n);
        const isChild = kept.some((f) => f.child === n);
        let sequence;
        if (pk && pk.length >= 2 && !isChild)
            sequence = inferSequence(tables[n], pk);
        return { name: n, ...(pk ? { primaryKey: pk } : {}), ...(sequence ? { sequence } : {}) };
    });
    for (const s of specs)
        if (s.sequence)
            notes.push(`table "${s.name}": proposed as sequential (entity ${s.sequence.entity.join(', ')}, order ${s.sequence.order}); review its context columns`);
    return {
        metadata: { format: 'lookalike-relational', version: 1, tables: specs, foreignKeys: kept },
        notes,
    };
}
function inferSequence(t, pk) {
    const order = pk[pk.length - 1];
    const oc = t.column(order);
    if (oc.kind !== 'numeric' && oc.kind !== 'datetime')
        return undefined;
    const entity = pk.slice(0, -1);
    const { keys } = rowKeys(t, entity);
    const nEntities = new Set(keys).size;
    if (nEntities < 2 || nEntities === t.nRows)
        return undefined;
    const context = [];
    for (const c of t.columns) {
        if (pk.includes(c.name) || c.kind === 'id' || c.kind === 'text')
            continue;
        const vals = keyTexts(c);
        const first = new Map();
        let constant = true;
        for (let i = 0; i < keys.length && constant; i++) {
            const k = keys[i];
            if (!first.has(k))
                first.set(k, vals[i]);
            else if (first.get(k) !== vals[i])
                constant = false;
        }
        if (constant)
            context.push(c.name);
    }
    return { entity, order, context };
}
//# sourceMappingURL=infer.js.map