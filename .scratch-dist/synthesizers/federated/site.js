import { LookalikeError, ProblemList } from '../../errors.js';
import { planBudget } from '../../privacy/budget.js';
import { ledgerClaimProblems } from '../../privacy/ledger.js';
import { validateSchema } from '../../table/metadata.js';
import { formatEpsilon } from '../../format.js';
import { isNumberArray, isRecord } from '../common.js';
import { measureMarginals, startMarginalFit } from '../marginal/index.js';
import { selectSpanningTree } from '../mst/tree.js';
/**
 * Federated synthesis, the site's half (issue 15): `measureSite` runs at each site over its own rows with its own
 * budget and ledger and returns its noisy marginal measurements as a versioned JSON value (`SiteMeasurements`),
 * which is all that leaves the site. `combineSites` (combine.ts) estimates one model from several sites' files.
 *
 * Protocol ("mst-sites", one round, no interaction): every site runs MST's measure steps on its own rows —
 * ρ/4 for every 1-way marginal, ρ/4 for a spanning tree picked by the exponential mechanism on its own counts,
 * ρ/2 for the tree's 2-way marginals (`SITE_SPLIT`) — over the encoding that the
 * shared, declared public domains define, so every site's cells mean the same thing. MST's domain compression is
 * left to the combiner (post-processing of the pooled 1-way marginals): a site's own compression would merge cells
 * holding up to 3σ rows of that site alone, far more than the pooled threshold (measured: worse). Selection is adaptive
 * within a site and not across sites: the sites never see each other's measurements, so no coordinator or second
 * round is needed and each site's guarantee is exactly that of MST on its own rows.
 *
 * Guarantee: (ε, δ)-DP for the rows of that site, from its ledger (ρ-zCDP, every measurement charged before its
 * noise is drawn with the SecureRng). DP domains and adaptive bins are refused: they would make the sites'
 * encodings differ, and every column must have a declared public domain (and its schema facts declared).
 */
/** The format tag of a site file. */
export const SITE_FORMAT = 'lookalike-measurements';
/** The protocol a site file follows (docs/federated.md). */
export const SITE_PROTOCOL = 'mst-sites';
const SITE_OPTIONS = ['bins', 'maxExactIntegers'];
/**
 * How a site splits its ρ: a quarter for the 1-way marginals, a quarter for the tree selection, half for the tree's
 * 2-way marginals (central mst: a third each). The combiner sums the sites' tables, so the pooled 1-way marginals
 * are measured well even at a quarter, and the union of the sites' trees makes one site's selection matter less;
 * the 2-way tables, summed over sites, carry √K times one site's noise. On Adult over 3 sites at ε = 1 each this
 * moved the 3-way error from 0.116 to 0.113 (bench/federated.mjs, 3 runs each; docs/federated.md).
 */
export const SITE_SPLIT = { oneWay: 0.25, selection: 0.25, twoWay: 0.5 };
/**
 * Measure one site's rows for a federated fit (see the module comment for the protocol and guarantee). Throws a
 * LookalikeError listing every problem: a column without a declared public domain or with undeclared schema facts
 * (kind 'privacy'), an unknown option or a bad budget (kind 'usage'), a budget too small (kind 'privacy').
 */
export async function measureSite(table, schema, opts) {
    const o = opts.options ?? {};
    const p = new ProblemList();
    for (const k of Object.keys(o))
        if (!SITE_OPTIONS.includes(k))
            p.add(`option ${k} is not available to a federated site (${SITE_OPTIONS.join(', ')} are): every site must encode alike, so domains come from the shared metadata file`);
    const site = opts.site ?? 'site';
    if (typeof site !== 'string' || !site.trim())
        p.add('site must be a non-empty name');
    p.throwIfAny('federated measure: invalid options:', 'usage');
    const progress = opts.onProgress ?? (() => { });
    const fit = startMarginalFit(table, schema, {
        epsilon: opts.epsilon,
        ...(opts.delta !== undefined ? { delta: opts.delta } : {}),
        ...(opts.secureRng ? { secureRng: opts.secureRng } : {}),
        options: { ...o, adaptiveBins: 0 },
    }, 'federated measure');
    const { ledger, rng, names, source } = fit;
    const d = fit.encoding.sizes.length;
    const plan = planBudget(ledger, d > 1
        ? [
            { name: '1-way marginals', mechanism: 'gaussian', count: d, weight: SITE_SPLIT.oneWay / d },
            {
                name: 'spanning-tree selection',
                mechanism: 'exponential',
                count: d - 1,
                weight: SITE_SPLIT.selection / (d - 1),
            },
            {
                name: '2-way marginals',
                mechanism: 'gaussian',
                count: d - 1,
                weight: SITE_SPLIT.twoWay / (d - 1),
            },
        ]
        : [{ name: '1-way marginals', mechanism: 'gaussian', count: d, weight: 1 }]);
    progress({ phase: 'measure', message: '1-way marginals' });
    const ones = Array.from({ length: d }, (_, a) => [a]);
    const measured = await measureMarginals(source, ones, { rho: plan.rhoOf('1-way marginals') }, ledger, rng, names);
    const twoWay = [];
    if (d > 1) {
        progress({ phase: 'select', message: 'spanning tree' });
        const tree = await selectSpanningTree(source, measured, plan.epsilonOf('spanning-tree selection'), ledger, rng, names);
        progress({ phase: 'measure', message: '2-way marginals' });
        twoWay.push(...(await measureMarginals(source, tree, { rho: plan.rhoOf('2-way marginals') }, ledger, rng, names)));
    }
    const discretizers = fit.encoding.discretizers.map((x) => x.toJSON());
    const g = ledger.guarantee();
    return {
        format: SITE_FORMAT,
        version: 1,
        protocol: SITE_PROTOCOL,
        site,
        createdAt: new Date().toISOString(),
        schemaHash: await schemaHash(fit.schema, discretizers),
        schema: fit.schema,
        columns: [...names],
        discretizers,
        ids: fit.ids,
        measurements: [...measured, ...twoWay].map((m) => ({
            columns: m.attrs.map((a) => names[a]),
            attrs: [...m.attrs],
            sigma: m.sigma,
            values: Array.from(m.values),
        })),
        privacy: { type: 'dp', epsilon: g.epsilon, delta: g.delta },
        ledger: ledger.toJSON(),
    };
}
/** JSON with object keys sorted at every level (a stable text to hash). */
export function canonicalJson(x) {
    if (Array.isArray(x))
        return `[${x.map(canonicalJson).join(',')}]`;
    if (x && typeof x === 'object')
        return `{${Object.keys(x)
            .filter((k) => x[k] !== undefined)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonicalJson(x[k])}`)
            .join(',')}}`;
    return JSON.stringify(x);
}
/**
 * The schema hash of a site file: SHA-256 (WebCrypto, so also in a browser) of the canonical JSON of the schema
 * and the encoding. Sites compare it before exchanging files; the combiner recomputes it. It detects different
 * metadata and accidental edits — not forgery (anyone can recompute it); the ledger checks are what refuse a
 * forged guarantee.
 */
export async function schemaHash(schema, discretizers) {
    const bytes = new TextEncoder().encode(canonicalJson({ schema, discretizers }));
    const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
/**
 * Validate a parsed site file (every problem listed, LookalikeError kind 'input', naming `label`): envelope,
 * schema, encoding, the schema hash recomputed, each measurement's shape; the ledger as a model file's is checked
 * (`ledgerClaimProblems`: costs against noise scales, the total against the budget, the stated guarantee against
 * the total), and every measurement must be backed by its own ledger entry — a "marginal" entry of mechanism
 * discrete-gaussian on the same columns with the same σ, in order — so a file that drops, cheapens or forges an
 * entry is refused.
 */
export async function readSiteFile(json, label) {
    const p = new ProblemList();
    if (!isRecord(json))
        throw new LookalikeError(`${label} is not a site measurements file`, [], 'input');
    const f = json;
    if (f.format !== SITE_FORMAT)
        p.add(`"format" must be "${SITE_FORMAT}" (written by lookalike measure)`);
    if (f.version !== 1)
        p.add(`"version" must be 1 (got ${JSON.stringify(f.version)})`);
    if (f.protocol !== SITE_PROTOCOL)
        p.add(`"protocol" must be "${SITE_PROTOCOL}"`);
    if (typeof f.site !== 'string' || !f.site.trim())
        p.add('"site" must be a non-empty name');
    for (const s of validateSchema(f.schema, 'schema'))
        p.add(s);
    const colsOk = Array.isArray(f.columns) && f.columns.every((c) => typeof c === 'string');
    const cols = colsOk ? f.columns : [];
    const d = colsOk ? cols.length : -1;
    if (!colsOk || !cols.length)
        p.add('"columns" must be a list of column names');
    if (!isRecord(f.ids))
        p.add('"ids" must be an object');
    const sizes = [];
    if (!Array.isArray(f.discretizers) || f.discretizers.length !== d)
        p.add('"discretizers" must have one entry per column');
    else
        f.discretizers.forEach((x, i) => {
            if (!isRecord(x) || !(Number.isInteger(x.size) && x.size >= 1) || x.name !== cols[i])
                p.add(`discretizers[${i}] is not the discretizer of column ${JSON.stringify(cols[i])}`);
            else
                sizes.push(x.size);
        });
    const ms = f.measurements;
    const measurements = [];
    if (!Array.isArray(ms) || !ms.length)
        p.add('"measurements" must be a non-empty list');
    else if (sizes.length === d)
        ms.forEach((m, i) => {
            const at = `measurements[${i}]`;
            if (!isRecord(m))
                return p.add(`${at} is not an object`);
            const a = m.attrs;
            if (!isNumberArray(a) ||
                !a.length ||
                a.some((x, j) => !Number.isInteger(x) || x < 0 || x >= d || (j > 0 && !(x > a[j - 1]))))
                return p.add(`${at}.attrs must be increasing column indices below ${d}`);
            if (!Array.isArray(m.columns) ||
                m.columns.length !== a.length ||
                m.columns.some((c, j) => c !== cols[a[j]]))
                p.add(`${at}.columns must name its attrs`);
            if (!(typeof m.sigma === 'number' && m.sigma > 0 && Number.isFinite(m.sigma)))
                return p.add(`${at}.sigma must be a positive number`);
            const cells = a.reduce((s, x) => s * sizes[x], 1);
            if (!isNumberArray(m.values) || m.values.length !== cells)
                return p.add(`${at}.values must be ${cells} finite numbers`);
            measurements.push({ attrs: a, values: Float64Array.from(m.values), sigma: m.sigma });
        });
    const checked = ledgerClaimProblems(f.privacy, f.ledger);
    for (const m of checked.problems)
        p.add(m);
    if (checked.ledger && measurements.length === ms.length) {
        const marginals = checked.ledger.entries.filter((e) => e.query === 'marginal');
        if (marginals.length !== measurements.length)
            p.add(`the file holds ${measurements.length} measurement(s) but its ledger charges ${marginals.length} marginal(s): every measurement must be paid for, once`);
        else
            measurements.forEach((m, i) => {
                const e = marginals[i];
                const names = m.attrs.map((a) => cols[a]);
                if (e.mechanism !== 'discrete-gaussian' ||
                    (e.sensitivity ?? 1) !== 1 ||
                    e.columns.join('\u0000') !== names.join('\u0000') ||
                    Math.abs(e.noiseScale - m.sigma) > 1e-12 * m.sigma)
                    p.add(`measurements[${i}] (${names.join(', ')}, σ = ${m.sigma}) is not backed by its ledger entry (${e.mechanism} on ${e.columns.join(', ')}, σ = ${e.noiseScale})`);
            });
    }
    p.throwIfAny(`${label} is not a valid site measurements file:`, 'input');
    const file = f;
    const hash = await schemaHash(file.schema, file.discretizers);
    if (hash !== file.schemaHash)
        throw new LookalikeError(`${label} is not a valid site measurements file:`, [
            'its schemaHash does not match its schema and discretizers: the file was edited after lookalike measure wrote it',
        ], 'input');
    return {
        label,
        file,
        ledger: checked.ledger,
        guarantee: checked.ledger.guarantee(),
        measurements,
    };
}
/** What a site prints after measuring: where the file went, the site's guarantee, and the schema hash to compare. */
export function formatSiteMeasurements(file, out) {
    const { epsilon, delta } = file.privacy;
    return [
        `measurements: ${out} (${file.measurements.length} noisy marginals)`,
        `site ${file.site}: (ε = ${formatEpsilon(epsilon)}, δ = ${delta})-differentially private for the rows of this site (its ledger)`,
        `schema hash: ${file.schemaHash} — every site of the federation must print the same`,
    ].join('\n');
}
//# sourceMappingURL=site.js.map