import { describe, expect, it } from 'vitest';
import {
  applyDisclosureControl,
  guaranteeAfter,
  kAnonymise,
  parseDisclosureSteps,
} from '../../src/constraints/disclosure.js';
import { LookalikeError } from '../../src/errors.js';
import { tableFromRecords } from '../../src/table/infer.js';

const rows = [
  { age: 23, city: 'Paris', income: 10, sex: 'F' },
  { age: 27, city: 'Paris', income: 20, sex: 'F' },
  { age: 35, city: 'Lyon', income: 30, sex: 'M' },
  { age: 38, city: 'Lyon', income: 40, sex: 'M' },
  { age: 61, city: 'Nice', income: 500, sex: 'F' },
  { age: 64, city: 'Paris', income: 60, sex: 'M' },
];
const { table } = tableFromRecords(rows, {
  columns: [
    { name: 'city', kind: 'categorical' },
    { name: 'sex', kind: 'categorical' },
  ],
});

describe('disclosure control steps (hand-computed)', () => {
  it('merges rare categories, codes the top, rounds — counting changed cells', () => {
    const { table: t, report } = applyDisclosureControl(table, [
      { type: 'merge-rare-categories', columns: ['city'], minCount: 2 },
      { type: 'top-bottom-code', column: 'income', upper: 100 },
      { type: 'round', column: 'age', unit: 10 },
    ]);
    expect(t.toRecords().map((r) => r.city)).toEqual(['Paris', 'Paris', 'Lyon', 'Lyon', 'Other', 'Paris']);
    expect(t.toRecords().map((r) => r.income)).toEqual([10, 20, 30, 40, 100, 60]);
    expect(t.toRecords().map((r) => r.age)).toEqual([20, 30, 40, 40, 60, 60]);
    expect(report.steps.map((s) => s.cellsChanged)).toEqual([{ city: 1 }, { income: 1 }, { age: 6 }]);
    expect(report.readsTrainingData).toBe(false);
    expect(guaranteeAfter({ type: 'dp', epsilon: 1, delta: 1e-9 }, report)).toEqual({
      type: 'dp',
      epsilon: 1,
      delta: 1e-9,
    });
  });

  it('k-anonymises quasi-identifiers by generalisation then suppression', () => {
    const { table: t, report } = kAnonymise(table, ['age', 'sex'], 2, 0);
    // every (age, sex) class left has at least 2 rows, or its quasi-identifiers are suppressed
    const recs = t.toRecords();
    const key = (r: (typeof recs)[number]) => `${r.age}|${r.sex}`;
    const size = new Map<string, number>();
    for (const r of recs) if (r.age !== null) size.set(key(r), (size.get(key(r)) ?? 0) + 1);
    for (const r of recs) if (r.age !== null) expect(size.get(key(r))).toBeGreaterThanOrEqual(2);
    const suppressed = recs.filter((r) => r.age === null && r.sex === null).length;
    expect(report.rows).toBe(suppressed);
    expect(report.cellsChanged.age).toBeGreaterThan(0);
    // non-quasi-identifiers untouched
    expect(recs.map((r) => r.income)).toEqual(rows.map((r) => r.income));
  });

  it('removes synthetic rows equal to a training row, and says the release is then not DP', () => {
    const synth = tableFromRecords([rows[0], { ...rows[1], income: 21 }, rows[4]], {
      columns: [
        { name: 'city', kind: 'categorical' },
        { name: 'sex', kind: 'categorical' },
      ],
    }).table;
    const { table: t, report } = applyDisclosureControl(synth, [{ type: 'remove-training-matches' }], table);
    expect(t.nRows).toBe(1);
    expect(t.toRecords()[0].income).toBe(21);
    expect(report.steps[0].rows).toBe(2);
    expect(report.readsTrainingData).toBe(true);
    expect(report.warning).toMatch(/ReconSyn/);
    expect(guaranteeAfter({ type: 'dp', epsilon: 1, delta: 1e-9 }, report)).toEqual({ type: 'none' });
  });

  it('refuses bad steps all at once', () => {
    expect(() =>
      applyDisclosureControl(table, [
        { type: 'round', column: 'city', unit: 0 },
        { type: 'k-anonymise', quasiIdentifiers: ['nope'], k: 1 },
        { type: 'remove-training-matches' },
      ]),
    ).toThrow(
      /column "city" is not numeric[\s\S]*unit must be positive[\s\S]*"nope"[\s\S]*k must be[\s\S]*needs the training table/,
    );
  });
});

describe('parseDisclosureSteps', () => {
  it('reads the steps as written', () => {
    const json = [
      { type: 'merge-rare-categories', minCount: 5 },
      { type: 'top-bottom-code', column: 'income', upper: 100 },
      { type: 'k-anonymise', quasiIdentifiers: ['age', 'sex'], k: 3, maxSuppression: 0.1 },
      { type: 'remove-training-matches' },
    ];
    expect(parseDisclosureSteps(json)).toEqual(json);
  });

  it('lists every problem at once', () => {
    const bad = () =>
      parseDisclosureSteps(
        [
          { type: 'shuffle' },
          { type: 'round', column: 'age' },
          { type: 'k-anonymise', quasiIdentifiers: 'age', k: '3' },
          { type: 'top-bottom-code', column: 'x', upper: 1, colour: 'red' },
          7,
        ],
        'steps.json',
      );
    expect(bad).toThrow(LookalikeError);
    expect(bad).toThrow(
      /steps\.json\[0\]: "type" must be one of[\s\S]*steps\.json\[1\] \(round\): "unit" must be given[\s\S]*"quasiIdentifiers" must be a list of column names[\s\S]*"k" must be a finite number[\s\S]*unknown field "colour"[\s\S]*steps\.json\[4\] must be an object/,
    );
    expect(() => parseDisclosureSteps({ type: 'round' })).toThrow(/must be a list of steps/);
  });
});
