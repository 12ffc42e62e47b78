/**
 * Shadow modelling (Stadler et al. 2022) with two stand-in synthesizers passed to the attack: one that resamples
 * its training rows (leaks every target) and one whose output ignores its input (leaks nothing).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tableFromRecords } from '../../../src/table/infer.js';
import type { Table } from '../../../src/table/table.js';
import type { Schema } from '../../../src/table/schema.js';
import { Rng } from '../../../src/random/rng.js';
import type { Model, Synthesizer } from '../../../src/synthesizers/types.js';
import { shadowModelAttack } from '../../../src/metrics/privacy/shadow.js';
import { evaluatePrivacy } from '../../../src/metrics/privacy/index.js';

const path = fileURLToPath(
  new URL('../../../node_modules/vega-datasets/data/penguins.json', import.meta.url),
);
const { table, schema } = tableFromRecords(JSON.parse(readFileSync(path, 'utf8')));

function stand_in(name: string, sampleFrom: (fitted: Table) => Table): Synthesizer {
  return {
    name,
    description: 'test stand-in',
    privacy: 'none',
    options: [],
    async fit(t: Table, s: Schema): Promise<Model> {
      const source = sampleFrom(t);
      return {
        synthesizer: name,
        schema: s,
        privacy: { type: 'none' },
        sample: (n, o) => {
          // every source row once (in random order), then again, … — a copy when n = source rows
          const perm = new Rng(o?.seed ?? 0).permutation(source.nRows);
          return source.take(Int32Array.from({ length: n }, (_, i) => perm[i % source.nRows]));
        },
        toJSON: () => {
          throw new Error('not serialisable');
        },
      };
    },
    load: () => {
      throw new Error('not loadable');
    },
  };
}

// outputs the rows it was fitted on
const resample = stand_in('test-resample', (t) => t);
// always samples the same fixed public rows, whatever it was fitted on
const publicRows = table.take(new Rng(99).permutation(table.nRows).subarray(0, 100));
const blind = stand_in('test-blind', () => publicRows);

describe('shadow modelling', () => {
  it('catches a synthesizer that outputs its training rows', async () => {
    const r = await shadowModelAttack(table, schema, {
      synthesizer: resample,
      nTargets: 4,
      nRuns: 6,
      shadowSize: 100,
      seed: 1,
    });
    expect(r.targets.length).toBe(4);
    expect(r.summary.auc).toBeGreaterThan(0.9);
    expect(r.metric.id).toBe('mia_shadow');
    expect(r.summary.nMembers).toBe(24);
  });

  it('finds nothing against a synthesizer that ignores its input', async () => {
    const r = await shadowModelAttack(table, schema, {
      synthesizer: blind,
      nTargets: 4,
      nRuns: 6,
      shadowSize: 100,
      seed: 1,
    });
    expect(r.summary.aucCi[0]).toBeLessThan(0.5);
    expect(r.summary.aucCi[1]).toBeGreaterThan(0.5);
    expect(r.summary.epsilonLower).toBe(0);
  });

  it('runs inside evaluatePrivacy when asked, next to the claimed ε', async () => {
    const split = table.split(new Rng(4), 0.5);
    const r = await evaluatePrivacy(split.train, split.train, split.holdout, {
      schema,
      attacks: ['shadow'],
      synthesizer: resample,
      shadowTargets: 3,
      shadowRuns: 4,
      claimedEpsilon: 1,
      seed: 3,
    });
    expect(r.metrics.map((m) => m.id)).toEqual(['mia_shadow']);
    expect(r.claimedEpsilon).toBe(1);
    expect(r.metrics[0].details?.claimedEpsilon).toBe(1);
    expect(r.empiricalEpsilonLower).toBeGreaterThanOrEqual(0);
  });
});
