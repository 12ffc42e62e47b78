import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disclose, release, renderReport, runJob, sample } from '../../src/pipeline/index.js';
import { tableFromRecords } from '../../src/table/infer.js';
import type { Row } from '../../src/table/table.js';
import { parseMetadata, schemaToMetadata } from '../../src/table/metadata.js';
import { parseRules } from '../../src/constraints/parse.js';
import { checkRules } from '../../src/constraints/check.js';
import { LookalikeError } from '../../src/errors.js';
import '../../src/synthesizers/builtin.js';

// The pipeline's constraint-aware steps (docs/constraints.md): rules in `fit`/`release`, conditions and rebalancing
// in `sample`, and the optional `disclose` step inside `runJob`. Seeded throughout: exact assertions.

const records = JSON.parse(readFileSync('node_modules/vega-datasets/data/penguins.json', 'utf8')) as Row[];
const { table, schema } = tableFromRecords(records);
const pub = tableFromRecords(records, parseMetadata(schemaToMetadata(schema, true)));
const RULES = [
  { type: 'fixed-combinations', columns: ['Species', 'Island'] },
  { type: 'inequality', low: 'Beak Depth (mm)', high: 'Beak Length (mm)' },
  { type: 'range', column: 'Body Mass (g)', min: 3000, max: 6000 },
];

describe('release with rules', () => {
  it('every sampled row keeps every rule; the rows left out of the fit are a note (outside DP only)', async () => {
    const rules = parseRules(RULES, schema);
    const notes: string[] = [];
    const r = await release(table, schema, {
      synthesizer: 'independent',
      rules,
      rows: 3000,
      onNote: (n) => notes.push(n),
    });
    expect(checkRules(r.synthetic, schema, rules).map((x) => x.count)).toEqual([0, 0, 0]);
    expect(notes).toContain(
      '11 training rows broke rule 3 (Body Mass (g) >= 3000 and Body Mass (g) <= 6000); left out of the fit',
    );
    const dpRules = parseRules(
      [
        {
          ...RULES[0],
          combinations: [
            ['Adelie', 'Torgersen'],
            ['Adelie', 'Biscoe'],
            ['Adelie', 'Dream'],
            ['Gentoo', 'Biscoe'],
            ['Chinstrap', 'Dream'],
          ],
        },
        ...RULES.slice(1),
      ],
      pub.schema,
    );
    const dpNotes: string[] = [];
    const d = await release(pub.table, pub.schema, {
      synthesizer: 'mst',
      epsilon: 1,
      rules: dpRules,
      rows: 3000,
      onNote: (n) => dpNotes.push(n),
    });
    expect(d.privacy.type).toBe('dp');
    expect(checkRules(d.synthetic, pub.schema, dpRules).map((x) => x.count)).toEqual([0, 0, 0]);
    expect(dpNotes.filter((n) => /training row/.test(n))).toEqual([]);
  });
});

describe('sample with conditions or rebalancing', () => {
  it('conditions fix values; rebalancing gives exact shares; both at once is a usage error', async () => {
    const { model } = await release(table, schema, { synthesizer: 'cart', rows: 10 });
    const c = sample(model, 200, { seed: 1, conditions: { Island: 'Dream' } });
    expect(new Set(c.toRecords().map((x) => x.Island))).toEqual(new Set(['Dream']));
    const b = sample(model, 200, { seed: 1, rebalance: { column: 'Species', shares: { Chinstrap: 0.25 } } });
    expect(b.toRecords().filter((x) => x.Species === 'Chinstrap')).toHaveLength(50);
    expect(() =>
      sample(model, 10, {
        conditions: { Island: 'Dream' },
        rebalance: { column: 'Species', shares: { Gentoo: 0.5 } },
      }),
    ).toThrow(LookalikeError);
  });
});

describe('runJob with disclosure control', () => {
  it('post-processing steps: the release is filtered, the guarantee stands, the report has the section', async () => {
    const job = await runJob(pub.table, pub.schema, {
      synthesizer: 'mst',
      epsilon: 1,
      seed: 1,
      attacks: 'none',
      disclosure: [
        { type: 'round', column: 'Body Mass (g)', unit: 500 },
        { type: 'merge-rare-categories', minCount: 40 },
      ],
    });
    for (const x of job.synthetic.toRecords())
      if (x['Body Mass (g)'] !== null) expect(Number(x['Body Mass (g)']) % 500).toBe(0);
    expect(job.disclosure!.steps.map((s) => s.step)).toEqual(['round', 'merge-rare-categories']);
    expect(job.privacy.type).toBe('dp');
    expect(job.report).toContain('<section id="disclosure">');
    expect(job.report).toContain('<div class="banner dp" id="privacy-banner">');
    expect(job.timings.disclose).toBeGreaterThanOrEqual(0);
  });

  it('a filter on the training data: not DP in the result, the gate and every report format; the ReconSyn note', async () => {
    const notes: string[] = [];
    const job = await runJob(pub.table, pub.schema, {
      synthesizer: 'independent',
      epsilon: 1,
      seed: 1,
      attacks: 'none',
      disclosure: [{ type: 'remove-training-matches' }],
      onNote: (n) => notes.push(n),
    });
    expect(job.model.privacy.type).toBe('dp');
    expect(job.privacy).toEqual({ type: 'none' });
    expect(job.disclosure!.readsTrainingData).toBe(true);
    expect(notes.some((n) => /ReconSyn/.test(n))).toBe(true);
    expect(job.report).toMatch(/<div class="banner nodp" id="privacy-banner">Not differentially private/);
    // ε targets of the gate see the release's guarantee: not DP
    const eps = job.gate!.scorecard.rows.find((r) => r.id === 'epsilon')!;
    expect(eps.status).toBe('fail'); // the default policy's ε ≤ … target: a release that is not DP has ε = ∞
    const input = {
      evaluation: job.evaluation!,
      scorecard: job.gate!.scorecard,
      model: job.model,
      disclosure: job.disclosure,
    };
    const mdText = await renderReport({ ...input, format: 'md' });
    expect(mdText).toMatch(/Not differentially private\.\*\* `independent` is \(ε = 1/);
    expect(mdText).toContain('## Disclosure control');
    const json = JSON.parse(await renderReport({ ...input, format: 'json' }));
    expect(json.model.differentiallyPrivate).toBe(false);
    expect(json.disclosure.steps[0].step).toBe('remove-training-matches');
  });

  it('disclose alone: no step → nothing changes; the guarantee defaults to not DP', () => {
    const d = disclose(table, { steps: [] });
    expect(d.table).toBe(table);
    expect(d.privacy).toEqual({ type: 'none' });
  });
});
