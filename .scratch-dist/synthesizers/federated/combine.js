import { LookalikeError, ProblemList } from '../../errors.js';
import { estimateModel, estimateTotal } from '../../pgm/estimate.js';
import { cellCount, shapeOf } from '../../pgm/factor.js';
import { hypotheticalModelSizeMB } from '../../pgm/junction-tree.js';
import { formatEpsilon } from '../../format.js';
import { MarginalModel } from '../marginal/index.js';
import { canonicalJson, readSiteFile } from './site.js';
/** A model estimated from several sites' measurements. */
export class CombinedModel {
    inner;
    sites;
    schemaHash;
    pairs;
    droppedPairs;
    synthesizer = 'federated-mst';
    /** (max ε_s, max δ_s): what the release guarantees to any one row (a row is at one site). */
    privacy;
    constructor(inner, sites, schemaHash, 
    /** The 2-way marginals in the model, by column names, with the number of sites that measured each. */
    pairs, 
    /** Measured pairs left out to keep the junction tree within maxModelSize. */
    droppedPairs) {
        this.inner = inner;
        this.sites = sites;
        this.schemaHash = schemaHash;
        this.pairs = pairs;
        this.droppedPairs = droppedPairs;
        const eps = Math.max(...sites.map((s) => s.guarantee.epsilon));
        const delta = Math.max(...sites.map((s) => s.guarantee.delta));
        const rho = Math.max(...sites.map((s) => s.guarantee.rho));
        this.privacy = { type: 'dp', epsilon: eps, delta, rho };
    }
    get schema() {
        return this.inner.schema;
    }
    /** The pooled noisy row count, at least 1 (the default number of rows to draw). */
    get defaultRows() {
        return this.inner.defaultRows;
    }
    /** Rows drawn from the combined model (see `MarginalModel.sample`: seeded, conditions allowed). */
    sample(n, opts = {}) {
        return this.inner.sample(n, opts);
    }
}
/**
 * What `lookalike combine` reports after sampling `rows` rows (seed `seed`) into `out`: `json` — the schema hash,
 * each site with its file and guarantee, the release's guarantee, the pairs kept and dropped — and `text`, the line
 * written and the guarantees (formatSiteGuarantees).
 */
export function combinedSummary(model, run) {
    const sites = model.sites.map((s) => ({ site: s.site, file: s.label, privacy: s.guarantee }));
    const { schemaHash, privacy, pairs, droppedPairs } = model;
    const wrote = `wrote ${run.rows.toLocaleString('en-US')} rows to ${run.out} — federated mst over ${sites.length} site(s)`;
    return {
        json: { ...run, schemaHash, sites, privacy, pairs, droppedPairs },
        text: [wrote, ...formatSiteGuarantees(model)].join('\n'),
    };
}
/** The per-site guarantee lines every caller prints (CLI, reports): one line per site, then the whole release. */
export function formatSiteGuarantees(model) {
    const out = model.sites.map((s) => `site ${s.site} (${s.label}): (ε = ${formatEpsilon(s.guarantee.epsilon)}, δ = ${s.guarantee.delta})-differentially private for the rows held at ${s.site} (its ledger, ρ = ${formatEpsilon(s.guarantee.rho, 6)})`);
    out.push(`a person whose rows are all at one site is protected at that site's (ε, δ); the release as a whole is (ε = ${formatEpsilon(model.privacy.epsilon)}, δ = ${model.privacy.delta})-DP per row; a person with rows at several sites: add those sites' ε and δ`);
    return out;
}
/**
 * Read and validate the sites' files, check they share one schema, pool their measurements and estimate one
 * model (see the module comment). `files`: each parsed site file with a label for messages (its path). Throws a
 * LookalikeError (kind 'input') listing every problem: an invalid or forged file (readSiteFile), a file whose schema
 * differs from the first file's (naming the file, the columns and what differs — never a value), two files of
 * the same site.
 */
export async function combineSites(files, opts = {}) {
    const p = new ProblemList();
    if (!files.length)
        throw new LookalikeError('combine needs at least one site file', [], 'usage');
    const iters = opts.iters ?? 2000;
    const maxSize = opts.maxModelSize ?? 80;
    if (!(Number.isInteger(iters) && iters >= 1))
        p.add('iters must be a whole number ≥ 1');
    if (!(maxSize > 0))
        p.add('maxModelSize must be a positive number of MB');
    p.throwIfAny('combine: invalid options:', 'usage');
    const progress = opts.onProgress ?? (() => { });
    const problems = [];
    const sites = [];
    for (const f of files) {
        try {
            sites.push(await readSiteFile(f.json, f.label));
        }
        catch (e) {
            if (!(e instanceof LookalikeError))
                throw e;
            problems.push(e.message + (e.problems.length ? ' ' + e.problems.join('; ') : ''));
        }
    }
    if (problems.length)
        throw new LookalikeError('cannot combine the site files:', problems, 'input');
    const ref = sites[0];
    for (const s of sites.slice(1))
        if (s.file.schemaHash !== ref.file.schemaHash)
            problems.push(`${s.label} was measured over a different schema from ${ref.label} (schema hash ${s.file.schemaHash.slice(0, 12)}… vs ${ref.file.schemaHash.slice(0, 12)}…): ${schemaDifferences(ref, s)}; every site must run lookalike measure with the same metadata file and options`);
    const bySite = new Map();
    for (const s of sites) {
        const seen = bySite.get(s.file.site);
        if (seen !== undefined)
            problems.push(`${seen} and ${s.label} both come from site "${s.file.site}": each site's measurements may be combined once (a second file of the same rows would double their privacy cost)`);
        bySite.set(s.file.site, s.label);
    }
    if (problems.length)
        throw new LookalikeError('cannot combine the site files:', problems, 'input');
    const sizes0 = ref.file.discretizers.map((x) => x.size);
    const d = sizes0.length;
    const names = ref.file.columns;
    const noisyRows = sites.map((s) => estimateTotal(s.measurements.filter((m) => m.attrs.length === 1)));
    const allRows = noisyRows.reduce((a, b) => a + b, 0);
    // the model's domain: MST's compression on the pooled 1-way marginals (every site measured each over the encoded
    // domain): cells whose pooled noisy count is below `compressThreshold` σ share one code
    const compression = [];
    const sizes = [];
    const threshold = opts.compressThreshold ?? 3;
    for (let a = 0; a < d; a++) {
        const y = new Float64Array(sizes0[a]);
        let v = 0;
        for (const s of sites) {
            const m = s.measurements.find((x) => x.attrs.length === 1 && x.attrs[0] === a);
            if (!m)
                throw new LookalikeError(`${s.label} has no 1-way marginal of column ${JSON.stringify(names[a])}`, [], 'input');
            for (let k = 0; k < y.length; k++)
                y[k] += m.values[k];
            v += m.sigma * m.sigma;
        }
        const keep = [];
        for (let k = 0; k < y.length; k++)
            if (!(threshold > 0) || y[k] >= threshold * Math.sqrt(v))
                keep.push(k);
        const map = keep.length === sizes0[a] ? null : new Int32Array(sizes0[a]).fill(keep.length);
        if (map)
            keep.forEach((k, i) => (map[k] = i));
        compression.push(map);
        sizes.push(map ? keep.length + 1 : sizes0[a]);
    }
    const toModel = sizes0.map((n, a) => Int32Array.from({ length: n }, (_, k) => compression[a]?.[k] ?? k));
    // pool: per marginal, each site's estimate on the model domain (inverse-variance mean if it measured it twice),
    // then the union of the sites
    const groups = new Map();
    sites.forEach((s, i) => s.measurements.forEach((m) => {
        const key = m.attrs.join(',');
        let g = groups.get(key);
        if (!g)
            groups.set(key, (g = { attrs: m.attrs, per: new Map() }));
        const maps = m.attrs.map((a) => toModel[a]);
        const list = g.per.get(i) ?? [];
        list.push(onModel(m, maps, sizes));
        g.per.set(i, list);
    }));
    const measurements = [];
    const support = [];
    for (const g of groups.values()) {
        const cells = cellCount(shapeOf(g.attrs, sizes));
        const values = new Float64Array(cells);
        const variance = new Float64Array(cells);
        let rowsT = 0;
        for (const [i, list] of g.per) {
            for (let j = 0; j < cells; j++) {
                let w = 0;
                let y = 0;
                for (const m of list) {
                    w += 1 / m.variance[j];
                    y += m.values[j] / m.variance[j];
                }
                values[j] += y / w;
                variance[j] += 1 / w;
            }
            rowsT += noisyRows[i];
        }
        const scale = g.per.size === sites.length ? 1 : allRows / Math.max(1, rowsT);
        const sigmas = new Float64Array(cells);
        for (let j = 0; j < cells; j++) {
            values[j] *= scale;
            sigmas[j] = Math.sqrt(variance[j]) * scale;
        }
        measurements.push({ attrs: g.attrs, values, sigma: sigmas[0], sigmas });
        support.push(g.per.size);
    }
    // the model's cliques: every 1-way, then the 2-way pairs by support while the junction tree stays small enough
    const order = measurements
        .map((m, i) => ({ m, i }))
        .filter(({ m }) => m.attrs.length > 1)
        .sort((x, y) => support[y.i] - support[x.i] || x.i - y.i);
    const cliques = Array.from({ length: d }, (_, a) => [a]);
    const used = new Set(measurements.flatMap((m, i) => (m.attrs.length === 1 ? [i] : [])));
    const pairs = [];
    const dropped = [];
    for (const { m, i } of order) {
        if (hypotheticalModelSizeMB(sizes, [...cliques, m.attrs]) <= maxSize) {
            cliques.push(m.attrs);
            used.add(i);
            pairs.push({ columns: m.attrs.map((a) => names[a]), sites: support[i] });
        }
        else
            dropped.push(m.attrs.map((a) => names[a]));
    }
    const kept = measurements.filter((_, i) => used.has(i));
    progress({ phase: 'estimate', total: iters });
    const { model } = estimateModel(sizes, kept, {
        iters,
        onIteration: (i) => {
            if (i % 100 === 0)
                progress({ phase: 'estimate', done: i, total: iters });
        },
    });
    const params = {
        ids: ref.file.ids,
        columns: [...names],
        discretizers: ref.file.discretizers,
        compression: compression.map((c) => (c ? [...c] : null)),
        sizes: [...model.sizes],
        cliques: model.cliques.map((c) => [...c]),
        potentials: model.potentials.map((x) => [...x]),
        total: model.total,
        sampling: 'systematic',
    };
    // the inner model carries the ledger of the site with the largest ε only because a MarginalModel holds one
    // ledger; the combined model's guarantee and every site's are in CombinedModel.privacy and .sites
    const widest = sites.reduce((a, b) => (b.guarantee.epsilon > a.guarantee.epsilon ? b : a));
    const inner = new MarginalModel('federated-mst', ref.file.schema, params, widest.ledger, model);
    return new CombinedModel(inner, sites.map((s, i) => ({
        site: s.file.site,
        label: s.label,
        guarantee: s.guarantee,
        noisyRows: noisyRows[i],
        measurements: s.measurements.length,
    })), ref.file.schemaHash, pairs, dropped);
}
/**
 * A site's measurement on the model's domain: cell codes mapped by `maps[k]` (one per attribute, from the
 * measurement's domain to the model's), values summed and variances summed into the model's cells.
 */
function onModel(m, maps, to) {
    const from = maps.map((x) => x.length);
    const toShape = shapeOf(m.attrs, to);
    const values = new Float64Array(cellCount(toShape));
    const variance = new Float64Array(values.length);
    const digit = new Array(m.attrs.length).fill(0);
    for (let i = 0; i < m.values.length; i++) {
        let j = 0;
        for (let k = 0; k < m.attrs.length; k++)
            j = j * toShape[k] + maps[k][digit[k]];
        values[j] += m.values[i];
        const s = m.sigmas ? m.sigmas[i] : m.sigma;
        variance[j] += s * s;
        for (let k = m.attrs.length - 1; k >= 0; k--) {
            if (++digit[k] < from[k])
                break;
            digit[k] = 0;
        }
    }
    return { values, variance };
}
/** What differs between two sites' schemas, by column name and field — never a value. */
function schemaDifferences(a, b) {
    const out = [];
    const ca = a.file.schema.columns;
    const cb = b.file.schema.columns;
    const na = ca.map((c) => c.name);
    const nb = cb.map((c) => c.name);
    const onlyA = na.filter((x) => !nb.includes(x));
    const onlyB = nb.filter((x) => !na.includes(x));
    if (onlyA.length)
        out.push(`columns missing from it: ${onlyA.join(', ')}`);
    if (onlyB.length)
        out.push(`columns only it has: ${onlyB.join(', ')}`);
    if (!onlyA.length && !onlyB.length && na.join('\u0000') !== nb.join('\u0000'))
        out.push('the columns are in a different order');
    for (const x of ca) {
        const y = cb.find((c) => c.name === x.name);
        if (!y)
            continue;
        const fields = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => canonicalJson(x[k]) !==
            canonicalJson(y[k]));
        if (fields.length)
            out.push(`column ${JSON.stringify(x.name)} differs in ${fields.join(', ')}`);
    }
    if (!out.length) {
        const da = a.file.discretizers;
        const db = b.file.discretizers;
        da.forEach((x, i) => {
            if (db[i] && canonicalJson(x) !== canonicalJson(db[i]))
                out.push(`column ${JSON.stringify(x.name)} is binned differently (the bins or maxExactIntegers options)`);
        });
    }
    if (!out.length && canonicalJson(a.file.schema) !== canonicalJson(b.file.schema))
        out.push('the schema differs outside its columns (missing-value markers)');
    return out.length ? out.join('; ') : 'the encodings differ';
}
//# sourceMappingURL=combine.js.map