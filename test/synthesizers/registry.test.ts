import { describe, expect, it } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import '../../src/synthesizers/builtin.js';
import { loadModel } from '../../src/synthesizers/registry.js';

describe('loadModel', () => {
  it('reports what is wrong with a JSON file that is not a model (e.g. a metadata file), not a TypeError', () => {
    const metadata = { version: 1, columns: [{ name: 'x', kind: 'numeric' }] };
    const e = (() => {
      try {
        loadModel(metadata, 'meta.json');
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(LookalikeError);
    const err = e as LookalikeError;
    expect(err.message).toContain('meta.json is not a valid lookalike model');
    expect(err.problems).toContain('"format" must be "lookalike-model"');
    expect(err.problems).toContain('"synthesizer" must be a string');
  });

  it('reports an unknown synthesizer name as a problem', () => {
    const e = (() => {
      try {
        loadModel({ format: 'lookalike-model', version: 1, synthesizer: 'nope', privacy: { type: 'none' } });
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).problems).toContain('unknown synthesizer "nope"');
  });
});
