import { describe, expect, it } from 'vitest';
import { buildJunctionTree, containingClique, maximalCliques } from '../../src/pgm/junction-tree.js';
import { intersection, isSubset } from '../../src/pgm/factor.js';

function checkRunningIntersection(jt: ReturnType<typeof buildJunctionTree>, d: number): void {
  // every attribute's cliques form a connected subtree: exactly one of them has a parent without the attribute
  for (let a = 0; a < d; a++) {
    const holders = jt.cliques.map((c, i) => (c.includes(a) ? i : -1)).filter((i) => i >= 0);
    expect(holders.length).toBeGreaterThan(0);
    const tops = holders.filter((i) => jt.parent[i] < 0 || !jt.cliques[jt.parent[i]].includes(a));
    expect(tops.length).toBe(1);
  }
  jt.parent.forEach((p, i) => {
    if (i === 0) expect(p).toBe(-1);
    else {
      expect(p).toBeLessThan(i);
      expect(jt.separators[i]).toEqual(intersection(jt.cliques[i], jt.cliques[p]));
    }
  });
}

describe('junction tree', () => {
  it('keeps maximal cliques only', () => {
    expect(maximalCliques([[0], [0, 1], [1, 0], [2], [1, 2]])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('a chain stays a chain of pairs', () => {
    const jt = buildJunctionTree(
      [2, 3, 4, 5],
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    );
    expect(jt.cliques.map((c) => [...c].sort()).sort()).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    checkRunningIntersection(jt, 4);
  });

  it('triangulates a 4-cycle into two triangles', () => {
    const jt = buildJunctionTree(
      [2, 2, 2, 2],
      [
        [0, 1],
        [1, 2],
        [2, 3],
        [0, 3],
      ],
    );
    expect(jt.cliques.length).toBe(2);
    for (const c of jt.cliques) expect(c.length).toBe(3);
    checkRunningIntersection(jt, 4);
    for (const q of [
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 3],
    ])
      expect(containingClique(jt, q)).toBeGreaterThanOrEqual(0);
  });

  it('joins disconnected parts and unmentioned attributes with empty separators', () => {
    const jt = buildJunctionTree(
      [2, 2, 2, 2, 3],
      [
        [0, 1],
        [2, 3],
      ],
    );
    expect(jt.cliques.length).toBe(3);
    checkRunningIntersection(jt, 5);
    expect(jt.cliques.some((c) => c.length === 1 && c[0] === 4)).toBe(true);
    expect(jt.separators.filter((s) => s.length === 0).length).toBe(3); // root + two empty separators
  });

  it('covers every input clique on a random graph', () => {
    const cl = [
      [0, 3],
      [1, 4],
      [2, 5],
      [3, 4],
      [4, 5],
      [0, 5],
      [1, 2],
      [0, 1, 2],
    ];
    const jt = buildJunctionTree([3, 2, 4, 2, 3, 2], cl);
    checkRunningIntersection(jt, 6);
    for (const q of cl) expect(jt.cliques.some((c) => isSubset([...q].sort(), c))).toBe(true);
  });
});
