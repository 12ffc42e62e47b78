// How fast ctgan learns a dependence between two numeric columns (issue 11: ctgan's R² ratio of 0.19 on
// california_housing, where its 1-way marginals are close but median_income and median_house_value come out
// independent). Data: n = 5000 rows of (x, y), x ~ N(0, 1), y = 0.8·x + 0.6·N(0, 1) (correlation 0.8), seed 1.
//
//   npm run build
//   nice -n 10 node bench/ctgan-joint.mjs gan [--epochs 30] [--options '{"lr":0.001}']
//       fit ctgan (1 thread, no validation split, seed 3), sample 5000 rows (seed 1), print corr(x, y) of the sample
//   nice -n 10 node bench/ctgan-joint.mjs critic [--steps 2000] [--lr 0.0002] [--shift]
//       no generator: ctgan's critic (pac 10, 256-256, LeakyReLU 0.2, Dropout 0.5, WGAN-GP λ = 10, Adam β = (0.5,
//       0.9)) trained on encoded real rows against the same rows with y taken from another row (the independent
//       joint with the same marginals); prints the mean score of real minus shuffled packs every 250 steps.
//       --shift instead moves x's α (0.5·α + 0.5) in the "fake" rows: a 1-way difference, for comparison.
//
// Prints; writes nothing but a temporary CSV. Results: bench/RESULTS-learned-tables.md (notes).
import './help.mjs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const imp = (p) => import(pathToFileURL(join(DIST, p)).href);
const L = await imp('index.js');
const nn = await imp('nn/index.js');
const { gradientPenalty, packRows } = await imp('nn/gradient-penalty.js');
const { prepareTraining } = await imp('synthesizers/learned/index.js');

const argv = process.argv.slice(2);
const mode = argv[0];
const opt = (k, d) => {
  const i = argv.indexOf(`--${k}`);
  return i < 0 ? d : argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : true;
};

const n = 5000;
const rng = new L.Rng(1);
const x = [];
const y = [];
for (let i = 0; i < n; i++) {
  const a = nn.gaussian(rng);
  x.push(a);
  y.push(0.8 * a + 0.6 * nn.gaussian(rng));
}
const file = join(mkdtempSync(join(tmpdir(), 'ctgan-joint-')), 'xy.csv');
writeFileSync(file, 'x,y\n' + x.map((v, i) => `${v},${y[i]}`).join('\n') + '\n');
const { table, schema } = await L.readTable(file);

function corr(a, b) {
  const ma = a.reduce((p, q) => p + q, 0) / a.length;
  const mb = b.reduce((p, q) => p + q, 0) / b.length;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

if (mode === 'gan') {
  const epochs = Number(opt('epochs', 30));
  const options = { epochs, threads: 1, validation: 0, ...JSON.parse(opt('options', '{}')) };
  const model = await L.getSynthesizer('ctgan').fit(table, schema, { seed: 3, options });
  const s = model.sample(n, { seed: 1 });
  const sx = Array.from(s.column('x').values);
  const sy = Array.from(s.column('y').values);
  console.log(
    JSON.stringify({
      epochs,
      options,
      real_corr: +corr(x, y).toFixed(3),
      synth_corr: +corr(sx, sy).toFixed(3),
    }),
  );
} else if (mode === 'critic') {
  const steps = Number(opt('steps', 2000));
  const lr = Number(opt('lr', 0.0002));
  const shift = opt('shift', false) === true;
  const prep = prepareTraining('ctgan', table, schema, new L.Rng(3), 0);
  const { transform, data, train } = prep;
  const W = transform.width;
  const ySpan = transform.spans.find((s) => s.column === 1);
  const pac = 10;
  const B = 500;
  const G = B / pac;
  const r = new L.Rng(5);
  const layers = [];
  let dim = pac * W;
  for (const w of [256, 256]) {
    layers.push(new nn.Dense(dim, w, r), new nn.Activation('leaky-relu', 0.2), new nn.Dropout(0.5));
    dim = w;
  }
  layers.push(new nn.Dense(dim, 1, r));
  const D = new nn.Sequential(layers);
  const adam = new nn.Adam(D.params, { lr, beta1: 0.5, beta2: 0.9, weightDecay: 1e-6 });
  const gemm = nn.createGemmSync();
  const ctx = { gemm, training: true, rng: r };
  const both = new Float32Array(2 * B * W);
  const interp = new Float32Array(B * W);
  const dy = nn.mat(2 * G, 1);
  dy.data.fill(1 / G, 0, G);
  dy.data.fill(-1 / G, G, 2 * G);
  let sep = 0;
  for (let s = 1; s <= steps; s++) {
    // rows [0, B): "fake" — y's spans from another row (or x's α shifted); rows [B, 2B): real
    for (let i = 0; i < B; i++) {
      const a = train[r.int(train.length)];
      const b = train[r.int(train.length)];
      for (let j = 0; j < W; j++) {
        both[i * W + j] = data[(!shift && j >= ySpan.start ? b : a) * W + j];
        both[(B + i) * W + j] = data[a * W + j];
      }
      if (shift) both[i * W] = 0.5 * both[i * W] + 0.5;
    }
    adam.zeroGrad();
    const out = D.forward(packRows(nn.mat(2 * B, W, both), pac), ctx);
    let f = 0;
    let t = 0;
    for (let g = 0; g < G; g++) {
      f += out.data[g] / G;
      t += out.data[G + g] / G;
    }
    sep = 0.9 * sep + 0.1 * (t - f);
    D.backward(dy, ctx, { inputGrad: false });
    for (let g = 0; g < G; g++) {
      const a = r.float32();
      for (let k = g * pac * W; k < (g + 1) * pac * W; k++)
        interp[k] = a * both[B * W + k] + (1 - a) * both[k];
    }
    gradientPenalty(D, packRows(nn.mat(B, W, interp), pac), 10, ctx);
    adam.step();
    if (s % 250 === 0) console.log(JSON.stringify({ step: s, lr, shift, real_minus_fake: +sep.toFixed(4) }));
  }
} else {
  console.log('usage: node bench/ctgan-joint.mjs gan|critic [options] (see the head of this file)');
}
