// Benchmark of `lookalike sweep` on UCI Adult (issue 6 target: 3 synthesizers × 5 ε ≤ 15 minutes on 2 cores).
//
//   npx tsc -p tsconfig.build.json --outDir bench/out/dist-report
//   LOOKALIKE_DIST=bench/out/dist-report node bench/sweep.mjs [--synthesizers mst,aim,privbayes]
//       [--epsilons 0.1,0.3,1,3,10] [--attacks LIST|none]
//
// Train on ../shared/datasets/adult/adult_train.csv, holdout adult_test.csv, target income. The DP fits need public
// domains: the script declares Adult's inferred domains public (as private-pgm's examples treat the codebook) in
// bench/out/adult-public.json. Points land in bench/out/sweep-adult/ (delete it to measure from scratch: the sweep
// resumes). Prints the wall and CPU time of the whole sweep and the per-point fit / evaluate seconds.
import './help.mjs';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const ADULT = resolve(here, '../../shared/datasets/adult');
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const argv = process.argv.slice(2);
const opt = (k, d) => {
  const i = argv.indexOf(`--${k}`);
  return i < 0 ? d : argv[i + 1];
};
if (!existsSync(ADULT)) {
  console.error(`bench/sweep: ${ADULT} not found (the real datasets live there)`);
  process.exit(1);
}
const { main } = await import(pathToFileURL(join(DIST, 'cli/main.js')).href);
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
const train = join(ADULT, 'adult_train.csv');
const meta = join(out, 'adult-meta.json');
const pub = join(out, 'adult-public.json');
if (!existsSync(pub)) {
  if ((await main(['inspect', train, '--out', meta, '--quiet'])) !== 0) process.exit(1);
  writeFileSync(pub, readFileSync(meta, 'utf8').replace(/"inferred"/g, '"public"'));
}
const dir = join(out, 'sweep-adult');
const args = [
  'sweep',
  train,
  '--holdout',
  join(ADULT, 'adult_test.csv'),
  '--synthesizers',
  opt('synthesizers', 'mst,aim,privbayes'),
  '--epsilons',
  opt('epsilons', '0.1,0.3,1,3,10'),
  '--metadata',
  pub,
  '--target',
  'income',
  '--seed',
  '42',
  '--out-dir',
  dir,
];
const attacks = opt('attacks');
if (attacks) args.push('--attacks', attacks);
const c0 = process.cpuUsage();
const t0 = performance.now();
const code = await main(args);
const wall = (performance.now() - t0) / 1000;
const c = process.cpuUsage(c0);
const summary = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8'));
console.log(
  `| machine | ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0].toFixed(1)} |`,
);
console.log(
  `| sweep (exit ${code}) | wall ${wall.toFixed(0)} s, CPU ${((c.user + c.system) / 1e6).toFixed(0)} s, ${summary.points.length} points, ${summary.failures.length} failed |`,
);
console.log(
  '| point | fit s | sample s | evaluate + privacy s | fidelity | utility | privacy risk | policy |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const p of summary.points) {
  const f = (x) => (x === null ? '—' : x.toFixed(3));
  console.log(
    `| ${p.key} | ${p.seconds.fit.toFixed(1)} | ${p.seconds.sample.toFixed(1)} | ${p.seconds.evaluate.toFixed(1)} | ${f(p.scores.fidelity)} | ${f(p.scores.utility)} | ${f(p.scores.privacyRisk)} | ${p.verdict} |`,
  );
}
for (const f of summary.failures) console.log(`| failed: ${f.synthesizer} ε=${f.epsilon} | ${f.error} |`);
console.log(`\n${summary.recommendation.reason}`);
