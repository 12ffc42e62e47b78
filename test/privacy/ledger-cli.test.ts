/**
 * `lookalike ledger`, `report` and `loadModel` on real, forged and tampered model files (issue 10, leak 3): a model
 * file is believed DP only when its synthesizer can be DP, its ledger lists measurements whose costs match their
 * mechanisms and noise scales, and every total shown is recomputed from those entries. Each forged case is refused
 * with a clear message (CLI exit 1).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli, DATA, tempDir } from '../cli/helpers.js';
import { PrivacyLedger } from '../../src/privacy/ledger.js';
import { formatEpsilon } from '../../src/format.js';
import { loadModel, openModel } from '../../src/synthesizers/registry.js';
import { modelSummary } from '../../src/report/model.js';
import type { ModelFile } from '../../src/synthesizers/types.js';

const dir = tempDir('lookalike-ledger-');
const meta = join(dir, 'meta.json');
const dpPath = join(dir, 'dp.json');
const copulaPath = join(dir, 'copula.json');
let dp: ModelFile;
let copula: ModelFile;

type Json = Record<string, unknown>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
function write(name: string, file: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, JSON.stringify(file));
  return p;
}
function withEntries(f: ModelFile, map: (e: Json) => Json): ModelFile {
  const l = clone(f.ledger) as { entries: Json[] };
  return { ...clone(f), ledger: { ...l, entries: l.entries.map(map) } };
}
let forgedCount = 0;
async function refused(file: unknown, pattern: RegExp): Promise<void> {
  expect(() => loadModel(clone(file))).toThrow(pattern);
  const p = write(`forged-${++forgedCount}.json`, file);
  const r = await cli('ledger', p);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(pattern);
  expect(r.stdout).toBe('');
}

beforeAll(async () => {
  const i = await cli('inspect', `${DATA}/penguins.json`, '--public-domains', '--out', meta, '--quiet');
  expect(i.code).toBe(0);
  const f = await cli(
    'fit',
    `${DATA}/penguins.json`,
    '--metadata',
    meta,
    '--synthesizer',
    'mst',
    '--epsilon',
    '1',
    '--out',
    dpPath,
    '--quiet',
  );
  expect(f.stderr).toBe('');
  expect(f.code).toBe(0);
  const c = await cli(
    'fit',
    `${DATA}/penguins.json`,
    '--synthesizer',
    'gaussian-copula',
    '--out',
    copulaPath,
    '--quiet',
  );
  expect(c.code).toBe(0);
  dp = JSON.parse(readFileSync(dpPath, 'utf8')) as ModelFile;
  copula = JSON.parse(readFileSync(copulaPath, 'utf8')) as ModelFile;
}, 60_000);

describe('lookalike ledger on a real DP model', () => {
  test('prints every entry and the total computed from the ledger; --json', async () => {
    const g = PrivacyLedger.fromJSON(dp.ledger).guarantee();
    const r = await cli('ledger', dpPath);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/marginal\s+Species\s+discrete-gaussian/);
    expect(r.stdout).toMatch(/select 2-way marginal \(spanning tree\).*exponential/);
    expect(r.stdout).toContain(`total: (ε = ${formatEpsilon(g.epsilon)}, δ = 1e-9)-differentially private`);
    const out = JSON.parse((await cli('ledger', dpPath, '--json')).stdout);
    expect(out).toMatchObject({ privacy: 'dp', epsilon: g.epsilon, delta: 1e-9, rho: g.rho });
    expect(out.entries.length).toBeGreaterThan(5);
  });

  test('a non-DP model is reported as not differentially private', async () => {
    const r = await cli('ledger', copulaPath);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NOT differentially private/);
    const j = JSON.parse((await cli('ledger', copulaPath, '--json')).stdout);
    expect(j).toEqual({ privacy: 'none', entries: [], epsilon: null, delta: null, rho: null });
  });
});

describe('forged and tampered model files are refused (exit 1, a clear message)', () => {
  test('a gaussian-copula model given a copied DP ledger and claim', async () => {
    await refused(
      { ...clone(copula), privacy: clone(dp.privacy), ledger: clone(dp.ledger) },
      /gaussian-copula is not differentially private, yet the file carries a privacy ledger/,
    );
  });
  test('a gaussian-copula model that only claims DP (no ledger)', async () => {
    await refused(
      { ...clone(copula), privacy: { type: 'dp', epsilon: 0.01, delta: 1e-9 } },
      /gaussian-copula is not differentially private, yet the file claims differential privacy/,
    );
  });
  test('a gaussian-copula model given an emptied ledger', async () => {
    const empty = { ...(clone(dp.ledger) as Json), entries: [], total: { epsilon: 0, delta: 1e-9, rho: 0 } };
    await refused(
      { ...clone(copula), privacy: { type: 'dp', epsilon: 0.01, delta: 1e-9 }, ledger: empty },
      /not differentially private, yet the file carries a privacy ledger/,
    );
  });
  test('a DP model whose ledger was emptied', async () => {
    const empty = { ...(clone(dp.ledger) as Json), entries: [], total: { epsilon: 0, delta: 1e-9, rho: 0 } };
    await refused({ ...clone(dp), ledger: empty }, /lists no measurement[\s\S]*emptied/);
  });
  test('every ρ (and ε) scaled by 0.01', async () => {
    const f = withEntries(dp, (e) => ({
      ...e,
      rho: (e.rho as number) * 0.01,
      ...(e.epsilon !== undefined ? { epsilon: (e.epsilon as number) * 0.01 } : {}),
    }));
    await refused(
      { ...f, privacy: PrivacyLedger.fromJSON(dp.ledger).guarantee() },
      /discrete-gaussian with noise scale [\d.]+ costs ρ ≥ [\d.e-]+, but the entry says/,
    );
  });
  test('a selection whose ε was lowered below 2Δ/noise scale', async () => {
    const f = withEntries(dp, (e) =>
      e.mechanism === 'exponential'
        ? { ...e, epsilon: (e.epsilon as number) / 2, rho: (e.rho as number) / 4 }
        : e,
    );
    await refused(f, /exponential with noise scale [\d.]+ costs ε ≥/);
  });
  test('a sensitivity below 1, and a mechanism the ledger cannot price', async () => {
    await refused(
      withEntries(dp, (e) => ({ ...e, sensitivity: 0.01 })),
      /sensitivity must be a finite number ≥ 1/,
    );
    await refused(
      withEntries(dp, (e) => ({ ...e, mechanism: 'magic' })),
      /mechanism "magic" is not one lookalike knows the cost of/,
    );
  });
  test('a claim that understates the ledger', async () => {
    await refused(
      { ...clone(dp), privacy: { type: 'dp', epsilon: 0.01, delta: 1e-9 } },
      /"privacy" states ε = 0\.01, δ = 1e-9 but the ledger adds up to ε = /,
    );
  });
  test('report and its policy gate: a forged file is refused before any ε is shown', async () => {
    const forged = write('forged-report.json', {
      ...clone(copula),
      privacy: { type: 'dp', epsilon: 0.01, delta: 1e-9 },
      ledger: clone(dp.ledger),
    });
    const policy = join(dir, 'policy.json');
    writeFileSync(
      policy,
      JSON.stringify({ version: 1, name: 'strict', targets: [{ id: 'epsilon', op: '<=', value: 0.1 }] }),
    );
    const evalPath = join(dir, 'evaluation.json');
    const syn = join(dir, 'syn.csv');
    expect((await cli('sample', copulaPath, '--rows', '200', '--out', syn, '--quiet')).code).toBe(0);
    const ev = await cli('evaluate', `${DATA}/penguins.json`, syn, '--out', evalPath, '--quiet');
    expect(ev.code).toBe(0);
    const r = await cli(
      'report',
      evalPath,
      '--model',
      forged,
      '--policy',
      policy,
      '--out',
      join(dir, 'r.html'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not differentially private, yet the file carries a privacy ledger/);
  });
});

describe('every total shown is recomputed from the entries', () => {
  test('modelSummary ignores the file’s stated privacy and ledger total', async () => {
    const g = PrivacyLedger.fromJSON(dp.ledger).guarantee();
    const inflated = {
      ...clone(dp),
      privacy: { type: 'dp' as const, epsilon: 5, delta: 1e-9 },
      ledger: { ...(clone(dp.ledger) as Json), total: { epsilon: 0.001, delta: 1e-9, rho: 1e-9 } },
    };
    await openModel(clone(inflated)); // an overstated claim is allowed (the ledger wins)
    const s = modelSummary(inflated);
    expect(s.privacy).toMatchObject({ type: 'dp', epsilon: g.epsilon, delta: 1e-9 });
    expect(s.ledger!.total).toMatchObject({ epsilon: g.epsilon, rho: g.rho });
    expect(
      modelSummary({ ...clone(copula), privacy: { type: 'dp', epsilon: 1, delta: 1e-9 } }).privacy,
    ).toEqual({
      type: 'none',
    });
  });
});
