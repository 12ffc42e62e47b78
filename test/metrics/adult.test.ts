import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/io/read.js';
import { readAlikeMetadata } from '../../src/io/documents.js';
import { qualityScore, threeWayMarginals } from '../../src/metrics/fidelity/index.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets');
const present = existsSync(join(ROOT, 'adult'));
if (!present)
  console.warn(`test/evaluate/adult: skipped, ${ROOT}/adult not found (real datasets live there)`);

// Reference: /work/shared/tools/judge.py on adult_train.csv (real) vs adult_test.csv (as the "synthetic" table):
//   /usr/bin/python3 -c "import sys; sys.path.insert(0, '/work/shared/tools'); import judge, pandas as pd;
//     r = pd.read_csv('adult_train.csv', skipinitialspace=True); s = pd.read_csv('adult_test.csv',
//     skipinitialspace=True); k = judge.kinds(r); q = judge.quality(r, s, k);
//     print(q['quality'], q['shapes'], q['pairs'], judge.workload3(r, s, k, limit=1000))"
//   → 0.9890023427642287 0.9936708745867535 0.9843338109417038 0.04408651667555901
// (limit=1000 scores all 455 triples; judge.py's default scores a random 400 of them.)
describe.skipIf(!present)('SDMetrics-compatible quality on Adult equals judge.py', () => {
  it('adult_train vs adult_test', async () => {
    const real = await readTable(join(ROOT, 'adult', 'adult_train.csv'));
    const test = await readTable(join(ROOT, 'adult', 'adult_test.csv'), {
      metadata: readAlikeMetadata(real.schema),
    });
    const q = qualityScore(real.table, test.table);
    expect(q.quality).toBeCloseTo(0.9890023427642287, 12);
    expect(q.columnShapes).toBeCloseTo(0.9936708745867535, 12);
    expect(q.columnPairTrends).toBeCloseTo(0.9843338109417038, 12);
    expect(threeWayMarginals(real.table, test.table).value).toBeCloseTo(0.04408651667555901, 12);
  });
});
