/**
 * The family-wise reading of the privacy risks (src/metrics/privacy/multiplicity.ts) and the risk statistics each
 * scored metric declares. Expected numbers computed by hand with scipy.stats.norm (ppf, sf), quoted in comments.
 */
import { describe, expect, it } from 'vitest';
import { riskFamily } from '../../../src/metrics/privacy/multiplicity.js';
import { exactMatchRate, inference, miaDistance } from '../../../src/metrics/privacy/descriptors.js';
import { residualSuccess, wilsonRate } from '../../../src/metrics/privacy/stats.js';
import type { MetricResult } from '../../../src/metrics/types.js';

describe('riskFamily', () => {
  // two risks, α = 0.05: z(0.975) = 1.959964 (one-sided, k = 2), z(1 − 0.0125) = 2.241403, z(0.8) = 0.841621
  const two = riskFamily({
    a: { estimate: 0.17, se: 0.0765, nullSe: 0.07 },
    b: { estimate: 0.02, se: 0.05, nullSe: 0.05 },
  });

  it('bounds the largest risk family-wise (Bonferroni), hand-computed', () => {
    expect(two.comparisons).toBe(2);
    expect(two.largest).toEqual({ key: 'a', estimate: 0.17 });
    // 0.17 − 1.959964·0.0765
    expect(two.risks.a.lower).toBeCloseTo(0.020062755182685882, 12);
    expect(two.risks.b.lower).toBe(0);
    expect(two.demonstrated).toBeCloseTo(0.020062755182685882, 12);
    // simultaneous two-sided: 0.17 ± 2.241403·0.0765 → [−0.00147 → 0, 0.341467]
    expect(two.interval[0]).toBe(0);
    expect(two.interval[1]).toBeCloseTo(0.34146730866177843, 12);
  });

  it('gives the noise level of the maximum and the detectable risk of each attack, hand-computed', () => {
    // 1.959964·0.07
    expect(two.noiseLevel).toBeCloseTo(0.1371974789178038, 12);
    // (1.959964 + 0.841621)·0.07 and ·0.05
    expect(two.risks.a.detectable).toBeCloseTo(0.1961109652679078, 12);
    expect(two.risks.b.detectable).toBeCloseTo(0.14007926090564843, 12);
    expect(two.detectable).toBeCloseTo(0.14007926090564843, 12);
  });

  it('adjusts one-sided p-values with Holm, hand-computed', () => {
    // sf(0.17/0.07) = 0.0075792, ×2; sf(0.4) = 0.3445783
    expect(two.risks.a.p).toBeCloseTo(0.0075792194387197245, 10);
    expect(two.risks.a.pAdjusted).toBeCloseTo(0.015158438877439449, 10);
    expect(two.risks.b.pAdjusted).toBeCloseTo(0.3445782583896758, 10);
    expect(two.significant).toEqual(['a']);
  });

  it('does not call the issue’s 0.17 [0.02, 0.32] a demonstrated risk once it is one of 24', () => {
    // the estimate alone: its 95% lower bound excludes 0; as the largest of 24, z(1 − 0.05/24) = 2.865260 and
    // 0.17 − 2.865260·0.0765 = −0.049 < 0
    const one = riskFamily({ x: { estimate: 0.17, se: 0.0765, nullSe: 0.0765 } });
    expect(one.demonstrated).toBeGreaterThan(0.01);
    const stats: Record<string, { estimate: number; se: number; nullSe: number }> = {};
    for (let i = 0; i < 24; i++)
      stats[`inference:c${i}`] = { estimate: i === 0 ? 0.17 : 0, se: 0.0765, nullSe: 0.0765 };
    const many = riskFamily(stats);
    expect(many.comparisons).toBe(24);
    expect(many.demonstrated).toBe(0);
    expect(many.significant).toEqual([]);
    expect(many.noiseLevel).toBeCloseTo(2.8652602385321346 * 0.0765, 10);
  });

  it('counts an exactly known risk as demonstrated, and an attack with no power as detecting nothing', () => {
    const f = riskFamily({
      exact: { estimate: 0.3, se: 0, nullSe: 0 },
      blind: { estimate: 0, se: Infinity, nullSe: Infinity },
    });
    expect(f.demonstrated).toBeCloseTo(0.3, 12);
    expect(f.risks.blind.detectable).toBe(1);
    expect(f.risks.blind.upper).toBe(1);
    expect(f.interval).toEqual([0.3, 1]);
    expect(f.significant).toEqual(['exact']);
  });

  it('is empty without risks, and refuses a bad level', () => {
    const f = riskFamily({});
    expect(f).toMatchObject({
      comparisons: 0,
      largest: null,
      demonstrated: 0,
      interval: [0, 0],
      detectable: 1,
    });
    expect(() => riskFamily({}, { level: 1 })).toThrow(/level must be in \(0, 1\)/);
  });
});

describe('risk statistics of the scored metrics', () => {
  const base = { family: 'privacy' as const, name: 'x', score: 1 };

  it('a membership AUC: risk 2·(AUC − 0.5), null error 2·√((n₊ + n₋ + 1)/(12 n₊ n₋)) (exact)', () => {
    const m: MetricResult = {
      ...base,
      id: 'mia_distance',
      value: 0.55,
      details: { nMembers: 100, nNonMembers: 100 },
    };
    const s = miaDistance.riskStat!(m)!;
    expect(s.estimate).toBeCloseTo(0.1, 12);
    expect(s.nullSe).toBeCloseTo(0.0818535277187245, 12);
    expect(s.se).toBeGreaterThan(0);
    expect(miaDistance.riskStat!({ ...m, details: {} })).toBeNull();
  });

  it('a rate against the holdout’s: (p₁ − p₂)/(1 − p₂), Wilson errors, pooled null error (hand-computed)', () => {
    const m: MetricResult = {
      ...base,
      id: 'exact_match_rate',
      value: 0.03,
      details: { syntheticRows: 1000, exactMatchesTrain: 30, exactMatchesHoldout: 10 },
    };
    const s = exactMatchRate.riskStat!(m)!;
    expect(s.estimate).toBeCloseTo(0.02 / 0.99, 12);
    // hypot(e₁/0.99, e₂·(0.03 − 1)/0.99²), e = Wilson half-width / 1.959964
    expect(s.se).toBeCloseTo(0.0064025656296913935, 12);
    // p̃ = (40 + z²/2)/(2000 + z²); √(p̃(1 − p̃)·(2/1000))/(1 − p̃)
    expect(s.nullSe).toBeCloseTo(0.006537153535799402, 12);
    // no match on either side still leaves a positive null error
    const none = exactMatchRate.riskStat!({
      ...m,
      details: { syntheticRows: 1000, exactMatchesTrain: 0, exactMatchesHoldout: 0 },
    })!;
    expect(none.estimate).toBe(0);
    expect(none.nullSe).toBeGreaterThan(0.0005);
  });

  it('an Anonymeter risk: the residual of its Wilson rates, unclipped', () => {
    const main = wilsonRate(600, 200);
    const control = wilsonRate(600, 230);
    const m: MetricResult = {
      ...base,
      id: 'inference',
      value: 0,
      details: { nAttacks: 600, nSuccess: 200, nControl: 230, mainRate: main, controlRate: control },
    };
    const s = inference.riskStat!(m)!;
    const r = residualSuccess(main, control);
    expect(s.estimate).toBeCloseTo(r.value, 12);
    expect(s.estimate).toBeLessThan(0);
    expect(s.se).toBeCloseTo(r.error / 1.959963984540054, 12);
    // a control that always succeeds: nothing can be shown
    const sure = inference.riskStat!({
      ...m,
      details: { ...m.details, controlRate: { value: 1, error: 0 } },
    })!;
    expect(sure.nullSe).toBe(Infinity);
  });
});

describe('the family in the text summary and the report', () => {
  it('prints the demonstrated risk, the noise level and the detectable risk of every attack', async () => {
    const { reportInput } = await import('../../report/helpers.js');
    const { formatSummary } = await import('../../../src/metrics/summary.js');
    const { renderHtmlReport } = await import('../../../src/report/html.js');
    const input = reportInput('evaluation-full.json', 'dp');
    const family = riskFamily({
      dcr_share: { estimate: 0.01, se: 0.02, nullSe: 0.02 },
      'inference:a': { estimate: 0.17, se: 0.0765, nullSe: 0.07 },
      'inference:b': { estimate: 0, se: Infinity, nullSe: Infinity },
    });
    const evaluation = { ...input.evaluation, privacy: { ...input.evaluation.privacy!, family } };
    const text = formatSummary(evaluation);
    expect(text).toContain('privacy: largest of 3 risk estimates 0.170 (inference:a)');
    // k = 3: z(1 − 0.05/3) = 2.128; 0.17 − 2.128·0.0765 = 0.007; Holm 3·sf(0.17/0.07) = 0.023 < 0.05; the attack
    // that cannot show any risk adds nothing to the noise level (2.128·0.07 = 0.149)
    expect(text).toContain('demonstrated risk 0.007');
    expect(text).toContain('beyond noise (Holm, family-wise 95%): inference:a');
    expect(text).toContain('with no leak at all the largest estimate stays below 0.149 (95%)');
    // z(1 − 0.05/3) = 2.128, z(0.8) = 0.842: 2.970·0.02 = 0.06, 2.970·0.07 = 0.21; b cannot show any risk
    expect(text).toMatch(
      /smallest risk each attack could detect \(80% power, family-wise 95%\): dcr_share 0\.06;\s+inference 0\.21–1 \(none\) \(2 columns\)/,
    );
    const html = await renderHtmlReport({ ...input, evaluation });
    expect(html).toContain('id="privacy-detectable"');
    expect(html).toContain('dcr_share 0.06; inference 0.21–1 (none) (2 columns)');
    expect(html).toContain('<th>Detectable risk</th>');
  });
});
