import { estimateModel } from '../pgm/estimate.js';
import type { Measurement } from '../pgm/estimate.js';
import type { Schema } from '../table/schema.js';
import type { Table } from '../table/table.js';
import {
  loadPgmModel,
  measureGaussian,
  numberOption,
  plainPgmModel,
  startDpFit,
  requireUsefulBudget,
} from './mst/shared.js';
import { ProblemList } from '../errors.js';
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
 * Options: `bins` (default 32), `maxExactIntegers` (default 128), `iters` (default 200). δ defaults to 1e-9.
 *
 * The model's `synthesizer` is "independent"; its file is read back with `loadIndependentDP` (its params are a
 * graphical model — d singleton cliques — with the discretizers and the ledger).
 */
export async function fitIndependentDP(table: Table, schema: Schema, opts: FitOptions = {}): Promise<Model> {
  const p = new ProblemList();
  const iters = numberOption(
    opts.options ?? {},
    'iters',
    200,
    (v) => Number.isInteger(v) && v >= 1,
    'a whole number ≥ 1',
    p,
  );
  p.throwIfAny('independent (DP): invalid options:', 'usage');
  const {
    table: data,
    schema: fitSchema,
    ledger,
    rng,
    enc,
    rho,
  } = startDpFit(table, schema, opts, 'independent (DP)');
  const d = enc.sizes.length;
  requireUsefulBudget(ledger, 'each 1-way marginal', d, 1);
  const ms: Measurement[] = [];
  for (let a = 0; a < d; a++) ms.push(measureGaussian(enc, [a], rho / d, ledger, rng));
  const { model } = estimateModel(enc.sizes, ms, { iters });
  return plainPgmModel('independent', data, fitSchema, enc, model, ledger);
}

/** Rebuild a DP `independent` model from its file (validated; LookalikeError listing every problem). */
export function loadIndependentDP(file: ModelFile): Model {
  return loadPgmModel(file, 'independent');
}
