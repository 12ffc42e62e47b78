/** Number of rows of a raw column. */
export function rawLength(c) {
    return c.type === 'dictionary' ? c.codes.length : c.values.length;
}
//# sourceMappingURL=raw.js.map