import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  assess,
  gate,
  holdOut,
  memorySweepStore,
  release,
  renderReport,
  runJob,
  sweep,
  sweepPlan,
  sweepProblems,
  sweepBaselines,
} from '../../src/pipeline/index.js';
import { tableFromRecords } from '../../src/table/infer.js';
import type { Row } from '../../src/table/table.js';
import { parseMetadata, schemaToMetadata } from '../../src/table/metadata.js';
import { validatePolicy } from '../../src/policy/index.js';
import { LookalikeError } from '../../src/errors.js';
import '../../src/synthesizers/builtin.js';
import { loadModel } from '../../src/synthesizers/registry.js';
import { checkRules } from '../../src/constraints/check.js';
import { parseRules } from '../../src/constraints/parse.js';

/** The pipeline steps called as a library user would, on Palmer penguins (344 rows) held in memory. */
const records = JSON.parse(readFileSync('node_modules/vega-datasets/data/penguins.json', 'utf8')) as Row[];
const { table, schema } = tableFromRecords(records);
// the same table with its domains declared public (a test-only assumption), so DP fits may use them
const pub = tableFromRecords(records, parseMetadata(schemaToMetadata(schema, true)));
const strict = validatePolicy({
  version: 1,
  name: 'strict',
  targets: [{ id: 'quality', op: '>=', value: 0.999 }],
});

describe('holdOut', () => {
  it('splits a seeded share, keeps the rows apart, and is reproducible', () => {
    const a = holdOut(table, { fraction: 0.2, seed: 3 });
    const b = holdOut(table, { fraction: 0.2, seed: 3 });
    expect(a.holdout!.nRows).toBe(69);
    expect(a.train.nRows).toBe(344 - 69);
    expect(a.holdout!.toRecords()).toEqual(b.holdout!.toRecords());
    expect(holdOut(table, { fraction: 0.2, seed: 4 }).holdout!.toRecords()).not.toEqual(
      a.holdout!.toRecords(),
    );
  });

  it('takes a holdout table as given, none for fraction 0, and none (with a note) for a tiny table', () => {
    const given = holdOut(table, { table: table.take([0, 1, 2]) });
    expect(given.train).toBe(table);
    expect(given.holdout!.nRows).toBe(3);
    expect(holdOut(table, { fraction: 0 }).holdout).toBeNull();
    const notes: string[] = [];
    const tiny = holdOut(table.take([0, 1, 2, 3, 4]), { fraction: 0.2 }, { onNote: (n) => notes.push(n) });
    expect(tiny.holdout).toBeNull();
    expect(notes).toEqual(['5 rows are too few to hold any out; fitting on all of them']);
    expect(() => holdOut(table, { fraction: 1 })).toThrow(/in \[0, 1\)/);
  });
});

describe('release', () => {
  it('fits and samples a non-DP synthesizer: no ledger, the guarantee says so (with a note)', async () => {
    const notes: string[] = [];
    const r = await release(table, schema, { seed: 1, rows: 50, onNote: (n) => notes.push(n) });
    expect(r.synthesizer.name).toBe('gaussian-copula');
    expect(r.synthetic.nRows).toBe(50);
    expect(r.privacy).toEqual({ type: 'none' });
    expect(r.ledger).toBeNull();
    expect(notes.join('\n')).toMatch(/gaussian-copula is not differentially private/);
    const again = await release(table, schema, { seed: 1, rows: 50 });
    expect(again.synthetic.toRecords()).toEqual(r.synthetic.toRecords());
  });

  it('a DP fit returns its ledger; an ε given to a non-DP synthesizer is refused (the library contract)', async () => {
    const r = await release(pub.table, pub.schema, { synthesizer: 'independent', epsilon: 1, rows: 20 });
    expect(r.privacy.type).toBe('dp');
    if (r.privacy.type === 'dp') {
      expect(r.privacy.epsilon).toBeLessThanOrEqual(1);
      expect(r.privacy.delta).toBe(1e-9);
    }
    expect((r.ledger as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
    await expect(release(table, schema, { synthesizer: 'cart', epsilon: 1 })).rejects.toThrow(
      /not differentially private/,
    );
  });
});

describe('release notes of an either-synthesizer', () => {
  it('argn: the "model file holds training values" note without ε only; with ε none (its model holds no such values)', async () => {
    const options = { epochs: 1, batchSize: 64 };
    const plain: string[] = [];
    await release(table, schema, { synthesizer: 'argn', rows: 5, options, onNote: (n) => plain.push(n) });
    expect(plain.join('\n')).toMatch(/argn model file holds values seen in the training rows/);
    expect(plain.join('\n')).toMatch(/argn is not differentially private/);
    const dp: string[] = [];
    const r = await release(pub.table, pub.schema, {
      synthesizer: 'argn',
      epsilon: 2,
      rows: 5,
      options,
      onNote: (n) => dp.push(n),
    });
    expect(r.privacy.type).toBe('dp');
    expect(dp).toEqual([]);
  }, 120_000);
});

describe('assess, gate, renderReport', () => {
  const { train, holdout } = holdOut(table, { fraction: 0.2 });

  it('merges fidelity, utility and privacy once, with the privacy block whole and its timing', async () => {
    const r = await release(train, schema, { synthesizer: 'independent', seed: 2 });
    const ev = await assess(train, r.synthetic, holdout, {
      schema,
      target: 'Species',
      attacks: ['distance', 'mia'],
      guarantee: r.privacy,
    });
    expect(ev.inputs.target).toEqual({ name: 'Species', task: 'multiclass' });
    expect(ev.privacy!.attacks).toEqual(['distance', 'mia']);
    expect(Object.keys(ev.privacy!.risks).length).toBeGreaterThan(0);
    expect(Object.keys(ev.privacy!.timings)).toEqual(['distance', 'mia']);
    expect(ev.privacy!.empiricalEpsilonLower).toBeGreaterThanOrEqual(0);
    expect(ev.timings.filter((t) => t.phase === 'privacy')).toHaveLength(1);
    expect(ev.projection).toBeDefined();

    const none = await assess(train, r.synthetic, holdout, { schema, attacks: 'none', metrics: ['columns'] });
    expect(none.privacy).toBeUndefined();
    await expect(assess(train, r.synthetic, null, { schema, privacy: true })).rejects.toThrow(
      /need a holdout/,
    );

    const g = gate(ev, strict, r.privacy);
    expect(g.passed).toBe(false);
    expect(g.exitCode).toBe(3);
    expect(g.scorecard.rows.map((x) => x.id)).toEqual(['quality']);
    expect(gate(ev).scorecard.policy.name).toBe('lookalike-default');
    const md = await renderReport({ evaluation: ev, scorecard: g.scorecard, model: r.model, format: 'md' });
    expect(md).toMatch(/NOT differentially private|not differentially private/i);
    const json = JSON.parse(await renderReport({ evaluation: ev, scorecard: g.scorecard, format: 'json' }));
    expect(json.verdict ?? json.scorecard?.verdict).toBe('fail');
  });
});

describe('runJob', () => {
  it('runs the whole job on an in-memory table: holdout, release, assessment, gate, report', async () => {
    const steps: string[] = [];
    const job = await runJob(table, schema, {
      synthesizer: 'independent',
      target: 'Species',
      attacks: ['distance'],
      policy: strict,
      onStep: (s) => steps.push(s),
    });
    expect(job.train.nRows + job.holdout!.nRows).toBe(344);
    expect(job.synthetic.nRows).toBe(job.train.nRows);
    expect(job.evaluation!.inputs.real.rows).toBe(job.train.nRows);
    expect(job.evaluation!.privacy!.attacks).toEqual(['distance']);
    expect(job.gate!.exitCode).toBe(3);
    expect(job.report).toMatch(/^<!DOCTYPE html>/i);
    expect(Object.keys(job.timings)).toEqual(['fit', 'sample', 'evaluate', 'privacy', 'report']);
    expect(steps[0]).toMatch(/^holding out 69 rows \(seed 0\)/);

    const bare = await runJob(table, schema, { evaluate: false, rows: 10 });
    expect(bare.holdout).toBeNull();
    expect(bare.evaluation).toBeUndefined();
    expect(bare.synthetic.nRows).toBe(10);
  });

  it('checks the target before any work', async () => {
    await expect(runJob(table, schema, { target: 'nope' })).rejects.toThrow(/no column "nope"/);
  });
});

describe('sweep', () => {
  const { train, holdout } = holdOut(pub.table, { fraction: 0.2 });

  it('lists every problem of a spec at once, and plans DP synthesizers at each ε', () => {
    expect(sweepProblems({ synthesizers: ['mst', 'nope'], attacks: ['x'] })).toEqual([
      expect.stringContaining('unknown synthesizer "nope"'),
      expect.stringContaining('--epsilons is required'),
      expect.stringContaining('--attacks: unknown attack "x"'),
    ]);
    expect(
      sweepPlan({ synthesizers: ['mst', 'independent', 'cart'], epsilons: [1, 3, 1] }).map(
        (p) => `${p.synthesizer.name}:${p.epsilon}`,
      ),
    ).toEqual(['mst:1', 'mst:3', 'independent:1', 'independent:3', 'cart:null']);
    // baselines: once each, without a budget, last; an `either` one too; a point already planned is not repeated
    expect(
      sweepPlan({
        synthesizers: ['mst', 'independent', 'cart'],
        epsilons: [1],
        baselines: ['gaussian-copula', 'cart', 'independent'],
      }).map((p) => `${p.synthesizer.name}:${p.epsilon}`),
    ).toEqual(['mst:1', 'independent:1', 'cart:null', 'gaussian-copula:null', 'independent:null']);
    // the CLI's list: `none`, a list, or by default the three baselines when a DP synthesizer is swept
    expect(sweepBaselines(['none'], ['mst'])).toEqual([]);
    expect(sweepBaselines(['cart'], ['mst'])).toEqual(['cart']);
    expect(sweepBaselines(undefined, ['mst', 'cart'])).toEqual(['gaussian-copula', 'cart', 'independent']);
    expect(sweepBaselines(undefined, ['independent', 'cart'])).toEqual([]);
    expect(sweepProblems({ synthesizers: ['independent'], baselines: ['mst', 'nope'] })).toEqual([
      expect.stringContaining('baseline "mst" is differentially private only'),
      expect.stringContaining('unknown synthesizer "nope"'),
    ]);
  });

  it('evaluates every point through the steps, stores them, and resumes from the store', async () => {
    const store = memorySweepStore();
    const spec = {
      synthesizers: ['independent', 'gaussian-copula'],
      epsilons: [1, 10],
      attacks: ['distance'],
      target: 'Species',
      inputs: { table: 'penguins' },
    };
    const steps: string[] = [];
    const r = await sweep(train, holdout, pub.schema, { ...spec, onStep: (s) => steps.push(s) }, store);
    expect(r.points.map((p) => `${p.synthesizer}:${p.epsilon}`)).toEqual([
      'independent:1',
      'independent:10',
      'gaussian-copula:null',
    ]);
    expect(steps).toContain('[1/3] independent ε = 1: fitting');
    const rec = store.records.get('independent-eps1')!;
    // the sweep's privacy block is the whole one (risks, attacks, timings), as a job's
    expect(Object.keys(rec.evaluation.privacy!.risks).length).toBeGreaterThan(0);
    expect(rec.evaluation.privacy!.attacks).toEqual(['distance']);
    expect(rec.evaluation.timings.some((t) => t.phase === 'privacy')).toBe(true);
    expect(rec.point.evaluationFile).toBe('independent-eps1.evaluation.json');
    expect(rec.report).toMatch(/<html/);
    expect(r.recommendation.reason.length).toBeGreaterThan(20);

    const again: string[] = [];
    const r2 = await sweep(train, holdout, pub.schema, { ...spec, onStep: (s) => again.push(s) }, store);
    expect(again.filter((s) => s.endsWith('done before, skipped'))).toHaveLength(3);
    expect(r2.points).toEqual(r.points);
    const other: string[] = [];
    await sweep(train, holdout, pub.schema, { ...spec, seed: 1, onStep: (s) => other.push(s) }, store);
    expect(other.filter((s) => s.endsWith('done before, skipped'))).toHaveLength(0);
  });

  it('keeps business rules in every point, and a point fitted without them is not reused', async () => {
    const store = memorySweepStore();
    // narrower than the data: a fit that ignored the rule would break it
    const rules = parseRules(
      [{ type: 'range', column: 'Flipper Length (mm)', min: 190, max: 210 }],
      pub.schema,
    );
    const spec = { synthesizers: ['independent'], epsilons: [1], attacks: 'none' as const };
    await sweep(train, holdout, pub.schema, spec, store);
    const steps: string[] = [];
    await sweep(train, holdout, pub.schema, { ...spec, rules, onStep: (s) => steps.push(s) }, store);
    expect(steps.filter((s) => s.endsWith('done before, skipped'))).toHaveLength(0);
    const rec = store.records.get('independent-eps1')!;
    expect(rec.point.settings).toMatchObject({ rules });
    const model = loadModel(rec.model);
    const rows = model.sample(2000, { seed: 4 });
    expect(checkRules(rows, pub.schema, rules).map((v) => v.count)).toEqual([0]);
  });

  it('lists a failing point and goes on', async () => {
    const failed = await sweep(train, holdout, schema, {
      synthesizers: ['mst', 'gaussian-copula'],
      epsilons: [1],
      attacks: 'none',
    });
    expect(failed.failures.map((f) => f.synthesizer)).toEqual(['mst']);
    expect(failed.points.map((p) => p.synthesizer)).toEqual(['gaussian-copula']);
    await expect(sweep(train, holdout, schema, { synthesizers: ['nope'] })).rejects.toThrow(LookalikeError);
  });
});
