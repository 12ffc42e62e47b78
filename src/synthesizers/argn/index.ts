import { LookalikeError } from '../../errors.js';
import { Adam } from '../../nn/optim.js';
import { writeWeights } from '../../nn/serialize.js';
import type { Ctx } from '../../nn/tensor.js';
import { Rng } from '../../random/rng.js';
import type { Schema } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import { checkFitInput, idStyles, modelledSpecs } from '../common.js';
import { defineSynthesizer } from '../registry.js';
import type { FitOptions, Model, Synthesizer } from '../types.js';
import { cardinality, encodeColumn, fitTokenColumn } from './encode.js';
import { fitArgnDp } from './dp.js';
import { argnInfo } from './info.js';
import { ArgnModel, loadArgn, type ArgnParams } from './model.js';
import { ArgnNet, netShape } from './network.js';
import { argnOptions, generationOrder, tokenSizes, trainingGemm, type ArgnOptions } from './setup.js';

/**
 * `argn`: an autoregressive generator in the style of MOSTLY AI's TabularARGN (Tiwald et al. 2025, "TabularARGN:
 * A Flexible and Efficient Auto-Regressive Framework for Generating High-Fidelity Synthetic Data"; the
 * `mostlyai-engine` package). Each modelled column is tokenised (encode.ts: categories; numeric values kept as
 * tokens when few, else quantile bins with spikes of their own), embedded, and predicted by a small head from the
 * embeddings of the columns before it (network.ts). Training draws a random column order per batch (`flexible`,
 * the default), so one network models every order; sampling draws one column at a time in the model's order
 * (temperature, nucleus `topP`), a bin's value uniformly within it.
 *
 * Training: Adam on the summed cross-entropy of all heads, batches of `batchSize` shuffled rows, early stopping on a
 * seeded validation split (`validation`, `patience`; the learning rate halves after 2 epochs without improvement,
 * the best epoch's weights are kept). A NaN or infinite loss stops the fit with an error naming the epoch.
 *
 * Conditional sampling is native: the conditioned columns are generated first, fixed to their tokens (a set of
 * allowed values: drawn among their tokens by the model's probabilities), and the other columns follow from the
 * network given them — exact for categories, booleans and discrete numerics; for a binned numeric the network
 * conditions on the value's bin and the value is written exactly. By default the open columns follow in a random
 * order per chunk of rows (`conditionalOrder`) and one Gibbs sweep follows (`conditionalSweeps`): each open column
 * redrawn from its head given all the other columns. Trained on random orders, every order is a joint of its own and
 * they disagree where data are thin: drawn in one fixed order, the columns right after a rare value come from heads
 * that saw few columns, which learn its effect least. Random orders average the orders; the sweep redraws each
 * column with the full context. It is a correction, not a converging sampler: the full-context heads are not the
 * conditionals of one joint, so more sweeps form a pseudo-Gibbs chain whose stationary law drifts from the data
 * (unconditionally too), and a sweep cannot move columns that are functions of each other. Measured on Adult in
 * docs/nn.md and docs/constraints.md. The sample is then no longer the conditional of the unconditional sampler's
 * joint; `conditionalSweeps: 0, conditionalOrder: "model"` (files written before these options) gives that back.
 * A model trained with `flexible: false` conditions natively only on a prefix of its order, else by rejection
 * (`sampleByRejection`).
 *
 * Guarantee: without ε NOT differentially private (the model file holds values of the training rows). With ε,
 * (ε, δ)-DP by DP-SGD: see dp.ts.
 *
 * Runtime: O(epochs · n · Σ_j (D·H_j + H_j·K_j)) for D the summed embedding width, H_j and K_j the head and token
 * counts of column j; sampling O(n · the same) without the backward pass.
 */

/** The most rows ever needed: a fit refuses fewer. */
export const ARGN_MIN_ROWS = 10;

async function fitArgn(table: Table, schema: Schema, fo: FitOptions): Promise<Model> {
  if (fo.epsilon !== undefined) {
    // sweeps and orders are sampling (post-processing): the DP fit's model takes the options as they are
    const m = (await fitArgnDp(table, schema, fo)) as ArgnModel;
    return m.withConditional(conditionalParams(argnOptions(fo)));
  }
  checkFitInput(table, schema, 'argn');
  const o = argnOptions(fo);
  const specs = modelledSpecs(schema);
  if (specs.length === 0)
    throw new LookalikeError('argn: the schema has no column to model (only id/text columns)', [], 'usage');
  if (table.nRows < ARGN_MIN_ROWS)
    throw new LookalikeError(
      `argn cannot fit this table: it has ${table.nRows} rows; at least ${ARGN_MIN_ROWS} are needed`,
      [],
      'input',
    );
  const columns = specs.map((s) => fitTokenColumn(s, table.column(s.name), tokenSizes(o, fo, table.nRows)));
  const tokens = columns.map((c) => encodeColumn(c, table.column(c.name)));
  const names = specs.map((s) => s.name);
  const order = generationOrder(names, o.order);
  const rng = new Rng(fo.seed ?? 0);
  const n = table.nRows;
  // the validation split (seeded); at least one row on each side
  const perm = rng.fork().permutation(n);
  const nVal = o.validation > 0 ? Math.min(n - 1, Math.max(1, Math.round(n * o.validation))) : 0;
  const val = perm.slice(0, nVal).sort();
  const train = perm.slice(nVal).sort();
  const shape = netShape(columns.map(cardinality), o.modelSize);
  const net = new ArgnNet(shape, rng.fork(), o.dropout);
  net.initBias(
    columns.map((c, j) => {
      const f = new Float64Array(shape.cards[j]);
      for (const r of train) f[tokens[j][r]]++;
      for (let k = 0; k < f.length; k++) f[k] /= train.length;
      return f;
    }),
  );
  const fixedPos = Int32Array.from(names, (nm) => order.indexOf(nm));
  const gemm = await trainingGemm(o.threads);
  let bestEpoch = 0;
  let epochs = 0;
  try {
    const ctx: Ctx = { gemm, training: true, rng: rng.fork() };
    const evalCtx: Ctx = { gemm, training: false, rng: rng.fork() };
    const orderRng = rng.fork();
    const shuffleRng = rng.fork();
    const adam = new Adam(net.params, { lr: o.lr });
    const valSeed = rng.u32();
    let best = Infinity;
    let bad = 0;
    let snapshot: Float32Array[] | null = null;
    const p = names.length;
    for (let epoch = 1; epoch <= o.epochs; epoch++) {
      epochs = epoch;
      const idx = shuffleRng.shuffle(Int32Array.from(train));
      let sum = 0;
      for (let s = 0; s < idx.length; s += o.batchSize) {
        const rows = idx.subarray(s, Math.min(idx.length, s + o.batchSize));
        const pos = o.flexible ? orderRng.permutation(p) : fixedPos;
        adam.zeroGrad();
        const loss = net.run(tokens, rows, pos, ctx, 'sum', 1 / rows.length);
        if (!Number.isFinite(loss))
          throw new LookalikeError(
            `argn: the training loss became ${loss} in epoch ${epoch}; no model was written`,
            ['lower the learning rate (option lr) or the batch size'],
            'input',
          );
        sum += loss;
        adam.step();
      }
      const trainLoss = sum / idx.length;
      let valLoss = NaN;
      if (nVal > 0) {
        // the same orders every epoch, so the losses compare
        const vr = new Rng(valSeed);
        let vs = 0;
        for (let s = 0; s < nVal; s += 1024) {
          const rows = val.subarray(s, Math.min(nVal, s + 1024));
          vs += net.run(tokens, rows, o.flexible ? vr.permutation(p) : fixedPos, evalCtx, null);
        }
        valLoss = vs / nVal;
        if (valLoss < best - 1e-6) {
          best = valLoss;
          bestEpoch = epoch;
          bad = 0;
          snapshot = net.params.map((q) => Float32Array.from(q.value));
        } else {
          bad++;
          if (bad % 2 === 0) adam.lr = Math.max(adam.lr / 2, o.lr / 16);
        }
      } else bestEpoch = epoch;
      fo.onProgress?.({
        phase: 'argn',
        done: epoch,
        total: o.epochs,
        message: `epoch ${epoch}: loss ${trainLoss.toFixed(4)}${nVal ? `, validation ${valLoss.toFixed(4)}` : ''}`,
      });
      if (nVal > 0 && bad >= o.patience) break;
    }
    if (snapshot)
      net.params.forEach((q, i) => {
        q.value.set(snapshot![i]);
        q.touch();
      });
  } finally {
    gemm.close();
  }
  const params: ArgnParams = {
    version: 1,
    ids: idStyles(table, schema),
    columns,
    shape,
    flexible: o.flexible,
    order,
    temperature: o.temperature,
    topP: o.topP,
    ...conditionalParams(o),
    training: { epochs, bestEpoch, dp: false },
    weights: writeWeights(net.params),
  };
  return new ArgnModel(schema, params, net, null);
}

/** The conditional-sampling settings a model file holds (absent: none, and the model's order — older files). */
function conditionalParams(o: ArgnOptions): Pick<ArgnParams, 'conditionalSweeps' | 'conditionalOrder'> {
  return {
    ...(o.conditionalSweeps ? { conditionalSweeps: o.conditionalSweeps } : {}),
    ...(o.conditionalOrder === 'random' ? { conditionalOrder: 'random' as const } : {}),
  };
}

export const argn: Synthesizer = defineSynthesizer(argnInfo, {
  fit: (table, schema, opts = {}) => fitArgn(table, schema, opts),
  load: loadArgn,
});
