/**
 * The metric registry (issue 9): a metric is one descriptor, and everything that shows metrics reads the registry.
 * The target: a new fidelity metric, defined here in the test suite and registered with one call — no other file
 * touched — appears in `evaluate`'s JSON (library and CLI), feeds the aggregate it names, is a policy target listed by
 * `lookalike policy ids`, and shows in the text summary and the HTML, Markdown and JSON reports.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromRecords } from '../../src/table/infer.js';
import type { Row } from '../../src/table/table.js';
import { Rng } from '../../src/random/rng.js';
import {
  DEFAULT_PRIVACY_ATTACKS,
  evaluate,
  evaluatePrivacy,
  evaluationSuites,
  formatSummary,
  listAggregates,
  listMetrics,
  listTargetGroups,
  METRIC_SUITES,
  PRIVACY_ATTACKS,
  privacyAttacks,
  registerAggregate,
  registerMetric,
  type Evaluation,
  type EvaluationMetricDescriptor,
  type PrivacyMetricDescriptor,
} from '../../src/metrics/index.js';
import { applyPolicy, parsePolicy, policySubject, targetCatalogue } from '../../src/policy/index.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderMarkdownReport, reportSummary } from '../../src/report/summary.js';
import { cli, DATA } from '../cli/helpers.js';

const path = fileURLToPath(new URL('../../node_modules/vega-datasets/data/penguins.json', import.meta.url));
const penguins = tableFromRecords(JSON.parse(readFileSync(path, 'utf8')) as Row[]);

/** The fixture: 1 − |mean real − mean synthetic| / real range, per numeric column. */
const meanGap: EvaluationMetricDescriptor = {
  id: 'test_mean_gap',
  family: 'fidelity',
  label: 'Mean gap (test fixture)',
  description: '1 − |mean real − mean synthetic| / real range of a numeric column.',
  better: 'higher',
  suite: 'columns',
  scope: 'column',
  aggregates: ['statistical_similarity'],
  ofColumn: (c) => {
    if (c.kind !== 'numeric') return null;
    const stats = (v: Float64Array) => {
      let s = 0,
        n = 0,
        lo = Infinity,
        hi = -Infinity;
      for (const x of v)
        if (x === x) {
          s += x;
          n++;
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      return { mean: s / n, range: hi - lo };
    };
    const r = stats(c.real),
      s = stats(c.synthetic);
    const v = 1 - Math.min(1, Math.abs(r.mean - s.mean) / (r.range || 1));
    return {
      id: 'test_mean_gap',
      family: 'fidelity',
      name: 'Mean gap',
      columns: [c.name],
      value: v,
      score: v,
    };
  },
};

describe('a new fidelity metric registers with one call', () => {
  let unregister: () => void;
  let ev: Evaluation;
  const shifted = penguins.table.take(new Rng(7).permutation(penguins.table.nRows).subarray(0, 200));

  beforeAll(async () => {
    unregister = registerMetric(meanGap);
    ev = await evaluate(penguins.table, shifted, {
      schema: penguins.schema,
      seed: 1,
      metrics: ['columns', 'pairs', 'marginals'],
    });
  });
  afterAll(() => unregister());

  it("appears in evaluate's JSON, one result per numeric column, and feeds statistical similarity", () => {
    const json = JSON.parse(JSON.stringify(ev)) as Evaluation;
    const mine = json.metrics.filter((m) => m.id === 'test_mean_gap');
    expect(mine.map((m) => m.columns![0])).toEqual(
      penguins.table.names.filter((n) => penguins.table.column(n).kind === 'numeric'),
    );
    for (const m of mine) expect(m.score).toBeGreaterThan(0.8);
    // statistical similarity = mean over the metrics that name it of each one's mean score
    const meanOf = (id: string) => {
      const s = json.metrics.filter((m) => m.id === id).map((m) => m.score);
      return s.reduce((a, b) => a + b, 0) / s.length;
    };
    const feeders = listMetrics()
      .filter((m) => m.aggregates?.includes('statistical_similarity'))
      .map((m) => m.id)
      .filter((id) => json.metrics.some((m) => m.id === id));
    expect(feeders).toContain('test_mean_gap');
    const expected = feeders.map(meanOf).reduce((a, b) => a + b, 0) / feeders.length;
    expect(json.aggregates.statisticalSimilarity).toBeCloseTo(expected, 12);
  });

  it('is in the policy catalogue and `lookalike policy ids`, and a policy can target it', async () => {
    expect(targetCatalogue().find((t) => t.id === 'test_mean_gap')).toMatchObject({
      kind: 'metric',
      better: 'higher',
      label: 'Mean gap (test fixture)',
      family: 'fidelity',
    });
    const ids = await cli('policy', 'ids');
    expect(ids.stdout).toMatch(/^test_mean_gap\s+metric\s+higher is better\s+1 − \|mean real/m);
    const policy = parsePolicy(
      'version: 1\nname: p\ntargets:\n  - id: test_mean_gap\n    op: ">="\n    value: 0.5\n',
    );
    const sc = applyPolicy(policySubject(ev), policy);
    expect(sc.rows[0]).toMatchObject({
      id: 'test_mean_gap',
      label: 'Mean gap (test fixture)',
      status: 'pass',
    });
    expect(sc.rows[0].note).toMatch(/worst of 4 results/);
  });

  it('shows in the text summary and the HTML, Markdown and JSON reports', async () => {
    expect(formatSummary(ev)).toMatch(/statistical similarity\s+0\.\d{3}\s+.*Mean gap \(test fixture\)/);
    const sc = applyPolicy(
      policySubject(ev),
      parsePolicy('version: 1\nname: p\ntargets:\n  - id: quality\n    op: ">="\n    value: 0.5\n'),
    );
    const input = { evaluation: ev, scorecard: sc, model: null };
    const html = await renderHtmlReport(input);
    expect(html).toMatch(
      /<tr data-id="test_mean_gap"><td>Mean gap \(test fixture\) <code>test_mean_gap<\/code>/,
    );
    expect(renderMarkdownReport(input)).toContain('| Mean gap (test fixture) (`test_mean_gap`) | 4 |');
    const json = reportSummary(input);
    expect(json.metrics.find((m) => m.id === 'test_mean_gap')).toMatchObject({
      family: 'fidelity',
      better: 'higher',
      results: 4,
    });
  });

  it('runs in `lookalike evaluate --json` too', async () => {
    const penguinsFile = `${DATA}/penguins.json`;
    const r = await cli('evaluate', penguinsFile, penguinsFile, '--json', '-q');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Evaluation;
    expect(out.metrics.filter((m) => m.id === 'test_mean_gap').map((m) => m.score)).toEqual([1, 1, 1, 1]);
  });

  it('unregistering takes it out again', () => {
    unregister();
    expect(targetCatalogue().some((t) => t.id === 'test_mean_gap')).toBe(false);
    unregister = registerMetric(meanGap);
  });
});

describe('the registry and the named lists', () => {
  it("lookalike's own suites and attacks are the registry's, in the same order", () => {
    expect(evaluationSuites()).toEqual([...METRIC_SUITES]);
    expect(privacyAttacks()).toEqual([...PRIVACY_ATTACKS]);
    expect(DEFAULT_PRIVACY_ATTACKS).toEqual(PRIVACY_ATTACKS.filter((a) => a !== 'shadow'));
  });

  it('every metric id, aggregate id and group id is unique and every aggregate a metric names exists', () => {
    const ids = [...listMetrics().map((m) => m.id), ...listTargetGroups().map((g) => g.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const aggregates = new Set(listAggregates().map((a) => a.id));
    for (const m of listMetrics()) for (const a of m.aggregates ?? []) expect(aggregates).toContain(a);
  });
});

describe('registering', () => {
  it('lists every problem with a descriptor at once', () => {
    expect(() =>
      registerMetric({
        id: 'Bad-Id',
        family: 'fidelity',
        label: '',
        description: 'x',
        better: 'up' as never,
        suite: 'columns',
        scope: 'row' as never,
        aggregates: ['nope', 'privacy_protection'],
        ofColumn: () => null,
        compute: () => [],
      }),
    ).toThrow(
      /id must be snake_case[\s\S]*label must be a non-empty string[\s\S]*better must be[\s\S]*scope must be[\s\S]*exactly one of ofColumn, ofPair, compute \(got 2\)[\s\S]*aggregate "nope" is not registered[\s\S]*"privacy_protection" is a privacy aggregate/,
    );
    expect(() => registerMetric({ ...meanGap, id: 'ks_complement' })).toThrow(
      /"ks_complement" is already a metric/,
    );
    expect(() => registerMetric({ ...meanGap, id: 'membership_auc' })).toThrow(/already a group target/);
    expect(() => registerMetric({ ...meanGap, id: 'epsilon' })).toThrow(/already the claimed guarantee/);
    expect(() => registerMetric({ ...meanGap, id: 'test_x', aggregates: ['quality'] })).toThrow(
      /aggregate "quality" is not a mean of metrics/,
    );
  });

  it('a metric that returns another id is an error, not a silent extra result', async () => {
    const liar: EvaluationMetricDescriptor = {
      ...meanGap,
      id: 'test_liar',
      suite: 'test-liar',
      scope: 'table',
      ofColumn: undefined,
      compute: () => [{ id: 'other', family: 'fidelity', name: 'x', value: 1, score: 1 }],
    };
    const off = registerMetric(liar);
    try {
      await expect(
        evaluate(penguins.table, penguins.table, { schema: penguins.schema, metrics: ['test-liar'] }),
      ).rejects.toThrow(/metric "test_liar" returned a result with another id \("other"\)/);
    } finally {
      off();
    }
  });

  it('a registered aggregate with overall: true gets its own key and counts in overall', async () => {
    const half: EvaluationMetricDescriptor = {
      ...meanGap,
      id: 'test_half',
      label: 'Half',
      suite: 'test-half',
      scope: 'table',
      aggregates: ['test_halves'],
      ofColumn: undefined,
      compute: () => [{ id: 'test_half', family: 'fidelity', name: 'half', value: 0.5, score: 0.5 }],
    };
    // the aggregate a metric feeds must exist first
    expect(() => registerMetric(half)).toThrow(/aggregate "test_halves" is not registered/);
    const offAgg = registerAggregate({
      id: 'test_halves',
      key: 'testHalves',
      family: 'fidelity',
      label: 'Halves',
      description: 'Always one half (test fixture).',
      better: 'higher',
      overall: true,
    });
    const off = registerMetric(half);
    try {
      const e = await evaluate(penguins.table, penguins.table, {
        schema: penguins.schema,
        metrics: ['columns', 'test-half'],
      });
      expect(e.aggregates.testHalves).toBe(0.5);
      // overall = the mean of the aggregates marked overall that could be computed, this one included
      const a = e.aggregates;
      const parts = [
        a.quality,
        a.statisticalSimilarity,
        a.correlationPreservation,
        a.dataValidity,
        a.classBalance,
        a.mlUtility,
        a.testHalves,
      ];
      const present = parts.filter((x): x is number => x !== null);
      expect(present).toContain(0.5);
      expect(e.aggregates.overall).toBeCloseTo(present.reduce((a, b) => a + b, 0) / present.length, 12);
      expect(targetCatalogue().find((t) => t.id === 'test_halves')?.kind).toBe('aggregate');
      expect(formatSummary(e)).toMatch(/halves\s+0\.500\s+Half\n/);
    } finally {
      off();
      offAgg();
    }
  });

  it('a privacy metric with its own attack runs in evaluatePrivacy and its risk enters privacy protection', async () => {
    const split = penguins.table.split(new Rng(3), 0.5);
    const leak: PrivacyMetricDescriptor = {
      id: 'test_planted_risk',
      family: 'privacy',
      label: 'Planted risk (test fixture)',
      description: 'Always a risk of 0.3 (test fixture).',
      better: 'lower',
      suite: 'test-attack',
      scope: 'table',
      aggregates: ['privacy_protection'],
      compute: () => [
        { id: 'test_planted_risk', family: 'privacy', name: 'planted', value: 0.3, score: 0.7 },
      ],
    };
    const off = registerMetric(leak);
    try {
      const r = await evaluatePrivacy(split.train, split.train, split.holdout, {
        schema: penguins.schema,
        attacks: ['test-attack'],
      });
      expect(r.metrics.map((m) => m.id)).toEqual(['test_planted_risk']);
      expect(r.risks).toEqual({ test_planted_risk: expect.closeTo(0.3, 12) });
      expect(r.aggregate).toBeCloseTo(0.7, 12);
      expect(r.timings).toHaveProperty('test-attack');
      expect(targetCatalogue().find((t) => t.id === 'test_planted_risk')?.family).toBe('privacy');
    } finally {
      off();
    }
  });
});
