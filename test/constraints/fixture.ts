import { Rng } from '../../src/random/rng.js';
import type { Column } from '../../src/table/column.js';
import type { Schema } from '../../src/table/schema.js';
import { Table } from '../../src/table/table.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2020, 0, 1);
export const CITIES = [
  ['Paris', 'FR'],
  ['Lyon', 'FR'],
  ['Berlin', 'DE'],
  ['Hamburg', 'DE'],
  ['Rome', 'IT'],
] as const;

/**
 * A table that keeps every kind of rule: start ≤ end (dates), a ≤ b (integers), total = a + b, city ↔ country,
 * exactly one of red/green/blue, price in steps of 5, if status = retired then age ≥ 50, serial unique, code
 * formatted. Domains are declared public so DP synthesizers can fit it.
 */
export function ruleTable(n = 3000, seed = 1): { table: Table; schema: Schema } {
  const rng = new Rng(seed);
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const total = new Float64Array(n);
  const city = new Int32Array(n);
  const country = new Int32Array(n);
  const red = new Int8Array(n);
  const green = new Int8Array(n);
  const blue = new Int8Array(n);
  const price = new Float64Array(n);
  const status = new Int32Array(n);
  const age = new Float64Array(n);
  const serial = new Float64Array(n);
  const code: string[] = [];
  const perm = rng.permutation(100_000);
  for (let i = 0; i < n; i++) {
    start[i] = T0 + rng.int(300) * DAY;
    end[i] = start[i] + rng.int(60) * DAY;
    a[i] = rng.int(40);
    b[i] = a[i] + rng.int(20);
    total[i] = a[i] + b[i];
    const c = rng.int(5);
    city[i] = c;
    country[i] = ['FR', 'DE', 'IT'].indexOf(CITIES[c][1]);
    const k = rng.int(3);
    red[i] = k === 0 ? 1 : 0;
    green[i] = k === 1 ? 1 : 0;
    blue[i] = k === 2 ? 1 : 0;
    price[i] = 5 * (10 + rng.int(30) + (c === 0 ? 20 : 0));
    const retired = rng.float() < 0.25;
    status[i] = retired ? 1 : 0;
    age[i] = retired ? 50 + rng.int(40) : 18 + rng.int(60);
    serial[i] = perm[i];
    code.push(`X${i}`);
  }
  const columns: Column[] = [
    { kind: 'datetime', name: 'start', values: start, format: 'YYYY-MM-DD' },
    { kind: 'datetime', name: 'end', values: end, format: 'YYYY-MM-DD' },
    { kind: 'numeric', name: 'a', values: a, integer: true },
    { kind: 'numeric', name: 'b', values: b, integer: true },
    { kind: 'numeric', name: 'total', values: total, integer: true },
    { kind: 'categorical', name: 'city', codes: city, categories: CITIES.map((c) => c[0]) },
    { kind: 'categorical', name: 'country', codes: country, categories: ['FR', 'DE', 'IT'] },
    { kind: 'boolean', name: 'red', values: red },
    { kind: 'boolean', name: 'green', values: green },
    { kind: 'boolean', name: 'blue', values: blue },
    { kind: 'numeric', name: 'price', values: price, integer: true },
    { kind: 'categorical', name: 'status', codes: status, categories: ['working', 'retired'] },
    { kind: 'numeric', name: 'age', values: age, integer: true },
    { kind: 'numeric', name: 'serial', values: serial, integer: true },
    { kind: 'id', name: 'code', values: code },
  ];
  const pub = 'public' as const;
  const schema: Schema = {
    version: 1,
    columns: [
      {
        name: 'start',
        kind: 'datetime',
        format: 'YYYY-MM-DD',
        domain: { min: '2020-01-01', max: '2020-12-31', source: pub },
      },
      {
        name: 'end',
        kind: 'datetime',
        format: 'YYYY-MM-DD',
        domain: { min: '2020-01-01', max: '2021-03-31', source: pub },
      },
      { name: 'a', kind: 'numeric', integer: true, domain: { min: 0, max: 39, source: pub } },
      { name: 'b', kind: 'numeric', integer: true, domain: { min: 0, max: 60, source: pub } },
      { name: 'total', kind: 'numeric', integer: true, domain: { min: 0, max: 100, source: pub } },
      { name: 'city', kind: 'categorical', domain: { categories: CITIES.map((c) => c[0]), source: pub } },
      { name: 'country', kind: 'categorical', domain: { categories: ['FR', 'DE', 'IT'], source: pub } },
      { name: 'red', kind: 'boolean' },
      { name: 'green', kind: 'boolean' },
      { name: 'blue', kind: 'boolean' },
      { name: 'price', kind: 'numeric', integer: true, domain: { min: 0, max: 400, source: pub } },
      { name: 'status', kind: 'categorical', domain: { categories: ['working', 'retired'], source: pub } },
      { name: 'age', kind: 'numeric', integer: true, domain: { min: 18, max: 95, source: pub } },
      { name: 'serial', kind: 'numeric', integer: true, domain: { min: 0, max: 99_999, source: pub } },
      { name: 'code', kind: 'id' },
    ],
  };
  return { table: new Table(columns, n), schema };
}

/** Every kind of rule, as a metadata file would list them. */
export const RULES_JSON = [
  { type: 'inequality', low: 'start', high: 'end' },
  { type: 'inequality', low: 'a', high: 'b' },
  { type: 'sum', column: 'total', of: ['a', 'b'] },
  {
    type: 'fixed-combinations',
    columns: ['city', 'country'],
    combinations: CITIES.map((c) => [c[0], c[1]]),
  },
  { type: 'one-hot', columns: ['red', 'green', 'blue'] },
  { type: 'rounding', column: 'price', unit: 5 },
  { type: 'positive', column: 'price', strict: true },
  { type: 'range', column: 'age', min: 18, max: 95 },
  {
    type: 'conditional',
    if: { column: 'status', equals: 'retired' },
    then: { type: 'range', column: 'age', min: 50 },
  },
  { type: 'unique', column: 'serial' },
  { type: 'format', column: 'code', pattern: '[A-Z]{2}-\\d{5}' },
];
