import { describe, expect, it } from 'vitest';
import '../../src/synthesizers/builtin.js';
import { roundDecimals } from '../../src/synthesizers/common.js';
import { getSynthesizer, listSynthesizers, loadModel } from '../../src/synthesizers/registry.js';
import { buildTable } from '../../src/table/infer.js';
import { schemaToMetadata } from '../../src/table/metadata.js';
import type { RawColumn } from '../../src/table/raw.js';
import { Rng } from '../../src/random/rng.js';

/**
 * Column names that are also names of Object.prototype members: a model file that keeps parameters in plain
 * objects loses `__proto__` (assigning it sets the prototype) and finds Object's `constructor`.
 */
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

function hostileColumns(): RawColumn[] {
  const rng = new Rng(3);
  const n = 120;
  return [
    { name: '__proto__', type: 'number', values: Float64Array.from({ length: n }, () => rng.int(50)) },
    { name: 'constructor', type: 'string', values: Array.from({ length: n }, () => 'abc'[rng.int(3)]) },
    { name: 'toString', type: 'number', values: Float64Array.from({ length: n }, () => rng.float()) },
    { name: 'hasOwnProperty', type: 'boolean', values: Int8Array.from({ length: n }, () => rng.int(2)) },
    { name: 'valueOf', type: 'string', values: Array.from({ length: n }, (_, i) => `id-${i}`) },
  ];
}

describe('columns named like Object.prototype members', () => {
  const plain = buildTable(hostileColumns());
  // DP synthesizers need public domains: the same table with its domains declared public
  const pub = buildTable(hostileColumns(), { metadata: schemaToMetadata(plain.schema, true) });

  for (const synth of listSynthesizers()) {
    it(`${synth.name}: fit, save, load and sample keep every column`, async () => {
      const { table, schema } = synth.privacy === 'dp' ? pub : plain;
      // pate-gan: a teacher per row, or this small table's budget would answer no query
      const extra = synth.name === 'pate-gan' ? { options: { rowsPerTeacher: 1, iterations: 20 } } : {};
      const opts = synth.privacy === 'dp' ? { epsilon: 5, seed: 1, ...extra } : { seed: 1 };
      const model = await getSynthesizer(synth.name).fit(table, schema, opts);
      const back = loadModel(JSON.parse(JSON.stringify(model.toJSON())) as unknown);
      const s = back.sample(40, { seed: 2 });
      expect(s.names).toEqual(NAMES);
      const proto = s.column('__proto__');
      expect(proto.kind).toBe('numeric');
      if (proto.kind === 'numeric') expect(proto.values.some((v) => !Number.isNaN(v))).toBe(true);
      const records = s.toRecords();
      expect(Object.keys(records[0])).toEqual(NAMES);
      expect(Object.getPrototypeOf(records[0])).toBe(Object.prototype);
    });
  }
});

describe('roundDecimals', () => {
  it('leaves values too large to scale alone instead of turning them into Infinity', () => {
    const v = Float64Array.of(1.234, 1e308, -1e308, 2 ** 60 + 0.5, NaN);
    roundDecimals(v, 2);
    expect(Array.from(v)).toEqual([1.23, 1e308, -1e308, 2 ** 60, NaN]);
  });
});
