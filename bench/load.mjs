// Load benchmark (issue 2 target: flights-3m.parquet into a Table in ≤ 5 s and ≤ 2 GB peak RSS).
// Run: npx tsc -p tsconfig.build.json && node bench/load.mjs [file ...]
// Default files: vega-datasets' flights-3m.parquet. Prints read time (file → raw columns), build time (raw columns →
// typed Table + schema), and the process's peak resident set size. Measure once; the machine is shared.
import './help.mjs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readRawColumns } from '../dist/io/read.js';
import { buildTable } from '../dist/table/infer.js';

const here = dirname(fileURLToPath(import.meta.url));
const files = process.argv.slice(2);
if (!files.length)
  files.push(join(here, '..', 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet'));

const mb = (bytes) => (bytes / 2 ** 20).toFixed(0);
console.log('| file | rows | columns | read s | build s | total s | CPU s (all threads) | peak RSS MB |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const file of files) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const raw = await readRawColumns(file);
  const t1 = performance.now();
  const { table, schema } = buildTable(raw, { source: file });
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `| ${file.split('/').pop()} | ${table.nRows} | ${table.nColumns} | ${((t1 - t0) / 1000).toFixed(2)} | ` +
      `${((t2 - t1) / 1000).toFixed(2)} | ${((t2 - t0) / 1000).toFixed(2)} | ${((cpu.user + cpu.system) / 1e6).toFixed(2)} | ${mb(peak)} |`,
  );
  console.error(schema.columns.map((c) => `${c.name}:${c.kind}${c.format ? `(${c.format})` : ''}`).join(' '));
}
