import { LookalikeError } from '../errors.js';
import { requireSecureRng } from './samplers.js';
import { LatticeGaussian, minTau } from './lattice-gaussian.js';
/**
 * The data-touching half of DP-SGD (Abadi et al. 2016) as building blocks any trainer can call: Poisson batches
 * from the SecureRng, per-example clipping onto a lattice, and the noisy sum. docs/privacy.md ("DP-SGD") states
 * the guarantee and its proof; in short, one step releases
 *
 *     round_γ(S) + γ·K,     S = Σ_{i ∈ batch} clip_C(g_i),     K ~ the lattice Gaussian (`LatticeGaussian`)
 *
 * which is, up to a certified pointwise factor, a post-processing of the continuous Gaussian mechanism
 * round_γ(S) + N(0, σ²I) with σ = γτ. Under add/remove-one-row neighbours its L2 sensitivity is Δ = C plus the
 * lattice rounding (γ√d, when S is not already on the lattice) plus the caller's floating-point slack. The step is
 * therefore the Poisson-subsampled Gaussian mechanism with noise multiplier z = σ/Δ, which the RDP and PRV
 * accountants (rdp.ts, prv.ts) account for, and which the ledger records as mechanism "subsampled-gaussian".
 */
/** The DP-SGD noise's lattice Gaussian: levels above the base, and log2 of the level base. */
export const DPSGD_LEVELS = 2;
export const DPSGD_LEVEL_BITS = 7;
/**
 * The DP-SGD noise for one configuration: the lattice step γ (a power of two), the lattice Gaussian sampler, and
 * the effective σ, Δ and z. Build once per training run; `privatize` once per step.
 */
export class DpSgdNoise {
    gamma;
    /** σ = γτ: standard deviation of the continuous Gaussian the noise stands for (gradient units). */
    sigma;
    /** Δ: L2 sensitivity of one step's (rounded) sum. */
    sensitivity;
    /** z = σ/Δ (≥ the requested noise multiplier). */
    noiseMultiplier;
    clipNorm;
    dimension;
    latticeSums;
    sampler;
    ints;
    constructor(opts) {
        const problems = [];
        const { noiseMultiplier: z, clipNorm: c, dimension: d } = opts;
        const slack = opts.floatSlack ?? 0;
        if (!(z > 0) || !Number.isFinite(z))
            problems.push(`noiseMultiplier must be a finite number > 0 (got ${z})`);
        if (!(c > 0) || !Number.isFinite(c))
            problems.push(`clipNorm must be a finite number > 0 (got ${c})`);
        if (!Number.isInteger(d) || d < 1)
            problems.push(`dimension must be a whole number ≥ 1 (got ${d})`);
        if (!(slack >= 0 && slack < 0.5))
            problems.push(`floatSlack must be in [0, 0.5) (got ${slack})`);
        if (problems.length)
            throw new LookalikeError('DpSgdNoise: invalid options', problems, 'internal');
        this.latticeSums = opts.latticeSums ?? false;
        this.clipNorm = c;
        this.dimension = d;
        // the noise: two levels above a base of L = 2^7 (three table draws per coordinate, from a table of r ∈ [256, 512):
        // ≤ 14,300 entries, whose first words and guide stay in the CPU caches — docs/privacy.md "DP-SGD noise"). The
        // lattice step γ is chosen so that τ = zΔ/γ lands in [τ_min, 2τ_min), τ_min = 4.19·10⁶: large enough that
        // rounding a float sum to the lattice costs γ√d ≤ z√d/4.19·10⁶ of C in sensitivity (2e-4·z at d = 700,000 —
        // charged), the smallest the sampler allows
        const tauMin = minTau(DPSGD_LEVELS, DPSGD_LEVEL_BITS) * (1 + 1e-9);
        // γ: the largest power of two with σ₀/γ ≥ τ_min, σ₀ = z·C (so τ lands in [τ_min, 2τ_min))
        const sigma0 = z * c;
        const gamma = 2 ** Math.floor(Math.log2(sigma0 / tauMin));
        const base = c * (1 + slack);
        const rounding = this.latticeSums ? 0 : gamma * Math.sqrt(d) * (1 + 1e-12);
        const sensitivity = (base + rounding) * (1 + 1e-15);
        // the noise must reach z·Δ; τ is rounded up inside LatticeGaussian
        const sampler = new LatticeGaussian((z * sensitivity) / gamma, {
            levels: DPSGD_LEVELS,
            levelBits: DPSGD_LEVEL_BITS,
        });
        this.gamma = gamma;
        this.sampler = sampler;
        this.sigma = gamma * sampler.tau * (1 - 1e-15);
        this.sensitivity = sensitivity;
        this.noiseMultiplier = (this.sigma / sensitivity) * (1 - 1e-15);
        this.ints = new Float64Array(d);
    }
    /**
     * Clip one example's gradient to L2 norm C and truncate it toward zero onto the lattice γℤ^d: writes the
     * lattice coordinates (integers) into `out`. Truncation never increases any |coordinate|, so the result's norm
     * is ≤ the clipped norm ≤ C; the clipping factor is shrunk by a relative margin covering the floating-point error
     * of the norm (d·u) and of the scaling. Returns the example's norm before clipping (private: it must not leave the
     * DP code path).
     */
    clipToLattice(grad, out) {
        const d = this.dimension;
        let s = 0;
        for (let j = 0; j < d; j++)
            s += grad[j] * grad[j];
        const norm = Math.sqrt(s);
        // ‖g‖ ≤ norm·(1 + (d+2)u) (the sum of squares errs by ≤ d·u relative, the sqrt halves it); the product c·g_j
        // errs by ≤ u relative — so c = C/norm·(1 − (d+8)·u·2) bounds the true clipped norm by C
        const margin = 1 - (d + 8) * Number.EPSILON;
        const scale = norm > this.clipNorm ? (this.clipNorm / norm) * margin : margin;
        const inv = 1 / this.gamma; // a power of two: exact
        for (let j = 0; j < d; j++)
            out[j] = Math.trunc(grad[j] * scale * inv);
        return norm;
    }
    /**
     * One noisy step: out_i = γ·(x_i + K_i) with x_i = sum_i (lattice units) when `latticeSums`, else
     * x_i = round(sum_i/γ) (sum in gradient units). `out` may be `sum` itself. The noise K comes from the SecureRng
     * (`engine`: see `LatticeGaussian.fillInt`; the wasm kernel and the TypeScript give the same values on the same
     * words).
     */
    privatize(sum, rng, out, engine = 'auto') {
        const d = this.dimension;
        if (sum.length !== d || out.length !== d)
            throw new LookalikeError('DpSgdNoise.privatize: wrong length', [], 'internal');
        const g = this.gamma;
        if (this.latticeSums) {
            const k = this.ints;
            this.sampler.fillInt(k, rng, engine);
            for (let i = 0; i < d; i++) {
                const x = sum[i];
                if (!Number.isInteger(x))
                    throw new LookalikeError('DpSgdNoise.privatize: the sum is not on the lattice', [], 'internal');
                out[i] = (x + k[i]) * g;
            }
        }
        else
            this.sampler.addToRounded(sum, g, 1 / g, rng, out, engine, this.ints);
    }
    /** The accountant's view of `steps` steps at sampling rate q (q as sampled: see `dyadicRate`). */
    params(samplingRate, steps) {
        return {
            noiseMultiplier: this.noiseMultiplier,
            samplingRate,
            steps,
            clippingNorm: this.clipNorm,
            sensitivity: this.sensitivity,
            coordinates: this.dimension,
        };
    }
}
/** The ledger entry of a DP-SGD run (mechanism "subsampled-gaussian"; its cost is recomputed from the parameters). */
export function subsampledGaussianEntry(params, what) {
    return {
        query: what.query,
        columns: [...what.columns],
        mechanism: 'subsampled-gaussian',
        noiseScale: params.noiseMultiplier * params.sensitivity,
        rho: 0,
        subsampled: { ...params },
    };
}
// ---------------------------------------------------------------------------------------------------------------
// Poisson sampling
/**
 * The sampling rate actually used for a requested q: ⌈q·2^32⌉/2^32, so that each row's inclusion is one exact
 * comparison of a uniform 32-bit word (P = k/2^32 exactly). Never below q; the accountant is given this value.
 */
export function dyadicRate(q) {
    if (!(q > 0 && q <= 1))
        throw new RangeError(`dyadicRate: need 0 < q ≤ 1 (got ${q})`);
    return Math.min(2 ** 32, Math.ceil(q * 2 ** 32)) / 2 ** 32;
}
/**
 * A Poisson batch: each of the n rows independently with probability `q` (a multiple of 2^-32, see `dyadicRate`),
 * from the SecureRng. Returns the selected row indices in increasing order (a view of `scratch` when given).
 * The batch size is Binomial(n, q) and varies from step to step, as the accountant assumes.
 */
export function poissonBatch(n, q, rng, scratch) {
    requireSecureRng(rng);
    const k = q * 2 ** 32;
    if (!Number.isInteger(k) || k < 1 || k > 2 ** 32)
        throw new RangeError(`poissonBatch: q must be a multiple of 2^-32 in (0, 1] (use dyadicRate); got ${q}`);
    const out = scratch && scratch.length >= n ? scratch : new Int32Array(n);
    if (k === 2 ** 32) {
        for (let i = 0; i < n; i++)
            out[i] = i;
        return out.subarray(0, n);
    }
    const words = new Uint32Array(Math.min(n, 16384));
    let m = 0;
    for (let start = 0; start < n; start += words.length) {
        const len = Math.min(words.length, n - start);
        const w = len === words.length ? words : words.subarray(0, len);
        rng.fillU32(w);
        for (let i = 0; i < len; i++)
            if (w[i] < k)
                out[m++] = start + i;
    }
    return out.subarray(0, m);
}
/**
 * The smallest noise multiplier z (to ~0.1 %, rounded up) such that `steps` DP-SGD steps at `samplingRate` still fit
 * in what `ledger` has left — composed exactly as the ledger will compose them (the smaller of the RDP and PRV
 * bounds, compose.ts). The RDP bound brackets z cheaply; a secant search on the PRV-composed ε refines it, and the
 * answer is checked against the ledger before it is returned. Throws a LookalikeError (kind 'privacy') naming ε, δ, the
 * epochs (when given), steps and sampling rate and what to change when even `maxNoiseMultiplier` does not fit,
 * when the budget is already spent, or when an accountant cannot evaluate the plan (never a bare RangeError).
 */
export function planNoiseMultiplier(ledger, opts) {
    try {
        return planNoiseMultiplierUnchecked(ledger, opts);
    }
    catch (e) {
        if (!(e instanceof RangeError))
            throw e;
        // an accountant's numerical limit (not a bug in the plan's arguments, which are checked first)
        const { epsilon, delta } = ledger.budget;
        throw new LookalikeError(`the accountant cannot evaluate DP-SGD with ${opts.epochs !== undefined ? `${opts.epochs} epochs (${opts.steps} steps)` : `${opts.steps} steps`} at sampling rate ${fmt3(opts.samplingRate)} for ε = ${epsilon}, δ = ${delta}`, [
            `the accountant stopped: ${e.message}`,
            'what to change: train for fewer epochs, use a larger sampling rate (batch), or raise --epsilon',
        ], 'privacy');
    }
}
function planNoiseMultiplierUnchecked(ledger, opts) {
    const { samplingRate: q, steps, coordinates } = opts;
    const zMax = opts.maxNoiseMultiplier ?? 100;
    const problems = [];
    if (!(q > 0 && q <= 1))
        problems.push(`samplingRate must be in (0, 1] (got ${q})`);
    if (!Number.isInteger(steps) || steps < 1)
        problems.push(`steps must be a whole number ≥ 1 (got ${steps})`);
    if (!Number.isInteger(coordinates) || coordinates < 1)
        problems.push(`coordinates must be a whole number ≥ 1`);
    if (problems.length)
        throw new LookalikeError('planNoiseMultiplier: invalid plan', problems, 'internal');
    const entry = (z) => ({
        ...subsampledGaussianEntry({ noiseMultiplier: z, samplingRate: q, steps, clippingNorm: 1, sensitivity: 1, coordinates }, { query: 'plan', columns: [] }),
        ...(opts.delta ? { delta: opts.delta } : {}),
    });
    const epsOf = (z) => ledger.guaranteeWith(entry(z)).epsilon;
    const fits = (z) => ledger.wouldAllow(entry(z));
    const { epsilon, delta } = ledger.budget;
    const what = `DP-SGD with ${opts.epochs !== undefined ? `${opts.epochs} epochs (${steps} steps)` : `${steps} steps`} ` +
        `at sampling rate ${fmt3(q)}`;
    const advice = [
        `what to change: raise --epsilon (or δ), train for fewer epochs, or lower the sampling rate (a smaller batch: ` +
            `fewer rows per step): at a fixed number of epochs the noise needed grows with both`,
    ];
    if (ledger.rhoRemaining <= 0 || !Number.isFinite(epsOf(zMax))) {
        const spent = ledger.entries.length
            ? `the ${ledger.entries.length} measurement(s) before training already spend the budget ε = ${epsilon} (δ = ${delta})`
            : `the budget ε = ${epsilon} (δ = ${delta}) leaves nothing for training`;
        throw new LookalikeError(`the privacy budget is too small for ${what}`, [spent, ...advice], 'privacy');
    }
    if (!fits(zMax)) {
        throw new LookalikeError(`the privacy budget ε = ${epsilon} (δ = ${delta}) is too small for ${what}`, [
            `even noise multiplier ${zMax} (the largest planned) would spend ε = ${fmt3(epsOf(zMax))} in all`,
            ...advice,
        ], 'privacy');
    }
    // 1. bracket with the RDP bound alone (cheap; an upper bound on the z needed)
    const target = ledger.budget.epsilon;
    const rdpOnly = (z) => ledger.guaranteeWith(entry(z), { rdpOnly: true }).epsilon;
    let lo = 1e-3;
    let hi = zMax;
    for (let i = 0; i < 60 && hi / lo > 1 + 1e-4; i++) {
        const mid = Math.sqrt(lo * hi);
        if (rdpOnly(mid) <= target)
            hi = mid;
        else
            lo = mid;
    }
    let zOk = hi; // fits by RDP, hence by the ledger's min(RDP, PRV)
    // 2. refine with the ledger's own composition (PRV): secant on ε(z) − target from below z_rdp
    let zA = hi;
    let eA = epsOf(zA);
    let zB = hi * 0.9;
    let eB = epsOf(zB);
    if (eB <= target)
        zOk = zB;
    for (let i = 0; i < 6; i++) {
        if (!(Number.isFinite(eA) && Number.isFinite(eB)) || eA === eB)
            break;
        let zC = zB + ((target * (1 - 2e-4) - eB) * (zA - zB)) / (eA - eB);
        zC = Math.min(hi, Math.max(zC, 0.5 * zOk));
        const eC = epsOf(zC);
        if (eC <= target && zC < zOk)
            zOk = zC;
        zA = zB;
        eA = eB;
        zB = zC;
        eB = eC;
        if (Math.abs(eC - target) < 1e-3 * target && eC <= target)
            break;
    }
    // 3. round up to 4 significant digits and check against the ledger itself
    let z = Number(zOk.toPrecision(4));
    if (z < zOk)
        z = Number((zOk * (1 + 1e-4)).toPrecision(4));
    for (let i = 0; i < 20 && !fits(z); i++)
        z = Number((z * 1.002).toPrecision(5));
    if (!fits(z))
        z = hi;
    return z;
}
function fmt3(x) {
    return Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x);
}
//# sourceMappingURL=dpsgd.js.map