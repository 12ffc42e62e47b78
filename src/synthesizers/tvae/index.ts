import { LookalikeError, ProblemList } from '../../errors.js';
import {
  Activation,
  Adam,
  Dense,
  Sequential,
  createGemmSync,
  exp,
  fillGaussian,
  gaussianNll,
  gaussian,
  mat,
  readWeights,
  softmaxInPlace,
  tanh,
  writeWeights,
  type Ctx,
  type Gemm,
  type Layer,
  type Mat,
} from '../../nn/index.js';
import { VaeKernel } from '../../nn/kernel/vae.js';
import { allFinite } from '../../nn/optim.js';
import type { PerExampleModule } from '../../nn/per-example.js';
import { Param } from '../../nn/tensor.js';
import type { PrivacyGuarantee } from '../../privacy/guarantee.js';
import { PrivacyLedger } from '../../privacy/ledger.js';
import { Rng } from '../../random/rng.js';
import type { Column } from '../../table/column.js';
import type { Schema } from '../../table/schema.js';
import { Table } from '../../table/table.js';
import {
  checkFitInput,
  checkSampleSize,
  isRecord,
  modelEnvelope,
  unmodelledColumn,
  type IdStyle,
} from '../common.js';
import { dpSgdFor, DP_CHUNK, planDpSgd, startDpTraining, trainDpSgd } from '../dp-training/index.js';
import {
  EarlyStopping,
  checkFiniteLoss,
  gatherRows,
  readDpPart,
  prepareTraining,
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
import { tvaeInfo } from './info.js';

/**
 * `tvae`: the tabular variational autoencoder of Xu, Skoularidou, Cuesta-Infante & Veeramachaneni, "Modeling Tabular
 * Data using Conditional GAN" (NeurIPS 2019), laid out as CTGAN's reference TVAE:
 *
 * - rows are encoded by the shared transforms (`../transforms`): numerics and datetimes by mode-specific
 *   normalisation (a Bayesian Gaussian mixture per column; α in a tanh span + the mode one-hot), categories one-hot;
 * - encoder: Dense+ReLU layers (`compress`, default 128, 128) → μ and log σ² of a `embeddingDim`-dimensional latent
 *   (default 128); decoder: Dense+ReLU layers (`decompress`) → one output per encoded value, and a learned σ per α
 *   (initialised 0.1, kept in [0.01, 1]);
 * - loss per row: `lossFactor` (2) × [Σ_α (α − tanh(out))²/(2σ²) + log σ  +  Σ_spans cross-entropy(out, one-hot)]
 *   + KL(q(z|x) ‖ N(0, I)); Adam (lr 1e-3, L2 weight decay 1e-5), batches of 500 rows drawn without replacement;
 * - early stopping on a seeded validation split (`validation`, `patience`): the weights of the best validation
 *   epoch are kept;
 * - sampling: z ~ N(0, I) → decoder → α ~ N(tanh(out), σ²), modes and categories by argmax, decoded exactly by the
 *   transforms. Conditions: by rejection (`sampleByRejection`; the network has no conditional input).
 *
 * Guarantee: without ε NOT differentially private (the network is trained on the rows; the model file holds each
 * numeric column's mixture modes and bounds, read off the data). With ε, (ε, δ)-DP by DP-SGD (`fitTvaeDp`). Runtime: O(epochs · n · width²) multiply-adds on the
 * engine's SIMD GEMM; Adult (32,561 × 15), 50 epochs: see bench/RESULTS-tvae-ctgan.md.
 */

interface Arch {
  readonly width: number;
  readonly embeddingDim: number;
  readonly compress: readonly number[];
  readonly decompress: readonly number[];
}

interface TvaeParams {
  readonly version: 1;
  readonly arch: Arch;
  /** How sampling picks modes and categories (absent in older files: argmax). */
  readonly decoding?: 'sample' | 'argmax';
  readonly ids: Record<string, IdStyle>;
  readonly transform: unknown;
  readonly weights: unknown;
  readonly training: TrainingSummary | null;
  /** A DP fit: its noisy row count N̂ (the default sample size; never the training count). */
  readonly dp?: { readonly rows: number };
}

const LOG_SIGMA_MIN = Math.log(0.01);
const LOG_SIGMA_MAX = 0;

/** The encoder, the decoder and the output scales (exported for the gradient test). */
export class TvaeNet {
  readonly encoder: Sequential;
  readonly decoder: Sequential;
  /** log σ of each α value (one per alpha span of the transform). */
  readonly logSigma: Param;
  readonly params: readonly Param[];
  /** Span starts of the α values, and the softmax spans. */
  readonly alpha: readonly number[];
  readonly softmax: readonly { start: number; width: number }[];

  constructor(
    readonly arch: Arch,
    transform: TableTransform,
    rng: Rng,
  ) {
    const layers = (dims: number[], out: number, name: string): Layer[] => {
      const ls: Layer[] = [];
      for (let i = 0; i + 1 < dims.length; i++) {
        ls.push(new Dense(dims[i], dims[i + 1], rng, `${name}.${i}`), new Activation('relu'));
      }
      ls.push(new Dense(dims[dims.length - 1], out, rng, `${name}.out`));
      return ls;
    };
    this.encoder = new Sequential(layers([arch.width, ...arch.compress], 2 * arch.embeddingDim, 'encoder'));
    // the encoder reads the transform's rows: one-hot spans and a few α, mostly zeros (the same bits either way)
    (this.encoder.layers[0] as Dense).sparseInput = true;
    this.decoder = new Sequential(layers([arch.embeddingDim, ...arch.decompress], arch.width, 'decoder'));
    this.alpha = transform.spans.filter((s) => s.fn === 'tanh').map((s) => s.start);
    this.softmax = transform.spans
      .filter((s) => s.fn === 'softmax')
      .map((s) => ({ start: s.start, width: s.width }));
    this.logSigma = new Param('sigma.log', [this.alpha.length]);
    this.logSigma.value.fill(Math.log(0.1));
    this.params = [...this.encoder.params, ...this.decoder.params, this.logSigma];
  }

  clampSigma(): void {
    const v = this.logSigma.value;
    for (let i = 0; i < v.length; i++)
      v[i] = v[i] < LOG_SIGMA_MIN ? LOG_SIGMA_MIN : v[i] > LOG_SIGMA_MAX ? LOG_SIGMA_MAX : v[i];
  }
}

/**
 * log σ under DP-SGD: a parameter outside any layer, so its per-example gradients (one value per row and α) are
 * recorded by `TvaeStep.run` in per-example mode and exposed to `clipPerExample` here (materialised: they are few).
 */
class SigmaPerExample implements PerExampleModule {
  readonly params: readonly Param[];
  /** rows × α per-example gradients of the last per-example run. */
  grads = new Float32Array(0);
  rows = 0;
  constructor(private readonly logSigma: Param) {
    this.params = [logSigma];
  }
  addSquaredNorms(acc: Float64Array): void {
    const A = this.logSigma.size;
    for (let i = 0; i < this.rows; i++) {
      let s = 0;
      for (let k = 0; k < A; k++) s += this.grads[i * A + k] * this.grads[i * A + k];
      acc[i] += s;
    }
  }
  accumulateScaled(scale: Float32Array): void {
    const A = this.logSigma.size;
    const g = this.logSigma.grad;
    for (let k = 0; k < A; k++) {
      let s = 0;
      for (let i = 0; i < this.rows; i++) s = Math.fround(s + Math.fround(scale[i] * this.grads[i * A + k]));
      g[k] += s;
    }
  }
}

/** Buffers of one training step (reused across steps). */
export class TvaeStep {
  eps: Float32Array = new Float32Array(0);
  z: Mat = mat(0, 0);
  pred: Mat = mat(0, 0);
  dRec: Mat = mat(0, 0);
  dEnc: Mat = mat(0, 0);
  /** The latent layer and the softmax spans in the kernel (ε, σ and the KL gradients stay in its memory). */
  readonly kernel: VaeKernel;
  /** log σ as a per-example module (DP-SGD). */
  readonly sigma: SigmaPerExample;

  constructor(
    private readonly net: TvaeNet,
    private readonly lossFactor: number,
  ) {
    this.sigma = new SigmaPerExample(net.logSigma);
    this.kernel = new VaeKernel(net.arch.embeddingDim, net.arch.width, net.softmax);
  }

  private cap = 0;

  /** Buffers for B rows: allocated for the largest batch so far, the matrices re-shaped over them (no garbage). */
  private ensure(B: number): void {
    const E = this.net.arch.embeddingDim;
    const W = this.net.arch.width;
    if (this.z.rows === B && this.cap >= B) return;
    if (B > this.cap) {
      this.cap = B;
      this.eps = new Float32Array(B * E);
      this.z = mat(B, E);
      this.pred = mat(B, W);
      this.dRec = mat(B, W);
      this.dEnc = mat(B, 2 * E);
    }
    this.z = mat(B, E, this.z.data);
    this.pred = mat(B, W, this.pred.data);
    this.dRec = mat(B, W, this.dRec.data);
    this.dEnc = mat(B, 2 * E, this.dEnc.data);
  }

  /**
   * Forward (and with `backward`, backward) on a batch: returns the summed loss (reconstruction × lossFactor + KL)
   * and adds the gradient of `scale` × that loss into the parameters — or, with `perExample`, records what DP-SGD's
   * clipping needs instead (the loss is a sum of per-row terms: each row's latent draw, reconstruction and KL
   * involve that row only).
   */
  run(
    x: Mat,
    ctx: Ctx,
    rng: Rng,
    backward: boolean,
    scale: number,
    perExample = false,
    rowSeeds?: Uint32Array,
  ): number {
    const net = this.net;
    const B = x.rows;
    const E = net.arch.embeddingDim;
    const W = net.arch.width;
    this.ensure(B);
    const kernel = this.kernel;
    const enc = net.encoder.forward(x, ctx);
    // the latent draws: from a generator seeded by the batch's stream, or (DP-SGD) each row's own stream from its
    // own seed, so a row's draws never depend on which rows come before it in the batch
    if (rowSeeds) {
      for (let i = 0; i < B; i++) fillGaussian(this.eps.subarray(i * E), new Rng(rowSeeds[i]), E);
      kernel.setEps(B, this.eps);
    } else kernel.draw(B, rng);
    const { z, pred, dRec } = this;
    const kl = kernel.forward(enc.data, z.data, scale);
    const rec = net.decoder.forward(z, ctx);
    const f = this.lossFactor;
    // modes, categories, missing slots: cross-entropy of softmax(out) against the one-hot (first: it sets every
    // column of dRec outside the spans to 0; the α columns are written next)
    const ce = kernel.softmaxLoss(rec.data, x.data, dRec.data, B, f * scale);
    let loss = 0;
    // α: Gaussian NLL of tanh(out) around the encoded α, learned σ
    const A = net.alpha.length;
    const sg = this.sigma;
    if (backward && perExample) {
      if (sg.grads.length < B * A) sg.grads = new Float32Array(B * A);
      sg.rows = B;
    }
    for (let k = 0; k < A; k++) {
      const a = net.alpha[k];
      tanhColumn(rec.data, pred.data, a, W, B);
      const dls = backward && !perExample ? net.logSigma.grad.subarray(k, k + 1) : null;
      loss += f * gaussianNll(pred, a, 1, x, net.logSigma.value.subarray(k, k + 1), dRec, dls, f * scale);
      if (backward && perExample) {
        // d/dlog σ of row i's term f·((x − t)²/(2σ²) + log σ) = f·(1 − (x − t)²/σ²)
        const inv2 = exp(-2 * net.logSigma.value[k]);
        for (let i = 0; i < B; i++) {
          const d = pred.data[i * W + a] - x.data[i * W + a];
          sg.grads[i * A + k] = f * scale * (1 - d * d * inv2);
        }
      }
      tanhGradColumn(pred.data, dRec.data, a, W, B);
    }
    loss += f * ce;
    loss += kl;
    if (!backward) return loss;
    const mode = perExample ? ({ params: 'per-example' } as const) : {};
    const dz = net.decoder.backward(dRec, ctx, mode)!;
    kernel.backward(dz.data, this.dEnc.data);
    net.encoder.backward(this.dEnc, ctx, { inputGrad: false, ...mode });
    return loss;
  }
}

function tanhColumn(rec: Float32Array, pred: Float32Array, a: number, W: number, B: number): void {
  for (let i = 0, o = a; i < B; i++, o += W) pred[o] = tanh(rec[o]);
}

function tanhGradColumn(pred: Float32Array, d: Float32Array, a: number, W: number, B: number): void {
  for (let i = 0, o = a; i < B; i++, o += W) {
    const t = pred[o];
    d[o] *= 1 - t * t;
  }
}

interface TvaeOptions {
  epochs: number;
  batchSize: number;
  lr: number;
  validation: number;
  patience: number;
  threads: number;
  embeddingDim: number;
  compress: number[];
  decompress: number[];
  lossFactor: number;
  weightDecay: number;
  decoding: 'sample' | 'argmax';
  clipNorm: number;
  preprocessing: number;
}

/** What a DP fit uses where the option is not given (a larger batch: the noise is divided by it). */
const DP_DEFAULTS = { epochs: 20, batchSize: 2000, lr: 0.002 } as const;

function tvaeOptions(opts: FitOptions): TvaeOptions {
  const o = optionValues(tvaeInfo.options, opts) as unknown as TvaeOptions;
  if (opts.epsilon === undefined) return o;
  const given = opts.options ?? {};
  const dp: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(DP_DEFAULTS)) if (given[k] === undefined) dp[k] = v;
  return { ...o, ...dp };
}

/** Mean loss per row over `idx` (no gradient), with a fixed stream for the latent draws. */
function meanLoss(
  step: TvaeStep,
  data: Float32Array,
  W: number,
  idx: Int32Array,
  batch: number,
  ctx: Ctx,
  seed: number,
): number {
  const rng = new Rng(seed);
  const buf = new Float32Array(batch * W);
  let total = 0;
  for (let at = 0; at < idx.length; at += batch) {
    const B = Math.min(batch, idx.length - at);
    gatherRows(data, W, idx, at, B, buf);
    total += step.run(mat(B, W, buf), ctx, rng, false, 1);
  }
  return total / idx.length;
}

/**
 * `tvae` with a privacy budget: (ε, δ)-DP under add/remove-one-row neighbours, by DP-SGD (Abadi et al. 2016) on
 * the encoder, the decoder and the output scales together.
 *
 * 1. **Preprocessing is public or paid for** (`startDpTraining`): domains declared public or released with
 *    `dpDomains` (a column with neither is refused, by name); the noisy 1-way marginals (a `preprocessing` share of
 *    the budget) give the row count N̂ and, by post-processing, each numeric column's mixture modes; bounds from the
 *    domains, missing slots unless a column is declared not nullable, column order the schema's.
 * 2. **Training** reads rows only through `DpSgd`: Poisson batches at q = batchSize/N̂ from the SecureRng, every
 *    row's gradient over all weights clipped to `clipNorm` (ghost norms; log σ's per-row gradients explicitly),
 *    lattice Gaussian noise, exactly ⌈epochs/q⌉ steps: no validation split, no early stopping, no loss reported.
 *    Each row's latent draws come from its own seed, drawn fresh from the SecureRng: a row's coins are i.i.d. and
 *    never depend on the rows before it in the batch (positional coins from one seeded stream would let an added row
 *    shift every later row's draws, and the one-row sensitivity would not hold). Adam's weight decay and σ's clamp
 *    are post-processing.
 * 3. **The ledger**: the marginals (zCDP) and one "subsampled-gaussian" entry, the noise multiplier the smallest
 *    that fits what the marginals left (`planDpSgd`). The model's default row count is N̂.
 */
async function fitTvaeDp(table: Table, schema: Schema, opts: FitOptions): Promise<Model> {
  const o = tvaeOptions(opts);
  const start = await startDpTraining(table, schema, opts, 'tvae', { preprocessing: o.preprocessing });
  const { transform } = start;
  const rng = new Rng(opts.seed ?? 0);
  const W = transform.width;
  const data = transform.encode(start.table, rng.fork());
  const n = start.table.nRows;
  const arch: Arch = {
    width: W,
    embeddingDim: o.embeddingDim,
    compress: o.compress,
    decompress: o.decompress,
  };
  const net = new TvaeNet(arch, transform, rng.fork());
  const step = new TvaeStep(net, o.lossFactor);
  const coordinates = net.params.reduce((s, p) => s + p.size, 0);
  const plan = planDpSgd(start, { batchSize: o.batchSize, epochs: o.epochs, coordinates });
  const dp = dpSgdFor([net.encoder, net.decoder, step.sigma], plan, o.clipNorm);
  const adam = new Adam(dp.params, { lr: o.lr, weightDecay: o.weightDecay });
  const gemm = await trainingGemm(o.threads);
  const trainRng = rng.fork();
  const ctx: Ctx = { gemm, training: true, rng: trainRng };
  const buf = new Float32Array(DP_CHUNK * W);
  const seeds = new Uint32Array(DP_CHUNK);
  const run = (chunk: Int32Array, c: Ctx): void => {
    gatherRows(data, W, chunk, 0, chunk.length, buf);
    // each row's latent draws from its own fresh seed (SecureRng): i.i.d. coins per row, whatever its position
    const sd = seeds.subarray(0, chunk.length);
    start.secureRng.fillU32(sd);
    step.run(mat(chunk.length, W, buf), c, trainRng, true, 1, true, sd);
  };
  try {
    trainDpSgd(
      start,
      plan,
      dp,
      { synthesizer: 'tvae', epochs: o.epochs, onProgress: opts.onProgress },
      (_t, epoch) => {
        dp.step(n, run, ctx, start.secureRng);
        adam.step();
        net.clampSigma();
        // the weights are public (post-processing of noisy steps): checking them reveals nothing more
        if (!allFinite(dp.params))
          throw new LookalikeError(
            `tvae: the weights became non-finite in epoch ${epoch} of DP training; no model was made`,
            ['lower the learning rate (option lr)'],
            'input',
          );
      },
    );
  } finally {
    gemm.close();
  }
  const params: TvaeParams = {
    version: 1,
    arch,
    ids: start.ids,
    transform: transform.toJSON(),
    weights: writeWeights(net.params),
    decoding: o.decoding,
    training: null, // a DP fit reports no loss (it is a fact about the rows)
    dp: { rows: Math.max(1, Math.round(start.rowsHat)) },
  };
  return new TvaeModel(start.schema, params, net, transform, start.ledger);
}

async function fitTvae(table: Table, schema: Schema, opts: FitOptions): Promise<Model> {
  if (opts.epsilon !== undefined) return fitTvaeDp(table, schema, opts);
  checkFitInput(table, schema, 'tvae');
  const o = tvaeOptions(opts);
  const rng = new Rng(opts.seed ?? 0);
  const prep = prepareTraining('tvae', table, schema, rng, o.validation);
  const { transform, data, train, valid } = prep;
  const W = transform.width;
  const arch: Arch = {
    width: W,
    embeddingDim: o.embeddingDim,
    compress: o.compress,
    decompress: o.decompress,
  };
  const net = new TvaeNet(arch, transform, rng.fork());
  const step = new TvaeStep(net, o.lossFactor);
  const adam = new Adam(net.params, { lr: o.lr, weightDecay: o.weightDecay });
  const gemm = await trainingGemm(o.threads);
  const trainRng = rng.fork();
  const ctx: Ctx = { gemm, training: true, rng: trainRng };
  const evalCtx: Ctx = { gemm, training: false, rng: trainRng };
  const stopper = new EarlyStopping(net.params, o.patience);
  const batch = Math.min(o.batchSize, train.length);
  const buf = new Float32Array(batch * W);
  const validSeed = rng.u32();
  let epoch = 0;
  let trainLoss = NaN;
  let validLoss: number | null = null;
  let stoppedEarly = false;
  try {
    for (epoch = 1; epoch <= o.epochs; epoch++) {
      const order = trainRng.permutation(train.length);
      const idx = Int32Array.from(order, (k) => train[k]);
      let total = 0;
      for (let at = 0; at < idx.length; at += batch) {
        const B = Math.min(batch, idx.length - at);
        gatherRows(data, W, idx, at, B, buf);
        adam.zeroGrad();
        const l = step.run(mat(B, W, buf), ctx, trainRng, true, 1 / B);
        checkFiniteLoss('tvae', l, epoch);
        total += l;
        adam.step();
        net.clampSigma();
      }
      trainLoss = total / idx.length;
      if (valid.length) {
        validLoss = meanLoss(step, data, W, valid, batch, evalCtx, validSeed);
        checkFiniteLoss('tvae', validLoss, epoch, 'validation loss');
      }
      opts.onProgress?.({
        phase: 'tvae',
        done: epoch,
        total: o.epochs,
        message: `loss ${trainLoss.toFixed(3)}${validLoss !== null ? `, validation ${validLoss.toFixed(3)}` : ''}`,
      });
      if (validLoss !== null && stopper.update(validLoss, epoch)) {
        stoppedEarly = true;
        break;
      }
    }
  } finally {
    gemm.close();
  }
  const epochs = Math.min(epoch, o.epochs);
  if (valid.length) stopper.restore();
  const training: TrainingSummary = {
    epochs,
    bestEpoch: valid.length ? stopper.bestEpochNumber : epochs,
    trainLoss,
    validLoss: valid.length ? stopper.bestLoss : null,
    stoppedEarly,
  };
  const params: TvaeParams = {
    version: 1,
    arch,
    decoding: o.decoding,
    ids: prep.ids,
    transform: transform.toJSON(),
    weights: writeWeights(net.params),
    training,
  };
  return new TvaeModel(schema, params, net, transform);
}

export class TvaeModel implements Model {
  readonly synthesizer = 'tvae';
  readonly privacy: PrivacyGuarantee;
  private gemm: Gemm | null = null;

  constructor(
    readonly schema: Schema,
    private readonly params: TvaeParams,
    private readonly net: TvaeNet,
    private readonly transform: TableTransform,
    private readonly ledger: PrivacyLedger | null = null,
  ) {
    this.privacy = ledger ? ledger.guarantee() : { type: 'none' };
  }

  /** A DP model's noisy row count (never the training count); undefined without DP. */
  get defaultRows(): number | undefined {
    return this.params.dp?.rows;
  }

  sample(n: number, opts: SampleOptions = {}): Table {
    checkSampleSize(n);
    return sampleLearned(this.schema, this.params.ids, n, opts, (count, rng) => this.draw(count, rng));
  }

  private draw(n: number, rng: Rng): Column[] {
    const gemm = (this.gemm ??= createGemmSync());
    const ctx: Ctx = { gemm, training: false, rng };
    const { embeddingDim: E, width: W } = this.net.arch;
    const out = new Float32Array(n * W);
    const chunk = 1000;
    const z = new Float32Array(chunk * E);
    const sigma = Array.from(this.net.logSigma.value, (l) => exp(l));
    const pick = this.params.decoding ?? 'argmax';
    for (let at = 0; at < n; at += chunk) {
      const B = Math.min(chunk, n - at);
      fillGaussian(z, rng, B * E);
      const rec = this.net.decoder.forward(mat(B, E, z), ctx);
      out.set(rec.data.subarray(0, B * W), at * W);
      for (let i = 0; i < B; i++) {
        const o = (at + i) * W;
        this.net.alpha.forEach((a, k) => {
          out[o + a] = tanh(out[o + a]) + sigma[k] * gaussian(rng);
        });
        if (pick === 'sample') for (const s of this.net.softmax) softmaxInPlace(out, o + s.start, s.width, 1);
      }
    }
    return roundFloats(this.transform.decode(out, n, rng, pick), this.schema);
  }

  /**
   * Each row of `table` through the encoder's mean and back through the decoder (α = tanh(out), no noise): what the
   * autoencoder remembers of those rows. Used by the tests to show that training works (a model can memorise 20
   * rows); not part of the synthesizer contract.
   */
  reconstruct(table: Table, seed = 0): Table {
    const rng = new Rng(seed);
    const gemm = (this.gemm ??= createGemmSync());
    const ctx: Ctx = { gemm, training: false, rng };
    const { embeddingDim: E, width: W } = this.net.arch;
    const n = table.nRows;
    const x = this.transform.encode(table, rng);
    const enc = this.net.encoder.forward(mat(n, W, x), ctx);
    const mu = new Float32Array(n * E);
    for (let i = 0; i < n; i++) mu.set(enc.data.subarray(i * 2 * E, i * 2 * E + E), i * E);
    const out = Float32Array.from(this.net.decoder.forward(mat(n, E, mu), ctx).data.subarray(0, n * W));
    for (let i = 0; i < n; i++) for (const a of this.net.alpha) out[i * W + a] = tanh(out[i * W + a]);
    const cols = roundFloats(this.transform.decode(out, n, rng, 'argmax'), this.schema);
    const byCol = new Map(cols.map((c) => [c.name, c]));
    return new Table(
      this.schema.columns.map((s) => byCol.get(s.name) ?? unmodelledColumn(s, n, this.params.ids)),
      n,
    );
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
    !widths(x.compress) ||
    !widths(x.decompress)
  ) {
    p.add('params.arch must hold width, embeddingDim, compress and decompress (whole numbers)');
    return null;
  }
  return x as unknown as Arch;
}

function loadTvae(file: ModelFile): Model {
  const p = new ProblemList();
  const params = file.params;
  if (!isRecord(params) || params.version !== 1) {
    p.add('params must be a tvae model of version 1');
    p.throwIfAny('invalid tvae model:');
  }
  const raw = params as Record<string, unknown>;
  const arch = readArch(raw.arch, p);
  if (raw.decoding !== undefined && raw.decoding !== 'sample' && raw.decoding !== 'argmax')
    p.add('params.decoding must be "sample" or "argmax"');
  const t = readTransform(raw, file.schema, p);
  if (t && arch && t.transform.width !== arch.width)
    p.add(`params.arch.width is ${arch.width} but the transform encodes ${t.transform.width} values`);
  p.throwIfAny('invalid tvae model:');
  const net = new TvaeNet(arch!, t!.transform, new Rng(0));
  for (const q of readWeights(raw.weights, net.params, 'params.weights')) p.add(q);
  p.throwIfAny('invalid tvae model:');
  const v = net.logSigma.value;
  if (v.some((l) => l < LOG_SIGMA_MIN - 1e-6 || l > LOG_SIGMA_MAX + 1e-6))
    throw new LookalikeError('invalid tvae model:', ['params.weights: "sigma.log" is outside [log 0.01, 0]']);
  const pr: TvaeParams = { ...(raw as unknown as TvaeParams), ids: t!.ids };
  return new TvaeModel(file.schema, pr, net, t!.transform, readDpPart(file, raw, 'tvae'));
}

export const tvae: Synthesizer = defineSynthesizer(tvaeInfo, {
  fit: (table, schema, opts) => fitTvae(table, schema, opts),
  load: loadTvae,
});
