import { describe, expect, it } from 'vitest';
import { batchCapFor, clippedSum, clippedSumFloatSlack, DpSgd } from '../../src/nn/dp-sgd.js';
import { Activation, Dense, LayerNorm, Sequential } from '../../src/nn/layers.js';
import { squaredError } from '../../src/nn/losses.js';
import { mat, type Ctx } from '../../src/nn/tensor.js';
import { auditEpsilonLowerBound } from '../../src/privacy/audit.js';
import { dyadicRate } from '../../src/privacy/dpsgd.js';
import { subsampledGaussianPrv } from '../../src/privacy/prv.js';
import { Rng } from '../../src/random/rng.js';
import { SecureRng } from '../../src/random/secure.js';
import { ctxOf } from './gradcheck.js';

/** A regression task: rows of x (n × d) and y (n × 1); `run` does forward + per-example backward on given rows. */
function task(net: Sequential, x: Float32Array, y: Float32Array, d: number) {
  return (rows: Int32Array, ctx: Ctx): void => {
    const xb = mat(rows.length, d);
    const yb = mat(rows.length, 1);
    for (let i = 0; i < rows.length; i++) {
      xb.data.set(x.subarray(rows[i] * d, rows[i] * d + d), i * d);
      yb.data[i] = y[rows[i]];
    }
    const out = net.forward(xb, ctx);
    const grad = mat(out.rows, out.cols);
    squaredError(out, yb, grad, 1); // a sum of per-example terms
    net.backward(grad, ctx, { params: 'per-example', inputGrad: false });
  };
}

describe('DP-SGD on the engine', () => {
  it('the float slack of the clipped sum: ≈ 0.25 % for chunks of 32 and a cap of 600, growing with the cap', () => {
    const s = clippedSumFloatSlack(32, 600);
    expect(s).toBeGreaterThan(2e-3);
    expect(s).toBeLessThan(3e-3);
    expect(clippedSumFloatSlack(32, 1200)).toBeGreaterThan(s);
    expect(batchCapFor(0.015, 33_000)).toBeGreaterThan(0.015 * 33_000 + 14 * Math.sqrt(0.015 * 33_000));
  });

  it('sensitivity: adding one row moves the float clipped sum by ≤ C·(1 + slack) (random nets, batches, positions)', () => {
    const rng = new Rng(3);
    const d = 6;
    const n = 90;
    const C = 0.8;
    const chunk = 8;
    for (let trial = 0; trial < 20; trial++) {
      const net = new Sequential([
        new Dense(d, 12, rng),
        new LayerNorm(12),
        new Activation('tanh'),
        new Dense(12, 1, rng),
      ]);
      const x = new Float32Array(n * d).map(() => (rng.float() * 2 - 1) * 5);
      const y = new Float32Array(n).map(() => rng.float() * 10);
      const run = task(net, x, y, d);
      const params = net.params.filter((p) => p.trainable);
      const dim = params.reduce((s, p) => s + p.size, 0);
      // a batch without row 0 and the same batch with row 0 inserted at a random position
      const base = Int32Array.from({ length: 40 }, (_, i) => 1 + ((i * 7 + trial) % (n - 1)));
      const at = Math.floor(rng.float() * 41);
      const withX = Int32Array.from([...base.subarray(0, at), 0, ...base.subarray(at)]);
      const a = new Float64Array(dim);
      const b = new Float64Array(dim);
      clippedSum([net], params, base, run, ctxOf(), chunk, C, a);
      clippedSum([net], params, withX, run, ctxOf(), chunk, C, b);
      let s = 0;
      for (let j = 0; j < dim; j++) s += (a[j] - b[j]) ** 2;
      expect(Math.sqrt(s)).toBeLessThanOrEqual(C * (1 + clippedSumFloatSlack(chunk, 41)));
    }
  });

  it('the wasm kernel sum gives the same clipped sum, and a step the same gradients, bit for bit (same words)', () => {
    const rng = new Rng(9);
    const d = 5;
    const n = 300;
    const mk = (): Sequential =>
      new Sequential([
        new Dense(d, 16, new Rng(4)),
        new LayerNorm(16),
        new Activation('relu'),
        new Dense(16, 2, new Rng(6)),
      ]);
    const x = new Float32Array(n * d).map(() => (rng.float() * 2 - 1) * 3);
    const y = new Float32Array(n).map(() => rng.float() * 4);
    // a deterministic word stream for both (a test-only source: the library's SecureRng cannot be seeded)
    const words = (): SecureRng => {
      let st = 12345;
      return new SecureRng({
        getRandomValues<T extends Uint32Array>(a: T): T {
          for (let i = 0; i < a.length; i++) {
            st = (Math.imul(st, 1664525) + 1013904223) >>> 0;
            a[i] = (st ^ (st >>> 15) ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
          }
          return a;
        },
      });
    };
    const q = dyadicRate(0.3);
    const grads: Float32Array[][] = [];
    for (const engine of ['js', 'auto'] as const) {
      const net = mk();
      const dp = new DpSgd([net], {
        noiseMultiplier: 1.3,
        clipNorm: 0.7,
        samplingRate: q,
        expectedBatch: q * n,
        batchCap: batchCapFor(q, n),
        chunk: 16,
        engine,
      });
      const ctx = ctxOf();
      const m = dp.step(n, task(net, x, y, d), ctx, words());
      expect(m).toBeGreaterThan(50);
      grads.push(dp.params.map((p) => Float32Array.from(p.grad)));
    }
    expect(grads[1].length).toBe(grads[0].length);
    for (let k = 0; k < grads[0].length; k++) expect(grads[1][k]).toEqual(grads[0][k]);
    // and they are noisy gradients, not zeros
    expect(grads[0].some((g) => g.some((v) => v !== 0))).toBe(true);
  });

  it('a step leaves the noisy mean gradient; the ledger sees the noise used and the float slack', () => {
    const rng = new Rng(5);
    const d = 4;
    const n = 200;
    const net = new Sequential([new Dense(d, 8, rng), new Activation('relu'), new Dense(8, 1, rng)]);
    const x = new Float32Array(n * d).map(() => rng.float());
    const y = new Float32Array(n).map(() => rng.float());
    const q = dyadicRate(0.25);
    const dp = new DpSgd([net], {
      noiseMultiplier: 1.1,
      clipNorm: 1,
      samplingRate: q,
      expectedBatch: q * n,
      batchCap: batchCapFor(q, n),
    });
    const secure = new SecureRng();
    const sizes: number[] = [];
    for (let t = 0; t < 30; t++) sizes.push(dp.step(n, task(net, x, y, d), ctxOf(), secure));
    expect(dp.stepsTaken).toBe(30);
    expect(dp.cappedSteps).toBe(0);
    expect(new Set(sizes).size).toBeGreaterThan(1); // Poisson: the batch size varies
    const p = dp.ledgerParams();
    expect(p.steps).toBe(30);
    expect(p.noiseMultiplier).toBeGreaterThanOrEqual(1.1);
    expect(p.sensitivity).toBeGreaterThanOrEqual(1 + dp.floatSlack);
    expect(p.coordinates).toBe(4 * 8 + 8 + 8 + 1);
    // the gradient left for the optimiser is finite and of the noise's scale (σ/(q·n) per coordinate)
    const g = dp.params.flatMap((pp) => Array.from(pp.grad));
    expect(g.every(Number.isFinite)).toBe(true);
    const rms = Math.sqrt(g.reduce((s, v) => s + v * v, 0) / g.length);
    expect(rms).toBeGreaterThan((0.3 * dp.noise.sigma) / (q * n));
    expect(rms).toBeLessThan((3 * dp.noise.sigma) / (q * n) + 1);
  });
});

describe('auditing the engine’s DP-SGD (a canary in its own input feature, every step observed)', () => {
  // logistic regression as a one-layer network; the canary's gradient on its own weight row is what the auditor
  // tests (the bias also moves, which a correct accountant covers and this weaker test ignores)
  function audit(zUsed: number, zClaim: number) {
    const secure = new SecureRng();
    const rng = new Rng(11);
    const d = 4; // 3 features + the canary's
    const n = 60;
    const q = dyadicRate(0.2);
    const steps = 40;
    const C = 1;
    const x = new Float32Array((n + 1) * d);
    const y = new Float32Array(n + 1);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d - 1; j++) x[i * d + j] = rng.float() * 2 - 1;
      y[i] = x[i * d] > 0 ? 1 : 0;
    }
    x[n * d + d - 1] = 10; // the canary: only its own feature, large
    y[n] = 1;
    const run = (withCanary: boolean): number => {
      const net = new Sequential([new Dense(d, 1, new Rng(1))]);
      const dp = new DpSgd([net], {
        noiseMultiplier: zUsed,
        clipNorm: C,
        samplingRate: q,
        expectedBatch: q * n,
        batchCap: batchCapFor(q, n + 1),
      });
      const sigmaClaim = (zClaim / zUsed) * dp.noise.sigma;
      const W = net.params[0];
      let llr = 0;
      const ctx = ctxOf();
      for (let t = 0; t < steps; t++) {
        // the canary's clipped gradient on its weight, from the public model state
        const m = W.value[d - 1] * 10 + net.params[1].value[0];
        const p = 1 / (1 + Math.exp(-m));
        const gw = (p - 1) * 10;
        const gNorm = Math.hypot(gw, p - 1);
        const g = gw * Math.min(1, C / gNorm);
        const rowsAll = withCanary ? n + 1 : n;
        dp.step(
          rowsAll,
          (rows, c) => {
            const xb = mat(rows.length, d);
            const grad = mat(rows.length, 1);
            for (let i = 0; i < rows.length; i++)
              xb.data.set(x.subarray(rows[i] * d, rows[i] * d + d), i * d);
            const out = net.forward(xb, c);
            for (let i = 0; i < rows.length; i++)
              grad.data[i] = 1 / (1 + Math.exp(-out.data[i])) - y[rows[i]];
            net.backward(grad, c, { params: 'per-example', inputGrad: false });
          },
          ctx,
          secure,
        );
        const r = W.grad[d - 1] * q * n; // the released noisy sum's canary coordinate
        llr += Math.log1p(q * Math.expm1((2 * r * g - g * g) / (2 * sigmaClaim * sigmaClaim)));
        for (const pp of net.params) {
          for (let j = 0; j < pp.size; j++) pp.value[j] -= 0.05 * pp.grad[j]; // slow: the canary stays unlearned
          pp.version++;
        }
      }
      return llr;
    };
    const runs = 1200;
    const outS = new Float64Array(runs);
    const inS = new Float64Array(runs);
    for (let i = 0; i < runs; i++) {
      outS[i] = run(false);
      inS[i] = run(true);
    }
    const claim = subsampledGaussianPrv(q, zClaim, steps, 1e-5).epsilon;
    return { claim, lower: auditEpsilonLowerBound(outS, inS, { delta: 1e-5, alpha: 1e-6 }).epsilonLower };
  }
  it('the lower bound stays below the claim for the real noise (false failure ≤ 1e-6)', () => {
    const r = audit(4, 4);
    expect(r.lower).toBeLessThanOrEqual(r.claim);
  }, 240_000);
  it('noise multiplier / 10 is caught', () => {
    const r = audit(0.4, 4);
    expect(r.lower).toBeGreaterThan(r.claim);
  }, 240_000);
});
