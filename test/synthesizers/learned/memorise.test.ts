import { describe, expect, it } from 'vitest';
import { ctgan } from '../../../src/synthesizers/ctgan/index.js';
import { ddpm } from '../../../src/synthesizers/ddpm/index.js';
import { tableFromRecords } from '../../../src/table/infer.js';
import type { Table } from '../../../src/table/table.js';
import { Rng } from '../../../src/random/rng.js';
import { penguins } from '../learned-fixtures.js';

/**
 * Training works: asked to (many epochs on 20 rows, no validation split, no early stopping), a generator memorises
 * them — what it samples is, row for row, a near-copy of one of the 20 (the same categories, every number within
 * 10 % of its column's range). A generator that learned nothing draws columns that do not go together and fails.
 * The seeds are fixed: each test is deterministic.
 */
function twentyRows(): Table {
  const complete = penguins()
    .table.toRecords()
    .filter((r) => Object.values(r).every((v) => v !== null));
  return tableFromRecords(complete.filter((_, i) => i % 15 === 0).slice(0, 20)).table;
}

/** Share of the sampled rows that are near-copies of a training row, and how many training rows are so copied. */
function copies(train: Table, syn: Table): { share: number; covered: number } {
  const real = train.toRecords();
  const ranges = new Map<string, number>();
  for (const name of train.names) {
    const c = train.column(name);
    if (c.kind === 'numeric') {
      const v = Array.from(c.values);
      ranges.set(name, Math.max(...v) - Math.min(...v) || 1);
    }
  }
  const near = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
    train.names.every((name) =>
      ranges.has(name)
        ? Math.abs((a[name] as number) - (b[name] as number)) <= 0.1 * ranges.get(name)!
        : a[name] === b[name],
    );
  const hit = new Set<number>();
  let n = 0;
  for (const s of syn.toRecords()) {
    const i = real.findIndex((r) => near(s, r));
    if (i >= 0) {
      n++;
      hit.add(i);
    }
  }
  return { share: n / syn.nRows, covered: hit.size };
}

describe('learned generators can memorise 20 rows when asked to', () => {
  const train = twentyRows();
  const schema = tableFromRecords(train.toRecords()).schema;
  // what chance gives: rows whose columns come from independently drawn training rows (seeded) are near-copies
  // 0.6 % of the time
  const rng = new Rng(1);
  const real = train.toRecords();
  const chance = copies(
    train,
    tableFromRecords(
      Array.from({ length: 2000 }, () =>
        Object.fromEntries(train.names.map((n) => [n, real[rng.int(20)][n]])),
      ),
    ).table,
  ).share;

  it('ddpm: sampled rows are near-copies of the training rows, and most of the 20 come back', async () => {
    expect(chance).toBeLessThan(0.01);
    const model = await ddpm.fit(train, schema, {
      seed: 5,
      options: {
        epochs: 2500,
        batchSize: 20,
        width: 64,
        depth: 2,
        steps: 20,
        lr: 0.003,
        lrDecay: 'none',
        validation: 0,
      },
    });
    const { share, covered } = copies(train, model.sample(200, { seed: 6 }));
    expect(share).toBeGreaterThan(0.3); // measured 0.42, 20 of 20 covered
    expect(covered).toBeGreaterThanOrEqual(15);
  });

  it('ctgan: sampled rows are near-copies of the training rows ten times as often as by chance', async () => {
    // a Wasserstein GAN with a gradient penalty does not collapse onto its 20 rows as an autoencoder or a diffusion
    // model does; what training shows is that near-copies become common: 4 % after 300 steps, 8.5 % after 4,000
    const model = await ctgan.fit(train, schema, {
      seed: 5,
      options: {
        epochs: 4000,
        batchSize: 20,
        pac: 1,
        lr: 0.002,
        embeddingDim: 8,
        generator: [128],
        discriminator: [128],
        gradientPenalty: 1,
        validation: 0,
      },
    });
    const { share, covered } = copies(train, model.sample(200, { seed: 6 }));
    expect(share).toBeGreaterThan(10 * chance);
    expect(covered).toBeGreaterThanOrEqual(5);
  });
});
