// Benchmark of the DP-SGD privacy machinery (issue 12): noise sampler throughput, Poisson batches, the RDP and PRV
// accountants against Opacus's reference values, the noise-multiplier planner, and the canary audit.
//
//   npm run build && node bench/dpsgd.mjs            # writes bench/RESULTS-dpsgd.md
//   node bench/dpsgd.mjs --quick                      # fewer repetitions
//   node bench/dpsgd.mjs --noise                      # section 1 (noise throughput) only, printed, nothing written
//
// Timings depend on the machine's load: the load average is printed with every table.
import './help.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const L = await import(pathToFileURL(join(DIST, 'index.js')).href);
const quick = process.argv.includes('--quick');
const noiseOnly = process.argv.includes('--noise');
const reps = quick ? 2 : 5;
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const out = [];
const log = (s = '') => {
  console.log(s);
  out.push(s);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 3) => (Number.isFinite(x) ? Number(x.toPrecision(d)).toLocaleString('en-US') : String(x));

// a calibration loop: how loaded is this core right now (1e8 integer adds; ~0.08 s on an idle core)
function calibrate() {
  const t = performance.now();
  let s = 0;
  for (let i = 0; i < 1e8; i++) s += i & 7;
  return { ms: performance.now() - t, s };
}

log('# DP-SGD privacy machinery — benchmark results');
log();
log(
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}. ` +
    `Command: \`node bench/dpsgd.mjs${quick ? ' --quick' : ''}\`.`,
);
log();

// ---------------------------------------------------------------------------------------------------------------
log('## 1. Noise: samples per second');
log();
const cal = calibrate();
log(
  `Load average at start: ${load()}; calibration loop (1e8 adds, ~80 ms on an idle core): ${cal.ms.toFixed(0)} ms.`,
);
log();
log('| sampler | what one sample is | samples/s (median of ' + reps + ') |');
log('|---|---|---:|');
const rng = new L.SecureRng();
function rate(fn, n) {
  const ts = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  return n / (median(ts) / 1000);
}
{
  const buf = new Float64Array(1_000_000);
  for (const [levels, levelBits] of [
    [1, 10],
    [2, 10],
    [2, 7], // DpSgdNoise's
  ]) {
    // the smallest τ of the configuration (lattice-gaussian.ts minTau): r ≥ 2√(1 + L²), s² = r²·Σ L^{2ℓ}, τ² = s² − 4
    let sumL2 = 0;
    for (let l = 0; l <= levels; l++) sumL2 += 4 ** (levelBits * l);
    const tauMin = Math.sqrt(4 * (1 + 4 ** levelBits) * sumL2 - 4);
    const lg = new L.LatticeGaussian(tauMin * 1.3, { levels, levelBits });
    // three draws per coordinate: the wasm kernel (the default where it runs) and its TypeScript reference
    for (const engine of levels === 2 ? ['wasm', 'js'] : ['js']) {
      lg.fillInt(buf, rng, engine);
      const r = rate(() => lg.fillInt(buf, rng, engine), buf.length);
      log(
        `| LatticeGaussian, ${levels + 1} table draws, L = 2^${levelBits}${levelBits === 7 ? ' (DP-SGD)' : ''}, ${engine} | one coordinate of DP-SGD noise (τ = ${fmt(lg.tau)}) | ${fmt(r)} |`,
      );
    }
  }
  const dg = new L.DiscreteGaussian(1e6);
  const small = new Float64Array(200_000);
  const r2 = rate(() => dg.fill(small, rng), small.length);
  log(`| DiscreteGaussian (CKS, exact, BigInt-free path) | one N_ℤ(0, 10⁶) draw | ${fmt(r2)} |`);
  const seeded = new L.Rng(1);
  const r3 = rate(() => {
    for (let i = 0; i < buf.length; i++) buf[i] = seeded.normal();
  }, buf.length);
  log(
    `| Rng.normal (seeded float polar method — NOT usable for DP, for scale) | one float normal | ${fmt(r3)} |`,
  );
}
log();
for (const d of [120_000, 164_224, 700_000]) {
  // 164,224: the MLP of the overhead bench (bench/dp-learned.mjs --overhead). privatize with each engine, and the
  // in-place release of a kernel sum (what DpSgd does where the wasm kernel runs)
  const noise = new L.DpSgdNoise({ noiseMultiplier: 1, clipNorm: 1, dimension: d });
  const sum = new Float64Array(d);
  const o = new Float64Array(d);
  const ks = noise.kernelSum();
  const ways = [
    ['privatize, wasm', () => noise.privatize(sum, rng, o, 'wasm')],
    ['privatize, js', () => noise.privatize(sum, rng, o, 'js')],
    ['privatizeSum of a kernel sum (DpSgd)', () => noise.privatizeSum(ks, rng, 1 / 500)],
  ];
  const parts = [];
  for (const [name, f] of ways) {
    f();
    const ts = [];
    const cs = [];
    for (let r = 0; r < reps; r++) {
      const t = performance.now();
      const c0 = process.cpuUsage();
      for (let k = 0; k < 10; k++) f();
      const c = process.cpuUsage(c0);
      cs.push((c.user + c.system) / 1e4);
      ts.push((performance.now() - t) / 10);
    }
    parts.push(`${name} ${median(cs).toFixed(1)} CPU ms (${median(ts).toFixed(1)} ms wall)`);
  }
  log(
    `DpSgdNoise, d = ${d.toLocaleString('en-US')} (rounded float sums, ${noise.sampler.levels + 1} draws per ` +
      `coordinate), per step: ${parts.join('; ')}.`,
  );
}
{
  const n = 32_561;
  const q = L.dyadicRate(500 / n);
  const scratch = new Int32Array(n);
  const ts = [];
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    for (let s = 0; s < 100; s++) L.poissonBatch(n, q, rng, scratch);
    ts.push(performance.now() - t);
  }
  log(
    `poissonBatch over Adult's 32,561 rows at q = 500/32,561: ${(median(ts) / 100).toFixed(2)} ms per batch.`,
  );
}
log();
log(`Load average at the end of section 1: ${load()}.`);
log();
if (noiseOnly) {
  const c = process.cpuUsage();
  console.log(
    `(--noise: section 1 only, nothing written; process CPU ${((c.user + c.system) / 1e6).toFixed(1)} s)`,
  );
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
log('## 2. Accountants vs Opacus (target: within 1 %, never below)');
log();
log(
  'Reference: Opacus @ 4d0ebc84 RDP (at our orders) and PRV (eps_error 1e-3) accountants, run from a source',
);
log('snapshot with Debian python3 (see test/privacy/rdp-prv.test.ts for the command and the values).');
log();
const fixtures = JSON.parse(
  readFileSync(join(here, '..', 'test', 'privacy', 'rdp-prv.fixtures.json'), 'utf8'),
);
log(
  '| σ | q | steps | δ | RDP ours | RDP Opacus | ratio − 1 | PRV ours | PRV Opacus | ratio − 1 | PRV time (s) |',
);
log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
let worst = 0;
for (const f of fixtures) {
  const rdp = L.subsampledGaussianEpsilonRdp(f.q, f.sigma, f.steps, f.delta);
  const t = performance.now();
  const prv = L.subsampledGaussianPrv(f.q, f.sigma, f.steps, f.delta).epsilon;
  const dt = (performance.now() - t) / 1000;
  worst = Math.max(worst, prv / f.prv - 1);
  log(
    `| ${f.sigma} | ${f.q} | ${f.steps} | ${f.delta} | ${rdp.toFixed(5)} | ${f.rdp.toFixed(5)} | ` +
      `${(rdp / f.rdp - 1).toExponential(1)} | ${prv.toFixed(5)} | ${f.prv.toFixed(5)} | ` +
      `${((prv / f.prv - 1) * 100).toFixed(2)} % | ${dt.toFixed(1)} |`,
  );
}
log();
log(`Largest PRV excess over Opacus: ${(worst * 100).toFixed(2)} % (target ≤ 1 %). Load average: ${load()}.`);
log();

// ---------------------------------------------------------------------------------------------------------------
log('## 3. Planner: the noise multiplier for a budget (Adult: 32,561 rows, expected batch 500)');
log();
log('| ε | δ | epochs | q | steps | z (planned) | ε spent (ledger) | time (s) |');
log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [eps, epochs] of [
  [1, 10],
  [1, 50],
  [4, 50],
]) {
  const q = L.dyadicRate(500 / 32_561);
  const steps = Math.ceil(epochs / q);
  const ledger = new L.PrivacyLedger({ epsilon: eps, delta: 1e-9 });
  const t = performance.now();
  const z = L.planNoiseMultiplier(ledger, { samplingRate: q, steps, coordinates: 120_000 });
  const dt = (performance.now() - t) / 1000;
  ledger.charge(
    L.subsampledGaussianEntry(
      { noiseMultiplier: z, samplingRate: q, steps, clippingNorm: 1, sensitivity: 1, coordinates: 120_000 },
      { query: 'dp-sgd', columns: [] },
    ),
  );
  log(
    `| ${eps} | 1e-9 | ${epochs} | ${q.toFixed(5)} | ${steps} | ${z} | ${ledger.guarantee().epsilon} | ${dt.toFixed(1)} |`,
  );
}
log();
log(`Load average: ${load()}.`);
log();

// ---------------------------------------------------------------------------------------------------------------
log('## 4. Canary audit (logistic regression, white-box, 3,000 runs each way, α = 1e-6)');
log();
log('| configuration | ε claimed (δ = 1e-5) | ε lower bound | caught? | time (s) |');
log('|---|---:|---:|---|---:|');
for (const [name, used] of [
  ['noise multiplier 4 (as claimed)', undefined],
  ['noise multiplier 4 claimed, 0.4 used (broken)', 0.4],
]) {
  const t = performance.now();
  const r = L.auditDpSgdLogistic(
    {
      noiseMultiplier: 4,
      usedNoiseMultiplier: used,
      samplingRate: 0.2,
      steps: 40,
      runs: 3000,
      delta: 1e-5,
      alpha: 1e-6,
    },
    rng,
  );
  const dt = (performance.now() - t) / 1000;
  log(
    `| ${name} | ${r.epsilonClaimed.toFixed(3)} | ${r.epsilonLower.toFixed(3)} | ` +
      `${r.epsilonLower > r.epsilonClaimed ? 'yes' : 'no'} | ${dt.toFixed(1)} |`,
  );
}
log();
log(`Load average at the end: ${load()}.`);

writeFileSync(join(here, 'RESULTS-dpsgd.md'), out.join('\n') + '\n');
