import { Activation, Dense, Dropout, Embedding } from '../../nn/layers.js';
import { exp, log } from '../../nn/math.js';
import type { PerExampleModule } from '../../nn/per-example.js';
import { reuse, type Ctx, type Mat, type Param, type ParamGradMode } from '../../nn/tensor.js';
import type { Rng } from '../../random/rng.js';

/**
 * The ARGN network (after MOSTLY AI's TabularARGN flat model): an embedding per column, and per column a small
 * head — a dense layer on the concatenated embeddings of the columns *before it in the order* (the others zeroed),
 * ReLU, and a dense layer giving the logits of the column's tokens.
 *
 * The order is an input, not part of the weights: training draws a random permutation per batch (`flexible`) or
 * uses a fixed one; every head reads the full concatenation with a mask, so a model trained on random orders can
 * generate in any order — which is how conditioned columns are put first (native conditional sampling). Sampling
 * fills the concatenation column by column: columns not drawn yet are still zero, exactly the mask of training.
 *
 * Sizes (`modelSize` S/M/L, MOSTLY AI's heuristics): embedding width min(K, max(10, c·⌈K^e⌉)) for a column of K
 * tokens (S: 2·⌈K^0.15⌉, M: 3·⌈K^0.25⌉, L: 4·⌈K^0.33⌉); hidden width u·round(ln max(K, e)) with u = 4, 16, 32.
 * Dropout (default 0.25) on the concatenated embeddings in training.
 */
export type ModelSize = 'S' | 'M' | 'L';

export interface NetShape {
  /** Tokens per column. */
  readonly cards: readonly number[];
  /** Embedding width per column. */
  readonly dims: readonly number[];
  /** Hidden width per column's head. */
  readonly hidden: readonly number[];
}

export function netShape(cards: readonly number[], size: ModelSize): NetShape {
  const [c, e, u] = size === 'S' ? [2, 0.15, 4] : size === 'M' ? [3, 0.25, 16] : [4, 0.33, 32];
  return {
    cards: [...cards],
    dims: cards.map((K) => Math.max(1, Math.min(K, Math.max(10, c * Math.ceil(K ** e))))),
    hidden: cards.map((K) => u * Math.max(1, Math.round(Math.log(Math.max(K, Math.E))))),
  };
}

export class ArgnNet {
  readonly p: number;
  /** Width of the concatenated embeddings. */
  readonly D: number;
  readonly offs: Int32Array;
  readonly emb: Embedding[];
  readonly h1: Dense[];
  readonly act: Activation[];
  readonly out: Dense[];
  readonly drop: Dropout;
  /** Every parameter, in a fixed order (the model file's). */
  readonly params: readonly Param[];
  /** What DP-SGD clips jointly. */
  readonly modules: readonly PerExampleModule[];
  // training buffers
  private E: Mat | null = null;
  private dE: Mat | null = null;
  private X: (Mat | null)[];
  private G: (Mat | null)[];
  private dEmb: (Mat | null)[];
  private bt: Int32Array[];

  constructor(
    readonly shape: NetShape,
    rng: Rng,
    dropout = 0.25,
  ) {
    const p = (this.p = shape.cards.length);
    this.offs = new Int32Array(p + 1);
    for (let j = 0; j < p; j++) this.offs[j + 1] = this.offs[j] + shape.dims[j];
    this.D = this.offs[p];
    this.emb = shape.cards.map((K, j) => new Embedding(K, shape.dims[j], rng, `emb${j}`));
    this.h1 = shape.cards.map((_, j) => new Dense(Math.max(1, this.D), shape.hidden[j], rng, `head${j}.h`));
    this.act = shape.cards.map(() => new Activation('relu'));
    this.out = shape.cards.map((K, j) => new Dense(shape.hidden[j], K, rng, `head${j}.out`));
    this.drop = new Dropout(dropout);
    this.params = [
      ...this.emb.flatMap((e) => e.params),
      ...shape.cards.flatMap((_, j) => [...this.h1[j].params, ...this.out[j].params]),
    ];
    this.modules = [...this.emb, ...this.h1, ...this.out];
    this.X = shape.cards.map(() => null);
    this.G = shape.cards.map(() => null);
    this.dEmb = shape.cards.map(() => null);
    this.bt = shape.cards.map(() => new Int32Array(0));
  }

  /** Set each head's output bias to the log of its column's token frequencies (a non-DP fit's head start). */
  initBias(freqs: readonly Float64Array[]): void {
    freqs.forEach((f, j) => {
      const b = this.out[j].b;
      for (let k = 0; k < f.length; k++) b.value[k] = log(Math.max(f[k], 1e-6));
      b.touch();
    });
  }

  /**
   * Forward (and, with `grad`, backward) over the rows `rows` of `tokens` with the columns in the order given by
   * `pos` (pos[j] = place of column j). Returns the summed cross-entropy over rows and columns; with `grad`, adds
   * `scale` × its gradient to the parameters (`'sum'`) or records per-example gradients (`'per-example'`, then
   * `scale` must be 1: DP-SGD needs the loss as a sum of per-example terms).
   */
  run(
    tokens: readonly Int32Array[],
    rows: Int32Array,
    pos: Int32Array,
    ctx: Ctx,
    grad: ParamGradMode | null,
    scale = 1,
  ): number {
    const B = rows.length;
    const { p, D } = this;
    const E = (this.E = reuse(this.E, B, D));
    for (let j = 0; j < p; j++) {
      if (this.bt[j].length < B) this.bt[j] = new Int32Array(Math.max(B, 16));
      const t = this.bt[j];
      const col = tokens[j];
      for (let r = 0; r < B; r++) t[r] = col[rows[r]];
      const e = this.emb[j].lookup(t, B).data;
      const d = this.shape.dims[j];
      const o = this.offs[j];
      for (let r = 0; r < B; r++) for (let k = 0; k < d; k++) E.data[r * D + o + k] = e[r * d + k];
    }
    const Ed = this.drop.forward(E, ctx);
    let dE: Mat | null = null;
    if (grad) {
      dE = this.dE = reuse(this.dE, B, D);
      dE.data.fill(0);
    }
    let loss = 0;
    const ed = Ed.data;
    for (let j = 0; j < p; j++) {
      // the embeddings of the columns before j, as ranges [a, b) of the concatenation; zeros elsewhere
      const ranges: number[] = [];
      for (let i = 0; i < p; i++) if (pos[i] < pos[j]) ranges.push(this.offs[i], this.offs[i + 1]);
      const X = (this.X[j] = reuse(this.X[j], B, D));
      const x = X.data;
      x.fill(0);
      for (let r = 0; r < B; r++) {
        const o = r * D;
        for (let q = 0; q < ranges.length; q += 2)
          for (let k = o + ranges[q], e = o + ranges[q + 1]; k < e; k++) x[k] = ed[k];
      }
      const h = this.h1[j].forward(X, ctx);
      const a = this.act[j].forward(h, ctx);
      const z = this.out[j].forward(a, ctx);
      const K = this.shape.cards[j];
      const G = (this.G[j] = reuse(this.G[j], B, K));
      loss += softmaxCrossEntropy(z, this.bt[j], G, scale);
      if (!grad) continue;
      const opts = { params: grad };
      const da = this.out[j].backward(G, ctx, opts)!;
      const dh = this.act[j].backward(da, ctx)!;
      const dx = this.h1[j].backward(dh, ctx, opts)!.data;
      const de = dE!.data;
      for (let r = 0; r < B; r++) {
        const o = r * D;
        for (let q = 0; q < ranges.length; q += 2)
          for (let k = o + ranges[q], e = o + ranges[q + 1]; k < e; k++) de[k] += dx[k];
      }
    }
    if (!grad) return loss;
    const dEd = this.drop.backward(dE!, ctx)!.data;
    for (let j = 0; j < p; j++) {
      const d = this.shape.dims[j];
      const o = this.offs[j];
      const s = (this.dEmb[j] = reuse(this.dEmb[j], B, d));
      for (let r = 0; r < B; r++) for (let k = 0; k < d; k++) s.data[r * d + k] = dEd[r * D + o + k];
      this.emb[j].backward(s, { params: grad });
    }
    return loss;
  }

  /**
   * Draw tokens for `n` rows, generating the columns in `order` (column indices; or, as a function of a chunk's
   * first row, an order per chunk of `chunk` rows). For a column with `allowed`
   * tokens, the draw is restricted to them (by the model's probabilities); a single allowed token is written
   * without running the head. Logits are divided by `temperature`; with `topP` < 1 the draw is among the most
   * likely tokens whose probabilities add up to topP (nucleus sampling). With `sweeps` > 0, that many Gibbs sweeps
   * follow: each column not fixed to one token is redrawn, in `order`, from its head given all the other columns.
   * `ctx.training` must be false.
   */
  sample(
    n: number,
    order: readonly number[] | ((start: number) => readonly number[]),
    allowed: readonly (Int32Array | null)[],
    temperature: number,
    topP: number,
    ctx: Ctx,
    rng: Rng,
    chunk = 1024,
    sweeps = 0,
  ): Int32Array[] {
    const { p, D } = this;
    const tokens = this.shape.cards.map(() => new Int32Array(n));
    const E = new Float32Array(Math.min(n, chunk) * D);
    const G = sweeps > 0 ? new Float32Array(Math.min(n, chunk) * D) : null;
    let probs = new Float64Array(0);
    let idx = new Int32Array(0);
    for (let start = 0; start < n; start += chunk) {
      const B = Math.min(chunk, n - start);
      E.fill(0);
      const x: Mat = { rows: B, cols: D, data: E.subarray(0, B * D) };
      // draw column j's tokens for this chunk from its head on `input`, and write their embeddings into E
      const drawColumn = (j: number, input: Mat) => {
        const K = this.shape.cards[j];
        const out = tokens[j];
        const allow = allowed[j];
        if (allow && allow.length === 1) out.fill(allow[0], start, start + B);
        else {
          const h = this.h1[j].forward(input, ctx);
          const a = this.act[j].forward(h, ctx);
          const z = this.out[j].forward(a, ctx);
          if (probs.length < K) {
            probs = new Float64Array(K);
            idx = new Int32Array(K);
          }
          for (let r = 0; r < B; r++)
            out[start + r] = drawToken(z.data, r * K, K, allow, temperature, topP, probs, idx, rng);
        }
        // write the drawn tokens' embeddings into the concatenation
        const d = this.shape.dims[j];
        const o = this.offs[j];
        const table = this.emb[j].table.value;
        for (let r = 0; r < B; r++) {
          const t = out[start + r];
          E.set(table.subarray(t * d, t * d + d), r * D + o);
        }
      };
      const ord = typeof order === 'function' ? order(start) : order;
      for (const j of ord) drawColumn(j, x);
      // Gibbs sweeps: each column not fixed by a condition redrawn from its head given every other column (the
      // context of the last place in a training order), its own slice zeroed as in training
      if (G)
        for (let s = 0; s < sweeps; s++)
          for (const j of ord) {
            if (allowed[j] && allowed[j]!.length === 1) continue;
            const g = G.subarray(0, B * D);
            g.set(E.subarray(0, B * D));
            const d = this.shape.dims[j];
            const o = this.offs[j];
            for (let r = 0; r < B; r++) g.fill(0, r * D + o, r * D + o + d);
            drawColumn(j, { rows: B, cols: D, data: g });
          }
      if (p === 0) break;
    }
    return tokens;
  }
}

/**
 * Σ_i −log softmax(z_i)[t_i] over a batch, and `scale` × its gradient (softmax − one-hot) into `grad` — the
 * engine's `crossEntropy` with one exponential per logit instead of two, and `Math.exp`/`Math.log`: training is
 * reproducible on one machine (what the contract asks of a fit); sampling uses the engine-independent math.ts.
 */
function softmaxCrossEntropy(z: Mat, targets: Int32Array, grad: Mat, scale: number): number {
  const K = z.cols;
  const zd = z.data;
  const g = grad.data;
  let loss = 0;
  for (let i = 0; i < z.rows; i++) {
    const o = i * K;
    let mx = -Infinity;
    for (let k = 0; k < K; k++) if (zd[o + k] > mx) mx = zd[o + k];
    let s = 0;
    for (let k = 0; k < K; k++) {
      const e = Math.exp(zd[o + k] - mx);
      g[o + k] = e;
      s += e;
    }
    const t = targets[i];
    loss += mx + Math.log(s) - zd[o + t];
    const f = scale / s;
    for (let k = 0; k < K; k++) g[o + k] *= f;
    g[o + t] -= scale;
  }
  return loss;
}

/** One token from logits z[o..o+K) (see `ArgnNet.sample`). */
function drawToken(
  z: Float32Array,
  o: number,
  K: number,
  allow: Int32Array | null,
  temperature: number,
  topP: number,
  probs: Float64Array,
  idx: Int32Array,
  rng: Rng,
): number {
  const inv = 1 / temperature;
  let mx = -Infinity;
  if (allow) {
    probs.fill(-Infinity, 0, K);
    for (const k of allow) probs[k] = z[o + k] * inv;
  } else for (let k = 0; k < K; k++) probs[k] = z[o + k] * inv;
  for (let k = 0; k < K; k++) if (probs[k] > mx) mx = probs[k];
  let s = 0;
  for (let k = 0; k < K; k++) {
    const e = probs[k] === -Infinity ? 0 : exp(probs[k] - mx);
    probs[k] = e;
    s += e;
  }
  let m = K;
  if (topP < 1) {
    // most likely first; ties by token index (a stable, engine-independent order)
    for (let k = 0; k < K; k++) idx[k] = k;
    const sorted = Array.from(idx.subarray(0, K)).sort((a, b) => probs[b] - probs[a] || a - b);
    let acc = 0;
    m = 0;
    while (m < K && (m === 0 || acc < topP * s)) {
      idx[m] = sorted[m];
      acc += probs[sorted[m]];
      m++;
    }
    s = acc;
  } else for (let k = 0; k < K; k++) idx[k] = k;
  let u = rng.float() * s;
  for (let i = 0; i < m; i++) {
    const k = idx[i];
    u -= probs[k];
    if (u < 0 && probs[k] > 0) return k;
  }
  // rounding left u ≥ 0: the last token with probability > 0
  for (let i = m - 1; i >= 0; i--) if (probs[idx[i]] > 0) return idx[i];
  return 0;
}
