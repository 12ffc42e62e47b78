import { LookalikeError } from '../../errors.js';
import { cellCount, shapeOf } from '../../pgm/factor.js';
import { isNumericDomain } from '../../table/schema.js';
export const SQL_DIALECTS = [
    'duckdb',
    'postgres',
    'bigquery',
    'snowflake',
    'spark',
    'trino',
];
const doubleQuoted = (name) => `"${name.replace(/"/g, '""')}"`;
const backQuoted = (name) => `\`${name.replace(/`/g, '``')}\``;
const standardString = (s) => `'${s.replace(/'/g, "''")}'`;
/** Backslash-escaping string literals (BigQuery, Spark SQL): backslash, quote and control characters escaped. */
const backslashString = (s) => `'${s.replace(/[\\'\n\r\t]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c])}'`;
const DIALECTS = {
    duckdb: {
        ident: doubleQuoted,
        str: standardString,
        double: 'DOUBLE',
        text: 'VARCHAR',
        bigint: 'BIGINT',
        isNan: (x) => `isnan(${x})`,
        epochMs: (x) => `epoch_ms(${x})`,
    },
    postgres: {
        ident: doubleQuoted,
        str: standardString,
        double: 'DOUBLE PRECISION',
        text: 'TEXT',
        bigint: 'BIGINT',
        isNan: (x) => `(${x} = CAST('NaN' AS DOUBLE PRECISION))`,
        epochMs: (x) => `(EXTRACT(EPOCH FROM ${x}) * 1000)`,
    },
    bigquery: {
        ident: backQuoted,
        str: backslashString,
        double: 'FLOAT64',
        text: 'STRING',
        bigint: 'INT64',
        isNan: (x) => `IS_NAN(${x})`,
        epochMs: (x) => `UNIX_MILLIS(TIMESTAMP(${x}))`,
    },
    snowflake: {
        ident: doubleQuoted,
        // Snowflake reads backslash escapes in single-quoted strings too
        str: (s) => standardString(s.replace(/\\/g, '\\\\')),
        double: 'DOUBLE',
        text: 'VARCHAR',
        bigint: 'BIGINT',
        isNan: (x) => `(${x} = CAST('NaN' AS DOUBLE))`,
        epochMs: (x) => `DATE_PART(EPOCH_MILLISECOND, ${x})`,
    },
    spark: {
        ident: backQuoted,
        str: backslashString,
        double: 'DOUBLE',
        text: 'STRING',
        bigint: 'BIGINT',
        isNan: (x) => `isnan(${x})`,
        epochMs: (x) => `unix_millis(CAST(${x} AS TIMESTAMP))`,
    },
    trino: {
        ident: doubleQuoted,
        str: standardString,
        double: 'DOUBLE',
        text: 'VARCHAR',
        bigint: 'BIGINT',
        isNan: (x) => `is_nan(${x})`,
        epochMs: (x) => `(to_unixtime(CAST(${x} AS TIMESTAMP)) * 1000)`,
    },
};
/** A quoted identifier in `dialect`; a dotted name (`schema.table`) is quoted part by part. */
export function sqlName(name, dialect, dotted = false) {
    const d = DIALECTS[dialect];
    return dotted ? name.split('.').map(d.ident).join('.') : d.ident(name);
}
/** A string literal in `dialect`. */
export function sqlLiteral(s, dialect) {
    return DIALECTS[dialect].str(s);
}
/**
 * A finite double as a literal that reads back as exactly that double: a safe integer as it is, anything else as
 * its shortest round-trip text cast from a string (string → double parsing is correctly rounded in every engine;
 * a decimal literal's own cast need not be).
 */
function num(x, d) {
    if (!Number.isFinite(x))
        throw new LookalikeError(`a bin edge or bound is not finite (${x})`, [], 'internal');
    return Number.isSafeInteger(x) ? String(x) : `CAST('${String(x)}' AS ${d.double})`;
}
/** The column of `j` as a double (numbers) or epoch milliseconds (datetimes). */
function numericValue(j, d) {
    const c = d.ident(j.name);
    return j.kind === 'datetime' ? `CAST(${d.epochMs(c)} AS ${d.double})` : `CAST(${c} AS ${d.double})`;
}
/** Whether a value of `j` is missing (NULL, or NaN for numbers). */
function missingTest(j, d) {
    const c = d.ident(j.name);
    if (j.kind === 'numeric')
        return `(${c} IS NULL OR ${d.isNan(numericValue(j, d))})`;
    return `${c} IS NULL`;
}
/**
 * A balanced binary search over increasing `cuts` as nested `CASE`s: the leaf of k = the number of cuts ≤ `v`
 * (0..cuts.length). The same comparisons as a linear `WHEN v < cut[0] … WHEN v < cut[1] …` chain, so the same
 * result, in ⌈log₂(cuts + 1)⌉ comparisons a row instead of up to cuts (measured: a 31-arm chain cost 4× a scan of
 * the column; docs/scale.md).
 */
function searchTree(v, cuts, lit, leaf) {
    const node = (lo, hi) => {
        if (lo === hi)
            return leaf(lo);
        // leaves lo..hi; cut[mid − 1] separates leaves < mid from leaves ≥ mid
        const mid = (lo + hi + 1) >> 1;
        return `CASE WHEN ${v} < ${lit(cuts[mid - 1])} THEN ${node(lo, mid - 1)} ELSE ${node(mid, hi)} END`;
    };
    return node(0, cuts.length);
}
/**
 * The SQL expression of attribute `j`'s code: an integer in 0..size−1 exactly as `Discretizer.encode` would give,
 * or −1 for a value the encoding has no code for (a category outside the list; missing without a missing code) —
 * which the check query refuses before any count is taken.
 */
export function codeExpression(j, dialect) {
    const d = DIALECTS[dialect];
    const miss = j.includeMissing ? j.size - 1 : -1;
    const present = j.includeMissing ? j.size - 1 : j.size;
    const c = d.ident(j.name);
    const whenMissing = `WHEN ${missingTest(j, d)} THEN ${miss}`;
    switch (j.kind) {
        case 'categorical': {
            const cats = j.categories ?? [];
            if (dialect === 'duckdb') {
                // a list lookup in native code: 2.7× less CPU than a CASE over 300 categories (measured, docs/scale.md)
                const list = `[${cats.map((k) => d.str(k)).join(', ')}]`;
                return `(CASE ${whenMissing} ELSE COALESCE(list_position(${list}, CAST(${c} AS ${d.text})), 0) - 1 END)`;
            }
            const arms = cats.map((k, i) => `WHEN ${d.str(k)} THEN ${i}`).join(' ');
            return `(CASE ${whenMissing} ELSE CASE CAST(${c} AS ${d.text}) ${arms} ELSE -1 END END)`;
        }
        case 'boolean':
            return `(CASE ${whenMissing} WHEN ${c} THEN 1 ELSE 0 END)`;
        case 'numeric':
        case 'datetime': {
            const v = numericValue(j, d);
            if (j.values) {
                // the nearest listed value, ties to the lower one (encode's binary search, then the comparison it makes)
                // segment k (between vs[k] and vs[k + 1]) is the number of inner values vs[1..L−2] at most x
                const vs = j.values;
                if (vs.length === 1)
                    return `(CASE ${whenMissing} ELSE 0 END)`;
                const pick = (k) => `CASE WHEN ABS(${num(vs[k + 1], d)} - ${v}) < ABS(${v} - ${num(vs[k], d)}) THEN ${k + 1} ELSE ${k} END`;
                const tree = searchTree(v, vs.slice(1, -1), (x) => num(x, d), pick);
                return `(CASE ${whenMissing} ELSE ${tree} END)`;
            }
            if (j.offset !== null) {
                // Math.round(x) − offset, clipped to the range
                const k = `CAST(FLOOR(${v} + 0.5) AS ${d.bigint}) - ${num(j.offset, d)}`;
                return `(CASE ${whenMissing} ELSE LEAST(${present - 1}, GREATEST(0, ${k})) END)`;
            }
            const e = j.edges ?? [];
            const nb = e.length - 1;
            // the largest k with e[k] ≤ x, clipped to [0, nb − 1]: the number of inner edges e[1..nb−1] at most x
            if (nb <= 1)
                return `(CASE ${whenMissing} ELSE 0 END)`;
            const tree = searchTree(v, e.slice(1, -1), (x) => num(x, d), String);
            return `(CASE ${whenMissing} ELSE ${tree} END)`;
        }
        default:
            throw new LookalikeError(`column "${j.name}" of kind ${j.kind} cannot be counted in SQL`, [], 'internal');
    }
}
/**
 * One query counting every marginal of `sets` (attribute indices, increasing) over `from` (a relation: a quoted
 * table name or a table function, written by the caller): the UNION ALL of one leg per set, each returning
 * `leg, cell, n` for the cells that have rows.
 */
export function countQuery(encoding, sets, from, dialect) {
    if (!sets.length)
        throw new LookalikeError('countQuery needs at least one marginal', [], 'internal');
    const d = DIALECTS[dialect];
    const json = encoding.discretizers.map((x) => x.toJSON());
    const legs = sets.map((set, i) => {
        let cell = '0';
        set.forEach((a, k) => {
            const code = codeExpression(json[a], dialect);
            cell = k === 0 ? code : `(${cell}) * ${encoding.sizes[a]} + ${code}`;
        });
        return (`SELECT CAST(${i} AS ${d.bigint}) AS leg, cell, COUNT(*) AS n ` +
            `FROM (SELECT CAST(${cell} AS ${d.bigint}) AS cell FROM ${from}) AS t${i} GROUP BY cell`);
    });
    return legs.join('\nUNION ALL\n');
}
/**
 * The codes of every attribute, one row per source row: `SELECT c0, …, c(d−1) FROM from`, each `codeExpression`
 * cast to the narrowest integer type the dialect has for its domain size (DuckDB: UTINYINT up to 256 codes,
 * USMALLINT up to 65,536, else UINTEGER; elsewhere BIGINT). For an engine embedded in the process (DuckDB), where
 * streaming the codes and counting every asked marginal in one pass over typed arrays (`ChunkCounts`) beats one
 * `GROUP BY` scan per marginal (docs/scale.md). Run after the check query: a code of −1 (refused there) does not
 * cast, so a row that changed in between ends the scan early, which the caller detects from the row count.
 */
export function codesQuery(encoding, from, dialect) {
    const d = DIALECTS[dialect];
    const cols = encoding.discretizers.map((x, a) => {
        const size = encoding.sizes[a];
        const type = dialect !== 'duckdb' ? d.bigint : size <= 256 ? 'UTINYINT' : size <= 65536 ? 'USMALLINT' : 'UINTEGER';
        return `CAST(${codeExpression(x.toJSON(), dialect)} AS ${type}) AS c${a}`;
    });
    return `SELECT ${cols.join(', ')} FROM ${from}`;
}
/**
 * Non-zero cells (`leg`, `cell`, `n` read from a count query's result, in any order, possibly repeated — shards'
 * answers concatenated) into zero-filled count tables, one per set. A cell outside its table (a code of −1: the
 * rows changed after the check) is an error, never dropped.
 */
export function fillCounts(sizes, sets, leg, cell, n) {
    const out = sets.map((s) => new Float64Array(cellCount(shapeOf(s, sizes))));
    let bad = 0;
    for (let i = 0; i < leg.length; i++) {
        const t = out[leg[i]];
        const c = cell[i];
        if (!t || !(c >= 0 && c < t.length && Number.isInteger(c)))
            bad++;
        else
            t[c] += n[i];
    }
    if (bad)
        throw new LookalikeError(`the engine returned ${bad} count cell(s) outside the encoding (did the rows change after they were checked?)`);
    return out;
}
/**
 * The check before counting: one row with the number of rows, then one count per `CheckItem` — missing values in
 * modelled columns not declared nullable, present values outside a declared category list, numbers outside the
 * declared [min, max] (the encoding clips them, as in memory).
 */
export function checkQuery(encoding, from, dialect) {
    const d = DIALECTS[dialect];
    const parts = [`CAST(COUNT(*) AS ${d.bigint})`];
    const items = [];
    const sum = (cond) => `CAST(SUM(CASE WHEN ${cond} THEN 1 ELSE 0 END) AS ${d.bigint})`;
    encoding.specs.forEach((spec, a) => {
        const j = encoding.discretizers[a].toJSON();
        const isMissing = missingTest(j, d);
        if (!j.includeMissing) {
            parts.push(sum(isMissing));
            items.push({ column: j.name, what: 'missing' });
        }
        if (j.kind === 'categorical') {
            parts.push(sum(`NOT (${isMissing}) AND ${codeExpression(j, dialect)} = -1`));
            items.push({ column: j.name, what: 'unknown category' });
        }
        const dom = spec.domain;
        if (j.kind === 'numeric' && isNumericDomain(dom)) {
            const v = numericValue(j, d);
            parts.push(sum(`NOT (${isMissing}) AND (${v} < ${num(dom.min, d)} OR ${v} > ${num(dom.max, d)})`));
            items.push({ column: j.name, what: 'outside bounds' });
        }
    });
    return { sql: `SELECT ${parts.join(', ')} FROM ${from}`, items };
}
/**
 * The verdict of a check query's row (`values[0]` the row count, then one count per item, shards' rows added):
 * problems (refused: at least 2 rows, no missing value where none is allowed, no unknown category) and notes
 * (values outside bounds, clipped). Counts and column names only, never a value.
 */
export function checkVerdict(label, items, values) {
    const problems = [];
    const notes = [];
    if (!(values[0] >= 2))
        problems.push(`${label} has ${values[0]} rows; at least 2 are needed`);
    items.forEach((it, i) => {
        const k = values[i + 1];
        if (!k)
            return;
        const s = k === 1 ? '' : 's';
        if (it.what === 'missing')
            problems.push(`column "${it.column}" has ${k} missing value${s} but is not declared nullable; declare "nullable": true in the metadata, or fill or drop those rows`);
        else if (it.what === 'unknown category')
            problems.push(`column "${it.column}" has ${k} value${s} outside its declared categories; add them to the metadata's category list`);
        else
            notes.push(`column "${it.column}": ${k} value${s} outside the declared bounds, counted in the first or last bin`);
    });
    return { problems, notes };
}
//# sourceMappingURL=sql.js.map