// DP synthesizers on public real tables (issue 10): adaptive DP bins vs equal-width bins vs the training data's exact
// quantile bins (not private), against the non-DP baselines. Writes bench/RESULTS-dp-real.md.
//
//   npm run build
//   nice -n 10 node bench/dp-real.mjs [--judge] [--data housing,credit] [--eps 1,10]
//        [--synth mst,aim] [--runs N] [--aim-bins adaptive,equal,quantile] [--fresh]
//
// Each configuration runs in its own process (peak RSS per configuration) by bench/dp-real-one.mjs, ONE AT A TIME
// (spawnSync). This script only ever starts dp-real-one.mjs, which starts no Node process; a guard refuses to run
// this script from a process it started. Results are appended to bench/out/dp-real.jsonl as they come, so an
// interrupted run resumes where it stopped (--fresh starts over); the table takes the last result per configuration.
//
// Data: ../shared/datasets/{adult/adult_train.csv, california_housing/housing.csv, credit_default/credit_default.csv}
// (read in place, never copied). Metadata as `lookalike inspect --public-domains` writes it from the whole table
// (bounds, category lists, value lists of numeric columns with ≤ 32 distinct values, every schema fact) — "public
// bounds only": no bins declared. Split 70/30 (seed 0); fitted on the 70 %; a DP model draws its noisy row count,
// a non-DP one the training rows (seed 0). w3_err = mean total-variation distance over all 3-way marginals of the
// training rows, numerics (> 10 distinct values) in 16 quantile bins of the training data, missing as its own bin
// (judge.py's definition; judge.py samples 400 triples). With --judge, judge.py's quality and w3_err too.
import './help.mjs';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.env.LOOKALIKE_DP_REAL_CHILD) {
  console.error('bench/dp-real.mjs must not be started by one of its own runs');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const WORKER = join(here, 'dp-real-one.mjs');
const argv = process.argv.slice(2);
const flag = (k) => argv.includes(`--${k}`);
const list = (k, def) => (argv.includes(`--${k}`) ? argv[argv.indexOf(`--${k}`) + 1].split(',') : def);
const datas = list('data', ['housing', 'credit', 'adult']);
const epss = list('eps', ['1', '10']).map(Number);
const synths = list('synth', ['independent', 'gaussian-copula', 'independent-dp', 'mst', 'aim']);
const binsList = list('bins', ['adaptive', 'equal', 'quantile']);
// --runs N repeats every DP configuration N times (real noise: runs differ); the non-DP baselines run once
const nRuns = Math.max(1, Number(list('runs', ['1'])[0]) || 1);
// --aim-bins: AIM is slow, so by default only with its default (adaptive) bins
const aimBins = list('aim-bins', ['adaptive']);

const runs = [];
for (const data of datas) {
  for (const s of ['independent', 'gaussian-copula']) if (synths.includes(s)) runs.push({ data, synth: s });
  for (const eps of epss) {
    for (let run = 1; run <= nRuns; run++) {
      if (synths.includes('independent-dp'))
        runs.push({ data, synth: 'independent-dp', eps, bins: 'default', run });
      for (const s of ['mst', 'aim'])
        if (synths.includes(s))
          for (const bins of s === 'aim' ? binsList.filter((b) => aimBins.includes(b)) : binsList)
            runs.push({ data, synth: s, eps, bins, run });
    }
  }
}
const key = (r) =>
  `${r.data}|${r.synth}|${r.eps ?? '∞'}|${r.synth === 'independent' || r.synth === 'gaussian-copula' ? '-' : r.bins}|${r.run ?? 1}`;

mkdirSync(join(here, 'out'), { recursive: true });
const log = join(here, 'out/dp-real.jsonl');
if (flag('fresh') && existsSync(log)) writeFileSync(log, '');
const done = new Map();
if (existsSync(log))
  for (const line of readFileSync(log, 'utf8').split('\n'))
    if (line.trim()) {
      const r = JSON.parse(line);
      if (!r.error && (!flag('judge') || r.judge)) done.set(key(r), r);
    }

for (const [i, r] of runs.entries()) {
  if (done.has(key(r))) continue;
  const args = [WORKER, ...Object.entries(r).flatMap(([k, v]) => [`--${k}`, String(v)])];
  if (flag('judge')) args.push('--judge');
  const p = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    env: { ...process.env, LOOKALIKE_DP_REAL_CHILD: '1' },
  });
  const line = p.stdout.trim().split('\n').pop();
  let out;
  try {
    out = JSON.parse(line);
  } catch {
    out = {
      ...r,
      error: (p.stderr || `exit ${p.status}`).trim().split('\n').slice(-3).join(' ').slice(0, 200),
    };
  }
  if (out.skipped) continue;
  out.run = r.run ?? 1;
  console.error(`[${i + 1}/${runs.length}] ${JSON.stringify(out)}`);
  appendFileSync(log, JSON.stringify(out) + '\n');
  done.set(key(r), out);
}

const f = (x, d = 3) => (typeof x === 'number' ? x.toFixed(d) : '');
const head =
  '| data | synthesizer | ε | bins | run | rows | fit (s) | fit CPU (s) | load | peak MB | w3_err | judge w3_err | judge quality |';
const md = [head, head.replace(/[^|]+/g, '---')];
for (const r of runs) {
  const x = done.get(key(r));
  if (!x) continue;
  md.push(
    `| ${x.data} | ${x.synth} | ${x.eps ?? '∞'} | ${x.bins ?? ''} | ${x.run ?? 1} | ${x.rows ?? ''} | ${x.fit_s ?? x.error ?? ''} | ${x.fit_cpu_s ?? ''} | ${x.load ?? ''} | ${x.peak_mb ?? ''} | ${f(x.w3_err)} | ${f(x.judge?.w3_err)} | ${f(x.judge?.quality)} |`,
  );
}
console.log(md.join('\n'));
const date = new Date().toISOString().slice(0, 10);
writeFileSync(
  join(here, 'out/dp-real.md'),
  `Measured ${date} (${os.cpus().length} cores, load at the end ${os.loadavg()[0].toFixed(1)})\n\n${md.join('\n')}\n`,
);
