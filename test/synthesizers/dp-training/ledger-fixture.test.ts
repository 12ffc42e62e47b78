import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { declaredPublic } from '../declared-public.js';
import { SecureRng } from '../../../src/random/secure.js';
import '../../../src/synthesizers/builtin.js';
import { getSynthesizer } from '../../../src/synthesizers/registry.js';
import { tableFromRecords } from '../../../src/table/infer.js';
import type { Row } from '../../../src/table/table.js';
import { fixedSource } from '../../random/fixed-bytes.js';

// The DP-SGD ledgers of tvae, ctgan and argn on penguins with public domains, their noise drawn from fixed bytes
// (fixedSource), byte for byte: the DP-SGD loop, its progress and its ledger charge are one function
// (synthesizers/dp-training, `trainDpSgd`), and these JSON strings were recorded from the three hand-written copies
// that function replaced (issue 12), so the refactor changed no entry. Re-record only for a change that means to
// change the ledger: UPDATE_LEDGER_FIXTURES=1 npx vitest run test/synthesizers/dp-training/ledger-fixture.test.ts
const records = JSON.parse(
  readFileSync(new URL('../../../node_modules/vega-datasets/data/penguins.json', import.meta.url), 'utf8'),
) as Row[];
const { table, schema } = tableFromRecords(records);
/** Every domain and schema fact declared public, as after reviewing `inspect --public-domains`. */
const pub = declaredPublic(schema);
const FIXTURE = new URL('./ledger-fixture.json', import.meta.url);
const CASES: { name: string; options: Record<string, unknown> }[] = [
  { name: 'tvae', options: { epochs: 2, batchSize: 64, compress: [16], decompress: [16], embeddingDim: 8 } },
  {
    name: 'ctgan',
    options: { epochs: 2, batchSize: 64, generator: [16], discriminator: [16], embeddingDim: 8 },
  },
  { name: 'argn', options: { epochs: 2, batchSize: 64 } },
];

describe('DP-SGD ledgers of the learned synthesizers (fixed bytes)', () => {
  const recorded = process.env.UPDATE_LEDGER_FIXTURES
    ? {}
    : (JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, string>);
  const fresh: Record<string, string> = {};
  it.each(CASES)(
    '$name: the same ledger entries and progress messages as recorded',
    async ({ name, options }) => {
      const messages: string[] = [];
      const model = await getSynthesizer(name).fit(table, pub, {
        epsilon: 2,
        seed: 1,
        options,
        secureRng: new SecureRng(fixedSource(12)),
        onProgress: (e) => messages.push(`${e.phase} ${e.done}/${e.total} ${e.message ?? ''}`),
      });
      const got = JSON.stringify({ ledger: model.toJSON().ledger, progress: messages });
      fresh[name] = got;
      if (!process.env.UPDATE_LEDGER_FIXTURES) expect(got).toBe(recorded[name]);
    },
  );
  afterAll(() => {
    if (process.env.UPDATE_LEDGER_FIXTURES) writeFileSync(FIXTURE, JSON.stringify(fresh, null, 2) + '\n');
  });
});
