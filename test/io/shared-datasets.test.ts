import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRawColumns, readTable } from '../../src/io/read.js';
import { isText, vals } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets');
const present = existsSync(ROOT);
if (!present) console.warn(`test/io/shared-datasets: skipped, ${ROOT} not found (real datasets live there)`);

describe.skipIf(!present)('real datasets in ../shared/datasets', () => {
  it('reads adult_train.csv: 32,561 rows, 15 text columns, empty field = missing', async () => {
    const cols = await readRawColumns(join(ROOT, 'adult', 'adult_train.csv'));
    expect(cols).toHaveLength(15);
    expect(cols.every((c) => isText(c) && vals(c).length === 32561)).toBe(true);
    const missing = Object.fromEntries(
      cols.map((c) => [c.name, (vals(c) as (string | null)[]).filter((v) => v === null).length]),
    );
    expect(missing.age).toBe(0);
    expect(missing.workclass).toBeGreaterThan(0);
    const { schema } = await readTable(join(ROOT, 'adult', 'adult_train.csv'));
    const kinds = Object.fromEntries(schema.columns.map((c) => [c.name, c.kind]));
    expect(kinds).toMatchObject({ age: 'numeric', workclass: 'categorical', income: 'categorical' });
  });

  it('reads california_housing/housing.csv with its 207 missing total_bedrooms', async () => {
    const cols = await readRawColumns(join(ROOT, 'california_housing', 'housing.csv'));
    const tb = cols.find((c) => c.name === 'total_bedrooms')!;
    expect(vals(tb).length).toBe(20640);
    expect((vals(tb) as (string | null)[]).filter((v) => v === null).length).toBe(207);
  });
});
