import { LookalikeError } from '../../errors.js';
import { Adam, allFinite } from '../../nn/optim.js';
import { writeWeights } from '../../nn/serialize.js';
import { Rng } from '../../random/rng.js';
import { dpSgdFor, planDpSgd, startDpTraining, trainDpSgd } from '../dp-training/index.js';
import { cardinality, encodeColumn, publicTokenColumn } from './encode.js';
import { argnOptions, generationOrder, trainingGemm } from './setup.js';
import { ArgnModel } from './model.js';
import { ArgnNet, netShape } from './network.js';
/** Rows per float32 chunk of argn's DP-SGD clipped sum. */
export const ARGN_DP_CHUNK = 32;
/**
 * A column's token frequencies from its noisy 1-way marginal (post-processing of what `startDpTraining` paid for):
 * categories, booleans and exact integers by label; a binned column spreads its present mass evenly over its bins
 * (they are cut at DP quantiles); the missing token takes the marginal's missing share. A tiny floor keeps every
 * token possible.
 */
function tokenFrequencies(c, m) {
    const K = cardinality(c);
    const f = new Float64Array(K);
    const valueCodes = m.missing ? m.counts.length - 1 : m.counts.length;
    let present = 0;
    for (let k = 0; k < valueCodes; k++)
        present += m.counts[k];
    const missing = m.missing ? m.counts[valueCodes] : 0;
    const base = c.missing ? K - 1 : K;
    if (c.encoding === 'binned' || present <= 0)
        f.fill(present > 0 || !missing ? 1 / base : 0, 0, base);
    else
        for (let k = 0; k < valueCodes; k++) {
            const label = m.labels[k];
            const t = c.encoding === 'category'
                ? c.kind === 'boolean'
                    ? label === 'true'
                        ? 1
                        : 0
                    : c.categories.indexOf(label)
                : c.values.indexOf(Number(label));
            if (t >= 0 && t < base)
                f[t] += m.counts[k] / present;
        }
    const total = present + missing;
    const share = total > 0 ? missing / total : 0;
    for (let k = 0; k < base; k++)
        f[k] *= 1 - (c.missing ? share : 0);
    if (c.missing)
        f[K - 1] = share;
    for (let k = 0; k < K; k++)
        f[k] = Math.max(f[k], 1e-4);
    return f;
}
/**
 * `argn` with a privacy budget: (ε, δ)-DP under add/remove-one-row neighbours, by DP-SGD (Abadi et al. 2016).
 *
 * 1. **Preprocessing is public or paid for** (`startDpTraining`, synthesizers/dp-training): the budget → ledger,
 *    domains declared public or released with `dpDomains` (a column with neither is refused, by name), and the
 *    noisy 1-way marginal of every column (a `preprocessing` share of the budget) from which, by post-processing,
 *    the row count N̂ and each binned numeric column's quantile knots. The tokenisation reads no row: categories from
 *    the domains, an integer column whose domain spans ≤ `maxDiscrete` values is discrete over it, other numeric or
 *    datetime columns are cut at ≤ `bins` of the DP knots within the domain's bounds, and the missing token exists
 *    unless a column is declared not nullable. Output biases are started at the noisy marginals' frequencies (post-processing).
 * 2. **Training** reads rows only through `DpSgd` (nn/dp-sgd.ts): Poisson batches at rate q = batchSize/N̂ from the
 *    SecureRng, per-example gradients of all weights (embeddings and heads) clipped jointly to `clipNorm` with ghost
 *    norms, lattice Gaussian noise, for exactly ⌈epochs/q⌉ steps — a fixed count: no validation split, no early
 *    stopping. The column order of each step is a permutation from the seeded Rng (independent of the data, shared
 *    by every row of the step). No dropout: its masks are drawn by position in the batch, so an added row would shift
 *    every later row's mask.
 * 3. **The ledger** holds the marginals (zCDP) and one "subsampled-gaussian" entry (noise multiplier, q, steps,
 *    clipping norm, sensitivity with the float slack, batch-cap δ), composed by the ledger's accountant; the noise
 *    multiplier is the smallest that fits what the marginals left (`planDpSgd`).
 * 4. **The model's default row count** (`Model.defaultRows`, what `run` and `sweep` draw) is N̂, never N.
 *
 * Sampling reads the model only: post-processing, no budget.
 */
export async function fitArgnDp(table, schema, fo) {
    const o = argnOptions(fo);
    if (o.dropout > 0)
        throw new LookalikeError(`argn with --epsilon trains without dropout: option dropout must be 0 (got ${o.dropout})`, [
            "dropout masks are drawn by a row's position in the batch, so an added row would change every later row's mask and the one-row sensitivity of DP-SGD would not hold",
        ], 'usage');
    const start = await startDpTraining(table, schema, fo, 'argn', {
        preprocessing: o.preprocessing,
        numeric: 'quantile',
    });
    const sizes = { bins: o.bins, maxDiscrete: o.maxDiscrete };
    const columns = start.specs.map((spec, j) => {
        const t = start.transform.columns[j];
        if (t.encoding === 'quantile')
            return publicTokenColumn(spec, [t.min, t.max], t.knots, t.missing, sizes);
        if (t.encoding === 'one-hot')
            return publicTokenColumn(spec, null, null, t.missing, sizes);
        throw new LookalikeError(`internal: argn expected quantile knots for column "${spec.name}"`, [], 'internal');
    });
    const names = columns.map((c) => c.name);
    const tokens = columns.map((c) => encodeColumn(c, start.table.column(c.name)));
    const order = generationOrder(names, o.order);
    const fixedPos = Int32Array.from(names, (nm) => order.indexOf(nm));
    const rng = new Rng(fo.seed ?? 0);
    const shape = netShape(columns.map(cardinality), o.modelSize);
    const net = new ArgnNet(shape, rng.fork(), o.dropout);
    net.initBias(columns.map((c, j) => tokenFrequencies(c, start.marginals[j])));
    const coordinates = net.params.reduce((s, q) => s + q.size, 0);
    const plan = planDpSgd(start, { batchSize: o.batchSize, epochs: o.epochs, coordinates });
    // chunks of 32 rows: argn's large Poisson batches (≈ 4,200 rows at most) would put 4 % of float slack into the
    // sensitivity with the default 64 (nn/dp-sgd.ts), 2 % with 32
    const dp = dpSgdFor(net.modules, plan, o.clipNorm, ARGN_DP_CHUNK);
    const n = start.table.nRows;
    const adam = new Adam(dp.params, { lr: o.lr });
    const gemm = await trainingGemm(o.threads);
    try {
        const ctx = { gemm, training: true, rng: rng.fork() };
        const orderRng = rng.fork();
        const p = names.length;
        let pos = fixedPos;
        const run = (chunk, c) => {
            net.run(tokens, chunk, pos, c, 'per-example', 1);
        };
        trainDpSgd(start, plan, dp, { synthesizer: 'argn', epochs: o.epochs, onProgress: fo.onProgress }, (_t, epoch) => {
            if (o.flexible)
                pos = orderRng.permutation(p);
            dp.step(n, run, ctx, start.secureRng);
            adam.step();
            if (!allFinite(dp.params))
                throw new LookalikeError(`argn: the weights became non-finite in epoch ${epoch} of DP training; no model was written`, ['lower the learning rate (option lr)'], 'input');
        });
    }
    finally {
        gemm.close();
    }
    const params = {
        version: 1,
        ids: start.ids,
        columns,
        shape,
        flexible: o.flexible,
        order,
        temperature: o.temperature,
        topP: o.topP,
        training: { epochs: o.epochs, bestEpoch: o.epochs, dp: true },
        rows: start.rowsHat,
        weights: writeWeights(net.params),
    };
    return new ArgnModel(start.schema, params, net, start.ledger);
}
//# sourceMappingURL=dp.js.map