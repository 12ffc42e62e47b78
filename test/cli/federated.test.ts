import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATA, tempDir } from './helpers.js';

describe('lookalike measure / combine (federated synthesis)', () => {
  it('two sites measure, combine refuses a forged file and another schema, then samples with each site’s guarantee', async () => {
    const dir = tempDir();
    const meta = join(dir, 'public.json');
    const penguins = join(DATA, 'penguins.json');
    expect((await cli('inspect', penguins, '--public-domains', '--out', meta)).code).toBe(0);
    const site = async (name: string) => {
      const r = await cli(
        'measure',
        penguins,
        '-m',
        meta,
        '--epsilon',
        '2',
        '--site',
        name,
        '--out',
        join(dir, `${name}.json`),
      );
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const north = await site('north');
    await site('south');
    expect(north).toMatch(
      /site north: \(ε = [0-9.]+, δ = 1e-9\)-differentially private for the rows of this site/,
    );
    const hash = /schema hash: ([0-9a-f]{64})/.exec(north)![1];

    const out = join(dir, 'synthetic.csv');
    const ok = await cli(
      'combine',
      join(dir, 'north.json'),
      join(dir, 'south.json'),
      '--rows',
      '300',
      '--seed',
      '1',
      '--iters',
      '200',
      '--out',
      out,
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/wrote 300 rows .* federated mst over 2 site\(s\)/);
    expect(ok.stdout).toMatch(
      /site north \(.*north\.json\): \(ε = [0-9.]+, δ = 1e-9\)-differentially private for the rows held at north/,
    );
    expect(ok.stdout).toMatch(/site south \(.*south\.json\): .*for the rows held at south/);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(301);

    // a site that edited its ledger to look cheaper
    const forged = JSON.parse(readFileSync(join(dir, 'south.json'), 'utf8'));
    forged.ledger.entries[0].rho /= 4;
    writeFileSync(join(dir, 'forged.json'), JSON.stringify(forged));
    const bad = await cli(
      'combine',
      join(dir, 'north.json'),
      join(dir, 'forged.json'),
      '--out',
      join(dir, 'x.csv'),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/forged\.json is not a valid site measurements file/);

    // a site that measured with other metadata
    const other = JSON.parse(readFileSync(meta, 'utf8'));
    const col = other.columns.find((c: { name: string }) => c.name === 'Beak Length (mm)');
    col.domain.max += 10;
    writeFileSync(join(dir, 'other.json'), JSON.stringify(other));
    expect(
      (
        await cli(
          'measure',
          penguins,
          '-m',
          join(dir, 'other.json'),
          '--epsilon',
          '2',
          '--site',
          'west',
          '--out',
          join(dir, 'west.json'),
        )
      ).stdout,
    ).not.toMatch(hash);
    const mismatch = await cli(
      'combine',
      join(dir, 'north.json'),
      join(dir, 'west.json'),
      '--out',
      join(dir, 'y.csv'),
    );
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(/west\.json was measured over a different schema from .*north\.json/);
    expect(mismatch.stderr).toMatch(/column "Beak Length \(mm\)" differs in domain/);
  });

  it('measure needs the shared metadata file and a budget', async () => {
    const dir = tempDir();
    const r = await cli(
      'measure',
      join(DATA, 'penguins.json'),
      '--epsilon',
      '1',
      '--out',
      join(dir, 's.json'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--metadata is required/);
  });
});
