import type { Measurement } from '../../pgm/estimate.js';
import { PrivacyLedger } from '../../privacy/ledger.js';
import type { DpGuarantee, LedgerJSON } from '../../privacy/ledger.js';
import type { ProgressFn } from '../../progress.js';
import type { SecureRng } from '../../random/secure.js';
import type { DiscretizerJSON } from '../../table/encode.js';
import type { Schema } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import type { IdStyle } from '../common.js';
/**
 * Federated synthesis, the site's half (issue 15): `measureSite` runs at each site over its own rows with its own
 * budget and ledger and returns its noisy marginal measurements as a versioned JSON value (`SiteMeasurements`),
 * which is all that leaves the site. `combineSites` (combine.ts) estimates one model from several sites' files.
 *
 * Protocol ("mst-sites", one round, no interaction): every site runs MST's measure steps on its own rows —
 * ρ/4 for every 1-way marginal, ρ/4 for a spanning tree picked by the exponential mechanism on its own counts,
 * ρ/2 for the tree's 2-way marginals (`SITE_SPLIT`) — over the encoding that the
 * shared, declared public domains define, so every site's cells mean the same thing. MST's domain compression is
 * left to the combiner (post-processing of the pooled 1-way marginals): a site's own compression would merge cells
 * holding up to 3σ rows of that site alone, far more than the pooled threshold (measured: worse). Selection is adaptive
 * within a site and not across sites: the sites never see each other's measurements, so no coordinator or second
 * round is needed and each site's guarantee is exactly that of MST on its own rows.
 *
 * Guarantee: (ε, δ)-DP for the rows of that site, from its ledger (ρ-zCDP, every measurement charged before its
 * noise is drawn with the SecureRng). DP domains and adaptive bins are refused: they would make the sites'
 * encodings differ, and every column must have a declared public domain (and its schema facts declared).
 */
/** The format tag of a site file. */
export declare const SITE_FORMAT = "lookalike-measurements";
/** The protocol a site file follows (docs/federated.md). */
export declare const SITE_PROTOCOL = "mst-sites";
/** One noisy marginal of a site: cells of the marginal over `columns` (row-major, last column fastest). */
export interface SiteMeasurement {
    readonly columns: readonly string[];
    /** Attribute indices into `SiteMeasurements.columns`, strictly increasing. */
    readonly attrs: readonly number[];
    readonly sigma: number;
    readonly values: readonly number[];
}
/** What a site writes (`lookalike measure --out site.json`) and the combiner reads. */
export interface SiteMeasurements {
    readonly format: typeof SITE_FORMAT;
    readonly version: 1;
    readonly protocol: typeof SITE_PROTOCOL;
    /** The site's name, as it will be printed with its guarantee. */
    readonly site: string;
    readonly createdAt: string;
    /** SHA-256 (hex) of the canonical JSON of `schema` and `discretizers`: equal at every site of one federation. */
    readonly schemaHash: string;
    readonly schema: Schema;
    /** The modelled columns, in attribute order. */
    readonly columns: readonly string[];
    readonly discretizers: readonly DiscretizerJSON[];
    readonly ids: Record<string, IdStyle>;
    readonly measurements: readonly SiteMeasurement[];
    readonly privacy: {
        readonly type: 'dp';
        readonly epsilon: number;
        readonly delta: number;
    };
    readonly ledger: LedgerJSON;
}
export interface SiteOptions {
    /** The site's budget (its ledger's). */
    readonly epsilon: number;
    /** Default privacy/'s DEFAULT_DELTA. */
    readonly delta?: number;
    /** The site's name (default "site"): printed with its guarantee by the combiner. */
    readonly site?: string;
    /** Encoding options every site must give alike: `bins` (default 32), `maxExactIntegers` (default 128). */
    readonly options?: Readonly<Record<string, unknown>>;
    readonly secureRng?: SecureRng;
    readonly onProgress?: ProgressFn;
}
/**
 * How a site splits its ρ: a quarter for the 1-way marginals, a quarter for the tree selection, half for the tree's
 * 2-way marginals (central mst: a third each). The combiner sums the sites' tables, so the pooled 1-way marginals
 * are measured well even at a quarter, and the union of the sites' trees makes one site's selection matter less;
 * the 2-way tables, summed over sites, carry √K times one site's noise. On Adult over 3 sites at ε = 1 each this
 * moved the 3-way error from 0.116 to 0.113 (bench/federated.mjs, 3 runs each; docs/federated.md).
 */
export declare const SITE_SPLIT: {
    readonly oneWay: 0.25;
    readonly selection: 0.25;
    readonly twoWay: 0.5;
};
/**
 * Measure one site's rows for a federated fit (see the module comment for the protocol and guarantee). Throws a
 * LookalikeError listing every problem: a column without a declared public domain or with undeclared schema facts
 * (kind 'privacy'), an unknown option or a bad budget (kind 'usage'), a budget too small (kind 'privacy').
 */
export declare function measureSite(table: Table, schema: Schema, opts: SiteOptions): Promise<SiteMeasurements>;
/** JSON with object keys sorted at every level (a stable text to hash). */
export declare function canonicalJson(x: unknown): string;
/**
 * The schema hash of a site file: SHA-256 (WebCrypto, so also in a browser) of the canonical JSON of the schema
 * and the encoding. Sites compare it before exchanging files; the combiner recomputes it. It detects different
 * metadata and accidental edits — not forgery (anyone can recompute it); the ledger checks are what refuse a
 * forged guarantee.
 */
export declare function schemaHash(schema: Schema, discretizers: readonly DiscretizerJSON[]): Promise<string>;
/** A validated site file: its measurements as `pgm/` reads them, its ledger and the guarantee the ledger backs. */
export interface SiteFile {
    /** How the file is named in messages (its path, for the CLI). */
    readonly label: string;
    readonly file: SiteMeasurements;
    readonly ledger: PrivacyLedger;
    readonly guarantee: DpGuarantee;
    readonly measurements: readonly Measurement[];
}
/**
 * Validate a parsed site file (every problem listed, LookalikeError kind 'input', naming `label`): envelope,
 * schema, encoding, the schema hash recomputed, each measurement's shape; the ledger as a model file's is checked
 * (`ledgerClaimProblems`: costs against noise scales, the total against the budget, the stated guarantee against
 * the total), and every measurement must be backed by its own ledger entry — a "marginal" entry of mechanism
 * discrete-gaussian on the same columns with the same σ, in order — so a file that drops, cheapens or forges an
 * entry is refused.
 */
export declare function readSiteFile(json: unknown, label: string): Promise<SiteFile>;
/** What a site prints after measuring: where the file went, the site's guarantee, and the schema hash to compare. */
export declare function formatSiteMeasurements(file: SiteMeasurements, out: string): string;
