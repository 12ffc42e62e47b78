import type { Table } from '../table/table.js';
import type { Schema } from '../table/schema.js';
import type { SecureRng } from '../random/secure.js';
import type { OptionSchema } from './options.js';
import type { ProgressFn } from '../progress.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import type { ConditionPlan } from './conditions.js';
import type { CountableRows } from './marginal/rows.js';
export interface FitOptions {
    /** Seed for any randomness in a non-DP fit (and for non-noise choices of a DP fit). Default 0. */
    readonly seed?: number;
    /** DP synthesizers: the (ε, δ) budget of the whole fit, domain releases included. */
    readonly epsilon?: number;
    readonly delta?: number;
    /** DP noise source; a fresh WebCrypto-backed SecureRng by default. */
    readonly secureRng?: SecureRng;
    readonly onProgress?: ProgressFn;
    /** Synthesizer-specific options, declared by each synthesizer's option schema and checked against it. */
    readonly options?: Readonly<Record<string, unknown>>;
    /**
     * Regions of the value space no row may fall in, from public business rules (constraints/zeros.ts builds them
     * from conditional rules and inequalities). The DP-marginal synthesizers (mst, aim, privbayes, independent with ε) make them
     * structural zeros of their graphical model (`pgm/estimate.ts` `zeros`): no budget, no data read, the model
     * gives those cells probability 0. Other synthesizers ignore them (the constraints layer checks their samples).
     */
    readonly forbidden?: readonly ForbiddenRegion[];
}
/**
 * One column's part of a forbidden region: the column's value is one of `in` (categories as strings, booleans,
 * numbers; null = missing), or lies in the interval from `min` to `max` (numbers; datetimes in epoch ms; open ends
 * with `minOpen` / `maxOpen`; a missing value never lies in an interval).
 */
export interface ForbiddenTerm {
    readonly column: string;
    readonly in?: readonly (string | number | boolean | null)[];
    readonly min?: number;
    readonly max?: number;
    readonly minOpen?: boolean;
    readonly maxOpen?: boolean;
}
/**
 * Rows whose values satisfy every term — and, with `order`, have `low > high` (`low ≥ high` when `strict`) — are
 * forbidden (e.g. status = retired and age < 50; total_bedrooms > total_rooms). A missing value is never ordered.
 */
export interface ForbiddenRegion {
    readonly terms: readonly ForbiddenTerm[];
    /** Two numeric or datetime columns (datetimes in epoch ms) whose order the rows must keep: low ≤ high (< when strict). */
    readonly order?: {
        readonly low: string;
        readonly high: string;
        readonly strict?: boolean;
    };
}
/** One condition value, as a cell of the column: a number, a category or datetime string, or a boolean. */
export type ConditionValue = number | string | boolean;
/** A row of a condition table: a missing entry (absent or null) leaves that column free in that row. */
export type ConditionRow = Readonly<Record<string, ConditionValue | null | undefined>>;
/**
 * What a conditional sample must satisfy (`SampleOptions.conditions`):
 * - a record `{ column: value }`: every one of the `n` rows has these values;
 * - a list of condition rows (records) or a `Table` of them: output row i satisfies condition row i, and `n` must
 *   equal the number of condition rows. In a condition row a missing cell (null, absent, NaN, a missing code)
 *   means "no condition on this column in this row";
 * - a `ConditionPlan` already made by `planConditions` (synthesizers/conditions.ts), used as it is — how the
 *   constraints layer passes sets of allowed values (`ColumnCondition.oneOf`) to the model it wraps. A native
 *   implementation must honour `oneOf` (draw among those values by the model's own probabilities);
 *   `sampleByRejection` does.
 */
export type Conditions = Readonly<Record<string, ConditionValue>> | readonly ConditionRow[] | Table | ConditionPlan;
export interface SampleOptions {
    /** Default 0; the same model, n, seed and conditions give the same rows. */
    readonly seed?: number;
    readonly onProgress?: ProgressFn;
    /**
     * Conditional sampling. The contract every synthesizer keeps (checked by test/synthesizers/conditions.test.ts):
     *
     * - **Validation first, all problems at once.** `planConditions(schema, n, conditions)`
     *   (synthesizers/conditions.ts) turns the option into groups of identical condition rows and throws one
     *   LookalikeError (kind `input`, CLI exit 1) listing every problem: an unknown column, an id or text column (not
     *   modelled), a value of the wrong type, a category outside the column's categories, a number or datetime
     *   outside its domain, a fractional value for an integer column, a condition table whose length is not `n`.
     *   A model adds what only it knows (a category the model gives probability 0, a value outside the range it
     *   learned) the same way; the constraints layer (constraints/) adds conditions that break a rule.
     * - **Exact values.** In every output row each conditioned column holds its condition value exactly (a numeric
     *   condition is written as given, a category as that category); unconditioned columns come from the model's
     *   distribution given the conditions.
     * - **Native where the model allows**: a synthesizer conditions inside its model (evidence in the junction tree
     *   of the graphical model, conditioned columns first in `cart` or an autoregressive network, the conditional
     *   normal of a copula, a conditional vector or inpainting in a learned network), group by group through
     *   `sampleGroups`. Where it cannot, it falls back to `sampleByRejection` (synthesizers/conditions.ts):
     *   unconditional draws kept when they match (a continuous value within 1/100 of its range, then set to the
     *   condition), with a bound on the draws; hitting the bound throws a LookalikeError that names the condition
     *   and says how rare it is under the model. Each synthesizer's doc comment says which path it takes, for which
     *   columns, and whether the native path is exact or approximate (docs/constraints.md has the table).
     * - **Reproducible, private, row order kept**: the same model, n, seed and conditions give the same rows; output
     *   row i belongs to condition row i; sampling reads no data, so under DP it is post-processing and spends no
     *   budget (the ledger is unchanged).
     */
    readonly conditions?: Conditions;
}
/** A versioned, validated JSON file: schema, parameters and privacy ledger — never code, never raw rows. */
export interface ModelFile {
    readonly format: 'lookalike-model';
    readonly version: 1;
    readonly synthesizer: string;
    readonly createdAt: string;
    readonly schema: Schema;
    readonly privacy: PrivacyGuarantee;
    /** The privacy ledger (see privacy/ledger.ts) of a DP fit; null for non-DP models. */
    readonly ledger: unknown | null;
    /** Model parameters, validated by the synthesizer's `load`. */
    readonly params: unknown;
    /**
     * Business rules the model keeps (constraints/model.ts `ConstraintsFile`): the rules and how they are enforced.
     * When present, `schema` is the user's and `params` model the transformed table (`constraints.plan.modelSchema`).
     */
    readonly constraints?: unknown;
}
export interface Model {
    readonly synthesizer: string;
    readonly schema: Schema;
    readonly privacy: PrivacyGuarantee;
    /**
     * Rows drawn from the model: the schema's columns (id and text columns included, see each synthesizer). With
     * `opts.conditions`, a conditional sample (see `SampleOptions.conditions` for the contract).
     */
    sample(n: number, opts?: SampleOptions): Table;
    toJSON(): ModelFile;
    /**
     * The rows a sample has when the caller does not say (`run`, `sweep`): a DP model's noisy count of its training
     * rows (issue 10: the exact count is what differs between neighbours). Absent: the caller uses the training
     * rows (a non-DP model).
     */
    readonly defaultRows?: number;
    /**
     * Present on the models that sample a bin, then a value within it (the DP-marginal ones): `columns` of `rows` of
     * a table this model sampled, each drawn again within the bin its value lies in, so every row keeps its cell of
     * the model (constraints/model.ts uses it for the rows drawn across an inequality's diagonal). Reads no data.
     */
    redrawWithinBins?(t: Table, rows: Int32Array, columns: readonly string[], seed: number): Table;
}
/**
 * What a synthesizer is, without its code: enough for `lookalike synthesizers`, `--help` and the contract's checks
 * (`options.ts`). Kept in a module that imports nothing heavy, so listing synthesizers loads no model code.
 */
export interface SynthesizerInfo {
    readonly name: string;
    /** One line for `--help` and reports. */
    readonly description: string;
    /**
     * `dp`: always differentially private (needs ε); `none`: never; `either`: differentially private when fitted
     * with an ε, not otherwise (the model's `privacy` says which).
     */
    readonly privacy: 'dp' | 'none' | 'either';
    /** A warning printed when a model is written, e.g. that the model file holds real values. */
    readonly modelFileNote?: string;
    /**
     * The options accepted in `FitOptions.options`, as a schema (options.ts): read by `lookalike synthesizers`,
     * `--help` and the check every `fit` goes through (unknown names and bad values are refused).
     */
    readonly options: OptionSchema;
}
/** A synthesizer: its info and code. Build one with `defineSynthesizer` (options.ts) so `fit` checks its input. */
export interface Synthesizer extends SynthesizerInfo {
    fit(table: Table, schema: Schema, opts?: FitOptions): Promise<Model>;
    /**
     * Present on the synthesizers that read private rows only as counts (the DP-marginal ones: mst, aim, privbayes,
     * independent with ε): the same fit over rows counted where they live (`CountableRows`: a Parquet glob through
     * DuckDB, a PostgreSQL table or its shards, a table in memory), issue 15. `schema` must declare every modelled
     * column's domain and facts (public); the model equals `fit`'s on the same rows, seed and noise.
     */
    fitCounts?(rows: CountableRows, schema: Schema, opts?: FitOptions): Promise<Model>;
    /** Rebuild a model from its file; throws a LookalikeError listing every problem with `file.params`. */
    load(file: ModelFile): Model;
}
