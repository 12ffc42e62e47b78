// Benchmark of the HTML report (issue 6 target: Adult report ≤ 3 s and ≤ 5 MB).
//
//   npx tsc -p tsconfig.build.json --outDir bench/out/dist-report
//   LOOKALIKE_DIST=bench/out/dist-report node bench/report.mjs [--synthesizer gaussian-copula] [--evaluation FILE]
//
// Builds a real evaluation of Adult once (fit the synthesizer on ../shared/datasets/adult/adult_train.csv, sample as
// many rows, evaluate every fidelity/utility suite with adult_test.csv as holdout and target income, run the privacy
// suite's default attacks, add the 2-D projection) and caches it in bench/out/adult-evaluation.json (reused with
// --evaluation). Then renders the HTML report 3 times and prints the median wall time, the CPU time, the size, and
// the Markdown time. The data is read from ../shared/datasets (never copied into the repository).
import './help.mjs';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';
import { Buffer } from 'node:buffer';

const here = dirname(fileURLToPath(import.meta.url));
const ADULT = resolve(here, '../../shared/datasets/adult');
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const argv = process.argv.slice(2);
const opt = (k) => {
  const i = argv.indexOf(`--${k}`);
  return i < 0 ? undefined : argv[i + 1];
};
if (!existsSync(ADULT)) {
  console.error(`bench/report: ${ADULT} not found (the real datasets live there)`);
  process.exit(1);
}
const load = (p) => import(pathToFileURL(join(DIST, p)).href);
const { readTable } = await load('io/index.js');
await load('synthesizers/builtin.js');
const { getSynthesizer } = await load('synthesizers/registry.js');
const { evaluate } = await load('metrics/index.js');
const { evaluatePrivacy } = await load('metrics/privacy/index.js');
const { projection } = await load('metrics/projection.js');
const { applyPolicy, policySubject } = await load('policy/index.js');
const { DEFAULT_POLICY } = await load('policy/index.js');
const { renderHtmlReport } = await load('report/html.js');
const { renderMarkdownReport } = await load('report/summary.js');
const { modelSummary } = await load('report/model.js');
const { readAlikeMetadata } = await load('cli/commands/evaluate.js');

mkdirSync(join(here, 'out'), { recursive: true });
const synthName = opt('synthesizer') ?? 'gaussian-copula';
const cache = opt('evaluation') ?? join(here, 'out', `adult-evaluation-${synthName}.json`);
const modelCache = cache.replace(/\.json$/, '.model.json');
let evaluation;
let model;
if (existsSync(cache) && existsSync(modelCache)) {
  evaluation = JSON.parse(readFileSync(cache, 'utf8'));
  model = JSON.parse(readFileSync(modelCache, 'utf8'));
  console.error(`using the cached evaluation ${cache}`);
} else {
  const t0 = performance.now();
  const train = await readTable(join(ADULT, 'adult_train.csv'));
  const schema = train.schema;
  const test = await readTable(join(ADULT, 'adult_test.csv'), { metadata: readAlikeMetadata(schema) });
  const m = await getSynthesizer(synthName).fit(train.table, schema, { seed: 42 });
  const synthetic = m.sample(train.table.nRows, { seed: 42 });
  console.error(`fit + sample ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const t1 = performance.now();
  evaluation = await evaluate(train.table, synthetic, {
    schema,
    holdout: test.table,
    target: 'income',
    seed: 42,
  });
  console.error(`evaluate ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const t2 = performance.now();
  const pv = await evaluatePrivacy(train.table, synthetic, test.table, { schema, seed: 42 });
  console.error(`privacy ${((performance.now() - t2) / 1000).toFixed(1)} s`);
  const t3 = performance.now();
  const proj = projection(train.table, synthetic, { seed: 42 });
  console.error(`projection ${((performance.now() - t3) / 1000).toFixed(2)} s`);
  evaluation = { ...evaluation, privacy: { metrics: pv.metrics, aggregate: pv.aggregate }, projection: proj };
  model = m.toJSON();
  writeFileSync(cache, JSON.stringify(evaluation));
  writeFileSync(modelCache, JSON.stringify(model));
}

const summary = modelSummary(model);
const times = [];
const cpu = [];
let html = '';
for (let i = 0; i < 3; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const scorecard = applyPolicy(policySubject(evaluation, summary.privacy), DEFAULT_POLICY);
  html = await renderHtmlReport({ evaluation, scorecard, model: summary, title: 'Adult' });
  times.push((performance.now() - t0) / 1000);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1e6);
}
const t0 = performance.now();
const scorecard = applyPolicy(policySubject(evaluation, summary.privacy), DEFAULT_POLICY);
const md = renderMarkdownReport({ evaluation, scorecard, model: summary });
const mdTime = (performance.now() - t0) / 1000;
writeFileSync(join(here, 'out', 'adult-report.html'), html);
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const charts = (html.match(/<svg/g) ?? []).length;
console.log(
  `| machine | ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0].toFixed(1)} |`,
);
console.log('| what | value |');
console.log('|---|---|');
console.log(
  `| HTML report, Adult (${synthName}), wall (median of 3; runs ${times.map((t) => t.toFixed(2)).join(', ')}) | ${med(times).toFixed(2)} s |`,
);
console.log(`| HTML report, CPU (user + system, median) | ${med(cpu).toFixed(2)} s |`);
console.log(`| HTML size | ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB, ${charts} charts |`);
console.log(
  `| Markdown summary | ${(mdTime * 1000).toFixed(0)} ms, ${(Buffer.byteLength(md) / 1024).toFixed(1)} KB |`,
);
console.log(`| peak RSS | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB |`);
