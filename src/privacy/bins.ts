import { LookalikeError } from '../errors.js';
import type { SecureRng } from '../random/secure.js';
import type { PrivacyLedger } from './ledger.js';
import { gaussianMechanism } from './mechanisms.js';

/**
 * Adaptive DP discretisation (issue 10): bins that follow the data, paid from the budget.
 *
 * A numeric column with public (or DP) bounds [min, max] gets a **fine histogram** over `fine` equal-width cells of
 * [min, max] (data-independent edges), measured with the discrete Gaussian mechanism (σ² = 1/(2ρ); a row changes one
 * cell by 1, so L2 sensitivity 1; values outside the bounds are clipped into the end cells, missing values are not
 * counted). Everything after is post-processing of the noisy counts: the counts are clipped at 0 and the fine cells
 * are merged, left to right, into `bins` bins of roughly equal noisy mass; each bin keeps the clipped noisy counts
 * of its fine cells as weights, so a value decoded in a bin is drawn from the fine histogram (a fine cell by
 * weight, then uniformly within it) rather than uniformly over the bin.
 *
 * Guarantee: ρ-zCDP under add/remove-one-row neighbours (ledger query "bins:histogram", mechanism
 * "discrete-gaussian"); no δ (the fine cells are fixed in advance). Runtime O(n + fine).
 */
export interface AdaptiveBins {
  /** Bin edges (strictly increasing; first = min, last = max), at fine-cell edges. */
  readonly edges: number[];
  /** Edges of the fine cells (fine + 1 values, equal width). */
  readonly fineEdges: number[];
  /** Clipped noisy count of every fine cell (≥ 0): the weights used within a bin. */
  readonly fineWeights: number[];
  /** The noisy total (Σ of the noisy fine counts), an estimate of the present values. */
  readonly total: number;
}

export interface AdaptiveBinsOptions {
  /** zCDP cost of the fine histogram. */
  readonly rho: number;
  /** Fine cells (default 256). */
  readonly fine?: number;
  /**
   * Target number of bins (≥ 1; fewer when the noisy mass sits in fewer fine cells), or a function of the noisy total
   * (post-processing: the bins may adapt to the estimated size of the table).
   */
  readonly bins: number | ((noisyTotal: number) => number);
  readonly min: number;
  readonly max: number;
}

/** The fine cell of x among `fine` equal-width cells of [min, max] (clipped to the end cells). */
function cellOf(x: number, min: number, max: number, fine: number): number {
  const k = Math.floor(((x - min) / (max - min)) * fine);
  return k < 0 ? 0 : k >= fine ? fine - 1 : k;
}

/** The fine histogram's counts (exact, private). Exported for the audit test. */
export function fineCounts(values: Float64Array, min: number, max: number, fine: number): Float64Array {
  const c = new Float64Array(fine);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) c[cellOf(v, min, max, fine)]++;
  }
  return c;
}

/**
 * Release adaptive bins for one column (see the module comment). Throws a LookalikeError (kind 'internal') for
 * invalid options; kind 'privacy' when the ledger cannot pay.
 */
export function releaseAdaptiveBins(
  values: Float64Array,
  column: string,
  opts: AdaptiveBinsOptions,
  ledger: PrivacyLedger,
  rng: SecureRng,
): AdaptiveBins {
  const fine = opts.fine ?? 256;
  const { min, max } = opts;
  if (!(max > min) || !Number.isInteger(fine) || fine < 1)
    throw new LookalikeError(
      'releaseAdaptiveBins: need max > min and a whole number of fine cells ≥ 1',
      [],
      'internal',
    );
  const noisy = gaussianMechanism(
    fineCounts(values, min, max, fine),
    { rho: opts.rho },
    ledger,
    { query: 'bins:histogram', columns: [column] },
    rng,
  );
  let total = 0;
  for (let k = 0; k < fine; k++) total += noisy.values[k];
  const b = typeof opts.bins === 'function' ? opts.bins(total) : opts.bins;
  return binsFromNoisyCounts(noisy.values, min, max, Math.max(1, Math.floor(b)));
}

/**
 * Post-processing: fine equal-width cells of [min, max] with noisy counts → bins of roughly equal clipped mass
 * (a cut after the fine cell where the running mass first reaches j·total/bins). Cells with no mass next to a
 * cut stay with the bin before; a histogram with no mass gives equal-width bins.
 */
export function binsFromNoisyCounts(
  noisy: ArrayLike<number>,
  min: number,
  max: number,
  bins: number,
): AdaptiveBins {
  const fine = noisy.length;
  const fineEdges = new Array<number>(fine + 1);
  for (let k = 0; k <= fine; k++) fineEdges[k] = min + ((max - min) * k) / fine;
  fineEdges[fine] = max;
  const w = Array.from(noisy, (x) => Math.max(0, x));
  let total = 0;
  for (let k = 0; k < fine; k++) total += noisy[k];
  const mass = w.reduce((a, b) => a + b, 0);
  const cuts: number[] = [0];
  if (mass > 0) {
    let run = 0;
    let j = 1;
    for (let k = 0; k < fine - 1 && j < bins; k++) {
      run += w[k];
      if (run >= (j * mass) / bins) {
        cuts.push(k + 1);
        while (j < bins && run >= (j * mass) / bins) j++;
      }
    }
  } else {
    const step = fine / Math.min(bins, fine);
    for (let j = 1; j < Math.min(bins, fine); j++) cuts.push(Math.round(j * step));
  }
  cuts.push(fine);
  const edges = [...new Set(cuts)].sort((a, b) => a - b).map((k) => fineEdges[k]);
  return { edges, fineEdges, fineWeights: w, total };
}
