// npm run bench [-- --judge] [-- --only NAME]
// node bench/run.js --assemble: measure nothing; rebuild RESULTS.md from its own measured head (the sections this
// script writes, with their date) and the current RESULTS-*.md files of the other benches.
// Fit + sample time and peak memory per non-DP synthesizer on vega-datasets tables and, when present, on
// ../shared/datasets/adult/adult_train.csv; loading flights-3m.parquet; CLI start-up (bench/cli.mjs); writes
// bench/RESULTS.md.
// --judge also scores each Adult output with ../shared/tools/judge.py (needs /usr/bin/python3 with scikit-learn).
// The DP synthesizers have their own bench (bench/dp.mjs), the learner bench/learn.mjs; their tables are merged
// into RESULTS.md by hand from the files they write.
import './help.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const judge = args.includes('--judge');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const here = new URL('.', import.meta.url).pathname;
if (args.includes('--assemble')) {
  // the head is everything before the first section copied from another RESULTS-*.md file
  const old = readFileSync(join(here, 'RESULTS.md'), 'utf8');
  const own = ['Non-DP synthesizers', 'Quality on Adult', 'Loading flights-3m'];
  const sections = old.split(/\n(?=## )/);
  const head = [sections[0], ...sections.slice(1).filter((x) => own.some((o) => x.startsWith(`## ${o}`)))];
  writeFileSync(join(here, 'RESULTS.md'), [...head.map((x) => x.trim()), '', ...extraSections()].join('\n'));
  console.error('wrote bench/RESULTS.md (head kept, other benches re-read)');
  process.exit(0);
}
const outDir = join(here, 'out');
mkdirSync(outDir, { recursive: true });

const adult = join(here, '..', '..', 'shared', 'datasets', 'adult');
const tables = [
  ['penguins', 'node_modules/vega-datasets/data/penguins.json'],
  ['birdstrikes', 'node_modules/vega-datasets/data/birdstrikes.csv'],
  ['movies', 'node_modules/vega-datasets/data/movies.json'],
];
if (existsSync(join(adult, 'adult_train.csv'))) tables.push(['adult', join(adult, 'adult_train.csv')]);
else console.error('note: ../shared/datasets/adult is absent; Adult rows are skipped');
const synths = ['independent', 'gaussian-copula', 'cart'].filter((s) => !only || s === only);

const rows = [];
for (const [tname, path] of tables) {
  for (const s of synths) {
    const out = join(outDir, `${tname}-${s}.csv`);
    let m;
    try {
      m = JSON.parse(
        execFileSync(process.execPath, [join(here, 'fit-sample.js'), path, s, '42', out], {
          encoding: 'utf8',
        })
          .trim()
          .split('\n')
          .pop(),
      );
    } catch (e) {
      console.error(`${tname} × ${s}: failed: ${e.message.split('\n')[0]}`);
      continue;
    }
    let j = null;
    if (judge && tname === 'adult') {
      const text = execFileSync(
        '/usr/bin/python3',
        [
          join(here, '..', '..', 'shared', 'tools', 'judge.py'),
          path,
          out,
          '--holdout',
          join(adult, 'adult_test.csv'),
          '--target',
          'income',
          '--json',
        ],
        { encoding: 'utf8' },
      );
      j = JSON.parse(text);
    }
    rows.push({ table: tname, synthesizer: s, ...m, judge: j });
    console.error(
      `${tname} × ${s}: fit ${m.fit.toFixed(2)} s, sample ${m.sample.toFixed(2)} s, peak ${m.maxRssMB.toFixed(0)} MB`,
    );
  }
}

let load = null;
if (!only && existsSync('bench/load.mjs')) {
  try {
    load = execFileSync(process.execPath, ['bench/load.mjs'], { encoding: 'utf8' }).trim();
  } catch (e) {
    load = `failed: ${e.message.split('\n')[0]}`;
  }
}

// CLI start-up (issue 9): bench/cli.mjs writes RESULTS-cli.md, carried below with the other benches' files
if (!only && existsSync('bench/cli.mjs')) {
  try {
    execFileSync(process.execPath, ['bench/cli.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (e) {
    console.error(`bench/cli.mjs failed: ${e.message.split('\n')[0]}`);
  }
}

const f = (x, d = 2) => (x === undefined || x === null ? '—' : Number(x).toFixed(d));
const md = [
  '# Benchmark results',
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`,
  'Command: `npm run bench -- --judge` (times in seconds inside the process; peak = max RSS of the process).',
  '',
  '## Non-DP synthesizers: fit + sample of as many rows as the input, seed 42',
  '',
  '| table | rows × cols | synthesizer | read | fit | sample | fit + sample | peak MB |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.table} | ${r.rows} × ${r.columns} | ${r.synthesizer} | ${f(r.read)} | ${f(r.fit)} | ${f(r.sample)} | ${f(r.fit + r.sample)} | ${f(r.maxRssMB, 0)} |`,
  ),
  '',
];
const judged = rows.filter((r) => r.judge);
if (judged.length) {
  md.push(
    '## Quality on Adult, scored by ../shared/tools/judge.py (peers in ../shared/peers.md)',
    '',
    '| synthesizer | quality | w3_err | TSTR AUC | ratio | dcr_share |',
    '|---|---|---|---|---|---|',
    ...judged.map(
      (r) =>
        `| ${r.synthesizer} | ${f(r.judge.quality, 3)} | ${f(r.judge.w3_err, 3)} | ${f(r.judge.tstr?.tstr, 3)} | ${f(r.judge.tstr?.ratio, 2)} | ${f(r.judge.dcr_share, 2)} |`,
    ),
    '| SDV GaussianCopula (peers.md) | 0.856 | 0.378 | 0.801 | 0.86 | 0.51 |',
    '',
  );
}
if (load) md.push('## Loading flights-3m.parquet (3,000,000 rows) into a Table', '', load, '');
md.push(...extraSections());
writeFileSync(join(here, only ? 'RESULTS-partial.md' : 'RESULTS.md'), md.join('\n'));
console.error(`wrote bench/${only ? 'RESULTS-partial.md' : 'RESULTS.md'}`);

// the other benches write their own files (they take longer or need other inputs); RESULTS.md carries them whole,
// headings moved one level down, so every recorded figure is in one place
function extraSections() {
  const out = [];
  const extra = readdirSync(here)
    .filter((x) => /^RESULTS-.+\.md$/.test(x) && x !== 'RESULTS-partial.md')
    .sort();
  for (const x of extra) {
    const text = demoteHeadings(readFileSync(join(here, x), 'utf8'));
    out.push(text.trim(), '', `(from [${x}](${x}))`, '');
  }
  return out;
}

/** Markdown headings one level down; lines inside ``` fences (shell comments) are left as they are. */
function demoteHeadings(text) {
  let fenced = false;
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('```')) fenced = !fenced;
      return !fenced && /^#+ /.test(line) ? `#${line}` : line;
    })
    .join('\n');
}
