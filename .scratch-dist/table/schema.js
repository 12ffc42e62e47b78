export const ROLES = ['id', 'quasi-identifier', 'sensitive', 'target'];
export const DOMAIN_SOURCES = ['inferred', 'public', 'dp'];
export const SCHEMA_FACTS = [
    'kind',
    'integer',
    'decimals',
    'format',
    'nullable',
    'idStyle',
];
export function isNumericDomain(d) {
    return !!d && 'min' in d && typeof d.min === 'number';
}
export function isCategoricalDomain(d) {
    return !!d && 'categories' in d;
}
export function isDatetimeDomain(d) {
    return !!d && 'min' in d && typeof d.min === 'string';
}
export function specOf(schema, name) {
    const s = schema.columns.find((c) => c.name === name);
    if (!s)
        throw new Error(`schema has no column named "${name}"`);
    return s;
}
/** The name of the column whose role is `target`, if exactly one is. */
export function targetColumn(schema) {
    const t = schema.columns.filter((c) => c.role === 'target');
    return t.length === 1 ? t[0].name : undefined;
}
//# sourceMappingURL=schema.js.map