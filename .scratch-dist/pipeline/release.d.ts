import { privacyLabel, type PrivacyGuarantee } from '../privacy/guarantee.js';
import type { SecureRng } from '../random/secure.js';
import type { Model, Synthesizer } from '../synthesizers/types.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { type RebalanceSpec } from '../constraints/rebalance.js';
import type { Rule } from '../constraints/types.js';
import type { Conditions } from '../synthesizers/types.js';
import type { CountableRows } from '../synthesizers/marginal/rows.js';
import { type StepHooks } from './hooks.js';
/** What to fit: a synthesizer (by name or as an object) and its budget and options. */
export interface FitSpec extends StepHooks {
    /** Default `gaussian-copula`. */
    readonly synthesizer?: string | Synthesizer;
    /** The (ε, δ) budget of a DP fit; δ defaults to `DEFAULT_DELTA` when ε is given. Refused by non-DP synthesizers. */
    readonly epsilon?: number;
    readonly delta?: number;
    /** Synthesizer options, checked against its option schema (`lookalike synthesizers`). */
    readonly options?: Readonly<Record<string, unknown>>;
    /** Seed of everything but DP noise (default 0): the fit and, in `release`, the sample. */
    readonly seed?: number;
    /** DP noise source; a fresh WebCrypto-backed one by default. */
    readonly secureRng?: SecureRng;
    /**
     * Business rules (`parseRules`, docs/constraints.md) every sampled row keeps: the fit goes through `fitWithRules`
     * (training rows that break a rule are left out — counted in a note outside DP only; rules enforced by
     * construction, checked and redrawn with a bound when sampling). Public knowledge under DP: no budget.
     */
    readonly rules?: readonly Rule[];
}
/** What the `sample` step draws: every row free (default), fixed values or condition rows, or a rebalanced column. */
export interface SampleSpec extends StepHooks {
    readonly seed?: number;
    /** `SampleOptions.conditions`: fixed values, or one condition row per output row (then `rows` = their count). */
    readonly conditions?: Conditions;
    /** Exact shares of values of a categorical or boolean column (`rebalancePlan`); not with `conditions`. */
    readonly rebalance?: RebalanceSpec;
}
export interface ReleaseSpec extends FitSpec, Omit<SampleSpec, keyof StepHooks> {
    /** Synthetic rows to draw (default `defaultSampleRows`: the table's rows; a DP model's noisy count of them). */
    readonly rows?: number;
}
export interface Fitted {
    readonly synthesizer: Synthesizer;
    readonly model: Model;
    readonly seconds: number;
}
export interface Release extends Fitted {
    readonly synthetic: Table;
    /** The guarantee of the release, from the model's ledger (`{ type: 'none' }` for a non-DP fit). */
    readonly privacy: PrivacyGuarantee;
    /** The privacy ledger of a DP fit (its JSON, as in the model file); null otherwise. */
    readonly ledger: unknown | null;
    readonly timings: {
        readonly fit: number;
        readonly sample: number;
    };
}
export { privacyLabel };
export declare function resolveSynthesizer(s: string | Synthesizer | undefined): Synthesizer;
/**
 * Step `fit`: fit the synthesizer on `table`. The synthesizer's contract (synthesizers/options.ts) refuses unknown
 * options and an ε given to a non-DP synthesizer. Notes: the model file's own note, and "not differentially
 * private" for a fit without a guarantee.
 */
export declare function fit(table: Table, schema: Schema, spec?: FitSpec): Promise<Fitted>;
/**
 * Step `fit` over rows counted where they live (issue 15, docs/scale.md): a Parquet glob through DuckDB, a
 * PostgreSQL table or its shards (`CountableRows`, made by the Node adapters of `io/count-sql.ts`), a table in memory
 * (`rowsInMemory`). Only the synthesizers that read rows as counts do this (`Synthesizer.fitCounts`: mst, aim,
 * privbayes, independent with ε); `schema` must declare every modelled column's domain and facts (public), and
 * business rules are refused (they need the rows). The caller closes `rows`.
 */
export declare function fitCounted(rows: CountableRows, schema: Schema, spec?: FitSpec): Promise<Fitted>;
/**
 * Step `sample`: draw `rows` synthetic rows from a model, reproducibly from `seed` — optionally conditioned or
 * rebalanced (docs/constraints.md). Reads the model only: under DP it spends no budget.
 */
export declare function sample(model: Model, rows: number, spec?: SampleSpec): Table;
/**
 * The rows a sample has when the caller does not say: a non-DP model's training rows; a DP model's noisy count of
 * them, `Model.defaultRows` (issue 10: the exact count is the fact that differs between neighbouring tables, so it
 * must never reach a DP release). Every DP synthesizer must provide that count, released under DP and charged to
 * its ledger (docs/privacy.md, "How many rows a DP release has"); a DP model without one is refused here, so the
 * exact count cannot leak by a missing field.
 */
export declare function defaultSampleRows(model: Model, trainingRows: number): number;
/**
 * Step `release`: fit, then sample — the only step that reads the private rows (`table`). Returns the model, the
 * synthetic table, the guarantee and the DP ledger (null for a non-DP fit), and the seconds of each part.
 */
export declare function release(table: Table, schema: Schema, spec?: ReleaseSpec): Promise<Release>;
