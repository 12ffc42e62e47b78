import { describe, expect, it } from 'vitest';
import '../../src/synthesizers/builtin.js';
import { getSynthesizer } from '../../src/synthesizers/registry.js';
import { parseRebalance, rebalancePlan, sampleRebalanced } from '../../src/constraints/rebalance.js';
import { toyTable } from '../synthesizers/mst-fixtures.js';

const { table, schema } = toyTable(3000, 4);

describe('rebalancing', () => {
  it('parses column=value:share lists and refuses bad ones', () => {
    expect(parseRebalance('income=>50K:0.5')).toEqual({ column: 'income', shares: { '>50K': 0.5 } });
    expect(parseRebalance('a=p:0.2,q:0.3')).toEqual({ column: 'a', shares: { p: 0.2, q: 0.3 } });
    expect(() => parseRebalance('a=p:2,q')).toThrow(/"p:2" must be value:share[\s\S]*"q" must be/);
  });

  it('plans exact counts, the rest among the other values', () => {
    const plan = rebalancePlan(schema, 10, { column: 'a', shares: { r: 0.3 } }, 1);
    expect(
      plan.groups.map((g) => [g.conditions[0].value, g.conditions[0].oneOf ?? null, g.rows.length]),
    ).toEqual([
      ['r', null, 3],
      ['p', ['p', 'q'], 7],
    ]);
    expect(() => rebalancePlan(schema, 10, { column: 'a', shares: { r: 0.7, z: 0.6 } })).toThrow(
      /"z" is not a value of column "a"[\s\S]*add up to 1.3, more than 1/,
    );
  });

  for (const [name, epsilon] of [
    ['cart', undefined],
    ['gaussian-copula', undefined],
    ['mst', 10],
  ] as const) {
    it(`${name}: the shares are exact and the others keep the model's proportions`, async () => {
      const model = await getSynthesizer(name).fit(table, schema, { seed: 1, epsilon });
      const s = sampleRebalanced(model, 2000, { column: 'a', shares: { r: 0.5 } }, 3);
      const a = s.toRecords().map((r) => r.a);
      expect(a.filter((v) => v === 'r')).toHaveLength(1000);
      // p and q share the other half about as the data do (1/3 each of the table)
      const p = a.filter((v) => v === 'p').length;
      expect(p / 1000).toBeGreaterThan(0.4);
      expect(p / 1000).toBeLessThan(0.6);
    });
  }
});
