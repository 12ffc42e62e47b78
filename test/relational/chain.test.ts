import { describe, expect, it } from 'vitest';
import { fitChain, loadChain } from '../../src/relational/chain.js';
import { Rng } from '../../src/random/rng.js';
import type { Row } from '../../src/table/table.js';
import { tab } from './helpers.js';

function data(): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < 200; i++) {
    const a = i % 2 === 0;
    const y = a ? 1 + (i % 3) : 7 + (i % 3);
    rows.push({ x: a ? 'a' : 'b', w: i % 10, y: i % 17 === 0 ? null : y, z: y > 5 ? 'big' : 'small' });
  }
  return rows;
}

describe('tree chain', () => {
  it('draws targets given the conditions, from observed values, missing included', () => {
    const chain = fitChain(tab(data()), ['x', 'w'], ['y', 'z']);
    expect(chain.targets.map((t) => t.name)).toEqual(['y', 'z']);
    const cond = tab(Array.from({ length: 400 }, (_, i) => ({ x: i < 200 ? 'a' : 'b', w: i % 10 })));
    const out = chain.sample(cond, new Rng(1)).toRecords();
    const ya = out.slice(0, 200).map((r) => r.y);
    const yb = out.slice(200).map((r) => r.y);
    expect(ya.every((v) => v === null || [1, 2, 3].includes(v as number))).toBe(true);
    expect(yb.every((v) => v === null || [7, 8, 9].includes(v as number))).toBe(true);
    expect(ya.some((v) => v === null) || yb.some((v) => v === null)).toBe(true);
    // z follows y (a target conditioned on the target before it)
    for (const r of out) if (r.y !== null) expect(r.z).toBe((r.y as number) > 5 ? 'big' : 'small');
    // the same seed gives the same rows; an unseen category goes to the missing bin without error
    expect(chain.sample(cond, new Rng(1)).toRecords()).toEqual(out);
    const unseen = chain.sample(
      tab([
        { x: 'zzz', w: 3 },
        { x: 'a', w: 3 },
      ]),
      new Rng(2),
    );
    expect(unseen.nRows).toBe(2);
  });

  it('restricts a target to the features it is given', () => {
    const chain = fitChain(tab(data()), ['x', 'w'], ['y'], { features: { y: ['w'] } });
    const t = chain.targets[0];
    expect(t.features).toEqual([1]);
    expect(t.tree!.feature.every((f) => f === -1 || f === 1)).toBe(true);
  });

  it('a long category list splits on its most frequent categories and still draws exact codes', () => {
    const rows: Row[] = [];
    for (let i = 0; i < 600; i++) rows.push({ g: i % 2 ? 'odd' : 'even', c: `k${(i % 2) * 100 + (i % 50)}` });
    const chain = fitChain(tab(rows), ['g'], ['c']);
    const out = chain.sample(tab([{ g: 'odd' }, { g: 'even' }, { g: 'odd' }]), new Rng(3)).toRecords();
    expect(out.map((r) => (r.c as string).length > 0)).toEqual([true, true, true]);
    expect(Number((out[0].c as string).slice(1))).toBeGreaterThanOrEqual(100);
    expect(Number((out[1].c as string).slice(1))).toBeLessThan(100);
  });

  it('load lists every problem of a corrupted chain', () => {
    const json = JSON.parse(JSON.stringify(fitChain(tab(data()), ['x', 'w'], ['y', 'z']).toJSON()));
    json.targets[0].tree.feature[0] = 9;
    json.targets[1].leaves[0].v = [99];
    json.conditions[1].edges = [3, 1];
    expect(() => loadChain(json)).toThrow(
      /edges must be increasing[\s\S]*splits on feature 9[\s\S]*outside the column's domain/,
    );
    expect(() => loadChain({})).toThrow(/"conditions" and "targets"/);
  });
});
