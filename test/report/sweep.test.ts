import { describe, expect, it } from 'vitest';
import {
  frontierSpec,
  pointKey,
  recommend,
  renderSweepHtml,
  type SweepPoint,
} from '../../src/report/sweep.js';
import { renderSvg } from '../../src/report/charts.js';
import { applyPolicy, validatePolicy } from '../../src/policy/index.js';
import { markCount } from './helpers.js';

const policy = validatePolicy({
  version: 1,
  name: 'p',
  targets: [
    { id: 'statistical_similarity', op: '>=', value: 0.8 },
    { id: 'epsilon', op: '<=', value: 5 },
  ],
});

function point(synthesizer: string, epsilon: number | null, fidelity: number, utility: number): SweepPoint {
  const privacy =
    epsilon === null ? ({ type: 'none' } as const) : ({ type: 'dp', epsilon, delta: 1e-9 } as const);
  return {
    format: 'lookalike-sweep-point',
    version: 1,
    synthesizer,
    epsilon,
    delta: epsilon === null ? null : 1e-9,
    privacy,
    scores: {
      fidelity,
      correlation: fidelity,
      utility,
      privacyRisk: 0.1,
      empiricalEpsilon: 0,
      quality: fidelity,
    },
    scorecard: applyPolicy(
      { aggregates: { statistical_similarity: fidelity }, metrics: [], privacy },
      policy,
    ),
    seconds: { fit: 1, sample: 0.1, evaluate: 1 },
    createdAt: '2026-11-23T00:00:00.000Z',
  };
}

describe('recommend', () => {
  it('the smallest ε meeting every target; ties broken by ML utility', () => {
    const pts = [
      point('mst', 0.1, 0.7, 0.5),
      point('mst', 0.3, 0.82, 0.8),
      point('aim', 0.3, 0.85, 0.9),
      point('aim', 1, 0.9, 0.95),
      point('cart', null, 0.99, 0.99),
    ];
    const r = recommend(pts);
    expect(r.point).toBe(pts[2]);
    expect(r.meeting).toBe(3);
    expect(r.reason).toBe(
      'aim at ε = 0.3 is the smallest ε meeting every target of “p”; of the 2 points at this ε it has the best ML utility (0.9) (3 of 5 points meet the policy).',
    );
  });

  it('nothing meets the policy: no recommendation, the closest point and what it misses', () => {
    const pts = [point('mst', 10, 0.9, 0.9), point('mst', 0.1, 0.5, 0.5), point('cart', null, 0.95, 0.9)];
    const r = recommend(pts);
    expect(r.point).toBeNull();
    // every point misses one target: the smallest ε wins the tie
    expect(r.closest).toBe(pts[1]);
    expect(r.reason).toContain('Closest: mst at ε = 0.1, which misses statistical_similarity.');
    expect(recommend([]).reason).toBe('No point was evaluated.');
  });

  it('pointKey names files', () => {
    expect(pointKey('mst', 0.3)).toBe('mst-eps0.3');
    expect(pointKey('cart', null)).toBe('cart-nodp');
  });
});

describe('sweep page', () => {
  it('draws the frontier and lists every point, marking the recommendation', async () => {
    const pts = [
      point('mst', 0.3, 0.82, 0.8),
      point('mst', 1, 0.88, 0.9),
      point('aim', 0.3, 0.79, 0.85),
      point('aim', 1, 0.9, 0.95),
    ];
    const svg = await renderSvg(frontierSpec(pts, pts[0]));
    expect(markCount(svg)).toBeGreaterThan(10);
    const html = await renderSweepHtml(pts, {
      failures: [{ synthesizer: 'aim', epsilon: 3, error: 'boom <x>' }],
    });
    expect(html).toContain('<div id="recommendation" class="rec-box yes">Recommended: mst at ε = 0.3');
    expect(
      [...html.matchAll(/<tr data-point="([^"]+)" data-verdict="(\w+)"/g)].map((m) => `${m[1]}:${m[2]}`),
    ).toEqual(['aim-eps0.3:fail', 'aim-eps1:pass', 'mst-eps0.3:pass', 'mst-eps1:pass']);
    expect(html).toContain('boom &lt;x&gt;');
    expect(html).not.toMatch(/<script/);
  });
});
