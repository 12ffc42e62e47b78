import { Table } from '../table/table.js';
import { Rng } from '../random/rng.js';
import { LookalikeError } from '../errors.js';
import { idStyleOf, syntheticIdColumn, emptyTextColumn } from '../synthesizers/common.js';
import { chainColumn, chainValues, fitChain, loadChain, } from './chain.js';
const sequenceRegistry = new Map();
/** Makes a sequence model available by name (relational synthesis picks it with `sequenceSynthesizer`). */
export function registerSequenceSynthesizer(s) {
    sequenceRegistry.set(s.name, s);
}
export function getSequenceSynthesizer(name) {
    const s = sequenceRegistry.get(name);
    if (!s)
        throw new LookalikeError(`unknown sequence synthesizer "${name}"; available: ${[...sequenceRegistry.keys()].sort().join(', ')}`, [], 'usage');
    return s;
}
export function listSequenceSynthesizers() {
    return [...sequenceRegistry.values()];
}
// ---------------------------------------------------------------- ar-trees
const MODELLED = new Set(['numeric', 'datetime', 'categorical', 'boolean']);
const GAP = '__gap';
const lagName = (k, name) => `lag${k}:${name}`;
const lastName = (name) => `last:${name}`;
const ctxName = (name) => `ctx:${name}`;
const targetName = (s) => (s.change ? `change:${s.name}` : s.name);
function seriesValues(c) {
    return chainValues(c);
}
/** The chain-form column of a series (datetimes as plain numbers). */
function seriesColumn(s, name, v, categories) {
    if (s.kind === 'numeric' || s.kind === 'datetime')
        return {
            kind: 'numeric',
            name,
            values: v,
            integer: !!s.integer && !s.change ? true : !!s.integer,
        };
    if (s.kind === 'categorical')
        return { kind: 'categorical', name, codes: v, categories: categories ?? [] };
    return { kind: 'boolean', name, values: Int8Array.from(v) };
}
/** Lag-k copy of `v` within each entity (missing for the first k steps). */
function laggedValues(v, offsets, k) {
    const numeric = v instanceof Float64Array;
    const out = numeric
        ? new Float64Array(v.length).fill(NaN)
        : new Int32Array(v.length).fill(-1);
    for (let e = 0; e + 1 < offsets.length; e++)
        for (let i = offsets[e] + k; i < offsets[e + 1]; i++)
            out[i] = v[i - k];
    return out;
}
/** The most recent present value before each step within its entity (NaN when none). */
function lastPresentValues(v, offsets) {
    const out = new Float64Array(v.length).fill(NaN);
    for (let e = 0; e + 1 < offsets.length; e++) {
        let last = NaN;
        for (let i = offsets[e]; i < offsets[e + 1]; i++) {
            out[i] = last;
            if (v[i] === v[i])
                last = v[i];
        }
    }
    return out;
}
/** The step table the chain is fitted on (features, then targets) and the feature names. */
function stepTable(data, params, series, values, categories) {
    const { offsets } = data;
    const n = offsets[offsets.length - 1];
    const nE = offsets.length - 1;
    const entityOf = new Int32Array(n);
    for (let e = 0; e < nE; e++)
        entityOf.fill(e, offsets[e], offsets[e + 1]);
    const ctx = data.context.take(entityOf);
    const features = params.context.map((c) => ({ ...ctx.column(c), name: ctxName(c) }));
    const len = new Float64Array(n);
    const step = new Float64Array(n);
    for (let e = 0; e < nE; e++)
        for (let i = offsets[e]; i < offsets[e + 1]; i++) {
            len[i] = offsets[e + 1] - offsets[e];
            step[i] = i - offsets[e];
        }
    features.push({ kind: 'numeric', name: '__length', values: len, integer: true });
    features.push({ kind: 'numeric', name: '__step', values: step, integer: true });
    if (params.order) {
        const o = data.steps.column(params.order).values;
        const el = new Float64Array(n).fill(NaN);
        for (let e = 0; e < nE; e++)
            for (let i = offsets[e] + 1; i < offsets[e + 1]; i++)
                el[i] = o[i - 1] - o[offsets[e]];
        features.push({ kind: 'numeric', name: '__elapsed', values: el, integer: false });
    }
    const lasts = series.map((s, j) => (s.last ? lastPresentValues(values[j], offsets) : null));
    series.forEach((s, j) => features.push(seriesColumn({ ...s, change: false }, lagName(1, s.name), laggedValues(values[j], offsets, 1), categories[j])));
    series.forEach((s, j) => {
        if (s.lag2)
            features.push(seriesColumn({ ...s, change: false }, lagName(2, s.name), laggedValues(values[j], offsets, 2), categories[j]));
    });
    series.forEach((s, j) => {
        if (s.last)
            features.push({ kind: 'numeric', name: lastName(s.name), values: lasts[j], integer: false });
    });
    const targets = series.map((s, j) => {
        if (!s.change)
            return seriesColumn(s, s.name, values[j], categories[j]);
        const v = values[j];
        const l = lasts[j];
        const d = Float64Array.from(v, (x, i) => (l[i] === l[i] ? x - l[i] : x));
        return seriesColumn(s, targetName(s), d);
    });
    return { table: new Table([...features, ...targets], n), features: features.map((c) => c.name) };
}
class ArTreesModel {
    params;
    synthesizer = 'ar-trees';
    chain;
    constructor(params) {
        this.params = params;
        this.chain = loadChain(params.chain, 'the ar-trees chain');
    }
    sample(context, lengths, opts = {}) {
        const p = this.params;
        const rng = new Rng(opts.seed ?? 0);
        const nE = context.nRows;
        if (lengths.length !== nE)
            throw new LookalikeError(`ar-trees: ${lengths.length} lengths for ${nE} entities`, [], 'internal');
        const offsets = new Int32Array(nE + 1);
        let maxLen = 0;
        for (let e = 0; e < nE; e++) {
            offsets[e + 1] = offsets[e] + Math.max(0, lengths[e]);
            if (lengths[e] > maxLen)
                maxLen = lengths[e];
        }
        const n = offsets[nE];
        const conds = this.chain.conditions;
        const ctx = new Map();
        for (const name of p.context) {
            const d = conds.find((c) => c.name === ctxName(name));
            ctx.set(d.name, toChain(context.column(name), d));
        }
        const S = p.series;
        const numericS = S.map((s) => s.kind === 'numeric' || s.kind === 'datetime');
        const vals = S.map((_, j) => numericS[j] ? new Float64Array(n).fill(NaN) : new Int32Array(n).fill(-1));
        const sIndex = new Map(S.map((s, j) => [s.name, j]));
        const gapJ = p.order ? sIndex.get(GAP) : -1;
        /** Per entity: order value of the previous step minus the first one (the `__elapsed` feature). */
        const elapsed = new Float64Array(nE);
        /** Per series with a last-present feature, per entity: its most recent present value. */
        const lastSeen = S.map((s) => (s.last ? new Float64Array(nE).fill(NaN) : null));
        const sources = conds.map((d) => {
            const c = ctx.get(d.name);
            if (c)
                return { k: 'ctx', v: c };
            if (d.name === '__length')
                return { k: 'len' };
            if (d.name === '__step')
                return { k: 'step' };
            if (d.name === '__elapsed')
                return { k: 'elapsed' };
            if (d.name.startsWith('last:'))
                return { k: 'last', j: sIndex.get(d.name.slice(5)) };
            return { k: 'lag', j: sIndex.get(d.name.slice(5)), lag: d.name.startsWith('lag1:') ? 1 : 2 };
        });
        for (let t = 0; t < maxLen; t++) {
            const active = [];
            for (let e = 0; e < nE; e++)
                if (lengths[e] > t)
                    active.push(e);
            const m = active.length;
            const inputs = conds.map((d, c) => {
                const numeric = d.kind === 'numeric' || d.kind === 'datetime';
                const v = numeric ? new Float64Array(m) : new Int32Array(m);
                const src = sources[c];
                for (let a = 0; a < m; a++) {
                    const e = active[a];
                    switch (src.k) {
                        case 'ctx':
                            v[a] = src.v[e];
                            break;
                        case 'len':
                            v[a] = lengths[e];
                            break;
                        case 'step':
                            v[a] = t;
                            break;
                        case 'elapsed':
                            v[a] = t === 0 ? NaN : elapsed[e];
                            break;
                        case 'last':
                            v[a] = lastSeen[src.j][e];
                            break;
                        case 'lag':
                            v[a] = t >= src.lag ? vals[src.j][offsets[e] + t - src.lag] : numeric ? NaN : -1;
                    }
                }
                return v;
            });
            const drawn = this.chain.sampleValues(inputs, m, rng);
            for (let j = 0; j < S.length; j++) {
                const s = S[j];
                const out = vals[j];
                const dj = drawn[j];
                const seen = lastSeen[j];
                for (let a = 0; a < m; a++) {
                    const e = active[a];
                    let x = dj[a];
                    if (s.change && x === x) {
                        const l = seen[e];
                        if (l === l)
                            x += l;
                        if (x < s.min)
                            x = s.min;
                        if (x > s.max)
                            x = s.max;
                        if (s.integer)
                            x = Math.round(x);
                    }
                    out[offsets[e] + t] = x;
                    if (seen && x === x)
                        seen[e] = x;
                }
            }
            if (gapJ >= 0 && t >= 1)
                for (const e of active) {
                    const g = vals[gapJ][offsets[e] + t];
                    if (g === g)
                        elapsed[e] += g;
                }
        }
        const targets = this.chain.targets;
        const cols = [];
        for (const st of p.steps) {
            if (st.name === p.order) {
                const g = vals[gapJ];
                const o = new Float64Array(n);
                for (let e = 0; e < nE; e++) {
                    let acc = 0;
                    for (let i = offsets[e]; i < offsets[e + 1]; i++) {
                        acc = i === offsets[e] ? g[i] : acc + (g[i] === g[i] ? g[i] : 0);
                        o[i] = acc;
                    }
                }
                cols.push(st.kind === 'datetime'
                    ? { kind: 'datetime', name: st.name, values: o, format: p.orderFormat ?? 'ISO' }
                    : { kind: 'numeric', name: st.name, values: o, integer: S[gapJ].integer ?? false });
            }
            else if (sIndex.has(st.name)) {
                const j = sIndex.get(st.name);
                const d = targets[j];
                cols.push(chainColumn({
                    ...d,
                    name: st.name,
                    kind: S[j].kind,
                    ...(S[j].integer !== undefined ? { integer: S[j].integer } : {}),
                }, vals[j]));
            }
            else if (st.kind === 'id')
                cols.push(syntheticIdColumn(st.name, n, st.idStyle ?? 'prefixed'));
            else
                cols.push(emptyTextColumn(st.name, n));
        }
        return new Table(cols, n);
    }
    toJSON() {
        return { synthesizer: this.synthesizer, params: this.params };
    }
}
/** A column in the chain form of condition `d` (categories matched by name). */
export function toChain(c, d) {
    if (d.kind === 'categorical' && c.kind === 'categorical') {
        const lookup = new Map((d.categories ?? []).map((s, i) => [s, i]));
        const map = Int32Array.from(c.categories, (s) => lookup.get(s) ?? -1);
        return Int32Array.from(c.codes, (k) => (k < 0 ? -1 : map[k]));
    }
    return chainValues(c);
}
/**
 * `numericSteps: 'auto'` models a numeric series by its changes when (1) its pooled within-entity lag-1
 * autocorrelation r₁ is at least `AUTO_CHANGES_R` — then var(x_t − x_{t−1}) = 2(1 − r₁)·var(x) ≤ var(x), the change
 * is the smaller quantity, and a change drawn from a leaf keeps the entity at its own level, so persistent extreme
 * values stay persistent — and (2) it has more than `AUTO_CHANGES_DISTINCT` distinct values (a flag or a stage keeps
 * its exact values better as values). Measured on pbcseq (bench/RESULTS-relational.md): with every series as values
 * the heavy-tailed alk.phos and ast lost 0.13–0.18 of r₁; with every series as changes the weakly autocorrelated
 * protime (r₁ 0.36) gained up to 0.27.
 */
export const AUTO_CHANGES_R = 0.5;
export const AUTO_CHANGES_DISTINCT = 10;
/**
 * … and (3) the entities' sequences are short: at most this many steps on average. Changes add up along a sequence
 * like a random walk, so a long series drifts from the column's distribution — on beijing_air_quality (8,766 hourly
 * steps per station) `auto` without this bound lowered the table quality from 0.973 to 0.931, while values already
 * kept every r₁ there within 0.12.
 */
export const AUTO_CHANGES_MAX_MEAN_LENGTH = 100;
/** Pooled within-entity lag-1 Pearson autocorrelation of a numeric series (pairs with both values present). */
function lag1Autocorrelation(v, offsets) {
    let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (let e = 0; e + 1 < offsets.length; e++)
        for (let i = offsets[e] + 1; i < offsets[e + 1]; i++) {
            const x = v[i - 1];
            const y = v[i];
            if (x !== x || y !== y)
                continue;
            n++;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
    if (n < 3)
        return 0;
    const cov = sxy - (sx * sy) / n;
    const vx = sxx - (sx * sx) / n;
    const vy = syy - (sy * sy) / n;
    return vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : 0;
}
function autoChanges(v, offsets) {
    if (v.length > AUTO_CHANGES_MAX_MEAN_LENGTH * Math.max(1, offsets.length - 1))
        return false;
    const distinct = new Set();
    for (const x of v)
        if (x === x && distinct.size <= AUTO_CHANGES_DISTINCT)
            distinct.add(x);
    return distinct.size > AUTO_CHANGES_DISTINCT && lag1Autocorrelation(v, offsets) >= AUTO_CHANGES_R;
}
function parseArOptions(o) {
    const opts = o ?? {};
    const known = ['minSamplesLeaf', 'maxDepth', 'numericSteps', 'rankTargets', 'crossLags'];
    const problems = [];
    for (const k of Object.keys(opts))
        if (!known.includes(k))
            problems.push(`unknown option "${k}" (known: ${known.join(', ')})`);
    const int = (k, def, lo, hi) => {
        const v = opts[k];
        if (v === undefined)
            return def;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)
            problems.push(`${k} must be an integer in [${lo}, ${hi}]`);
        return v;
    };
    const numericSteps = opts.numericSteps ?? 'auto';
    const isMode = (m) => m === 'values' || m === 'changes';
    if (!isMode(numericSteps) &&
        numericSteps !== 'auto' &&
        !(typeof numericSteps === 'object' &&
            numericSteps !== null &&
            !Array.isArray(numericSteps) &&
            Object.values(numericSteps).every(isMode)))
        problems.push('numericSteps must be "auto", "values", "changes" or { series: "values" | "changes", … }');
    const r = {
        minSamplesLeaf: int('minSamplesLeaf', 5, 1, 1e9),
        maxDepth: int('maxDepth', 30, 1, 64),
        numericSteps: numericSteps,
        rankTargets: opts.rankTargets === true,
        crossLags: opts.crossLags === true,
    };
    if (opts.rankTargets !== undefined && typeof opts.rankTargets !== 'boolean')
        problems.push('rankTargets must be true or false');
    if (problems.length)
        throw new LookalikeError('ar-trees: invalid options:', problems, 'usage');
    return r;
}
function gapValues(steps, order, offsets) {
    const o = steps.column(order).values;
    const g = new Float64Array(o.length);
    for (let e = 0; e + 1 < offsets.length; e++)
        for (let i = offsets[e]; i < offsets[e + 1]; i++)
            g[i] = i === offsets[e] ? o[i] : o[i] - o[i - 1];
    return g;
}
function range(v) {
    let lo = Infinity, hi = -Infinity;
    for (const x of v) {
        if (x < lo)
            lo = x;
        if (x > hi)
            hi = x;
    }
    return lo <= hi ? [lo, hi] : [0, 0];
}
export const arTreesSynthesizer = {
    name: 'ar-trees',
    description: 'autoregressive conditional trees: each step drawn from tree leaves given the context, the step number, elapsed time and the previous steps (not DP)',
    async fit(data, opts = {}) {
        const o = parseArOptions(opts.options);
        const order = data.order ?? null;
        const oc = order ? data.steps.column(order) : null;
        if (oc && oc.kind !== 'numeric' && oc.kind !== 'datetime')
            throw new LookalikeError(`ar-trees: the order column "${order}" is ${oc.kind}; it must be numeric or datetime`);
        const context = data.context.columns.filter((c) => MODELLED.has(c.kind)).map((c) => c.name);
        const stepCols = data.steps.columns;
        const modelled = stepCols.filter((c) => MODELLED.has(c.kind) && c.name !== order);
        const values = [];
        const categories = [];
        const series = [];
        if (oc) {
            const g = gapValues(data.steps, order, data.offsets);
            values.push(g);
            categories.push(undefined);
            series.push({
                name: GAP,
                kind: 'numeric',
                change: false,
                integer: oc.kind === 'numeric' ? oc.integer : true,
                lag2: true,
                last: false,
            });
        }
        for (const c of modelled) {
            const v = seriesValues(c);
            const numeric = c.kind === 'numeric' || c.kind === 'datetime';
            const hasMissing = numeric && v.some((x) => x !== x);
            const mode = typeof o.numericSteps === 'string' ? o.numericSteps : (o.numericSteps[c.name] ?? 'values');
            const change = numeric && (mode === 'changes' || (mode === 'auto' && autoChanges(v, data.offsets)));
            const [min, max] = numeric ? range(v) : [0, 0];
            values.push(v);
            categories.push(c.kind === 'categorical' ? c.categories : undefined);
            series.push({
                name: c.name,
                kind: c.kind,
                change,
                ...(numeric ? { min, max, integer: c.kind === 'numeric' ? c.integer : true } : {}),
                lag2: numeric,
                last: hasMissing || change,
            });
        }
        const base = { context, order };
        const { table, features } = stepTable(data, base, series, values, categories);
        // each target's tree sees the context, the step features, every series' lag 1, and its own lag 2 / last value
        const own = (f) => /^(lag1|lag2|last):/.test(f);
        const shared = features.filter((f) => !own(f) || (o.crossLags && f.startsWith('lag1:')));
        const perTarget = {};
        for (const s of series)
            perTarget[targetName(s)] = [
                ...shared,
                ...features.filter((f) => !shared.includes(f) &&
                    (f === lagName(1, s.name) || f === lagName(2, s.name) || f === lastName(s.name))),
            ];
        const chain = fitChain(table, features, series.map(targetName), {
            minSamplesLeaf: o.minSamplesLeaf,
            maxDepth: o.maxDepth,
            features: perTarget,
            rankTargets: o.rankTargets,
            onProgress: opts.onProgress,
        }).toJSON();
        const params = {
            ...base,
            ...(oc?.kind === 'datetime' ? { orderFormat: oc.format } : {}),
            steps: stepCols.map((c) => ({
                name: c.name,
                kind: c.kind,
                ...(c.kind === 'id' ? { idStyle: idStyleOf(c) } : {}),
            })),
            series,
            chain,
        };
        return new ArTreesModel(params);
    },
    load(json) {
        const p = json.params;
        if (typeof p !== 'object' ||
            p === null ||
            !Array.isArray(p.context) ||
            !Array.isArray(p.steps) ||
            !Array.isArray(p.series))
            throw new LookalikeError('invalid ar-trees model:', [
                'params must have context, steps, series and chain',
            ]);
        return new ArTreesModel(p);
    },
};
registerSequenceSynthesizer(arTreesSynthesizer);
//# sourceMappingURL=sequence.js.map