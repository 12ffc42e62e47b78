import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sqlString, withDuck } from '../../src/io/duck.js';
import { readTable } from '../../src/io/read.js';
import { schemaToMetadata } from '../../src/table/metadata.js';
import { loadPgTable, pgServers } from '../io/pg-helpers.js';
import { cli, DATA, tempDir } from './helpers.js';

const dir = tempDir('lookalike-fit-counts-');
const meta = join(dir, 'meta.json');
const servers = pgServers();

beforeAll(async () => {
  for (const k of [0, 1])
    await withDuck((con) =>
      con.run(
        `COPY (SELECT * FROM read_json(${sqlString(`${DATA}/penguins.json`)}) WHERE Island ${k ? '=' : '<>'} 'Dream') TO ${sqlString(join(dir, `part-${k}.parquet`))} (FORMAT parquet)`,
      ),
    );
  const { schema } = await readTable(`${DATA}/penguins.json`);
  writeFileSync(meta, JSON.stringify(schemaToMetadata(schema, true)));
});

describe('lookalike fit, counted where the rows live (issue 15)', () => {
  it('a Parquet glob: never loaded, counted by DuckDB; the model file is a DP model', async () => {
    const out = join(dir, 'glob.json');
    const r = await cli(
      'fit',
      join(dir, 'part-*.parquet'),
      '-s',
      'mst',
      '--epsilon',
      '1',
      '-m',
      meta,
      '-o',
      out,
    );
    expect(r.stderr).toMatch(/counted where it lives/);
    expect(r.code).toBe(0);
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.synthesizer).toBe('mst');
    expect(model.privacy.epsilon).toBeLessThanOrEqual(1);
  });

  it('refuses what needs the rows: no --metadata, a synthesizer that reads rows, --sql', async () => {
    const glob = join(dir, 'part-*.parquet');
    const noMeta = await cli('fit', glob, '-s', 'mst', '--epsilon', '1', '-o', join(dir, 'x.json'));
    expect(noMeta.code).toBe(2);
    expect(noMeta.stderr).toMatch(/--metadata/);
    const cart = await cli('fit', glob, '-s', 'cart', '-m', meta, '-o', join(dir, 'x.json'));
    expect(cart.code).toBe(2);
    expect(cart.stderr).toMatch(/cart reads the rows themselves/);
    // refused before anything says it is fitting
    expect(cart.stderr).not.toMatch(/fitting cart/);
  });

  it('an unreachable PostgreSQL server: a clear error, fast, with no password in it', async () => {
    const t0 = Date.now();
    const r = await cli(
      'fit',
      'postgres://someone:Sup3r-Secret@127.0.0.1:1/db',
      '--table',
      'penguins',
      '-s',
      'mst',
      '--epsilon',
      '1',
      '-m',
      meta,
      '-o',
      join(dir, 'x.json'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot connect to postgres:\/\/someone@127\.0\.0\.1:1\/db: connection refused/);
    expect(r.stderr + r.stdout).not.toContain('Sup3r-Secret');
    expect(Date.now() - t0).toBeLessThan(6000);
  });

  describe.skipIf(!servers)('against the PostgreSQL test servers', () => {
    const { url, shards } = servers ?? { url: '', shards: [] };
    beforeAll(async () => {
      const { table } = await readTable(`${DATA}/penguins.json`);
      await loadPgTable(url, 'penguins_cli', table);
      await Promise.all(shards.map((s, k) => loadPgTable(s, 'penguins_cli', table, (i) => i % 3 === k)));
    }, 60000);

    it('one server and --shards; a wrong password in the URL is refused and never printed', async () => {
      for (const where of [[url], ['--shards', shards.join(',')]]) {
        const out = join(dir, `pg-${where.length}.json`);
        const r = await cli(
          'fit',
          ...where,
          '--table',
          'penguins_cli',
          '-s',
          'aim',
          '--epsilon',
          '1',
          '--option',
          'rounds=16',
          '--option',
          'iters=50',
          '--option',
          'finalIters=100',
          '-m',
          meta,
          '-o',
          out,
          '--json',
        );
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout).source).toMatch(/table penguins_cli/);
      }
      const secret = 'Wr0ng-Passw0rd';
      const bad = await cli(
        'fit',
        url.replace('lookalike@', `lookalike:${secret}@`),
        '--table',
        'penguins_cli',
        '-s',
        'mst',
        '--epsilon',
        '1',
        '-m',
        meta,
        '-o',
        join(dir, 'x.json'),
      );
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/authentication failed/);
      expect(bad.stderr + bad.stdout).not.toContain(secret);
    });
  });
});
