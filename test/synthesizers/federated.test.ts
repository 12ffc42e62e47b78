import { describe, expect, it } from 'vitest';
import {
  combineSites,
  formatSiteGuarantees,
  measureSite,
  readSiteFile,
  type SiteMeasurements,
} from '../../src/synthesizers/federated/index.js';
import { LookalikeError } from '../../src/errors.js';
import type { Schema } from '../../src/table/schema.js';
import type { Table } from '../../src/table/table.js';
import { toyTable } from './mst-fixtures.js';

/** The toy table's rows dealt round-robin to `k` sites. */
function sitesOf(table: Table, k: number): Table[] {
  return Array.from({ length: k }, (_, s) =>
    table.take(Int32Array.from({ length: table.nRows }, (_, i) => i).filter((i) => i % k === s)),
  );
}

async function measured(
  k = 3,
  epsilon = 2,
): Promise<{ files: { label: string; json: SiteMeasurements }[]; schema: Schema }> {
  const { table, schema } = toyTable(6000);
  const files = [];
  for (const [i, t] of sitesOf(table, k).entries()) {
    const f = await measureSite(t, schema, { epsilon, delta: 1e-6, site: `s${i + 1}` });
    files.push({ label: `s${i + 1}.json`, json: JSON.parse(JSON.stringify(f)) as SiteMeasurements });
  }
  return { files, schema };
}

async function refusal(p: Promise<unknown>): Promise<LookalikeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LookalikeError);
    return e as LookalikeError;
  }
  throw new Error('expected a refusal');
}

const text = (e: LookalikeError): string => `${e.message}\n${e.problems.join('\n')}`;

describe('federated synthesis: measure at each site, combine', () => {
  it('round trip: site files as JSON → one model that keeps the dependence, with each site’s guarantee', async () => {
    const { files } = await measured();
    for (const f of files) {
      expect(f.json.format).toBe('lookalike-measurements');
      expect(f.json.privacy.epsilon).toBeLessThanOrEqual(2);
      // 5 one-way marginals, 4 tree picks, 4 two-way marginals, all in the ledger
      expect(f.json.ledger.entries.length).toBe(13);
      expect(f.json.measurements.length).toBe(9);
      expect(f.json.schemaHash).toBe(files[0].json.schemaHash);
    }
    const model = await combineSites(files, { iters: 300 });
    expect(model.sites.map((s) => s.site)).toEqual(['s1', 's2', 's3']);
    expect(model.privacy.epsilon).toBe(Math.max(...model.sites.map((s) => s.guarantee.epsilon)));
    expect(Math.abs(model.defaultRows - 6000)).toBeLessThan(600);
    const s = model.sample(3000, { seed: 4 });
    expect(s.names).toEqual(['a', 'b', 'c', 'x', 'f']);
    const a = s.column('a');
    const b = s.column('b');
    let agree = 0;
    if (a.kind === 'categorical' && b.kind === 'categorical')
      for (let i = 0; i < 3000; i++) if (a.codes[i] === b.codes[i]) agree++;
    // the data agree 0.8 + 0.2/3 of the time; independence would give 1/3
    expect(agree / 3000).toBeGreaterThan(0.7);
    // the same seed, the same rows
    expect(model.sample(3000, { seed: 4 }).toRecords()).toEqual(s.toRecords());
  });

  it('prints the guarantee of each site as that site’s, and of the release as a whole', async () => {
    const { files } = await measured(2);
    const lines = formatSiteGuarantees(await combineSites(files, { iters: 50 }));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^site s1 \(s1\.json\): \(ε = [0-9.]+, δ = 0\.000001\)-differentially private for the rows held at s1 \(its ledger/,
    );
    expect(lines[1]).toMatch(/^site s2 \(s2\.json\): .*for the rows held at s2/);
    expect(lines[2]).toMatch(/a person with rows at several sites: add those sites' ε and δ/);
  });

  it('refuses a site file measured over another schema, naming the file and what differs', async () => {
    const { files, schema } = await measured(2);
    const { table } = toyTable(3000, 7);
    const other: Schema = {
      ...schema,
      columns: schema.columns.map((c) =>
        c.name === 'x' ? { ...c, domain: { min: 0, max: 29, bins: [0, 15, 29], source: 'public' } } : c,
      ),
    };
    const f = await measureSite(table, other, { epsilon: 2, delta: 1e-6, site: 'odd' });
    const e = await refusal(
      combineSites([...files, { label: 'odd.json', json: JSON.parse(JSON.stringify(f)) }]),
    );
    expect(e.kind).toBe('input');
    expect(text(e)).toMatch(/odd\.json was measured over a different schema from s1\.json/);
    expect(text(e)).toMatch(/column "x" differs in domain/);
    expect(text(e)).not.toMatch(/15/); // no domain value is echoed
  });

  it('refuses forged or edited ledgers and measurements', async () => {
    const { files } = await measured(2);
    const base = files[0].json;
    const edit = (f: (j: SiteMeasurements & Record<string, unknown>) => void): unknown => {
      const j = JSON.parse(JSON.stringify(base));
      f(j);
      return j;
    };
    const cases: [unknown, RegExp][] = [
      // a cheaper cost than the noise scale allows
      [edit((j) => ((j.ledger.entries[0] as { rho: number }).rho /= 10)), /costs ρ ≥/],
      // a smaller guarantee than the ledger adds up to
      [edit((j) => ((j.privacy as { epsilon: number }).epsilon = 0.1)), /"privacy" states ε = 0\.1/],
      // a measurement's entry removed (and the claim lowered to match)
      [
        edit((j) => (j.ledger as unknown as { entries: unknown[] }).entries.splice(0, 1)),
        /holds 9 measurement\(s\) but its ledger charges 8/,
      ],
      // a measurement claiming less noise than its entry paid for
      [
        edit((j) => ((j.measurements[0] as { sigma: number }).sigma /= 2)),
        /measurements\[0\] \(a, σ = .*\) is not backed by its ledger entry/,
      ],
      // the ledger emptied
      [edit((j) => ((j.ledger as unknown as { entries: unknown[] }).entries = [])), /ledger was emptied/],
      // the schema edited after measuring
      [
        edit((j) => ((j.schema as { missingValues?: string[] }).missingValues = ['?'])),
        /schemaHash does not match/,
      ],
    ];
    for (const [json, re] of cases) {
      const e = await refusal(readSiteFile(json, 'forged.json'));
      expect(e.kind).toBe('input');
      expect(text(e)).toMatch(/^forged\.json is not a valid site measurements file/);
      expect(text(e)).toMatch(re);
      // combine refuses it too, naming the file
      const c = await refusal(combineSites([files[1], { label: 'forged.json', json }]));
      expect(text(c)).toMatch(/forged\.json is not a valid site measurements file/);
    }
  });

  it('refuses the same site twice (its rows would be counted, and charged, twice)', async () => {
    const { files } = await measured(2);
    const e = await refusal(combineSites([files[0], { ...files[0], label: 'copy.json' }]));
    expect(text(e)).toMatch(/s1\.json and copy\.json both come from site "s1"/);
  });

  it('a site needs declared public domains and refuses options that would make sites encode differently', async () => {
    const { table, schema } = toyTable(500);
    const inferred: Schema = {
      ...schema,
      columns: schema.columns.map((c) =>
        c.name === 'a' ? { ...c, domain: { categories: ['p', 'q', 'r'], source: 'inferred' } } : c,
      ),
    };
    const e1 = await refusal(measureSite(table, inferred, { epsilon: 1 }));
    expect(e1.kind).toBe('privacy');
    expect(text(e1)).toMatch(/\ba\b/);
    const e2 = await refusal(measureSite(table, schema, { epsilon: 1, options: { dpDomains: 0.1 } }));
    expect(e2.kind).toBe('usage');
    expect(text(e2)).toMatch(/option dpDomains is not available to a federated site/);
    const e3 = await refusal(measureSite(table, schema, { epsilon: -1 }));
    expect(e3.kind).toBe('usage');
  });
});
