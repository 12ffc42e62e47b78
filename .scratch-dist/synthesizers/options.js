/** What a value must be, in words: "a whole number ≥ 1", "a positive number of MB", `"none" or "density"`. */
export function optionExpects(s) {
    switch (s.type) {
        case 'integer':
        case 'number': {
            const what = s.type === 'integer' ? 'a whole number' : 'a number';
            const unit = s.unit ? ` of ${s.unit}` : '';
            if (s.type === 'number' && s.min === 0 && s.exclusiveMin && s.max === undefined)
                return `a positive number${unit}`;
            if (s.min !== undefined && s.max !== undefined && !s.exclusiveMin)
                return `${what}${unit} from ${s.min} to ${s.max}`;
            const lo = s.min !== undefined ? ` ${s.exclusiveMin ? '>' : '≥'} ${s.min}` : '';
            const hi = s.max !== undefined ? `${lo ? ' and' : ''} ≤ ${s.max}` : '';
            return `${what}${unit}${lo}${hi}`;
        }
        case 'boolean':
            return 'true or false';
        case 'enum':
            return s.values.map((v) => JSON.stringify(v)).join(s.values.length === 2 ? ' or ' : ', ');
        case 'columns':
            return 'a list of column names';
        case 'custom':
            return s.expects;
    }
}
/** The problems of one value (without the option's name), empty when it is acceptable. */
function valueProblems(s, v, ctx) {
    const bad = [`must be ${optionExpects(s)} (got ${JSON.stringify(v)})`];
    switch (s.type) {
        case 'integer':
        case 'number': {
            if (typeof v !== 'number' || !Number.isFinite(v))
                return bad;
            if (s.type === 'integer' && !Number.isInteger(v))
                return bad;
            if (s.min !== undefined && (s.exclusiveMin ? v <= s.min : v < s.min))
                return bad;
            if (s.max !== undefined && v > s.max)
                return bad;
            return [];
        }
        case 'boolean':
            return typeof v === 'boolean' ? [] : bad;
        case 'enum':
            return typeof v === 'string' && s.values.includes(v) ? [] : bad;
        case 'columns': {
            if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
                return bad;
            const out = [];
            const modelled = ctx.schema
                ? new Set(ctx.schema.columns.filter((c) => c.kind !== 'id' && c.kind !== 'text').map((c) => c.name))
                : null;
            const seen = new Set();
            for (const n of v) {
                if (modelled && !modelled.has(n))
                    out.push(`names "${n}", which is not a modelled column (id and text columns are not modelled)`);
                if (seen.has(n))
                    out.push(`lists "${n}" twice`);
                seen.add(n);
            }
            return out;
        }
        case 'custom':
            return [...s.check(v, ctx)];
    }
}
/**
 * Every problem of `options` against `schema`: unknown names (one problem naming them all and the known ones),
 * then each declared option's value problems, in declaration order. Empty when all is well.
 */
export function optionProblems(synthesizer, schema, options, ctx) {
    const out = [];
    const o = options ?? {};
    const known = schema.map((s) => s.name);
    const unknown = Object.keys(o).filter((k) => !known.includes(k));
    if (unknown.length) {
        out.push(`${synthesizer} has no option ${unknown.map((k) => `"${k}"`).join(', ')}; ` +
            (known.length ? `its options: ${known.join(', ')}` : 'it takes no options') +
            ' (see lookalike synthesizers)');
    }
    for (const s of schema) {
        if (o[s.name] === undefined)
            continue;
        for (const p of valueProblems(s, o[s.name], ctx))
            out.push(`option ${s.name} ${p}`);
    }
    return out;
}
/**
 * The options of a fit with the schema's defaults filled in (call after `checkFitOptions`, which the wrapper of
 * `defineSynthesizer` does). Options without a default and not given are absent.
 */
export function optionValues(schema, opts = {}) {
    const out = {};
    for (const s of schema)
        if (s.default !== undefined)
            out[s.name] = s.default;
    for (const [k, v] of Object.entries(opts.options ?? {}))
        if (v !== undefined)
            out[k] = v;
    return out;
}
/** One line of help: `name: help (a whole number ≥ 1; default 200)`. */
export function optionHelp(s) {
    const d = s.defaultText ?? (s.default !== undefined && s.default !== null ? JSON.stringify(s.default) : undefined);
    const type = s.type === 'custom' ? s.expects : optionExpects(s);
    return `${s.dpOnly ? 'with --epsilon: ' : ''}${s.help} (${type}${d !== undefined ? `; default ${d}` : ''})`;
}
/** The schema as plain JSON (no functions), for `lookalike synthesizers --json`. */
export function optionSchemaJSON(schema) {
    return schema.map((s) => {
        const { check: _check, ...rest } = s;
        return { ...rest, expects: optionExpects(s) };
    });
}
/**
 * `dpDomains`, shared by the DP synthesizers: release the domains that are not declared public under DP, spending
 * this share of the budget. Accepts what `parseDomainOption` (privacy/domains.ts) accepts: true / "true" / "" /
 * "yes" (the default share 0.1), false / "false" / "no" / null (no release), or a share in (0, 1) as a number or
 * numeric string.
 */
export function dpDomainsOption(dpOnly = false) {
    return {
        name: 'dpDomains',
        type: 'custom',
        expects: 'true or a fraction of the budget in (0, 1), e.g. 0.1',
        help: 'release the domains that are not declared public under DP, spending this share of the budget; without it such domains are refused',
        ...(dpOnly ? { dpOnly } : {}),
        check: (v) => {
            if ([undefined, null, true, false, 'true', 'false', '', 'yes', 'no'].includes(v))
                return [];
            const x = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
            return x > 0 && x < 1
                ? []
                : [
                    `must be true or a fraction of the budget in (0, 1), e.g. dpDomains=0.1 (got ${JSON.stringify(v)})`,
                ];
        },
    };
}
/** `bins` and `maxExactIntegers`: how the DP synthesizers discretise numeric columns (table/encode.ts). */
export function discretisationOptions(dpOnly = false) {
    const w = dpOnly ? { dpOnly } : {};
    return [
        {
            name: 'adaptiveBins',
            type: 'number',
            min: 0,
            max: 0.99,
            default: 0.1,
            help: 'share of the budget for adaptive DP bins (a noisy histogram on a public log-spaced grid merged into bins of equal mass) for numeric columns without declared bins or values; 0 = equal-width bins (the only choice for rows counted where they live)',
            ...w,
        },
        {
            name: 'bins',
            type: 'integer',
            min: 1,
            default: 32,
            help: 'most bins for numeric columns without declared bins (adaptive: fewer on small tables or small ε)',
            ...w,
        },
        {
            name: 'maxExactIntegers',
            type: 'integer',
            min: 0,
            default: 128,
            help: 'integer columns spanning at most this many values stay exact',
            ...w,
        },
    ];
}
//# sourceMappingURL=options.js.map