import { describe, expect, it } from 'vitest';
import '../../src/synthesizers/builtin.js';
import { getSynthesizer } from '../../src/synthesizers/registry.js';
import { parseRules } from '../../src/constraints/parse.js';
import { checkRules } from '../../src/constraints/check.js';
import { planConstraints } from '../../src/constraints/transform.js';
import { forbiddenRegions } from '../../src/constraints/zeros.js';
import { fitWithRules } from '../../src/constraints/model.js';
import type { MarginalModel } from '../../src/synthesizers/marginal/model.js';
import { encodeRegions, modelZeros, orderZeros } from '../../src/synthesizers/structural-zeros.js';
import {
  Discretizer,
  discretizer,
  discretizerFromJSON,
  type DiscretizerJSON,
} from '../../src/table/encode.js';
import { Rng } from '../../src/random/rng.js';
import { SecureRng } from '../../src/random/secure.js';
import type { Schema } from '../../src/table/schema.js';
import { Table } from '../../src/table/table.js';
import { fixedSource } from '../random/fixed-bytes.js';

// Inequalities between two columns as structural zeros of the DP-marginal models (issue 13): the pairs of bins
// wholly past the diagonal get probability 0 (a public fact from the rule and the domains: no budget), and a row
// drawn in a pair of bins across the diagonal gets its two values drawn again within those bins. Every DP fit draws
// its noise from fixed bytes (fixedSource), so each assertion is exact and cannot fail by an unlucky draw.

const pub = 'public' as const;
const schema: Schema = {
  version: 1,
  columns: [
    { name: 'kind', kind: 'categorical', domain: { categories: ['a', 'b'], source: pub } },
    { name: 'rooms', kind: 'numeric', integer: true, domain: { min: 1, max: 1000, source: pub } },
    {
      name: 'bedrooms',
      kind: 'numeric',
      integer: true,
      nullable: true,
      domain: { min: 1, max: 1000, source: pub },
    },
  ],
};

/** bedrooms ≤ rooms in every row (about a fifth of rooms), 2 % missing; kind b has more rooms. */
function homes(n: number, seed: number): Table {
  const rng = new Rng(seed);
  const kind = new Int32Array(n);
  const rooms = new Float64Array(n);
  const bedrooms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    kind[i] = rng.float() < 0.3 ? 1 : 0;
    rooms[i] = Math.min(1000, 1 + Math.floor(-Math.log(1 - rng.float()) * (kind[i] ? 300 : 120)));
    bedrooms[i] =
      rng.float() < 0.02
        ? NaN
        : Math.max(1, Math.min(rooms[i], Math.round(rooms[i] * (0.1 + 0.3 * rng.float()))));
  }
  return new Table(
    [
      { kind: 'categorical', name: 'kind', codes: kind, categories: ['a', 'b'] },
      { kind: 'numeric', name: 'rooms', values: rooms, integer: true },
      { kind: 'numeric', name: 'bedrooms', values: bedrooms, integer: true },
    ],
    n,
  );
}

const RULES = parseRules([{ type: 'inequality', low: 'bedrooms', high: 'rooms' }], schema);

function broken(t: Table): number {
  return checkRules(t, schema, RULES)[0].count;
}

describe('an order as structural zeros of the encoding', () => {
  const json = (edges: number[] | null, offset: number | null, size: number, integer: boolean) =>
    new Discretizer({
      name: 'x',
      kind: 'numeric',
      edges,
      offset,
      categories: null,
      integer,
      format: null,
      includeMissing: true,
      size,
    });

  it('a pair of codes is a zero only when every low value exceeds every high value (hand-computed)', () => {
    const low = json(null, 0, 6, true); // 0..4 exactly, then missing
    const high = json([0, 2, 4, 6], null, 4, false); // [0, 2), [2, 4), [4, 6], missing
    // low ≤ high is broken for sure when low ≥ 2 against [0, 2), low ≥ 4 against [2, 4); never against [4, 6]
    // (6 is in it) nor against a missing value
    const want = [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [1, 0, 0, 0],
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 0, 0, 0],
    ];
    expect([...orderZeros(low, high, false)]).toEqual(want.flat());
    // integers 0..2 exactly on both sides (then missing): strict (low < high) also forbids low = high
    const exact = () => json(null, 0, 4, true);
    const z = (strict: boolean) => [...orderZeros(exact(), exact(), strict)];
    expect(z(false)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(z(true)).toEqual([1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('equal-width integer bins: [1, 32), [32, 63), … — bedrooms in bin k ≥ 1 against rooms in bins below', () => {
    const ds = [discretizer(schema.columns[1]), discretizer(schema.columns[2])];
    const regions = encodeRegions(
      [{ terms: [], order: { low: 'bedrooms', high: 'rooms' } }],
      ['rooms', 'bedrooms'],
      ds,
    );
    expect(regions).toHaveLength(1);
    const [{ zero }] = modelZeros(regions, [ds[0].size, ds[1].size]);
    const nr = ds[0].size;
    const nb = ds[1].size; // 32 bins + missing
    // the zero is over (rooms, bedrooms): rooms-major
    for (let r = 0; r < 32; r++)
      for (let b = 0; b < nb; b++) expect(zero[r * nb + b]).toBe(b < 32 && b > r ? 1 : 0);
    expect(nr).toBe(32);
  });

  it('the DP-marginal synthesizers model both sides as they are; the others keep the gap', () => {
    const dp = planConstraints(RULES, schema, { dp: true, orderZeros: true });
    expect(dp.gaps).toEqual([]);
    expect(forbiddenRegions(dp, schema)).toEqual([{ terms: [], order: { low: 'bedrooms', high: 'rooms' } }]);
    const other = planConstraints(RULES, schema, { dp: true });
    expect(other.gaps.map((g) => g.derived)).toEqual(['bedrooms']);
    expect(forbiddenRegions(other, schema)).toEqual([]);
    // a conditional inequality: the condition's term and the order
    const cond = parseRules(
      [
        {
          type: 'conditional',
          if: { column: 'kind', equals: 'b' },
          then: { type: 'inequality', low: 'bedrooms', high: 'rooms', strict: true },
        },
      ],
      schema,
    );
    expect(forbiddenRegions(planConstraints(cond, schema, { dp: true, orderZeros: true }), schema)).toEqual([
      { terms: [{ column: 'kind', in: ['b'] }], order: { low: 'bedrooms', high: 'rooms', strict: true } },
    ]);
  });
});

const table = homes(3000, 4);
async function dpFit(name: string, withRules: boolean) {
  const opts = { seed: 1, epsilon: 1, secureRng: new SecureRng(fixedSource(31)) };
  if (!withRules) return (await getSynthesizer(name).fit(table, schema, opts)) as MarginalModel;
  const { model } = await fitWithRules(getSynthesizer(name), table, schema, RULES, opts);
  return model;
}

for (const name of ['mst', 'aim', 'privbayes', 'independent']) {
  describe(`${name} (ε = 1): an inequality as structural zeros`, () => {
    it('no budget, fewer rows across the diagonal, none in the output', { timeout: 120_000 }, async () => {
      const plain = (await dpFit(name, false)) as MarginalModel;
      const ruled = await dpFit(name, true);
      if (!('inner' in ruled)) throw new Error('a constrained model');
      const inner = ruled.inner as MarginalModel;
      // the rule is public: the same guarantee and total cost; the same measurements too, except in AIM, whose
      // rounds are chosen against its current model (which holds the zeros) — still post-processing of public facts
      const costs = (m: MarginalModel) =>
        m.ledger.entries.map((e) => [e.mechanism, e.noiseScale, e.rho, e.epsilon ?? null]);
      const rho = (m: MarginalModel) => m.ledger.entries.reduce((x, e) => x + (e.rho ?? 0), 0);
      if (name !== 'aim') expect(costs(inner)).toEqual(costs(plain));
      expect(Math.abs(rho(inner) - rho(plain))).toBeLessThan(1e-6 * rho(plain));
      const g = inner.ledger.guarantee() as { epsilon: number; delta: number };
      const g0 = plain.ledger.guarantee() as { epsilon: number; delta: number };
      if (name !== 'aim') expect(g).toEqual(g0);
      // AIM's last round spends what is left, to rounding: ε 0.9999996816 with the rule, 0.9999996728 without
      else
        expect([g.delta, Math.abs(g.epsilon - g0.epsilon) < 1e-6, g.epsilon <= 1]).toEqual([
          g0.delta,
          true,
          true,
        ]);
      // the inner model's rows (no check yet) cross the diagonal less often than the model without the zeros
      const before = broken(plain.sample(20_000, { seed: 5 }));
      const raw = broken(inner.sample(20_000, { seed: 5 }));
      expect(before).toBeGreaterThan(0);
      expect(raw).toBeLessThan(before);
      // and the constrained model's rows never
      expect(broken(ruled.sample(20_000, { seed: 5 }))).toBe(0);
      // conditioned on one side, that side keeps its value (only the other is redrawn within its bin)
      const given = ruled.sample(2000, { seed: 6, conditions: { rooms: 40 } });
      const rooms = (given.column('rooms') as { values: Float64Array }).values;
      expect(rooms.every((v) => v === 40)).toBe(true);
      expect(broken(given)).toBe(0);
    });
  });
}

describe('independent without a budget', () => {
  it('draws both sides from their own marginals and redraws the pair across the diagonal (no gap)', async () => {
    const { model } = await fitWithRules(getSynthesizer('independent'), table, schema, RULES, { seed: 1 });
    expect(model.plan.gaps).toEqual([]);
    const s = model.sample(5000, { seed: 2 });
    expect(broken(s)).toBe(0);
    // every bedrooms value is one the training column holds (a gap rebuilt as rooms − gap would make new ones)
    const seen = new Set((table.column('bedrooms') as { values: Float64Array }).values);
    const drawn = (s.column('bedrooms') as { values: Float64Array }).values;
    expect(drawn.every((v) => Number.isNaN(v) || seen.has(v))).toBe(true);
  });
});

describe('redrawWithinBins', () => {
  it('draws values again inside the bins they lie in, leaving other rows and columns alone', async () => {
    const m = (await dpFit('mst', false)) as MarginalModel;
    const t = m.sample(2000, { seed: 8 });
    const rows = Int32Array.from({ length: 500 }, (_, k) => 4 * k);
    const u = m.redrawWithinBins(t, rows, ['bedrooms', 'rooms'], 3);
    const p = m.toJSON().params as { columns: string[]; discretizers: DiscretizerJSON[] };
    const d = ['rooms', 'bedrooms'].map((c) => discretizerFromJSON(p.discretizers[p.columns.indexOf(c)]));
    const col = (x: Table, c: string) => (x.column(c) as { values: Float64Array }).values;
    for (const [k, c] of ['rooms', 'bedrooms'].entries()) {
      const before = d[k].encode(t.column(c));
      const after = d[k].encode(u.column(c));
      expect([...after]).toEqual([...before]);
      // some values moved, and only in the rows asked for
      let moved = 0;
      for (let i = 0; i < t.nRows; i++)
        if (!Object.is(col(t, c)[i], col(u, c)[i])) {
          expect(i % 4).toBe(0);
          moved++;
        }
      expect(moved).toBeGreaterThan(100);
    }
    expect([...(u.column('kind') as { codes: Int32Array }).codes]).toEqual([
      ...(t.column('kind') as { codes: Int32Array }).codes,
    ]);
  });
});
