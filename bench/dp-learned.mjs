// Benchmark of the DP-trained synthesizers (issue 12) on UCI Adult, δ = 1e-9, domains declared public
// (bench/adult-public.mjs), scored by ../shared/tools/judge.py next to AIM at the same ε.
//
//   npm run build
//   flock /work/notes/heavy.lock nice -n 10 node bench/dp-learned.mjs --run pate-gan:1 --run tvae:1 --run aim:1
//   node bench/dp-learned.mjs --one --synth tvae --eps 1 [--options '{...}'] --out x.csv   # one run (a child)
//
// Each run is its own child process (`--one`, which starts no process): read the training CSV, declare the
// domains public, fit with ε and δ = 1e-9, sample the model's noisy default row count, write a CSV; then judge.py
// scores it against the real training and test files. Finished runs are kept in bench/out/dp-learned.jsonl (a run
// with the same synthesizer, ε and options is not repeated); the table of every kept run goes to
// bench/RESULTS-dp-learned.md with the CPU seconds of the child and the load average before and after.
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

function args() {
  const a = process.argv.slice(2);
  const o = { run: [] };
  for (let i = 0; i < a.length; i++) {
    if (!a[i].startsWith('--')) continue;
    const k = a[i].slice(2);
    const v = a[i + 1] && !a[i + 1].startsWith('--') ? a[++i] : true;
    if (k === 'run') o.run.push(v);
    else o[k] = v;
  }
  return o;
}

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

function table(rows) {
  const f = (x, d = 3) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '—');
  const lines = [
    '| synthesizer | ε (spent) | options | plan | fit s (wall) | CPU s | peak MB | quality | w3_err | TSTR ratio | dcr_share | exact | load before/after |',
    '|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of rows) {
    if (r.error) {
      lines.push(`| ${r.synth} | ${r.eps} | ${r.options ?? ''} | error: ${r.error.slice(0, 200)} |`);
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
      `| ${r.synth} | ${r.eps} (${f(r.privacy?.epsilon, 3)}) | ${r.options ?? ''} | ${plan} | ${f(r.fit, 1)} | ${f(r.cpu, 1)} | ${f(r.maxRssMB, 0)} | ${f(j.quality)} | ${f(j.w3_err)} | ${f(j.tstr?.ratio)} | ${f(j.dcr_share)} | ${f(j.exact_match, 4)} | ${f(r.loadBefore, 1)}/${f(r.load, 1)} |`,
    );
  }
  return lines.join('\n');
}

async function driver(o) {
  mkdirSync(dirname(STORE), { recursive: true });
  const dir = mkdtempSync(join(os.tmpdir(), 'lookalike-dp-learned-'));
  const done = stored();
  for (const spec of o.run) {
    const [synth, eps, ...rest] = String(spec).split(':');
    const options = rest.length ? rest.join(':') : undefined;
    if (done.some((d) => d.synth === synth && d.eps === eps && (d.options ?? '') === (options ?? ''))) {
      console.log(`kept: ${spec}`);
      continue;
    }
    const out = join(dir, `${synth}-${eps}.csv`);
    const a = [fileURLToPath(import.meta.url), '--one', '--synth', synth, '--eps', eps, '--out', out];
    if (options) a.push('--options', options);
    const loadBefore = os.loadavg()[0];
    const p = spawnSync(process.execPath, a, { encoding: 'utf8', maxBuffer: 1 << 26 });
    const row =
      p.status !== 0
        ? { synth, eps, options, error: p.stderr.split('\n').slice(-6).join(' ') }
        : {
            synth,
            eps,
            options,
            loadBefore,
            ...JSON.parse(p.stdout.trim().split('\n').pop()),
            judge: judge(out),
            date: new Date().toISOString(),
          };
    appendFileSync(STORE, JSON.stringify(row) + '\n');
    console.log(JSON.stringify(row));
  }
  const text = `# DP-trained synthesizers on UCI Adult (bench/dp-learned.mjs)

\`../shared/datasets/adult/adult_train.csv\` (32,561 × 15), δ = 1e-9, domains declared public (bench/adult-public.mjs:
categories as listed, numeric bounds, capital-gain and capital-loss as lists of their values), seed 42, as many rows
sampled as the model's noisy row count, scored by \`/usr/bin/python3 ../shared/tools/judge.py\` (holdout
\`adult_test.csv\`, target \`income\`). Shared 2-core machine under heavy load: the CPU seconds of the child
process (user + system, one training thread) are what an idle machine would take; wall times are pessimistic.
Command: \`flock /work/notes/heavy.lock nice -n 10 node bench/dp-learned.mjs --run SYNTH:EPS[:OPTIONS] ...\`.

${table(stored())}
`;
  writeFileSync(join(here, 'RESULTS-dp-learned.md'), text);
  console.log(text);
}

const o = args();
if (o.one) await one(o);
else await driver(o);
