import { Table } from '../../table/table.js';
import { Rng } from '../../random/rng.js';
import { LookalikeError, ProblemList } from '../../errors.js';
import { checkFitInput, checkSampleSize, idStyles, isRecord, modelEnvelope, modelledSpecs, roundDecimals, unmodelledColumn, } from '../common.js';
import { planConditions, sampleByRejection, sampleGroups } from '../conditions.js';
import { fitTransform, transformFromJSON, TransformError } from '../transforms/index.js';
import { Activation, Adam, Dense, Param, Sequential, clipGradNorm, createGemm, createGemmSync, crossEntropy, exp, fillGaussian, mat, readWeights, writeWeights, } from '../../nn/index.js';
import { optionValues } from '../options.js';
import { defineSynthesizer } from '../registry.js';
import { ddpmInfo } from './info.js';
const TIME_DIM = 16;
/** x̂_0 of a real value is clipped to ±CLIP while sampling (the quantile encoding lies within about ±3.3). */
const CLIP = 5;
const MIN_ROWS = 20;
/** β_t per step: cosine (Nichol & Dhariwal 2021, s = 0.008, β ≤ 0.999) or linear 1e-4..0.02 scaled by 1000/T. */
export function betaSchedule(kind, T) {
    const out = [];
    if (kind === 'linear') {
        const s = 1000 / T;
        for (let t = 0; t < T; t++)
            out.push(s * 1e-4 + ((s * 0.02 - s * 1e-4) * t) / Math.max(1, T - 1));
        return out.map((b) => Math.min(b, 0.999));
    }
    const f = (t) => Math.cos((((t / T + 0.008) / 1.008) * Math.PI) / 2) ** 2;
    for (let t = 1; t <= T; t++)
        out.push(Math.min(1 - f(t) / f(t - 1), 0.999));
    return out;
}
function layoutOf(tr) {
    const values = [];
    const cats = [];
    for (const s of tr.spans) {
        if (s.fn === 'identity')
            values.push(s.start);
        else
            cats.push({ start: s.start, K: s.width });
    }
    return { W: tr.width, values, cats };
}
function buildNet(inputs, outputs, width, depth, rng) {
    const layers = [];
    let w = inputs;
    for (let d = 0; d < depth; d++) {
        layers.push(new Dense(w, width, rng, `h${d}`), new Activation('silu'));
        w = width;
    }
    layers.push(new Dense(w, outputs, rng, 'out'));
    return new Sequential(layers);
}
/** Sinusoidal embedding of t = 1..T (TabDDPM's timestep embedding, without its MLP), T × dim. */
function timeTable(T, dim) {
    const half = dim / 2;
    const out = new Float32Array(T * dim);
    for (let t = 1; t <= T; t++)
        for (let k = 0; k < half; k++) {
            const f = Math.exp((-Math.log(10000) * k) / half);
            out[(t - 1) * dim + k] = Math.cos(t * f);
            out[(t - 1) * dim + half + k] = Math.sin(t * f);
        }
    return out;
}
/** Divide the first K entries by their sum; returns 1 (the new total). */
function normalise(p, K) {
    let s = 0;
    for (let k = 0; k < K; k++)
        s += p[k];
    for (let k = 0; k < K; k++)
        p[k] /= s;
    return 1;
}
/**
 * One reverse step of multinomial diffusion in the x_0-parameterisation (Austin et al. 2021, D3PM): `p` holds
 * p̂_0(x_0 | x_t) (any positive scale) on entry and p(x_{t−1} | x_t) (unnormalised; the total is returned) on exit,
 * x_t = `cur`. The step is the mixture Σ_{x_0} q(x_{t−1} | x_t, x_0)·p̂_0(x_0), each posterior normalised by
 * q(x_t | x_0) = ᾱ_t·[x_0 = x_t] + (1 − ᾱ_t)/K: with w(x_0) = p̂_0(x_0)/q(x_t | x_0),
 * p(x_{t−1} = j | x_t) ∝ (α_t·[j = x_t] + (1 − α_t)/K)·(ᾱ_{t−1}·w(j) + (1 − ᾱ_{t−1})/K·Σw).
 * Putting p̂_0 in place of x_0 without the normalisers (Hoogeboom et al.'s plug-in, which TabDDPM trains its network
 * through) is not this mixture: with p̂_0 the exact p(x_0 | x_t) it pulls the categories towards uniform (a
 * 0.7/0.2/0.1 column came out 0.53/0.27/0.20 in 50 steps), and our network is trained by cross-entropy to p(x_0 | x_t).
 */
export function reverseCategorical(p, K, cur, alpha, abar, abarPrev) {
    let sw = 0;
    for (let k = 0; k < K; k++) {
        p[k] /= abar * (k === cur ? 1 : 0) + (1 - abar) / K;
        sw += p[k];
    }
    let tot = 0;
    for (let k = 0; k < K; k++) {
        p[k] = (alpha * (k === cur ? 1 : 0) + (1 - alpha) / K) * (abarPrev * p[k] + ((1 - abarPrev) / K) * sw);
        tot += p[k];
    }
    return tot;
}
/** The diffusion: schedule, layout, network, time table. */
class Diffusion {
    layout;
    betas;
    width;
    depth;
    T;
    alpha;
    abar;
    net;
    time;
    inW;
    constructor(layout, betas, width, depth, rng) {
        this.layout = layout;
        this.betas = betas;
        this.width = width;
        this.depth = depth;
        const T = (this.T = betas.length);
        this.alpha = Float64Array.from(betas, (b) => 1 - b);
        this.abar = new Float64Array(T + 1);
        this.abar[0] = 1;
        for (let t = 1; t <= T; t++)
            this.abar[t] = this.abar[t - 1] * this.alpha[t - 1];
        this.inW = layout.W + TIME_DIM;
        this.net = buildNet(this.inW, layout.W, width, depth, rng);
        this.time = new Param('time', [T, TIME_DIM], false, timeTable(T, TIME_DIM));
    }
    get params() {
        return [...this.net.params, this.time];
    }
    /**
     * Noise rows `idx` of the encoded matrix `x0` at times `ts`: writes the network input into `input`, the ε targets
     * into `eps` (rows × number of values) and the x_0 categories into `targets[c]`.
     */
    noise(x0, idx, ts, input, eps, targets, rng) {
        const { W, values, cats } = this.layout;
        const inW = this.inW;
        const B = idx.length;
        const nv = values.length;
        fillGaussian(eps, rng, B * nv);
        const x = input.data;
        x.fill(0, 0, B * inW);
        const tt = this.time.value;
        for (let i = 0; i < B; i++) {
            const r = idx[i];
            const t = ts[i];
            const ab = this.abar[t];
            const sa = Math.sqrt(ab);
            const sn = Math.sqrt(1 - ab);
            const o = i * inW;
            for (let v = 0; v < nv; v++) {
                const c = values[v];
                x[o + c] = sa * x0[r * W + c] + sn * eps[i * nv + v];
            }
            cats.forEach(({ start, K }, ci) => {
                let k0 = 0;
                for (let k = 1; k < K; k++)
                    if (x0[r * W + start + k] > x0[r * W + start + k0])
                        k0 = k;
                targets[ci][i] = k0;
                // x_t ~ Cat(ᾱ·onehot(k0) + (1 − ᾱ)/K): keep k0 with probability ᾱ, else uniform
                const k = rng.float() < ab ? k0 : rng.int(K);
                x[o + start + k] = 1;
            });
            for (let d = 0; d < TIME_DIM; d++)
                x[o + W + d] = tt[(t - 1) * TIME_DIM + d];
        }
    }
    /** Loss of a batch (mean over rows of MSE(ε) + mean CE over categoricals); fills `grad` when given. */
    loss(out, eps, targets, grad) {
        const { W, values, cats } = this.layout;
        const B = out.rows;
        const nv = values.length;
        const g = grad ?? mat(B, W);
        let mse = 0;
        for (let i = 0; i < B; i++)
            for (let v = 0; v < nv; v++) {
                const d = out.data[i * W + values[v]] - eps[i * nv + v];
                mse += d * d;
                g.data[i * W + values[v]] = (2 * d) / (B * nv);
            }
        let ce = 0;
        cats.forEach(({ start, K }, ci) => {
            ce += crossEntropy(out, start, K, targets[ci], g, 1 / (B * cats.length));
        });
        return (nv ? mse / (B * nv) : 0) + (cats.length ? ce / (B * cats.length) : 0);
    }
    /** n rows of the encoded matrix, by the reverse process. */
    sample(n, rng, gemm) {
        const { W, values, cats } = this.layout;
        const inW = this.inW;
        const out = new Float32Array(n * W);
        const chunk = 4096;
        const ctx = { gemm, training: false, rng };
        const z = new Float32Array(chunk * values.length);
        const probs = new Float64Array(Math.max(1, ...cats.map((c) => c.K)));
        for (let s0 = 0; s0 < n; s0 += chunk) {
            const B = Math.min(chunk, n - s0);
            const x = mat(B, inW);
            // x_T
            fillGaussian(z, rng, B * values.length);
            for (let i = 0; i < B; i++) {
                values.forEach((c, v) => (x.data[i * inW + c] = z[i * values.length + v]));
                for (const { start, K } of cats)
                    x.data[i * inW + start + rng.int(K)] = 1;
            }
            for (let t = this.T; t >= 1; t--) {
                const tt = this.time.value;
                for (let i = 0; i < B; i++)
                    for (let d = 0; d < TIME_DIM; d++)
                        x.data[i * inW + W + d] = tt[(t - 1) * TIME_DIM + d];
                const y = this.net.forward(x, ctx);
                const a = this.alpha[t - 1];
                const ab = this.abar[t];
                const abPrev = this.abar[t - 1];
                const beta = 1 - a;
                // posterior mean from the clipped x̂_0 = (x_t − √(1 − ᾱ_t)·ε̂)/√ᾱ_t: c1·x̂_0 + c2·x_t
                const c1 = (beta * Math.sqrt(abPrev)) / (1 - ab);
                const c2 = ((1 - abPrev) * Math.sqrt(a)) / (1 - ab);
                const sab = Math.sqrt(ab);
                const snab = Math.sqrt(1 - ab);
                // TabDDPM's "fixed large" variance: β_t (the posterior variance β̃_t only enters at t = 1, where no noise is added)
                const sigma = t > 1 ? Math.sqrt(beta) : 0;
                if (t > 1)
                    fillGaussian(z, rng, B * values.length);
                for (let i = 0; i < B; i++) {
                    const o = i * inW;
                    values.forEach((c, v) => {
                        const xt = x.data[o + c];
                        let x0 = (xt - snab * y.data[i * W + c]) / sab;
                        x0 = x0 < -CLIP ? -CLIP : x0 > CLIP ? CLIP : x0;
                        const mean = c1 * x0 + c2 * xt;
                        x.data[o + c] = t > 1 ? mean + sigma * z[i * values.length + v] : mean;
                    });
                    for (const { start, K } of cats) {
                        // p̂_0 = softmax(logits)
                        let mx = -Infinity;
                        for (let k = 0; k < K; k++)
                            mx = Math.max(mx, y.data[i * W + start + k]);
                        for (let k = 0; k < K; k++)
                            probs[k] = exp(y.data[i * W + start + k] - mx);
                        let cur = 0;
                        for (let k = 1; k < K; k++)
                            if (x.data[o + start + k] > x.data[o + start + cur])
                                cur = k;
                        const tot = t > 1 ? reverseCategorical(probs, K, cur, a, ab, abPrev) : normalise(probs, K);
                        let u = rng.float() * tot;
                        let k = 0;
                        for (; k < K - 1; k++) {
                            u -= probs[k];
                            if (u < 0)
                                break;
                        }
                        for (let j = 0; j < K; j++)
                            x.data[o + start + j] = j === k ? 1 : 0;
                    }
                }
            }
            for (let i = 0; i < B; i++)
                for (let c = 0; c < W; c++)
                    out[(s0 + i) * W + c] = x.data[i * inW + c];
        }
        return out;
    }
}
/** Stop the fit (no model is returned) when a loss is NaN or infinite, naming the epoch. */
export function checkFinite(loss, epoch, which) {
    if (!Number.isFinite(loss))
        throw new LookalikeError(`ddpm: the ${which} loss became ${loss} at epoch ${epoch}:`, [
            'training stopped and no model was returned; lower the learning rate (option lr) or raise the batch size',
        ]);
}
async function fitDdpm(table, schema, fo) {
    checkFitInput(table, schema, 'ddpm');
    const o = optionValues(ddpmInfo.options, fo);
    const specs = modelledSpecs(schema);
    const n = table.nRows;
    const p = new ProblemList();
    if (n < MIN_ROWS)
        p.add(`the table has ${n} rows; ddpm needs at least ${MIN_ROWS}`);
    if (specs.length === 0)
        p.add('the schema has no numeric, datetime, categorical or boolean column to model');
    p.throwIfAny('ddpm cannot fit this table:');
    const rng = new Rng(fo.seed ?? 0);
    let tr;
    try {
        tr = fitTransform(table, specs, rng.fork(), { numeric: 'quantile' });
    }
    catch (e) {
        if (e instanceof TransformError)
            throw new LookalikeError('ddpm cannot represent these columns:', e.problems);
        throw e;
    }
    const x0 = tr.encode(table, rng.fork());
    const layout = layoutOf(tr);
    const betas = betaSchedule(o.schedule, o.steps);
    const diff = new Diffusion(layout, betas, o.width, o.depth, rng.fork());
    // validation split (seeded)
    const perm = rng.fork().permutation(n);
    const nVal = o.validation > 0 ? Math.max(1, Math.floor(n * o.validation)) : 0;
    const val = perm.subarray(0, nVal);
    const train = Int32Array.from(perm.subarray(nVal));
    const B = Math.min(o.batchSize, train.length);
    const nv = layout.values.length;
    const gemm = await createGemm({ threads: o.threads });
    const ctx = { gemm, training: true, rng: rng.fork() };
    const adam = new Adam(diff.net.params, { lr: o.lr });
    const stepRng = rng.fork();
    const input = mat(B, diff.inW);
    const eps = new Float32Array(B * Math.max(1, nv));
    const targets = layout.cats.map(() => new Int32Array(B));
    const grad = mat(B, layout.W);
    // the validation batch: t and noise drawn once
    const valRng = rng.fork();
    const valChunks = [];
    for (let s = 0; s < nVal; s += 4096) {
        const idx = val.subarray(s, Math.min(nVal, s + 4096));
        const ts = Int32Array.from(idx, () => 1 + valRng.int(o.steps));
        const vi = mat(idx.length, diff.inW);
        const ve = new Float32Array(idx.length * Math.max(1, nv));
        const vt = layout.cats.map(() => new Int32Array(idx.length));
        diff.noise(x0, idx, ts, vi, ve, vt, valRng);
        valChunks.push({ input: vi, eps: ve, targets: vt });
    }
    let best = Infinity;
    let bestWeights = null;
    let since = 0;
    let epochs = 0;
    // TabDDPM's annealing: the learning rate falls linearly to 0 over the steps of `epochs` epochs
    const totalSteps = o.epochs * Math.floor(train.length / B);
    let step = 0;
    try {
        for (let epoch = 1; epoch <= o.epochs; epoch++) {
            stepRng.shuffle(train);
            let sum = 0;
            let batches = 0;
            for (let s = 0; s + B <= train.length; s += B) {
                const idx = train.subarray(s, s + B);
                const ts = Int32Array.from(idx, () => 1 + stepRng.int(o.steps));
                diff.noise(x0, idx, ts, input, eps, targets, stepRng);
                adam.zeroGrad();
                const y = diff.net.forward(input, ctx);
                const l = diff.loss(y, eps, targets, grad);
                checkFinite(l, epoch, 'training');
                diff.net.backward(grad, ctx);
                clipGradNorm(diff.net.params, 1);
                if (o.lrDecay === 'linear')
                    adam.lr = o.lr * (1 - step / totalSteps);
                step++;
                adam.step();
                sum += l;
                batches++;
            }
            epochs = epoch;
            let vl = NaN;
            if (nVal) {
                const vctx = { gemm, training: false, rng: ctx.rng };
                let acc = 0;
                for (const c of valChunks)
                    acc += diff.loss(diff.net.forward(c.input, vctx), c.eps, c.targets, null) * c.input.rows;
                vl = acc / nVal;
                checkFinite(vl, epoch, 'validation');
                if (vl < best) {
                    best = vl;
                    bestWeights = diff.net.params.map((q) => Float32Array.from(q.value));
                    since = 0;
                }
                else
                    since++;
            }
            fo.onProgress?.({
                phase: 'ddpm',
                done: epoch,
                total: o.epochs,
                message: `epoch ${epoch}: loss ${(sum / Math.max(1, batches)).toFixed(4)}${nVal ? `, validation ${vl.toFixed(4)}` : ''}`,
            });
            if (nVal && since >= o.patience)
                break;
        }
    }
    finally {
        gemm.close();
    }
    if (bestWeights)
        diff.net.params.forEach((q, k) => {
            q.value.set(bestWeights[k]);
            q.touch();
        });
    return new DdpmModel(schema, {
        ids: idStyles(table, schema),
        transform: tr.toJSON(),
        arch: { width: o.width, depth: o.depth, steps: o.steps, timeDim: TIME_DIM },
        betas,
        epochs,
        validationLoss: nVal ? best : null,
        weights: writeWeights(diff.params),
    }, tr, diff);
}
class DdpmModel {
    schema;
    params;
    tr;
    diff;
    synthesizer = 'ddpm';
    privacy = { type: 'none' };
    constructor(schema, params, tr, diff) {
        this.schema = schema;
        this.params = params;
        this.tr = tr;
        this.diff = diff;
    }
    /** Unconditional: the reverse process; conditional: `sampleByRejection` over unconditional draws. */
    sample(n, opts = {}) {
        checkSampleSize(n);
        const plan = planConditions(this.schema, n, opts.conditions);
        if (plan) {
            const base = opts.seed ?? 0;
            return sampleGroupsByRejection(this, plan, base);
        }
        return this.draw(n, opts.seed ?? 0);
    }
    draw(n, seed) {
        const rng = new Rng(seed);
        const gemm = createGemmSync();
        const enc = this.diff.sample(n, rng.fork(), gemm);
        const cols = this.tr.decode(enc, n, rng.fork(), 'argmax');
        const byName = new Map();
        for (const c of cols) {
            if (c.kind === 'numeric' && !c.integer) {
                const spec = this.schema.columns.find((s) => s.name === c.name);
                roundDecimals(c.values, spec?.decimals);
            }
            byName.set(c.name, c);
        }
        const columns = this.schema.columns.map((spec) => byName.get(spec.name) ?? unmodelledColumn(spec, n, this.params.ids));
        return new Table(columns, n);
    }
    toJSON() {
        return modelEnvelope(this.synthesizer, this.schema, this.privacy, this.params);
    }
}
function sampleGroupsByRejection(model, plan, seed) {
    return sampleGroups(model.schema, plan, seed, (g, count, s) => g.conditions.length === 0
        ? model.draw(count, s)
        : sampleByRejection(model.schema, (c, s2) => model.draw(c, s2), g.conditions, count, s));
}
export const ddpm = defineSynthesizer(ddpmInfo, {
    fit(table, schema, opts = {}) {
        return fitDdpm(table, schema, opts);
    },
    load(file) {
        const params = file.params;
        const p = new ProblemList();
        if (!isRecord(params) || !isRecord(params.arch) || !isRecord(params.ids) || !Array.isArray(params.betas))
            throw new LookalikeError('invalid ddpm model:', [
                'params must have "ids", "transform", "arch", "betas" and "weights"',
            ]);
        const tr = transformFromJSON(params.transform, 'transform');
        if (Array.isArray(tr))
            for (const s of tr)
                p.add(s);
        const a = params.arch;
        const int = (x, lo, hi) => Number.isInteger(x) && x >= lo && x <= hi;
        if (!int(a.width, 1, 4096) || !int(a.depth, 1, 16) || !int(a.steps, 2, 2000) || a.timeDim !== TIME_DIM)
            p.add(`arch must hold whole numbers width (1–4096), depth (1–16), steps (2–2000) and timeDim ${TIME_DIM}`);
        const betas = params.betas;
        if (betas.length !== a.steps || !betas.every((b) => typeof b === 'number' && b > 0 && b < 1))
            p.add(`betas must be ${String(a.steps)} numbers in (0, 1)`);
        if (!Array.isArray(tr)) {
            const names = modelledSpecs(file.schema).map((s) => s.name);
            const trNames = tr.columns.map((c) => c.name);
            if (names.length !== trNames.length || names.some((nm, i) => nm !== trNames[i]))
                p.add('the transform’s columns are not the schema’s modelled columns');
        }
        p.throwIfAny('invalid ddpm model:');
        const transform = tr;
        const diff = new Diffusion(layoutOf(transform), betas, a.width, a.depth, new Rng(0));
        for (const s of readWeights(params.weights, diff.params))
            p.add(s);
        p.throwIfAny('invalid ddpm model:');
        return new DdpmModel(file.schema, params, transform, diff);
    },
});
//# sourceMappingURL=index.js.map