import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/random/rng.js';
import {
  CachedCounts,
  ChunkCounts,
  CodeCounts,
  MergedCounts,
  type CountSource,
} from '../../../src/synthesizers/marginal/index.js';

/** Brute force: the count of every cell of the marginal over `attrs`, row by row. */
function bruteForce(codes: Int32Array[], sizes: number[], attrs: number[]): number[] {
  const cells = attrs.reduce((p, a) => p * sizes[a], 1);
  const out = new Array<number>(cells).fill(0);
  for (let r = 0; r < codes[0].length; r++) {
    let j = 0;
    for (const a of attrs) j = j * sizes[a] + codes[a][r];
    out[j]++;
  }
  return out;
}

const sizes = [3, 4, 2, 5];
const n = 500;
const rng = new Rng(7);
const codes = sizes.map((s) => Int32Array.from({ length: n }, () => rng.int(s)));
const sets = [[0], [3], [0, 1], [1, 3], [0, 2, 3], [0, 1, 2, 3], []];

describe('count sources', () => {
  it('CodeCounts: every marginal equals the brute-force count, row-major with the last attribute fastest', async () => {
    const src: CountSource = new CodeCounts(sizes, codes, n);
    const got = await src.counts(sets);
    sets.forEach((s, i) =>
      expect([...got[i]], s.join(',')).toEqual(s.length ? bruteForce(codes, sizes, s) : [n]),
    );
    for (const x of got) expect(x.reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('MergedCounts: counts over merged codes equal counting the mapped codes', async () => {
    const maps = [null, Int32Array.from([0, 1, 1, 0]), null, Int32Array.from([2, 0, 1, 2, 2])];
    const merged = [3, 2, 2, 3];
    const mappedCodes = codes.map((c, a) => (maps[a] ? c.map((k) => maps[a]![k]) : c));
    const src = new MergedCounts(new CodeCounts(sizes, codes, n), maps, merged);
    const got = await src.counts(sets);
    sets.forEach((s, i) =>
      expect([...got[i]], s.join(',')).toEqual(s.length ? bruteForce(mappedCodes, merged, s) : [n]),
    );
  });

  it('CachedCounts: the same tables, counted once when small, recounted when larger than the cap', async () => {
    let asked = 0;
    const base = new CodeCounts(sizes, codes, n);
    const counting: CountSource = {
      sizes,
      counts: (s) => {
        asked += s.length;
        return base.counts(s);
      },
    };
    const cached = new CachedCounts(counting, 20);
    const a = await cached.counts([
      [0, 1],
      [0, 2, 3],
    ]); // 12 cells (kept), 30 cells (not kept)
    const b = await cached.counts([
      [0, 1],
      [0, 2, 3],
      [0, 1],
    ]);
    expect(asked).toBe(3);
    expect([...b[0]]).toEqual([...a[0]]);
    expect([...b[1]]).toEqual(bruteForce(codes, sizes, [0, 2, 3]));
    expect(b[2]).toBe(b[0]);
  });

  it('ChunkCounts: chunks of reused buffers add up to the brute-force count of every set', () => {
    const counter = new ChunkCounts(sizes, sets);
    const bufs = sizes.map(() => new Int32Array(64));
    // chunks of 64, 1, 0 and the rest (uneven, the buffers longer than the chunk and reused)
    for (const [from, to] of [
      [0, 64],
      [64, 65],
      [65, 65],
      [65, 129],
      [129, 193],
    ]) {
      for (let r = from; r < to; r++) for (let a = 0; a < sizes.length; a++) bufs[a][r - from] = codes[a][r];
      counter.add(bufs, to - from);
    }
    const rest = codes.map((c) => c.subarray(193));
    counter.add(rest, n - 193);
    expect(counter.total).toBe(n);
    expect(counter.checkTotals()).toBe(true);
    sets.forEach((s, i) =>
      expect([...counter.tables[i]], s.join(',')).toEqual(s.length ? bruteForce(codes, sizes, s) : [n]),
    );
  });

  it('prefetch: CachedCounts and MergedCounts pass the sets not yet held down to their source', async () => {
    const hinted: string[] = [];
    const base = new CodeCounts(sizes, codes, n);
    const hinting: CountSource = {
      sizes,
      counts: (s) => base.counts(s),
      prefetch: (s) => hinted.push(...s.map((x) => x.join(','))),
    };
    const cached = new CachedCounts(hinting);
    await cached.counts([[0, 1]]);
    new MergedCounts(cached, [null, null, null, null], sizes).prefetch([
      [0, 1],
      [2, 3],
    ]);
    expect(hinted).toEqual(['2,3']);
  });
});
