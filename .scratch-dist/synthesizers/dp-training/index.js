import { LookalikeError } from '../../errors.js';
import { batchCapFor, DpSgd } from '../../nn/dp-sgd.js';
import { dyadicRate, planNoiseMultiplier, subsampledGaussianEntry } from '../../privacy/dpsgd.js';
import { AliasTable, Rng } from '../../random/rng.js';
import { datetimeCodec } from '../../table/datetime.js';
import { startMarginalFit } from '../marginal/fit.js';
import { measureMarginals } from '../marginal/measure.js';
import { fitBayesianGmm } from '../transforms/gmm.js';
import { fitTransform, TransformError, } from '../transforms/index.js';
/** Pseudo-sample size drawn from a noisy histogram to fit a mixture or quantiles (post-processing). */
const PSEUDO = 4000;
export async function startDpTraining(table0, schema0, opts, synthesizer, dpOpts = {}) {
    const share = dpOpts.preprocessing ?? 0.1;
    if (!(share > 0 && share < 1))
        throw new LookalikeError(`${synthesizer}: the preprocessing share must be in (0, 1)`, [], 'internal');
    // equal-width bins for the 1-way marginals (no adaptive-bins share: the learned synthesizers have no such option)
    const fit = startMarginalFit(table0, schema0, opts, synthesizer, 0);
    const { ledger, encoding, names } = fit;
    const k = encoding.sizes.length;
    const rho = (ledger.rhoRemaining * share) / k;
    const sets = encoding.sizes.map((_, i) => [i]);
    const measured = await measureMarginals(fit.source, sets, { rho }, ledger, fit.rng, names);
    // N̂: each noisy 1-way marginal sums to N plus the noise of its cells (variance cells·σ²); inverse-variance
    // weighted average, and a sub-Gaussian upper bound (discrete Gaussian noise is σ²-sub-Gaussian, CKS 2020)
    let wsum = 0;
    let est = 0;
    for (const m of measured) {
        const v = m.values.length * m.sigma * m.sigma;
        const total = m.values.reduce((s, x) => s + x, 0);
        est += total / v;
        wsum += 1 / v;
    }
    const rowsHat = Math.max(1, est / wsum);
    const sdHat = Math.sqrt(1 / wsum);
    const rowsUpper = rowsHat + 14 * sdHat;
    // post-processing randomness (pseudo-samples, mixture fits): the seeded Rng
    const rng = new Rng(opts.seed ?? 0);
    const specs = fit.encoding.specs;
    const byName = new Map(specs.map((s, i) => [s.name, i]));
    const pseudo = (name) => {
        const i = byName.get(name);
        const d = encoding.discretizers[i];
        const counts = measured[i].values;
        const w = new Float64Array(d.valueCodes);
        let total = 0;
        for (let c = 0; c < d.valueCodes; c++) {
            w[c] = Math.max(0, counts[c]);
            total += w[c];
        }
        if (!(total > 0))
            w.fill(1); // all noise: a uniform histogram over the public domain
        const alias = new AliasTable(w);
        const codes = new Int32Array(PSEUDO);
        for (let j = 0; j < PSEUDO; j++)
            codes[j] = alias.sample(rng);
        const col = d.decode(codes, rng);
        return Float64Array.from(col.values);
    };
    const frequencies = new Map();
    specs.forEach((s, i) => {
        if (s.kind !== 'categorical' && s.kind !== 'boolean')
            return;
        const d = encoding.discretizers[i];
        const f = new Float64Array(d.valueCodes);
        let t = 0;
        for (let c = 0; c < f.length; c++)
            t += f[c] = Math.max(0, measured[i].values[c]);
        if (t > 0)
            for (let c = 0; c < f.length; c++)
                f[c] /= t;
        else
            f.fill(1 / f.length);
        frequencies.set(s.name, f);
    });
    let transform;
    try {
        transform = fitTransform(fit.table, specs, rng.fork(), {
            numeric: dpOpts.numeric ?? 'modes',
            dataIndependent: true,
            fitters: {
                bounds: (spec) => boundsOf(spec),
                modes: (spec, _values, r) => fitBayesianGmm(pseudo(spec.name), r),
                quantiles: (spec) => quantilesOf(pseudo(spec.name)),
            },
        });
    }
    catch (e) {
        if (e instanceof TransformError)
            throw new LookalikeError(`${synthesizer} cannot represent these columns:`, e.problems);
        throw e;
    }
    return {
        ledger,
        secureRng: fit.rng,
        table: fit.table,
        schema: fit.schema,
        specs,
        transform,
        ids: fit.ids,
        rowsHat,
        rowsUpper,
        frequencies,
        released: fit.released,
        marginals: measured.map((m, i) => ({
            counts: Float64Array.from(m.values, (x) => Math.max(0, x)),
            labels: encoding.discretizers[i].labels,
            missing: encoding.discretizers[i].missingCode >= 0,
        })),
    };
}
/** Bounds of a numeric/datetime column from its (public or DP) domain. */
function boundsOf(spec) {
    const dom = spec.domain;
    if (spec.kind === 'numeric' && dom && typeof dom.min === 'number' && typeof dom.max === 'number')
        return [dom.min, dom.max];
    if (spec.kind === 'datetime' &&
        spec.format &&
        dom &&
        typeof dom.min === 'string' &&
        typeof dom.max === 'string') {
        const codec = datetimeCodec(spec.format);
        return [codec.parse(dom.min), codec.parse(dom.max)];
    }
    throw new LookalikeError(`column "${spec.name}" has no domain to bound it (declare it, or use dpDomains)`);
}
function quantilesOf(values) {
    const sorted = Float64Array.from(values).sort();
    const n = sorted.length;
    const K = Math.min(200, n);
    const knots = [];
    for (let j = 0; j < K; j++)
        knots.push(sorted[Math.round((j * (n - 1)) / (K - 1))]);
    return knots;
}
/**
 * Plan DP-SGD for `epochs` epochs at an expected batch size, with what is left of the ledger (less `reserveRho` for
 * anything charged later): q = batch/N̂ (as sampled), T = ⌈epochs/q⌉, the batch cap from N⁺, and the smallest noise
 * multiplier that fits (`planNoiseMultiplier`). Throws (kind 'privacy') when no noise level fits.
 */
export function planDpSgd(start, opts) {
    const q = dyadicRate(Math.min(1, opts.batchSize / Math.max(start.rowsHat, opts.batchSize)));
    const steps = Math.max(1, Math.ceil(opts.epochs / q));
    const batchCap = batchCapFor(q, start.rowsUpper);
    // P(some batch > cap) ≤ P(N > N⁺) + T·e^{-60} ≤ e^{-98} + T·e^{-60}; the cut adds (1 + e^ε)·that to δ
    const capDelta = (1 + Math.exp(start.ledger.budget.epsilon)) * (Math.exp(-98) + steps * Math.exp(-60)) * 1.01;
    const noiseMultiplier = planNoiseMultiplier(start.ledger, {
        samplingRate: q,
        steps,
        coordinates: opts.coordinates,
        delta: capDelta,
        epochs: opts.epochs,
    });
    return { samplingRate: q, steps, noiseMultiplier, expectedBatch: q * start.rowsHat, batchCap, capDelta };
}
/** Rows per float32 chunk of DP-SGD's clipped sum (its float error is in the sensitivity, nn/dp-sgd.ts). */
export const DP_CHUNK = 64;
/**
 * The `DpSgd` of a plan: its noise multiplier, sampling rate, expected batch and batch cap, chunks of `chunk` rows
 * (default `DP_CHUNK`; smaller chunks make the float slack in the sensitivity smaller, at some speed).
 */
export function dpSgdFor(modules, plan, clipNorm, chunk = DP_CHUNK) {
    return new DpSgd(modules, {
        noiseMultiplier: plan.noiseMultiplier,
        clipNorm,
        samplingRate: plan.samplingRate,
        expectedBatch: plan.expectedBatch,
        batchCap: plan.batchCap,
        chunk,
    });
}
/**
 * The DP-SGD training run of a learned synthesizer (tvae, ctgan's critic, argn), then its ledger charge:
 *
 * - exactly `plan.steps` steps, each `step(t, epoch)` (t from 0, epoch from 1 to `epochs`), which must take exactly
 *   one `dp.step` (checked: the plan's accounting is for one Poisson batch per step);
 * - a progress event at the end of each epoch (⌈1/q⌉ steps) and after the last step, with the epoch and step count
 *   only — never a loss or a batch size (facts about the rows);
 * - after the last step, one "subsampled-gaussian" entry on the ledger (query `<synthesizer> DP-SGD`, the modelled
 *   columns, `dp.ledgerParams()`: the noise multiplier used, q, the steps taken, C and Δ with the float slack), with
 *   the batch cap's δ (`plan.capDelta`). If a step throws, nothing is charged and no model is made.
 */
export function trainDpSgd(start, plan, dp, run, step) {
    const stepsPerEpoch = Math.max(1, Math.round(1 / plan.samplingRate));
    const taken0 = dp.stepsTaken;
    for (let t = 0; t < plan.steps; t++) {
        const epoch = Math.min(run.epochs, Math.floor(t / stepsPerEpoch) + 1);
        step(t, epoch);
        if (dp.stepsTaken !== taken0 + t + 1)
            throw new LookalikeError(`internal: ${run.synthesizer} DP training step ${t + 1} took ${dp.stepsTaken - taken0 - t} DP-SGD steps, not 1`, [], 'internal');
        if ((t + 1) % stepsPerEpoch === 0 || t + 1 === plan.steps)
            run.onProgress?.({
                phase: run.synthesizer,
                done: epoch,
                total: run.epochs,
                message: `DP epoch ${epoch} (${run.stepName ?? 'step'} ${t + 1} of ${plan.steps})`,
            });
    }
    start.ledger.charge({
        ...subsampledGaussianEntry(dp.ledgerParams(), {
            query: `${run.synthesizer} DP-SGD`,
            columns: start.specs.map((s) => s.name),
        }),
        delta: plan.capDelta,
    });
}
/**
 * Output-layer biases that make a generator's softmax spans start at the noisy 1-way marginals (post-processing of
 * what `startDpTraining` paid for): a one-hot span gets the log of each category's noisy frequency (and of the
 * missing share), a mode span the log of the mixture weights times the present share (and of the missing share);
 * tanh/identity spans 0. A floor of 1e-4 keeps every slot possible. With the rest of the output layer small, a
 * generator then samples each column from its noisy marginal before it has learned anything.
 */
export function marginalLogits(transform, start) {
    const out = new Float32Array(transform.width);
    for (const span of transform.spans) {
        if (span.fn !== 'softmax')
            continue;
        const c = transform.columns[span.column];
        const m = start.marginals[span.column];
        const valueCodes = m.missing ? m.counts.length - 1 : m.counts.length;
        let present = 0;
        for (let k = 0; k < valueCodes; k++)
            present += m.counts[k];
        const missing = m.missing ? m.counts[valueCodes] : 0;
        const total = present + missing;
        const f = new Float64Array(span.width);
        if (c.encoding === 'one-hot') {
            for (let k = 0; k < valueCodes; k++) {
                const j = c.categories.indexOf(m.labels[k]);
                if (j >= 0)
                    f[j] += m.counts[k];
            }
            if (c.missing && span.width > c.categories.length)
                f[c.categories.length] = missing;
        }
        else if (c.encoding === 'modes' && span.role === 'mode') {
            const w = c.modes.weights;
            const ws = w.reduce((a, b) => a + b, 0);
            for (let k = 0; k < w.length; k++)
                f[k] = ws > 0 ? (present * w[k]) / ws : present / w.length;
            if (c.missing)
                f[w.length] = missing;
        }
        else if (span.role === 'missing') {
            f[0] = present;
            f[1] = missing;
        }
        else
            continue;
        const t = f.reduce((a, b) => a + b, 0);
        for (let k = 0; k < span.width; k++)
            out[span.start + k] = Math.log(Math.max(t > 0 && total > 0 ? f[k] / t : 1 / span.width, 1e-4));
    }
    return out;
}
//# sourceMappingURL=index.js.map