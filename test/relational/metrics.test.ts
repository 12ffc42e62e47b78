import { describe, expect, it } from 'vitest';
import {
  cardinalityOf,
  integrityOf,
  interTableTrends,
  link,
  primaryKeyUniqueness,
} from '../../src/relational/metrics.js';
import {
  entityFeatures,
  lagOneAutocorrelation,
  sequenceIndex,
  sequenceMetrics,
} from '../../src/relational/sequence-metrics.js';
import { tab } from './helpers.js';

const parent = tab([
  { id: 1, x: 1 },
  { id: 2, x: 2 },
  { id: 3, x: 3 },
  { id: 4, x: 4 },
]);

describe('relational metrics (hand-computed)', () => {
  it('cardinality: 1 − KS of children per parent, parents without children counted', () => {
    // real counts 0,1,2,2 — synthetic 1,1,2,3: ECDF gaps .25 at 0, 0 at 1, .25 at 2 → KS .25
    const m = cardinalityOf('c → p', ['pid'], Int32Array.of(0, 1, 2, 2), Int32Array.of(1, 1, 2, 3));
    expect(m.value).toBeCloseTo(0.25, 12);
    expect(m.score).toBeCloseTo(0.75, 12);
    expect(m.details).toMatchObject({ real: { parents: 4, mean: 1.25, max: 2, withoutChildren: 1 } });
  });

  it('links children to parents and counts orphans and missing keys; integrity is the valid share', () => {
    const child = tab([{ pid: 1 }, { pid: 1 }, { pid: 3 }, { pid: 9 }, { pid: null }]);
    const l = link({ parent, child, parentKey: ['id'], childKey: ['pid'] });
    expect(Array.from(l.parentOfChild)).toEqual([0, 0, 2, -1, -1]);
    expect(Array.from(l.counts)).toEqual([2, 0, 1, 0]);
    expect([l.orphans, l.missing]).toEqual([1, 1]);
    const m = integrityOf('c → p', ['pid'], l, 5);
    expect(m.value).toBeCloseTo(4 / 5, 12);
    expect(m.details).toMatchObject({ orphans: 1, withoutKey: 1 });
  });

  it('primary-key uniqueness: rows with a present, unrepeated key', () => {
    const t = tab([{ k: 1 }, { k: 1 }, { k: 2 }, { k: null }]);
    expect(primaryKeyUniqueness('t', t, ['k']).value).toBeCloseTo(1 / 4, 12);
  });

  it('inter-table trends: correlation of a parent column with child aggregates, real vs synthetic', () => {
    const real = tab([
      { pid: 1, y: 1 },
      { pid: 2, y: 2 },
      { pid: 3, y: 3 },
      { pid: 4, y: 4 },
    ]);
    const syn = tab([
      { pid: 1, y: 4 },
      { pid: 2, y: 3 },
      { pid: 3, y: 2 },
      { pid: 4, y: 1 },
    ]);
    const side = (child: typeof real) => ({ parent, child, parentKey: ['id'], childKey: ['pid'] });
    const { score, pairs } = interTableTrends('c → p', 'c', side(real), side(syn), ['x'], ['pid']);
    // x ~ count: one child each in both → no correlation either side → 1; x ~ mean y: r = 1 vs −1 → 0
    expect(pairs.map((p) => [p.columns, p.score])).toEqual([
      [['x', 'c: number of rows'], 1],
      [['x', 'c: mean y'], 0],
    ]);
    expect(score.score).toBeCloseTo(0.5, 12);
  });
});

describe('sequence metrics (hand-computed)', () => {
  const real = tab([
    { e: 'b', t: 0, v: 3 },
    { e: 'a', t: 5, v: 2 },
    { e: 'a', t: 0, v: 1 },
    { e: 'b', t: 2, v: 4 },
    { e: 'b', t: 7, v: 5 },
  ]);
  it('groups by entity in order of time', () => {
    const ix = sequenceIndex(real, ['e'], 't');
    expect(Array.from(ix.offsets)).toEqual([0, 3, 5]);
    expect(Array.from(ix.rows)).toEqual([0, 3, 4, 2, 1]);
    // pairs (3,4), (4,5), (1,2): y = x + 1 → r = 1
    expect(lagOneAutocorrelation(real.column('v'), ix)).toBeCloseTo(1, 12);
  });

  it('length, gap and autocorrelation scores, and context constancy', () => {
    const syn = tab([
      { e: 'x', t: 0, v: 5, s: 'm' },
      { e: 'x', t: 1, v: 1, s: 'm' },
      { e: 'y', t: 0, v: 2, s: 'f' },
      { e: 'y', t: 3, v: 9, s: 'm' },
    ]);
    const ms = sequenceMetrics(
      real.withColumn({
        kind: 'categorical',
        name: 's',
        codes: Int32Array.of(0, 0, 0, 0, 0),
        categories: ['f'],
      }),
      syn,
      {
        table: 'v',
        entity: ['e'],
        order: 't',
        context: ['s'],
      },
    );
    const byId = Object.fromEntries(ms.map((m) => [m.id, m]));
    // lengths real {2, 3}, synthetic {2, 2}: KS .5
    expect(byId.sequence_length_ks_complement.value).toBeCloseTo(0.5, 12);
    // gaps real {2, 5, 5} (b: 0→2→7, a: 0→5), synthetic {1, 3}: ECDF gaps .5 at 1, 1/6 at 2, 2/3 at 3 → KS 2/3
    expect(byId.time_gap_ks_complement.value).toBeCloseTo(2 / 3, 12);
    // synthetic pairs (5,1), (2,9): r = −1 → |1 − (−1)| = 2, score 0
    expect(byId.autocorrelation_similarity.value).toBeCloseTo(2, 12);
    expect(byId.autocorrelation_similarity.score).toBe(0);
    expect(byId.context_constancy.value).toBeCloseTo(1 / 2, 12);
  });

  it('entity features: context, length, mean and last value per entity', () => {
    const f = entityFeatures(real, { table: 'v', entity: ['e'], order: 't' });
    expect(f.toRecords().map((r) => [r['sequence length'], r['mean v'], r['last v']])).toEqual([
      [3, 4, 5],
      [2, 1.5, 2],
    ]);
  });
});
