import { LookalikeError } from '../errors.js';
import { Rng } from '../random/rng.js';
import { isCategoricalDomain } from '../table/schema.js';
/** `income=>50K:0.5` or `grade=A:0.2,B:0.3` (the CLI's `--rebalance`); a value may contain ':' (the last one splits). */
export function parseRebalance(text) {
    const eq = text.indexOf('=');
    const problems = [];
    if (eq <= 0)
        throw new LookalikeError(`--rebalance "${text}" must read column=value:share[,value:share…]`, [], 'usage');
    const column = text.slice(0, eq);
    const shares = {};
    for (const part of text.slice(eq + 1).split(',')) {
        const c = part.lastIndexOf(':');
        const value = part.slice(0, c);
        const share = Number(part.slice(c + 1));
        if (c <= 0 || !(share > 0 && share <= 1))
            problems.push(`"${part}" must be value:share with a share in (0, 1]`);
        else
            shares[value] = share;
    }
    if (problems.length)
        throw new LookalikeError(`--rebalance "${text}" is not valid:`, problems, 'usage');
    return { column, shares };
}
/**
 * The condition plan of a rebalanced sample of n rows, validated against the schema: an unknown column or value, a
 * column that is not categorical or boolean, shares that do not add up are one `input` error (CLI exit 1).
 */
export function rebalancePlan(schema, n, spec, seed = 0) {
    const spec0 = schema.columns.find((c) => c.name === spec.column);
    const problems = [];
    if (!spec0)
        throw new LookalikeError(`cannot rebalance: "${spec.column}" is not a column of the model`, [], 'input');
    if (spec0.kind !== 'categorical' && spec0.kind !== 'boolean')
        problems.push(`column "${spec.column}" is ${spec0.kind}; rebalancing needs a categorical or boolean column`);
    const all = spec0.kind === 'boolean'
        ? ['false', 'true']
        : isCategoricalDomain(spec0.domain)
            ? [...spec0.domain.categories]
            : [];
    const named = Object.entries(spec.shares);
    for (const [v, s] of named) {
        if (!all.includes(v))
            problems.push(`"${v}" is not a value of column "${spec.column}"`);
        if (!(s > 0 && s <= 1))
            problems.push(`the share of "${v}" must be in (0, 1]`);
    }
    const total = named.reduce((a, [, s]) => a + s, 0);
    const rest = all.filter((v) => !(v in spec.shares));
    if (total > 1 + 1e-9)
        problems.push(`the shares add up to ${+total.toFixed(6)}, more than 1`);
    if (rest.length === 0 && Math.abs(total - 1) > 1e-9)
        problems.push(`every value of "${spec.column}" is named, so the shares must add up to 1 (they add up to ${+total.toFixed(6)})`);
    if (problems.length)
        throw new LookalikeError('cannot rebalance:', problems, 'input');
    const counts = named.map(([, s]) => Math.round(s * n));
    let left = n - counts.reduce((a, b) => a + b, 0);
    if (rest.length === 0 || left < 0) {
        // give the rounding remainder to the largest share
        const big = counts.indexOf(Math.max(...counts));
        counts[big] += left;
        left = 0;
    }
    const perm = new Rng(seed).permutation(n);
    const kind = spec0.kind;
    const value = (v) => (kind === 'boolean' ? (v === 'true' ? 1 : 0) : v);
    const groups = [];
    let at = 0;
    const take = (count, cond) => {
        if (count <= 0)
            return;
        const rows = Int32Array.from(perm.subarray(at, at + count)).sort();
        at += count;
        groups.push({ conditions: [cond], rows });
    };
    named.forEach(([v], i) => take(counts[i], { column: spec.column, kind, value: value(v) }));
    if (left > 0)
        take(left, {
            column: spec.column,
            kind,
            value: value(rest[0]),
            ...(rest.length > 1 ? { oneOf: rest.map(value) } : {}),
        });
    return { n, groups };
}
/** A rebalanced sample: `model.sample` with the plan of `rebalancePlan`. */
export function sampleRebalanced(model, n, spec, seed = 0) {
    return model.sample(n, { seed, conditions: rebalancePlan(model.schema, n, spec, seed) });
}
//# sourceMappingURL=rebalance.js.map