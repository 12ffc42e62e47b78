import type { SecureRng } from '../random/secure.js';
import type { CategoricalColumn } from '../table/column.js';
import type { CategoricalDomain, ColumnSpec, DatetimeDomain, NumericDomain, Schema } from '../table/schema.js';
import { Table } from '../table/table.js';
import type { PrivacyLedger } from './ledger.js';
/**
 * DP domains (DESIGN.md rule 5). A DP fit may only use domains that are *declared public* (metadata file,
 * `source: "public"`) or *released under DP* (`source: "dp"`, paid from the fit's ledger). This module checks the
 * first (`requirePublicDomains`) and performs the second (`releaseDomains`).
 *
 * Budget of a release (option `dpDomains` of the DP synthesizers: `--option dpDomains=0.1`):
 * - a fraction f (default 0.1) of the zCDP budget that is left once the δ for categories is set aside, split
 *   equally between the columns released;
 * - when categorical columns are released, half of the budget δ (`deltaFraction`), split equally between them.
 */
/** The option that asks a DP synthesizer to release missing domains under DP. */
export declare const DP_DOMAINS_OPTION = "dpDomains";
/** Default share of the ρ budget spent on DP domains when `dpDomains` is given without a number. */
export declare const DEFAULT_DOMAIN_FRACTION = 0.1;
/**
 * The columns (among `columns`, default every column) that a DP fit cannot use as they are: numeric, datetime and
 * categorical columns whose domain is missing or was inferred from the data. Boolean columns need no domain; id
 * and text columns are not modelled by the DP synthesizers.
 */
export declare function columnsNeedingDomains(schema: Schema, columns?: readonly string[]): ColumnSpec[];
/**
 * Throws a LookalikeError (kind 'privacy') naming *every* column among `columns` (default all) whose domain is
 * neither declared public nor released under DP, with the two ways to fix it. Never prints a value.
 */
export declare function requirePublicDomains(schema: Schema, columns?: readonly string[], what?: string): void;
/**
 * The schema facts besides domains (issue 10): the kind, integer flag, decimal places, datetime format,
 * nullability and id style of a column are facts about the private rows when inference read them off the data
 * (`ColumnSpec.inferredFacts`), and each changes the model file (its encoding, its rounding, its ids). A DP fit
 * takes them only when declared. Returns the schema a DP fit may use: `inferredFacts` dropped and, with
 * `assumeNullable` (the `dpDomains` path), an undeclared nullability replaced by `true` — a missing-value code that
 * costs nothing and reveals nothing. Throws a LookalikeError:
 * - kind 'privacy', listing every column (all columns: id and text columns are written too) with its undeclared
 *   facts and the fix (`inspect --public-domains` writes them all);
 * - kind 'input', when a modelled column that may not be missing (`nullable` false or absent) has missing values,
 *   naming the column and the count (never a value). With `table` null (rows counted where they live, issue 15)
 *   that check is the count source's (`CountableRows.open`).
 */
export declare function requireDeclaredFacts(table: Table | null, schema: Schema, modelled: readonly string[], what: string, opts?: {
    readonly assumeNullable?: boolean;
}): Schema;
/**
 * Parse the `dpDomains` synthesizer option: absent/false/"false" → null (no release), true/"true"/"" → the
 * default fraction 0.1, a number or numeric string in (0, 1) → that fraction. Throws a LookalikeError (kind
 * 'usage') otherwise.
 */
export declare function parseDomainOption(value: unknown): number | null;
/**
 * The default public grid (bin edges) for numeric bounds when nothing is known: 0 and ±m·2^k for m ∈ {1, 1.5},
 * k = −20…62 (half-octave magnitude buckets, 333 edges, sorted). Data-independent by construction. Bounds land on
 * these edges, e.g. ages 17–90 → [16, 96]. Finer grids give tighter bounds but thinner bins, which then fall
 * under the noise threshold more often.
 */
export declare function defaultNumericGrid(): number[];
/** The default public grid for datetime bounds: 1 January of every year from 1800 to 2200 (UTC, ms). */
export declare function defaultDatetimeGrid(): number[];
export interface QuantileOptions {
    /** Quantile in [0, 1] to release. */
    readonly q: number;
    /** zCDP cost (the exponential mechanism's ε = √(8ρ)). */
    readonly rho: number;
    /** Sorted public candidates. */
    readonly grid: readonly number[];
    /** Column name for the ledger. */
    readonly column: string;
}
/**
 * A DP q-quantile of the present (non-NaN) values, chosen from a public grid by the exponential mechanism with
 * score u(c) = −|#{x < c} − q·#{x}|.
 *
 * Guarantee: under add/remove-one-row neighbours the score has sensitivity max(q, 1−q) ≤ 1, so the release is
 * ε-DP with ε = √(8ρ), charged as ρ-zCDP (ε-bounded range, Cesar & Rogers 2021). Ledger entry: query
 * "domain:quantile(q)", mechanism "exponential". Runtime O(n log n + |grid|). Smith 2011 (DP quantiles by the
 * exponential mechanism), restricted to a data-independent grid.
 */
export declare function dpQuantile(values: Float64Array, opts: QuantileOptions, ledger: PrivacyLedger, rng: SecureRng): number;
export interface BoundsOptions {
    /** zCDP cost of the release. */
    readonly rho: number;
    /** Sorted public bin edges (default `defaultNumericGrid()`); values outside are counted in the end bins. */
    readonly grid?: readonly number[];
    /**
     * Probability (utility, not privacy) that some bin without data passes the threshold by noise alone and widens
     * the bounds; default 0.01.
     */
    readonly spurious?: number;
}
/**
 * DP bounds [min, max] of a numeric column from a noisy histogram over a public grid of bin edges (the approach
 * of "approximate bounds" in Google's DP library): count the present values in each bin [gᵢ, gᵢ₊₁), add discrete
 * Gaussian noise (σ² = 1/(2ρ)), and take the lower edge of the lowest bin and the upper edge of the highest bin
 * whose noisy count reaches T = σ·Φ⁻¹(1 − spurious/bins). If no bin reaches T, the bin with the largest noisy
 * count gives both bounds. Bins with a handful of outliers fall under T, so outliers are clipped.
 *
 * Guarantee: ρ-zCDP under add/remove-one-row neighbours (a row changes one bin count by 1; the bins are
 * data-independent, so no δ), via `gaussianMechanism` (ledger query "domain:bounds"). Everything after the noisy
 * counts is post-processing. Integer columns get integer bounds. Returns a domain with source "dp".
 * Runtime O(n log |grid|).
 */
export declare function releaseNumericBounds(values: Float64Array, column: string, integer: boolean, opts: BoundsOptions, ledger: PrivacyLedger, rng: SecureRng): NumericDomain;
/** DP bounds of a datetime column (values in ms), on a yearly grid by default; written in the column's format. */
export declare function releaseDatetimeBounds(values: Float64Array, column: string, format: string, opts: BoundsOptions, ledger: PrivacyLedger, rng: SecureRng): DatetimeDomain;
/**
 * An upper bound on P(Z ≥ m) for Z ~ N_ℤ(0, σ²), m ≥ 1:
 *   Σ_{y≥m} e^{−y²/2σ²} ≤ e^{−m²/2σ²} + σ√(2π)·Φ(−m/σ)   and   Σ_{y∈ℤ} e^{−y²/2σ²} ≥ max(1, σ√(2π) − 1),
 * inflated by 1e-9 relative for floating-point error.
 */
export declare function discreteGaussianTail(m: number, sigma2: number): number;
/** The smallest integer threshold τ ≥ 1 with P(1 + Z ≥ τ) ≤ δ for Z ~ N_ℤ(0, σ²). */
export declare function categoryThreshold(sigma2: number, delta: number): number;
export interface CategoryReleaseOptions {
    /** zCDP cost of the noisy histogram: σ² = 1/(2ρ). */
    readonly rho: number;
    /** δ this release may consume (the probability a category held by a single row is released). */
    readonly delta: number;
    /** Label of the category that rare (unreleased) ones are merged into (default "other"). */
    readonly otherLabel?: string;
}
/**
 * A DP category list for a categorical column: discrete Gaussian noise N_ℤ(0, σ²), σ² = 1/(2ρ), is added to the
 * count of every category *observed* in the column, and a category is released when its noisy count reaches a
 * threshold τ chosen so that P(1 + Z ≥ τ) ≤ δ. The released list is sorted, and an "other" category (always
 * present, so its presence reveals nothing) receives every value whose category was not released.
 *
 * Guarantee: δ-approximate ρ-zCDP under add/remove-one-row neighbours (stability-based histogram; Korolova et al.
 * 2009, Bun & Steinke 2016 Sec. 8 on approximate zCDP). A row changes one count by 1. If its category is observed
 * in both tables, the step is the Gaussian mechanism on the union of keys (ρ-zCDP). If the category exists in one
 * table only (count 1 there), the only difference is whether it is released, which happens with probability
 * P(1 + Z ≥ τ) ≤ δ; conditioned on not being released, the outputs have the same distribution. The ledger entry
 * carries both (query "domain:categories", mechanism "thresholded-discrete-gaussian", noiseScale σ, rho, delta),
 * and the ledger sets δ aside before converting ρ to (ε, δ). Noisy counts are discarded (only the list is
 * released). Missing values are not a category here (they are their own code when the column is nullable).
 * Runtime O(n + k).
 */
export declare function releaseCategories(column: CategoricalColumn, opts: CategoryReleaseOptions, ledger: PrivacyLedger, rng: SecureRng): CategoricalDomain;
/**
 * The column recoded onto a released category list: values whose category is not in the list become its last
 * category ("other"); missing stays missing. Data-independent given the list (post-processing).
 */
export declare function remapCategories(column: CategoricalColumn, domain: CategoricalDomain): CategoricalColumn;
export interface DomainReleaseOptions {
    /** Columns to consider (default: every column of the schema). Only those needing a domain are released. */
    readonly columns?: readonly string[];
    /** Share of the ρ that is left (after setting δ aside) to spend on all releases, in (0, 1); default 0.1. */
    readonly fraction?: number;
    /** Share of the budget δ set aside for category lists, in (0, 1); default 0.5 (used only if any are released). */
    readonly deltaFraction?: number;
    /** Public candidate grid for numeric bounds (default `defaultNumericGrid()`). */
    readonly numericGrid?: readonly number[];
    readonly otherLabel?: string;
}
export interface DomainRelease {
    /** The schema with a DP domain (source "dp") on every released column. */
    readonly schema: Schema;
    /** The table with released categorical columns recoded onto their DP category lists (rare → "other"). */
    readonly table: Table;
    /** Names of the columns whose domains were released. */
    readonly released: readonly string[];
}
/**
 * Release, under DP and charged to `ledger`, the domain of every column that needs one (see
 * `columnsNeedingDomains`): numeric and datetime bounds by `releaseNumericBounds`/`releaseDatetimeBounds`, category
 * lists by `releaseCategories`. The ρ is split equally between columns; δ between categorical columns. Call it
 * first in a DP fit, then plan the rest of the fit with `ledger.rhoRemaining`. Throws a LookalikeError (kind
 * 'usage') on bad options and (kind 'privacy') when the ledger cannot pay. Columns with declared public or DP
 * domains are left untouched and cost nothing.
 */
export declare function releaseDomains(table: Table, schema: Schema, ledger: PrivacyLedger, rng: SecureRng, opts?: DomainReleaseOptions): DomainRelease;
