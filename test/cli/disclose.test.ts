import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../src/io/index.js';
import { cli, DATA, tempDir } from './helpers.js';

// `lookalike disclose`: post-hoc disclosure control of a table (docs/constraints.md). Seeded throughout.

const PENGUINS = `${DATA}/penguins.json`;
let dir: string;
let synthetic: string;
let cartModel: string;
let dpModel: string;

beforeAll(async () => {
  dir = tempDir();
  cartModel = join(dir, 'cart.json');
  dpModel = join(dir, 'mst.json');
  synthetic = join(dir, 'synthetic.csv');
  expect((await cli('fit', PENGUINS, '-s', 'cart', '--out', cartModel)).code).toBe(0);
  expect((await cli('sample', cartModel, '--rows', '344', '--seed', '1', '--out', synthetic)).code).toBe(0);
  // the schema facts declared (issue 10), the domains released under DP
  const meta = join(dir, 'meta.json');
  expect((await cli('inspect', PENGUINS, '--out', meta, '-q')).code).toBe(0);
  const r = await cli(
    'fit',
    PENGUINS,
    '--metadata',
    meta,
    '-s',
    'mst',
    '--epsilon',
    '1',
    '--option',
    'dpDomains=0.1',
    '--out',
    dpModel,
  );
  expect(r.code, r.stderr).toBe(0);
}, 60_000);

describe('lookalike disclose', () => {
  it('post-processing steps: the table changed as asked, every count reported, the guarantee unchanged', async () => {
    const out = join(dir, 'released.csv');
    const report = join(dir, 'disclosure.json');
    const r = await cli(
      'disclose',
      synthetic,
      '--merge-rare',
      '100',
      '--top-code',
      'Body Mass (g)=3000:5500',
      '--round',
      'Beak Length (mm)=5',
      '--k-anonymise',
      '5',
      '--quasi-identifiers',
      'Island,Sex,Flipper Length (mm)',
      '--model',
      dpModel,
      '--out',
      out,
      '--report',
      report,
    );
    expect(r.code, r.stderr).toBe(0);
    const before = (await readTable(synthetic)).table;
    const after = (await readTable(out)).table;
    expect(after.nRows).toBe(344);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.steps.map((s: { step: string }) => s.step)).toEqual([
      'merge-rare-categories',
      'top-bottom-code',
      'round',
      'k-anonymise',
    ]);
    // the counts are the cells that differ between input and output (k-anonymisation comes last for its columns)
    const diff = (col: string) => {
      const a = before.toRecords();
      const b = after.toRecords();
      return a.filter((x, i) => x[col] !== b[i][col]).length;
    };
    const counted = (col: string) =>
      json.steps.reduce(
        (s: number, st: { cellsChanged: Record<string, number> }) => s + (st.cellsChanged[col] ?? 0),
        0,
      );
    for (const col of ['Species', 'Body Mass (g)', 'Beak Length (mm)'])
      expect(diff(col), col).toBe(counted(col));
    for (const row of after.toRecords()) {
      const mass = row['Body Mass (g)'];
      if (mass !== null) expect(mass).toBeGreaterThanOrEqual(3000);
      if (mass !== null) expect(mass).toBeLessThanOrEqual(5500);
      if (row['Beak Length (mm)'] !== null) expect(Number(row['Beak Length (mm)']) % 5).toBe(0);
    }
    // 5-anonymous over the quasi-identifiers, suppressed rows aside
    const qi = (x: Record<string, unknown>) => `${x.Island}|${x.Sex}|${x['Flipper Length (mm)']}`;
    const rowsKept = after.toRecords().filter((x) => x.Island !== null || x['Flipper Length (mm)'] !== null);
    const size = new Map<string, number>();
    for (const x of rowsKept) size.set(qi(x), (size.get(qi(x)) ?? 0) + 1);
    for (const n of size.values()) expect(n).toBeGreaterThanOrEqual(5);
    expect(json.readsTrainingData).toBe(false);
    expect(json.guarantee.after.type).toBe('dp');
    expect(r.stdout).toMatch(/→ released table: \(ε = 1, δ = 1\.00e-9\)-differentially private/);
  });

  it('--remove-training-matches: rows equal to a training row go, the warning is printed, a DP guarantee is void', async () => {
    const out = join(dir, 'no-copies.csv');
    const report = join(dir, 'd2.json');
    const r = await cli(
      'disclose',
      synthetic,
      '--remove-training-matches',
      PENGUINS,
      '--model',
      dpModel,
      '--out',
      out,
      '--report',
      report,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/reads the training data.*ReconSyn/);
    expect(r.stdout).toMatch(/WARNING: .*ReconSyn/);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.guarantee.after).toEqual({ type: 'none' });
    expect(json.guarantee.why).toMatch(/ReconSyn/);
    const real = new Set(
      (await readTable(PENGUINS)).table.toRecords().map((x) => JSON.stringify(Object.values(x))),
    );
    const kept = (await readTable(out)).table.toRecords();
    for (const x of kept) expect(real.has(JSON.stringify(Object.values(x)))).toBe(false);
    expect(json.steps[0].rows).toBeGreaterThan(0); // cart copies some training rows whole (seeded)
    expect(kept.length).toBe(344 - json.steps[0].rows);
  });

  it('--steps reads the same steps from JSON; bad steps and bad flags fail before anything is written', async () => {
    const steps = join(dir, 'steps.json');
    writeFileSync(steps, JSON.stringify([{ type: 'round', column: 'Body Mass (g)', unit: 250 }]));
    const out = join(dir, 'stepped.csv');
    expect((await cli('disclose', synthetic, '--steps', steps, '--out', out)).code).toBe(0);
    for (const x of (await readTable(out)).table.toRecords())
      if (x['Body Mass (g)'] !== null) expect(Number(x['Body Mass (g)']) % 250).toBe(0);
    const never = join(dir, 'never.csv');
    writeFileSync(steps, JSON.stringify([{ type: 'round', column: 'Nope', unit: 250 }, { type: 'blur' }]));
    const bad = await cli('disclose', synthetic, '--steps', steps, '--out', never);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"type" must be one of/);
    writeFileSync(steps, JSON.stringify([{ type: 'round', column: 'Nope', unit: 250 }]));
    const bad2 = await cli('disclose', synthetic, '--steps', steps, '--out', never);
    expect(bad2.code).toBe(2);
    expect(bad2.stderr).toMatch(/"Nope" is not a column/);
    expect((await cli('disclose', synthetic, '--out', never)).code).toBe(2); // no step
    expect((await cli('disclose', synthetic, '--round', 'x', '--out', never)).code).toBe(2);
    expect((await cli('disclose', synthetic, '--top-code', 'age=:', '--out', never)).code).toBe(2);
    expect((await cli('disclose', synthetic, '--k-anonymise', '3', '--out', never)).code).toBe(2); // no QIs
    expect(existsSync(never)).toBe(false);
  });
});
