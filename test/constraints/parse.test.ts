import { describe, expect, it } from 'vitest';
import { parseRules, describeRule } from '../../src/constraints/parse.js';
import { checkRules } from '../../src/constraints/check.js';
import { tableFromRecords } from '../../src/table/infer.js';
import { LookalikeError } from '../../src/errors.js';
import { RULES_JSON, ruleTable } from './fixture.js';

const { schema } = ruleTable(10);

function problemsOf(json: unknown): string[] {
  try {
    parseRules(json, schema);
  } catch (e) {
    if (e instanceof LookalikeError) return [...e.problems];
    throw e;
  }
  throw new Error('expected the rules to be refused');
}

describe('parseRules', () => {
  it('normalises shorthands and describes every rule', () => {
    const rules = parseRules(RULES_JSON, schema);
    expect(rules.map(describeRule)).toEqual([
      'start <= end',
      'a <= b',
      'total = a + b',
      'fixed combinations of city, country',
      'exactly one of red, green, blue',
      'price in steps of 5',
      'price > 0',
      'age >= 18 and age <= 95',
      'if status = retired then age >= 50',
      'serial unique',
      'code matches /[A-Z]{2}-\\d{5}/',
    ]);
    expect(rules[6]).toEqual({ type: 'range', column: 'price', min: 0, strictMin: true });
    expect(rules[2]).toEqual({ type: 'linear', column: 'total', terms: { a: 1, b: 1 } });
  });

  it('lists every malformed rule at once', () => {
    const p = problemsOf([
      { type: 'inequality', low: 'a', high: 'city' },
      { type: 'range', column: 'nope', min: 1 },
      { type: 'teleport' },
      { type: 'fixed-combinations', columns: ['city'] },
      { type: 'format', column: 'a', pattern: '(' },
      { type: 'rounding', column: 'price', unit: -5 },
      { type: 'one-hot', columns: ['red', 'green'], colour: 'x' },
      {
        type: 'conditional',
        if: { column: 'status', equals: 'astronaut' },
        then: { type: 'unique', column: 'a' },
      },
    ]);
    expect(p).toEqual([
      'constraints[0] (inequality): column "city" is categorical; this rule needs numeric or datetime',
      'constraints[1] (range): "column" names "nope", which is not a column of the table',
      'constraints[2]: unknown rule type "teleport" (known: inequality, range, positive, negative, fixed-combinations, sum, linear, ratio, rounding, one-hot, unique, format, conditional)',
      'constraints[3] (fixed-combinations): "columns" must be a list of at least 2 column names',
      'constraints[4] (format): column "a" is numeric; this rule needs id or text',
      'constraints[4] (format): "pattern" is not a valid regular expression',
      'constraints[5] (rounding): "unit" must be positive',
      'constraints[6] (one-hot) has an unknown field "colour"',
      'constraints[7] (conditional): an "if" value lies outside column "status"\'s domain or kind',
      'constraints[7] (conditional): "then" must be a range (or positive/negative) or an inequality',
    ]);
  });

  it('reports contradictory rules in one error', () => {
    const p = problemsOf([
      { type: 'positive', column: 'a' },
      { type: 'negative', column: 'a', strict: true },
      { type: 'inequality', low: 'a', high: 'b', strict: true },
      { type: 'inequality', low: 'b', high: 'a' },
      { type: 'range', column: 'age', min: 90 },
      {
        type: 'conditional',
        if: { column: 'status', equals: 'retired' },
        then: { type: 'range', column: 'age', max: 20 },
      },
      { type: 'sum', column: 'total', of: ['a', 'b'] },
      { type: 'ratio', column: 'total', numerator: 'a', denominator: 'b' },
      { type: 'fixed-combinations', columns: ['city', 'country'] },
      { type: 'fixed-combinations', columns: ['country', 'status'] },
      { type: 'inequality', low: 'price', high: 'serial' },
      { type: 'range', column: 'price', min: 200000 },
    ]);
    expect(p).toEqual([
      'the declared domain of "a" and rule 2 (a < 0) contradict each other: no value of "a" satisfies both',
      'rule 12 (price >= 200000) and the declared domain of "price" contradict each other: no value of "price" satisfies both',
      'rule 4 (b <= a) cannot hold: the declared domain of "b" puts "b" above what rule 2 (a < 0) allows "a"',
      'rule 11 (price <= serial) cannot hold: rule 12 (price >= 200000) puts "price" above what the declared domain of "serial" allows "serial"',
      'rule 3 (a < b), rule 4 (b <= a) form a cycle with a strict inequality: no row satisfies them all',
      '"total" is computed by both rule 7 (total = a + b) and rule 8 (total = a / b)',
      '"country" is in both rule 9 (fixed combinations of city, country) and rule 10 (fixed combinations of country, status); list its combinations in one rule',
      'rule 6 (if status = retired then age <= 20) cannot hold together with rule 5 (age >= 90)',
    ]);
  });
});

describe('checkRules against hand-computed cases', () => {
  it('counts the rows that break each kind of rule', () => {
    const { table, schema: s } = tableFromRecords(
      [
        {
          lo: 1,
          hi: 2,
          t: 3,
          r: 0.5,
          p: 10,
          x: 1,
          y: 0,
          z: 0,
          k: 'A',
          c: 'FR',
          u: 1,
          id: 'AB-1',
          st: 'retired',
          age: 60,
        },
        {
          lo: 3,
          hi: 2,
          t: 5,
          r: 1.5,
          p: 12,
          x: 1,
          y: 1,
          z: 0,
          k: 'B',
          c: 'FR',
          u: 1,
          id: 'ab-2',
          st: 'retired',
          age: 40,
        },
        {
          lo: 2,
          hi: 2,
          t: 4,
          r: 1,
          p: 15,
          x: 0,
          y: 0,
          z: 0,
          k: 'A',
          c: 'DE',
          u: 2,
          id: 'AB-3',
          st: 'working',
          age: 20,
        },
        {
          lo: null,
          hi: 0,
          t: null,
          r: null,
          p: null,
          x: 0,
          y: 0,
          z: 1,
          k: 'A',
          c: 'FR',
          u: 2,
          id: null,
          st: 'working',
          age: 30,
        },
      ],
      { columns: [{ name: 'id', kind: 'id' }] },
    );
    const rules = parseRules(
      [
        { type: 'inequality', low: 'lo', high: 'hi' },
        { type: 'inequality', low: 'lo', high: 'hi', strict: true },
        { type: 'sum', column: 't', of: ['lo', 'hi'] },
        { type: 'ratio', column: 'r', numerator: 'lo', denominator: 'hi' },
        { type: 'rounding', column: 'p', unit: 5 },
        { type: 'one-hot', columns: ['x', 'y', 'z'] },
        {
          type: 'fixed-combinations',
          columns: ['k', 'c'],
          combinations: [
            ['A', 'FR'],
            ['B', 'DE'],
          ],
        },
        { type: 'unique', column: 'u' },
        { type: 'format', column: 'id', pattern: '[A-Z]{2}-\\d' },
        {
          type: 'conditional',
          if: { column: 'st', equals: 'retired' },
          then: { type: 'range', column: 'age', min: 50 },
        },
      ],
      s,
    );
    const res = checkRules(table, s, rules);
    expect(res.map((r) => [...r.rows])).toEqual([
      [0, 1, 0, 0], // lo ≤ hi: 3 > 2
      [0, 1, 1, 0], // lo < hi: also 2 = 2
      [0, 0, 0, 0], // t = lo + hi holds where present (row 4 has a missing term)
      [0, 0, 0, 0], // r = lo / hi
      [0, 1, 0, 0], // p in steps of 5: 12
      [0, 1, 1, 0], // exactly one: two on, none on
      [0, 1, 1, 0], // (B, FR) and (A, DE) are not declared
      [0, 1, 0, 1], // u repeats
      [0, 1, 0, 0], // lower case
      [0, 1, 0, 0], // retired at 40
    ]);
    const atMostOne = parseRules([{ type: 'one-hot', columns: ['x', 'y', 'z'], exactlyOne: false }], s);
    expect([...checkRules(table, s, atMostOne)[0].rows]).toEqual([0, 1, 0, 0]);
  });

  it('ranges with strict or absent bounds; conditionals on a category set, a missing cell and a number', () => {
    const { table, schema: s } = tableFromRecords([
      { v: 0, st: 'retired', n: 1, a: 5, b: 4 },
      { v: 10, st: 'widowed', n: 2, a: 5, b: 6 },
      { v: 5, st: null, n: 1, a: 7, b: 6 },
      { v: null, st: 'working', n: null, a: 9, b: 1 },
      { v: -1, st: 'retired', n: 2, a: 1, b: 1 },
    ]);
    const rules = parseRules(
      [
        { type: 'range', column: 'v', min: 0, max: 10, strictMin: true },
        { type: 'range', column: 'v', max: 10, strictMax: true },
        { type: 'range', column: 'v', min: 0 },
        {
          type: 'conditional',
          if: { column: 'st', in: ['retired', 'widowed'] },
          then: { type: 'inequality', low: 'a', high: 'b' },
        },
        {
          type: 'conditional',
          if: { column: 'st', equals: null },
          then: { type: 'range', column: 'v', max: 4 },
        },
        {
          type: 'conditional',
          if: { column: 'n', equals: 1 },
          then: { type: 'inequality', low: 'a', high: 'b', strict: true },
        },
      ],
      s,
    );
    expect(checkRules(table, s, rules).map((r) => [...r.rows])).toEqual([
      [1, 0, 0, 0, 1], // v > 0 and v ≤ 10: 0 and −1 break it, missing breaks nothing
      [0, 1, 0, 0, 0], // v < 10
      [0, 0, 0, 0, 1], // v ≥ 0
      [1, 0, 0, 0, 0], // retired or widowed → a ≤ b: 5 > 4 (rows 2 and 5 keep it; row 3 is not in the set)
      [0, 0, 1, 0, 0], // st missing → v ≤ 4: 5
      [1, 0, 1, 0, 0], // n = 1 → a < b
    ]);
  });
});
