// AIM's rounds on Adult, for comparing two builds (issue 10 follow-up: was AIM at ε = 10 slower after a78725b?).
//
//   node bench/dp-real-aim-rounds.mjs [--eps 10]            # LOOKALIKE_DIST=<other build>/dist for another build
//
// The data and metadata of bench/dp-real-one.mjs (adult_train.csv, 70 % split with seed 0, metadata as
// `inspect --public-domains` writes it, adaptive DP bins with 10 % of ρ), fitted with a DETERMINISTIC noise source
// (xorshift128 bits handed to SecureRng): two builds then draw the same noise, so the same rounds, cliques and model
// sizes mean the same work, and their CPU seconds compare without AIM's run-to-run variation (which clique the
// exponential mechanism picks, when the budget anneals). For timing only: such a model is NOT differentially
// private and is never written. Prints the fit's CPU and wall seconds, the number of rounds, the junction-tree size
// and the time per phase summed over rounds (filter / score / estimate, from AIM's progress messages), then every
// tenth round.
import './help.mjs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const L = await import(pathToFileURL(join(DIST, 'index.js')));
const { values } = parseArgs({ options: { eps: { type: 'string', default: '10' } } });
const eps = Number(values.eps);
const path = resolve(here, '../../shared/datasets/adult/adult_train.csv');
const first = await L.readTable(path);
const meta = L.schemaToMetadata(first.schema, true, first.table);
const { table } = await L.readTable(path, { metadata: meta });
const { train } = table.split(new L.Rng(0), 0.3);
const schema = (await L.readTable(path, { metadata: meta })).schema;
// xorshift128 (Marsaglia 2003): reproducible bits, not cryptographic — timing comparisons only
let s = [123456789, 362436069, 521288629, 88675123];
const deterministic = {
  getRandomValues(a) {
    for (let i = 0; i < a.length; i++) {
      const t = s[0] ^ (s[0] << 11);
      s = [s[1], s[2], s[3], (s[3] ^ (s[3] >>> 19) ^ (t ^ (t >>> 8))) >>> 0];
      a[i] = s[3];
    }
    return a;
  },
};
const rounds = [];
const load0 = os.loadavg()[0];
const c0 = process.cpuUsage();
const t0 = performance.now();
await L.getSynthesizer('aim').fit(train, schema, {
  epsilon: eps,
  delta: 1e-9,
  options: { adaptiveBins: 0.1 },
  secureRng: new L.SecureRng(deterministic),
  onProgress: (e) => {
    if (e.phase === 'select') rounds.push(e.message);
  },
});
const c1 = process.cpuUsage(c0);
const sum = (re) => rounds.reduce((a, m) => a + Number((re.exec(m) ?? [0, 0])[1]), 0) / 1000;
const cells = rounds.map((m) => Number(/model (\d+) cells/.exec(m)[1]));
console.log(
  JSON.stringify({
    dist: DIST,
    eps,
    fit_cpu_s: +((c1.user + c1.system) / 1e6).toFixed(1),
    fit_s: +((performance.now() - t0) / 1000).toFixed(1),
    load: `${load0.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`,
    rounds: rounds.length,
    last_model_cells: cells.at(-1),
    filter_s: sum(/filter (\d+) ms/),
    score_s: sum(/score (\d+) ms/),
    estimate_s: sum(/estimate (\d+) ms/),
  }),
);
for (const m of rounds.filter((_, i) => i % 10 === 0 || i === rounds.length - 1)) console.log(m);
