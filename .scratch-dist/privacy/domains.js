import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { LookalikeError, ProblemList } from '../errors.js';
import { datetimeCodec } from '../table/datetime.js';
import { isCategoricalDomain, isDatetimeDomain, isNumericDomain } from '../table/schema.js';
import { missingCount } from '../table/infer.js';
import { Table } from '../table/table.js';
import { roundUpRel, sumUp } from './accountant.js';
import { exponentialMechanism, gaussianMechanism } from './mechanisms.js';
import { roundUpToBits } from './rational.js';
import { DiscreteGaussian } from './samplers.js';
/**
 * DP domains (DESIGN.md rule 5). A DP fit may only use domains that are *declared public* (metadata file,
 * `source: "public"`) or *released under DP* (`source: "dp"`, paid from the fit's ledger). This module checks the
 * first (`requirePublicDomains`) and performs the second (`releaseDomains`).
 *
 * Budget of a release (option `dpDomains` of the DP synthesizers: `--option dpDomains=0.1`):
 * - a fraction f (default 0.1) of the zCDP budget that is left once the δ for categories is set aside, split
 *   equally between the columns released;
 * - when categorical columns are released, half of the budget δ (`deltaFraction`), split equally between them.
 */
/** The option that asks a DP synthesizer to release missing domains under DP. */
export const DP_DOMAINS_OPTION = 'dpDomains';
/** Default share of the ρ budget spent on DP domains when `dpDomains` is given without a number. */
export const DEFAULT_DOMAIN_FRACTION = 0.1;
const NEEDS_DOMAIN = new Set(['numeric', 'categorical', 'datetime']);
function hasUsableDomain(spec) {
    const d = spec.domain;
    if (!d || (d.source !== 'public' && d.source !== 'dp'))
        return false;
    if (spec.kind === 'numeric')
        return isNumericDomain(d);
    if (spec.kind === 'categorical')
        return isCategoricalDomain(d);
    if (spec.kind === 'datetime')
        return isDatetimeDomain(d);
    return true;
}
/**
 * The columns (among `columns`, default every column) that a DP fit cannot use as they are: numeric, datetime and
 * categorical columns whose domain is missing or was inferred from the data. Boolean columns need no domain; id
 * and text columns are not modelled by the DP synthesizers.
 */
export function columnsNeedingDomains(schema, columns) {
    const wanted = columns ? new Set(columns) : null;
    return schema.columns.filter((c) => (!wanted || wanted.has(c.name)) && NEEDS_DOMAIN.has(c.kind) && !hasUsableDomain(c));
}
/**
 * Throws a LookalikeError (kind 'privacy') naming *every* column among `columns` (default all) whose domain is
 * neither declared public nor released under DP, with the two ways to fix it. Never prints a value.
 */
export function requirePublicDomains(schema, columns, what = 'a differentially private fit') {
    const bad = columnsNeedingDomains(schema, columns);
    if (!bad.length)
        return;
    throw new LookalikeError(`${what} may not use column domains (bounds, category lists) read off the private data; ` +
        `${bad.length} column(s) need a public or DP domain. Fix it in one of two ways:\n` +
        `  1. declare them public: \`lookalike inspect data.csv --public-domains --out meta.json\`, review and edit ` +
        `meta.json (bounds and categories must be public knowledge, e.g. from a codebook), then pass --metadata meta.json;\n` +
        `  2. let lookalike release them under DP with part of the budget: \`--option ${DP_DOMAINS_OPTION}=${DEFAULT_DOMAIN_FRACTION}\` ` +
        `(spends that fraction of ε's zCDP budget, and half of δ if categorical columns are released; rare categories ` +
        `are merged into "other"). Columns:`, bad.map((c) => `${c.name} (${c.kind}): ${c.domain ? `domain source "${c.domain.source}"` : 'no domain'}`), 'privacy');
}
/**
 * The schema facts besides domains (issue 10): the kind, integer flag, decimal places, datetime format,
 * nullability and id style of a column are facts about the private rows when inference read them off the data
 * (`ColumnSpec.inferredFacts`), and each changes the model file (its encoding, its rounding, its ids). A DP fit
 * takes them only when declared. Returns the schema a DP fit may use: `inferredFacts` dropped and, with
 * `assumeNullable` (the `dpDomains` path), an undeclared nullability replaced by `true` — a missing-value code that
 * costs nothing and reveals nothing. Throws a LookalikeError:
 * - kind 'privacy', listing every column (all columns: id and text columns are written too) with its undeclared
 *   facts and the fix (`inspect --public-domains` writes them all);
 * - kind 'input', when a modelled column that may not be missing (`nullable` false or absent) has missing values,
 *   naming the column and the count (never a value). With `table` null (rows counted where they live, issue 15)
 *   that check is the count source's (`CountableRows.open`).
 */
export function requireDeclaredFacts(table, schema, modelled, what, opts = {}) {
    const facts = [];
    const columns = schema.columns.map((c) => {
        const left = (c.inferredFacts ?? []).filter((f) => !(opts.assumeNullable && f === 'nullable'));
        if (left.length)
            facts.push(`${c.name} (${c.kind}): ${left.join(', ')} read off the data`);
        const assumed = opts.assumeNullable && c.inferredFacts?.includes('nullable');
        const { inferredFacts: _drop, ...rest } = c;
        void _drop;
        return assumed ? { ...rest, nullable: true } : rest;
    });
    if (facts.length)
        throw new LookalikeError(`${what} may not use schema facts read off the private data (issue 10: each changes the model file); ` +
            `declare them in a metadata file: \`lookalike inspect data.csv --public-domains --out meta.json\` writes ` +
            `every one (kind, integer, decimals, format, nullable, idStyle); review it, then pass --metadata meta.json. ` +
            `Columns:`, facts, 'privacy');
    if (!table)
        return { ...schema, columns };
    const wanted = new Set(modelled);
    const missing = new ProblemList();
    for (const c of columns) {
        if (!wanted.has(c.name) || c.nullable)
            continue;
        const k = missingCount(table.column(c.name));
        if (k)
            missing.add(`column "${c.name}" has ${k} missing value${k === 1 ? '' : 's'} but is not declared nullable; declare "nullable": true in the metadata, or fill or drop those rows`);
    }
    missing.throwIfAny(`${what}: missing values where the schema allows none:`, 'input');
    return { ...schema, columns };
}
/**
 * Parse the `dpDomains` synthesizer option: absent/false/"false" → null (no release), true/"true"/"" → the
 * default fraction 0.1, a number or numeric string in (0, 1) → that fraction. Throws a LookalikeError (kind
 * 'usage') otherwise.
 */
export function parseDomainOption(value) {
    if (value === undefined || value === null || value === false || value === 'false' || value === 'no')
        return null;
    if (value === true || value === 'true' || value === '' || value === 'yes')
        return DEFAULT_DOMAIN_FRACTION;
    const x = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
    if (!(x > 0 && x < 1)) {
        throw new LookalikeError(`option ${DP_DOMAINS_OPTION} must be true or a fraction of the budget in (0, 1), e.g. ${DP_DOMAINS_OPTION}=0.1`, [], 'usage');
    }
    return x;
}
// ---------------------------------------------------------------------------------------------------------------
// Numeric and datetime bounds: a noisy histogram over public magnitude bins; DP quantiles on a public grid.
/**
 * The default public grid (bin edges) for numeric bounds when nothing is known: 0 and ±m·2^k for m ∈ {1, 1.5},
 * k = −20…62 (half-octave magnitude buckets, 333 edges, sorted). Data-independent by construction. Bounds land on
 * these edges, e.g. ages 17–90 → [16, 96]. Finer grids give tighter bounds but thinner bins, which then fall
 * under the noise threshold more often.
 */
export function defaultNumericGrid() {
    const out = [0];
    for (let k = -20; k <= 62; k++)
        for (const m of [1, 1.5])
            out.push(m * 2 ** k, -m * 2 ** k);
    return out.sort((a, b) => a - b);
}
/** The default public grid for datetime bounds: 1 January of every year from 1800 to 2200 (UTC, ms). */
export function defaultDatetimeGrid() {
    const out = [];
    for (let y = 1800; y <= 2200; y++)
        out.push(Date.UTC(y, 0, 1));
    return out;
}
/**
 * A DP q-quantile of the present (non-NaN) values, chosen from a public grid by the exponential mechanism with
 * score u(c) = −|#{x < c} − q·#{x}|.
 *
 * Guarantee: under add/remove-one-row neighbours the score has sensitivity max(q, 1−q) ≤ 1, so the release is
 * ε-DP with ε = √(8ρ), charged as ρ-zCDP (ε-bounded range, Cesar & Rogers 2021). Ledger entry: query
 * "domain:quantile(q)", mechanism "exponential". Runtime O(n log n + |grid|). Smith 2011 (DP quantiles by the
 * exponential mechanism), restricted to a data-independent grid.
 */
export function dpQuantile(values, opts, ledger, rng) {
    const present = values.filter((v) => !Number.isNaN(v)).sort();
    const n = present.length;
    const grid = opts.grid;
    const scores = new Float64Array(grid.length);
    let j = 0;
    for (let i = 0; i < grid.length; i++) {
        while (j < n && present[j] < grid[i])
            j++;
        scores[i] = -Math.abs(j - opts.q * n);
    }
    const epsilon = Math.sqrt(8 * opts.rho) * (1 - 1e-12); // ε²/8 ≤ ρ after the accountant rounds it up
    const pick = exponentialMechanism(scores, { epsilon, sensitivity: 1 }, ledger, { query: `domain:quantile(${opts.q})`, columns: [opts.column] }, rng);
    return grid[pick];
}
/**
 * DP bounds [min, max] of a numeric column from a noisy histogram over a public grid of bin edges (the approach
 * of "approximate bounds" in Google's DP library): count the present values in each bin [gᵢ, gᵢ₊₁), add discrete
 * Gaussian noise (σ² = 1/(2ρ)), and take the lower edge of the lowest bin and the upper edge of the highest bin
 * whose noisy count reaches T = σ·Φ⁻¹(1 − spurious/bins). If no bin reaches T, the bin with the largest noisy
 * count gives both bounds. Bins with a handful of outliers fall under T, so outliers are clipped.
 *
 * Guarantee: ρ-zCDP under add/remove-one-row neighbours (a row changes one bin count by 1; the bins are
 * data-independent, so no δ), via `gaussianMechanism` (ledger query "domain:bounds"). Everything after the noisy
 * counts is post-processing. Integer columns get integer bounds. Returns a domain with source "dp".
 * Runtime O(n log |grid|).
 */
export function releaseNumericBounds(values, column, integer, opts, ledger, rng) {
    const grid = opts.grid ?? defaultNumericGrid();
    const bins = grid.length - 1;
    if (bins < 1)
        throw new LookalikeError('releaseNumericBounds: the grid needs at least 2 edges', [], 'internal');
    const counts = new Float64Array(bins);
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (Number.isNaN(v))
            continue;
        // largest b with grid[b] ≤ v, clamped to [0, bins − 1]
        let lo = 0;
        let hi = bins - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (grid[mid] <= v)
                lo = mid;
            else
                hi = mid - 1;
        }
        counts[lo]++;
    }
    const noisy = gaussianMechanism(counts, { rho: opts.rho }, ledger, { query: 'domain:bounds', columns: [column] }, rng);
    const z = normalQuantile(1 - (opts.spurious ?? 0.01) / bins, 0, 1);
    const threshold = noisy.scale * z;
    let first = -1;
    let last = -1;
    for (let b = 0; b < bins; b++) {
        if (noisy.values[b] >= threshold) {
            if (first < 0)
                first = b;
            last = b;
        }
    }
    if (first < 0) {
        let best = 0;
        for (let b = 1; b < bins; b++)
            if (noisy.values[b] > noisy.values[best])
                best = b;
        first = last = best;
    }
    let min = grid[first];
    let max = grid[last + 1];
    if (integer) {
        min = Math.floor(min);
        max = Math.ceil(max);
    }
    return { min, max, source: 'dp' };
}
/** DP bounds of a datetime column (values in ms), on a yearly grid by default; written in the column's format. */
export function releaseDatetimeBounds(values, column, format, opts, ledger, rng) {
    const b = releaseNumericBounds(values, column, false, { ...opts, grid: opts.grid ?? defaultDatetimeGrid() }, ledger, rng);
    const codec = datetimeCodec(format);
    return { min: codec.format_(b.min), max: codec.format_(b.max), source: 'dp' };
}
// ---------------------------------------------------------------------------------------------------------------
// Category lists: a thresholded discrete-Gaussian histogram over the observed categories.
/**
 * An upper bound on P(Z ≥ m) for Z ~ N_ℤ(0, σ²), m ≥ 1:
 *   Σ_{y≥m} e^{−y²/2σ²} ≤ e^{−m²/2σ²} + σ√(2π)·Φ(−m/σ)   and   Σ_{y∈ℤ} e^{−y²/2σ²} ≥ max(1, σ√(2π) − 1),
 * inflated by 1e-9 relative for floating-point error.
 */
export function discreteGaussianTail(m, sigma2) {
    if (m <= 0)
        return 1;
    const s = Math.sqrt(sigma2);
    const root = s * Math.sqrt(2 * Math.PI);
    const num = Math.exp((-m * m) / (2 * sigma2)) + root * normalCdf(-m / s, 0, 1);
    const den = Math.max(1, root - 1);
    return Math.min(1, (num / den) * (1 + 1e-9));
}
/** The smallest integer threshold τ ≥ 1 with P(1 + Z ≥ τ) ≤ δ for Z ~ N_ℤ(0, σ²). */
export function categoryThreshold(sigma2, delta) {
    let lo = 1; // tail(τ−1) > δ for τ = lo? search τ in [1, hi]
    let hi = 2;
    while (discreteGaussianTail(hi - 1, sigma2) > delta)
        hi *= 2;
    while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (discreteGaussianTail(mid - 1, sigma2) <= delta)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}
/**
 * A DP category list for a categorical column: discrete Gaussian noise N_ℤ(0, σ²), σ² = 1/(2ρ), is added to the
 * count of every category *observed* in the column, and a category is released when its noisy count reaches a
 * threshold τ chosen so that P(1 + Z ≥ τ) ≤ δ. The released list is sorted, and an "other" category (always
 * present, so its presence reveals nothing) receives every value whose category was not released.
 *
 * Guarantee: δ-approximate ρ-zCDP under add/remove-one-row neighbours (stability-based histogram; Korolova et al.
 * 2009, Bun & Steinke 2016 Sec. 8 on approximate zCDP). A row changes one count by 1. If its category is observed
 * in both tables, the step is the Gaussian mechanism on the union of keys (ρ-zCDP). If the category exists in one
 * table only (count 1 there), the only difference is whether it is released, which happens with probability
 * P(1 + Z ≥ τ) ≤ δ; conditioned on not being released, the outputs have the same distribution. The ledger entry
 * carries both (query "domain:categories", mechanism "thresholded-discrete-gaussian", noiseScale σ, rho, delta),
 * and the ledger sets δ aside before converting ρ to (ε, δ). Noisy counts are discarded (only the list is
 * released). Missing values are not a category here (they are their own code when the column is nullable).
 * Runtime O(n + k).
 */
export function releaseCategories(column, opts, ledger, rng) {
    const k = column.categories.length;
    const counts = new Float64Array(k);
    const codes = column.codes;
    for (let i = 0; i < codes.length; i++)
        if (codes[i] >= 0)
            counts[codes[i]]++;
    const sigma2 = roundUpToBits(roundUpRel(1 / (2 * opts.rho)), 20);
    const rho = Math.min(opts.rho, roundUpRel(1 / (2 * sigma2)));
    const tau = categoryThreshold(sigma2, opts.delta);
    ledger.charge({
        query: 'domain:categories',
        columns: [column.name],
        mechanism: 'thresholded-discrete-gaussian',
        noiseScale: Math.sqrt(sigma2),
        rho,
        delta: opts.delta,
    });
    const g = new DiscreteGaussian(sigma2);
    const kept = [];
    for (let c = 0; c < k; c++) {
        if (counts[c] < 1)
            continue; // only observed categories are candidates
        if (counts[c] + g.sample(rng) >= tau)
            kept.push(column.categories[c]);
    }
    kept.sort();
    let other = opts.otherLabel ?? 'other';
    while (kept.includes(other))
        other = `${other} (merged)`;
    kept.push(other);
    return { categories: kept, source: 'dp' };
}
/**
 * The column recoded onto a released category list: values whose category is not in the list become its last
 * category ("other"); missing stays missing. Data-independent given the list (post-processing).
 */
export function remapCategories(column, domain) {
    const index = new Map(domain.categories.map((c, i) => [c, i]));
    const otherCode = domain.categories.length - 1;
    const map = new Int32Array(column.categories.length);
    column.categories.forEach((c, i) => (map[i] = index.get(c) ?? otherCode));
    const codes = new Int32Array(column.codes.length);
    for (let i = 0; i < codes.length; i++)
        codes[i] = column.codes[i] < 0 ? -1 : map[column.codes[i]];
    return { kind: 'categorical', name: column.name, codes, categories: [...domain.categories] };
}
/**
 * Release, under DP and charged to `ledger`, the domain of every column that needs one (see
 * `columnsNeedingDomains`): numeric and datetime bounds by `releaseNumericBounds`/`releaseDatetimeBounds`, category
 * lists by `releaseCategories`. The ρ is split equally between columns; δ between categorical columns. Call it
 * first in a DP fit, then plan the rest of the fit with `ledger.rhoRemaining`. Throws a LookalikeError (kind
 * 'usage') on bad options and (kind 'privacy') when the ledger cannot pay. Columns with declared public or DP
 * domains are left untouched and cost nothing.
 */
export function releaseDomains(table, schema, ledger, rng, opts = {}) {
    const fraction = opts.fraction ?? DEFAULT_DOMAIN_FRACTION;
    const deltaFraction = opts.deltaFraction ?? 0.5;
    const p = new ProblemList();
    if (!(fraction > 0 && fraction < 1))
        p.add(`fraction must be in (0, 1) (got ${fraction})`);
    if (!(deltaFraction > 0 && deltaFraction < 1))
        p.add(`deltaFraction must be in (0, 1) (got ${deltaFraction})`);
    const todo = columnsNeedingDomains(schema, opts.columns);
    for (const c of todo)
        if (!table.has(c.name))
            p.add(`column "${c.name}" is in the schema but not in the table`);
    for (const c of todo) {
        if (c.kind === 'datetime' && !c.format)
            p.add(`column "${c.name}" (datetime) has no format`);
        if (table.has(c.name) && table.column(c.name).kind !== c.kind) {
            p.add(`column "${c.name}" is ${table.column(c.name).kind} in the table but ${c.kind} in the schema`);
        }
    }
    p.throwIfAny('cannot release DP domains', 'usage');
    if (!todo.length)
        return { schema, table, released: [] };
    const nCat = todo.filter((c) => c.kind === 'categorical').length;
    const deltaTotal = nCat ? ledger.budget.delta * deltaFraction : 0;
    const deltaEach = nCat ? deltaTotal / nCat / (1 + 1e-9) : 0; // the sum of the parts stays ≤ deltaTotal
    const rhoAvailable = ledger.rhoRemainingAfter(sumUp([deltaTotal]));
    if (!(rhoAvailable > 0)) {
        throw new LookalikeError('cannot release DP domains: the privacy budget is already spent', [], 'privacy');
    }
    const rhoEach = (rhoAvailable * fraction) / todo.length;
    const domains = new Map();
    const recoded = new Map();
    for (const spec of todo) {
        const col = table.column(spec.name);
        if (col.kind === 'numeric') {
            domains.set(spec.name, releaseNumericBounds(col.values, spec.name, spec.integer ?? col.integer, { rho: rhoEach, grid: opts.numericGrid }, ledger, rng));
        }
        else if (col.kind === 'datetime') {
            domains.set(spec.name, releaseDatetimeBounds(col.values, spec.name, spec.format, { rho: rhoEach }, ledger, rng));
        }
        else if (col.kind === 'categorical') {
            const d = releaseCategories(col, { rho: rhoEach, delta: deltaEach, otherLabel: opts.otherLabel }, ledger, rng);
            domains.set(spec.name, d);
            recoded.set(spec.name, remapCategories(col, d));
        }
    }
    const newSchema = {
        ...schema,
        columns: schema.columns.map((c) => (domains.has(c.name) ? { ...c, domain: domains.get(c.name) } : c)),
    };
    const newTable = recoded.size
        ? new Table(table.columns.map((c) => recoded.get(c.name) ?? c), table.nRows)
        : table;
    return { schema: newSchema, table: newTable, released: todo.map((c) => c.name) };
}
//# sourceMappingURL=domains.js.map