import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/io/index.js';
import { checkRules } from '../../src/constraints/check.js';
import { parseRules } from '../../src/constraints/parse.js';
import { cli, DATA, tempDir } from './helpers.js';
import { readJobConstraints } from '../../src/io/documents.js';

// `fit` honouring the rules of --metadata, `sample --condition/--conditions/--rebalance` (docs/constraints.md).
// Every draw is seeded: the assertions are exact, not statistical.

const PENGUINS = `${DATA}/penguins.json`;
const RULES = [
  { type: 'inequality', low: 'Beak Depth (mm)', high: 'Beak Length (mm)' },
  { type: 'fixed-combinations', columns: ['Species', 'Island'] },
  { type: 'range', column: 'Body Mass (g)', min: 3000, max: 6000 },
  {
    type: 'conditional',
    if: { column: 'Sex', equals: 'MALE' },
    then: { type: 'range', column: 'Body Mass (g)', min: 3200 },
  },
];

let dir: string;
let metadata: string;
const models: Record<string, string> = {};

beforeAll(async () => {
  dir = tempDir();
  metadata = join(dir, 'metadata.json');
  writeFileSync(metadata, JSON.stringify({ version: 1, columns: [], constraints: RULES }));
  for (const synth of ['cart', 'gaussian-copula', 'independent']) {
    models[synth] = join(dir, `${synth}.json`);
    const r = await cli('fit', PENGUINS, '-m', metadata, '-s', synth, '--out', models[synth]);
    expect(r.code, r.stderr).toBe(0);
  }
}, 60_000);

async function readRows(path: string) {
  return (await readTable(path)).table;
}

describe('fit with rules in the metadata', () => {
  it('every synthesizer keeps every rule in every sampled row, and notes the training rows left out', async () => {
    for (const synth of Object.keys(models)) {
      const out = join(dir, `${synth}.csv`);
      expect((await cli('sample', models[synth], '--rows', '2000', '--seed', '3', '--out', out)).code).toBe(
        0,
      );
      const { table, schema } = await readTable(out);
      const res = checkRules(table, schema, parseRules(RULES, schema));
      expect(
        res.map((r) => r.count),
        synth,
      ).toEqual([0, 0, 0, 0]);
      // every combination of Species and Island is one seen in the real table
      const combos = new Set(table.toRecords().map((r) => `${r.Species}/${r.Island}`));
      for (const c of combos)
        expect([
          'Adelie/Torgersen',
          'Adelie/Biscoe',
          'Adelie/Dream',
          'Gentoo/Biscoe',
          'Chinstrap/Dream',
        ]).toContain(c);
    }
    const r = await cli('fit', PENGUINS, '-m', metadata, '-s', 'cart', '--out', join(dir, 'again.json'));
    expect(r.stderr).toMatch(
      /note: 11 training rows broke rule 3 \(Body Mass \(g\) >= 3000 and Body Mass \(g\) <= 6000\); left out of the fit/,
    );
  });

  it('contradictory rules: one error listing them, exit 1, no model written', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        version: 1,
        columns: [],
        constraints: [
          { type: 'inequality', low: 'Beak Depth (mm)', high: 'Beak Length (mm)', strict: true },
          { type: 'inequality', low: 'Beak Length (mm)', high: 'Beak Depth (mm)' },
          { type: 'range', column: 'Body Mass (g)', min: 7000, max: 6000 },
          { type: 'positive', column: 'Nope' },
        ],
      }),
    );
    const out = join(dir, 'bad-model.json');
    const r = await cli('fit', PENGUINS, '-m', bad, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Nope/);
    expect(r.stderr).not.toMatch(/Adelie|39\.1/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('sample --condition / --conditions', () => {
  it('--condition fixes the column in every row; other columns come from the model; reproducible', async () => {
    const a = join(dir, 'adelie.csv');
    const r = await cli(
      'sample',
      models.cart,
      '--condition',
      'Species=Adelie',
      '--rows',
      '500',
      '--seed',
      '1',
      '--out',
      a,
    );
    expect(r.code, r.stderr).toBe(0);
    const t = await readRows(a);
    expect(t.nRows).toBe(500);
    expect(new Set(t.toRecords().map((x) => x.Species))).toEqual(new Set(['Adelie']));
    expect(new Set(t.toRecords().map((x) => x.Island)).size).toBeGreaterThan(1); // Adelie live on three islands
    const b = join(dir, 'adelie2.csv');
    await cli(
      'sample',
      models.cart,
      '--condition',
      'Species=Adelie',
      '--rows',
      '500',
      '--seed',
      '1',
      '--out',
      b,
    );
    expect((await readRows(b)).toRecords()).toEqual(t.toRecords());
  });

  it('two --condition flags, a numeric and a boolean-like value, through every synthesizer', async () => {
    for (const synth of Object.keys(models)) {
      const a = join(dir, `two-${synth}.csv`);
      const r = await cli(
        'sample',
        models[synth],
        '--condition',
        'Island=Dream',
        '--condition',
        'Flipper Length (mm)=190',
        '--rows',
        '50',
        '--out',
        a,
      );
      expect(r.code, `${synth}: ${r.stderr}`).toBe(0);
      for (const row of (await readRows(a)).toRecords()) {
        expect(row.Island).toBe('Dream');
        expect(row['Flipper Length (mm)']).toBe(190);
        expect(['Adelie', 'Chinstrap']).toContain(row.Species); // Gentoo never lived on Dream: a fixed combination
      }
    }
  });

  it('--conditions: one output row per condition row, in order; empty cells leave a column free; --condition added', async () => {
    const c = join(dir, 'conds.csv');
    writeFileSync(c, 'Species,Sex\nAdelie,\nGentoo,FEMALE\n,MALE\nChinstrap,MALE\n');
    const out = join(dir, 'by-row.csv');
    const r = await cli('sample', models['gaussian-copula'], '--conditions', c, '--seed', '2', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const rows = (await readRows(out)).toRecords();
    expect(rows.map((x) => x.Species).filter((_, i) => i !== 2)).toEqual(['Adelie', 'Gentoo', 'Chinstrap']);
    expect(rows.map((x) => x.Sex).slice(1)).toEqual(['FEMALE', 'MALE', 'MALE']);
    const out2 = join(dir, 'by-row-dream.csv');
    const r2 = await cli(
      'sample',
      models.cart,
      '--conditions',
      c,
      '--condition',
      'Island=Dream',
      '--out',
      out2,
    );
    // Gentoo on Dream breaks the fixed combination: an error naming the rule and the condition row
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/fixed combinations of Species, Island/);
    expect(existsSync(out2)).toBe(false);
    // --rows that disagrees with the condition table
    const r3 = await cli('sample', models.cart, '--conditions', c, '--rows', '10', '--out', out2);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(/4 condition rows but 10 rows/);
  });

  it('conditions outside the domain or breaking a rule: exit 1, every problem listed, nothing written', async () => {
    const out = join(dir, 'never.csv');
    const r = await cli(
      'sample',
      models.cart,
      '--condition',
      'Species=Emperor',
      '--condition',
      'Body Mass (g)=100',
      '--condition',
      'Wingspan=3',
      '--rows',
      '5',
      '--out',
      out,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/column "Species": a condition value is not one of the column's 3 categories/);
    expect(r.stderr).toMatch(/column "Body Mass \(g\)": a condition value lies outside the column's domain/);
    expect(r.stderr).toMatch(/"Wingspan" is not a column of the model/);
    expect(existsSync(out)).toBe(false);
    // inside the domain, but the conditional rule says a male weighs at least 3200 g
    const r2 = await cli(
      'sample',
      models.cart,
      '--condition',
      'Sex=MALE',
      '--condition',
      'Body Mass (g)=3100',
      '--rows',
      '5',
      '--out',
      out,
    );
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/breaks rule 4/);
    expect(existsSync(out)).toBe(false);
    const r3 = await cli('sample', models.cart, '--condition', 'Species', '--rows', '5', '--out', out);
    expect(r3.code).toBe(2);
  });
});

describe('sample --rebalance', () => {
  it('gives the named value exactly its share; the others keep the model’s proportions', async () => {
    const out = join(dir, 'balanced.csv');
    const r = await cli(
      'sample',
      models.independent,
      '--rebalance',
      'Species=Chinstrap:0.5',
      '--rows',
      '20000',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const counts: Record<string, number> = {};
    for (const row of (await readRows(out)).toRecords())
      counts[String(row.Species)] = (counts[String(row.Species)] ?? 0) + 1;
    expect(counts.Chinstrap).toBe(10000);
    expect(counts.Adelie + counts.Gentoo).toBe(10000);
    expect(counts.Adelie).toBeGreaterThan(counts.Gentoo); // 152 Adelie vs 124 Gentoo in the real table (seeded; 55 % vs 45 % of the rest, ±0.5 % at one s.d.)
  });

  it('bad value → exit 1; bad syntax or combined with --condition → exit 2', async () => {
    const out = join(dir, 'never2.csv');
    const bad = await cli(
      'sample',
      models.cart,
      '--rebalance',
      'Species=Emperor:0.5',
      '--rows',
      '10',
      '--out',
      out,
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"Emperor" is not a value of column "Species"/);
    expect(
      (await cli('sample', models.cart, '--rebalance', 'Species=Adelie', '--rows', '10', '--out', out)).code,
    ).toBe(2);
    expect(
      (
        await cli(
          'sample',
          models.cart,
          '--rebalance',
          'Species=Adelie:0.5',
          '--condition',
          'Sex=MALE',
          '--rows',
          '10',
          '--out',
          out,
        )
      ).code,
    ).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('readJobConstraints (what run passes to runJob)', () => {
  it('reads the metadata rules, --rebalance and --disclosure, and warns about a filter on training data', async () => {
    const { schema } = await readTable(PENGUINS, { metadata: JSON.parse(readFileSync(metadata, 'utf8')) });
    const steps = join(dir, 'job-steps.json');
    writeFileSync(
      steps,
      JSON.stringify([
        { type: 'round', column: 'Body Mass (g)', unit: 50 },
        { type: 'remove-training-matches' },
      ]),
    );
    const errs: string[] = [];
    const spec = await readJobConstraints(
      { metadata, disclosure: steps },
      schema,
      'Species=Gentoo:0.5',
      (s: string) => errs.push(s),
    );
    expect(spec.rules).toHaveLength(4);
    expect(spec.rebalance).toEqual({ column: 'Species', shares: { Gentoo: 0.5 } });
    expect(spec.disclosure!.map((s) => s.type)).toEqual(['round', 'remove-training-matches']);
    expect(errs.join('\n')).toMatch(/ReconSyn/);
    expect(await readJobConstraints({}, schema)).toEqual({});
  });
});

describe('run with rules, --rebalance and --disclosure', () => {
  it('the synthetic table keeps the rules, has the asked shares and went through disclosure control; the report shows it', async () => {
    const steps = join(dir, 'run-steps.json');
    writeFileSync(steps, JSON.stringify([{ type: 'round', column: 'Body Mass (g)', unit: 50 }]));
    const out = join(dir, 'run-out');
    const r = await cli(
      'run',
      PENGUINS,
      '-m',
      metadata,
      '-s',
      'cart',
      '--rebalance',
      'Species=Chinstrap:0.5',
      '--disclosure',
      steps,
      '--attacks',
      'none',
      '--out-dir',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const { table, schema } = await readTable(join(out, 'synthetic.csv'));
    const recs = table.toRecords();
    expect(recs.filter((x) => x.Species === 'Chinstrap').length).toBe(Math.round(recs.length / 2));
    for (const x of recs) if (x['Body Mass (g)'] !== null) expect(Number(x['Body Mass (g)']) % 50).toBe(0);
    const rules = parseRules(RULES, schema);
    // rounding to 50 g keeps the 3000–6000 g range and the male ≥ 3200 g rule; the others are untouched
    expect(checkRules(table, schema, rules).map((x) => x.count)).toEqual([0, 0, 0, 0]);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<section id="disclosure">');
  });

  it('a DP run filtered on its training data is reported as not DP, with the ReconSyn warning', async () => {
    const steps = join(dir, 'run-steps-2.json');
    writeFileSync(steps, JSON.stringify([{ type: 'remove-training-matches' }]));
    const out = join(dir, 'run-out-2');
    // a DP fit uses only declared schema facts (issue 10): inspect writes them, dpDomains releases the domains
    const meta = join(dir, 'run-meta-2.json');
    expect((await cli('inspect', PENGUINS, '--out', meta)).code).toBe(0);
    const r = await cli(
      'run',
      PENGUINS,
      '-m',
      meta,
      '-s',
      'independent',
      '--epsilon',
      '1',
      '--option',
      'dpDomains=0.1',
      '--disclosure',
      steps,
      '--attacks',
      'none',
      '--out-dir',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/ReconSyn/);
    expect(r.stdout).toMatch(/synthesizer: independent — NOT differentially private/);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(
      /id="privacy-banner">Not differentially private/,
    );
  });
});
