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
import { marginalLogits, startDpTraining } from '../dp-training/index.js';
import { readDpPart, readTransform, roundFloats, sampleLearned, trainingGemm } from '../learned/index.js';
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
 *    the noisy 1-way marginals (`preprocessing` share) give N̂ and the numeric columns' modes; the rows are encoded
 *    by the transform (mode-specific normalisation, one-hot categories).
 * 2. **Teachers**: k = round(N̂ / `rowsPerTeacher`) logistic-regression discriminators; each row is assigned to one
 *    teacher independently and uniformly from the SecureRng (`assignTeachers`), so adding or removing a row changes
 *    one teacher's training set and nothing else. Each teacher takes plain gradient steps on its own rows (label 1)
 *    against the generated rows of the iteration (label 0, public); it draws no coins, so nothing it does depends on
 *    another teacher's rows.
 * 3. **Noisy aggregation, data-independent accounting**: each iteration the generator makes `queries` rows; every
 *    teacher votes (its logit > 0: "real"); the vote counts get discrete Gaussian noise (`pateBinaryCounts`: L2
 *    sensitivity √Q for Q queries — one row changes one teacher's vote on each query by at most 1 — cost Q/(2σ²)
 *    zCDP, whatever the teachers' agreement). The noisy count / k is the query's soft label (post-processing).
 *    The plan: σ = `labelNoise` · k, total queries 2ρσ² from the ρ the marginals left, iterations = that / `queries`
 *    (at most `iterations`; a larger budget then lowers σ instead), each iteration charged ρ/iterations.
 * 4. **Student and generator** see no row: the student discriminator (an MLP) is trained on the labelled generated
 *    rows kept so far (binary cross-entropy on the soft labels), the generator (an MLP with tanh / Gumbel-softmax
 *    outputs per span, as CTGAN's) against the student (−log σ(S(G(z)))). Post-processing.
 *
 * Sampling: z ~ N(0, I) → generator → the transforms' inverse (modes and categories by argmax); conditions by
 * rejection. Runtime per iteration: O(k·(rows per teacher + batch)·width) for the teachers plus the networks'.
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
  teacherLr: number;
  preprocessing: number;
}

/** The generator: an MLP from z to the encoded width, then the per-span output activation. */
class Generator {
  readonly net: Sequential;
  readonly activation: SpanActivation;
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
  }

  /** B activated rows (B × width, the activation's buffer) from fresh noise. */
  generate(B: number, ctx: Ctx, rng: Rng, z: Float32Array): Mat {
    const E = this.arch.embeddingDim;
    fillGaussian(z, rng, B * E);
    const raw = this.net.forward(mat(B, E, z), ctx);
    return this.activation.forward(raw, ctx);
  }
}

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
  const start = await startDpTraining(table, schema, opts, 'pate-gan', { preprocessing: o.preprocessing });
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
  // teachers: logistic regressions, weights k × W and biases k
  const tw = new Float32Array(k * W);
  const tb = new Float32Array(k);
  const arch: Arch = { width: W, embeddingDim: o.embeddingDim, generator: o.generator };
  const gen = new Generator(arch, transform, rng.fork());
  // the generator starts at the noisy 1-way marginals (post-processing): output biases from them, the output
  // weights scaled down so the biases dominate until the student has taught it the columns' dependencies
  const out = gen.net.layers.at(-1) as Dense;
  out.b.value.set(marginalLogits(transform, start));
  for (let j = 0; j < out.W.value.length; j++) out.W.value[j] *= OUTPUT_SCALE;
  out.b.touch();
  out.W.touch();
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
  const z = new Float32Array(Math.max(B, Q) * o.embeddingDim);
  const fake = new Float32Array(B * W);
  // teachers × generated rows: scores (then loss gradients), their weight gradients, and the votes
  const scores = new Float32Array(B * k);
  const fakeGrad = new Float32Array(k * W);
  const votes = new Float32Array(o.queries * k);
  // the labelled generated rows kept for the student (a ring buffer)
  const keep = Math.max(B, 64 * Q);
  const bufX = new Float32Array(keep * W);
  const bufY = new Float32Array(keep);
  let kept = 0;
  let next = 0;
  const sx = new Float32Array(B * W);
  const sy = new Float32Array(B);
  const dS = mat(B, 1);
  const ones = new Float64Array(Q);
  try {
    for (let it = 0; it < plan.iterations; it++) {
      // 1. teachers: one gradient step each on its own rows (label 1) against this iteration's generated rows (0).
      // The generated rows are public, so every teacher's scores and gradient on them are two GEMMs over all the
      // teachers at once (output (i, t) reads teacher t's weights only: no teacher's result depends on another's).
      const f = gen.generate(B, ctx, trainRng, z);
      fake.set(f.data.subarray(0, B * W));
      gemm.matmul(B, k, W, fake, false, tw, true, scores, false);
      for (let i = 0; i < B; i++)
        for (let t = 0; t < k; t++) scores[i * k + t] = sigmoid(scores[i * k + t] + tb[t]) / B;
      gemm.matmul(k, W, B, scores, true, fake, false, fakeGrad, false);
      for (let t = 0; t < k; t++) {
        const w = tw.subarray(t * W, t * W + W);
        const grad = fakeGrad.subarray(t * W, t * W + W);
        let gb = 0;
        for (let i = 0; i < B; i++) gb += scores[i * k + t];
        // the teacher's own rows (label 1): only its partition is read
        const from = sizes[t];
        const to = sizes[t + 1];
        const m = to - from;
        if (m > 0) {
          for (let r = from; r < to; r++) {
            const x = data.subarray(rowsOf[r] * W, rowsOf[r] * W + W);
            let s = tb[t];
            for (let j = 0; j < W; j++) s += w[j] * x[j];
            const g = (sigmoid(s) - 1) / m;
            gb += g;
            for (let j = 0; j < W; j++) grad[j] += g * x[j];
          }
        }
        for (let j = 0; j < W; j++) w[j] -= o.teacherLr * grad[j];
        tb[t] -= o.teacherLr * gb;
      }
      // 2. the teachers label Q generated rows: votes, then noisy counts (charged) → soft labels
      const qx = gen.generate(Q, { ...ctx, training: false }, trainRng, z);
      gemm.matmul(Q, k, W, qx.data, false, tw, true, votes, false);
      ones.fill(0);
      for (let q = 0; q < Q; q++) for (let t = 0; t < k; t++) if (votes[q * k + t] + tb[t] > 0) ones[q]++;
      const noisy = pateBinaryCounts(
        ones,
        k,
        { rho: plan.rhoPerIteration },
        ledger,
        { query: 'pate-gan teacher votes', columns: start.specs.map((s) => s.name) },
        start.secureRng,
      );
      for (let q = 0; q < Q; q++) {
        bufX.set(qx.data.subarray(q * W, q * W + W), next * W);
        bufY[next] = Math.min(1, Math.max(0, noisy[q] / k));
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
        const out = student.forward(mat(m, W, sx), ctx);
        const d = mat(m, 1, dS.data);
        for (let i = 0; i < m; i++) d.data[i] = (sigmoid(out.data[i]) - sy[i]) / m;
        student.backward(d, ctx, { inputGrad: false });
        sAdam.step();
      }
      // 4. the generator against the student: −log σ(S(G(z)))
      for (let s = 0; s < o.generatorSteps; s++) {
        gAdam.zeroGrad();
        const g = gen.generate(B, ctx, trainRng, z);
        const out = student.forward(g, ctx);
        for (let i = 0; i < B; i++) dS.data[i] = (sigmoid(out.data[i]) - 1) / B;
        const dx = student.backward(dS, ctx, { params: 'none' })!;
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
      if ((it + 1) % 10 === 0 || it + 1 === plan.iterations)
        opts.onProgress?.({
          phase: 'pate-gan',
          done: it + 1,
          total: plan.iterations,
          message: `iteration ${it + 1} of ${plan.iterations} (${k} teachers)`,
        });
    }
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
