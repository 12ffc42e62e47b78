// arf's `alpha` on a small table (issue 11): the share of synthetic Gentoo penguins off Biscoe (none in the data)
// for fit seeds 1–3 (10 trees, 500 rows at sample seed 7), with the default alpha (scaled by rows / 10,000 under
// 10,000 rows: 0.69 on penguins' 344 rows), with the unscaled 20 it replaced, and with alpha 0. Seconds.
//
//   npx tsc -p tsconfig.build.json && node bench/arf-penguins-alpha.mjs
import './help.mjs';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const { tableFromRecords, getSynthesizer } = await import('../dist/index.js');
const file = new URL('../node_modules/vega-datasets/data/penguins.json', import.meta.url);
const { table, schema } = tableFromRecords(JSON.parse(readFileSync(file, 'utf8')));
const arf = getSynthesizer('arf');
const n = table.nRows;
const settings = [
  ['default (20 scaled)', {}],
  [`unscaled 20 (alpha ${((20 * 10000) / n).toFixed(1)})`, { alpha: (20 * 10000) / n }],
  ['alpha 0', { alpha: 0 }],
];
const c0 = process.cpuUsage();
console.log(`penguins, ${n} rows; load average ${loadavg()[0].toFixed(1)} at the start`);
console.log('| alpha | fit seed 1 | fit seed 2 | fit seed 3 | mean |');
console.log('|---|---|---|---|---|');
for (const [name, options] of settings) {
  const off = [];
  for (const seed of [1, 2, 3]) {
    const m = await arf.fit(table, schema, { seed, options: { nTrees: 10, ...options } });
    const g = m
      .sample(500, { seed: 7 })
      .toRecords()
      .filter((r) => r.Species === 'Gentoo');
    off.push(g.filter((r) => r.Island !== 'Biscoe').length / g.length);
  }
  const mean = off.reduce((a, b) => a + b, 0) / off.length;
  console.log(`| ${name} | ${off.map((x) => x.toFixed(3)).join(' | ')} | ${mean.toFixed(3)} |`);
}
const cpu = process.cpuUsage(c0);
console.log(
  `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; load average ${loadavg()[0].toFixed(1)} at the end`,
);
