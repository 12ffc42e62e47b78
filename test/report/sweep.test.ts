import { describe, expect, it } from 'vitest';
import {
  frontierSpec,
  infinityPosition,
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
      'aim at ε = 0.3 is the smallest ε meeting every target of “p”; of the 2 points at this ε it has the best ML utility (0.9) (3 of 5 points meet the policy).' +
        ' At ε = 0.1 no point meets it; the closest, mst, misses statistical_similarity 0.7 (needs ≥ 0.8).' +
        ' Other DP synthesizers meet it: mst also at ε = 0.3 with ML utility 0.8.' +
        ' Without a guarantee (ε = ∞) the best baseline, cart, reaches fidelity 0.99 and ML utility 0.99 against 0.85 and 0.9 here.',
    );
  });

  it('says why a simpler synthesizer is recommended at small ε, and what its attacks demonstrate', () => {
    const simple = {
      ...point('independent', 0.3, 0.81, 0.6),
    };
    const withRisk: SweepPoint = {
      ...simple,
      scores: { ...simple.scores, privacyRisk: 0, privacyRiskLargest: 0.12, privacyNoise: 0.2 },
    };
    const pts = [
      withRisk,
      point('mst', 0.3, 0.75, 0.7),
      point('mst', 3, 0.9, 0.9),
      point('aim', 0.3, 0.7, 0.7),
      point('aim', 3, 0.79, 0.9),
    ];
    const r = recommend(pts);
    expect(r.point).toBe(withRisk);
    expect(r.reason).toContain(
      'Other DP synthesizers meet it: mst from ε = 3; aim at no ε swept (at best: aim at ε = 3 misses statistical_similarity 0.79 (needs ≥ 0.8)).',
    );
    expect(r.reason).toContain(
      'Its attacks demonstrate a privacy risk of 0 (largest estimate 0.12; noise alone reaches 0.2).',
    );
    // one budget, claimed ε differing in the last digits: one sentence for it
    const near = recommend([
      point('mst', 0.29999999, 0.7, 0.7),
      point('aim', 0.3, 0.7, 0.7),
      point('mst', 1, 0.9, 0.9),
    ]);
    expect(near.reason.match(/At ε = 0\.3 no point meets it/g)).toHaveLength(1);
    // nothing below the smallest ε, no baseline: no such sentences
    expect(r.reason).not.toContain('no point meets it');
    expect(r.reason).not.toContain('Without a guarantee');
  });

  it('nothing meets the policy: no recommendation, the closest point and what it misses', () => {
    const pts = [point('mst', 10, 0.9, 0.9), point('mst', 0.1, 0.5, 0.5), point('cart', null, 0.95, 0.9)];
    const r = recommend(pts);
    expect(r.point).toBeNull();
    // every point misses one target: the smallest ε wins the tie
    expect(r.closest).toBe(pts[1]);
    expect(r.reason).toContain(
      'Closest: mst at ε = 0.1, which misses statistical_similarity 0.5 (needs ≥ 0.8). At best, cart (not DP) misses epsilon (not DP).',
    );
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

  it('a page saved on its own (the app) neither links to points/ nor says the folder is there', async () => {
    const pts = [
      { ...point('mst', 1, 0.88, 0.9), reportFile: 'mst-eps1.report.html' },
      { ...point('aim', 1, 0.9, 0.95), reportFile: 'aim-eps1.report.html' },
    ];
    const written = await renderSweepHtml(pts);
    expect(written).toContain('<a href="points/mst-eps1.report.html">report</a>');
    expect(written).toContain('<th>Report</th>');
    const alone = await renderSweepHtml(pts, { pointReports: false });
    expect(alone).not.toContain('points/');
    expect(alone).not.toContain('<th>Report</th>');
    expect(alone).toContain('saved on its own');
    // every row has as many cells as the header
    const header = (alone.match(/<thead><tr>(.*?)<\/tr><\/thead>/)?.[1].match(/<th>/g) ?? []).length;
    for (const row of alone.matchAll(/<tr data-point[^>]*>(.*?)<\/tr>/g))
      expect((row[1].match(/<td[ >]/g) ?? []).length).toBe(header);
  });

  it('draws the non-DP baselines at ε = ∞ and the privacy risk with its interval and noise level', async () => {
    const dp: SweepPoint = {
      ...point('mst', 1, 0.85, 0.9),
      scores: {
        ...point('mst', 1, 0.85, 0.9).scores,
        privacyRisk: 0,
        privacyRiskLargest: 0.1,
        privacyRiskInterval: [0, 0.3],
        privacyNoise: 0.15,
      },
    };
    const pts = [point('mst', 0.3, 0.8, 0.8), dp, point('cart', null, 0.95, 0.97)];
    expect(infinityPosition(pts)).toBe(4);
    const spec = frontierSpec(pts, null) as { data: { values: Record<string, unknown>[] } };
    const cart = spec.data.values.filter((v) => v.synthesizer === 'cart (not DP)');
    expect(cart.map((v) => v.epsilon)).toEqual([4, 4, 4]);
    const risk = spec.data.values.find((v) => v.synthesizer === 'mst' && v.epsilon === 1 && 'lo' in v);
    expect(risk).toMatchObject({ value: 0, lo: 0, hi: 0.3, noise: 0.15 });
    const svg = await renderSvg(frontierSpec(pts, null));
    expect(svg).toContain('∞');
    expect(markCount(svg)).toBeGreaterThan(10);
    // without any baseline the axis has no ∞
    expect(await renderSvg(frontierSpec(pts.slice(0, 2), null))).not.toContain('∞');
  });
});
