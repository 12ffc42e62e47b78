// Public domains for a DP fit on a table read from ../shared/datasets, declared as bench/dp.mjs's discretisation B
// for the marginal synthesizers: categories as listed in the data, numeric bounds as the data's range, and integer
// columns with ≤ 128 distinct values over a wider range (capital-gain, capital-loss on Adult) as the list of their
// values (categories, written back as integers). Every schema fact is then declared (no inferredFacts).
// Shared by bench/argn.mjs and bench/dp-learned.mjs.
export function publicDomains(table, schema) {
  let t = table;
  const columns = schema.columns.map((c0) => {
    const c = { ...c0, inferredFacts: [] };
    if (c.kind === 'categorical') {
      const col = table.column(c.name);
      return { ...c, domain: { categories: [...col.categories], source: 'public' } };
    }
    if (c.kind !== 'numeric') return c;
    const v = table.column(c.name).values;
    let lo = Infinity;
    let hi = -Infinity;
    const distinct = new Set();
    for (const x of v) {
      if (x !== x) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      distinct.add(x);
    }
    if (c.integer && distinct.size <= 128 && hi - lo + 1 > 128) {
      const categories = [...distinct].sort((a, b) => a - b).map(String);
      const index = new Map(categories.map((k, i) => [k, i]));
      const codes = Int32Array.from(v, (x) => (x !== x ? -1 : index.get(String(x))));
      t = t.withColumn({ kind: 'categorical', name: c.name, codes, categories });
      return {
        name: c.name,
        kind: 'categorical',
        nullable: c.nullable,
        inferredFacts: [],
        domain: { categories, source: 'public' },
      };
    }
    return { ...c, domain: { min: lo, max: hi, source: 'public' } };
  });
  return { table: t, schema: { ...schema, columns } };
}
