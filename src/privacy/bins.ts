import { LookalikeError } from '../errors.js';
import type { SecureRng } from '../random/secure.js';
import type { PrivacyLedger } from './ledger.js';
import { gaussianMechanism } from './mechanisms.js';

/**
 * Adaptive DP discretisation (issue 10): bins that follow the data, paid from the budget.
 *
 * **The public grid** (`publicGrid`, a function of the declared bounds and integer flag only): the union of
 * `cells`/2 equal-width cells of [min, max] and `cells`/2 cells equal-width in asinh(x/s), s = (max − min)/2048 — a
 * log-spaced grid on both sides of 0, so a skewed non-negative amount such as a payment in [0, 873 552] whose
 * mass sits below 10 000 gets cells ~4 % of their value wide there instead of 873 552/256 = 3 412 — plus **point
 * cells** for the values where real tables pile up: the bounds and 0 (inside the bounds). A point cell of a
 * fractional column is a repeated edge (v, v): it holds exactly the value v and decodes to v; in an integer column
 * the edges sit at half-integers and a point cell is [v − ½, v + ½). Cells narrower than one integer are merged.
 *
 * **The measurement** (two fixed histograms, adaptively composed only in the ledger's sense of adding ρ): the
 * counts of the grid's cells (`leaves`) and of consecutive blocks of `branching` cells (`blocks`), each by the
 * discrete Gaussian mechanism (a row changes one count by 1 in each: L2 sensitivity 1 each), values outside the
 * bounds clipped into the end cells, missing values not counted. ρ is split `blockShare` : 1 − `blockShare`.
 *
 * **Post-processing** (no further access to the rows): a block whose noisy count is below `threshold`·σ_block
 * is empty (its cells weigh 0 — this removes the noise of the many empty cells of a skewed column); in the other
 * blocks the cells' noisy counts are clipped at 0 and below `threshold`·σ_cell set to 0, then scaled to sum to the
 * block's noisy count (spread evenly when none is left). The cells are then merged, left to right, into bins of
 * roughly equal weight; each bin keeps the weights of its cells, so a value decoded in a bin is drawn from the fine
 * histogram (a cell by weight, then uniformly within it) rather than uniformly over the bin.
 *
 * Guarantee: ρ-zCDP under add/remove-one-row neighbours (ledger queries "bins:blocks" and "bins:cells", mechanism
 * "discrete-gaussian", ρ·blockShare and ρ·(1 − blockShare)); no δ (the grid is fixed in advance). Runtime
 * O(n log cells + cells).
 */
export interface AdaptiveBins {
  /** Bin edges (strictly increasing; first = min, last = max), at fine-cell edges. */
  readonly edges: number[];
  /** Edges of the fine cells (cells + 1 values, non-decreasing; a repeated value is a point cell). */
  readonly fineEdges: number[];
  /** Estimated count of every fine cell (≥ 0): the weights used within a bin. */
  readonly fineWeights: number[];
  /** The noisy total (Σ of the blocks' noisy counts), an estimate of the present values. */
  readonly total: number;
}

export interface AdaptiveBinsOptions {
  /** zCDP cost of the two histograms together. */
  readonly rho: number;
  /** Cells of the public grid before merging and point cells (default 256). */
  readonly fine?: number;
  /** Whether the column holds integers (grid edges at half-integers; default false). */
  readonly integer?: boolean;
  /** Cells per block (default 16). */
  readonly branching?: number;
  /** Share of ρ for the block histogram (default 0.5). */
  readonly blockShare?: number;
  /** Noisy counts below threshold·σ are taken as empty (default 1.5). */
  readonly threshold?: number;
  /**
   * Target number of bins (≥ 1; fewer when the weight sits in fewer cells), or a function of the noisy total
   * (post-processing: the bins may adapt to the estimated size of the table).
   */
  readonly bins: number | ((noisyTotal: number) => number);
  readonly min: number;
  readonly max: number;
}

/**
 * The public fine grid of a column with bounds [min, max] (see the module comment): non-decreasing edges, first
 * min, last max; a value repeated twice is a point cell. Depends on its arguments only.
 */
export function publicGrid(min: number, max: number, integer: boolean, cells = 256): number[] {
  if (!(max > min)) return [min, max];
  const half = Math.max(1, Math.floor(cells / 2));
  const span = max - min;
  const s = span / 2048;
  const t0 = Math.asinh(min / s);
  const t1 = Math.asinh(max / s);
  const raw: number[] = [];
  for (let k = 1; k < half; k++) {
    raw.push(min + (span * k) / half);
    raw.push(s * Math.sinh(t0 + ((t1 - t0) * k) / half));
  }
  const points = [min, max];
  if (min < 0 && max > 0) points.push(0);
  if (integer) {
    const lo = Math.ceil(min),
      hi = Math.floor(max);
    if (hi - lo < 1) return [min, max];
    // half-integer edges; each point value v gets the cell [v − ½, v + ½)
    const set = new Set<number>();
    for (const x of raw) {
      const e = Math.floor(x) + 0.5;
      if (e > lo && e < hi) set.add(e);
    }
    for (const v of points) {
      const r = Math.round(v);
      if (r - 0.5 > lo && r - 0.5 < hi) set.add(r - 0.5);
      if (r + 0.5 > lo && r + 0.5 < hi) set.add(r + 0.5);
    }
    return [min, ...[...set].sort((a, b) => a - b), max];
  }
  const inner = [...new Set(raw.filter((x) => x > min && x < max && x !== 0))].sort((a, b) => a - b);
  const out = [min, min];
  for (const x of inner) {
    if (min < 0 && max > 0 && out[out.length - 1] < 0 && x > 0) out.push(0, 0);
    out.push(x);
  }
  if (min < 0 && max > 0 && !out.includes(0)) out.push(0, 0);
  out.push(max, max);
  return out;
}

/** The fine cell of x (values outside [edges[0], edges[last]] clipped to the end cells; a point cell holds its value). */
export function cellOf(x: number, edges: readonly number[]): number {
  const cells = edges.length - 1;
  // largest k ≤ cells − 1 with edges[k] ≤ x
  let lo = 0,
    hi = cells;
  if (!(x >= edges[0])) return 0;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= x) lo = mid;
    else hi = mid;
  }
  // x equal to a repeated edge: the point cell (the first cell starting at x whose end is x too)
  while (lo > 0 && edges[lo - 1] === x && edges[lo] === x) lo--;
  return lo;
}

/** The fine histogram's counts over `edges` (exact, private). Exported for the audit test. */
export function fineCounts(values: Float64Array, edges: readonly number[]): Float64Array {
  const c = new Float64Array(edges.length - 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) c[cellOf(v, edges)]++;
  }
  return c;
}

/** Counts of consecutive blocks of `branching` cells. */
function blockCounts(cells: ArrayLike<number>, branching: number): Float64Array {
  const out = new Float64Array(Math.ceil(cells.length / branching));
  for (let k = 0; k < cells.length; k++) out[Math.floor(k / branching)] += cells[k];
  return out;
}

/** The two noisy histograms of the module comment (charged to the ledger). Exported for the audit test. */
export function measureGrid(
  values: Float64Array,
  column: string,
  edges: readonly number[],
  opts: { readonly rho: number; readonly branching: number; readonly blockShare: number },
  ledger: PrivacyLedger,
  rng: SecureRng,
): { blocks: Float64Array; blockScale: number; cells: Float64Array; cellScale: number } {
  const exact = fineCounts(values, edges);
  const blocks = gaussianMechanism(
    blockCounts(exact, opts.branching),
    { rho: opts.rho * opts.blockShare },
    ledger,
    { query: 'bins:blocks', columns: [column] },
    rng,
  );
  const cells = gaussianMechanism(
    exact,
    { rho: opts.rho * (1 - opts.blockShare) },
    ledger,
    { query: 'bins:cells', columns: [column] },
    rng,
  );
  return { blocks: blocks.values, blockScale: blocks.scale, cells: cells.values, cellScale: cells.scale };
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
  const branching = opts.branching ?? 16;
  const share = opts.blockShare ?? 0.5;
  const { min, max } = opts;
  if (
    !(max > min) ||
    !Number.isInteger(fine) ||
    fine < 2 ||
    !Number.isInteger(branching) ||
    branching < 1 ||
    !(share > 0 && share < 1)
  )
    throw new LookalikeError(
      'releaseAdaptiveBins: need max > min, a whole number of fine cells ≥ 2, a whole branching ≥ 1 and a block share in (0, 1)',
      [],
      'internal',
    );
  const edges = publicGrid(min, max, opts.integer ?? false, fine);
  const m = measureGrid(values, column, edges, { rho: opts.rho, branching, blockShare: share }, ledger, rng);
  const weights = treeWeights(m.blocks, m.blockScale, m.cells, m.cellScale, branching, opts.threshold);
  let total = 0;
  for (const b of m.blocks) total += b;
  const b = typeof opts.bins === 'function' ? opts.bins(total) : opts.bins;
  return binsFromWeights(edges, weights, total, Math.max(1, Math.floor(b)));
}

/**
 * Post-processing of the two noisy histograms into cell weights (see the module comment): blocks below
 * threshold·σ_block are empty; the clipped, thresholded cells of a block are scaled to its noisy count.
 */
export function treeWeights(
  blocks: ArrayLike<number>,
  blockScale: number,
  cells: ArrayLike<number>,
  cellScale: number,
  branching: number,
  threshold = 1.5,
): number[] {
  const w = new Array<number>(cells.length).fill(0);
  for (let j = 0; j < blocks.length; j++) {
    const est = blocks[j];
    if (!(est >= threshold * blockScale) || !(est > 0)) continue;
    const a = j * branching,
      b = Math.min(cells.length, a + branching);
    let sum = 0;
    for (let k = a; k < b; k++) {
      const y = cells[k];
      w[k] = y >= threshold * cellScale && y > 0 ? y : 0;
      sum += w[k];
    }
    if (sum > 0) for (let k = a; k < b; k++) w[k] *= est / sum;
    else for (let k = a; k < b; k++) w[k] = est / (b - a);
  }
  return w;
}

/**
 * Post-processing: fine cells with weights → bins of roughly equal weight (left to right, a bin is closed when it
 * holds the weight left divided by the bins left; a cell holding that much alone — a point mass — is a bin of its
 * own). Cells with no weight next to a cut stay with the bin before; no weight at all gives bins of equally many
 * cells. Edges are the distinct cell edges at the cuts (a point cell's two equal edges
 * give one bin edge).
 */
export function binsFromWeights(
  fineEdges: readonly number[],
  weights: readonly number[],
  total: number,
  bins: number,
): AdaptiveBins {
  const fine = weights.length;
  const w = weights.map((x) => Math.max(0, x));
  const mass = w.reduce((a, b) => a + b, 0);
  const cuts: number[] = [0];
  if (mass > 0) {
    // greedy, left to right, each bin aiming at the weight left over the bins left; a cell that alone holds that
    // much (a point mass) closes the bin before it and is a bin of its own
    let left = mass;
    let binsLeft = bins;
    let run = 0;
    for (let k = 0; k < fine - 1 && binsLeft > 1; k++) {
      if (run > 0 && w[k] >= left / binsLeft) {
        cuts.push(k);
        left -= run;
        run = 0;
        if (--binsLeft <= 1) break;
      }
      run += w[k];
      if (run > 0 && run >= left / binsLeft) {
        cuts.push(k + 1);
        left -= run;
        run = 0;
        binsLeft--;
      }
    }
  } else {
    const step = fine / Math.min(bins, fine);
    for (let j = 1; j < Math.min(bins, fine); j++) cuts.push(Math.round(j * step));
  }
  cuts.push(fine);
  // a cut right after a point cell {v} (edges v, v) lies just above v, so that the bin before holds v
  const at = (k: number) =>
    k > 0 && k < fine && fineEdges[k - 1] === fineEdges[k] ? nextUp(fineEdges[k]) : fineEdges[k];
  const edges = [...new Set(cuts.map(at))].sort((a, b) => a - b);
  return { edges, fineEdges: [...fineEdges], fineWeights: w, total };
}

/** The smallest double above x (x finite). */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, x);
  const bits = b.getBigUint64(0);
  b.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return b.getFloat64(0);
}
