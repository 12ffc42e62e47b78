import { ProblemList } from '../../errors.js';
import { cellCount, shapeOf } from '../../pgm/factor.js';
import { GraphicalModel } from '../../pgm/model.js';
import { sampleCodes } from '../../pgm/sample.js';
import { PrivacyLedger } from '../../privacy/ledger.js';
import { Rng } from '../../random/rng.js';
import { discretizerFromJSON } from '../../table/encode.js';
import { Table } from '../../table/table.js';
import { checkSampleSize, isNumberArray, isRecord, modelEnvelope, roundDecimals, unmodelledColumn, } from '../common.js';
import { planConditions, sampleGroups } from '../conditions.js';
import { pgmEvidence } from '../pgm-evidence.js';
/** A fitted graphical model wrapped as a lookalike Model. */
export class MarginalModel {
    synthesizer;
    schema;
    params;
    ledger;
    privacy;
    discretizers;
    compression;
    graphical;
    constructor(synthesizer, schema, params, ledger, graphical) {
        this.synthesizer = synthesizer;
        this.schema = schema;
        this.params = params;
        this.ledger = ledger;
        this.privacy = ledger.guarantee();
        this.discretizers = params.discretizers.map(discretizerFromJSON);
        this.compression = params.compression.map((c) => (c ? Int32Array.from(c) : null));
        this.graphical =
            graphical ??
                new GraphicalModel(params.sizes, params.cliques, params.potentials.map((p) => Float64Array.from(p)), params.total);
    }
    /** The noisy total of the measurements (never the exact training count), at least 1. */
    get defaultRows() {
        return Math.max(1, Math.round(this.params.total));
    }
    /** Rows drawn from the model: codes along the junction tree, decompressed, decoded to typed values. */
    sample(n, opts = {}) {
        checkSampleSize(n);
        const plan = planConditions(this.schema, n, opts.conditions);
        if (plan)
            return sampleGroups(this.schema, plan, opts.seed ?? 0, (g, count, seed) => this.draw(count, seed, g.conditions));
        return this.draw(n, opts.seed ?? 0, []);
    }
    /** Unconditional rows, or rows given conditions as evidence in the junction tree (pgm-evidence.ts). */
    draw(n, seed, conds) {
        const rng = new Rng(seed);
        const ev = conds.length
            ? pgmEvidence(conds, this.params.columns, this.discretizers, this.compression, this.graphical.sizes, this.synthesizer)
            : null;
        const codes = sampleCodes(this.graphical, n, rng.fork(), this.params.sampling, ev?.evidence);
        const byName = new Map();
        this.params.columns.forEach((name, a) => {
            const colRng = rng.fork();
            const size = this.discretizers[a].size;
            const c = decompress(codes[a], this.compression[a], size, colRng, ev?.allowed[a] ?? null);
            byName.set(name, this.discretizers[a].decode(c, colRng));
        });
        // floats keep the input's precision (a uniform draw within a bin has all 17 digits)
        for (const spec of this.schema.columns) {
            const col = byName.get(spec.name);
            if (col?.kind === 'numeric' && !col.integer)
                roundDecimals(col.values, spec.decimals);
        }
        const cols = this.schema.columns.map((spec) => byName.get(spec.name) ?? unmodelledColumn(spec, n, this.params.ids));
        return new Table(cols, n);
    }
    /**
     * `columns` of `rows` of a table this model sampled, each drawn again within the bin its value lies in (the
     * value re-encoded to its code, then decoded afresh; a missing value stays missing, an unmodelled column is left
     * alone). The row's cell of the model is kept, so a rejection loop over within-bin values draws from the model's
     * distribution restricted to what it accepts, cell by cell.
     */
    redrawWithinBins(t, rows, columns, seed) {
        const rng = new Rng(seed);
        let out = t;
        for (const name of columns) {
            const a = this.params.columns.indexOf(name);
            const col = out.column(name);
            if (a < 0 || (col.kind !== 'numeric' && col.kind !== 'datetime'))
                continue;
            const d = this.discretizers[a];
            const picked = Float64Array.from(rows, (i) => col.values[i]);
            const sub = { ...col, values: picked };
            const fresh = d.decode(d.encode(sub), rng.fork());
            const spec = this.schema.columns.find((s) => s.name === name);
            if (col.kind === 'numeric' && !col.integer)
                roundDecimals(fresh.values, spec?.decimals);
            const values = Float64Array.from(col.values);
            rows.forEach((i, k) => (values[i] = fresh.values[k]));
            out = out.withColumn({ ...col, values });
        }
        return out;
    }
    toJSON() {
        return modelEnvelope(this.synthesizer, this.schema, this.privacy, this.params, this.ledger.toJSON());
    }
}
/** Model codes back to encoded codes: a code shared by several originals becomes one of them uniformly. */
function decompress(codes, map, size, rng, allowed) {
    if (!map)
        return codes;
    const members = [];
    for (let k = 0; k < size; k++)
        if (!allowed || allowed[k])
            (members[map[k]] ??= []).push(k);
    const out = new Int32Array(codes.length);
    for (let r = 0; r < codes.length; r++) {
        const m = members[codes[r]];
        out[r] = m.length === 1 ? m[0] : m[rng.int(m.length)];
    }
    return out;
}
/**
 * The model of a finished fit: the estimated graphical model over the fit's encoding (with MST's compression, or
 * none), the fit's schema and ledger.
 */
export function marginalModel(synthesizer, fit, model, compression = fit.encoding.sizes.map(() => null), sampling = 'systematic') {
    const params = {
        ids: fit.ids,
        columns: [...fit.names],
        discretizers: fit.encoding.discretizers.map((d) => d.toJSON()),
        compression: compression.map((c) => (c ? [...c] : null)),
        sizes: [...model.sizes],
        cliques: model.cliques.map((c) => [...c]),
        potentials: model.potentials.map((p) => [...p]),
        total: model.total,
        sampling,
    };
    return new MarginalModel(synthesizer, fit.schema, params, fit.ledger, model);
}
/** Validate a model file's params and rebuild the model; every problem listed at once. */
export function loadMarginalModel(file, synthesizer) {
    const p = new ProblemList();
    const pr = file.params;
    let ledger = null;
    try {
        ledger = PrivacyLedger.fromJSON(file.ledger, "the model's privacy ledger");
    }
    catch (e) {
        p.add(e instanceof Error ? e.message : String(e));
    }
    if (!isRecord(pr)) {
        p.add('params must be an object');
        p.throwIfAny(`invalid ${synthesizer} model:`);
    }
    const q = pr;
    const cols = q.columns;
    const d = Array.isArray(cols) ? cols.length : -1;
    if (!Array.isArray(cols) || !cols.every((c) => typeof c === 'string'))
        p.add('params.columns must be a list of column names');
    else
        for (const c of cols)
            if (!file.schema.columns.some((s) => s.name === c))
                p.add(`params.columns names "${c}", which the schema does not have`);
    if (!isRecord(q.ids))
        p.add('params.ids must be an object');
    if (q.sampling !== 'iid' && q.sampling !== 'systematic')
        p.add('params.sampling must be "iid" or "systematic"');
    if (!Array.isArray(q.discretizers) || q.discretizers.length !== d)
        p.add('params.discretizers must have one entry per column');
    else
        q.discretizers.forEach((x, i) => {
            if (!isRecord(x) || typeof x.size !== 'number' || !(x.size >= 1) || typeof x.kind !== 'string')
                p.add(`params.discretizers[${i}] is not a discretizer`);
            else if (x.fine !== undefined && x.fine !== null) {
                const f = x.fine;
                if (!isRecord(f) ||
                    !isNumberArray(f.edges) ||
                    !isNumberArray(f.weights) ||
                    f.edges.length !== f.weights.length + 1 ||
                    f.weights.some((w) => !(w >= 0)))
                    p.add(`params.discretizers[${i}].fine must be fine-cell edges and one weight ≥ 0 per cell`);
            }
            if (isRecord(x) && x.values !== undefined && x.values !== null) {
                const v = x.values;
                if (!isNumberArray(v) || v.length + (x.includeMissing ? 1 : 0) !== x.size)
                    p.add(`params.discretizers[${i}].values must hold one number per value code`);
            }
        });
    const sizes = q.sizes;
    if (!isNumberArray(sizes) || sizes.length !== d || sizes.some((s) => !Number.isInteger(s) || s < 1))
        p.add('params.sizes must be one whole number ≥ 1 per column');
    if (!Array.isArray(q.compression) || q.compression.length !== d)
        p.add('params.compression must have one entry per column');
    else if (isNumberArray(sizes) && Array.isArray(q.discretizers))
        q.compression.forEach((c, i) => {
            const ds = q.discretizers[i]?.size;
            if (c === null) {
                if (ds !== sizes[i])
                    p.add(`params.compression[${i}] is null but the sizes differ`);
                return;
            }
            if (!isNumberArray(c) ||
                c.length !== ds ||
                c.some((k) => !Number.isInteger(k) || k < 0 || k >= sizes[i]))
                p.add(`params.compression[${i}] must map each of ${ds} codes to a code below ${sizes[i]}`);
        });
    if (!(typeof q.total === 'number' && q.total > 0 && Number.isFinite(q.total)))
        p.add('params.total must be a positive number');
    const cliques = q.cliques;
    const pots = q.potentials;
    if (!Array.isArray(cliques) || !Array.isArray(pots) || cliques.length !== pots.length)
        p.add('params.cliques and params.potentials must be lists of equal length');
    else if (isNumberArray(sizes))
        cliques.forEach((c, i) => {
            if (!isNumberArray(c) ||
                c.some((a, j) => !Number.isInteger(a) || a < 0 || a >= d || (j > 0 && !(a > c[j - 1])))) {
                p.add(`params.cliques[${i}] must be increasing column indices below ${d}`);
                return;
            }
            const cells = cellCount(shapeOf(c, sizes));
            if (!isNumberArray(pots[i]) || pots[i].length !== cells)
                p.add(`params.potentials[${i}] must be ${cells} finite numbers`);
        });
    p.throwIfAny(`invalid ${synthesizer} model:`);
    return new MarginalModel(synthesizer, file.schema, pr, ledger);
}
//# sourceMappingURL=model.js.map