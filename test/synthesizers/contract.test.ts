import { describe, expect, it } from 'vitest';
import { BUILTIN_SYNTHESIZERS } from '../../src/synthesizers/builtin.js';
import { BUILTIN_CATALOG } from '../../src/synthesizers/catalog.js';
import {
  checkFitOptions,
  defineSynthesizer,
  getSynthesizer,
  listSynthesizers,
  loadModel,
  loadSynthesizer,
  openModel,
  registerSynthesizer,
  registerSynthesizerLoader,
} from '../../src/synthesizers/registry.js';
import { optionHelp, optionProblems, optionValues } from '../../src/synthesizers/options.js';
import { gaussianCopula } from '../../src/synthesizers/gaussian-copula/index.js';
import { cartSynthesizer } from '../../src/synthesizers/cart/index.js';
import { tableFromRecords } from '../../src/table/infer.js';
import type { Synthesizer, SynthesizerInfo } from '../../src/synthesizers/types.js';
import { LookalikeError } from '../../src/errors.js';

const { table, schema } = tableFromRecords(
  Array.from({ length: 30 }, (_, i) => ({ x: i, g: i % 3 ? 'a' : 'b' })),
);

async function refusal(p: Promise<unknown>): Promise<LookalikeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LookalikeError);
    return e as LookalikeError;
  }
  throw new Error('expected a refusal');
}

describe('the synthesizer contract, in the library', () => {
  it('refuses ε on a synthesizer that is not DP, by name and through the exported object, with the CLI message', async () => {
    for (const s of [getSynthesizer('gaussian-copula'), gaussianCopula, getSynthesizer('cart')]) {
      const e = await refusal(s.fit(table, schema, { epsilon: 1 }));
      expect(e.kind).toBe('usage');
      expect(e.message).toMatch(
        new RegExp(`^${s.name} is not differentially private and takes no --epsilon; DP synthesizers: .*mst`),
      );
    }
  });

  it('refuses unknown options of every built-in synthesizer, naming the known ones', async () => {
    for (const s of BUILTIN_SYNTHESIZERS) {
      const e = await refusal(s.fit(table, schema, { options: { nope: 1 } }));
      expect(e.kind).toBe('usage');
      const known = s.options.map((o) => o.name);
      expect(e.message).toBe(
        `${s.name} has no option "nope"; ` +
          (known.length ? `its options: ${known.join(', ')}` : 'it takes no options') +
          ' (see lookalike synthesizers)',
      );
    }
  });

  it('checks values against the schema and lists every problem at once', async () => {
    const e = await refusal(
      getSynthesizer('mst').fit(table, schema, {
        epsilon: 1,
        options: { bins: 'abc', compress: 'yes', dpDomains: 2, typo: true },
      }),
    );
    expect(e.message).toMatch(/^mst: invalid options:/);
    expect(e.problems).toEqual([
      'mst has no option "typo"; its options: dpDomains, iters, adaptiveBins, bins, maxExactIntegers, compress, conditionOn (see lookalike synthesizers)',
      'option dpDomains must be true or a fraction of the budget in (0, 1), e.g. dpDomains=0.1 (got 2)',
      'option bins must be a whole number ≥ 1 (got "abc")',
      'option compress must be true or false (got "yes")',
    ]);
    const c = await refusal(
      cartSynthesizer.fit(table, schema, { options: { order: ['x', 'zz', 'x'], maxDepth: 0 } }),
    );
    expect(c.problems).toEqual([
      'option order names "zz", which is not a modelled column (id and text columns are not modelled)',
      'option order lists "x" twice',
      'option maxDepth must be a whole number from 1 to 64 (got 0)',
    ]);
  });

  it('accepts every default it declares, and fills defaults in', () => {
    for (const s of BUILTIN_SYNTHESIZERS) {
      const defaults = Object.fromEntries(
        s.options.filter((o) => o.default !== undefined).map((o) => [o.name, o.default]),
      );
      expect(optionProblems(s.name, s.options, defaults, { schema, dp: true }), s.name).toEqual([]);
      for (const o of s.options) {
        expect(o.help.length, `${s.name}.${o.name}`).toBeGreaterThan(5);
        expect(optionHelp(o)).toContain(o.help);
      }
    }
    expect(optionValues(cartSynthesizer.options, { options: { maxDepth: 3 } })).toEqual({
      minSamplesLeaf: 5,
      maxDepth: 3,
      smoothing: 'none',
      maxBins: 255,
    });
  });

  it('wraps a synthesizer registered without defineSynthesizer', async () => {
    let fitted = 0;
    const raw: Synthesizer = {
      name: 'raw-test',
      description: 'a test stand-in',
      privacy: 'none',
      options: [{ name: 'k', type: 'integer', min: 1, help: 'a whole number for the test' }],
      fit: async () => {
        fitted++;
        return gaussianCopula.fit(table, schema);
      },
      load: (f) => gaussianCopula.load(f),
    };
    registerSynthesizer(raw);
    const s = getSynthesizer('raw-test');
    expect((await refusal(s.fit(table, schema, { options: { k: 0 } }))).message).toBe(
      'option k must be a whole number ≥ 1 (got 0)',
    );
    expect((await refusal(s.fit(table, schema, { delta: 1e-6 }))).message).toMatch(
      /raw-test is not differentially private/,
    );
    expect(fitted).toBe(0);
    await s.fit(table, schema, { options: { k: 2 } });
    expect(fitted).toBe(1);
  });

  it('checkFitOptions needs no table: the CLI calls it before reading any file', () => {
    expect(() => checkFitOptions(getSynthesizer('aim'), { epsilon: 1, options: { rounds: -1 } })).toThrow(
      'option rounds must be a whole number ≥ 1 (got -1)',
    );
    expect(() =>
      checkFitOptions(getSynthesizer('independent'), { epsilon: 1, options: { iters: 5 } }),
    ).not.toThrow();
  });
});

describe('lazy registration (the CLI catalog)', () => {
  it('lists the same synthesizers with the same info as the library registry', () => {
    expect(BUILTIN_CATALOG.map((c) => c.info.name)).toEqual(BUILTIN_SYNTHESIZERS.map((s) => s.name));
    BUILTIN_CATALOG.forEach(({ info }, i) => {
      const s = BUILTIN_SYNTHESIZERS[i];
      expect(info.privacy).toBe(s.privacy);
      expect(info.description).toBe(s.description);
      expect(info.options).toBe(s.options);
      expect(info.modelFileNote).toBe(s.modelFileNote);
    });
  });

  it('loads the code only when needed; checks before loading; loadModel needs the code first', async () => {
    let loads = 0;
    const info: SynthesizerInfo = {
      name: 'lazy-test',
      description: 'a lazily loaded test synthesizer',
      privacy: 'none',
      options: [],
    };
    registerSynthesizerLoader(info, async () => {
      loads++;
      return defineSynthesizer(info, {
        fit: async (t, s) => {
          const m = await gaussianCopula.fit(t, s);
          return {
            ...m,
            synthesizer: 'lazy-test',
            toJSON: () => ({ ...m.toJSON(), synthesizer: 'lazy-test' }),
            sample: (n, o) => m.sample(n, o),
          };
        },
        load: (f) => gaussianCopula.load({ ...f, synthesizer: 'gaussian-copula' }),
      });
    });
    expect(listSynthesizers().find((s) => s.name === 'lazy-test')?.privacy).toBe('none');
    const s = getSynthesizer('lazy-test');
    await refusal(s.fit(table, schema, { epsilon: 1 }));
    expect(loads).toBe(0);
    const model = await s.fit(table, schema);
    expect(loads).toBe(1);
    const file = JSON.parse(JSON.stringify(model.toJSON()));
    expect((await openModel(file)).sample(3, { seed: 1 }).nRows).toBe(3);
    await loadSynthesizer('lazy-test');
    expect(loads).toBe(1);
    // a second lazy synthesizer whose code was never loaded: loadModel says what to do
    registerSynthesizerLoader({ ...info, name: 'lazy-unloaded' }, async () => {
      throw new Error('not needed');
    });
    expect(() => loadModel({ ...file, synthesizer: 'lazy-unloaded' })).toThrow(
      /await loadSynthesizer\("lazy-unloaded"\)/,
    );
  });
});
