import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SecureRng } from '../../src/random/secure.js';
import { tableFromRecords } from '../../src/table/infer.js';
import { isCategoricalDomain, isNumericDomain } from '../../src/table/schema.js';
import { PrivacyLedger } from '../../src/privacy/ledger.js';
import { columnsNeedingDomains, releaseDomains } from '../../src/privacy/domains.js';

const ADULT = '../shared/datasets/adult/adult_train.csv';
const have = existsSync(ADULT);
if (!have) console.warn(`skipping the Adult DP-domain test: ${ADULT} is absent (the shared datasets folder)`);

describe.skipIf(!have)('DP domains on Adult (../shared/datasets, 32,561 rows)', () => {
  test('ε = 1, δ = 1e-9, dpDomains = 0.1: every domain released, usable, within 10% of ρ and half of δ', () => {
    const lines = readFileSync(ADULT, 'utf8').trim().split('\n');
    const head = lines[0].split(',');
    const numeric = new Set([
      'age',
      'fnlwgt',
      'education-num',
      'capital-gain',
      'capital-loss',
      'hours-per-week',
    ]);
    const records = lines.slice(1).map((line) => {
      const f = line.split(',');
      return Object.fromEntries(
        head.map((h, j) => [h, f[j] === '' ? null : numeric.has(h) ? Number(f[j]) : f[j]]),
      );
    });
    const { table, schema } = tableFromRecords(records);
    expect(columnsNeedingDomains(schema)).toHaveLength(15);
    const ledger = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
    const budget = ledger.rhoBudget;
    const out = releaseDomains(table, schema, ledger, new SecureRng(), { fraction: 0.1 });
    expect(out.released).toHaveLength(15);
    const dom = new Map(out.schema.columns.map((c) => [c.name, c.domain]));
    const age = dom.get('age');
    expect(isNumericDomain(age) && age.min <= 20 && age.max >= 64).toBe(true);
    const hours = dom.get('hours-per-week');
    expect(isNumericDomain(hours) && hours.min <= 24 && hours.max >= 48).toBe(true);
    for (const [name, must] of [
      ['sex', ['Female', 'Male']],
      ['income', ['<=50K', '>50K']],
      ['race', ['White', 'Black']],
    ] as const) {
      const d = dom.get(name);
      expect(isCategoricalDomain(d)).toBe(true);
      for (const m of must) expect((d as { categories: readonly string[] }).categories).toContain(m);
    }
    expect(ledger.entries).toHaveLength(15);
    expect(ledger.deltaSpent).toBeLessThanOrEqual(0.5e-9);
    expect(ledger.rhoSpent).toBeLessThanOrEqual(budget * 0.1);
    expect(ledger.rhoRemaining).toBeGreaterThan(budget * 0.85);
    const summary = out.schema.columns.map((c) =>
      isNumericDomain(c.domain)
        ? `${c.name} [${c.domain.min}, ${c.domain.max}]`
        : `${c.name}: ${(c.domain as unknown as { categories: string[] }).categories.length} categories`,
    );
    console.log(`Adult DP domains (ε=1, 10% of ρ): ${summary.join('; ')}`);
  });
});
