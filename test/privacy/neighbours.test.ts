/**
 * Issue 10, leaks 1, 2, 4 and 5: facts that reached a "DP" model file without a charge to the ledger. Each test
 * fits two neighbouring tables (one row added) under the same declared metadata and checks that the model files
 * are identical in structure — schema, encoding, cliques, ledger entries and their costs — and differ only in
 * noisy values; and that a fact left undeclared is refused (or, for nullability under `dpDomains`, replaced by a
 * data-independent choice). The noise is real (WebCrypto), so nothing here depends on a seed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import '../../src/synthesizers/builtin.js';
import { LookalikeError } from '../../src/errors.js';
import { nextUp, publicGrid } from '../../src/privacy/bins.js';
import { getSynthesizer } from '../../src/synthesizers/registry.js';
import type { ModelFile } from '../../src/synthesizers/types.js';
import { tableFromRecords } from '../../src/table/infer.js';
import { schemaToMetadata } from '../../src/table/metadata.js';
import type { Row } from '../../src/table/table.js';
import { cli, DATA, tempDir } from '../cli/helpers.js';

const base: Row[] = Array.from({ length: 400 }, (_, i) => ({
  id: String(1000 + i),
  size: 1 + (i % 40) / 10, // one decimal place
  count: i % 17, // whole numbers
  day: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
  colour: ['red', 'green', 'blue'][i % 3],
  x: i % 5 === 0 ? 'a' : 'b',
}));
/** The neighbour: one more row, whose values would flip every fact inference reads off the data. */
const extra: Row = { id: 'x-1', size: 2.25, count: 3.5, day: '01/02/2024', colour: 'red', x: null };
const neighbour = [...base, extra];

/** Metadata as `inspect --public-domains` writes it from the first table (the user's reviewed declaration). */
function declaredMetadata(edit: (c: Record<string, unknown>) => void = () => {}) {
  const m = schemaToMetadata(tableFromRecords(base).schema, true) as { columns: Record<string, unknown>[] };
  for (const c of m.columns) {
    // wide public bounds, so that the neighbour's values are inside them
    if (c.name === 'size') c.domain = { min: 0, max: 10, source: 'public' };
    if (c.name === 'count') {
      c.integer = false;
      c.decimals = 1;
      c.domain = { min: 0, max: 20, source: 'public' };
    }
    if (c.name === 'day') c.kind = 'text'; // a date column the owner chooses not to model
    if (c.name === 'day') delete c.format;
    if (c.name === 'day') delete c.domain;
    if (c.name === 'x') c.nullable = true;
    edit(c);
  }
  // the ids are digits (read as numbers): the owner declares them ids, written 1, 2, …
  const id = m.columns.findIndex((c) => c.name === 'id');
  m.columns[id] = { name: 'id', kind: 'id', idStyle: 'integer', nullable: false };
  return m;
}

/** A model file with every noisy value blanked: what must not depend on the data beyond the noise. */
function structure(f: ModelFile): unknown {
  const p = f.params as Record<string, unknown>;
  const l = f.ledger as { entries: unknown[]; budget: unknown };
  return {
    synthesizer: f.synthesizer,
    schema: f.schema,
    params: {
      ...p,
      potentials: (p.potentials as number[][]).map((x) => x.length),
      total: typeof p.total,
    },
    ledger: { budget: l.budget, entries: l.entries },
    privacy: f.privacy,
  };
}

/**
 * A DP fit of `independent`. Equal-width bins unless asked (adaptiveBins = 0): these tests are about schema facts,
 * and adaptive DP bins make the number and edges of a numeric column's bins noisy values by design — they have
 * their own neighbouring test below.
 */
async function fit(records: Row[], metadata: unknown, options: Record<string, unknown> = {}) {
  const { table, schema } = tableFromRecords(records, metadata);
  return getSynthesizer('independent').fit(table, schema, {
    epsilon: 1,
    options: { adaptiveBins: 0, ...options },
  });
}

describe('neighbouring tables under declared metadata give model files of one structure', () => {
  test('every schema fact declared: the files differ only in noisy values', async () => {
    const meta = declaredMetadata();
    const a = (await fit(base, meta)).toJSON();
    const b = (await fit(neighbour, meta)).toJSON();
    expect(structure(b)).toEqual(structure(a));
    expect((a.params as { potentials: number[][] }).potentials).not.toEqual(
      (b.params as { potentials: number[][] }).potentials,
    );
    // the declared id style and rounding hold whatever the rows say
    const m = await fit(neighbour, meta);
    const s = m.sample(50, { seed: 1 });
    const id = s.column('id');
    expect(id.kind === 'id' && id.values[0]).toBe('1');
    const size = s.column('size');
    expect(
      size.kind === 'numeric' && [...size.values].every((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9),
    ).toBe(true);
  });

  test('adaptive DP bins (the default): the same ledger and encoding kinds; bins on the public grid', async () => {
    const meta = declaredMetadata();
    const { table, schema } = tableFromRecords(base, meta);
    const t2 = tableFromRecords(neighbour, meta);
    const fitDefault = (t: typeof table) =>
      getSynthesizer('mst')
        .fit(t, schema, { epsilon: 1 })
        .then((m) => m.toJSON());
    const a = await fitDefault(table);
    const b = await fitDefault(t2.table);
    const ledger = (f: ModelFile) =>
      (f.ledger as { entries: { query: string; columns?: string[]; rho?: number }[] }).entries
        .filter((e) => e.query.startsWith('bins:'))
        .map((e) => ({ query: e.query, columns: e.columns, rho: e.rho }));
    // the bins are paid for, two histograms (blocks, cells) per binned numeric column, at costs that do not see the data
    const rho = ledger(a)[0].rho;
    expect(rho).toBeGreaterThan(0);
    expect(ledger(a)).toEqual(
      ['size', 'count'].flatMap((c) =>
        ['bins:blocks', 'bins:cells'].map((query) => ({ query, columns: [c], rho })),
      ),
    );
    expect(ledger(b)).toEqual(ledger(a));
    type D = { name: string; fine?: { edges: number[]; weights: number[] }; edges?: number[] };
    const disc = (f: ModelFile) => (f.params as { discretizers: D[] }).discretizers;
    for (const f of [a, b]) {
      const size = disc(f).find((d) => d.name === 'size')!;
      // the fine grid is public (a function of the declared bounds); every bin edge is one of its edges, or the
      // double just above a point cell's value
      expect(size.fine!.edges).toEqual(publicGrid(0, 10, false));
      for (const e of size.edges ?? [])
        expect(size.fine!.edges.some((x) => x === e || nextUp(x) === e)).toBe(true);
    }
    expect(disc(a).map((d) => d.name)).toEqual(disc(b).map((d) => d.name));
  });

  test('leak 1: nullable declared false refuses missing values, naming the column and the count', () => {
    const meta = declaredMetadata((c) => {
      if (c.name === 'x') c.nullable = false;
    });
    expect(() => tableFromRecords(neighbour, meta)).toThrow(
      /column "x" is declared "nullable": false but has 1 missing value/,
    );
  });

  test('leak 1: nullable declared true gives the same encoding with or without a missing value', async () => {
    const meta = declaredMetadata();
    const size = (f: ModelFile) =>
      (f.params as { discretizers: { name: string; size: number }[] }).discretizers;
    expect(size((await fit(base, meta)).toJSON())).toEqual(size((await fit(neighbour, meta)).toJSON()));
  });

  test('leak 1: undeclared nullability under dpDomains is assumed true (sizes do not move)', async () => {
    const kinds = {
      version: 1,
      columns: [
        { name: 'id', kind: 'id', idStyle: 'integer' },
        { name: 'size', kind: 'numeric', integer: false, decimals: 2 },
        { name: 'count', kind: 'numeric', integer: false, decimals: 1 },
        { name: 'day', kind: 'text' },
        { name: 'colour', kind: 'categorical' },
        { name: 'x', kind: 'categorical' },
      ],
    };
    const sizes = async (rows: Row[]) =>
      (
        (await fit(rows, kinds, { dpDomains: 0.2 })).toJSON().params as {
          discretizers: { includeMissing: boolean }[];
        }
      ).discretizers.map((d) => d.includeMissing);
    expect(await sizes(base)).toEqual([true, true, true, true]);
    expect(await sizes(neighbour)).toEqual([true, true, true, true]);
  });

  test('leak 4: facts read off the data are refused, every column and fact named', async () => {
    const pub = schemaToMetadata(tableFromRecords(base).schema, true) as {
      columns: Record<string, unknown>[];
    };
    // the domains declared, the facts not (as a metadata file written by hand with domains only would be)
    const domainsOnly = {
      version: 1,
      columns: pub.columns.map((c) => ({ name: c.name, ...(c.domain ? { domain: c.domain } : {}) })),
    };
    const e = await fit(base, domainsOnly).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).kind).toBe('privacy');
    expect((e as LookalikeError).message).toMatch(
      /schema facts read off the private data[\s\S]*--public-domains/,
    );
    expect((e as LookalikeError).problems).toEqual([
      'id (numeric): kind, integer, nullable read off the data',
      'size (numeric): kind, integer, decimals, nullable read off the data',
      'count (numeric): kind, integer, nullable read off the data',
      'day (datetime): kind, format, nullable read off the data',
      'colour (categorical): kind, nullable read off the data',
      'x (categorical): kind, nullable read off the data',
    ]);
  });

  test('a hand-built schema with a missing value where nullable is absent: refused with the count', async () => {
    const { table, schema } = tableFromRecords(neighbour, declaredMetadata());
    const s = {
      ...schema,
      columns: schema.columns.map((c) => (c.name === 'x' ? { ...c, nullable: false } : c)),
    };
    const e = await getSynthesizer('mst')
      .fit(table, s, { epsilon: 1 })
      .catch((x: unknown) => x);
    expect((e as LookalikeError).kind).toBe('input');
    expect((e as LookalikeError).problems).toEqual([
      'column "x" has 1 missing value but is not declared nullable; declare "nullable": true in the metadata, or fill or drop those rows',
    ]);
  });
});

describe('leaks 2 and 5: a DP run writes neither the exact training count nor inferred facts', () => {
  const dir = tempDir('lookalike-dp-run-');
  test('run with a DP synthesizer: rows = the model’s noisy total; metadata.json = what the model releases', async () => {
    const out = join(dir, 'run');
    // the kinds are declared, the domains are not: dpDomains releases them
    const ins = await cli('inspect', `${DATA}/penguins.json`, '--out', join(dir, 'kinds.json'), '--quiet');
    expect(ins.code).toBe(0);
    const run = await cli(
      'run',
      `${DATA}/penguins.json`,
      '--synthesizer',
      'mst',
      '--epsilon',
      '1',
      '--option',
      'dpDomains=0.2',
      '--metadata',
      join(dir, 'kinds.json'),
      '--no-evaluate',
      '--out-dir',
      out,
      '--quiet',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as ModelFile;
    const total = (model.params as { total: number }).total;
    const rows = readFileSync(join(out, 'synthetic.csv'), 'utf8').trim().split('\n').length - 1;
    expect(rows).toBe(Math.max(1, Math.round(total)));
    const meta = JSON.parse(readFileSync(join(out, 'metadata.json'), 'utf8')) as {
      columns: { domain?: { source: string } }[];
    };
    const sources = meta.columns.flatMap((c) => (c.domain ? [c.domain.source] : []));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s === 'dp')).toBe(true);
    expect(meta).toEqual(schemaToMetadata(model.schema));
  }, 60_000);
});
