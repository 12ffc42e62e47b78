// One measurement in its own process (so peak memory is this synthesizer's alone):
//   node bench/fit-sample.js <table> <synthesizer> [seed] [synthetic-out.csv]
// prints one JSON line: { read, fit, sample, write, maxRssMB, rows, columns }.
import './help.mjs';
import { readTable, writeTable, getSynthesizer } from '../dist/index.js';

const [table, name, seedText = '42', out] = process.argv.slice(2);
const seed = Number(seedText);
const t0 = performance.now();
const { table: t, schema } = await readTable(table);
const t1 = performance.now();
const model = await getSynthesizer(name).fit(t, schema, { seed });
const t2 = performance.now();
const s = model.sample(t.nRows, { seed });
const t3 = performance.now();
if (out) await writeTable(s, out);
const t4 = performance.now();
console.log(
  JSON.stringify({
    read: (t1 - t0) / 1000,
    fit: (t2 - t1) / 1000,
    sample: (t3 - t2) / 1000,
    write: (t4 - t3) / 1000,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    rows: t.nRows,
    columns: t.nColumns,
  }),
);
