import { LookalikeError, ProblemList } from '../errors.js';
import { cellCount, indexMap, isSubset, shapeOf, sortedAttrs } from './factor.js';
import { maximalCliques } from './junction-tree.js';
import { GraphicalModel } from './model.js';
/**
 * The log potential of a structural zero: finite (so that mirror descent's arithmetic and momentum stay finite), and
 * so far below any fitted potential that `exp(θ − max θ)` is exactly 0 in calibration.
 */
export const STRUCTURAL_ZERO = -1e30;
/**
 * Private-PGM estimation (McKenna, Sheldon, Miklau 2019, "Graphical-model based estimation and inference for
 * differential privacy", ICML; private-pgm's `FactoredInference` with the L2 loss weighted by 1/σ): find the
 * graphical model whose marginals μ best explain the noisy measurements, minimising
 * L(μ) = ½ Σ_m ‖(μ_{C_m} − y_m)/σ_m‖² over the marginal polytope by entropic mirror descent — the step
 * θ ← θ − α ∇_μ L(μ(θ)) on the log potentials, μ(θ) computed by belief propagation — with an Armijo line search
 * (private-pgm's test: L(μ) − L(μ') ≥ ½ α ⟨∇L, μ − μ'⟩), the step doubling after each accepted iteration.
 *
 * Guarantee: post-processing only — it reads the measurements, never rows, so it costs no privacy.
 * Runtime: O(iters × Σ junction-tree cells × (1 + degree)); memory O(Σ cells).
 * Validates its input once and throws a `LookalikeError` listing every problem.
 */
export function estimateModel(sizes, measurements, opts = {}) {
    const p = new ProblemList();
    sizes.forEach((s, a) => {
        if (!(Number.isInteger(s) && s >= 1))
            p.add(`attribute ${a}: size must be an integer ≥ 1, got ${s}`);
    });
    measurements.forEach((m, i) => {
        const a = m.attrs;
        for (let j = 0; j < a.length; j++) {
            if (!(Number.isInteger(a[j]) && a[j] >= 0 && a[j] < sizes.length))
                p.add(`measurement ${i}: attribute ${a[j]} is not in 0..${sizes.length - 1}`);
            if (j > 0 && !(a[j] > a[j - 1]))
                p.add(`measurement ${i}: attributes must be strictly increasing`);
        }
        const n = a.every((x) => x >= 0 && x < sizes.length) ? cellCount(shapeOf(a, sizes)) : -1;
        if (n >= 0 && m.values.length !== n)
            p.add(`measurement ${i}: ${m.values.length} values for a marginal of ${n} cells`);
        if (!m.sigmas && !(m.sigma > 0 && Number.isFinite(m.sigma)))
            p.add(`measurement ${i}: sigma must be a positive finite number`);
        if (m.sigmas &&
            (m.sigmas.length !== m.values.length || m.sigmas.some((s) => !(s > 0 && Number.isFinite(s)))))
            p.add(`measurement ${i}: sigmas must be one positive finite number per value`);
        if (m.values.some((v) => !Number.isFinite(v)))
            p.add(`measurement ${i}: values must be finite`);
    });
    if (opts.iters !== undefined && !(Number.isInteger(opts.iters) && opts.iters >= 0))
        p.add('iters must be an integer ≥ 0');
    if (opts.total !== undefined && !(opts.total > 0))
        p.add('total must be positive');
    (opts.zeros ?? []).forEach((z, i) => {
        const a = z.attrs;
        if (!a.every((x, j) => Number.isInteger(x) && x >= 0 && x < sizes.length && (j === 0 || x > a[j - 1]))) {
            p.add(`structural zero ${i}: attributes must be strictly increasing, in 0..${sizes.length - 1}`);
            return;
        }
        const n = cellCount(shapeOf(a, sizes));
        if (z.zero.length !== n)
            p.add(`structural zero ${i}: ${z.zero.length} flags for a marginal of ${n} cells`);
        else if (z.zero.every((f) => f === 1))
            p.add(`structural zero ${i}: every cell is a zero`);
    });
    p.throwIfAny('cannot estimate a graphical model:', 'usage');
    const total = opts.total ?? estimateTotal(measurements);
    const zeros = opts.zeros ?? [];
    const cliques = maximalCliques([
        ...measurements.map((m) => m.attrs),
        ...(opts.cliques ?? []),
        ...zeros.map((z) => z.attrs),
    ]);
    const model0 = new GraphicalModel(sizes, cliques, null, total);
    if (opts.warmStart) {
        const w = opts.warmStart;
        w.cliques.forEach((c, k) => {
            const into = cliques.findIndex((cl) => isSubset(c, cl));
            if (into < 0)
                throw new LookalikeError('warm start: a clique of the previous model is not in the new one', [], 'internal');
            const map = indexMap(cliques[into], shapeOf(cliques[into], sizes), c);
            const dst = model0.potentials[into];
            const src = w.potentials[k];
            for (let i = 0; i < dst.length; i++)
                dst[i] += src[map[i]];
        });
    }
    setZeros(model0, zeros);
    const result = mirrorDescent(model0, measurements, opts.iters ?? 1000, opts.tol ?? 1e-10, opts.accelerated ?? true, opts.onIteration);
    // mirror descent moves the zero cells' potentials by finite steps; pin them back exactly
    setZeros(result.model, zeros);
    return result;
}
/** Set the potentials of each structural zero's cells, in the smallest model clique holding its attributes. */
function setZeros(model, zeros) {
    for (const z of zeros) {
        let k = -1;
        model.cliques.forEach((c, j) => {
            if (isSubset(z.attrs, c) && (k < 0 || model.potentials[j].length < model.potentials[k].length))
                k = j;
        });
        const map = indexMap(model.cliques[k], shapeOf(model.cliques[k], model.sizes), z.attrs);
        const th = model.potentials[k];
        for (let i = 0; i < th.length; i++)
            if (z.zero[map[i]])
                th[i] = STRUCTURAL_ZERO;
    }
}
/**
 * Minimum-variance unbiased estimate of the number of records from the measurements' sums (each Σ_j y_j has
 * variance Σ_j σ_j²), clamped to ≥ 1 — as private-pgm does when the total is not given.
 */
export function estimateTotal(measurements) {
    let num = 0;
    let den = 0;
    for (const m of measurements) {
        let s = 0;
        let v = 0;
        for (let j = 0; j < m.values.length; j++) {
            s += m.values[j];
            const sg = m.sigmas ? m.sigmas[j] : m.sigma;
            v += sg * sg;
        }
        num += s / v;
        den += 1 / v;
    }
    return den > 0 ? Math.max(1, num / den) : 1;
}
function mirrorDescent(model, measurements, iters, tol, accelerated, onIteration) {
    const sizes = model.sizes;
    const K = model.cliques.length;
    const bound = measurements.map((m) => {
        const attrs = sortedAttrs(m.attrs);
        let k = -1;
        for (let j = 0; j < K; j++) {
            if (isSubset(attrs, model.cliques[j]) &&
                (k < 0 || model.potentials[j].length < model.potentials[k].length))
                k = j;
        }
        const same = model.cliques[k].length === attrs.length;
        const inv2 = new Float64Array(m.values.length);
        for (let j = 0; j < inv2.length; j++) {
            const s = m.sigmas ? m.sigmas[j] : m.sigma;
            inv2[j] = 1 / (s * s);
        }
        return {
            k,
            map: same ? null : indexMap(model.cliques[k], shapeOf(model.cliques[k], sizes), attrs),
            y: m.values,
            inv2,
            buf: new Float64Array(m.values.length),
        };
    });
    const theta = model.potentials.map((t) => Float64Array.from(t));
    const treeBuf = model.jt.cells.map((n) => new Float64Array(n));
    const beliefBuf = model.jt.cells.map((n) => new Float64Array(n));
    // two buffer sets (current point and trial point) so that iterations allocate nothing
    const slots = [0, 1, 2].map(() => ({
        mu: model.potentials.map((t) => new Float64Array(t.length)),
        grad: model.potentials.map((t) => new Float64Array(t.length)),
    }));
    const evaluate = (th, slot) => {
        const B = model.plan.calibrate(model.treePotentials(th, treeBuf), model.total, beliefBuf);
        const { mu, grad } = slots[slot];
        for (let k = 0; k < K; k++) {
            const out = mu[k];
            out.fill(0);
            const b = B[model.hosts[k]];
            const map = model.hostMaps[k];
            for (let i = 0; i < b.length; i++)
                out[map[i]] += b[i];
            grad[k].fill(0);
        }
        let loss = 0;
        for (const b of bound) {
            const muK = mu[b.k];
            const g = grad[b.k];
            if (b.map) {
                const muM = b.buf;
                muM.fill(0);
                const map = b.map;
                for (let i = 0; i < muK.length; i++)
                    muM[map[i]] += muK[i];
                for (let j = 0; j < muM.length; j++) {
                    const diff = muM[j] - b.y[j];
                    loss += 0.5 * diff * diff * b.inv2[j];
                    muM[j] = diff * b.inv2[j];
                }
                for (let i = 0; i < g.length; i++)
                    g[i] += muM[map[i]];
            }
            else {
                for (let j = 0; j < muK.length; j++) {
                    const diff = muK[j] - b.y[j];
                    loss += 0.5 * diff * diff * b.inv2[j];
                    g[j] += diff * b.inv2[j];
                }
            }
        }
        return { loss, mu, grad, slot };
    };
    let cur = evaluate(theta, 0);
    // a safe first step: the inverse curvature for a cell of probability 1 at the smallest noise level
    let maxInv2 = 0;
    for (const b of bound)
        for (const v of b.inv2)
            if (v > maxInv2)
                maxInv2 = v;
    let alpha = maxInv2 > 0 ? 1 / (model.total * model.total * maxInv2) : 1;
    let it = 0;
    const trial = theta.map((t) => new Float64Array(t.length));
    const freeSlot = (...used) => [0, 1, 2].find((x) => !used.includes(x));
    // accelerated: Nesterov extrapolation of the potentials, θ_k + (k−1)/(k+2)·(θ_k − θ_{k−1}), with the adaptive
    // restart of O'Donoghue & Candès (2015): momentum is dropped whenever a step would raise the loss
    const thetaPrev = theta.map((t) => Float64Array.from(t));
    const phi = theta.map((t) => Float64Array.from(t));
    let lossX = cur.loss; // loss at θ (cur is the evaluation at φ)
    let mom = 0;
    for (; it < iters && bound.length > 0; it++) {
        let accepted = false;
        let next = cur;
        const base = accelerated ? phi : theta;
        for (let ls = 0; ls < 30; ls++) {
            for (let k = 0; k < K; k++) {
                const t = trial[k];
                const th = base[k];
                const g = cur.grad[k];
                for (let i = 0; i < t.length; i++)
                    t[i] = th[i] - alpha * g[i];
            }
            next = evaluate(trial, freeSlot(cur.slot));
            let dot = 0;
            for (let k = 0; k < K; k++) {
                const g = cur.grad[k];
                const a = cur.mu[k];
                const b = next.mu[k];
                for (let i = 0; i < g.length; i++)
                    dot += g[i] * (a[i] - b[i]);
            }
            if (cur.loss - next.loss >= 0.5 * alpha * dot) {
                accepted = true;
                break;
            }
            alpha *= 0.5;
        }
        if (accelerated && mom > 0 && (!accepted || next.loss > lossX)) {
            // restart from θ without momentum
            mom = 0;
            for (let k = 0; k < K; k++)
                phi[k].set(theta[k]);
            cur = evaluate(phi, freeSlot(cur.slot, next.slot));
            continue;
        }
        if (!accepted)
            break;
        const improvement = lossX - next.loss;
        if (accelerated) {
            mom++;
            const beta = (mom - 1) / (mom + 2);
            for (let k = 0; k < K; k++) {
                thetaPrev[k].set(theta[k]);
                theta[k].set(trial[k]);
                const f = phi[k];
                const a = theta[k];
                const b = thetaPrev[k];
                for (let i = 0; i < f.length; i++)
                    f[i] = a[i] + beta * (a[i] - b[i]);
            }
            lossX = next.loss;
            cur = beta === 0 ? next : evaluate(phi, freeSlot(next.slot));
            alpha *= 1.25;
        }
        else {
            for (let k = 0; k < K; k++)
                theta[k].set(trial[k]);
            cur = next;
            lossX = next.loss;
            alpha *= 2;
        }
        onIteration?.(it + 1, lossX);
        if (improvement >= 0 && improvement <= tol * Math.max(lossX, 1e-300)) {
            it++;
            break;
        }
    }
    const fitted = new GraphicalModel(sizes, model.cliques, theta, model.total, {
        jt: model.jt,
        plan: model.plan,
    });
    return { model: fitted, loss: lossX, iterations: it };
}
//# sourceMappingURL=estimate.js.map