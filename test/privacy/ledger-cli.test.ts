import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli, DATA, tempDir } from '../cli/helpers.js';
import { PrivacyLedger } from '../../src/privacy/ledger.js';
import { formatEpsilon } from '../../src/format.js';

function ledgerJson() {
  const l = new PrivacyLedger({ epsilon: 1, delta: 1e-9 });
  l.charge({
    query: 'marginal',
    columns: ['species', 'island'],
    mechanism: 'discrete-gaussian',
    noiseScale: 20,
    rho: 1 / 800,
  });
  l.charge({
    query: 'select',
    columns: [],
    mechanism: 'exponential',
    noiseScale: 20,
    epsilon: 0.1,
    rho: 0.00125,
  });
  return l.toJSON();
}

function modelFile(extra: Record<string, unknown>) {
  return {
    format: 'lookalike-model',
    version: 1,
    synthesizer: 'mst',
    createdAt: '2026-11-23T00:00:00Z',
    schema: { version: 1, columns: [] },
    params: {},
    ...extra,
  };
}

describe('lookalike ledger', () => {
  const dir = tempDir('lookalike-ledger-');

  test('prints every entry and the total computed from the ledger; --json', async () => {
    const ledger = ledgerJson();
    const g = PrivacyLedger.fromJSON(ledger).guarantee();
    const path = join(dir, 'dp.json');
    writeFileSync(path, JSON.stringify(modelFile({ privacy: g, ledger })));
    const r = await cli('ledger', path);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/marginal\s+species, island\s+discrete-gaussian\s+20\s+0\.00125/);
    expect(r.stdout).toMatch(/select\s+exponential/);
    expect(r.stdout).toContain(`total: (ε = ${formatEpsilon(g.epsilon)}, δ = 1e-9)-differentially private`);
    expect(r.stdout).toContain(`ε rounded up from ${g.epsilon}`);
    const j = await cli('ledger', path, '--json');
    expect(j.code).toBe(0);
    const out = JSON.parse(j.stdout);
    expect(out).toMatchObject({ privacy: 'dp', epsilon: g.epsilon, delta: 1e-9, rho: g.rho });
    expect(out.entries).toHaveLength(2);
  });

  test('a file whose claim understates its ledger is flagged (exit 1), and the ledger figure is printed', async () => {
    const ledger = ledgerJson();
    const path = join(dir, 'tampered.json');
    writeFileSync(
      path,
      JSON.stringify(modelFile({ privacy: { type: 'dp', epsilon: 0.01, delta: 1e-9 }, ledger })),
    );
    const r = await cli('ledger', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not match what its ledger proves/);
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify(
        modelFile({ privacy: { type: 'dp', epsilon: 1, delta: 1e-9 }, ledger: { ...ledger, entries: 'x' } }),
      ),
    );
    const b = await cli('ledger', bad);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/entries must be an array/);
  });

  test('a non-DP model is reported as not differentially private', async () => {
    const model = join(dir, 'indep.json');
    const fit = await cli(
      'fit',
      `${DATA}/penguins.json`,
      '--synthesizer',
      'independent',
      '--out',
      model,
      '--quiet',
    );
    expect(fit.code).toBe(0);
    const r = await cli('ledger', model);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NOT differentially private/);
    const j = JSON.parse((await cli('ledger', model, '--json')).stdout);
    expect(j).toEqual({ privacy: 'none', entries: [], epsilon: null, delta: null, rho: null });
    expect(JSON.parse(readFileSync(model, 'utf8')).ledger).toBeNull();
  });
});
