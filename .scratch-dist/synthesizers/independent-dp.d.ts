import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import { type CountableRows } from './marginal/index.js';
import type { FitOptions, Model, ModelFile } from './types.js';
/**
 * `independent` with a privacy budget: every modelled column's 1-way marginal (missing as its own category,
 * numerics discretised by their public/DP domain) measured with the discrete Gaussian mechanism, each costing
 * ρ/d; the noisy counts are turned into a distribution by Private-PGM (the non-negative, consistent estimate that
 * best explains them — for 1-way measurements this is each column on its own), and columns are sampled
 * independently and decoded to typed values (a uniform value within a numeric bin).
 *
 * Guarantee: ρ-zCDP with ρ the largest that converts to the requested (ε, δ) (tight conversion), hence
 * (ε, δ)-DP under add/remove-one-row neighbours; each marginal has L2 sensitivity 1; the ledger lists the d
 * measurements. Domains must be public or DP-released (DESIGN.md rule 5; a fit without them throws, naming the
 * columns). Runtime O(n·d) counting plus O(iters · Σ sizes).
 * Options: `bins` (default 32), `maxExactIntegers` (default 128), `iters` (default 200). δ defaults to
 * privacy/'s DEFAULT_DELTA (1e-9).
 *
 * The model's `synthesizer` is "independent"; its file is read back with `loadIndependentDP` (its params are a
 * graphical model — d singleton cliques — with the discretizers and the ledger).
 */
export declare function fitIndependentDP(table: Table, schema: Schema, opts?: FitOptions): Promise<Model>;
/** The same over rows counted where they live (`CountableRows`, issue 15). */
export declare function fitIndependentDPCounts(rows: CountableRows, schema: Schema, opts?: FitOptions): Promise<Model>;
/** Rebuild a DP `independent` model from its file (validated; LookalikeError listing every problem). */
export declare function loadIndependentDP(file: ModelFile): Model;
