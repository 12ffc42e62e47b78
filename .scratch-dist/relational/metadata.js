/**
 * Relational metadata: the tables of a database, their primary keys (one column or several), the foreign keys
 * between them (a child may have several parents, a table may be parent and child, any depth, any number of
 * tables), sequential tables (an entity's rows ordered by a time or order column) and, for user-level DP, which
 * table holds the person and how many rows each person may contribute.
 *
 * The file (written by `lookalike inspect <folder>` for review, read by every relational command):
 *
 * ```json
 * { "format": "lookalike-relational", "version": 1,
 *   "tables": {
 *     "account": { "primaryKey": ["account_id"],
 *                  "columns": [{ "name": "frequency", "kind": "categorical" }] },
 *     "order":   { "primaryKey": ["order_id"] },
 *     "visits":  { "primaryKey": ["id", "day"],
 *                  "sequence": { "entity": ["id"], "order": "day", "context": ["sex", "age"] } } },
 *   "foreignKeys": [
 *     { "child": "order", "columns": ["account_id"], "parent": "account", "parentColumns": ["account_id"] } ],
 *   "person": { "table": "account", "maxChildren": { "order": 5 }, "maxLength": 10 } }
 * ```
 *
 * `columns` / `missingValues` of a table are that table's single-table metadata (table/metadata.ts: kinds,
 * roles, domains). Validation collects every problem at once (DESIGN.md rule 7): against the data it counts
 * duplicate and missing primary keys, orphan and broken foreign keys, cycles, and context columns that vary within
 * an entity — counts only, never a key value.
 */
import { LookalikeError, ProblemList } from '../errors.js';
import { parseMetadata } from '../table/metadata.js';
import { keyIndex, parentRows, rowKeys } from './keys.js';
function isObject(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function names(x, where, p, allowString = false) {
    if (allowString && typeof x === 'string' && x !== '')
        return [x];
    if (!Array.isArray(x) || x.length === 0 || !x.every((s) => typeof s === 'string' && s !== '')) {
        p.add(`${where} must be a non-empty list of column names`);
        return undefined;
    }
    if (new Set(x).size !== x.length)
        p.add(`${where} names a column twice`);
    return x;
}
const TABLE_KEYS = new Set(['primaryKey', 'sequence', 'columns', 'missingValues']);
/**
 * Validates a relational metadata file's parsed JSON (its shape and the references between its parts; the data
 * are checked by `checkRelational`). Throws one LookalikeError listing every problem.
 */
export function parseRelationalMetadata(json, source = 'relational metadata') {
    const p = new ProblemList();
    if (!isObject(json))
        throw new LookalikeError(`${source} must be a JSON object with "tables"`);
    for (const k of Object.keys(json))
        if (!['format', 'version', 'tables', 'foreignKeys', 'person'].includes(k))
            p.add(`unknown field "${k}"`);
    if (json.format !== undefined && json.format !== 'lookalike-relational')
        p.add('"format" must be "lookalike-relational"');
    if (json.version !== undefined && json.version !== 1)
        p.add('"version" must be 1');
    const tables = [];
    if (!isObject(json.tables) || Object.keys(json.tables).length === 0) {
        p.add('"tables" must be an object with one entry per table');
    }
    else {
        for (const [name, t] of Object.entries(json.tables)) {
            const w = `table "${name}"`;
            if (!isObject(t)) {
                p.add(`${w} must be an object`);
                continue;
            }
            for (const k of Object.keys(t))
                if (!TABLE_KEYS.has(k))
                    p.add(`${w} has an unknown field "${k}"`);
            let primaryKey;
            if (t.primaryKey !== undefined)
                primaryKey = names(t.primaryKey, `${w}: primaryKey`, p, true);
            let sequence;
            if (t.sequence !== undefined) {
                const s = t.sequence;
                if (!isObject(s))
                    p.add(`${w}: sequence must be an object with "entity"`);
                else {
                    for (const k of Object.keys(s))
                        if (!['entity', 'order', 'context'].includes(k))
                            p.add(`${w}: sequence has an unknown field "${k}"`);
                    const entity = names(s.entity, `${w}: sequence.entity`, p, true);
                    if (s.order !== undefined && (typeof s.order !== 'string' || s.order === ''))
                        p.add(`${w}: sequence.order must be a column name`);
                    let context;
                    if (s.context !== undefined) {
                        if (Array.isArray(s.context) && s.context.length === 0)
                            context = [];
                        else
                            context = names(s.context, `${w}: sequence.context`, p);
                    }
                    if (entity)
                        sequence = {
                            entity,
                            ...(typeof s.order === 'string' && s.order ? { order: s.order } : {}),
                            ...(context ? { context } : {}),
                        };
                }
            }
            let metadata;
            if (t.columns !== undefined || t.missingValues !== undefined) {
                try {
                    metadata = parseMetadata({
                        version: 1,
                        columns: t.columns ?? [],
                        ...(t.missingValues ? { missingValues: t.missingValues } : {}),
                    }, w);
                }
                catch (e) {
                    if (e instanceof LookalikeError)
                        for (const q of e.problems)
                            p.add(`${w}: ${q}`);
                    else
                        throw e;
                }
            }
            tables.push({
                name,
                ...(primaryKey ? { primaryKey } : {}),
                ...(sequence ? { sequence } : {}),
                ...(metadata ? { metadata } : {}),
            });
        }
    }
    const foreignKeys = [];
    if (json.foreignKeys !== undefined) {
        if (!Array.isArray(json.foreignKeys))
            p.add('"foreignKeys" must be a list');
        else
            json.foreignKeys.forEach((f, i) => {
                const w = `foreignKeys[${i}]`;
                if (!isObject(f)) {
                    p.add(`${w} must be an object with child, columns, parent, parentColumns`);
                    return;
                }
                for (const k of Object.keys(f))
                    if (!['child', 'columns', 'parent', 'parentColumns'].includes(k))
                        p.add(`${w} has an unknown field "${k}"`);
                if (typeof f.child !== 'string' || typeof f.parent !== 'string') {
                    p.add(`${w}: child and parent must be table names`);
                    return;
                }
                const columns = names(f.columns, `${w}.columns`, p, true);
                const parentColumns = names(f.parentColumns, `${w}.parentColumns`, p, true);
                if (columns && parentColumns)
                    foreignKeys.push({ child: f.child, columns, parent: f.parent, parentColumns });
            });
    }
    let person;
    if (json.person !== undefined) {
        const s = json.person;
        if (!isObject(s) || typeof s.table !== 'string')
            p.add('"person" must be an object naming its "table"');
        else {
            for (const k of Object.keys(s))
                if (!['table', 'maxChildren', 'minChildren', 'maxLength', 'public'].includes(k))
                    p.add(`person has an unknown field "${k}"`);
            let publicTables;
            if (s.public !== undefined) {
                if (!Array.isArray(s.public) || !s.public.every((t) => typeof t === 'string' && t !== ''))
                    p.add('person.public must be a list of table names');
                else
                    publicTables = s.public;
            }
            let maxChildren;
            if (s.maxChildren !== undefined) {
                if (!isObject(s.maxChildren))
                    p.add('person.maxChildren must map table names to whole numbers ≥ 1');
                else {
                    maxChildren = {};
                    for (const [t, k] of Object.entries(s.maxChildren)) {
                        if (typeof k !== 'number' || !Number.isInteger(k) || k < 1)
                            p.add(`person.maxChildren.${t} must be a whole number ≥ 1`);
                        else
                            maxChildren[t] = k;
                    }
                }
            }
            let minChildren;
            if (s.minChildren !== undefined) {
                if (!isObject(s.minChildren))
                    p.add('person.minChildren must map table names to whole numbers ≥ 0');
                else {
                    minChildren = {};
                    for (const [t, k] of Object.entries(s.minChildren)) {
                        if (typeof k !== 'number' || !Number.isInteger(k) || k < 0)
                            p.add(`person.minChildren.${t} must be a whole number ≥ 0`);
                        else if (maxChildren?.[t] !== undefined && k > maxChildren[t])
                            p.add(`person.minChildren.${t} (${k}) exceeds person.maxChildren.${t} (${maxChildren[t]})`);
                        else
                            minChildren[t] = k;
                    }
                }
            }
            if (s.maxLength !== undefined &&
                (typeof s.maxLength !== 'number' || !Number.isInteger(s.maxLength) || s.maxLength < 1))
                p.add('person.maxLength must be a whole number ≥ 1');
            person = {
                table: s.table,
                ...(maxChildren ? { maxChildren } : {}),
                ...(minChildren ? { minChildren } : {}),
                ...(typeof s.maxLength === 'number' ? { maxLength: s.maxLength } : {}),
                ...(publicTables ? { public: publicTables } : {}),
            };
        }
    }
    const meta = {
        format: 'lookalike-relational',
        version: 1,
        tables,
        foreignKeys,
        ...(person ? { person } : {}),
    };
    for (const q of structureProblems(meta))
        p.add(q);
    p.throwIfAny(`${source} is not valid relational metadata:`);
    return meta;
}
/** Problems with the references inside the metadata (tables, key arity, cycles), without looking at data. */
export function structureProblems(meta) {
    const out = [];
    const byName = new Map(meta.tables.map((t) => [t.name, t]));
    for (const f of meta.foreignKeys) {
        const w = `foreign key ${fkLabel(f)}`;
        if (!byName.has(f.child))
            out.push(`${w}: no table "${f.child}"`);
        const parent = byName.get(f.parent);
        if (!parent)
            out.push(`${w}: no table "${f.parent}"`);
        else if (!parent.primaryKey)
            out.push(`${w}: table "${f.parent}" has no primary key to point to`);
        else if (!sameSet(parent.primaryKey, f.parentColumns))
            out.push(`${w}: parentColumns must be the primary key of "${f.parent}" (${parent.primaryKey.join(', ')})`);
        if (f.columns.length !== f.parentColumns.length)
            out.push(`${w}: ${f.columns.length} columns point to ${f.parentColumns.length} parent columns`);
    }
    const seen = new Set();
    for (const f of meta.foreignKeys) {
        const id = `${f.child}\u0000${f.columns.join('\u0000')}`;
        if (seen.has(id))
            out.push(`foreign key ${fkLabel(f)} is declared twice`);
        seen.add(id);
    }
    for (const t of meta.tables) {
        const s = t.sequence;
        if (!s)
            continue;
        const w = `table "${t.name}": sequence`;
        const fk = meta.foreignKeys.find((f) => f.child === t.name && sameSet(f.columns, s.entity));
        if (fk && s.context?.length)
            out.push(`${w}.context: the entity is a foreign key to "${fk.parent}", whose columns are the context`);
        if (s.order && s.entity.includes(s.order))
            out.push(`${w}.order is one of the entity columns`);
        for (const c of s.context ?? [])
            if (s.entity.includes(c) || c === s.order)
                out.push(`${w}.context lists the key column "${c}"`);
    }
    if (meta.person) {
        const pt = meta.person.table;
        if (!byName.has(pt))
            out.push(`person: no table "${pt}"`);
        else {
            const desc = new Set(descendants(meta, pt));
            for (const t of Object.keys(meta.person.maxChildren ?? {}))
                if (!desc.has(t))
                    out.push(`person.maxChildren names "${t}", which is not a descendant of "${pt}"`);
            for (const t of Object.keys(meta.person.minChildren ?? {}))
                if (!desc.has(t))
                    out.push(`person.minChildren names "${t}", which is not a descendant of "${pt}"`);
            for (const t of meta.person.public ?? []) {
                if (!byName.has(t))
                    out.push(`person.public: no table "${t}"`);
                else if (t === pt || desc.has(t))
                    out.push(`person.public names "${t}", which holds persons' rows (it is "${pt}" or under it)`);
            }
        }
    }
    for (const cycle of findCycles(meta))
        out.push(`the foreign keys form a cycle: ${cycle.join(' → ')}`);
    return out;
}
export function fkLabel(f) {
    return `${f.child}(${f.columns.join(', ')}) → ${f.parent}`;
}
function sameSet(a, b) {
    return a.length === b.length && a.every((x) => b.includes(x));
}
/** Cycles of the child → parent graph (self-references included), each listed once. */
export function findCycles(meta) {
    const adj = new Map();
    for (const t of meta.tables)
        adj.set(t.name, []);
    for (const f of meta.foreignKeys)
        adj.get(f.child)?.push(f.parent);
    // Tarjan's strongly connected components; a component of ≥ 2 tables, or one with a self-edge, is a cycle
    let counter = 0;
    const index = new Map();
    const low = new Map();
    const stack = [];
    const on = new Set();
    const out = [];
    const visit = (v) => {
        index.set(v, counter);
        low.set(v, counter++);
        stack.push(v);
        on.add(v);
        for (const w of adj.get(v) ?? []) {
            if (!adj.has(w))
                continue;
            if (!index.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v), low.get(w)));
            }
            else if (on.has(w))
                low.set(v, Math.min(low.get(v), index.get(w)));
        }
        if (low.get(v) === index.get(v)) {
            const comp = [];
            let w;
            do {
                w = stack.pop();
                on.delete(w);
                comp.push(w);
            } while (w !== v);
            if (comp.length > 1 || (adj.get(v) ?? []).includes(v))
                out.push([...comp.reverse(), comp[0]]);
        }
    };
    for (const t of adj.keys())
        if (!index.has(t))
            visit(t);
    return out;
}
/** Tables in an order where every parent comes before its children (metadata order among equals). */
export function topologicalOrder(meta) {
    const parents = new Map();
    for (const t of meta.tables)
        parents.set(t.name, new Set());
    for (const f of meta.foreignKeys)
        if (f.child !== f.parent)
            parents.get(f.child)?.add(f.parent);
    const done = new Set();
    const out = [];
    while (out.length < meta.tables.length) {
        const next = meta.tables.find((t) => !done.has(t.name) && [...parents.get(t.name)].every((q) => done.has(q)));
        if (!next)
            throw new LookalikeError('the foreign keys form a cycle; see the metadata problems');
        done.add(next.name);
        out.push(next.name);
    }
    return out;
}
/** Tables reachable from `table` by going down foreign keys (its children, their children, …). */
export function descendants(meta, table) {
    const out = [];
    const seen = new Set([table]);
    const queue = [table];
    while (queue.length) {
        const t = queue.shift();
        for (const f of meta.foreignKeys)
            if (f.parent === t && !seen.has(f.child)) {
                seen.add(f.child);
                out.push(f.child);
                queue.push(f.child);
            }
    }
    return out;
}
export function tableSpec(meta, name) {
    const t = meta.tables.find((x) => x.name === name);
    if (!t)
        throw new LookalikeError(`the metadata has no table "${name}"`);
    return t;
}
export function foreignKeysOf(meta, child) {
    return meta.foreignKeys.filter((f) => f.child === child);
}
/** The child's foreign-key columns in the order of the parent's primary key. */
export function orderedFkColumns(meta, f) {
    const pk = tableSpec(meta, f.parent).primaryKey ?? f.parentColumns;
    return pk.map((c) => f.columns[f.parentColumns.indexOf(c)]);
}
/**
 * Checks data against metadata, collecting every problem: tables and columns that do not exist, duplicate or
 * missing primary keys, orphan foreign keys (a key that matches no parent row) and partly missing composite
 * foreign keys, order columns that are not numeric or datetime, and context columns that vary within an entity.
 * Messages give counts, never key values. Runtime O(total rows × key columns).
 */
export function checkRelational(meta, tables) {
    const problems = [...structureProblems(meta)];
    const warnings = [];
    const described = new Set(meta.tables.map((t) => t.name));
    for (const name of Object.keys(tables))
        if (!described.has(name))
            problems.push(`table "${name}" is in the data but not in the metadata (add it, with its keys, or remove it)`);
    const colOk = (t, c, what) => {
        const tab = tables[t];
        if (!tab)
            return false;
        if (!tab.has(c)) {
            problems.push(`table "${t}": ${what} names a column "${c}" that the table does not have`);
            return false;
        }
        return true;
    };
    const pkIndex = new Map();
    for (const t of meta.tables) {
        const tab = tables[t.name];
        if (!tab) {
            problems.push(`table "${t.name}" is in the metadata but not in the data`);
            continue;
        }
        if (t.primaryKey && t.primaryKey.every((c) => colOk(t.name, c, 'primaryKey'))) {
            const { keys, partial } = rowKeys(tab, t.primaryKey);
            let missing = 0;
            for (const k of keys)
                if (k === null)
                    missing++;
            const { index, duplicates } = keyIndex(keys);
            const what = t.primaryKey.length > 1
                ? `primary key (${t.primaryKey.join(', ')})`
                : `primary key "${t.primaryKey[0]}"`;
            if (missing)
                problems.push(`table "${t.name}": ${missing} of ${tab.nRows} rows have ${partial && partial < missing ? 'a missing or partly missing' : partial ? 'a partly missing' : 'a missing'} ${what}`);
            if (duplicates)
                problems.push(`table "${t.name}": ${duplicates} of ${tab.nRows} rows repeat the ${what} of an earlier row`);
            pkIndex.set(t.name, index);
        }
        const s = t.sequence;
        if (s) {
            const ok = s.entity.every((c) => colOk(t.name, c, 'sequence.entity'));
            if (s.order && colOk(t.name, s.order, 'sequence.order')) {
                const c = tab.column(s.order);
                if (c.kind !== 'numeric' && c.kind !== 'datetime')
                    problems.push(`table "${t.name}": sequence.order "${s.order}" is ${c.kind}; it must be numeric or datetime`);
                else {
                    let miss = 0;
                    for (const v of c.values)
                        if (Number.isNaN(v))
                            miss++;
                    if (miss)
                        problems.push(`table "${t.name}": sequence.order "${s.order}" is missing in ${miss} rows`);
                }
            }
            const context = (s.context ?? []).filter((c) => colOk(t.name, c, 'sequence.context'));
            if (ok && context.length) {
                const { keys } = rowKeys(tab, s.entity);
                for (const c of context) {
                    const vals = rowKeys(tab, [c]).keys;
                    const first = new Map();
                    const varying = new Set();
                    for (let i = 0; i < keys.length; i++) {
                        const k = keys[i];
                        if (k === null)
                            continue;
                        if (!first.has(k))
                            first.set(k, vals[i]);
                        else if (first.get(k) !== vals[i])
                            varying.add(k);
                    }
                    if (varying.size)
                        problems.push(`table "${t.name}": context column "${c}" varies within ${varying.size} of ${first.size} entities (a context column must be constant within each entity)`);
                }
            }
            if (ok) {
                let miss = 0;
                for (const k of rowKeys(tab, s.entity).keys)
                    if (k === null)
                        miss++;
                if (miss)
                    problems.push(`table "${t.name}": the sequence entity is missing in ${miss} rows`);
            }
        }
    }
    for (const f of meta.foreignKeys) {
        const child = tables[f.child];
        const index = pkIndex.get(f.parent);
        if (!child || !index)
            continue;
        if (!f.columns.every((c) => colOk(f.child, c, `foreign key to "${f.parent}"`)))
            continue;
        const { orphans, missing, partial } = parentRows(child, orderedFkColumns(meta, f), index);
        const w = `foreign key ${fkLabel(f)}`;
        if (orphans)
            problems.push(`${w}: ${orphans} of ${child.nRows} rows point to no row of "${f.parent}" (orphans)`);
        if (partial)
            problems.push(`${w}: ${partial} of ${child.nRows} rows have a partly missing key`);
        if (missing - partial > 0)
            warnings.push(`${w}: ${missing - partial} of ${child.nRows} rows have no parent (the key is missing)`);
    }
    return { problems, warnings };
}
/** `checkRelational`, throwing one LookalikeError with every problem. Returns the warnings. */
export function validateRelational(meta, tables, source = 'the database') {
    const { problems, warnings } = checkRelational(meta, tables);
    if (problems.length)
        throw new LookalikeError(`${source} does not match its relational metadata:`, problems);
    return warnings;
}
/** The metadata as a JSON object (the file `inspect` writes). */
export function relationalMetadataToJSON(meta) {
    const tables = {};
    for (const t of meta.tables) {
        tables[t.name] = {
            ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}),
            ...(t.sequence ? { sequence: t.sequence } : {}),
            ...(t.metadata?.missingValues.length ? { missingValues: t.metadata.missingValues } : {}),
            ...(t.metadata?.columns.length ? { columns: t.metadata.columns } : {}),
        };
    }
    return {
        format: 'lookalike-relational',
        version: 1,
        tables,
        foreignKeys: meta.foreignKeys.map((f) => ({
            child: f.child,
            columns: f.columns,
            parent: f.parent,
            parentColumns: f.parentColumns,
        })),
        ...(meta.person ? { person: meta.person } : {}),
    };
}
//# sourceMappingURL=metadata.js.map