import { LookalikeError, ProblemList } from '../errors.js';
export function idStyleOf(col) {
    if (col.kind !== 'id')
        return 'prefixed';
    return col.values.every((v) => v === null || /^\d+$/.test(v)) ? 'integer' : 'prefixed';
}
export function syntheticIdColumn(name, n, style) {
    const values = new Array(n);
    for (let i = 0; i < n; i++)
        values[i] = style === 'integer' ? String(i + 1) : `syn-${i + 1}`;
    return { kind: 'id', name, values };
}
export function emptyTextColumn(name, n) {
    return { kind: 'text', name, values: new Array(n).fill(null) };
}
/** The columns a statistical synthesizer models (not id, not text). */
export function modelledSpecs(schema) {
    return schema.columns.filter((c) => c.kind !== 'id' && c.kind !== 'text');
}
/**
 * An empty record keyed by column names. It has no prototype, so a column named `__proto__`, `constructor` or
 * `toString` is an ordinary key: on a plain `{}`, assigning `__proto__` replaces the prototype (the column's
 * parameters vanish from the model file) and reading `constructor` finds Object's.
 */
export function byName() {
    return Object.create(null);
}
/** A record read from a model file, copied into a `byName` record (JSON.parse makes `__proto__` an own key). */
export function byNameFrom(x) {
    return Object.assign(byName(), x);
}
/**
 * Id styles of the id columns as the schema declares them (`prefixed` when it does not): for DP fits, which may not
 * read the style off the private ids.
 */
export function declaredIdStyles(schema) {
    const out = byName();
    for (const c of schema.columns)
        if (c.kind === 'id')
            out[c.name] = c.idStyle ?? 'prefixed';
    return out;
}
/** Id styles of the id columns of a table, by name (stored in the model file). */
export function idStyles(table, schema) {
    const out = byName();
    for (const c of schema.columns)
        if (c.kind === 'id')
            out[c.name] = c.idStyle ?? idStyleOf(table.column(c.name));
    return out;
}
/** The non-modelled columns of a sample: fresh ids, empty text. */
export function unmodelledColumn(spec, n, ids) {
    return spec.kind === 'id'
        ? syntheticIdColumn(spec.name, n, Object.hasOwn(ids, spec.name) ? ids[spec.name] : 'prefixed')
        : emptyTextColumn(spec.name, n);
}
export function checkSampleSize(n) {
    if (!Number.isSafeInteger(n) || n < 1) {
        throw new LookalikeError(`the number of rows to sample must be a whole number ≥ 1, got ${n}`, [], 'usage');
    }
}
export function checkFitInput(table, schema, synthesizer) {
    const p = new ProblemList();
    if (table.nRows < 2)
        p.add(`the table has ${table.nRows} rows; at least 2 are needed`);
    for (const c of schema.columns) {
        if (!table.has(c.name))
            p.add(`the schema names a column "${c.name}" that the table does not have`);
        else if (table.column(c.name).kind !== c.kind)
            p.add(`column "${c.name}" is ${table.column(c.name).kind} in the table but ${c.kind} in the schema`);
    }
    p.throwIfAny(`${synthesizer} cannot fit this table:`);
}
export function modelEnvelope(synthesizer, schema, privacy, params, ledger = null) {
    return {
        format: 'lookalike-model',
        version: 1,
        synthesizer,
        createdAt: new Date().toISOString(),
        schema,
        privacy,
        ledger,
        params,
    };
}
/** Small checks for `load`: each adds a problem instead of throwing. */
export function isNumberArray(x) {
    return Array.isArray(x) && x.every((v) => typeof v === 'number' && Number.isFinite(v));
}
export function isRecord(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}
/**
 * Round a float column in place to `decimals` places (the precision seen in the input), so output looks like input.
 * Values of magnitude 2^52 and beyond are whole numbers already and are left alone (scaling 1e308 up would
 * overflow to Infinity).
 */
export function roundDecimals(values, decimals) {
    if (decimals === undefined || decimals > 15)
        return values;
    const f = 10 ** decimals;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (Math.abs(v) < 2 ** 52)
            values[i] = Math.round(v * f) / f;
    }
    return values;
}
//# sourceMappingURL=common.js.map