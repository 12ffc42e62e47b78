import { describe, expect, it } from 'vitest';
import '../../src/synthesizers/builtin.js';
import { checkRelational, parseRelationalMetadata } from '../../src/relational/metadata.js';
import {
  boundContributions,
  fitRelationalDp,
  loadRelationalDpModel,
  poolEstimates,
  projectToSimplex,
  transportCounts,
} from '../../src/relational/dp.js';
import { Rng } from '../../src/random/rng.js';
import { inferSchema } from '../../src/table/infer.js';
import { SecureRng } from '../../src/random/secure.js';
import { keyTexts } from '../../src/relational/keys.js';
import type { Schema } from '../../src/table/schema.js';
import type { Row, Table } from '../../src/table/table.js';
import { tab } from './helpers.js';
import { fixedSource } from '../random/fixed-bytes.js';

/** region (public) ← customer (person) ← orders ← items; card ← customer, holder extends card. */
function bank(extraOrders = 0): Record<string, Table> {
  const region: Row[] = [1, 2, 3].map((r) => ({ region_id: r, name: `r${r}` }));
  const customer: Row[] = [];
  const orders: Row[] = [];
  const items: Row[] = [];
  const card: Row[] = [];
  const holder: Row[] = [];
  for (let c = 1; c <= 60; c++) {
    customer.push({ customer_id: c, region_id: 1 + (c % 3), segment: c % 4 === 0 ? 'pro' : 'home' });
    const n = c % 4;
    for (let k = 0; k < n; k++) {
      const o = orders.length + 1;
      orders.push({
        order_id: o,
        customer_id: c,
        amount: 10 + ((o * 13) % 80),
        channel: k % 2 ? 'web' : 'shop',
      });
      for (let j = 0; j < 1 + (o % 3); j++)
        items.push({ item_id: items.length + 1, order_id: o, qty: 1 + ((o + j) % 5) });
    }
    if (c % 2) {
      holder.push({ holder_id: 500 + c, age: 20 + (c % 50), region_id: 1 + ((c + 1) % 3) });
      card.push({
        card_id: card.length + 1,
        customer_id: c,
        holder_id: 500 + c,
        kind: c % 3 ? 'classic' : 'gold',
      });
    }
  }
  // customer 7 already has 3 orders (the bound); extra ones come after them, with their own items
  for (let k = 0; k < extraOrders; k++) {
    const o = 10_000 + k;
    orders.push({ order_id: o, customer_id: 7, amount: k % 100, channel: 'web' });
    items.push({ item_id: 10_000 + k, order_id: o, qty: 5 });
  }
  return {
    region: tab(region),
    customer: tab(customer),
    orders: tab(orders),
    items: tab(items),
    card: tab(card),
    holder: tab(holder),
  };
}

const META = {
  tables: {
    region: { primaryKey: 'region_id' },
    customer: { primaryKey: 'customer_id' },
    orders: { primaryKey: 'order_id' },
    items: { primaryKey: 'item_id' },
    card: { primaryKey: 'card_id' },
    holder: { primaryKey: 'holder_id' },
  },
  foreignKeys: [
    { child: 'customer', columns: 'region_id', parent: 'region', parentColumns: 'region_id' },
    { child: 'orders', columns: 'customer_id', parent: 'customer', parentColumns: 'customer_id' },
    { child: 'items', columns: 'order_id', parent: 'orders', parentColumns: 'order_id' },
    { child: 'card', columns: 'customer_id', parent: 'customer', parentColumns: 'customer_id' },
    { child: 'card', columns: 'holder_id', parent: 'holder', parentColumns: 'holder_id' },
    { child: 'holder', columns: 'region_id', parent: 'region', parentColumns: 'region_id' },
  ],
  person: { table: 'customer', maxChildren: { orders: 3, items: 2, card: 1 }, public: ['region'] },
};
const meta = parseRelationalMetadata(META);

/** Schemas whose domains are declared public (as a user does in the metadata after review). */
function publicSchemas(tables: Record<string, Table>): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const [n, t] of Object.entries(tables)) {
    const s = inferSchema(t);
    out[n] = {
      ...s,
      // every schema fact (kind, nullable, …) reviewed and declared: none left as read off the data
      columns: s.columns.map(({ inferredFacts: _read, ...c }) =>
        c.domain ? ({ ...c, domain: { ...c.domain, source: 'public' } } as typeof c) : c,
      ),
    };
  }
  // the amounts' public range is wider than the data's
  out.orders = {
    ...out.orders,
    columns: out.orders.columns.map((c) =>
      c.name === 'amount' ? { ...c, domain: { min: 0, max: 100, source: 'public' } } : c,
    ),
  } as Schema;
  return out;
}

const fast = { iters: 50 };

describe('relational DP per person', () => {
  it('bounds every table under the person before measuring: at most k rows per parent row', () => {
    const db = bank(10); // customer 7 has 3 + 10 orders
    const kept = boundContributions(meta, db);
    const perParent = (t: string) => {
      const m = new Map<number, number>();
      for (const p of kept.get(t)!.parent) m.set(p, (m.get(p) ?? 0) + 1);
      return Math.max(...m.values());
    };
    expect(perParent('orders')).toBe(3);
    expect(perParent('items')).toBe(2);
    expect(perParent('card')).toBe(1);
    // the items of dropped orders are dropped too
    const keptOrders = new Set(Array.from(kept.get('orders')!.rows));
    const itemOrder = keyTexts(db.items.column('order_id'));
    const orderIds = keyTexts(db.orders.column('order_id'));
    const keptOrderIds = new Set([...keptOrders].map((r) => orderIds[r]));
    for (const r of kept.get('items')!.rows) expect(keptOrderIds.has(itemOrder[r])).toBe(true);
  });

  it('rows beyond the bound have no influence: the same noise gives the same model with or without them', async () => {
    /** The model file of a fit with a fixed noise source (its creation times blanked). */
    const fitted = async (db: Record<string, Table>) => {
      const m = await fitRelationalDp(meta, db, publicSchemas(db), {
        epsilon: 50,
        seed: 3,
        synthesizerOptions: fast,
        secureRng: new SecureRng(fixedSource(99)),
      });
      const { createdAt: _c, tables, ...rest } = m.toJSON();
      return JSON.stringify({
        rest,
        tables: tables.map((t) => ({ ...t, model: t.model && { ...t.model, createdAt: '' } })),
      });
    };
    // customer 7 has 3 orders (the bound) in the first database and 3 + 40 in the second (a large ε, so that
    // little noise and no merged cell hide a change)
    const a = await fitted(bank(0));
    expect(await fitted(bank(40))).toBe(a);
    // a change inside the bound does change it (the test can fail)
    const db = bank(0);
    const flipped = db.orders
      .toRecords()
      .map((r, i) => (i < 5 ? { ...r, channel: r.channel === 'web' ? 'shop' : 'web' } : r));
    expect(await fitted({ ...db, orders: tab(flipped) })).not.toBe(a);
  });

  it('accounts per person: each table charged ρ × m² for m rows per person, within the budget', async () => {
    const db = bank();
    const model = await fitRelationalDp(meta, db, publicSchemas(db), {
      epsilon: 1,
      seed: 1,
      synthesizerOptions: fast,
    });
    expect(model.privacy).toMatchObject({ type: 'dp', unit: 'person', person: 'customer' });
    expect(model.privacy.epsilon).toBeLessThanOrEqual(1);
    expect(model.privacy.epsilon).toBeGreaterThan(0.9); // the budget is used, not wasted
    const file = model.toJSON();
    const ledger = file.ledger as { entries: { query: string; rho: number }[] };
    for (const t of file.tables.filter((x) => x.model)) {
      const inner = (t.model!.ledger as { entries: { rho: number }[] }).entries;
      const charged = ledger.entries.filter((e) => e.query.startsWith(`${t.name} (`));
      expect(charged.length).toBe(inner.length);
      const m = t.perPerson!;
      expect(m).toBe({ customer: 1, orders: 3, items: 6, card: 1 }[t.name]);
      charged.forEach((e, i) => expect(e.rho).toBeGreaterThanOrEqual(inner[i].rho * m * m));
    }
    expect(ledger.entries.some((e) => e.query === 'number of persons')).toBe(true);
    // the dedicated child-count histograms are off by default
    expect(ledger.entries.some((e) => e.query.startsWith('persons per __count:'))).toBe(false);
    expect(file.tables.find((t) => t.name === 'customer')!.counts).toBeUndefined();
  });

  it('samples with exact integrity, children within the bound, the public table as it is; the file round-trips', async () => {
    const db = bank();
    const model = await fitRelationalDp(meta, db, publicSchemas(db), {
      epsilon: 2,
      seed: 1,
      synthesizerOptions: fast,
    });
    const { tables } = model.sample({ seed: 5 });
    expect(checkRelational(meta, tables).problems).toEqual([]);
    for (const n of Object.keys(db)) expect(tables[n].names).toEqual(db[n].names);
    expect(tables.region.toRecords()).toEqual(db.region.toRecords());
    expect(tables.holder.nRows).toBe(tables.card.nRows);
    const per = new Map<string | null, number>();
    for (const k of keyTexts(tables.orders.column('customer_id'))) per.set(k, (per.get(k) ?? 0) + 1);
    expect(Math.max(...per.values())).toBeLessThanOrEqual(3);
    const again = loadRelationalDpModel(JSON.parse(JSON.stringify(model.toJSON()))).sample({ seed: 5 });
    for (const n of Object.keys(tables)) expect(again.tables[n].toRecords()).toEqual(tables[n].toRecords());
  });

  it('measures persons per public key once (sensitivity 1), shared by the keys to the same public table under the person', async () => {
    const db = bank();
    const model = await fitRelationalDp(meta, db, publicSchemas(db), {
      epsilon: 50,
      seed: 1,
      synthesizerOptions: fast,
      secureRng: new SecureRng(fixedSource(5)), // fixed noise: the test is deterministic
    });
    const file = model.toJSON();
    const ledger = file.ledger as {
      entries: { query: string; columns: string[]; sensitivity?: number; rho: number }[];
    };
    const hist = ledger.entries.filter((e) => e.query.startsWith('persons per region key'));
    expect(hist).toHaveLength(1);
    expect(hist[0].columns).toEqual(['customer.region_id']);
    expect(hist[0].sensitivity ?? 1).toBe(1);
    // the person model does not measure the key again; the holder's key is a flag "same region as the customer"
    const plan = (n: string) => file.tables.find((t) => t.name === n)!;
    const cols = (n: string) => plan(n).model!.schema.columns;
    expect(cols('customer').map((c) => c.name)).not.toContain('region_id');
    expect(cols('card').find((c) => c.name === 'holder:__same:region_id')?.kind).toBe('boolean');
    expect(cols('card').map((c) => c.name)).not.toContain('holder:region_id');
    // every real holder lives in another region than their customer, every third customer per region: so do the
    // synthetic ones (at ε = 50; a key drawn at random would be the customer's a third of the time)
    const { tables } = model.sample({ seed: 3 });
    const regionOf = new Map<string | null, string | null>();
    const cid = keyTexts(tables.customer.column('customer_id'));
    const creg = keyTexts(tables.customer.column('region_id'));
    cid.forEach((k, i) => regionOf.set(k, creg[i]));
    const hreg = new Map<string | null, string | null>();
    const hid = keyTexts(tables.holder.column('holder_id'));
    const hr = keyTexts(tables.holder.column('region_id'));
    hid.forEach((k, i) => hreg.set(k, hr[i]));
    const cardCustomer = keyTexts(tables.card.column('customer_id'));
    const cardHolder = keyTexts(tables.card.column('holder_id'));
    let same = 0;
    cardCustomer.forEach((c, i) => (same += regionOf.get(c) === hreg.get(cardHolder[i]) ? 1 : 0));
    expect(tables.card.nRows).toBeGreaterThan(10);
    expect(same / tables.card.nRows).toBeLessThan(0.15);
    const perRegion = new Map<string | null, number>();
    for (const r of creg) perRegion.set(r, (perRegion.get(r) ?? 0) + 1);
    for (const v of perRegion.values()) expect(v / creg.length).toBeGreaterThan(0.15);
    // the regions are dealt stratified by the customer's cards (whose holders carry a region): every region holds
    // its share of the customers with a card, within 1 (dealt at random: a binomial spread of about ±2)
    const hasCard = new Set(cardCustomer);
    const cardsIn = new Map<string | null, number>();
    cid.forEach((k, i) => cardsIn.set(creg[i], (cardsIn.get(creg[i]) ?? 0) + (hasCard.has(k) ? 1 : 0)));
    for (const [r, v] of perRegion)
      expect(Math.abs(cardsIn.get(r)! - (hasCard.size / cid.length) * v)).toBeLessThanOrEqual(1);
  });

  it('a key to a public table declared not nullable: no missing-key cell measured, none sampled', async () => {
    const db = bank();
    const declared = publicSchemas(db); // region_id declared not nullable in customer and holder
    // the same with the nullability left as read off the data (a fact the DP fit may not use: a missing-key cell)
    const read: Record<string, Schema> = {
      ...declared,
      customer: {
        ...declared.customer,
        columns: declared.customer.columns.map((c) =>
          c.name === 'region_id' ? { ...c, inferredFacts: ['nullable' as const] } : c,
        ),
      },
    };
    const opts = { epsilon: 0.5, seed: 1, synthesizerOptions: fast };
    const probsOf = (m: Awaited<ReturnType<typeof fitRelationalDp>>) =>
      m.toJSON().tables.find((t) => t.name === 'customer')!.shared![0].probs;
    const m = await fitRelationalDp(meta, db, declared, {
      ...opts,
      secureRng: new SecureRng(fixedSource(3)),
    });
    expect(probsOf(m)).toHaveLength(4); // 3 regions, then a missing key: 0
    expect(probsOf(m)[3]).toBe(0);
    const { tables } = m.sample({ seed: 7 });
    expect(keyTexts(tables.customer.column('region_id'))).not.toContain(null);
    expect(keyTexts(tables.holder.column('region_id'))).not.toContain(null);
    const m2 = await fitRelationalDp(meta, db, read, { ...opts, secureRng: new SecureRng(fixedSource(3)) });
    expect(probsOf(m2)).toHaveLength(4);
    expect(probsOf(m2)[3]).toBeGreaterThan(0); // the noisy missing-key cell, shrunk but not 0
  });

  it("measures the person's child counts once more (one histogram each, sensitivity 1) and samples onto them", async () => {
    const db = bank();
    const model = await fitRelationalDp(meta, db, publicSchemas(db), {
      epsilon: 50,
      seed: 1,
      synthesizerOptions: fast,
      secureRng: new SecureRng(fixedSource(9)), // fixed noise: the test is deterministic
      childCountShare: 0.15,
    });
    const file = model.toJSON();
    const ledger = file.ledger as { entries: { query: string; columns: string[]; sensitivity?: number }[] };
    const hists = ledger.entries.filter((e) => e.query.startsWith('persons per __count:'));
    expect(hists.map((e) => e.query).sort()).toEqual([
      'persons per __count:card (0…1)',
      'persons per __count:orders (0…3)',
    ]);
    for (const e of hists) expect(e.sensitivity ?? 1).toBe(1);
    // the real customers: 15 each with 0, 1, 2, 3 orders; 30 with a card, 30 without
    const counts = file.tables.find((t) => t.name === 'customer')!.counts!;
    const orders = counts.find((c) => c.column === '__count:orders')!.probs;
    expect(orders).toHaveLength(4);
    for (const p of orders) expect(Math.abs(p - 0.25)).toBeLessThan(0.1);
    // sampled: orders per customer follow the measured histogram exactly (largest-remainder rounding)
    const { tables } = model.sample({ seed: 2 });
    const n = tables.customer.nRows;
    const per = new Map<string | null, number>();
    for (const k of keyTexts(tables.orders.column('customer_id'))) per.set(k, (per.get(k) ?? 0) + 1);
    const hist = [0, 0, 0, 0];
    for (const k of keyTexts(tables.customer.column('customer_id'))) hist[per.get(k) ?? 0]++;
    hist.forEach((h, v) => expect(Math.abs(h - n * orders[v])).toBeLessThanOrEqual(1));
  });

  it('a declared minChildren: counts measured on min…k and every sampled parent row has at least the minimum', async () => {
    const db = bank(); // a quarter of the customers have no order: declared at least 1, they are counted at 1
    const m1 = parseRelationalMetadata({ ...META, person: { ...META.person, minChildren: { orders: 1 } } });
    const model = await fitRelationalDp(m1, db, publicSchemas(db), {
      epsilon: 50,
      seed: 1,
      synthesizerOptions: fast,
      secureRng: new SecureRng(fixedSource(9)),
      childCountShare: 0.15,
    });
    const file = model.toJSON();
    const ledger = file.ledger as { entries: { query: string }[] };
    expect(ledger.entries.some((e) => e.query === 'persons per __count:orders (1…3)')).toBe(true);
    const c = file.tables.find((t) => t.name === 'customer')!;
    expect(c.counts!.find((x) => x.column === '__count:orders')).toMatchObject({ min: 1 });
    expect(c.model!.schema.columns.find((x) => x.name === '__count:orders')!.domain).toMatchObject({
      min: 1,
      max: 3,
    });
    const { tables } = model.sample({ seed: 4 });
    const per = new Map<string | null, number>();
    for (const k of keyTexts(tables.orders.column('customer_id'))) per.set(k, (per.get(k) ?? 0) + 1);
    for (const k of keyTexts(tables.customer.column('customer_id')))
      expect(per.get(k) ?? 0).toBeGreaterThanOrEqual(1);
  });

  it('transportCounts: exact totals per value, and a row never passes one with a larger drawn count', () => {
    const rng = new Rng(3);
    const drawn = Float64Array.from({ length: 101 }, () => rng.int(3));
    const out = transportCounts(drawn, [0.1, 0.6, 0.3], new Rng(4));
    const hist = [0, 0, 0];
    for (const v of out) hist[v]++;
    expect(hist).toEqual([10, 61, 30]); // 10.1, 60.6, 30.3: the one left goes to the largest remainder
    for (let i = 0; i < drawn.length; i++)
      for (let j = 0; j < drawn.length; j++)
        if (drawn[i] < drawn[j]) expect(out[i]).toBeLessThanOrEqual(out[j]);
    // already on target: unchanged
    expect(Array.from(transportCounts([0, 1, 1, 2], [0.25, 0.5, 0.25], new Rng(1)))).toEqual([0, 1, 1, 2]);
  });

  it('poolEstimates: the inverse-variance weighted mean', () => {
    // 100 ± σ²=4 and 110 ± σ²=1: weights 1/4 and 1 → (25 + 110) / 1.25 = 108
    expect(
      poolEstimates([
        { sum: 100, variance: 4 },
        { sum: 110, variance: 1 },
      ]),
    ).toBeCloseTo(108, 12);
    expect(poolEstimates([{ sum: 7, variance: 3 }])).toBeCloseTo(7, 12);
    expect(() => poolEstimates([{ sum: 7, variance: 0 }])).toThrow(/variance/);
  });

  it('projectToSimplex: normalises positive counts; a negative cell becomes 0 with its deficit taken from all', () => {
    expect(Array.from(projectToSimplex([10, 30, 60]))).toEqual([0.1, 0.3, 0.6]);
    const p = projectToSimplex([-10, 60, 50]); // y = (−0.1, 0.6, 0.5): τ = 0.05
    expect(p[0]).toBe(0);
    expect(p[1]).toBeCloseTo(0.55, 12);
    expect(p[2]).toBeCloseTo(0.45, 12);
    expect(Array.from(projectToSimplex([-3, 1, -2]))).toEqual([1 / 3, 1 / 3, 1 / 3]); // Σ ≤ 0: uniform
  });

  it('refuses domains read off the data and tables it cannot place, every problem at once', async () => {
    const db = bank();
    const schemas = Object.fromEntries(Object.entries(db).map(([n, t]) => [n, inferSchema(t)]));
    await expect(fitRelationalDp(meta, db, schemas, { epsilon: 1 })).rejects.toThrow(
      /table "orders": column "amount"/,
    );
    const bad = parseRelationalMetadata({
      ...META,
      person: { table: 'customer', maxChildren: { orders: 3 } },
    });
    const err = await fitRelationalDp(bad, db, publicSchemas(db), { epsilon: 1 }).catch((e: Error) => e);
    expect(String(err)).toMatch(/person\.maxChildren\.items/);
    expect(String(err)).toMatch(/person\.maxChildren\.card/);
    expect(String(err)).toMatch(/table "region" is neither/);
  });

  describe('a sequence whose entity is the person (user-level DP over visits)', () => {
    /** visits: 40 patients, 1–5 visits each (patient 3 gets `extra` more after its 5th), context sex, series x. */
    function visits(extra = 0): Record<string, Table> {
      const rows: Row[] = [];
      for (let p = 1; p <= 40; p++) {
        const n = 1 + (p % 5) + (p === 3 ? extra : 0);
        let day = 0;
        let x = 10 + (p % 7);
        for (let k = 0; k < n; k++) {
          rows.push({ id: p, sex: p % 2 ? 'f' : 'm', day, x, flag: (p + k) % 3 === 0 ? 1 : 0 });
          day += 30 + ((p * k) % 50);
          x += k % 2 ? 1 : -1;
        }
      }
      return { visits: tab(rows) };
    }
    const SEQ = parseRelationalMetadata({
      tables: {
        visits: { primaryKey: ['id', 'day'], sequence: { entity: ['id'], order: 'day', context: ['sex'] } },
      },
      foreignKeys: [],
      person: { table: 'visits', maxLength: 5 },
    });
    const schemasOf = (db: Record<string, Table>): Record<string, Schema> => {
      const inferred = inferSchema(db.visits);
      const s: Schema = {
        ...inferred,
        columns: inferred.columns.map(({ inferredFacts: _read, ...c }) =>
          c.domain ? ({ ...c, domain: { ...c.domain, source: 'public' } } as typeof c) : c,
        ),
      };
      const dom: Record<string, { min: number; max: number }> = {
        day: { min: 0, max: 1000 },
        x: { min: 0, max: 40 },
        flag: { min: 0, max: 1 },
      };
      return {
        visits: {
          ...s,
          columns: s.columns.map((c) =>
            dom[c.name] ? ({ ...c, domain: { ...dom[c.name], source: 'public' } } as typeof c) : c,
          ),
        },
      };
    };
    const fit = (db: Record<string, Table>, epsilon: number, secureRng?: SecureRng) =>
      fitRelationalDp(SEQ, db, schemasOf(db), {
        epsilon,
        seed: 2,
        synthesizerOptions: fast,
        ...(secureRng ? { secureRng } : {}),
      });

    it('truncates each sequence to maxLength before measuring: steps beyond it change nothing', async () => {
      const model = async (db: Record<string, Table>) => {
        const {
          createdAt: _c,
          tables,
          ...rest
        } = (await fit(db, 50, new SecureRng(fixedSource(11)))).toJSON();
        return JSON.stringify({
          rest,
          tables: tables.map((t) => ({ ...t, model: t.model && { ...t.model, createdAt: '' } })),
        });
      };
      const a = await model(visits(0)); // patient 3 has 4 visits: within the bound
      const b = await model(visits(30)); // … and 30 more after the 5th kept one
      // patient 3's 5th visit is new in b (within the bound), so compare b with a database that has exactly 1 extra
      expect(await model(visits(1))).toBe(b);
      expect(b).not.toBe(a); // a change within the bound does change the model (the test can fail)
    });

    it('fits per person (the entity) with the steps charged L² times, samples one table with constant context', async () => {
      const db = visits();
      const m = await fit(db, 4);
      expect(m.privacy).toMatchObject({ type: 'dp', unit: 'person', person: 'visits__entities' });
      expect(m.privacy.epsilon).toBeLessThanOrEqual(4);
      const file = m.toJSON();
      expect(file.tables.find((t) => t.name === 'visits')!.perPerson).toBe(5);
      const steps = file.tables.find((t) => t.name === 'visits')!;
      expect(steps.gap).toBe('day');
      expect(steps.lags).toEqual(expect.arrayContaining(['x', 'flag']));
      const { tables } = m.sample({ seed: 1 });
      expect(Object.keys(tables)).toEqual(['visits']);
      const v = tables.visits;
      expect(v.names).toEqual(db.visits.names);
      const ids = keyTexts(v.column('id'));
      const sex = keyTexts(v.column('sex'));
      const days = (v.column('day') as { values: Float64Array }).values;
      const perId = new Map<string | null, { n: number; sex: Set<string | null>; last: number }>();
      ids.forEach((k, i) => {
        const e = perId.get(k) ?? { n: 0, sex: new Set(), last: -Infinity };
        expect(days[i]).toBeGreaterThan(e.last); // strictly increasing in time: (id, day) is a key
        e.n++;
        e.sex.add(sex[i]);
        e.last = days[i];
        perId.set(k, e);
      });
      for (const e of perId.values()) {
        expect(e.n).toBeLessThanOrEqual(5);
        expect(e.sex.size).toBe(1);
      }
      expect(checkRelational(SEQ, tables).problems).toEqual([]);
    });
  });
});
