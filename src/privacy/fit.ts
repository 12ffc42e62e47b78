import { LookalikeError } from '../errors.js';
import type { SecureRng } from '../random/secure.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { DP_DOMAINS_OPTION, parseDomainOption, releaseDomains, requirePublicDomains } from './domains.js';
import { budgetProblems, PrivacyLedger } from './ledger.js';

/**
 * The common first step of every DP synthesizer's `fit` (mst, aim, privbayes, independent --epsilon):
 * 1. the budget → a `PrivacyLedger` (LookalikeError, kind 'usage', listing every problem with ε and δ);
 * 2. if the `dpDomains` option is set, release the missing domains of `columns` under DP (charged to the ledger);
 * 3. require every modelled column to have a public or DP domain (LookalikeError, kind 'privacy', naming every
 *    column and the two fixes).
 * The synthesizer then measures with the returned `table` and `schema` and plans with `ledger.rhoRemaining`.
 */
export interface DpFitSetup {
  readonly ledger: PrivacyLedger;
  /** The table to measure: released categorical columns recoded onto their DP lists (rare → "other"). */
  readonly table: Table;
  /** The schema with the released domains (source "dp"). */
  readonly schema: Schema;
  /** Columns whose domains were released under DP (empty when none were). */
  readonly released: readonly string[];
}

export interface DpFitBudget {
  readonly epsilon?: number;
  readonly delta?: number;
  readonly options?: Readonly<Record<string, unknown>>;
}

/**
 * @param columns the columns the synthesizer models (id/text columns excluded by the caller).
 * @param defaultDelta δ when the caller gave ε only (documented by the synthesizer), default 1e-9.
 */
export function prepareDpFit(
  table: Table,
  schema: Schema,
  columns: readonly string[],
  budget: DpFitBudget,
  synthesizer: string,
  rng: SecureRng,
  defaultDelta = 1e-9,
): DpFitSetup {
  if (budget.epsilon === undefined) {
    throw new LookalikeError(
      `${synthesizer} is differentially private and needs a privacy budget: pass epsilon (e.g. --epsilon 1) and optionally delta (default ${defaultDelta})`,
      [],
      'usage',
    );
  }
  const b = { epsilon: budget.epsilon, delta: budget.delta ?? defaultDelta };
  const problems = budgetProblems(b);
  const fraction = (() => {
    try {
      return parseDomainOption(budget.options?.[DP_DOMAINS_OPTION]);
    } catch (e) {
      problems.push((e as Error).message);
      return null;
    }
  })();
  if (problems.length)
    throw new LookalikeError(`invalid privacy settings for ${synthesizer}`, problems, 'usage');
  const ledger = new PrivacyLedger(b);
  let out: DpFitSetup = { ledger, table, schema, released: [] };
  if (fraction !== null) {
    const r = releaseDomains(table, schema, ledger, rng, { fraction, columns });
    out = { ledger, table: r.table, schema: r.schema, released: r.released };
  }
  requirePublicDomains(out.schema, columns, `${synthesizer} (differentially private)`);
  return out;
}
