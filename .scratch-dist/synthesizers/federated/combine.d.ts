import type { DpGuarantee } from '../../privacy/ledger.js';
import type { ProgressFn } from '../../progress.js';
import type { Schema } from '../../table/schema.js';
import type { Table } from '../../table/table.js';
import type { SampleOptions } from '../types.js';
import { MarginalModel } from '../marginal/index.js';
/**
 * Federated synthesis, the combiner's half (issue 15): one graphical model estimated (Private-PGM, `pgm/`) from
 * the noisy measurements of several sites (site.ts), then sampled. It reads no rows: post-processing of what the
 * sites released, so it costs no budget and needs no trust beyond the files.
 *
 * Pooling. The model describes the union of the sites' rows. A marginal that every site measured is measured on
 * the union exactly: the sum of the sites' noisy tables, with σ² the sum of their σ². Every site measures every
 * 1-way marginal, so those are exact. A 2-way marginal that only some sites T picked for their trees is scaled up
 * to the union, (Σ_T y_s) · N̂ / N̂_T with σ scaled alike (N̂_s a site's noisy row count from its 1-way
 * measurements) — an estimate that assumes T's rows mix those columns as the other sites' do; with sites that
 * differ strongly it is biased (docs/federated.md says so). Then MST's domain compression on the pooled 1-way
 * measurements (cells with a pooled noisy count below 3σ share one code; every measurement's cells merged alike:
 * values and variances summed). The 2-way marginals enter the model in order of support (sites that
 * measured them), each only while the junction tree stays within `maxModelSize` MB (a pair left out is reported).
 *
 * Guarantee: each site's own, from its ledger (ρ-zCDP → (ε_s, δ_s)), for the rows held at that site. A person whose
 * rows are at one site is protected at that site's (ε_s, δ_s); the release as a whole is (max ε_s, max δ_s)-DP
 * under add/remove-one-row (a row is at one site, and the other sites' measurements do not depend on it). A person
 * with rows at several sites is protected by the sum over those sites (basic composition) — the sites must know it.
 */
export interface CombineOptions {
    /** Mirror-descent iterations of the estimation (default 2000, as mst). */
    readonly iters?: number;
    /**
     * MST's domain compression of the pooled 1-way marginals: cells whose pooled noisy count is below this many σ
     * share one code (default 3, as mst; 0: off).
     */
    readonly compressThreshold?: number;
    /** Largest junction tree, in MB of potentials (default 80, as aim). */
    readonly maxModelSize?: number;
    readonly onProgress?: ProgressFn;
}
/** One site's part in a combined model. */
export interface SiteGuarantee {
    readonly site: string;
    readonly label: string;
    readonly guarantee: DpGuarantee;
    /** Its noisy row count (post-processing of its 1-way measurements). */
    readonly noisyRows: number;
    readonly measurements: number;
}
/** A model estimated from several sites' measurements. */
export declare class CombinedModel {
    private readonly inner;
    readonly sites: readonly SiteGuarantee[];
    readonly schemaHash: string;
    /** The 2-way marginals in the model, by column names, with the number of sites that measured each. */
    readonly pairs: readonly {
        readonly columns: readonly string[];
        readonly sites: number;
    }[];
    /** Measured pairs left out to keep the junction tree within maxModelSize. */
    readonly droppedPairs: readonly (readonly string[])[];
    readonly synthesizer = "federated-mst";
    /** (max ε_s, max δ_s): what the release guarantees to any one row (a row is at one site). */
    readonly privacy: DpGuarantee;
    constructor(inner: MarginalModel, sites: readonly SiteGuarantee[], schemaHash: string, 
    /** The 2-way marginals in the model, by column names, with the number of sites that measured each. */
    pairs: readonly {
        readonly columns: readonly string[];
        readonly sites: number;
    }[], 
    /** Measured pairs left out to keep the junction tree within maxModelSize. */
    droppedPairs: readonly (readonly string[])[]);
    get schema(): Schema;
    /** The pooled noisy row count, at least 1 (the default number of rows to draw). */
    get defaultRows(): number;
    /** Rows drawn from the combined model (see `MarginalModel.sample`: seeded, conditions allowed). */
    sample(n: number, opts?: SampleOptions): Table;
}
/**
 * What `lookalike combine` reports after sampling `rows` rows (seed `seed`) into `out`: `json` — the schema hash,
 * each site with its file and guarantee, the release's guarantee, the pairs kept and dropped — and `text`, the line
 * written and the guarantees (formatSiteGuarantees).
 */
export declare function combinedSummary(model: CombinedModel, run: {
    out: string;
    rows: number;
    seed: number;
}): {
    json: object;
    text: string;
};
/** The per-site guarantee lines every caller prints (CLI, reports): one line per site, then the whole release. */
export declare function formatSiteGuarantees(model: CombinedModel): string[];
/**
 * Read and validate the sites' files, check they share one schema, pool their measurements and estimate one
 * model (see the module comment). `files`: each parsed site file with a label for messages (its path). Throws a
 * LookalikeError (kind 'input') listing every problem: an invalid or forged file (readSiteFile), a file whose schema
 * differs from the first file's (naming the file, the columns and what differs — never a value), two files of
 * the same site.
 */
export declare function combineSites(files: readonly {
    readonly label: string;
    readonly json: unknown;
}[], opts?: CombineOptions): Promise<CombinedModel>;
