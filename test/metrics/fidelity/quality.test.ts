import { describe, expect, it } from 'vitest';
import { qualityScore, threeWayMarginals } from '../../../src/metrics/fidelity/quality.js';
import { csvTable } from './helpers.js';

// Fixture and reference values from /work/shared/tools/judge.py (a reimplementation of SDMetrics 0.29):
//   /usr/bin/python3 -c "import sys; sys.path.insert(0, '/work/shared/tools'); import judge, pandas as pd;
//     r = pd.read_csv('r.csv'); s = pd.read_csv('s.csv'); k = judge.kinds(r);
//     print(judge.quality(r, s, k), judge.workload3(r, s, k))"
const REAL = `x,y,c,d
50.0,24.9,b,lo
53.0,30.0,b,hi
47.3,16.9,a,lo
41.1,18.3,a,lo
,13.2,a,lo
40.1,13.6,a,lo
50.6,16.1,b,hi
63.4,30.5,a,hi
45.1,16.2,a,lo
43.8,23.3,a,lo
,28.2,c,hi
53.6,25.9,,hi
51.1,13.0,a,hi
40.7,17.7,c,lo`;
const SYNTH = `x,y,c,d
47.1,22.0,a,lo
61.5,32.5,b,hi
35.1,16.9,,lo
50.4,24.2,a,hi
54.0,21.4,a,hi
67.6,33.7,a,hi
61.9,28.7,c,hi
51.7,31.7,b,hi
,28.9,a,hi
52.5,26.1,b,hi
70.2,38.4,c,hi
50.7,23.7,a,hi`;

describe('SDMetrics-compatible quality', () => {
  const real = csvTable(REAL),
    synth = csvTable(SYNTH);
  it('equals judge.py on a fixture with missing values and mixed pairs', () => {
    const q = qualityScore(real, synth);
    expect(q.columnShapes).toBeCloseTo(0.6585497835497836, 14);
    expect(q.columnPairTrends).toBeCloseTo(0.5123913669513683, 14);
    expect(q.quality).toBeCloseTo(0.585470575250576, 14);
    expect(q.shapes.map((m) => m.score)).toEqual(
      [0.5984848484848484, 0.5119047619047619, 0.9285714285714286, 0.5952380952380952].map((v) =>
        expect.closeTo(v, 14),
      ),
    );
    expect(q.trends).toHaveLength(6);
  });
  it('equals judge.py w3_err (16 real-quantile bins)', () => {
    expect(threeWayMarginals(real, synth).value).toBeCloseTo(0.8749999999999998, 14);
  });
  it('identical tables score 1 and w3_err 0', () => {
    expect(qualityScore(real, real).quality).toBe(1);
    expect(threeWayMarginals(real, real).value).toBe(0);
  });
});
