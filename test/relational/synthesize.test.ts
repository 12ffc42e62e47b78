import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../../src/synthesizers/builtin.js';
import { readDatabase } from '../../src/io/relational.js';
import { inferRelationalMetadata } from '../../src/relational/infer.js';
import {
  checkRelational,
  parseRelationalMetadata,
  type RelationalMetadata,
} from '../../src/relational/metadata.js';
import { fitRelational, loadRelationalModel } from '../../src/relational/synthesize.js';
import { evaluateRelational } from '../../src/relational/evaluate.js';
import { inferSchema } from '../../src/table/infer.js';
import { Rng } from '../../src/random/rng.js';
import type { Schema } from '../../src/table/schema.js';
import type { Row, Table } from '../../src/table/table.js';
import { folderWith, shop, tab } from './helpers.js';

function schemasOf(tables: Record<string, Table>): Record<string, Schema> {
  return Object.fromEntries(Object.entries(tables).map(([n, t]) => [n, inferSchema(t)]));
}

/** Every primary key present and unique, every foreign key pointing to a parent row. */
function integrityProblems(meta: RelationalMetadata, tables: Record<string, Table>): string[] {
  return checkRelational(meta, tables).problems;
}

describe('relational synthesis', () => {
  it('samples the shop database with exact integrity, two parents, a composite key, and the real sizes', async () => {
    const db = await readDatabase(folderWith(shop()));
    const { metadata } = inferRelationalMetadata(db.tables);
    const model = await fitRelational(metadata, db.tables, db.schemas, { seed: 3 });
    const { tables, notes } = model.sample({ seed: 4 });
    expect(notes).toEqual([]);
    expect(integrityProblems(metadata, tables)).toEqual([]);
    for (const name of Object.keys(db.tables)) {
      expect(tables[name].names).toEqual(db.tables[name].names);
      expect(tables[name].nRows).toBe(db.tables[name].nRows);
    }
    // items.line is a counter within its order, as in the input
    const items = tables.items.toRecords();
    const byOrder = new Map<unknown, number[]>();
    for (const r of items) byOrder.set(r.order_id, [...(byOrder.get(r.order_id) ?? []), r.line as number]);
    for (const lines of byOrder.values())
      expect(lines.sort((a, b) => a - b)).toEqual(lines.map((_, i) => i + 1));
    const ev = evaluateRelational(metadata, db.tables, tables);
    expect(ev.summary.referentialIntegrity).toBe(1);
    expect(ev.summary.primaryKeyUniqueness).toBe(1);
    expect(ev.summary.minCardinality).toBe(1); // child counts are matched to the real distribution at scale 1
    // same seed → same database; the model file round-trips
    const again = loadRelationalModel(JSON.parse(JSON.stringify(model.toJSON()))).sample({ seed: 4 });
    for (const name of Object.keys(tables))
      expect(again.tables[name].toRecords()).toEqual(tables[name].toRecords());
    const bigger = model.sample({ seed: 5, scale: 2.5 });
    expect(bigger.tables.customers.nRows).toBe(100);
    expect(integrityProblems(metadata, bigger.tables)).toEqual([]);
  });

  it('keeps a key made only of foreign keys unique (a link table with two parents)', async () => {
    const users: Row[] = [];
    const movies: Row[] = [];
    const ratings: Row[] = [];
    for (let u = 1; u <= 30; u++) users.push({ user_id: u, country: u % 3 ? 'x' : 'y' });
    for (let m = 1; m <= 12; m++) movies.push({ movie_id: m, genre: m % 2 ? 'drama' : 'comedy' });
    for (let u = 1; u <= 30; u++)
      for (let m = 1; m <= 12; m++)
        if ((u * m) % 5 < 2) ratings.push({ user_id: u, movie_id: m, stars: 1 + ((u + m) % 5) });
    const tables = { users: tab(users), movies: tab(movies), ratings: tab(ratings) };
    const meta = parseRelationalMetadata({
      tables: {
        users: { primaryKey: 'user_id' },
        movies: { primaryKey: 'movie_id' },
        ratings: { primaryKey: ['user_id', 'movie_id'] },
      },
      foreignKeys: [
        { child: 'ratings', columns: 'user_id', parent: 'users', parentColumns: 'user_id' },
        { child: 'ratings', columns: 'movie_id', parent: 'movies', parentColumns: 'movie_id' },
      ],
    });
    const model = await fitRelational(meta, tables, schemasOf(tables), { seed: 1 });
    for (const seed of [1, 2, 3]) expect(integrityProblems(meta, model.sample({ seed }).tables)).toEqual([]);
  });

  it('a further parent takes its children from consecutive primary rows in time (teams of an era)', async () => {
    // 60 races over 30 years (two per year), 12 teams each racing in one 5-year era, 2 results per race and team
    const races: Row[] = [];
    const teams: Row[] = [];
    const results: Row[] = [];
    for (let t = 1; t <= 12; t++) teams.push({ team_id: t, nation: t % 3 ? 'GB' : 'IT' });
    for (let r = 1; r <= 60; r++) {
      const year = 1990 + Math.floor((r - 1) / 2);
      races.push({ race_id: r, date: `${year}-0${1 + ((r - 1) % 2) * 5}-01`, laps: 50 + (r % 9) });
      const era = Math.floor((year - 1990) / 5); // 0…5
      for (const t of [1 + 2 * era, 2 + 2 * era])
        for (let k = 0; k < 2; k++)
          results.push({ result_id: results.length + 1, race_id: r, team_id: t, points: (r + k + t) % 10 });
    }
    const db = { races: tab(races), teams: tab(teams), results: tab(results) };
    const meta = parseRelationalMetadata({
      tables: {
        races: { primaryKey: 'race_id' },
        teams: { primaryKey: 'team_id' },
        results: { primaryKey: 'result_id' },
      },
      foreignKeys: [
        { child: 'results', columns: 'race_id', parent: 'races', parentColumns: 'race_id' },
        { child: 'results', columns: 'team_id', parent: 'teams', parentColumns: 'team_id' },
      ],
    });
    const model = await fitRelational(meta, db, schemasOf(db), { seed: 3 });
    const { tables } = model.sample({ seed: 4 });
    expect(integrityProblems(meta, tables)).toEqual([]);
    // the span of years of each synthetic team's races: an era (≤ 5 years in the real data), not the 30 years
    const yearOf = new Map<string, number>();
    const rid = tables.races.column('race_id') as { values: Float64Array };
    const rdate = tables.races.column('date') as { values: Float64Array };
    rid.values.forEach((k, i) => yearOf.set(String(k), new Date(rdate.values[i]).getUTCFullYear()));
    const span = new Map<string, [number, number]>();
    const rr = (tables.results.column('race_id') as { values: Float64Array }).values;
    const rt = (tables.results.column('team_id') as { values: Float64Array }).values;
    rr.forEach((r, i) => {
      const y = yearOf.get(String(r))!;
      const [lo, hi] = span.get(String(rt[i])) ?? [y, y];
      span.set(String(rt[i]), [Math.min(lo, y), Math.max(hi, y)]);
    });
    const spans = [...span.values()].map(([lo, hi]) => hi - lo);
    const mean = spans.reduce((a, b) => a + b, 0) / spans.length;
    // linked at random, a team's results would span about 25 of the 30 years
    expect(mean).toBeLessThan(12);
  });

  it('a further parent keeps the rank of its children from one primary row to the next (issue 14)', async () => {
    // 80 races, 6 teams in every race; team t finishes about t-th (a neighbour swap in 1 race in 5); the results
    // of a race are stored in random order, so their row order says nothing of the place
    const rng = new Rng(11);
    const races: Row[] = [];
    const teams: Row[] = [];
    const results: Row[] = [];
    for (let t = 1; t <= 6; t++) teams.push({ team_id: t, nation: 'GB' });
    for (let r = 1; r <= 80; r++) {
      races.push({ race_id: r, date: `${2000 + Math.floor((r - 1) / 8)}-0${1 + ((r - 1) % 8)}-15` });
      const place = [1, 2, 3, 4, 5, 6];
      if (rng.float() < 0.2) {
        const k = rng.int(5);
        [place[k], place[k + 1]] = [place[k + 1], place[k]];
      }
      for (const t of rng.permutation(6))
        results.push({ result_id: results.length + 1, race_id: r, team_id: t + 1, position: place[t] });
    }
    const db = { races: tab(races), teams: tab(teams), results: tab(results) };
    const meta = parseRelationalMetadata({
      tables: {
        races: { primaryKey: 'race_id' },
        teams: { primaryKey: 'team_id' },
        results: { primaryKey: 'result_id' },
      },
      foreignKeys: [
        { child: 'results', columns: 'race_id', parent: 'races', parentColumns: 'race_id' },
        { child: 'results', columns: 'team_id', parent: 'teams', parentColumns: 'team_id' },
      ],
    });
    const model = await fitRelational(meta, db, schemasOf(db), { seed: 3 });
    const plan = model.toJSON().tables.find((t) => t.name === 'results')!;
    expect(plan.secondary[0].follow?.column).toBe('position');
    // η² of the synthetic positions by synthetic team (real > 0.9); 0.73–0.78 here, 0.04 when dealt without regard to the place
    const eta2 = (tables: Record<string, Table>): number => {
      const pos = (tables.results.column('position') as { values: Float64Array }).values;
      const team = (tables.results.column('team_id') as { values: Float64Array }).values;
      const by = new Map<number, number[]>();
      pos.forEach((v, i) => by.set(team[i], [...(by.get(team[i]) ?? []), v]));
      const mean = pos.reduce((a, b) => a + b, 0) / pos.length;
      let total = 0,
        between = 0;
      for (const v of pos) total += (v - mean) ** 2;
      for (const l of by.values())
        between += l.length * (l.reduce((a, b) => a + b, 0) / l.length - mean) ** 2;
      return between / total;
    };
    expect(eta2(db)).toBeGreaterThan(0.9);
    for (const seed of [4, 5, 6]) {
      const { tables } = model.sample({ seed });
      expect(integrityProblems(meta, tables)).toEqual([]);
      expect(eta2(tables)).toBeGreaterThan(0.3);
    }
  });

  it('ranks siblings by a position-like column, so each parent keeps one leader (issue 14)', async () => {
    // 60 races of 5–8 standings rows each, positions 1…k stored in random order (as f1's driver_standings)
    const rng = new Rng(21);
    const races: Row[] = [];
    const standings: Row[] = [];
    for (let r = 1; r <= 60; r++) {
      races.push({ race_id: r, laps: 40 + (r % 7) });
      const k = 5 + rng.int(4);
      for (const p of rng.permutation(k))
        standings.push({
          id: standings.length + 1,
          race_id: r,
          position: p + 1,
          points: Math.max(0, 10 - 2 * p),
        });
    }
    const db = { races: tab(races), standings: tab(standings) };
    const meta = parseRelationalMetadata({
      tables: { races: { primaryKey: 'race_id' }, standings: { primaryKey: 'id' } },
      foreignKeys: [{ child: 'standings', columns: 'race_id', parent: 'races', parentColumns: 'race_id' }],
    });
    const leaders = (tables: Record<string, Table>): number => {
      const pos = (tables.standings.column('position') as { values: Float64Array }).values;
      const race = (tables.standings.column('race_id') as { values: Float64Array }).values;
      const ones = new Map<number, number>();
      race.forEach((r, i) => ones.set(r, (ones.get(r) ?? 0) + (pos[i] === 1 ? 1 : 0)));
      return [...ones.values()].filter((c) => c === 1).length / ones.size;
    };
    expect(leaders(db)).toBe(1);
    const model = await fitRelational(meta, db, schemasOf(db), { seed: 3 });
    // races with exactly one synthetic leader: 1.00 at these seeds; 0.53 at seed 4 when the rank follows the row order
    for (const seed of [4, 5, 6]) expect(leaders(model.sample({ seed }).tables)).toBeGreaterThan(0.9);
  });

  it('refuses shapes it does not model, naming each', async () => {
    const t = tab([
      { id: 1, p: 1, v: 2 },
      { id: 2, p: 1, v: 3 },
    ]);
    const meta = parseRelationalMetadata({
      tables: {
        parent: { primaryKey: 'p' },
        s: { primaryKey: ['id', 'v'], sequence: { entity: 'id', order: 'v' } },
      },
      foreignKeys: [{ child: 's', columns: 'p', parent: 'parent', parentColumns: 'p' }],
    });
    const tables = { parent: tab([{ p: 1 }, { p: 2 }]), s: t };
    await expect(fitRelational(meta, tables, schemasOf(tables))).rejects.toThrow(
      /a sequential table with foreign keys other than its entity is not supported yet/,
    );
  });

  it('every sample of a random database keeps referential integrity (property test)', async () => {
    // random schemas: 2–5 tables, each later table with one or two parents among earlier ones, some with a
    // composite key (parent key + counter); random attributes and child counts (zero included)
    const dbArb = fc.record({
      nTables: fc.integer({ min: 2, max: 5 }),
      seed: fc.integer({ min: 0, max: 1e6 }),
      sampleSeed: fc.integer({ min: 0, max: 1e6 }),
      scale: fc.constantFrom(0.5, 1, 1.7),
    });
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(dbArb, async ({ nTables, seed, sampleSeed, scale }) => {
        const g = new Rng(seed);
        const rnd = (k: number) => g.int(k);
        const tables: Record<string, Table> = {};
        const metaJson: { tables: Record<string, unknown>; foreignKeys: unknown[] } = {
          tables: {},
          foreignKeys: [],
        };
        /** Tables with a one-column key (possible parents) and their key values. */
        const keysOf: Record<string, number[]> = {};
        for (let t = 0; t < nTables; t++) {
          const name = `t${t}`;
          const eligible = Object.keys(keysOf);
          const parents =
            t === 0
              ? []
              : [
                  ...new Set([
                    eligible[rnd(eligible.length)],
                    ...(rnd(2) ? [eligible[rnd(eligible.length)]] : []),
                  ]),
                ];
          const composite = parents.length === 1 && rnd(3) === 0;
          const rows: Row[] = [];
          if (parents.length === 0) {
            const n = 3 + rnd(20);
            for (let i = 0; i < n; i++)
              rows.push({ [`${name}_id`]: i + 1, a: rnd(100) / 7, c: ['u', 'v', 'w'][rnd(3)] });
          } else {
            const main = parents[0];
            let id = 0;
            for (const pk of keysOf[main]) {
              const k = rnd(4);
              for (let j = 0; j < k; j++) {
                const r: Row = composite ? { line: j + 1 } : { [`${name}_id`]: ++id };
                Object.assign(r, { [`${main}_id`]: pk, a: rnd(50), c: ['u', 'v'][rnd(2)] });
                for (const other of parents.slice(1))
                  r[`${other}_id`] = keysOf[other][rnd(keysOf[other].length)];
                rows.push(r);
              }
            }
            if (rows.length < 2) return; // nothing to learn from
          }
          tables[name] = tab(rows);
          metaJson.tables[name] = { primaryKey: composite ? [`${parents[0]}_id`, 'line'] : [`${name}_id`] };
          if (!composite) keysOf[name] = rows.map((r) => r[`${name}_id`] as number);
          for (const p of parents)
            metaJson.foreignKeys.push({
              child: name,
              columns: [`${p}_id`],
              parent: p,
              parentColumns: [`${p}_id`],
            });
        }
        const meta = parseRelationalMetadata(metaJson);
        expect(checkRelational(meta, tables).problems).toEqual([]);
        const model = await fitRelational(meta, tables, schemasOf(tables), { seed });
        const out = model.sample({ seed: sampleSeed, scale });
        expect(integrityProblems(meta, out.tables)).toEqual([]);
        ran++;
      }),
      { numRuns: 25, seed: 20240601 },
    );
    expect(ran).toBeGreaterThanOrEqual(15); // the generator rarely makes a database too small to learn from
  });
});
