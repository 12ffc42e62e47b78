import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderRelationalReport } from '../../src/report/relational.js';
import { parseRelationalMetadata } from '../../src/relational/metadata.js';
import { evaluateRelational } from '../../src/relational/evaluate.js';
import { tableFromRecords } from '../../src/table/infer.js';
import { reportInput, structureOf } from './helpers.js';

// The "Database" section of the HTML report (issue 14): the schema as an inline SVG diagram, the guarantee per
// person and the relational metrics, inside the single-table report — not only as a page of its own.

const meta = parseRelationalMetadata({
  format: 'lookalike-relational',
  version: 1,
  tables: {
    customers: { primaryKey: ['customer_id'] },
    products: { primaryKey: ['product_id'] },
    '<b>orders</b>': { primaryKey: ['order_id'] },
  },
  foreignKeys: [
    {
      child: '<b>orders</b>',
      columns: ['customer_id'],
      parent: 'customers',
      parentColumns: ['customer_id'],
    },
    { child: '<b>orders</b>', columns: ['product_id'], parent: 'products', parentColumns: ['product_id'] },
  ],
  person: { table: 'customers' },
});
const customers = tableFromRecords(
  Array.from({ length: 12 }, (_, i) => ({ customer_id: i + 1, age: 20 + ((i * 7) % 40) })),
).table;
const products = tableFromRecords(
  Array.from({ length: 5 }, (_, i) => ({ product_id: i + 1, price: 3 + i })),
).table;
const orders = tableFromRecords(
  Array.from({ length: 30 }, (_, i) => ({
    order_id: i + 1,
    customer_id: 1 + (i % 12),
    product_id: 1 + (i % 5),
    qty: 1 + (i % 3),
  })),
).table;
const real = { customers, products, '<b>orders</b>': orders };
// a synthetic copy where half the orders lost their customer: integrity 0.5, a worse cardinality
const lost = orders.withColumn({
  kind: 'numeric',
  name: 'customer_id',
  integer: true,
  values: Float64Array.from({ length: 30 }, (_, i) => (i % 2 ? 1 + (i % 12) : 999)),
});
const evaluation = evaluateRelational(meta, real, { ...real, '<b>orders</b>': lost });
const relational = {
  name: 'shop',
  metadata: meta,
  evaluation,
  privacy: { type: 'dp' as const, epsilon: 1, delta: 1e-9, unit: 'person', person: 'customers' },
};

describe('HTML report: the Database section', () => {
  it('is absent without a relational release', async () => {
    const html = await renderHtmlReport(reportInput('evaluation-minimal.json', 'dp'));
    expect(structureOf(html).sections).not.toContain('relational');
    expect(html).not.toContain('href="#relational"');
  });

  it('draws the schema after "Data and model", with its metrics and the per-person guarantee', async () => {
    const html = await renderHtmlReport({ ...reportInput('evaluation-minimal.json', 'dp'), relational });
    const sections = structureOf(html).sections;
    expect(sections.indexOf('relational')).toBe(sections.indexOf('data-model') + 1);
    expect(html).toContain('<a href="#relational">Database</a>');
    const section = html.slice(html.indexOf('<section id="relational">'));
    const svg = section.slice(section.indexOf('<svg'), section.indexOf('</svg>'));
    // one box per table, one arrow per foreign key, the broken one in red with its score
    expect(svg.match(/<g class="table"/g)).toHaveLength(3);
    expect(svg.match(/<path class="fk"/g)).toHaveLength(2);
    const broken = evaluation.relations.find((r) => r.parent === 'customers')!;
    expect(broken.integrity.score).toBe(0.5);
    expect(broken.cardinality.score).toBeLessThan(0.8);
    expect(svg).toContain(`>${broken.cardinality.score.toFixed(3)}</text>`);
    expect(svg).toMatch(/stroke="#c62828"/);
    expect(section).toMatch(/differentially private per person \(a &quot;customers&quot; row/);
    expect(section).toMatch(/<th>referential integrity[^<]*<\/th><td>0\.500<\/td>/);
    // table names are escaped everywhere
    expect(html).not.toContain('<b>orders</b>');
    expect(html).toContain('&lt;b&gt;orders&lt;/b&gt;');
    // still one self-contained page: no script, the same content-security policy
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`content="default-src 'none'`);
  });

  it('is the same fragment as the stand-alone relational page', async () => {
    const html = await renderHtmlReport({ ...reportInput('evaluation-minimal.json', 'none'), relational });
    const page = renderRelationalReport(relational);
    const cut = (s: string) =>
      s.slice(
        s.indexOf('<section id="relational">'),
        s.indexOf('</section>', s.indexOf('<section id="relational">')),
      );
    expect(cut(html)).toBe(cut(page));
  });
});
