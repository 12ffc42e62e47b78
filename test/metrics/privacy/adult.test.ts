/**
 * On real census rows (UCI Adult from ../shared/datasets; skipped with a message when the folder is absent):
 * a copy is caught, the `independent` synthesizer shows no distance-based leak, on 3,000-row samples.
 */
import { describe, expect, it } from 'vitest';
import { readAdult, adultSchema, ADULT_DIR } from './adult.js';
import { Rng } from '../../../src/random/rng.js';
import { evaluatePrivacy } from '../../../src/metrics/privacy/index.js';
import '../../../src/synthesizers/builtin.js';
import { getSynthesizer } from '../../../src/synthesizers/registry.js';

const full = readAdult('adult_train.csv');
const control = readAdult('adult_test.csv');
if (!full || !control) console.warn(`skipped: ${ADULT_DIR} is absent`);

describe.skipIf(!full || !control)('privacy risk on Adult samples', () => {
  it('catches a copy and clears the independent synthesizer on distances and membership', async () => {
    const train = full!.take(new Rng(1).permutation(full!.nRows).subarray(0, 3000));
    const holdout = control!.take(new Rng(2).permutation(control!.nRows).subarray(0, 3000));
    const schema = adultSchema(train);
    const attacks = ['distance', 'mia', 'domias', 'inference'];
    const copy = await evaluatePrivacy(train, train, holdout, {
      schema,
      attacks,
      secrets: ['occupation'],
      seed: 1,
      nAttacks: 500,
    });
    expect(copy.metrics.find((m) => m.id === 'dcr_share')!.value).toBeGreaterThan(0.95);
    expect(copy.metrics.find((m) => m.id === 'mia_distance')!.value).toBeGreaterThan(0.95);
    expect(copy.metrics.find((m) => m.id === 'inference')!.value).toBeGreaterThan(0.5);

    const model = await getSynthesizer('independent').fit(train, schema, { seed: 3 });
    const synthetic = model.sample(3000, { seed: 3 });
    const ind = await evaluatePrivacy(train, synthetic, holdout, {
      schema,
      attacks,
      secrets: ['occupation'],
      seed: 1,
      nAttacks: 500,
    });
    const dcr = ind.metrics.find((m) => m.id === 'dcr_share')!;
    expect(dcr.ci![0]).toBeLessThan(0.5);
    expect(dcr.ci![1]).toBeGreaterThan(0.5);
    expect(ind.metrics.find((m) => m.id === 'mia_distance')!.ci![0]).toBeLessThan(0.5);
    expect(ind.metrics.find((m) => m.id === 'inference')!.ci![0]).toBe(0);
  });
});
