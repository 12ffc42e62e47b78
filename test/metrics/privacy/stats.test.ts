import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/random/rng.js';
import {
  aucInterval,
  aucOf,
  clopperPearson,
  residualSuccess,
  toRisk,
  wilsonRate,
} from '../../../src/metrics/privacy/stats.js';
import { epsilonLowerBound, summarizeAttack } from '../../../src/metrics/privacy/roc.js';

function binomial(rng: Rng, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.float() < p) k++;
  return k;
}

describe('Anonymeter-style rates', () => {
  // reference values: Anonymeter's formulas (anonymeter/stats/confidence.py) evaluated with
  // python3 -c "from math import sqrt; z=1.959963984540054; ..." (see the commit that added this test)
  it('matches the Wilson score estimate and the residual risk', () => {
    const m = wilsonRate(500, 50);
    const c = wilsonRate(500, 20);
    expect(m.value).toBeCloseTo(0.1030497361846209, 9);
    expect(m.error).toBeCloseTo(0.026372173447319198, 9);
    expect(c.value).toBeCloseTo(0.04350719661231403, 9);
    const r = residualSuccess(m, c);
    expect(r.value).toBeCloseTo(0.062250901796041085, 9);
    expect(r.error).toBeCloseTo(0.03245668763495414, 9);
    const risk = toRisk(r);
    expect(risk.ci[0]).toBeCloseTo(0.062250901796041085 - 0.03245668763495414, 9);
  });

  it('risk intervals cover the true risk about 95% of the time on simulated attacks', () => {
    const rng = new Rng(11);
    const sims = 1500;
    for (const [pm, pc] of [
      [0.3, 0.3],
      [0.4, 0.25],
    ]) {
      const truth = (pm - pc) / (1 - pc);
      let covered = 0;
      for (let s = 0; s < sims; s++) {
        const risk = toRisk(
          residualSuccess(wilsonRate(500, binomial(rng, 500, pm)), wilsonRate(500, binomial(rng, 500, pc))),
        );
        if (risk.ci[0] <= truth && truth <= risk.ci[1]) covered++;
      }
      // nominal 95%; 1500 simulations: 0.92 is more than 4 standard errors below
      expect(covered / sims).toBeGreaterThan(0.92);
    }
  });
});

describe('Clopper–Pearson', () => {
  it('has the closed form at the edges', () => {
    expect(clopperPearson(0, 10)[1]).toBeCloseTo(1 - 0.025 ** (1 / 10), 9);
    expect(clopperPearson(10, 10)[0]).toBeCloseTo(0.025 ** (1 / 10), 9);
  });
  it('covers at least the nominal level on simulated data', () => {
    const rng = new Rng(5);
    let covered = 0;
    const sims = 2000;
    for (let s = 0; s < sims; s++) {
      const [lo, hi] = clopperPearson(binomial(rng, 100, 0.1), 100);
      if (lo <= 0.1 && 0.1 <= hi) covered++;
    }
    expect(covered / sims).toBeGreaterThan(0.93);
  });
});

describe('attack summaries', () => {
  it('AUC intervals cover the true AUC about 95% of the time', () => {
    // members ~ N(0.5, 1), non-members ~ N(0, 1): true AUC = Φ(0.5/√2) = 0.638163
    const truth = 0.6381631950841152;
    const rng = new Rng(21);
    const sims = 400;
    let covered = 0;
    for (let s = 0; s < sims; s++) {
      const n = 400;
      const labels = Int8Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 : 0));
      const scores = Float64Array.from(labels, (l) => rng.normal() + (l ? 0.5 : 0));
      const [lo, hi] = aucInterval(aucOf(scores, labels), n / 2, n / 2);
      if (lo <= truth && truth <= hi) covered++;
    }
    // nominal 95%; 400 simulations: 0.9 is more than 4 standard errors below
    expect(covered / sims).toBeGreaterThan(0.9);
  });

  it('counts ties one half in the AUC', () => {
    expect(aucOf([1, 1, 2], [0, 1, 1])).toBeCloseTo(0.75, 12);
  });
  it('gives AUC 1, advantage 1 and a large ε bound for a perfect attack, none for a blind one', () => {
    const n = 2000;
    const labels = Int8Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 : 0));
    const perfect = Float64Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 + i : -i));
    const s = summarizeAttack(perfect, labels, new Rng(1));
    expect(s.auc).toBe(1);
    expect(s.advantage).toBe(1);
    expect(s.tprAt1).toBe(1);
    // 500 vs 500 on the evaluation half, one-sided α = 0.0125: ln(0.0125^(-1/500)... ) ≈ 4.7
    expect(s.epsilonLower).toBeGreaterThan(4);
    const rng = new Rng(2);
    const blind = Float64Array.from({ length: n }, () => rng.float());
    const b = summarizeAttack(blind, labels, new Rng(3));
    expect(b.auc).toBeGreaterThan(b.aucCi[0]);
    expect(b.aucCi[0]).toBeLessThan(0.5);
    expect(b.aucCi[1]).toBeGreaterThan(0.5);
  });
  it('the ε lower bound is valid: on attacks against ε-DP coin flips it stays below ε in ≥ 95% of runs', () => {
    // randomised response with ε = 1: a member says "1" with probability e/(1+e), a non-member with 1/(1+e)
    const eps = 1;
    const p1 = Math.E / (1 + Math.E);
    const rng = new Rng(9);
    let exceed = 0;
    const runs = 200;
    for (let r = 0; r < runs; r++) {
      const n = 1000;
      const labels = Int8Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 : 0));
      const scores = Float64Array.from(labels, (l) => (rng.float() < (l ? p1 : 1 - p1) ? 1 : 0));
      if (epsilonLowerBound(scores, labels, rng) > eps) exceed++;
    }
    expect(exceed / runs).toBeLessThanOrEqual(0.05);
  });
});
