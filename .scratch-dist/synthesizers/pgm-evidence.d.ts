import type { Discretizer } from '../table/encode.js';
import type { Evidence } from '../pgm/sample.js';
import { type ColumnCondition } from './conditions.js';
/**
 * Conditions → evidence of a graphical model (the DP marginal synthesizers: mst, aim, privbayes, independent
 * with ε). A condition value becomes the discretised code of its bin (a category: its code; an integer of an
 * exact-integer column: its code; a float or datetime: the bin holding it); a set of allowed categories becomes a
 * set of codes. Through a domain compression (MST merges rare cells into one model code), a model code gets the
 * share of its members that are allowed, and decompression then picks among the allowed members only.
 *
 * Numeric conditions condition on the value's *bin*: the other columns follow the model given the bin, and the
 * conditioned column is written with the exact value. Costs no privacy: it reads the model only.
 */
export interface PgmEvidence {
    /** Weights per model code, per attribute (null: free). */
    readonly evidence: Evidence;
    /** Allowed discretised codes per attribute (null: free), for decompression. */
    readonly allowed: readonly (Uint8Array | null)[];
}
export declare function pgmEvidence(conds: readonly ColumnCondition[], columns: readonly string[], discretizers: readonly Discretizer[], compression: readonly (Int32Array | null)[], modelSizes: readonly number[], synthesizer: string): PgmEvidence;
