// Benchmark of the DP-trained synthesizers (issue 12) on UCI Adult, δ = 1e-9, domains declared public
// (bench/adult-public.mjs), scored by ../shared/tools/judge.py next to AIM at the same ε.
//
//   npm run build
//   nice -n 10 node bench/dp-learned.mjs --run pate-gan:1 --run tvae:1 --run aim:1
//   ... --tag NAME   keeps runs of a changed code apart from earlier ones (shown next to the synthesizer)
//   ... --seed N     the fit's and the sample's seed (default 42; shown next to the synthesizer when given)
//   nice -n 10 node bench/dp-learned.mjs --overhead [--epochs 4] [--batch 500,4096]   # DP-SGD vs non-DP epoch
//   node bench/dp-learned.mjs --one --synth tvae --eps 1 [--options '{...}'] --out x.csv   # one run (a child)
//
// Each run is its own child process (`--one`, which starts no process): read the training CSV, declare the
// domains public, fit with ε and δ = 1e-9, sample the model's noisy default row count, write a CSV; then judge.py
// scores it against the real training and test files. Finished runs are kept in bench/out/dp-learned.jsonl (a run
// with the same synthesizer, ε, options, tag and seed is not repeated); a stored run missing from the table in
// bench/RESULTS-dp-learned.md is appended to it (with the CPU seconds of the child and the load average before and
// after). The table's rows are the lasting record: bench/out/ is git-ignored, so the rows already in the file are
// kept as they are.
import './help.mjs';
import { benchArgs } from './args.mjs';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { publicDomains } from './adult-public.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DATASETS = resolve(here, '../../shared/datasets');
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const TRAIN = join(DATASETS, 'adult/adult_train.csv');
const TEST = join(DATASETS, 'adult/adult_test.csv');
const STORE = join(here, 'out/dp-learned.jsonl');

async function one(o) {
  const lib = await import(pathToFileURL(join(DIST, 'index.js')).href);
  const read = await lib.readTable(TRAIN);
  const { table, schema } = publicDomains(read.table, read.schema);
  const t1 = performance.now();
  let last = '';
  const model = await lib.getSynthesizer(o.synth).fit(table, schema, {
    seed: Number(o.seed ?? 42),
    epsilon: Number(o.eps),
    delta: 1e-9,
    options: JSON.parse(o.options ?? '{}'),
    onProgress: (e) => (last = `${e.done}/${e.total} ${e.message ?? ''}`),
  });
  const t2 = performance.now();
  const rows = model.defaultRows ?? table.nRows;
  const syn = model.sample(rows, { seed: Number(o.seed ?? 42) });
  const t3 = performance.now();
  await lib.writeTable(syn, o.out);
  const file = model.toJSON();
  const sgd = (file.ledger?.entries ?? []).find((e) => e.mechanism === 'subsampled-gaussian');
  console.log(
    JSON.stringify({
      fit: (t2 - t1) / 1000,
      sample: (t3 - t2) / 1000,
      cpu: process.resourceUsage().userCPUTime / 1e6 + process.resourceUsage().systemCPUTime / 1e6,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      load: os.loadavg()[0],
      privacy: model.privacy,
      rows,
      plan: sgd?.subsampled ?? file.params?.training ?? null,
      last,
    }),
  );
}

function judge(csv) {
  const argv = [join(here, '../../shared/tools/judge.py'), TRAIN, csv, '--json', '--holdout', TEST];
  argv.push('--target', 'income');
  const r = spawnSync('/usr/bin/python3', argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { error: r.stderr.slice(-500) };
  return JSON.parse(r.stdout);
}

function stored() {
  if (!existsSync(STORE)) return [];
  return readFileSync(STORE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

// a run's label: the synthesizer, with the --tag it was run under (e.g. the code version it measures) and the
// --seed when not the default 42
const name = (r) =>
  (r.tag ? `${r.synth} (${r.tag})` : r.synth) + (r.seed !== undefined ? `, seed ${r.seed}` : '');

const TABLE_HEAD = [
  '| synthesizer | ε (spent) | options | plan | fit s (wall) | CPU s | peak MB | quality | w3_err | TSTR ratio | dcr_share | exact | load before/after |',
  '|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
];

/** The table's lines for these runs (no header). */
function table(rows) {
  const f = (x, d = 3) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '—');
  const lines = [];
  for (const r of rows) {
    if (r.error) {
      lines.push(`| ${name(r)} | ${r.eps} | ${r.options ?? ''} | error: ${r.error.slice(0, 200)} |`);
      continue;
    }
    const j = r.judge ?? {};
    const p = r.plan;
    const plan = p
      ? p.noiseMultiplier !== undefined
        ? `z ${f(p.noiseMultiplier, 2)}, q ${f(p.samplingRate, 4)}, ${p.steps} steps`
        : p.teachers !== undefined
          ? `${p.teachers} teachers, ${p.iterations} it. × ${p.queries} queries, σ ${f(p.sigma, 0)}`
          : ''
      : '';
    lines.push(
      `| ${name(r)} | ${r.eps} (${f(r.privacy?.epsilon, 3)}) | ${r.options ?? ''} | ${plan} | ${f(r.fit, 1)} | ${f(r.cpu, 1)} | ${f(r.maxRssMB, 0)} | ${f(j.quality)} | ${f(j.w3_err)} | ${f(j.tstr?.ratio)} | ${f(j.dcr_share)} | ${f(j.exact_match, 4)} | ${f(r.loadBefore, 1)}/${f(r.load, 1)} |`,
    );
  }
  return lines;
}

async function driver(o) {
  mkdirSync(dirname(STORE), { recursive: true });
  const dir = mkdtempSync(join(os.tmpdir(), 'lookalike-dp-learned-'));
  const done = stored();
  for (const spec of o.run) {
    const [synth, eps, ...rest] = String(spec).split(':');
    const options = rest.length ? rest.join(':') : undefined;
    const tag = o.tag === undefined ? undefined : String(o.tag);
    const seed = o.seed === undefined ? undefined : String(o.seed);
    const same = (d) =>
      d.synth === synth &&
      d.eps === eps &&
      (d.options ?? '') === (options ?? '') &&
      d.tag === tag &&
      d.seed === seed;
    if (done.some(same)) {
      console.log(`kept: ${spec}`);
      continue;
    }
    const out = join(dir, `${synth}-${eps}.csv`);
    const a = [fileURLToPath(import.meta.url), '--one', '--synth', synth, '--eps', eps, '--out', out];
    if (options) a.push('--options', options);
    if (seed !== undefined) a.push('--seed', seed);
    const loadBefore = os.loadavg()[0];
    const p = spawnSync(process.execPath, a, { encoding: 'utf8', maxBuffer: 1 << 26 });
    const row =
      p.status !== 0
        ? { synth, eps, options, tag, seed, error: p.stderr.split('\n').slice(-6).join(' ') }
        : {
            synth,
            eps,
            options,
            tag,
            seed,
            commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim(),
            loadBefore,
            ...JSON.parse(p.stdout.trim().split('\n').pop()),
            judge: judge(out),
            date: new Date().toISOString(),
          };
    appendFileSync(STORE, JSON.stringify(row) + '\n');
    console.log(JSON.stringify(row));
  }
  // the rows already in RESULTS-dp-learned.md, then the stored runs' (this invocation's among them; an identical
  // line only once)
  const lines = [...new Set([...blockRows('runs'), ...table(stored())])];
  const text = [...TABLE_HEAD, ...lines].join('\n');
  writeBlock('runs', text);
  console.log(text);
}

/** The table rows (lines after the header) of a generated block of RESULTS-dp-learned.md, [] when absent. */
function blockRows(name) {
  if (!existsSync(RESULTS)) return [];
  const doc = readFileSync(RESULTS, 'utf8');
  const i = doc.indexOf(`<!-- ${name} -->`);
  const j = doc.indexOf(`<!-- /${name} -->`);
  if (i < 0 || j < i) return [];
  return doc
    .slice(i, j)
    .split('\n')
    .filter((l) => l.startsWith('| ') && !TABLE_HEAD.includes(l));
}

// RESULTS-dp-learned.md: a header, then generated blocks between <!-- NAME --> and <!-- /NAME --> markers (the runs
// table, the overhead table), rewritten by each run; the text around them (targets, findings) is kept.
const RESULTS = join(here, 'RESULTS-dp-learned.md');
const HEADER = `# DP-trained synthesizers on UCI Adult (bench/dp-learned.mjs)

\`../shared/datasets/adult/adult_train.csv\` (32,561 × 15), δ = 1e-9, domains declared public (bench/adult-public.mjs:
categories as listed, numeric bounds, capital-gain and capital-loss as lists of their values), seed 42, as many rows
sampled as the model's noisy row count, scored by \`/usr/bin/python3 ../shared/tools/judge.py\` (holdout
\`adult_test.csv\`, target \`income\`). Shared 2-core machine under heavy load: the CPU seconds of the child
process (user + system, one training thread) are what an idle machine would take; wall times are pessimistic.
Command: \`nice -n 10 node bench/dp-learned.mjs --run SYNTH:EPS[:OPTIONS] ...\` (one run at a time, each in its own child).

`;
function writeBlock(name, body) {
  let doc = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : HEADER;
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const block = `${open}\n${body}\n${close}`;
  const i = doc.indexOf(open);
  const j = doc.indexOf(close);
  doc =
    i >= 0 && j > i
      ? doc.slice(0, i) + block + doc.slice(j + close.length)
      : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, doc);
}

// ---------------------------------------------------------------------------------------------------------------
// DP-SGD overhead (`--overhead`): CPU seconds per epoch of one model trained without DP (shuffled batches of B,
// summed gradient) and with DP-SGD as the synthesizers run it (Poisson batches at q = B/N, chunks of 64 rows,
// per-example ghost norms and clipping, lattice Gaussian noise on every coordinate, SecureRng), one GEMM thread,
// in this process, their epochs interleaved (plain, DP, plain, …); medians over epochs after one warm-up epoch.
async function overhead(o) {
  const nn = await import(pathToFileURL(join(DIST, 'nn/index.js')).href);
  const { Rng } = await import(pathToFileURL(join(DIST, 'random/rng.js')).href);
  const { SecureRng } = await import(pathToFileURL(join(DIST, 'random/secure.js')).href);
  const { dyadicRate } = await import(pathToFileURL(join(DIST, 'privacy/dpsgd.js')).href);
  const epochs = Number(o.epochs ?? 3);
  const N = 32768;
  const D = 128;
  const median = (xs) => {
    const v = [...xs].sort((a, b) => a - b);
    const h = Math.floor(v.length / 2);
    return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
  };
  const rows = [];
  for (const B of String(o.batch ?? '500,4096')
    .split(',')
    .map(Number)) {
    // the two trainers (same network, data and initial weights), their epochs interleaved — plain, DP, plain, DP … —
    // so that a change of the machine's load between them falls on both alike
    const trainers = [];
    for (const mode of ['plain', 'dp']) {
      const gemm = await nn.createGemm({ threads: 1 });
      const rng = new Rng(7);
      const net = new nn.Sequential([
        new nn.Dense(D, 256, rng, 'l1'),
        new nn.Activation('relu'),
        new nn.Dense(256, 256, rng, 'l2'),
        new nn.Activation('relu'),
        new nn.Dense(256, D, rng, 'l3'),
      ]);
      const X = new Float32Array(N * D).map(() => 2 * rng.float() - 1);
      const Y = new Float32Array(N * D).map(() => 2 * rng.float() - 1);
      const ctx = { gemm, training: true, rng };
      const q = dyadicRate(B / N);
      const dp =
        mode === 'dp'
          ? new nn.DpSgd([net], {
              noiseMultiplier: 1,
              clipNorm: 1,
              samplingRate: q,
              expectedBatch: B,
              batchCap: nn.batchCapFor(q, N),
              chunk: 64,
            })
          : null;
      const adam = new nn.Adam(dp ? dp.params : net.params, { lr: 1e-3 });
      const secure = new SecureRng();
      const xb = new Float32Array(Math.max(B, 64) * D);
      const yb = new Float32Array(Math.max(B, 64) * D);
      const gather = (idx, from, m) => {
        for (let i = 0; i < m; i++) {
          const r = idx[from + i];
          xb.set(X.subarray(r * D, r * D + D), i * D);
          yb.set(Y.subarray(r * D, r * D + D), i * D);
        }
      };
      const run = (chunk, c) => {
        gather(chunk, 0, chunk.length);
        const out = net.forward(nn.mat(chunk.length, D, xb), c);
        const g = nn.mat(chunk.length, D);
        nn.squaredError(out, nn.mat(chunk.length, D, yb), g, 1); // a sum of per-example terms
        net.backward(g, c, { params: 'per-example', inputGrad: false });
      };
      const epoch = () => {
        if (dp) {
          const steps = Math.round(1 / q);
          for (let t = 0; t < steps; t++) {
            dp.step(N, run, ctx, secure);
            adam.step();
          }
        } else {
          const perm = rng.permutation(N);
          for (let s = 0; s < N; s += B) {
            const m = Math.min(B, N - s);
            gather(perm, s, m);
            adam.zeroGrad();
            const out = net.forward(nn.mat(m, D, xb), ctx);
            const g = nn.mat(m, D);
            nn.squaredError(out, nn.mat(m, D, yb), g, 1 / m);
            net.backward(g, ctx, { inputGrad: false });
            adam.step();
          }
        }
      };
      trainers.push({ mode, gemm, epoch, cpu: [], wall: [] });
    }
    for (let e = 0; e <= epochs; e++) {
      for (const tr of trainers) {
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        tr.epoch();
        const c = process.cpuUsage(c0);
        if (e > 0) {
          tr.wall.push((performance.now() - t0) / 1000);
          tr.cpu.push((c.user + c.system) / 1e6);
        }
      }
    }
    for (const tr of trainers) {
      tr.gemm.close();
      rows.push({ B, mode: tr.mode, cpu: median(tr.cpu), wall: median(tr.wall), load: os.loadavg()[0] });
      console.log(JSON.stringify({ ...rows.at(-1), cpus: tr.cpu }));
    }
  }
  const text = [
    '| expected batch | non-DP CPU s / epoch | DP-SGD CPU s / epoch | overhead (CPU) | non-DP wall s | DP wall s | load |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const B of [...new Set(rows.map((r) => r.B))]) {
    const p = rows.find((r) => r.B === B && r.mode === 'plain');
    const d = rows.find((r) => r.B === B && r.mode === 'dp');
    text.push(
      `| ${B} | ${p.cpu.toFixed(2)} | ${d.cpu.toFixed(2)} | ${(d.cpu / p.cpu).toFixed(2)}× | ${p.wall.toFixed(2)} | ${d.wall.toFixed(2)} | ${p.load.toFixed(1)}–${d.load.toFixed(1)} |`,
    );
  }
  const body =
    `Command: \`nice -n 10 node bench/dp-learned.mjs --overhead --epochs ${epochs}\`, ${new Date().toISOString().slice(0, 10)}, ` +
    `Node ${process.version}. MLP 128→256→256→128 (ReLU, squared error, Adam), N = 32,768 random rows, 1 GEMM thread; ` +
    `DP-SGD with noise multiplier 1, C = 1, chunks of 64 rows, lattice noise L = 2^7 (three draws per coordinate). ` +
    `The two trainers' epochs interleaved (plain, DP, plain, …); medians over ${epochs} epochs each after a warm-up.\n\n` +
    text.join('\n');
  writeBlock('overhead', body);
  console.log(body);
}

const o = benchArgs(['run']);
if (o.one) await one(o);
else if (o.overhead) await overhead(o);
else await driver(o);
