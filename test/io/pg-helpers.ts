import pg from 'pg';
import type { Table } from '../../src/table/table.js';

/**
 * The PostgreSQL servers of the count-pushdown tests (issue 15), from the environment that
 * `scripts/pg-test-servers.sh start` prints (.ci/run starts them): a single node and three shards. Null when they
 * are not set — the tests then skip with a message, except in CI (CI=true), where a missing server is a failure.
 */
export function pgServers(): { url: string; shards: string[] } | null {
  const url = process.env.LOOKALIKE_PG_URL;
  const shards = (process.env.LOOKALIKE_PG_SHARDS ?? '').split(',').filter(Boolean);
  if (url && shards.length === 3) return { url, shards };
  if (process.env.CI === 'true')
    throw new Error(
      'CI=true but LOOKALIKE_PG_URL / LOOKALIKE_PG_SHARDS are not set: .ci/run starts the PostgreSQL test servers (scripts/pg-test-servers.sh)',
    );
  console.warn(
    'skipping the PostgreSQL count tests: no server (run `eval "$(scripts/pg-test-servers.sh start)"` first)',
  );
  return null;
}

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * (Re)creates table `name` at `url` holding the rows of `table` whose index passes `keep` (for shards): numeric
 * columns as double precision (bigint when integer), categorical as text, boolean, datetime as timestamp.
 */
export async function loadPgTable(
  url: string,
  name: string,
  table: Table,
  keep: (row: number) => boolean = () => true,
): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const cols = table.columns;
    const types = cols.map((c) =>
      c.kind === 'numeric'
        ? c.integer
          ? 'bigint'
          : 'double precision'
        : c.kind === 'boolean'
          ? 'boolean'
          : c.kind === 'datetime'
            ? 'timestamp'
            : 'text',
    );
    await client.query(`DROP TABLE IF EXISTS ${q(name)}`);
    await client.query(
      `CREATE TABLE ${q(name)} (${cols.map((c, j) => `${q(c.name)} ${types[j]}`).join(', ')})`,
    );
    const cell = (j: number, i: number): unknown => {
      const c = cols[j];
      switch (c.kind) {
        case 'numeric':
          return Number.isNaN(c.values[i]) ? null : c.values[i];
        case 'datetime':
          return Number.isNaN(c.values[i]) ? null : new Date(c.values[i]).toISOString().replace('Z', '');
        case 'boolean':
          return c.values[i] < 0 ? null : c.values[i] === 1;
        case 'categorical':
          return c.codes[i] < 0 ? null : c.categories[c.codes[i]];
        default:
          return c.values[i];
      }
    };
    const rows: number[] = [];
    for (let i = 0; i < table.nRows; i++) if (keep(i)) rows.push(i);
    const per = Math.max(1, Math.floor(60000 / cols.length));
    for (let r0 = 0; r0 < rows.length; r0 += per) {
      const part = rows.slice(r0, r0 + per);
      const params: unknown[] = [];
      const tuples = part.map((i) => {
        const ph = cols.map((_, j) => {
          params.push(cell(j, i));
          return `$${params.length}`;
        });
        return `(${ph.join(', ')})`;
      });
      await client.query(`INSERT INTO ${q(name)} VALUES ${tuples.join(', ')}`, params);
    }
  } finally {
    await client.end();
  }
}

/**
 * The first difference between two lists of count tables ("table i cell j: a vs b"), or null when identical —
 * a plain loop, since deep equality over millions of typed-array cells takes vitest tens of seconds.
 */
export function firstDifference(a: readonly Float64Array[], b: readonly Float64Array[]): string | null {
  if (a.length !== b.length) return `${a.length} tables vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (a[i].length !== b[i].length) return `table ${i}: ${a[i].length} cells vs ${b[i].length}`;
    for (let j = 0; j < a[i].length; j++)
      if (a[i][j] !== b[i][j]) return `table ${i} cell ${j}: ${a[i][j]} vs ${b[i][j]}`;
  }
  return null;
}
