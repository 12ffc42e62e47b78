import { LookalikeError, ProblemList } from '../../errors.js';
import {
  Activation,
  Adam,
  Dense,
  Sequential,
  SpanActivation,
  allFinite,
  createGemmSync,
  fillGaussian,
  mat,
  readWeights,
  sigmoid,
  writeWeights,
  type Ctx,
  type Gemm,
  type Layer,
  type Mat,
  type Span,
} from '../../nn/index.js';
import { assignTeachers, pateBinaryCounts } from '../../privacy/pate.js';
import type { PrivacyGuarantee } from '../../privacy/guarantee.js';
import type { PrivacyLedger } from '../../privacy/ledger.js';
import { Rng } from '../../random/rng.js';
import type { Column } from '../../table/column.js';
import type { Schema } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import { checkSampleSize, isRecord, modelEnvelope, type IdStyle } from '../common.js';
import { marginalLogits, normSub, startDpTraining } from '../dp-training/index.js';
import {
  rakeSpanBiases,
  readDpPart,
  readTransform,
  roundFloats,
  sampleLearned,
  trainingGemm,
} from '../learned/index.js';
import { optionValues } from '../options.js';
import { defineSynthesizer } from '../registry.js';
import type { TableTransform } from '../transforms/index.js';
import type { FitOptions, Model, ModelFile, SampleOptions, Synthesizer } from '../types.js';
import { pateGanInfo } from './info.js';

/**
 * `pate-gan`: PATE-GAN (Jordon, Yoon & van der Schaar, "PATE-GAN: Generating Synthetic Data with Differential
 * Privacy Guarantees", ICLR 2019), (ε, δ)-DP under add/remove-one-row neighbours. docs/privacy.md ("PATE-GAN").
 *
 * 1. **Preprocessing is public or paid for** (`startDpTraining`, as tvae/ctgan): domains declared or DP-released,
 *    the noisy 1-way marginals (`preprocessing` share) give N̂ and the numeric columns' quantile knots; the rows are
 *    encoded by the transform (numerics as Φ⁻¹ of their noisy CDF, one-hot categories).
 * 2. **Teachers**: k = round(N̂ / `rowsPerTeacher`) real-vs-generated classifiers; each row is assigned to one
 *    teacher independently and uniformly from the SecureRng (`assignTeachers`), so adding or removing a row changes
 *    one teacher's rows and nothing else. Teacher t is a nearest-neighbour classifier: its distance from a generated
 *    row x is min over its rows r of ‖x − r‖² (encoded), its threshold the median of those distances over the
 *    iteration's `calibration` generated rows (public), and it calls a query "real" when closer than that. (The
 *    paper's teachers are logistic regressions; on one-hot columns a linear teacher sees only the 1-way marginals,
 *    which the generator already matches, so its votes were noise: bench/RESULTS-dp-learned.md.)
 * 3. **Noisy aggregation, data-independent accounting**: each iteration the generator makes `queries` rows; every
 *    teacher votes; the vote counts get discrete Gaussian noise (`pateBinaryCounts`: L2 sensitivity √Q for Q
 *    queries — one row changes one teacher's vote on each query by at most 1 — cost Q/(2σ²) zCDP, whatever the
 *    teachers' agreement). The noisy count / k is the query's soft label (post-processing).
 *    The plan: σ = `labelNoise` · k, total queries 2ρσ² from the ρ the marginals left, iterations = that / `queries`
 *    (at most `iterations`; a larger budget then lowers σ instead), each iteration charged ρ/iterations.
 * 4. **Student and generator** see no row: the student discriminator (an MLP) is trained on the labelled generated
 *    rows kept so far (binary cross-entropy on the soft labels), the generator (an MLP with Gumbel-softmax outputs
 *    per categorical span; numeric columns quantile-encoded, each value slot with its own noise coordinate added)
 *    against the student (−log σ(S(G(z)))) plus `marginalWeight` × a penalty holding its batch marginals to the
 *    noisy 1-way marginals (`MarginalAnchor`; the counts with the clamping's excess removed, `normSub`); after
 *    training, `correction` rounds rake the categorical output biases toward those marginals (`correctMarginals`).
 *    Post-processing.
 *
 * Sampling: z ~ N(0, I) → generator → the transforms' inverse (categories by argmax); conditions by
 * rejection. Runtime per iteration: O((calibration + queries)·n·width) for the teachers plus the networks'.
 */

interface Arch {
  readonly width: number;
  readonly embeddingDim: number;
  readonly generator: readonly number[];
}

interface PateGanParams {
  readonly version: 1;
  readonly arch: Arch;
  readonly ids: Record<string, IdStyle>;
  readonly transform: unknown;
  readonly weights: unknown;
  /** What the training did (public facts: the plan). */
  readonly training: {
    readonly iterations: number;
    readonly teachers: number;
    readonly queries: number;
    readonly sigma: number;
  };
  readonly dp: { readonly rows: number };
}

interface PateGanOptions {
  rowsPerTeacher: number;
  labelNoise: number;
  queries: number;
  iterations: number;
  batchSize: number;
  studentSteps: number;
  generatorSteps: number;
  embeddingDim: number;
  generator: number[];
  student: number[];
  lr: number;
  marginalWeight: number;
  correction: number;
  calibration: number;
  preprocessing: number;
}

/** The generator: an MLP from z to the encoded width, then the per-span output activation. */
class Generator {
  readonly net: Sequential;
  readonly activation: SpanActivation;
  /** The encoded slots of the numeric values (identity spans), each with its own z coordinate added. */
  readonly residual: readonly number[];
  constructor(
    readonly arch: Arch,
    transform: TableTransform,
    rng: Rng,
  ) {
    const layers: Layer[] = [];
    let dim = arch.embeddingDim;
    arch.generator.forEach((w, i) => {
      layers.push(new Dense(dim, w, rng, `generator.${i}`), new Activation('relu'));
      dim = w;
    });
    layers.push(new Dense(dim, arch.width, rng, 'generator.out'));
    this.net = new Sequential(layers);
    const spans: Span[] = transform.spans.map((s) => ({
      start: s.start,
      width: s.width,
      fn: s.fn === 'tanh' ? 'tanh' : s.fn === 'softmax' ? 'gumbel-softmax' : 'identity',
    }));
    this.activation = new SpanActivation(spans, 0.2);
    this.residual = transform.spans.filter((s) => s.fn === 'identity').map((s) => s.start);
    if (this.residual.length > arch.embeddingDim)
      throw new LookalikeError(
        `pate-gan: embeddingDim ${arch.embeddingDim} is smaller than the number of numeric columns (${this.residual.length}): each needs its own noise coordinate`,
        [`set embeddingDim to at least ${this.residual.length}`],
        'input',
      );
  }

  /**
   * B activated rows (B × width, the activation's buffer) from fresh noise. Each numeric value slot (quantile
   * encoding: Φ⁻¹ of the column's CDF, identity output) gets one coordinate of z added to the network's output (a
   * residual noise channel): with the network's output near 0 the slot is N(0, 1), i.e. the column's (noisy)
   * marginal, and training moves it from there.
   */
  generate(B: number, ctx: Ctx, rng: Rng, z: Float32Array): Mat {
    const E = this.arch.embeddingDim;
    fillGaussian(z, rng, B * E);
    const raw = this.net.forward(mat(B, E, z), ctx);
    const W = this.arch.width;
    this.residual.forEach((slot, v) => {
      for (let i = 0; i < B; i++) raw.data[i * W + slot] += z[i * E + v];
    });
    return this.activation.forward(raw, ctx);
  }
}

/**
 * The generator's batch marginals held to the paid-for noisy 1-way marginals (post-processing): for each softmax
 * span the cross-entropy −Σ_j m_j log p̄_j of the target frequencies m against the batch mean p̄ of the activated
 * outputs (least at p̄ = m), for each numeric value slot (N(0, 1) at the marginal) mean² + (variance − 1)². Without
 * it the generator, taught only by a student of noisy labels, drifts to a few modes (bench/RESULTS-dp-learned.md).
 */
class MarginalAnchor {
  readonly target: Float64Array;
  readonly softmax: readonly { start: number; width: number }[];
  private readonly slots: readonly number[];
  /** `logits`: the target marginals as log-frequencies per softmax span (marginalLogits). */
  constructor(transform: TableTransform, logits: Float32Array) {
    this.target = new Float64Array(transform.width);
    this.softmax = transform.spans.filter((s) => s.fn === 'softmax');
    this.slots = transform.spans.filter((s) => s.fn === 'identity').map((s) => s.start);
    for (const s of this.softmax) {
      let t = 0;
      for (let j = 0; j < s.width; j++) t += this.target[s.start + j] = Math.exp(logits[s.start + j]);
      for (let j = 0; j < s.width; j++) this.target[s.start + j] /= t;
    }
  }

  /** Adds weight × the anchor's gradient with respect to the activated rows y (B × width) to dy. */
  gradient(y: Mat, dy: Mat, weight: number): void {
    const B = y.rows;
    const W = y.cols;
    const mean = new Float64Array(W);
    for (let i = 0; i < B; i++) for (let j = 0; j < W; j++) mean[j] += y.data[i * W + j] / B;
    for (const s of this.softmax)
      for (let j = s.start; j < s.start + s.width; j++) {
        const g = (-weight * this.target[j]) / (Math.max(mean[j], 1e-6) * B);
        for (let i = 0; i < B; i++) dy.data[i * W + j] += g;
      }
    for (const j of this.slots) {
      let v = 0;
      for (let i = 0; i < B; i++) v += (y.data[i * W + j] - mean[j]) ** 2 / B;
      for (let i = 0; i < B; i++)
        dy.data[i * W + j] += (weight * (2 * mean[j] + 4 * (v - 1) * (y.data[i * W + j] - mean[j]))) / B;
    }
  }
}

/**
 * The final correction (post-processing of the trained generator and the released noisy marginals): `rounds` times,
 * for each softmax span, the mean over `rows` fixed noise draws of the span's softmax probabilities p̄ (the
 * distribution of the category sampling draws: argmax of logits + Gumbel noise), and the span's output biases moved
 * by log(m / p̄) toward the noisy 1-way marginal m (raking on the biases, `rakeSpanBiases`). Training adds the
 * columns' dependences but
 * drifts some 1-way marginals (by 0.03–0.09 in total variation on Adult); this moves them back while keeping each
 * row's logit differences, i.e. the dependences the generator learnt. Numeric slots are left as trained.
 */
function correctMarginals(
  gen: Generator,
  anchor: MarginalAnchor,
  rounds: number,
  gemm: Gemm,
  rng: Rng,
): void {
  if (rounds === 0 || anchor.softmax.length === 0) return;
  const rows = 4096;
  const E = gen.arch.embeddingDim;
  const W = gen.arch.width;
  const z = new Float32Array(rows * E);
  fillGaussian(z, rng, rows * E);
  const ctx: Ctx = { gemm, training: false, rng };
  const out = gen.net.layers.at(-1) as Dense;
  const mean = new Float64Array(W);
  for (let round = 0; round < rounds; round++) {
    const raw = gen.net.forward(mat(rows, E, z), ctx);
    rakeSpanBiases(raw.data, rows, W, anchor.softmax, anchor.target, out.b.value, mean);
    out.b.touch();
  }
}

/** Norm-Sub of the noisy 1-way marginals (post-processing): the shared one of the DP start. */
export { normSub };

/** The plan of a fit: teachers, iterations, noise. Throws (kind privacy) when the budget allows no iteration. */
function planPate(
  o: PateGanOptions,
  rowsHat: number,
  rho: number,
  epsilon: number,
): { teachers: number; iterations: number; rhoPerIteration: number; sigma: number } {
  const teachers = Math.max(2, Math.min(100_000, Math.round(rowsHat / o.rowsPerTeacher)));
  const sigmaWanted = o.labelNoise * teachers;
  const totalQueries = 2 * rho * sigmaWanted * sigmaWanted;
  const iterations = Math.min(o.iterations, Math.floor(totalQueries / o.queries));
  if (iterations < 1)
    throw new LookalikeError(
      `the privacy budget ε = ${epsilon} is too small for pate-gan with ${teachers} teachers and ${o.queries} queries per iteration: not one iteration fits`,
      [
        `at label noise ${o.labelNoise} (σ = ${sigmaWanted.toFixed(1)} votes) the budget left after preprocessing answers ${Math.floor(totalQueries)} queries`,
        'what to change: raise --epsilon, use fewer rows per teacher (more teachers), fewer queries per iteration, or a larger labelNoise',
      ],
      'privacy',
    );
  const rhoPerIteration = (rho / iterations) * (1 - 1e-9);
  const sigma = Math.sqrt(o.queries / (2 * rhoPerIteration));
  return { teachers, iterations, rhoPerIteration, sigma };
}

/** Factor on the generator's initial output weights (so the marginal biases dominate at the start; a priori). */
const OUTPUT_SCALE = 0.1;

async function fitPateGan(table: Table, schema: Schema, opts: FitOptions): Promise<Model> {
  const o = optionValues(pateGanInfo.options, opts) as unknown as PateGanOptions;
  const start = await startDpTraining(table, schema, opts, 'pate-gan', {
    preprocessing: o.preprocessing,
    numeric: 'quantile',
  });
  const { transform, ledger } = start;
  const rng = new Rng(opts.seed ?? 0);
  const W = transform.width;
  const data = transform.encode(start.table, rng.fork());
  const n = start.table.nRows;
  const plan = planPate(o, start.rowsHat, ledger.rhoRemaining, ledger.budget.epsilon);
  const k = plan.teachers;
  // partitions: each row to a teacher, independently and uniformly (SecureRng)
  const owner = assignTeachers(n, k, start.secureRng);
  const sizes = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) sizes[owner[i] + 1]++;
  for (let t = 0; t < k; t++) sizes[t + 1] += sizes[t];
  const rowsOf = new Int32Array(n);
  const fill = sizes.slice(0, k);
  for (let i = 0; i < n; i++) rowsOf[fill[owner[i]]++] = i;
  // nearest-neighbour teachers: the rows grouped by teacher (teacher t's are rows sizes[t] .. sizes[t+1] − 1)
  const byTeacher = new Float32Array(n * W);
  const rowNorm = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const x = data.subarray(rowsOf[r] * W, rowsOf[r] * W + W);
    byTeacher.set(x, r * W);
    let s = 0;
    for (let j = 0; j < W; j++) s += x[j] * x[j];
    rowNorm[r] = s;
  }
  const arch: Arch = { width: W, embeddingDim: o.embeddingDim, generator: o.generator };
  const gen = new Generator(arch, transform, rng.fork());
  // the generator starts at the noisy 1-way marginals (post-processing): output biases from them, the output
  // weights scaled down so the biases dominate until the student has taught it the columns' dependencies
  const logits = marginalLogits(transform, { marginals: normSub(start.marginals, start.rowsHat) });
  const out = gen.net.layers.at(-1) as Dense;
  out.b.value.set(logits);
  for (let j = 0; j < out.W.value.length; j++) out.W.value[j] *= OUTPUT_SCALE;
  out.b.touch();
  out.W.touch();
  const anchor = new MarginalAnchor(transform, logits);
  const studentLayers: Layer[] = [];
  let dim = W;
  o.student.forEach((w, i) => {
    studentLayers.push(new Dense(dim, w, rng, `student.${i}`), new Activation('leaky-relu', 0.2));
    dim = w;
  });
  studentLayers.push(new Dense(dim, 1, rng, 'student.out'));
  const student = new Sequential(studentLayers);
  const gAdam = new Adam(gen.net.params, { lr: o.lr, beta1: 0.5, beta2: 0.9 });
  const sAdam = new Adam(student.params, { lr: o.lr, beta1: 0.5, beta2: 0.9 });
  const gemm = await trainingGemm(1);
  const trainRng = rng.fork();
  const ctx: Ctx = { gemm, training: true, rng: trainRng };
  const B = o.batchSize;
  const Q = o.queries;
  const C = o.calibration;
  const M = C + Q;
  const z = new Float32Array(Math.max(B, M) * o.embeddingDim);
  // each iteration's generated rows: C calibration rows, then the Q queries; their products with every row
  const stack = new Float32Array(M * W);
  const dots = new Float32Array(M * n);
  const dist = new Float64Array(M * k);
  const threshold = new Float64Array(k);
  const calibration = new Float64Array(C);
  const ones = new Float64Array(Q);
  // the labelled generated rows kept for the student (a ring buffer)
  const keep = Math.max(B, 64 * Q);
  const bufX = new Float32Array(keep * W);
  const bufY = new Float32Array(keep);
  let kept = 0;
  let next = 0;
  const sx = new Float32Array(B * W);
  const sy = new Float32Array(B);
  const dS = mat(B, 1);
  let labelSum = 0;
  let labelCount = 0;
  try {
    for (let it = 0; it < plan.iterations; it++) {
      // 1. the teachers: teacher t's distance from a generated row x is min over its own rows r of ‖x − r‖² (one
      // GEMM of the generated rows against all rows, grouped by teacher); its threshold is the median of its
      // distances to the C calibration rows; it votes "real" for a query closer than that. Teacher t reads its own
      // rows and the generated (public) rows only.
      const g = gen.generate(M, { ...ctx, training: false }, trainRng, z);
      stack.set(g.data.subarray(0, M * W));
      gemm.matmul(M, n, W, stack, false, byTeacher, true, dots, false);
      for (let i = 0; i < M; i++) {
        let xx = 0;
        for (let j = 0; j < W; j++) xx += stack[i * W + j] ** 2;
        const d = dots.subarray(i * n, i * n + n);
        for (let t = 0; t < k; t++) {
          let best = Infinity;
          for (let r = sizes[t]; r < sizes[t + 1]; r++) {
            const v = rowNorm[r] - 2 * d[r];
            if (v < best) best = v;
          }
          dist[i * k + t] = xx + best; // +∞ for a teacher without rows: it never votes "real"
        }
      }
      for (let t = 0; t < k; t++) {
        for (let c = 0; c < C; c++) calibration[c] = dist[c * k + t];
        calibration.sort();
        threshold[t] = (calibration[(C - 1) >> 1] + calibration[C >> 1]) / 2;
      }
      ones.fill(0);
      for (let q = 0; q < Q; q++)
        for (let t = 0; t < k; t++) if (dist[(C + q) * k + t] < threshold[t]) ones[q]++;
      // 2. the Q counts of "real" votes, with discrete Gaussian noise (charged) → soft labels
      const noisy = pateBinaryCounts(
        ones,
        k,
        { rho: plan.rhoPerIteration },
        ledger,
        { query: 'pate-gan teacher votes', columns: start.specs.map((s) => s.name) },
        start.secureRng,
      );
      for (let q = 0; q < Q; q++) {
        bufX.set(stack.subarray((C + q) * W, (C + q + 1) * W), next * W);
        bufY[next] = Math.min(1, Math.max(0, noisy[q] / k));
        labelSum += bufY[next];
        labelCount++;
        next = (next + 1) % keep;
        kept = Math.min(keep, kept + 1);
      }
      // 3. the student: binary cross-entropy on labelled generated rows (public)
      for (let s = 0; s < o.studentSteps; s++) {
        const m = Math.min(B, kept);
        for (let i = 0; i < m; i++) {
          const r = trainRng.int(kept);
          sx.set(bufX.subarray(r * W, r * W + W), i * W);
          sy[i] = bufY[r];
        }
        sAdam.zeroGrad();
        const y = student.forward(mat(m, W, sx), ctx);
        const d = mat(m, 1, dS.data);
        for (let i = 0; i < m; i++) d.data[i] = (sigmoid(y.data[i]) - sy[i]) / m;
        student.backward(d, ctx, { inputGrad: false });
        sAdam.step();
      }
      // 4. the generator against the student, −log σ(S(G(z))), with its batch marginals held to the noisy ones
      for (let s = 0; s < o.generatorSteps; s++) {
        gAdam.zeroGrad();
        const x = gen.generate(B, ctx, trainRng, z);
        const y = student.forward(x, ctx);
        for (let i = 0; i < B; i++) dS.data[i] = (sigmoid(y.data[i]) - 1) / B;
        const dx = student.backward(dS, ctx, { params: 'none' })!;
        anchor.gradient(x, dx, o.marginalWeight);
        const draw = gen.activation.backward(dx, ctx)!;
        gen.net.backward(draw, ctx, { inputGrad: false });
        gAdam.step();
      }
      if (!allFinite(gen.net.params) || !allFinite(student.params))
        throw new LookalikeError(
          `pate-gan: the weights became non-finite in iteration ${it + 1}; no model was made`,
          ['lower the learning rate (option lr)'],
          'input',
        );
      if ((it + 1) % 10 === 0 || it + 1 === plan.iterations) {
        // the mean noisy label (post-processing of the released counts) since the last report
        const mean = labelSum / labelCount;
        labelSum = 0;
        labelCount = 0;
        opts.onProgress?.({
          phase: 'pate-gan',
          done: it + 1,
          total: plan.iterations,
          message: `iteration ${it + 1} of ${plan.iterations} (${k} teachers, mean noisy label ${mean.toFixed(2)})`,
        });
      }
    }
    correctMarginals(gen, anchor, o.correction, gemm, trainRng);
  } finally {
    gemm.close();
  }
  const params: PateGanParams = {
    version: 1,
    arch,
    ids: start.ids,
    transform: transform.toJSON(),
    weights: writeWeights(gen.net.params),
    training: { iterations: plan.iterations, teachers: k, queries: Q, sigma: plan.sigma },
    dp: { rows: Math.max(1, Math.round(start.rowsHat)) },
  };
  return new PateGanModel(start.schema, params, gen, transform, ledger);
}

class PateGanModel implements Model {
  readonly synthesizer = 'pate-gan';
  readonly privacy: PrivacyGuarantee;
  private gemm: Gemm | null = null;

  constructor(
    readonly schema: Schema,
    private readonly params: PateGanParams,
    private readonly gen: Generator,
    private readonly transform: TableTransform,
    private readonly ledger: PrivacyLedger,
  ) {
    this.privacy = ledger.guarantee();
  }

  /** The noisy row count of the fit (never the training count). */
  get defaultRows(): number {
    return this.params.dp.rows;
  }

  sample(n: number, opts: SampleOptions = {}): Table {
    checkSampleSize(n);
    return sampleLearned(this.schema, this.params.ids, n, opts, (count, rng) => this.draw(count, rng));
  }

  private draw(n: number, rng: Rng): Column[] {
    const gemm = (this.gemm ??= createGemmSync());
    const ctx: Ctx = { gemm, training: false, rng };
    const W = this.gen.arch.width;
    const out = new Float32Array(n * W);
    const chunk = 1000;
    const z = new Float32Array(chunk * this.gen.arch.embeddingDim);
    for (let at = 0; at < n; at += chunk) {
      const B = Math.min(chunk, n - at);
      const y = this.gen.generate(B, ctx, rng, z);
      out.set(y.data.subarray(0, B * W), at * W);
    }
    return roundFloats(this.transform.decode(out, n, rng, 'argmax'), this.schema);
  }

  toJSON(): ModelFile {
    return modelEnvelope(this.synthesizer, this.schema, this.privacy, this.params, this.ledger.toJSON());
  }
}

function loadPateGan(file: ModelFile): Model {
  const p = new ProblemList();
  const raw = file.params;
  if (!isRecord(raw) || raw.version !== 1) {
    p.add('params must be a pate-gan model of version 1');
    p.throwIfAny('invalid pate-gan model:');
  }
  const pr = raw as Record<string, unknown>;
  const whole = (v: unknown, lo: number, hi: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  const a = pr.arch;
  if (
    !isRecord(a) ||
    !whole(a.width, 1, 1e6) ||
    !whole(a.embeddingDim, 1, 1024) ||
    !Array.isArray(a.generator) ||
    a.generator.length < 1 ||
    a.generator.length > 4 ||
    !a.generator.every((w) => whole(w, 1, 1024))
  )
    p.add('params.arch must hold width, embeddingDim and generator (whole numbers)');
  const t = readTransform(pr, file.schema, p);
  if (t && isRecord(a) && t.transform.width !== a.width)
    p.add(`params.arch.width is ${String(a.width)} but the transform encodes ${t.transform.width} values`);
  if (!isRecord(pr.training)) p.add('params.training must describe the plan');
  p.throwIfAny('invalid pate-gan model:');
  const ledger = readDpPart(file, pr, 'pate-gan');
  if (!ledger)
    throw new LookalikeError('invalid pate-gan model:', ['a pate-gan model must be differentially private']);
  const gen = new Generator(a as unknown as Arch, t!.transform, new Rng(0));
  for (const q of readWeights(pr.weights, gen.net.params, 'params.weights')) p.add(q);
  p.throwIfAny('invalid pate-gan model:');
  const params = { ...(pr as unknown as PateGanParams), ids: t!.ids };
  return new PateGanModel(file.schema, params, gen, t!.transform, ledger);
}

export const pateGan: Synthesizer = defineSynthesizer(pateGanInfo, {
  fit: (table, schema, opts) => fitPateGan(table, schema, opts),
  load: loadPateGan,
});
