// Benchmark of the `arf` and `ddpm` synthesizers on public tables, scored by ../shared/tools/judge.py.
//
//   npm run build
//   nice -n 10 node bench/arf-ddpm.mjs                 # arf and ddpm on adult (+ california, credit with --all)
//   nice -n 10 node bench/arf-ddpm.mjs --all
//   node bench/arf-ddpm.mjs --one adult arf [--option k=v …] [--seed 42]   # one run, one JSON line
//
// Every run is its own process (peak RSS is that run's). The data are read from ../shared/datasets (never copied
// into the repository); california_housing and credit_default have no holdout file, so a seeded 80/20 split is
// written to the system's temporary folder and the model is fitted on the 80 %. Each run fits, samples as many
// rows as the training table, writes them to the temporary folder and runs judge.py on them (quality, w3_err,
// TSTR, dcr_share, exact_match). The table and bench/RESULTS-arf-ddpm.md carry the load average at the time.
import './help.mjs';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, tmpdir } from 'node:os';

const here = new URL('.', import.meta.url).pathname;
const shared = join(here, '..', '..', 'shared');
const judgePy = join(shared, 'tools', 'judge.py');
const DATASETS = {
  adult: {
    train: join(shared, 'datasets/adult/adult_train.csv'),
    holdout: join(shared, 'datasets/adult/adult_test.csv'),
    target: 'income',
  },
  california: { file: join(shared, 'datasets/california_housing/housing.csv'), target: 'median_house_value' },
  credit: {
    file: join(shared, 'datasets/credit_default/credit_default.csv'),
    target: 'default.payment.next.month',
  },
};

const argv = process.argv.slice(2);
const tmp = mkdtempSync(join(tmpdir(), 'lookalike-arf-ddpm-'));

/** Seeded 80/20 split of a CSV (header kept) into the temporary folder; returns the two paths. */
function split(file, name) {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length);
  const header = lines.shift();
  let s = 12345;
  const rnd = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const train = [header];
  const hold = [header];
  for (const l of lines) (rnd() < 0.8 ? train : hold).push(l);
  const a = join(tmp, `${name}-train.csv`);
  const b = join(tmp, `${name}-holdout.csv`);
  writeFileSync(a, train.join('\n') + '\n');
  writeFileSync(b, hold.join('\n') + '\n');
  return { train: a, holdout: b };
}

function paths(name) {
  const d = DATASETS[name];
  if (d.file) return { ...split(d.file, name), target: d.target };
  return d;
}

async function one(name, synth, options, seed) {
  const { readTable, writeTable, getSynthesizer } = await import('../dist/index.js');
  const p = paths(name);
  const { table, schema } = await readTable(p.train);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const onProgress = argv.includes('--verbose')
    ? (e) => console.error(`${((performance.now() - t0) / 1000).toFixed(1)} s ${e.phase} ${e.message ?? ''}`)
    : undefined;
  const model = await getSynthesizer(synth).fit(table, schema, { seed, options, onProgress });
  const t1 = performance.now();
  const s = model.sample(table.nRows, { seed });
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  const out = join(tmp, `${name}-${synth}.csv`);
  await writeTable(s, out);
  const modelBytes = JSON.stringify(model.toJSON()).length;
  const j = JSON.parse(
    execFileSync(
      '/usr/bin/python3',
      [judgePy, p.train, out, '--holdout', p.holdout, '--target', p.target, '--json'],
      {
        encoding: 'utf8',
      },
    ),
  );
  return {
    data: name,
    synth,
    options,
    fit_s: +((t1 - t0) / 1000).toFixed(2),
    sample_s: +((t2 - t1) / 1000).toFixed(2),
    total_s: +((t2 - t0) / 1000).toFixed(2),
    cpu_s: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    peak_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    load: +loadavg()[0].toFixed(2),
    model_mb: +(modelBytes / 2 ** 20).toFixed(1),
    rounds: model.toJSON().params?.accuracy,
    quality: j.quality,
    w3_err: j.w3_err,
    tstr: j.tstr?.tstr,
    ratio: j.tstr?.ratio,
    dcr_share: j.dcr_share,
    exact_match: j.exact_match,
  };
}

function parseOptions() {
  const o = {};
  argv.forEach((a, i) => {
    if (a !== '--option') return;
    const [k, v] = argv[i + 1].split('=');
    o[k] = v === 'true' ? true : v === 'false' ? false : isNaN(Number(v)) ? v : Number(v);
  });
  return o;
}

const seedAt = argv.indexOf('--seed');
const seed = seedAt >= 0 ? Number(argv[seedAt + 1]) : 42;
const runsFile = join(here, 'out', 'arf-ddpm-runs.jsonl');
const f = (x, d) => (typeof x === 'number' ? x.toFixed(d) : '—');
const HEADER = [
  '| data | synthesizer | options | fit + sample (s, wall) | CPU (s) | peak RSS (MB) | load avg | model (MB) | quality | w3_err | TSTR | ratio | dcr_share | exact |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
];
const row = (r) =>
  `| ${r.data} | ${r.synth} | ${
    Object.entries(r.options ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(' ') || 'defaults'
  } | ${r.total_s} (fit ${r.fit_s}) | ${r.cpu_s ?? '—'} | ${r.peak_mb} | ${r.load} | ${r.model_mb} | ${f(r.quality, 3)} | ${f(r.w3_err, 3)} | ${f(r.tstr, 3)} | ${f(r.ratio, 3)} | ${f(r.dcr_share, 3)} | ${f(r.exact_match, 4)} |`;
/**
 * Write bench/RESULTS-arf-ddpm.md: the heading and the command, then the first table — the rows already there,
 * each replaced by a new row of the same data, synthesizer and options, then the new rows of other settings — and
 * everything that followed the first table (notes, older tables) as it was.
 */
function writeResults(lines, command) {
  const file = join(here, 'RESULTS-arf-ddpm.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const first = old.findIndex((l) => l.startsWith('| data |'));
  let end = first;
  if (first >= 0) while (end < old.length && old[end].startsWith('|')) end++;
  const key = (l) => l.split('|').slice(1, 4).join('|');
  const fresh = new Map(lines.map((l) => [key(l), l]));
  const rows = [];
  for (const l of first >= 0 ? old.slice(first + 2, end) : []) {
    rows.push(fresh.get(key(l)) ?? l);
    fresh.delete(key(l));
  }
  rows.push(...fresh.values());
  const rest = first >= 0 ? old.slice(end) : [''];
  const md = [
    '# arf and ddpm on public tables',
    '',
    `Command: \`${command}\` (seed ${seed}; fit on the training table, sample as many rows, scored by`,
    '`../shared/tools/judge.py` with the holdout — adult: adult_test.csv; california, credit: a seeded 80/20 split).',
    'Wall seconds inside the process on a shared 2-core machine, CPU seconds of the process, and the 1-minute load',
    'average at the end of the run: under a load of 20–30 wall time is several times the CPU time.',
    '',
    ...HEADER,
    ...rows,
    ...rest,
  ].join('\n');
  writeFileSync(file, md);
}

if (argv[0] === '--one') {
  const r = await one(argv[1], argv[2], parseOptions(), seed);
  console.log(JSON.stringify(r));
  // every run is also kept in bench/out/arf-ddpm-runs.jsonl (git-ignored); --table writes RESULTS from it
  mkdirSync(join(here, 'out'), { recursive: true });
  appendFileSync(runsFile, JSON.stringify(r) + '\n');
} else if (argv[0] === '--table') {
  // the latest run of each (data, synthesizer, options)
  const latest = new Map();
  for (const l of readFileSync(runsFile, 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(l);
    latest.set(`${r.data} ${r.synth} ${JSON.stringify(r.options)}`, r);
  }
  const lines = [...latest.values()].map(row);
  console.log([...HEADER, ...lines].join('\n'));
  writeResults(lines, 'node bench/arf-ddpm.mjs --one <data> <synthesizer> [--option k=v …], then --table');
} else {
  const names = argv.includes('--all') ? ['adult', 'california', 'credit'] : ['adult'];
  const synths = argv.includes('--synth') ? [argv[argv.indexOf('--synth') + 1]] : ['arf', 'ddpm'];
  const lines = [];
  console.log(HEADER.join('\n'));

  for (const name of names) {
    const d = DATASETS[name];
    if (!existsSync(d.train ?? d.file)) {
      console.log(`skipped ${name}: ${d.train ?? d.file} not found`);
      continue;
    }
    for (const synth of synths) {
      let r;
      try {
        const text = execFileSync(
          process.execPath,
          [new URL(import.meta.url).pathname, '--one', name, synth, '--seed', String(seed)],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
        );
        r = JSON.parse(text.trim().split('\n').pop());
      } catch (e) {
        console.log(`| ${name} | ${synth} | failed: ${String(e.message).split('\n')[0]} |`);
        continue;
      }
      const line = row(r);
      console.log(line);
      lines.push(line);
    }
  }
  writeResults(lines, `nice -n 10 node bench/arf-ddpm.mjs${argv.length ? ' ' + argv.join(' ') : ''}`);
}
