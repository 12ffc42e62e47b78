import { describe, expect, it } from 'vitest';
import {
  applyPolicy,
  formatScorecard,
  gateExitCode,
  parsePolicy,
  validatePolicy,
  type PolicySubject,
} from '../../src/policy/index.js';
import { DEFAULT_POLICY, DEFAULT_POLICY_YAML } from '../../src/policy/index.js';
import { LookalikeError } from '../../src/errors.js';
import type { MetricResult } from '../../src/metrics/types.js';
import { Rng } from '../../src/random/rng.js';

function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(LookalikeError);
    return (e as LookalikeError).problems;
  }
  throw new Error('expected a LookalikeError');
}

const m = (id: string, value: number, extra: Partial<MetricResult> = {}): MetricResult => ({
  id,
  family: 'privacy',
  name: id,
  value,
  score: 1 - value,
  ...extra,
});

describe('parsePolicy', () => {
  it('the default YAML parses to the default policy data', () => {
    expect(parsePolicy(DEFAULT_POLICY_YAML)).toEqual(DEFAULT_POLICY);
  });

  it('reads JSON as well as YAML', () => {
    const json = JSON.stringify({ version: 1, name: 'j', targets: [{ id: 'epsilon', op: '<=', value: 3 }] });
    expect(parsePolicy(json)).toEqual({
      version: 1,
      name: 'j',
      missing: 'fail',
      targets: [{ id: 'epsilon', op: '<=', value: 3 }],
    });
  });

  it('reports every problem at once, with line numbers', () => {
    const text = [
      'version: 2', // 1
      'nmae: x', // 2
      'missing: maybe', // 3
      'targets:', // 4
      '  - id: statistical_similarty', // 5
      '    op: "=>"', // 6
      '    value: high', // 7
      '  - id: singling_out_risk', // 8
      '    op: "<="', // 9
      '    value: 0.05', // 10
      '    bound: upper', // 11
      '    colour: red', // 12
      '  - id: privacy_protection', // 13
      '    op: ">="', // 14
      '    value: 1.5', // 15
      '    columns: [a]', // 16
      '  - 7', // 17
    ].join('\n');
    const problems = problemsOf(() => parsePolicy(text, { source: 'p.yaml' }));
    expect(problems).toEqual([
      'unknown key "nmae" (line 2) (allowed: version, name, description, missing, targets)',
      '"version" must be 1, got 2 (line 1)',
      '"name" must be a non-empty string',
      '"missing" must be "fail" or "ignore", got "maybe" (line 3)',
      'targets[0] (line 5): unknown id "statistical_similarty" — did you mean "statistical_similarity"? (see docs/report.md for the list)',
      'targets[0] (line 5): "op" must be one of ">=", ">", "<=", "<", got "=>"',
      'targets[0] (line 5): "value" must be a finite number, got "high"',
      'targets[1] (line 8): unknown key "colour" (allowed: id, op, value, label, bound, on, columns, over, why)',
      'targets[1] (line 8): "bound" must be "ci" or "estimate", got "upper"',
      'targets[2] (line 13): "value" 1.5 is outside [0, 1], the range of a score',
      'targets[2] (line 13): "columns" applies to metric targets only, not to "privacy_protection"',
      'targets[3] (line 17): expected a mapping with "id", "op" and "value"',
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const problems = problemsOf(() => parsePolicy('version: 1\ntargets: [\n', { source: 'p.yaml' }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^line \d+, column \d+: /);
  });

  it('a YAML alias bomb and deep nesting are policy errors, not internal errors', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let k = 1; k < 8; k++) {
      const prev = String.fromCharCode(96 + k);
      const cur = String.fromCharCode(97 + k);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const bomb = `version: 1\nname: x\n${levels.join('\n')}\ntargets: *h\n`;
    let err: unknown;
    try {
      parsePolicy(bomb, { source: 'bomb.yaml' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LookalikeError);
    expect((err as LookalikeError).message).toBe(
      'bomb.yaml is not a usable policy: its YAML aliases expand too much (more than 100 alias uses, the shape of an "alias bomb"); write the targets out in full',
    );
    const deep = `version: 1\ntargets: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    expect(problemsOf(() => parsePolicy(deep))[0]).toMatch(/^line 2, column \d+: nested too deeply$/);
  });

  it('rejects a non-mapping, an empty target list and duplicate targets', () => {
    expect(() => parsePolicy('- 1\n- 2\n')).toThrow(/expected a mapping/);
    expect(problemsOf(() => parsePolicy('version: 1\nname: x\ntargets: []\n'))).toEqual([
      '"targets" is empty: a policy needs at least one target',
    ]);
    const dup =
      'version: 1\nname: x\ntargets:\n  - {id: epsilon, op: "<=", value: 1}\n  - {id: epsilon, op: "<=", value: 2}\n';
    expect(problemsOf(() => parsePolicy(dup))).toEqual([
      'targets[1] (line 5): duplicates targets[0] (same id, op and columns)',
    ]);
  });

  it('accepts extra known ids (metrics present in an evaluation)', () => {
    const text = 'version: 1\nname: x\ntargets:\n  - {id: my_metric, op: ">=", value: 3}\n';
    expect(() => parsePolicy(text)).toThrow(/unknown id "my_metric"/);
    expect(parsePolicy(text, { knownIds: ['my_metric'] }).targets[0].id).toBe('my_metric');
  });

  it('validatePolicy checks objects built in code with the same rules', () => {
    expect(
      problemsOf(() => validatePolicy({ version: 1, name: 'x', targets: [{ id: 'epsilon', op: '<=' }] })),
    ).toEqual(['targets[0]: "value" must be a finite number, got nothing']);
  });
});

describe('applyPolicy', () => {
  const subject: PolicySubject = {
    aggregates: { statistical_similarity: 0.9, correlation_preservation: 0.7, ml_utility: null },
    metrics: [
      m('singling_out_univariate', 0.01, { ci: [0, 0.04] }),
      m('singling_out_multivariate', 0.0, { ci: [0, 0.02] }),
      m('mia_distance', 0.55, { ci: [0.52, 0.63], details: { advantage: 0.1, empiricalEpsilonLower: 0.2 } }),
      m('mia_domias', 0.51, { ci: [0.45, 0.57], details: { advantage: 0.03, empiricalEpsilonLower: 0 } }),
      m('inference', 0.02, { columns: ['age'], ci: [0, 0.05] }),
      m('inference', 0.12, { columns: ['sex'], ci: [0.05, 0.2] }),
    ],
    privacy: { type: 'dp', epsilon: 1, delta: 1e-9 },
  };

  it('compares aggregates, metrics (interval end) and ε, and counts not-measured targets as failing', () => {
    const sc = applyPolicy(subject, DEFAULT_POLICY);
    const byId = Object.fromEntries(sc.rows.map((r) => [r.id, r]));
    expect(byId.statistical_similarity.status).toBe('pass');
    expect(byId.correlation_preservation.status).toBe('fail');
    expect(byId.ml_utility.status).toBe('missing');
    expect(byId.privacy_protection.status).toBe('missing');
    expect(byId.singling_out_risk).toMatchObject({
      status: 'pass',
      measured: 0.01,
      compared: 0.04,
      comparedIs: 'ci-upper',
    });
    // estimate 0.55 would pass; the upper bound 0.63 does not
    expect(byId.membership_auc).toMatchObject({ status: 'fail', compared: 0.63, comparedIs: 'ci-upper' });
    expect(byId.membership_auc.note).toBe(
      'upper end of the 95% interval 0.63 misses ≤ 0.6; worst of 2 results (mia_distance)',
    );
    expect(byId.epsilon).toMatchObject({ status: 'pass', measured: 1 });
    expect(sc.counts).toEqual({ pass: 3, fail: 2, missing: 2 });
    expect(sc.verdict).toBe('fail');
    expect(sc.summary).toBe(
      'FAIL: 3 of 7 targets met, 2 failed, 2 not measured (counted as failing) — correlation_preservation, ml_utility, privacy_protection, membership_auc',
    );
    expect(gateExitCode(sc)).toBe(3);
  });

  it('a group target (membership_auc) is an intersection–union test: no multiple-comparison correction needed', () => {
    // Four mia_* results whose true AUC all sit exactly at the target 0.6 (the least favourable case of "leaks more
    // than the target"), each estimated with standard error 0.03 and a 95% interval. The target passes only when
    // every upper end is within 0.6, so it falsely passes at most as often as one interval's upper end lies below
    // the truth (2.5 %), however many results the group has: 0.025⁴ for independent results, 2.5 % when all four
    // are the same. 20,000 draws, seeded (deterministic); the bounds are the binomial mean + 5.3 sd (false-failure
    // probability ≈ 1e-7 for a fresh seed). A check of the estimate or of the mean would pass about half the time.
    const p = validatePolicy({
      version: 1,
      name: 'x',
      targets: [{ id: 'membership_auc', op: '<=', value: 0.6 }],
    });
    const rng = new Rng(2026);
    const runs = 20_000;
    const se = 0.03;
    const result = (id: string, est: number) =>
      m(id, est, { ci: [est - 1.96 * se, est + 1.96 * se] as const });
    const ids = ['mia_distance', 'mia_domias', 'mia_classifier', 'mia_shadow'];
    let passIndependent = 0;
    let passSame = 0;
    for (let r = 0; r < runs; r++) {
      const draws = ids.map(() => 0.6 + se * rng.normal());
      const one = (metrics: MetricResult[]) =>
        applyPolicy({ aggregates: {}, metrics, privacy: null }, p).verdict === 'pass';
      if (one(ids.map((id, i) => result(id, draws[i])))) passIndependent++;
      if (one(ids.map((id) => result(id, draws[0])))) passSame++;
    }
    expect(passIndependent).toBeLessThanOrEqual(5); // expected 0.008
    const mean = runs * 0.025;
    expect(passSame).toBeLessThanOrEqual(mean + 5.3 * Math.sqrt(mean * 0.975));
    expect(passSame).toBeGreaterThan(0); // the single-interval rate is reached when the results coincide
  });

  it('bound: estimate compares the point estimate', () => {
    const p = validatePolicy({
      version: 1,
      name: 'x',
      targets: [{ id: 'membership_auc', op: '<=', value: 0.6, bound: 'estimate' }],
    });
    const sc = applyPolicy(subject, p);
    expect(sc.rows[0]).toMatchObject({ status: 'pass', compared: 0.55, comparedIs: 'estimate' });
    expect(sc.verdict).toBe('pass');
    expect(gateExitCode(sc)).toBe(0);
  });

  it('missing: ignore shows not-measured rows without failing the verdict', () => {
    const p = validatePolicy({
      version: 1,
      name: 'x',
      missing: 'ignore',
      targets: [
        { id: 'statistical_similarity', op: '>=', value: 0.85 },
        { id: 'ml_utility', op: '>=', value: 0.9 },
      ],
    });
    const sc = applyPolicy(subject, p);
    expect(sc.verdict).toBe('pass');
    expect(sc.summary).toBe('PASS: 1 of 2 targets met (1 not measured, ignored by this policy)');
  });

  it('several results of one metric: worst by default, mean on request, one by columns', () => {
    const mk = (extra: object) =>
      applyPolicy(
        subject,
        validatePolicy({
          version: 1,
          name: 'x',
          targets: [{ id: 'inference', op: '<=', value: 0.1, ...extra }],
        }),
      ).rows[0];
    expect(mk({})).toMatchObject({ measured: 0.12, compared: 0.2, status: 'fail' });
    expect(mk({}).note).toContain('worst of 2 results (sex)');
    expect(mk({ over: 'mean', bound: 'estimate' })).toMatchObject({ status: 'pass' });
    expect(mk({ over: 'mean', bound: 'estimate' }).measured).toBeCloseTo(0.07, 12);
    expect(mk({ columns: ['age'] })).toMatchObject({ measured: 0.02, compared: 0.05, status: 'pass' });
    expect(mk({ columns: ['nope'] })).toMatchObject({ status: 'missing', measured: null });
  });

  it('group targets combine every membership attack, reading a details field where asked', () => {
    const p = validatePolicy({
      version: 1,
      name: 'x',
      targets: [
        { id: 'membership_advantage', op: '<=', value: 0.05 },
        { id: 'empirical_epsilon', op: '<=', value: 1 },
      ],
    });
    const sc = applyPolicy(subject, p);
    expect(sc.rows[0]).toMatchObject({ measured: 0.1, ci: null, status: 'fail' });
    expect(sc.rows[1]).toMatchObject({ measured: 0.2, status: 'pass' });
    expect(applyPolicy({ ...subject, metrics: [] }, p).rows[0].note).toBe(
      'not measured: the evaluation has no "mia_*" result',
    );
  });

  it('a model that is not differentially private fails an ε target; an unknown model is not measured', () => {
    const p = validatePolicy({ version: 1, name: 'x', targets: [{ id: 'epsilon', op: '<=', value: 10 }] });
    const none = applyPolicy({ ...subject, privacy: { type: 'none' } }, p).rows[0];
    expect(none).toMatchObject({ status: 'fail', measured: Infinity });
    expect(none.note).toContain('not differentially private');
    expect(applyPolicy({ ...subject, privacy: null }, p).rows[0].status).toBe('missing');
  });

  it('formatScorecard prints the table, the verdict and each failing target', () => {
    const text = formatScorecard(applyPolicy(subject, DEFAULT_POLICY));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Policy: lookalike-default');
    expect(lines[1]).toMatch(/^Metric\s+Score\s+Target\s+Status$/);
    expect(text).toContain('Membership inference AUC');
    expect(text).toContain('0.55 [0.52, 0.63]');
    expect(text).toContain('  ✗ membership_auc: upper end of the 95% interval 0.63 misses ≤ 0.6');
    expect(text).toContain('  ✗ ml_utility: not measured: the evaluation has no "ml_utility" score');
    expect(text).not.toContain('✗ statistical_similarity');
  });
});
