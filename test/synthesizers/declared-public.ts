import type { Schema } from '../../src/table/schema.js';

/**
 * A schema with every domain and schema fact declared public, as a user would after reviewing
 * `lookalike inspect --public-domains` (no fact left inferred: what a DP fit asks for, issue 10).
 */
export function declaredPublic(s: Schema): Schema {
  return {
    ...s,
    columns: s.columns.map((c) =>
      c.domain
        ? { ...c, domain: { ...c.domain, source: 'public' as const }, inferredFacts: [] }
        : { ...c, inferredFacts: [] },
    ),
  };
}
