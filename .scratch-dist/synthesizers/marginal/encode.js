import { Discretizer, discretizer } from '../../table/encode.js';
import { isNumericDomain } from '../../table/schema.js';
import { CodeCounts } from './counts.js';
/**
 * The encoding of `specs` by their domains: a declared value list (`domain.values`) exactly, declared bins, small
 * integer ranges exactly, else the column's adaptive DP bins from `adaptive` (privacy/bins.ts) when it has them,
 * else equal-width bins.
 */
export function encodingOf(specs, opts = {}, adaptive = new Map()) {
    const discretizers = specs.map((s) => {
        const a = adaptive.get(s.name);
        const spec = a && isNumericDomain(s.domain) ? { ...s, domain: { ...s.domain, bins: a.edges } } : s;
        const d = discretizer(spec, {
            bins: opts.bins ?? 32,
            maxExactIntegers: opts.maxExactIntegers ?? 128,
            includeMissing: s.nullable ?? false,
            exactValues: true,
        });
        return a ? new Discretizer({ ...d.toJSON(), fine: { edges: a.fineEdges, weights: a.fineWeights } }) : d;
    });
    return { specs, discretizers, sizes: discretizers.map((d) => d.size) };
}
/**
 * Whether a numeric column would be binned equal-width by `encodingOf` (no value list, no declared bins, not a small
 * integer range) — the columns adaptive DP bins are for.
 */
export function wantsAdaptiveBins(spec, maxExactIntegers) {
    const d = spec.domain;
    if (spec.kind !== 'numeric' || !isNumericDomain(d) || d.bins || d.values?.length || !(d.max > d.min))
        return false;
    if (spec.integer && Math.floor(d.max) - Math.ceil(d.min) + 1 <= maxExactIntegers)
        return false;
    return true;
}
/** The in-memory count source of a table under an encoding: one code column per attribute. */
export function countsInMemory(table, encoding) {
    const codes = encoding.specs.map((s, i) => encoding.discretizers[i].encode(table.column(s.name)));
    return new CodeCounts(encoding.sizes, codes, table.nRows);
}
//# sourceMappingURL=encode.js.map