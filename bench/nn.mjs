// Benchmark of the nn engine (src/nn): GEMM throughput and one training epoch of the MLP of issue 11 —
// 128→256→256→128 with ReLU, squared error, Adam, batch 500, 32,768 rows per epoch (about SDV TVAE's compute on
// Adult) — on 1 and 2 threads. Writes bench/RESULTS-nn.md.
//
//   npm run build && node bench/nn.mjs [--epochs 5] [--reps 30]
//
// Timings are wall-clock medians and minima (on a shared machine the minimum is the figure least stretched by other
// processes); CPU seconds of the whole process (all threads) per epoch; the load average next to them.
import './help.mjs';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
const nn = await import(join(dist, 'nn', 'index.js'));
const { useNodeThreads } = await import(join(dist, 'io', 'nn-threads.js'));
const { Rng } = await import(join(dist, 'random', 'rng.js'));
useNodeThreads();

const argv = process.argv.slice(2);
const opt = (name, d) => (argv.includes(`--${name}`) ? Number(argv[argv.indexOf(`--${name}`) + 1]) : d);
const EPOCHS = opt('epochs', 5);
const REPS = opt('reps', 30);
const load = () => loadavg()[0].toFixed(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function randomArray(n, rng) {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = 2 * rng.float() - 1;
  return a;
}

async function gemmBench(threads, backend = 'auto') {
  const g = await nn.createGemm({ threads, backend });
  const rng = new Rng(1);
  const shapes = [
    ['forward 500×256 · 256×256', 500, 256, 256, false, false],
    ['input grad 500×256 · (256×256)ᵀ', 500, 256, 256, false, true],
    ['weight grad (500×256)ᵀ · 500×256', 256, 256, 500, true, false],
    ['wide: 50×1500 · 1500×256 (CTGAN critic, pac 10)', 50, 256, 1500, false, false],
  ];
  const out = [];
  for (const [label, m, n, k, tA, tB] of shapes) {
    if (backend === 'js' && m * n * k > 4e7) continue;
    const a = randomArray(m * k, rng);
    const b = randomArray(k * n, rng);
    const c = new Float32Array(m * n);
    const reps = backend === 'js' ? 3 : REPS;
    for (let r = 0; r < 3; r++) g.matmul(m, n, k, a, tA, b, tB, c, false);
    const times = [];
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      g.matmul(m, n, k, a, tA, b, tB, c, false);
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    const min = Math.min(...times);
    out.push({ label, ms, min, gflops: (2 * m * n * k) / min / 1e6 });
  }
  g.close();
  return out;
}

async function epochBench(threads) {
  const gemm = await nn.createGemm({ threads });
  const rng = new Rng(7);
  const net = new nn.Sequential([
    new nn.Dense(128, 256, rng, 'l1'),
    new nn.Activation('relu'),
    new nn.Dense(256, 256, rng, 'l2'),
    new nn.Activation('relu'),
    new nn.Dense(256, 128, rng, 'l3'),
  ]);
  const adam = new nn.Adam(net.params, { lr: 1e-3 });
  const N = 32768,
    B = 500;
  const X = randomArray(N * 128, rng);
  const Y = randomArray(N * 128, rng);
  const ctx = { gemm, training: true, rng };
  const grad = nn.mat(B, 128);
  const times = [];
  const cpus = [];
  let loss = 0;
  for (let e = 0; e <= EPOCHS; e++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (let s = 0; s < N; s += B) {
      const rows = Math.min(B, N - s);
      const x = nn.mat(rows, 128, X.subarray(s * 128, (s + rows) * 128));
      const y = nn.mat(rows, 128, Y.subarray(s * 128, (s + rows) * 128));
      adam.zeroGrad();
      const out = net.forward(x, ctx);
      const g = rows === B ? grad : nn.mat(rows, 128);
      loss = nn.squaredError(out, y, g, 1 / rows);
      net.backward(g, ctx, { inputGrad: false });
      adam.step();
    }
    const c = process.cpuUsage(c0);
    if (e > 0) {
      // epoch 0 warms up; CPU seconds of the whole process (the worker thread included)
      times.push((performance.now() - t0) / 1000);
      cpus.push((c.user + c.system) / 1e6);
    }
  }
  gemm.close();
  return { s: median(times), min: Math.min(...times), cpu: median(cpus), loss };
}

const lines = [];
const log = (s) => {
  console.log(s);
  lines.push(s);
};
log('# nn engine benchmark');
log('');
log(
  `Command: \`node bench/nn.mjs --epochs ${EPOCHS} --reps ${REPS}\`; ${new Date().toISOString().slice(0, 10)}; Node ${process.version}.`,
);
log('');
log('## GEMM (median of reps)');
log('');
log('| product | backend | threads | ms (median) | ms (min) | GFLOP/s (at min) | load avg |');
log('|---|---|---:|---:|---:|---:|---:|');
for (const [threads, backend] of [
  [1, 'auto'],
  [2, 'auto'],
  [1, 'js'],
]) {
  for (const r of await gemmBench(threads, backend))
    log(
      `| ${r.label} | ${backend === 'js' ? 'js reference' : 'wasm-simd'} | ${threads} | ${r.ms.toFixed(2)} | ${r.min.toFixed(2)} | ${r.gflops.toFixed(1)} | ${load()} |`,
    );
}
log('');
log('## MLP epoch: 128→256→256→128, batch 500, 32,768 rows, Adam (median over epochs after a warm-up)');
log('');
log('| threads | s / epoch (median) | fastest epoch | CPU s / epoch (median, all threads) | load avg |');
log('|---:|---:|---:|---:|---:|');
for (const threads of [1, 2]) {
  const r = await epochBench(threads);
  log(`| ${threads} | ${r.s.toFixed(3)} | ${r.min.toFixed(3)} | ${r.cpu.toFixed(3)} | ${load()} |`);
}
log('');
log(
  'Target (issue 11): ≤ 0.5 s/epoch on 2 threads. Reference points on this machine class (DESIGN.md): PyTorch 1 core 0.28 s, tfjs-wasm 7.5 s.',
);
writeFileSync(join(here, 'RESULTS-nn.md'), lines.join('\n') + '\n');
