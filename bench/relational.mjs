// Benchmark of relational and sequential synthesis (issue 14) on the shared datasets.
//
//   npm run build
//   nice -n 10 node bench/relational.mjs                 # every case, each in its own process; writes RESULTS-relational.md
//   node bench/relational.mjs --case f1 [--seed 1]       # one case, one line of JSON
//
// Cases: f1 and berka (fit + sample + evaluate, metadata from the dataset's keys.json), pbcseq and
// beijing_air_quality (sequential tables, entity/time/context from keys.json), berka-dp (fitRelationalDp at
// ε = 1 per person: person = account, district public, bounds in BERKA_DP below), pbcseq-dp (per patient, visits
// truncated to PBCSEQ_DP.person.maxLength; `--epsilon E`, default 1). Every case runs in its own
// process so that peak RSS (maxRSS of that process) is the case's own. Data are read from ../shared/datasets.
// A column that mixes numbers and text (f1: positionText, pit_stops.duration) is read as categorical, as
// `lookalike inspect` proposes.
import './help.mjs';
import { benchArgs } from './args.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import os from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const DATA = resolve(here, '../../shared/datasets');
const DIST = resolve(process.env.LOOKALIKE_DIST ?? join(here, '../dist'));
const imp = (p) => import(pathToFileURL(join(DIST, p)).href);

/**
 * The DP case: the person is an account (with its dispositions and their clients and cards, its loans and orders);
 * at most this many rows per parent row in each table under it; district is a public lookup table. Domains are
 * declared from the dataset's codebook (README: category codes, the years 1993-1998 of the data), never read off
 * the data; `order.account_to` (a counterparty account number) is an id, not modelled.
 */
export const BERKA_DP = {
  epsilon: 1,
  person: {
    table: 'account',
    maxChildren: { disp: 2, card: 1, loan: 1, order: 5 },
    // a fact of the bank, not read off the data: every account has exactly one OWNER disposition (berka README)
    minChildren: { disp: 1 },
    public: ['district'],
  },
  columns: {
    // the keys to the public district table: a schema fact, not read off the data (the bank's schema — an account
    // is held at a branch, a client lives in a district): never missing
    account: [
      { name: 'district_id', kind: 'numeric', integer: true, decimals: 0 },
      {
        name: 'frequency',
        kind: 'categorical',
        domain: { categories: ['POPLATEK MESICNE', 'POPLATEK TYDNE', 'POPLATEK PO OBRATU'] },
      },
      {
        name: 'date',
        kind: 'datetime',
        format: 'YYYY-MM-DD',
        domain: { min: '1993-01-01', max: '1998-12-31' },
      },
    ],
    client: [
      { name: 'birth_number', kind: 'numeric', integer: true, domain: { min: 0, max: 991231 } },
      { name: 'district_id', kind: 'numeric', integer: true, decimals: 0 },
    ],
    disp: [{ name: 'type', kind: 'categorical', domain: { categories: ['OWNER', 'DISPONENT'] } }],
    card: [
      { name: 'type', kind: 'categorical', domain: { categories: ['junior', 'classic', 'gold'] } },
      {
        name: 'issued',
        kind: 'datetime',
        format: 'YYYY-MM-DD',
        domain: { min: '1993-01-01', max: '1998-12-31' },
      },
    ],
    loan: [
      {
        name: 'date',
        kind: 'datetime',
        format: 'YYYY-MM-DD',
        domain: { min: '1993-01-01', max: '1998-12-31' },
      },
      { name: 'amount', kind: 'numeric', domain: { min: 0, max: 600000 } },
      { name: 'duration', kind: 'numeric', integer: true, domain: { min: 12, max: 60 } },
      { name: 'payments', kind: 'numeric', domain: { min: 0, max: 10000 } },
      { name: 'status', kind: 'categorical', domain: { categories: ['A', 'B', 'C', 'D'] } },
    ],
    order: [
      {
        name: 'bank_to',
        kind: 'categorical',
        domain: { categories: 'AB CD EF GH IJ KL MN OP QR ST UV WX YZ'.split(' ') },
      },
      { name: 'account_to', kind: 'id' },
      { name: 'amount', kind: 'numeric', domain: { min: 0, max: 15000 } },
      {
        name: 'k_symbol',
        kind: 'categorical',
        nullable: true,
        domain: { categories: ['SIPO', 'UVER', 'POJISTNE', 'LEASING'] },
      },
    ],
  },
};

/**
 * The DP sequence case: the person is a patient (an entity of pbcseq) with all their visits, truncated to the first
 * 12 in time (6 % of the patients have more; the bound is declared, not read off the data at fit time). Domains are
 * round bounds declared for the clinical measurements (README: value kinds and codes), never read off the data.
 */
export const PBCSEQ_DP = {
  person: { table: 'pbcseq', maxLength: 12 },
  columns: [
    { name: 'futime', kind: 'numeric', integer: true, domain: { min: 0, max: 6000 } },
    { name: 'status', kind: 'numeric', integer: true, domain: { min: 0, max: 2 } },
    { name: 'trt', kind: 'numeric', integer: true, domain: { min: 0, max: 2 } },
    { name: 'age', kind: 'numeric', domain: { min: 20, max: 80 } },
    { name: 'sex', kind: 'categorical', domain: { categories: ['f', 'm'] } },
    { name: 'day', kind: 'numeric', integer: true, domain: { min: 0, max: 6000 } },
    { name: 'ascites', kind: 'numeric', integer: true, nullable: true, domain: { min: 0, max: 1 } },
    { name: 'hepato', kind: 'numeric', integer: true, nullable: true, domain: { min: 0, max: 1 } },
    { name: 'spiders', kind: 'numeric', integer: true, nullable: true, domain: { min: 0, max: 1 } },
    { name: 'edema', kind: 'numeric', domain: { min: 0, max: 1 } },
    { name: 'bili', kind: 'numeric', domain: { min: 0, max: 50 } },
    { name: 'chol', kind: 'numeric', nullable: true, domain: { min: 0, max: 2000 } },
    { name: 'albumin', kind: 'numeric', domain: { min: 0, max: 10 } },
    { name: 'alk.phos', kind: 'numeric', nullable: true, domain: { min: 0, max: 15000 } },
    { name: 'ast', kind: 'numeric', domain: { min: 0, max: 1500 } },
    { name: 'platelet', kind: 'numeric', nullable: true, domain: { min: 0, max: 1000 } },
    { name: 'protime', kind: 'numeric', domain: { min: 5, max: 40 } },
    { name: 'stage', kind: 'numeric', integer: true, domain: { min: 1, max: 4 } },
  ],
};

function metadataOf(group, name, extra = {}) {
  const keys = JSON.parse(readFileSync(join(DATA, group, name, 'keys.json'), 'utf8'));
  const tables = Object.fromEntries(Object.entries(keys.pk).map(([t, pk]) => [t, { primaryKey: pk }]));
  if (keys.sequence) {
    const s = keys.sequence;
    tables[s.table].sequence = { entity: s.entity, order: s.time, context: s.context ?? [] };
  }
  return {
    tables,
    foreignKeys: keys.fk.map(([c, cc, p, pc]) => ({ child: c, columns: cc, parent: p, parentColumns: pc })),
    ...extra,
  };
}

async function runCase(name, seed) {
  await imp('synthesizers/builtin.js');
  const { readDatabase } = await imp('io/relational.js');
  const { parseRelationalMetadata } = await imp('relational/metadata.js');
  const { fitRelational } = await imp('relational/synthesize.js');
  const { evaluateRelational } = await imp('relational/evaluate.js');
  const seqDp = name === 'pbcseq-dp';
  const dp = name === 'berka-dp' || seqDp;
  const group = name.startsWith('pbcseq') || name === 'beijing_air_quality' ? 'sequential' : 'relational';
  const folder = seqDp ? 'pbcseq' : dp ? 'berka' : name;
  const dir = join(DATA, group, folder);
  if (!existsSync(dir)) return { case: name, skipped: `${dir} not found` };
  const raw = metadataOf(group, folder, dp ? { person: seqDp ? PBCSEQ_DP.person : BERKA_DP.person } : {});
  if (seqDp)
    raw.tables.pbcseq.columns = PBCSEQ_DP.columns.map((c) => ({
      nullable: false,
      ...(c.kind === 'numeric' && !c.integer ? { integer: false, decimals: 4 } : {}),
      ...c,
    }));
  // every schema fact of a DP fit is declared (issue 10): berka's modelled columns have no missing values but
  // order.k_symbol
  if (dp && !seqDp)
    for (const [t, columns] of Object.entries(BERKA_DP.columns))
      raw.tables[t].columns = columns.map((c) => ({
        nullable: false,
        ...(c.kind === 'numeric' ? { integer: false, decimals: 2 } : {}),
        ...c,
      }));
  const meta = parseRelationalMetadata(raw);
  const t0 = performance.now();
  const db = await readDatabase(dir, {
    lenient: true,
    columnMetadata: Object.fromEntries(meta.tables.map((t) => [t.name, t.metadata])),
  });
  const t1 = performance.now();
  let model;
  if (dp) {
    const { fitRelationalDp } = await imp('relational/dp.js');
    model = await fitRelationalDp(meta, db.tables, db.schemas, {
      epsilon: Number(benchArgs().epsilon ?? BERKA_DP.epsilon),
      seed,
      ...(process.env.DP_OPTIONS ? JSON.parse(process.env.DP_OPTIONS) : {}),
    });
  } else
    model = await fitRelational(meta, db.tables, db.schemas, {
      seed,
      ...(process.env.REL_OPTIONS ? JSON.parse(process.env.REL_OPTIONS) : {}),
    });
  const t2 = performance.now();
  const s = model.sample({ seed: seed + 100 });
  const t3 = performance.now();
  const ev = evaluateRelational(meta, db.tables, s.tables);
  const seqs = ev.sequences;
  const ac = seqs.filter((m) => m.id === 'autocorrelation_similarity');
  return {
    case: name,
    seed,
    tables: meta.tables.length,
    rows: Object.values(db.tables).reduce((a, t) => a + t.nRows, 0),
    largest: Math.max(...Object.values(db.tables).map((t) => t.nRows)),
    synthRows: Object.fromEntries(Object.entries(s.tables).map(([n, t]) => [n, t.nRows])),
    readS: (t1 - t0) / 1000,
    fitS: (t2 - t1) / 1000,
    sampleS: (t3 - t2) / 1000,
    peakMB: process.resourceUsage().maxRSS / 1024,
    notes: s.notes,
    summary: ev.summary,
    ...(dp ? { privacy: model.privacy } : {}),
    cardinality: Object.fromEntries(ev.relations.map((r) => [r.label, r.cardinality.score])),
    trends: Object.fromEntries(ev.relations.map((r) => [r.label, r.trends.score])),
    // the three weakest (parent column, child aggregate) pairs of each foreign key
    weakPairs: Object.fromEntries(
      ev.relations.map((r) => [
        r.label,
        [...(r.trendPairs ?? [])]
          .sort((x, y) => x.score - y.score)
          .slice(0, 3)
          .map((m) => `${(m.columns ?? []).join(' × ')} ${m.score.toFixed(2)}`),
      ]),
    ),
    quality: Object.fromEntries(ev.tables.map((t) => [t.table, t.quality])),
    ...(seqs.length
      ? {
          lengthKs: seqs.find((m) => m.id === 'sequence_length_ks_complement')?.score,
          gapKs: seqs.find((m) => m.id === 'time_gap_ks_complement')?.score,
          autocorrDiff: Object.fromEntries(
            ac.map((m) => [m.name.slice(m.name.indexOf('.') + 1, -1), m.value]),
          ),
          autocorr: Object.fromEntries(
            ac.map((m) => [m.name.slice(m.name.indexOf('.') + 1, -1), [m.details.real, m.details.synthetic]]),
          ),
          contextConstant: seqs.find((m) => m.id === 'context_constancy')?.score,
        }
      : {}),
  };
}

const fmt = (x, d = 3) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '–');

async function main() {
  const o = benchArgs();
  const seed = Number(o.seed ?? 1);
  if (o.case) {
    console.log(JSON.stringify(await runCase(o.case, seed)));
    return;
  }
  const cases = [
    ['f1', 1],
    ['berka', 1],
    ['pbcseq', 1],
    ['pbcseq', 2],
    ['pbcseq', 3],
    ['beijing_air_quality', 1],
    ...(existsSync(join(DIST, 'relational/dp.js'))
      ? [
          ['berka-dp', 1],
          ['pbcseq-dp', 1],
        ]
      : []),
  ];
  const results = [];
  for (const [c, s] of cases) {
    const r = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--case', c, '--seed', String(s)],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      },
    );
    if (r.status !== 0) {
      console.error(r.stderr);
      results.push({ case: c, seed: s, failed: r.stderr.split('\n').slice(0, 3).join(' ') });
      continue;
    }
    const line = JSON.parse(r.stdout.trim().split('\n').pop());
    results.push(line);
    console.error(`${c} seed ${s}: done`);
  }
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
  const out = [];
  out.push('# Relational and sequential synthesis (bench/relational.mjs)');
  out.push('');
  out.push(
    `Command: \`npm run build && nice -n 10 node bench/relational.mjs\` — ${new Date().toISOString().slice(0, 16)} UTC, ` +
      `${os.cpus().length} cores shared with other jobs, load average at the end ${load}. Default settings ` +
      '(`cart` for root tables, conditional tree chains for children, `ar-trees` for sequences); each case in its own process.',
  );
  out.push('');
  out.push('## Multi-table');
  out.push('');
  out.push(
    '| case | seed | tables | rows (largest) | fit s | sample s | peak MB | integrity | PK unique | min cardinality | mean table quality | min table quality | inter-table trends |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results.filter((r) => !r.lengthKs && r.summary)) {
    const sm = r.summary;
    out.push(
      `| ${r.case} | ${r.seed} | ${r.tables} | ${r.rows} (${r.largest}) | ${fmt(r.fitS, 1)} | ${fmt(r.sampleS, 1)} | ${fmt(r.peakMB, 0)} | ${fmt(sm.referentialIntegrity)} | ${fmt(sm.primaryKeyUniqueness)} | ${fmt(sm.minCardinality)} | ${fmt(sm.meanTableQuality)} | ${fmt(sm.minTableQuality)} | ${fmt(sm.interTableTrends)} |`,
    );
  }
  for (const r of results.filter((r) => r.privacy))
    out.push(
      '',
      `${r.case}: guarantee ${r.privacy.type === 'dp' ? `(ε = ${fmt(r.privacy.epsilon, 4)}, δ = ${r.privacy.delta}) per person (${r.privacy.person})` : r.privacy.type}.`,
    );
  out.push('');
  out.push(
    'Per foreign key (cardinality = 1 − KS of children per parent; trends = inter-table trend score):',
  );
  out.push('');
  out.push('| case | foreign key | cardinality | trends |');
  out.push('|---|---|---|---|');
  for (const r of results.filter((r) => r.cardinality && !r.lengthKs))
    for (const k of Object.keys(r.cardinality))
      out.push(`| ${r.case} | ${k} | ${fmt(r.cardinality[k])} | ${fmt(r.trends[k])} |`);
  out.push('');
  out.push('## Sequential');
  out.push('');
  out.push(
    '| case | seed | rows | fit s | sample s | peak MB | length 1−KS | gap 1−KS | table quality | max lag-1 autocorrelation diff (column) | columns within 0.1 | static constant |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results.filter((r) => r.lengthKs !== undefined)) {
    const ac = Object.entries(r.autocorrDiff);
    const worst = ac.reduce((a, b) => (b[1] > a[1] ? b : a), ['', -1]);
    out.push(
      `| ${r.case} | ${r.seed} | ${r.rows} | ${fmt(r.fitS, 1)} | ${fmt(r.sampleS, 1)} | ${fmt(r.peakMB, 0)} | ${fmt(r.lengthKs)} | ${fmt(r.gapKs)} | ${fmt(r.summary.meanTableQuality)} | ${fmt(worst[1])} (${worst[0]}) | ${ac.filter((x) => x[1] <= 0.1).length}/${ac.length} | ${fmt(r.contextConstant)} |`,
    );
  }
  const failed = results.filter((r) => r.failed || r.skipped);
  if (failed.length) {
    out.push('', '## Not run', '');
    for (const r of failed) out.push(`- ${r.case}: ${r.failed ?? r.skipped}`);
  }
  out.push('');
  const file = join(here, 'RESULTS-relational.md');
  // the hand-written sections of the file (runs with options, seeds, notes) are kept after the generated ones
  const generated = new Set(['Multi-table', 'Sequential', 'Not run']);
  const kept = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split(/^(?=## )/m)
        .slice(1)
        .filter((sec) => !generated.has(sec.slice(3, sec.indexOf('\n')).trim()))
    : [];
  const text = [out.join('\n'), ...kept.map((k) => k.trimEnd() + '\n')].join('\n');
  console.log(text);
  writeFileSync(file, text);
}

await main();
