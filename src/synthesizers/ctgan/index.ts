import { LookalikeError, ProblemList } from '../../errors.js';
import {
  Activation,
  Adam,
  Dense,
  Dropout,
  Sequential,
  SpanActivation,
  createGemmSync,
  exp,
  copyRows,
  fillGaussian,
  log,
  mat,
  readWeights,
  writeWeights,
  type Ctx,
  type Gemm,
  type Layer,
  type Mat,
  type Span,
} from '../../nn/index.js';
import { clippedSum } from '../../nn/dp-sgd.js';
import { gradientPenalty, packRows } from '../../nn/gradient-penalty.js';
import { allFinite } from '../../nn/optim.js';
import type { PrivacyGuarantee } from '../../privacy/guarantee.js';
import type { PrivacyLedger } from '../../privacy/ledger.js';
import { ResidualConcat } from '../../nn/residual.js';
import type { Param } from '../../nn/tensor.js';
import { AliasTable, Rng } from '../../random/rng.js';
import type { Column } from '../../table/column.js';
import type { Schema } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import {
  checkFitInput,
  checkSampleSize,
  isNumberArray,
  isRecord,
  modelEnvelope,
  type IdStyle,
} from '../common.js';
import type { ColumnCondition } from '../conditions.js';
import {
  DP_CHUNK,
  dpSgdFor,
  planDpSgd,
  startDpTraining,
  trainDpSgd,
  type DpTrainingStart,
} from '../dp-training/index.js';
import {
  EarlyStopping,
  checkFiniteLoss,
  prepareTraining,
  rakeSpanBiases,
  readDpPart,
  readTransform,
  roundFloats,
  sampleLearned,
  trainingGemm,
  type TrainingSummary,
} from '../learned/index.js';
import { optionValues } from '../options.js';
import { defineSynthesizer } from '../registry.js';
import type { TableTransform } from '../transforms/index.js';
import type { FitOptions, Model, ModelFile, SampleOptions, Synthesizer } from '../types.js';
import { WeightAverage } from './average.js';
import { ctganInfo } from './info.js';

/**
 * `ctgan`: the conditional tabular GAN of Xu, Skoularidou, Cuesta-Infante & Veeramachaneni, "Modeling Tabular Data
 * using Conditional GAN" (NeurIPS 2019), laid out as its reference implementation (sdv-dev/CTGAN):
 *
 * - rows encoded by the shared transforms (mode-specific normalisation of numerics and datetimes, one-hot
 *   categories);
 * - **conditional vector and training-by-sampling**: each step picks, per row, a categorical column uniformly and a
 *   category of it by log frequency (`logFrequency`), feeds the one-hot of that choice to the generator with the
 *   noise, and draws the real rows the critic sees among the training rows holding those categories; the generator
 *   pays a cross-entropy when its output does not hold the asked category;
 * - generator: residual blocks [ReLU(BN(Dense(x))) | x] (`generator`, default [256, 256]) → Dense to the encoded
 *   width; outputs activated per span: tanh for α, Gumbel-softmax (τ = 0.2) for modes and categories;
 * - critic: **PacGAN** (Lin et al. 2018) — `pac` (10) rows concatenated into one input — then Dense + LeakyReLU(0.2)
 *   + Dropout(0.5) layers (`discriminator`, [256, 256]) → one score; **WGAN-GP** (Gulrajani et al. 2017): the
 *   Wasserstein loss plus λ (10) × (‖∇ₓD(x̂)‖ − 1)² at points x̂ between real and fake packs. Its weight gradient
 *   (a "double backward") is derived by hand for this piecewise-linear critic (`nn/gradient-penalty.ts`, checked
 *   by finite differences);
 * - Adam (lr 2e-4, β = (0.5, 0.9), L2 weight decay 1e-6) for both; `discriminatorSteps` critic steps per generator
 *   step, ⌊n / batch⌋ steps per epoch;
 * - **generator weight average** (`ema`, decay 0.998): an exponential moving average of the generator's weights
 *   and batch-norm statistics (`WeightAverage`), put in after training with its batch-norm running statistics
 *   re-estimated for the averaged weights (`recalibrateBatchNorm`); sampling and the model file use it. Not in the
 *   reference; it takes the oscillation of a GAN's last steps out (bench/RESULTS-tvae-ctgan.md);
 * - **final correction** (`correction`, 3 rounds; `correctMarginals`): the output biases of every mode and
 *   category span raked toward the training rows' 1-way frequencies, which the model file holds anyway;
 * - early stopping: after each epoch a fixed-seed sample of the generator (the averaged one when `ema` > 0) is
 *   compared with the validation rows by the mean total-variation distance of the 2-way frequencies of every pair
 *   of mode and category spans (`spanDistance`); the best epoch's weights are kept;
 * - sampling: the conditional vector drawn by the categories' training frequencies (the reference draws it by log
 *   frequency, which inflates rare categories), batch norm on its running statistics, categories and modes by
 *   Gumbel-max, the transforms' exact inverse. Conditions: a categorical or boolean condition is put into the
 *   conditional vector, and rows are then kept by rejection (`sampleByRejection`) so every condition holds exactly.
 *
 * Guarantee: without ε NOT differentially private (the model file holds each numeric column's mixture modes and
 * bounds and the categories' frequencies, read off the data). With ε, (ε, δ)-DP as a DP-GAN (`fitCtganDp`). Runtime: O(epochs · n · (generator + pac-critic) width²)
 * multiply-adds; Adult (32,561 × 15), 50 epochs: see bench/RESULTS-tvae-ctgan.md.
 */

interface Arch {
  readonly width: number;
  readonly embeddingDim: number;
  readonly generator: readonly number[];
  readonly discriminator: readonly number[];
  readonly pac: number;
}

/** A categorical/boolean column of the conditional vector: its span in the data and in the vector. */
interface CondColumn {
  readonly start: number;
  readonly width: number;
  readonly condStart: number;
}

interface CtganParams {
  readonly version: 1;
  readonly arch: Arch;
  readonly ids: Record<string, IdStyle>;
  readonly transform: unknown;
  /** Training frequencies of each conditional column's categories (sampling draws the vector by them). */
  readonly frequencies: readonly (readonly number[])[];
  readonly weights: unknown;
  readonly training: TrainingSummary | null;
  /** A DP fit: its noisy row count N̂ (the default sample size; never the training count). */
  readonly dp?: { readonly rows: number };
}

interface CtganOptions {
  epochs: number;
  batchSize: number;
  lr: number;
  validation: number;
  patience: number;
  threads: number;
  embeddingDim: number;
  generator: number[];
  discriminator: number[];
  pac: number;
  discriminatorSteps: number;
  gradientPenalty: number;
  weightDecay: number;
  logFrequency: boolean;
  ema: number;
  correction: number;
  clipNorm: number;
  preprocessing: number;
}

/** What a DP fit uses where the option is not given (PacGAN needs packs of rows: one row per pack under DP). */
const DP_DEFAULTS = { epochs: 20, batchSize: 1000, lr: 0.0005, pac: 1 } as const;

function ctganOptions(opts: FitOptions): CtganOptions {
  const o = optionValues(ctganInfo.options, opts) as unknown as CtganOptions;
  if (opts.epsilon === undefined) return o;
  const given = opts.options ?? {};
  const dp: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(DP_DEFAULTS)) if (given[k] === undefined) dp[k] = v;
  return { ...o, ...dp };
}

function condColumns(transform: TableTransform): CondColumn[] {
  let at = 0;
  return transform.spans
    .filter((s) => s.role === 'category')
    .map((s) => {
      const c = { start: s.start, width: s.width, condStart: at };
      at += s.width;
      return c;
    });
}

/** The generator (and its output activation); the critic only exists during training. */
class Generator {
  readonly net: Sequential;
  readonly activation: SpanActivation;
  readonly cond: readonly CondColumn[];
  readonly condWidth: number;
  readonly params: readonly Param[];
  /** Scratch for the latent draws of `input`. */
  private z = new Float32Array(0);

  constructor(
    readonly arch: Arch,
    transform: TableTransform,
    rng: Rng,
  ) {
    this.cond = condColumns(transform);
    this.condWidth = this.cond.reduce((s, c) => s + c.width, 0);
    const layers: Layer[] = [];
    let dim = arch.embeddingDim + this.condWidth;
    // the conditional vector (one-hot) is the tail of every layer's input: its terms go through the sparse path
    arch.generator.forEach((w, i) => {
      const block = new ResidualConcat(dim, w, rng, `generator.${i}`);
      block.fc.sparseCols = dim - this.condWidth;
      layers.push(block);
      dim += w;
    });
    const out = new Dense(dim, arch.width, rng, 'generator.out');
    out.sparseCols = dim - this.condWidth;
    layers.push(out);
    this.net = new Sequential(layers);
    const spans: Span[] = transform.spans.map((s) => ({
      start: s.start,
      width: s.width,
      fn: s.fn === 'tanh' ? 'tanh' : s.fn === 'softmax' ? 'gumbel-softmax' : 'identity',
    }));
    this.activation = new SpanActivation(spans, 0.2);
    this.params = this.net.params;
  }

  /**
   * The weight gradients of the last forward from the output gradient dy. Each layer computes only the columns of
   * its input gradient that the layer below reads — a residual block reads its new features' columns and passes
   * the rest through — so the gradients of the noise and of the conditional vector (never used) are not computed:
   * the same weight gradients as `net.backward(dy, ctx, { inputGrad: false })`, fewer products.
   */
  backward(dy: Mat, ctx: Ctx): void {
    const ls = this.net.layers;
    let g: Mat = dy;
    let need = 0; // columns of its output gradient the layer below the current one reads
    const needs = this.arch.generator.map((w) => (need += w));
    for (let i = ls.length - 1; i >= 0; i--)
      g = ls[i].backward(g, ctx, i === 0 ? { inputGrad: false } : { inputGradCols: needs[i - 1] })!;
  }

  /** Generator input rows [z | cond] for `B` rows: z ~ N(0, I); cond one-hot at `choice` (−1: none). */
  input(B: number, choice: Int32Array, rng: Rng, out: Float32Array): Mat {
    const E = this.arch.embeddingDim;
    const D = E + this.condWidth;
    if (this.z.length < B * E) this.z = new Float32Array(B * E);
    const z = this.z;
    fillGaussian(z, rng, B * E);
    out.fill(0, 0, B * D);
    copyRows(z, 0, E, out, 0, D, B, E);
    for (let i = 0; i < B; i++) if (choice[i] >= 0) out[i * D + E + choice[i]] = 1;
    return mat(B, D, out);
  }
}

/** The critic; `dropout` false (DP): no dropout, whose positional masks would tie a row's coins to the rows before it. */
function critic(arch: Arch, condWidth: number, rng: Rng, dropout = true): Sequential {
  const layers: Layer[] = [];
  let dim = arch.pac * (arch.width + condWidth);
  arch.discriminator.forEach((w, i) => {
    layers.push(new Dense(dim, w, rng, `critic.${i}`), new Activation('leaky-relu', 0.2));
    if (dropout) layers.push(new Dropout(0.5));
    dim = w;
  });
  layers.push(new Dense(dim, 1, rng, 'critic.out'));
  return new Sequential(layers);
}

/** Training-by-sampling: conditional-vector draws and the training rows holding each category. */
class CondSampler {
  /** Per conditional column, per category: training rows (indices into the encoded matrix). */
  readonly rows: Int32Array[][];
  readonly counts: number[][];
  private readonly trainChoice: AliasTable[];

  constructor(
    readonly cond: readonly CondColumn[],
    data: Float32Array,
    W: number,
    train: Int32Array,
    logFrequency: boolean,
  ) {
    this.rows = cond.map((c) => {
      const lists: number[][] = Array.from({ length: c.width }, () => []);
      for (const r of train) {
        for (let j = 0; j < c.width; j++)
          if (data[r * W + c.start + j] === 1) {
            lists[j].push(r);
            break;
          }
      }
      return lists.map((l) => Int32Array.from(l));
    });
    this.counts = this.rows.map((cs) => cs.map((l) => l.length));
    this.trainChoice = this.counts.map(
      (cs) => new AliasTable(cs.map((k) => (logFrequency ? log(k + 1) : k))),
    );
  }

  /** For each of B rows: a column (uniform), a category (training probabilities) → cond index; `col`, `cat` out. */
  draw(B: number, rng: Rng, choice: Int32Array, col: Int32Array, cat: Int32Array): void {
    const K = this.cond.length;
    for (let i = 0; i < B; i++) {
      if (K === 0) {
        choice[i] = col[i] = cat[i] = -1;
        continue;
      }
      const c = rng.int(K);
      const k = this.trainChoice[c].sample(rng);
      col[i] = c;
      cat[i] = k;
      choice[i] = this.cond[c].condStart + k;
    }
  }

  /** A training row holding category `cat` of column `col` (any training row when there is no condition). */
  row(col: number, cat: number, rng: Rng, train: Int32Array): number {
    if (col < 0) return train[rng.int(train.length)];
    const l = this.rows[col][cat];
    return l[rng.int(l.length)];
  }
}

/** Buffers and the steps of one training run. */
class Trainer {
  readonly D: Sequential;
  private readonly gAdam: Adam;
  private readonly dAdam: Adam;
  private readonly B: number;
  private readonly inBuf: Float32Array;
  /** [fake | real] rows, B each, [activated | cond]: the critic sees both in one pass. */
  private readonly both: Float32Array;
  private readonly interp: Float32Array;
  /** The raw generator output of the last critic step's fake rows (its caches still hold that forward). */
  private raw: Mat | null = null;
  private readonly choice: Int32Array;
  private readonly col: Int32Array;
  private readonly cat: Int32Array;
  private readonly dyD: Mat;
  private readonly dRaw: Mat;
  private readonly dAct: Mat;

  constructor(
    private readonly gen: Generator,
    private readonly sampler: CondSampler,
    private readonly data: Float32Array,
    private readonly train: Int32Array,
    private readonly o: CtganOptions,
    rng: Rng,
  ) {
    const { arch } = gen;
    this.D = critic(arch, gen.condWidth, rng);
    const betas = { beta1: 0.5, beta2: 0.9, weightDecay: o.weightDecay };
    this.gAdam = new Adam(gen.params, { lr: o.lr, ...betas });
    this.dAdam = new Adam(this.D.params, { lr: o.lr, ...betas });
    const B = (this.B = o.batchSize);
    const C = arch.width + gen.condWidth;
    this.inBuf = new Float32Array(B * (arch.embeddingDim + gen.condWidth));
    this.both = new Float32Array(2 * B * C);
    this.interp = new Float32Array(B * C);
    this.choice = new Int32Array(B);
    this.col = new Int32Array(B);
    this.cat = new Int32Array(B);
    this.dyD = mat((2 * B) / arch.pac, 1);
    this.dRaw = mat(B, arch.width);
    this.dAct = mat(B, arch.width);
  }

  /** Generated rows [activated | cond] into `out` (B × (W + C)); returns the raw generator output. */
  private generate(ctx: Ctx, rng: Rng, out: Float32Array): Mat {
    const { B, gen } = this;
    const W = gen.arch.width;
    const C = W + gen.condWidth;
    this.sampler.draw(B, rng, this.choice, this.col, this.cat);
    const raw = gen.net.forward(gen.input(B, this.choice, rng, this.inBuf), ctx);
    const act = gen.activation.forward(raw, ctx);
    out.fill(0, 0, B * C);
    copyRows(act.data, 0, W, out, 0, C, B, W);
    for (let i = 0; i < B; i++) if (this.choice[i] >= 0) out[i * C + W + this.choice[i]] = 1;
    return raw;
  }

  /**
   * One critic update: Wasserstein loss on a fake and a real batch (one forward and one backward over both) plus
   * the gradient penalty. Returns its loss.
   */
  criticStep(ctx: Ctx, rng: Rng): number {
    const { B, gen, D, both } = this;
    const W = gen.arch.width;
    const C = W + gen.condWidth;
    const pac = gen.arch.pac;
    const G = B / pac;
    this.raw = this.generate(ctx, rng, both);
    // real rows holding the same conditions, in a shuffled order (the critic must not pair them with the fakes)
    const perm = rng.permutation(B);
    both.fill(0, B * C, 2 * B * C);
    for (let i = 0; i < B; i++) {
      const p = perm[i];
      const r = this.sampler.row(this.col[p], this.cat[p], rng, this.train);
      copyRows(this.data, r * W, W, both, (B + i) * C, C, 1, W);
      if (this.choice[p] >= 0) both[(B + i) * C + W + this.choice[p]] = 1;
    }
    this.dAdam.zeroGrad();
    // the real packs (one-hot rows: about 22 nonzero values of 263 per row on Adult) through the sparse path of the
    // first layer's forward and weight gradient (the same bits)
    const first = D.layers[0] as Dense;
    first.sparseFrom = G;
    const y = D.forward(packRows(mat(2 * B, C, both), pac), ctx);
    first.sparseFrom = Infinity;
    let fakeMean = 0;
    let realMean = 0;
    for (let g = 0; g < G; g++) {
      fakeMean += y.data[g] / G;
      realMean += y.data[G + g] / G;
    }
    this.dyD.data.fill(1 / G, 0, G);
    this.dyD.data.fill(-1 / G, G, 2 * G);
    D.backward(this.dyD, ctx, { inputGrad: false });
    let pen = 0;
    if (this.o.gradientPenalty > 0) {
      for (let g = 0; g < G; g++) {
        const a = rng.float32();
        for (let k = g * pac * C; k < (g + 1) * pac * C; k++)
          this.interp[k] = a * both[B * C + k] + (1 - a) * both[k];
      }
      pen = gradientPenalty(D, packRows(mat(B, C, this.interp), pac), this.o.gradientPenalty, ctx);
    }
    this.dAdam.step(ctx.gemm);
    return fakeMean - realMean + pen;
  }

  /**
   * One generator update: −critic score + the conditional cross-entropy, on the fake rows of the critic step just
   * taken (the generator has not changed since; its forward caches still hold them — as the DCGAN reference
   * training loop reuses its fake batch), scored by the updated critic. Returns its loss.
   */
  generatorStep(ctx: Ctx): number {
    const { B, gen, D, both } = this;
    const raw = this.raw;
    if (!raw) throw new Error('ctgan: a generator step needs a critic step before it');
    this.raw = null;
    const W = gen.arch.width;
    const C = W + gen.condWidth;
    const pac = gen.arch.pac;
    const G = B / pac;
    this.gAdam.zeroGrad();
    const y = D.forward(packRows(mat(B, C, both), pac), ctx);
    let loss = 0;
    for (let g = 0; g < G; g++) loss -= y.data[g] / G;
    const dyD = mat(G, 1, this.dyD.data);
    dyD.data.fill(-1 / G, 0, G);
    const dIn = D.backward(dyD, ctx, { params: 'none' })!;
    const dAct = this.dAct;
    copyRows(dIn.data, 0, C, dAct.data, 0, W, B, W);
    const dRaw = gen.activation.backward(dAct, ctx)!;
    this.dRaw.data.set(dRaw.data.subarray(0, B * W));
    // cross-entropy of the asked category on the raw output of its column (mean over the batch)
    for (let i = 0; i < B; i++) {
      const c = this.col[i];
      if (c < 0) continue;
      const s = gen.cond[c];
      const o = i * W + s.start;
      let mx = -Infinity;
      for (let j = 0; j < s.width; j++) if (raw.data[o + j] > mx) mx = raw.data[o + j];
      let sum = 0;
      for (let j = 0; j < s.width; j++) sum += exp(raw.data[o + j] - mx);
      const lse = mx + log(sum);
      loss += (lse - raw.data[o + this.cat[i]]) / B;
      for (let j = 0; j < s.width; j++)
        this.dRaw.data[o + j] += (exp(raw.data[o + j] - lse) - (j === this.cat[i] ? 1 : 0)) / B;
    }
    gen.backward(this.dRaw, ctx);
    this.gAdam.step(ctx.gemm);
    return loss;
  }
}

/**
 * The generator's batch-norm running statistics re-estimated for its current weights (after the weight average is
 * put in, whose running statistics belong to no weights in particular): 50 training-mode forwards of `B` rows with
 * conditions drawn as sampling draws them; the momentum 0.1 leaves 0.9⁵⁰ ≈ 0.5 % of the previous statistics.
 */
function recalibrateBatchNorm(
  gen: Generator,
  freq: readonly AliasTable[],
  B: number,
  rng: Rng,
  gemm: Gemm,
): void {
  const ctx: Ctx = { gemm, training: true, rng };
  const inBuf = new Float32Array(B * (gen.arch.embeddingDim + gen.condWidth));
  const choice = new Int32Array(B);
  const K = gen.cond.length;
  for (let t = 0; t < 50; t++) {
    for (let i = 0; i < B; i++) {
      if (K === 0) choice[i] = -1;
      else {
        const c = rng.int(K);
        choice[i] = gen.cond[c].condStart + freq[c].sample(rng);
      }
    }
    gen.net.forward(gen.input(B, choice, rng, inBuf), ctx);
  }
}

/** Each softmax span's slot means over the training rows of the encoded matrix (its 1-way frequencies). */
function spanMeans(transform: TableTransform, data: Float32Array, train: Int32Array): Float64Array {
  const W = transform.width;
  const out = new Float64Array(W);
  for (const s of transform.spans) {
    if (s.fn !== 'softmax') continue;
    for (const r of train) for (let j = 0; j < s.width; j++) out[s.start + j] += data[r * W + s.start + j];
    for (let j = 0; j < s.width; j++) out[s.start + j] /= train.length;
  }
  return out;
}

/**
 * The final correction (post-processing of the trained generator): `rounds` times, the mean over 8,192 fixed draws
 * (noise and conditional vector as sampling draws them) of each softmax span's probabilities p̄ — the frequencies
 * of sampling's Gumbel-max draws — and the span's output biases moved by log(m / p̄) (clamped to ±5) toward the
 * training rows' 1-way frequencies m (`rakeSpanBiases`, as pate-gan's `correctMarginals`). Each row's logit
 * differences, and so the dependences the generator learnt, are kept; mode spans are raked to the modes' training
 * frequencies, categories to theirs. The model file holds the moved biases; the frequencies they move toward are
 * those it already holds (the category frequencies, the mixtures' weights).
 */
function correctMarginals(
  gen: Generator,
  freq: readonly AliasTable[],
  target: Float64Array,
  rounds: number,
  seed: number,
  gemm: Gemm,
): void {
  const rows = 8192;
  const W = gen.arch.width;
  const spans = gen.activation.spans.filter((s) => s.fn === 'gumbel-softmax');
  if (!spans.length) return;
  const out = gen.net.layers.at(-1) as Dense;
  const inBuf = new Float32Array(rows * (gen.arch.embeddingDim + gen.condWidth));
  const choice = new Int32Array(rows);
  const K = gen.cond.length;
  const mean = new Float64Array(W);
  for (let round = 0; round < rounds; round++) {
    const rng = new Rng(seed);
    for (let i = 0; i < rows; i++) {
      if (K === 0) choice[i] = -1;
      else {
        const c = rng.int(K);
        choice[i] = gen.cond[c].condStart + freq[c].sample(rng);
      }
    }
    const raw = gen.net.forward(gen.input(rows, choice, rng, inBuf), { gemm, training: false, rng });
    rakeSpanBiases(raw.data, rows, W, spans, target, out.b.value, mean);
    out.b.touch();
  }
}

/** Rows of the generator, activated (tanh α; Gumbel-max modes and categories), `n × width`. */
function generateRows(
  gen: Generator,
  freq: readonly AliasTable[],
  n: number,
  rng: Rng,
  gemm: Gemm,
  fixed: { col: number; cats: readonly number[]; probs: AliasTable } | null,
): Float32Array {
  const ctx: Ctx = { gemm, training: false, rng };
  const W = gen.arch.width;
  const out = new Float32Array(n * W);
  const chunk = 500;
  const inBuf = new Float32Array(chunk * (gen.arch.embeddingDim + gen.condWidth));
  const choice = new Int32Array(chunk);
  const K = gen.cond.length;
  for (let at = 0; at < n; at += chunk) {
    const B = Math.min(chunk, n - at);
    for (let i = 0; i < B; i++) {
      if (fixed) choice[i] = gen.cond[fixed.col].condStart + fixed.cats[fixed.probs.sample(rng)];
      else if (K === 0) choice[i] = -1;
      else {
        const c = rng.int(K);
        choice[i] = gen.cond[c].condStart + freq[c].sample(rng);
      }
    }
    const raw = gen.net.forward(gen.input(B, choice, rng, inBuf), ctx);
    const act = gen.activation.forward(raw, ctx);
    out.set(act.data.subarray(0, B * W), at * W);
  }
  return out;
}

/**
 * Mean total-variation distance between the 2-way frequencies of every pair of spans (modes, categories; each row's
 * largest entry in the span) of two encoded matrices — with one span, its 1-way distance. Pairs rather than single
 * spans because training-by-sampling matches the 1-way frequencies within a few epochs, long before the generator
 * has learnt how the columns depend on each other: a 1-way criterion keeps those early epochs.
 */
export function spanDistance(
  transform: TableTransform,
  a: Float32Array,
  na: number,
  b: Float32Array,
  nb: number,
): number {
  const W = transform.width;
  const spans = transform.spans.filter((s) => s.fn === 'softmax');
  if (!spans.length || na === 0 || nb === 0) return 0;
  const codes = (m: Float32Array, n: number) =>
    spans.map((s) => {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        let best = 0;
        for (let j = 1; j < s.width; j++) if (m[i * W + s.start + j] > m[i * W + s.start + best]) best = j;
        out[i] = best;
      }
      return out;
    });
  const ca = codes(a, na);
  const cb = codes(b, nb);
  const tvd = (p: number, q: number): number => {
    const Kq = q < 0 ? 1 : spans[q].width;
    const fa = new Float64Array(spans[p].width * Kq);
    for (let i = 0; i < na; i++) fa[ca[p][i] * Kq + (q < 0 ? 0 : ca[q][i])] += 1 / na;
    for (let i = 0; i < nb; i++) fa[cb[p][i] * Kq + (q < 0 ? 0 : cb[q][i])] -= 1 / nb;
    let tv = 0;
    for (let j = 0; j < fa.length; j++) tv += Math.abs(fa[j]);
    return tv / 2;
  };
  if (spans.length === 1) return tvd(0, -1);
  let total = 0;
  let pairs = 0;
  for (let p = 0; p < spans.length; p++)
    for (let q = p + 1; q < spans.length; q++) {
      total += tvd(p, q);
      pairs++;
    }
  return total / pairs;
}

/**
 * The conditional vector's category frequencies from the noisy 1-way marginals `startDpTraining` paid for
 * (post-processing): slot j of a column's span is its category j's noisy count, the missing slot the marginal's
 * missing count; a floor keeps every slot possible.
 */
function dpFrequencies(
  transform: TableTransform,
  start: DpTrainingStart,
  cond: readonly CondColumn[],
): number[][] {
  return cond.map((c) => {
    const span = transform.spans.find((s) => s.start === c.start)!;
    const col = transform.columns[span.column];
    const m = start.marginals[span.column];
    const categories = col.encoding === 'one-hot' ? col.categories : [];
    const f = new Array<number>(c.width).fill(0);
    const valueCodes = m.missing ? m.counts.length - 1 : m.counts.length;
    for (let k = 0; k < valueCodes; k++) {
      const j = categories.indexOf(m.labels[k]);
      if (j >= 0) f[j] += m.counts[k];
    }
    if (m.missing && c.width > categories.length) f[categories.length] += m.counts[valueCodes];
    const t = f.reduce((a, b) => a + b, 0);
    return f.map((v) => Math.max(t > 0 ? v / t : 1 / c.width, 1e-4));
  });
}

/**
 * `ctgan` with a privacy budget: (ε, δ)-DP under add/remove-one-row neighbours as a **DP-GAN** (Xie et al. 2018;
 * docs/nn.md, "ctgan with --epsilon"): only the critic reads rows, by DP-SGD; the generator learns from the critic
 * alone, which is post-processing.
 *
 * 1. **Preprocessing is public or paid for** (`startDpTraining`): domains declared public or DP-released (a column
 *    with neither is refused, by name); the noisy 1-way marginals (`preprocessing` share) give N̂, each numeric
 *    column's modes and **the conditional vector's category frequencies** (paid for, not public: `dpFrequencies`).
 * 2. **The critic step**: a Poisson batch (q = batchSize/N̂) of real rows; each real row's conditional vector is its
 *    own category in a column drawn per row from the SecureRng — a function of that row and its own coin, so
 *    training-by-sampling
 *    (drawing real rows by category, which reads the data) is not used; each real row's gradient of −D(row) is
 *    clipped to `clipNorm` and the sum gets lattice Gaussian noise (`DpSgd`). To that noisy mean is added, without
 *    noise, the clipped mean gradient of D on as many generated rows (conditions drawn by the noisy frequencies) and
 *    the WGAN-GP penalty at points between two generated rows — both functions of the public critic and generator
 *    only. One row per pack (`pac` 1): packing a Poisson batch would let one row shift every pack after it; no
 *    dropout in the critic, for the same reason (masks drawn by position).
 * 3. **The generator step** (every `discriminatorSteps` critic steps): as without DP, from the critic only.
 * 4. Exactly ⌈epochs/q⌉ critic steps (no early stopping: it would read the rows), no loss in progress messages.
 *    The ledger: the marginals and one "subsampled-gaussian" entry (the critic's steps). Default rows: N̂.
 */
async function fitCtganDp(table: Table, schema: Schema, opts: FitOptions): Promise<Model> {
  const o = ctganOptions(opts);
  if (o.pac !== 1)
    throw new LookalikeError(
      `ctgan with --epsilon trains its critic on one row per pack: option pac must be 1 (got ${o.pac})`,
      ['packing a Poisson batch lets one row shift every pack after it, so no per-row clipping bound holds'],
      'usage',
    );
  const start = await startDpTraining(table, schema, opts, 'ctgan', { preprocessing: o.preprocessing });
  const { transform } = start;
  const rng = new Rng(opts.seed ?? 0);
  const W = transform.width;
  const data = transform.encode(start.table, rng.fork());
  const n = start.table.nRows;
  const arch: Arch = {
    width: W,
    embeddingDim: o.embeddingDim,
    generator: o.generator,
    discriminator: o.discriminator,
    pac: 1,
  };
  const gen = new Generator(arch, transform, rng.fork());
  const D = critic(arch, gen.condWidth, rng.fork(), false);
  const frequencies = dpFrequencies(transform, start, gen.cond);
  const freqTables = frequencies.map((f) => new AliasTable(f));
  const coordinates = D.params.filter((p) => p.trainable).reduce((s, p) => s + p.size, 0);
  const plan = planDpSgd(start, { batchSize: o.batchSize, epochs: o.epochs, coordinates });
  const dp = dpSgdFor([D], plan, o.clipNorm);
  const betas = { beta1: 0.5, beta2: 0.9, weightDecay: o.weightDecay };
  const dAdam = new Adam(dp.params, { lr: o.lr, ...betas });
  const gAdam = new Adam(gen.params, { lr: o.lr, ...betas });
  const gemm = await trainingGemm(o.threads);
  const trainRng = rng.fork();
  const ctx: Ctx = { gemm, training: true, rng: trainRng };
  const C = W + gen.condWidth;
  const K = gen.cond.length;
  // generated rows per step: the expected batch (public), in a buffer [activated | cond]
  const B = Math.max(1, Math.round(plan.expectedBatch));
  const inBuf = new Float32Array(B * (arch.embeddingDim + gen.condWidth));
  const fake = new Float32Array(B * C);
  const interp = new Float32Array(B * C);
  const choice = new Int32Array(B);
  const col = new Int32Array(B);
  const cat = new Int32Array(B);
  const drawConditions = (r: Rng): void => {
    for (let i = 0; i < B; i++) {
      if (K === 0) {
        choice[i] = col[i] = cat[i] = -1;
        continue;
      }
      const c = r.int(K);
      const k = freqTables[c].sample(r);
      col[i] = c;
      cat[i] = k;
      choice[i] = gen.cond[c].condStart + k;
    }
  };
  const generate = (out: Float32Array): Mat => {
    drawConditions(trainRng);
    const raw = gen.net.forward(gen.input(B, choice, trainRng, inBuf), ctx);
    const act = gen.activation.forward(raw, ctx);
    out.fill(0);
    for (let i = 0; i < B; i++) {
      out.set(act.data.subarray(i * W, i * W + W), i * C);
      if (choice[i] >= 0) out[i * C + W + choice[i]] = 1;
    }
    return raw;
  };
  // the critic's per-row runs: real rows (loss −D(row), per-example) and generated rows (loss +D(row))
  const chunkBuf = new Float32Array(DP_CHUNK * C);
  const dy = mat(DP_CHUNK, 1);
  const realRun = (rows: Int32Array, c: Ctx): void => {
    const m = rows.length;
    chunkBuf.fill(0, 0, m * C);
    for (let i = 0; i < m; i++) {
      const r = rows[i];
      chunkBuf.set(data.subarray(r * W, r * W + W), i * C);
      if (K > 0) {
        // the row's own category in a column chosen independently of the data and of the row's position (a fresh
        // SecureRng draw per row: i.i.d. coins, so an added row shifts no other row's choice)
        const g = gen.cond[start.secureRng.uniformInt(K)];
        for (let j = 0; j < g.width; j++)
          if (data[r * W + g.start + j] === 1) {
            chunkBuf[i * C + W + g.condStart + j] = 1;
            break;
          }
      }
    }
    D.forward(mat(m, C, chunkBuf), c);
    const g = mat(m, 1, dy.data);
    g.data.fill(-1, 0, m);
    D.backward(g, c, { inputGrad: false, params: 'per-example' });
  };
  const fakeRun = (rows: Int32Array, c: Ctx): void => {
    const m = rows.length;
    for (let i = 0; i < m; i++) chunkBuf.set(fake.subarray(rows[i] * C, rows[i] * C + C), i * C);
    D.forward(mat(m, C, chunkBuf), c);
    const g = mat(m, 1, dy.data);
    g.data.fill(1, 0, m);
    D.backward(g, c, { inputGrad: false, params: 'per-example' });
  };
  const allFake = Int32Array.from({ length: B }, (_, i) => i);
  const fakeSum = new Float64Array(coordinates);
  const dyG = mat(B, 1);
  const dAct = mat(B, W);
  const dRawG = mat(B, W);
  const run = {
    synthesizer: 'ctgan',
    epochs: o.epochs,
    stepName: 'critic step',
    onProgress: opts.onProgress,
  };
  try {
    trainDpSgd(start, plan, dp, run, (t, epoch) => {
      // critic: generated part first (public), then the real part through DP-SGD, then the penalty
      const raw = generate(fake);
      clippedSum([D], dp.params, allFake, fakeRun, ctx, DP_CHUNK, o.clipNorm, fakeSum);
      dp.step(n, realRun, ctx, start.secureRng);
      let at = 0;
      for (const p of dp.params) {
        const g = p.grad;
        for (let j = 0; j < g.length; j++) g[j] += fakeSum[at + j] / B;
        at += g.length;
      }
      if (o.gradientPenalty > 0) {
        // between each generated row and another of the same batch (a random pairing; rows are i.i.d. draws)
        const pair = trainRng.permutation(B);
        for (let i = 0; i < B; i++) {
          const a = trainRng.float32();
          const q = pair[i] * C;
          for (let k = 0; k < C; k++) interp[i * C + k] = a * fake[i * C + k] + (1 - a) * fake[q + k];
        }
        gradientPenalty(D, mat(B, C, interp), o.gradientPenalty, ctx);
      }
      dAdam.step();
      if (!allFinite(dp.params))
        throw new LookalikeError(
          `ctgan: the critic's weights became non-finite in epoch ${epoch} of DP training; no model was made`,
          ['lower the learning rate (option lr)'],
          'input',
        );
      if ((t + 1) % o.discriminatorSteps === 0) {
        // generator: −D(fake) + the conditional cross-entropy; reads the critic only. The fake rows are this
        // step's (the generator has not changed since; its forward caches still hold them)
        gAdam.zeroGrad();
        D.forward(mat(B, C, fake), ctx);
        dyG.data.fill(-1 / B);
        const dIn = D.backward(dyG, ctx, { params: 'none' })!;
        for (let i = 0; i < B; i++) dAct.data.set(dIn.data.subarray(i * C, i * C + W), i * W);
        const dRaw = gen.activation.backward(dAct, ctx)!;
        dRawG.data.set(dRaw.data.subarray(0, B * W));
        for (let i = 0; i < B; i++) {
          const c = col[i];
          if (c < 0) continue;
          const sp = gen.cond[c];
          const off = i * W + sp.start;
          let mx = -Infinity;
          for (let j = 0; j < sp.width; j++) if (raw.data[off + j] > mx) mx = raw.data[off + j];
          let sum = 0;
          for (let j = 0; j < sp.width; j++) sum += exp(raw.data[off + j] - mx);
          const lse = mx + log(sum);
          for (let j = 0; j < sp.width; j++)
            dRawG.data[off + j] += (exp(raw.data[off + j] - lse) - (j === cat[i] ? 1 : 0)) / B;
        }
        gen.backward(dRawG, ctx);
        gAdam.step();
        if (!allFinite(gen.params))
          throw new LookalikeError(
            `ctgan: the generator's weights became non-finite in epoch ${epoch} of DP training; no model was made`,
            ['lower the learning rate (option lr)'],
            'input',
          );
      }
    });
  } finally {
    gemm.close();
  }
  const params: CtganParams = {
    version: 1,
    arch,
    ids: start.ids,
    transform: transform.toJSON(),
    frequencies,
    weights: writeWeights(gen.net.params),
    training: null, // a DP fit reports no loss (it is a fact about the rows)
    dp: { rows: Math.max(1, Math.round(start.rowsHat)) },
  };
  return new CtganModel(start.schema, params, gen, transform, start.ledger);
}

async function fitCtgan(table: Table, schema: Schema, opts: FitOptions): Promise<Model> {
  if (opts.epsilon !== undefined) return fitCtganDp(table, schema, opts);
  checkFitInput(table, schema, 'ctgan');
  const o = ctganOptions(opts);
  if (o.batchSize % o.pac !== 0)
    throw new LookalikeError(
      `ctgan: option batchSize (${o.batchSize}) must be a multiple of pac (${o.pac})`,
      [],
      'usage',
    );
  const rng = new Rng(opts.seed ?? 0);
  const prep = prepareTraining('ctgan', table, schema, rng, o.validation);
  const { transform, data, train, valid } = prep;
  const W = transform.width;
  const arch: Arch = {
    width: W,
    embeddingDim: o.embeddingDim,
    generator: o.generator,
    discriminator: o.discriminator,
    pac: o.pac,
  };
  const gen = new Generator(arch, transform, rng.fork());
  const sampler = new CondSampler(gen.cond, data, W, train, o.logFrequency);
  const trainer = new Trainer(gen, sampler, data, train, o, rng.fork());
  const frequencies = sampler.counts.map((cs) => {
    const t = cs.reduce((a, b) => a + b, 0);
    return cs.map((k) => k / t);
  });
  const freqTables = frequencies.map((f) => new AliasTable(f));
  const gemm = await trainingGemm(o.threads);
  const trainRng = rng.fork();
  const ctx: Ctx = { gemm, training: true, rng: trainRng };
  const stopper = new EarlyStopping(gen.net.params, o.patience);
  const steps = Math.max(1, Math.floor(train.length / o.batchSize));
  const validSeed = rng.u32();
  const validRows = Math.min(valid.length, 5000);
  const validData = new Float32Array(validRows * W);
  for (let i = 0; i < validRows; i++) validData.set(data.subarray(valid[i] * W, valid[i] * W + W), i * W);
  let epoch = 0;
  let dLoss = NaN;
  let gLoss = NaN;
  let validLoss: number | null = null;
  let stoppedEarly = false;
  // the generator's weight average and the stream of its batch-norm re-estimation (forked last: the other streams
  // are those of a fit without it)
  const average = o.ema > 0 ? new WeightAverage(gen.net.params, o.ema) : null;
  const averageRng = rng.fork();
  const useAverage = (): void => {
    average!.swap();
    recalibrateBatchNorm(gen, freqTables, o.batchSize, averageRng, gemm);
  };
  try {
    for (epoch = 1; epoch <= o.epochs; epoch++) {
      for (let s = 0; s < steps; s++) {
        for (let k = 0; k < o.discriminatorSteps; k++) {
          dLoss = trainer.criticStep(ctx, trainRng);
          checkFiniteLoss('ctgan', dLoss, epoch, 'critic loss');
        }
        gLoss = trainer.generatorStep(ctx);
        average?.update();
        checkFiniteLoss('ctgan', gLoss, epoch, 'generator loss');
      }
      if (validRows) {
        if (average) useAverage();
        const fake = generateRows(gen, freqTables, validRows, new Rng(validSeed), gemm, null);
        validLoss = spanDistance(transform, fake, validRows, validData, validRows);
      }
      opts.onProgress?.({
        phase: 'ctgan',
        done: epoch,
        total: o.epochs,
        message: `critic ${dLoss.toFixed(3)}, generator ${gLoss.toFixed(3)}${validLoss !== null ? `, validation distance ${validLoss.toFixed(4)}` : ''}`,
      });
      const stop = validLoss !== null && stopper.update(validLoss, epoch);
      // back to the trained weights (the average keeps the re-estimated running statistics)
      if (validRows && average) average.swap();
      if (stop) {
        stoppedEarly = true;
        break;
      }
    }
    if (validRows) stopper.restore();
    else if (average) useAverage();
    if (o.correction > 0) {
      const target = spanMeans(transform, data, train);
      correctMarginals(gen, freqTables, target, o.correction, averageRng.u32(), gemm);
    }
  } finally {
    gemm.close();
  }
  const epochs = Math.min(epoch, o.epochs);
  const training: TrainingSummary = {
    epochs,
    bestEpoch: validRows ? stopper.bestEpochNumber : epochs,
    trainLoss: gLoss,
    validLoss: validRows ? stopper.bestLoss : null,
    stoppedEarly,
  };
  const params: CtganParams = {
    version: 1,
    arch,
    ids: prep.ids,
    transform: transform.toJSON(),
    frequencies,
    weights: writeWeights(gen.net.params),
    training,
  };
  return new CtganModel(schema, params, gen, transform);
}

class CtganModel implements Model {
  readonly synthesizer = 'ctgan';
  readonly privacy: PrivacyGuarantee;
  private gemm: Gemm | null = null;
  private readonly freq: AliasTable[];

  constructor(
    readonly schema: Schema,
    private readonly params: CtganParams,
    private readonly gen: Generator,
    private readonly transform: TableTransform,
    private readonly ledger: PrivacyLedger | null = null,
  ) {
    this.freq = params.frequencies.map((f) => new AliasTable([...f]));
    this.privacy = ledger ? ledger.guarantee() : { type: 'none' };
  }

  /** A DP model's noisy row count (never the training count); undefined without DP. */
  get defaultRows(): number | undefined {
    return this.params.dp?.rows;
  }

  sample(n: number, opts: SampleOptions = {}): Table {
    checkSampleSize(n);
    return sampleLearned(
      this.schema,
      this.params.ids,
      n,
      opts,
      (count, rng) => this.draw(count, rng, null),
      (conds) => this.conditionalDraw(conds),
    );
  }

  /** The conditional vector for a group's first categorical/boolean condition, or null (plain draws). */
  private conditionalDraw(conds: readonly ColumnCondition[]): ((n: number, rng: Rng) => Column[]) | null {
    const names = this.transform.columns.map((c) => c.name);
    for (const c of conds) {
      if (c.kind !== 'categorical' && c.kind !== 'boolean') continue;
      const ci = names.indexOf(c.column);
      const span = this.transform.spans.find((s) => s.column === ci && s.role === 'category');
      const k = this.gen.cond.findIndex((g) => span && g.start === span.start);
      if (k < 0) continue;
      const t = this.transform.columns[ci];
      if (t.encoding !== 'one-hot') continue;
      const values = c.oneOf ?? [c.value];
      const cats = values
        .map((v) => (c.kind === 'boolean' ? (v === 1 ? 1 : 0) : t.categories.indexOf(String(v))))
        .filter((j) => j >= 0);
      if (!cats.length) continue;
      const weights = cats.map((j) => this.params.frequencies[k][j] + 1e-12);
      const fixed = { col: k, cats, probs: new AliasTable(weights) };
      return (n, rng) => this.draw(n, rng, fixed);
    }
    return null;
  }

  private draw(
    n: number,
    rng: Rng,
    fixed: { col: number; cats: readonly number[]; probs: AliasTable } | null,
  ): Column[] {
    const gemm = (this.gemm ??= createGemmSync());
    const out = generateRows(this.gen, this.freq, n, rng, gemm, fixed);
    return roundFloats(this.transform.decode(out, n, rng, 'argmax'), this.schema);
  }

  toJSON(): ModelFile {
    return modelEnvelope(
      this.synthesizer,
      this.schema,
      this.privacy,
      this.params,
      this.ledger ? this.ledger.toJSON() : null,
    );
  }
}

function readArch(x: unknown, p: ProblemList): Arch | null {
  const whole = (v: unknown, lo: number, hi: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  const widths = (v: unknown) =>
    Array.isArray(v) && v.length >= 1 && v.length <= 4 && v.every((w) => whole(w, 1, 1024));
  if (
    !isRecord(x) ||
    !whole(x.width, 1, 1e6) ||
    !whole(x.embeddingDim, 1, 1024) ||
    !widths(x.generator) ||
    !widths(x.discriminator) ||
    !whole(x.pac, 1, 64)
  ) {
    p.add('params.arch must hold width, embeddingDim, generator, discriminator and pac (whole numbers)');
    return null;
  }
  return x as unknown as Arch;
}

function loadCtgan(file: ModelFile): Model {
  const p = new ProblemList();
  const params = file.params;
  if (!isRecord(params) || params.version !== 1) {
    p.add('params must be a ctgan model of version 1');
    p.throwIfAny('invalid ctgan model:');
  }
  const raw = params as Record<string, unknown>;
  const arch = readArch(raw.arch, p);
  const t = readTransform(raw, file.schema, p);
  if (t && arch && t.transform.width !== arch.width)
    p.add(`params.arch.width is ${arch.width} but the transform encodes ${t.transform.width} values`);
  if (t) {
    const cond = condColumns(t.transform);
    const f = raw.frequencies;
    if (
      !Array.isArray(f) ||
      f.length !== cond.length ||
      f.some((x, i) => !isNumberArray(x) || x.length !== cond[i].width || x.some((v) => v < 0))
    )
      p.add(
        `params.frequencies must hold, for each of the ${cond.length} categorical columns, one frequency per slot`,
      );
  }
  p.throwIfAny('invalid ctgan model:');
  const gen = new Generator(arch!, t!.transform, new Rng(0));
  for (const q of readWeights(raw.weights, gen.net.params, 'params.weights')) p.add(q);
  p.throwIfAny('invalid ctgan model:');
  const pr: CtganParams = { ...(raw as unknown as CtganParams), ids: t!.ids };
  return new CtganModel(file.schema, pr, gen, t!.transform, readDpPart(file, raw, 'ctgan'));
}

export const ctgan: Synthesizer = defineSynthesizer(ctganInfo, {
  fit: (table, schema, opts) => fitCtgan(table, schema, opts),
  load: loadCtgan,
});
