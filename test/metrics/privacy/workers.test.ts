/**
 * The worker-thread search (src/io/nn-workers.ts) gives the single-thread results. Workers load the compiled kernel,
 * so this test needs a build (`npx tsc -p tsconfig.build.json`, or the bench's --outDir bench/out/dist-privacy) and
 * is skipped with a message without one.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/random/rng.js';
import { nearestTwo } from '../../../src/metrics/privacy/neighbors.js';
import type { Encoded } from '../../../src/metrics/privacy/space.js';
import { createWorkerSearch } from '../../../src/io/nn-workers.js';

const candidates = [
  '../../../bench/out/dist-privacy/metrics/privacy/neighbors.js',
  '../../../dist/metrics/privacy/neighbors.js',
]
  .map((p) => fileURLToPath(new URL(p, import.meta.url)))
  .filter((p) => existsSync(p));
const kernel = candidates[0];

function randomRows(rng: Rng, n: number): Encoded {
  const num = Float64Array.from({ length: n * 2 }, () => (rng.float() < 0.05 ? NaN : rng.float()));
  const cat = Int32Array.from({ length: n * 3 }, () => rng.int(4) - (rng.float() < 0.05 ? 5 : 0));
  return { n, nNum: 2, nCat: 3, num, cat: cat.map((c) => (c < 0 ? -1 : c)), numCols: [], catCols: [] };
}

describe.skipIf(!kernel)('worker-thread nearest neighbours', () => {
  if (!kernel) console.warn('skipped: no compiled kernel; run `npx tsc -p tsconfig.build.json` first');
  it.each([2, 3])('returns exactly the single-thread distances (%i threads)', async (threads) => {
    const rng = new Rng(12);
    const q = randomRows(rng, 1001);
    const c = randomRows(rng, 1500);
    const pool = createWorkerSearch({ threads, kernelUrl: pathToFileURL(kernel!).href, minPairs: 0 });
    try {
      const par = await pool.search(q, c);
      const one = nearestTwo(q, c);
      expect(Array.from(par.d1)).toEqual(Array.from(one.d1));
      expect(Array.from(par.d2)).toEqual(Array.from(one.d2));
      expect(Array.from(par.i1)).toEqual(Array.from(one.i1));
    } finally {
      await pool.close();
    }
  });
});
