import { LookalikeError, ProblemList } from '../../errors.js';
import {
  DP_DOMAINS_OPTION,
  parseDomainOption,
  releaseDomains,
  requirePublicDomains,
} from '../../privacy/domains.js';
import { budgetProblems, DEFAULT_DELTA, PrivacyLedger } from '../../privacy/ledger.js';
import { SecureRng } from '../../random/secure.js';
import type { Schema } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import { checkFitInput, idStyles, modelledSpecs } from '../common.js';
import type { IdStyle } from '../common.js';
import type { FitOptions } from '../types.js';
import type { CountSource } from './counts.js';
import { countsInMemory, encodingOf } from './encode.js';
import type { Encoding } from './encode.js';

/**
 * The start of every DP-marginal fit (mst, aim, privbayes, independent with ε), in order:
 * 1. the input check, the budget → a `PrivacyLedger` (ε required; δ defaults to privacy/'s `DEFAULT_DELTA`), the
 *    `bins` / `maxExactIntegers` / `dpDomains` options — every problem listed in one LookalikeError (kind 'usage');
 * 2. with `dpDomains`, the domains that are not declared public are released under DP (charged to the ledger);
 * 3. every modelled column must have a public or DP domain (LookalikeError, kind 'privacy', naming each column and
 *    the two fixes);
 * 4. the encoding (public, from the domains) and the count source over the private rows (in memory).
 * The synthesizer then plans with `planBudget(fit.ledger, …)` and measures through `fit.source`.
 */
export interface MarginalFit {
  /** The table as measured: categorical columns released under DP are recoded onto their lists (rare → other). */
  readonly table: Table;
  /** The schema with the released domains (source "dp"). */
  readonly schema: Schema;
  readonly ledger: PrivacyLedger;
  readonly rng: SecureRng;
  readonly encoding: Encoding;
  /** Names of the modelled columns, by attribute index (for ledger entries). */
  readonly names: readonly string[];
  /** Counts of the private rows over the encoding — the only way a fit reads them from here on. */
  readonly source: CountSource;
  /** Output id style of each id column (stored in the model file). */
  readonly ids: Record<string, IdStyle>;
  /** Columns whose domains were released under DP (empty when none were). */
  readonly released: readonly string[];
}

export function startMarginalFit(
  table0: Table,
  schema0: Schema,
  opts: FitOptions,
  synthesizer: string,
): MarginalFit {
  checkFitInput(table0, schema0, synthesizer);
  if (opts.epsilon === undefined) {
    throw new LookalikeError(
      `${synthesizer} is differentially private and needs a privacy budget: pass epsilon (e.g. --epsilon 1) and optionally delta (default ${DEFAULT_DELTA})`,
      [],
      'usage',
    );
  }
  const budget = { epsilon: opts.epsilon, delta: opts.delta ?? DEFAULT_DELTA };
  const o = opts.options ?? {};
  const p = new ProblemList();
  for (const m of budgetProblems(budget)) p.add(m);
  const bins = numberOption(o, 'bins', 32, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1', p);
  const maxExactIntegers = numberOption(
    o,
    'maxExactIntegers',
    128,
    (v) => Number.isInteger(v) && v >= 0,
    'a whole number ≥ 0',
    p,
  );
  let fraction: number | null = null;
  try {
    fraction = parseDomainOption(o[DP_DOMAINS_OPTION]);
  } catch (e) {
    p.add((e as Error).message);
  }
  p.throwIfAny(`${synthesizer}: invalid options:`, 'usage');
  const specs0 = modelledSpecs(schema0);
  if (specs0.length === 0)
    throw new LookalikeError(
      `${synthesizer}: the schema has no column to model (only id/text columns)`,
      [],
      'usage',
    );

  const ledger = new PrivacyLedger(budget);
  const rng = opts.secureRng ?? new SecureRng();
  let table = table0;
  let schema = schema0;
  let released: readonly string[] = [];
  if (fraction !== null) {
    const r = releaseDomains(table, schema, ledger, rng, { fraction, columns: specs0.map((s) => s.name) });
    table = r.table;
    schema = r.schema;
    released = r.released;
  }
  const specs = modelledSpecs(schema);
  requirePublicDomains(
    schema,
    specs.map((s) => s.name),
    `${synthesizer} (differentially private)`,
  );
  const encoding = encodingOf(specs, { bins, maxExactIntegers });
  return {
    table,
    schema,
    ledger,
    rng,
    encoding,
    names: specs.map((s) => s.name),
    source: countsInMemory(table, encoding),
    ids: idStyles(table, schema),
    released,
  };
}

/** A numeric option from `FitOptions.options`: its default when absent, a problem when invalid. */
export function numberOption(
  o: Readonly<Record<string, unknown>>,
  key: string,
  def: number,
  ok: (v: number) => boolean,
  what: string,
  p: ProblemList,
): number {
  const v = o[key];
  if (v === undefined) return def;
  if (typeof v !== 'number' || !ok(v)) {
    p.add(`option ${key} must be ${what} (got ${JSON.stringify(v)})`);
    return def;
  }
  return v;
}
