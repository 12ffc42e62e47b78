/**
 * Issue 10, leak 2, for every DP synthesizer: a DP release never draws the exact number of training rows by default
 * (the fact that differs between neighbouring tables). Each DP-capable built-in synthesizer must give its model a
 * noisy row count (`Model.defaultRows`, paid from its budget), kept in the model file; the pipeline refuses a DP
 * model without one. The DP noise comes from a fixed byte source, so the counts are reproducible and a regression
 * to the exact count fails every time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredPublic } from '../synthesizers/declared-public.js';
import { LookalikeError } from '../../src/errors.js';
import { defaultSampleRows, release } from '../../src/pipeline/index.js';
import { SecureRng } from '../../src/random/secure.js';
import { BUILTIN_SYNTHESIZERS } from '../../src/synthesizers/builtin.js';
import { loadModel } from '../../src/synthesizers/registry.js';
import type { Model, ModelFile } from '../../src/synthesizers/types.js';
import { tableFromRecords } from '../../src/table/infer.js';
import type { Row } from '../../src/table/table.js';
import { cli, DATA, tempDir } from '../cli/helpers.js';
import { fixedSource } from '../random/fixed-bytes.js';

const records = JSON.parse(readFileSync(`${DATA}/penguins.json`, 'utf8')) as Row[];
const { table, schema } = tableFromRecords(records);
/** Every domain and schema fact declared public, as after reviewing `inspect --public-domains`. */
const pub = declaredPublic(schema);
const dpSynthesizers = BUILTIN_SYNTHESIZERS.filter((s) => s.privacy !== 'none');

/** Short fits: a learned synthesizer trains one epoch (the row count does not depend on training length). */
function quick(s: (typeof BUILTIN_SYNTHESIZERS)[number]): Record<string, unknown> {
  const names = new Set(s.options.map((o) => o.name));
  return {
    ...(names.has('epochs') ? { epochs: 1 } : {}),
    ...(names.has('batchSize') ? { batchSize: 64 } : {}),
    // pate-gan: a teacher per row, or penguins' budget at ε = 1 would answer no query
    ...(names.has('rowsPerTeacher') ? { rowsPerTeacher: 1, iterations: 5 } : {}),
  };
}

describe('a DP release draws a noisy row count, never the exact one', () => {
  it('lists the DP synthesizers it checks', () => {
    expect(dpSynthesizers.map((s) => s.name)).toEqual(
      expect.arrayContaining(['independent', 'mst', 'aim', 'privbayes', 'argn', 'tvae', 'ctgan', 'pate-gan']),
    );
  });

  for (const s of dpSynthesizers)
    it(`${s.name}: defaultRows is noisy, kept in the model file, and what release draws`, async () => {
      const drawn: number[] = [];
      for (const seed of [1, 2, 3]) {
        const r = await release(table, pub, {
          synthesizer: s,
          epsilon: 1,
          options: quick(s),
          secureRng: new SecureRng(fixedSource(seed)),
        });
        expect(r.privacy.type).toBe('dp');
        const n = r.model.defaultRows;
        expect(Number.isSafeInteger(n) && n! >= 1).toBe(true);
        expect(r.synthetic.nRows).toBe(n);
        const back = loadModel(JSON.parse(JSON.stringify(r.model.toJSON())) as ModelFile);
        expect(back.defaultRows).toBe(n);
        drawn.push(n!);
      }
      // the exact count would give 344 three times; the noise moves it (fixed bytes: no chance involved)
      expect(drawn.every((n) => n === table.nRows)).toBe(false);
    }, 120_000);

  it('refuses a DP model without a noisy row count, and an explicit count is always allowed', () => {
    const dpModel = {
      synthesizer: 'custom',
      privacy: { type: 'dp', epsilon: 1, delta: 1e-9 },
    } as unknown as Model;
    const e = (() => {
      try {
        defaultSampleRows(dpModel, 344);
      } catch (x) {
        return x;
      }
    })() as LookalikeError;
    expect(e).toBeInstanceOf(LookalikeError);
    expect(e.kind).toBe('privacy');
    expect(e.message).toMatch(/differentially private custom model has no noisy row count/);
    expect(e.message).not.toContain('344');
    expect(defaultSampleRows({ ...dpModel, defaultRows: 351 } as Model, 344)).toBe(351);
    expect(defaultSampleRows({ ...dpModel, privacy: { type: 'none' } } as Model, 344)).toBe(344);
  });
});

describe('lookalike run with a DP-SGD synthesizer', () => {
  it('writes the model’s noisy row count (argn --epsilon)', async () => {
    const dir = tempDir('lookalike-dp-rows-');
    const meta = join(dir, 'meta.json');
    expect(
      (await cli('inspect', `${DATA}/penguins.json`, '--public-domains', '--out', meta, '-q')).code,
    ).toBe(0);
    const out = join(dir, 'run');
    const run = await cli(
      'run',
      `${DATA}/penguins.json`,
      '--synthesizer',
      'argn',
      '--epsilon',
      '1',
      '--option',
      'epochs=1',
      '--metadata',
      meta,
      '--no-evaluate',
      '--out-dir',
      out,
      '--quiet',
    );
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as ModelFile;
    const noisy = (model.params as { rows: number }).rows;
    expect(noisy).toBeGreaterThanOrEqual(1);
    const rows = readFileSync(join(out, 'synthetic.csv'), 'utf8').trim().split('\n').length - 1;
    expect(rows).toBe(Math.max(1, Math.round(noisy)));
  }, 120_000);
});
