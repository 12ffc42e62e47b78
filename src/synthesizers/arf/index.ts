import type { Column } from '../../table/column.js';
import type { ColumnSpec, Schema } from '../../table/schema.js';
import { Table } from '../../table/table.js';
import { AliasTable, Rng } from '../../random/rng.js';
import { LookalikeError, ProblemList } from '../../errors.js';
import {
  describeConditions,
  planConditions,
  rejectionTolerance,
  sampleGroups,
  type ColumnCondition,
} from '../conditions.js';
import type { FitOptions, Model, ModelFile, SampleOptions, Synthesizer } from '../types.js';
import {
  checkFitInput,
  checkSampleSize,
  idStyles,
  isRecord,
  modelEnvelope,
  modelledSpecs,
  roundDecimals,
  unmodelledColumn,
  type IdStyle,
} from '../common.js';
import { makeLearnData, type BinCodes, type BinnedData } from '../../learn/data.js';
import { allFeatures, growTree, leafIndex, type Tree } from '../../learn/tree.js';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { normalCdf } from '../transforms/index.js';
import { truncatedNormal } from '../gaussian-copula/conditional.js';
import { optionValues } from '../options.js';
import { defineSynthesizer } from '../registry.js';
import { ARF_MODEL_NOTE, arfInfo } from './info.js';

/**
 * `arf`: adversarial random forests (Watson, Blesch, Kapar & Wright 2023, "Adversarial random forests for density
 * estimation and generative modeling", AISTATS; the R package `arf` and Python `arfpy`), on the histogram tree
 * learner of `src/learn/`.
 *
 * Fit (ARF's `adversarial_rf`): the first synthetic table is the real one with every column shuffled on its own
 * (the product of the marginals). A random forest (bootstrap samples, √p features tried per split, Gini splits,
 * leaves of at least `minSamplesLeaf` rows) learns real versus synthetic; while its out-of-bag accuracy exceeds
 * 0.5 + `delta`, new synthetic rows are drawn from it — a tree at random, a leaf with probability ∝ its real rows,
 * then every column from a different real row of that leaf — and a new forest is grown, at most `maxIters` times.
 * With `earlyStop` the loop also ends as soon as a round does not lower the accuracy. The forest with the lowest
 * out-of-bag accuracy is kept. In its leaves the columns are (nearly) independent, so a leaf's density is the
 * product of per-column densities.
 *
 * Density (ARF's `forde`), per leaf of every tree, from the real rows that reach it: the leaf's coverage (its real
 * row count), and for each column — categories and booleans: their counts (missing included); numerics and
 * datetimes: the missing count, then with `numeric: 'normal'` (default) a normal with the mean and standard
 * deviation of the leaf's values truncated to the leaf's split box — the interval the thresholds on the tree path
 * allow, closed by the column's observed minimum / maximum on a side no split bounds (ARF's `truncnorm` with
 * `finite_bounds = "global"`; integer columns: the integers in the box, drawn on it widened by ½ and rounded), so a
 * leaf's values spread over its whole cell rather than the few values its rows hold — except that a value holding more than
 * `atomShare` of the leaf's values (and a leaf with a single distinct value) is a point mass — a zero capital gain
 * stays exactly zero; with `numeric: 'empirical'` the leaf's observed values and counts. With `poolRows` > 1 a leaf
 * of fewer real rows estimates each column from its nearest ancestor's rows within the leaf's bounds on that column
 * (`pooledRows`); its coverage stays its own. With `scores` a numeric column's leaf normals live on its
 * normal-scores scale z = Φ⁻¹(F(x)) (F: the piecewise-linear interpolation of the column's quantiles on a grid of
 * `SCORE_GRID` intervals, stored in the model): a leaf's values, box and spread are mapped to z and a draw is mapped
 * back through F⁻¹, so a leaf whose box spans a skewed column's long tail no longer floods the tail with a value-scale
 * normal's mass. With `alpha` > 0 a leaf's categories are smoothed towards its ancestors' (`smoothedCategorical`).
 * `spread` s > 0 then widens every such normal by a kernel of s on the z scale (sd² + s²) and its box
 * by 2s on each side (within ±Φ⁻¹(1 − 1e-4)): a kernel density over the leaf's cell rather than the cell itself.
 *
 * With `heavyShare` < 1 (and `scores`), a value held by more than that share of a column's rows is a point mass in
 * every leaf holding it and is cut out of every leaf normal's z range (`heavyBlocks`): on the normal-scores scale
 * such a value spans a wide z interval beside every other value, and the normals of the leaves around it spilled
 * into it (Adult's 40 hours a week: 53 % of the synthetic rows against 47 %).
 *
 * With `derived`, a column that is a function of a categorical or boolean column in the training rows (Adult's
 * education-num of education; `derivedColumns`) is left out of the forest and the leaves and computed from the
 * source's drawn value, so no leaf has to pin both to keep them consistent.
 *
 * Sampling (ARF's `forge`): a (tree, leaf) pair with probability ∝ coverage (a tree uniformly, then a leaf ∝ its
 * real rows), then each column independently from the leaf's density. Floats are rounded to the input's decimals.
 * With `balanced` the pairs are drawn by systematic sampling (one uniform offset, n equally spaced points on the
 * cumulative coverage, then shuffled): every leaf appears ⌊n·share⌋ or ⌈n·share⌉ times — the same model with less
 * sampling noise.
 *
 * Conditional sampling is native: the (tree, leaf) pair is drawn with probability ∝ coverage × Π P_leaf(condition)
 * — the leaf's probability of each conditioned value (of the allowed set for `oneOf`) — and the unconditioned
 * columns from that leaf. Because columns are independent within a leaf, this is the model's exact conditional for
 * categorical, boolean and integer conditions, with the cost of an unconditional sample — of the model with the
 * leaves' own statistics (`TreeParams.sharp`): where `alpha` or `independent` smooth a leaf, conditional draws use
 * its unsmoothed entries, so a condition on a rare category picks the leaves that hold it rather than every leaf
 * the smoothing lent some of its mass to (Adult, education = 5th-6th: conditional TV 0.069 → 0.042). A float or datetime
 * condition is matched within 1/100 of the column's range (its domain's, else the observed one), so it is
 * approximate in the same sense as rejection sampling; the cell is then written exactly.
 *
 * Guarantee: NOT differentially private. The model file stores per-leaf statistics of the training rows — counts,
 * means, ranges and recurring values; a leaf reached by a single real row stores that row's values. Keep it as
 * confidential as the data.
 *
 * Runtime: each round grows `nTrees` trees on 2n rows (O(nTrees · n · √p · depth)); rounds are few (the loop
 * usually stops after 1–3). Sampling O(n · p) after O(leaves) set-up. The fit is reproducible from
 * `FitOptions.seed`, sampling from `SampleOptions.seed`.
 */
export { ARF_MODEL_NOTE };

export interface ArfOptions {
  readonly nTrees?: number;
  readonly minSamplesLeaf?: number;
  readonly maxDepth?: number;
  readonly maxIters?: number;
  readonly delta?: number;
  readonly earlyStop?: boolean;
  readonly numeric?: 'normal' | 'empirical';
  readonly atomShare?: number;
  readonly maxBins?: number;
  readonly poolRows?: number;
  readonly balanced?: boolean;
  readonly scores?: boolean;
  readonly spread?: number;
  readonly independent?: number;
  readonly alpha?: number;
  readonly derived?: boolean;
  readonly heavyShare?: number;
}

type Kind = 'numeric' | 'datetime' | 'categorical' | 'boolean';

interface ColumnParams {
  name: string;
  kind: Kind;
  integer?: boolean;
  format?: string;
  categories?: string[];
  /** numeric / datetime: observed range (the scale of a float condition's tolerance when there is no domain). */
  min?: number;
  max?: number;
  /**
   * numeric / datetime with `scores`: the column's quantiles at 0, 1/G, …, 1; a leaf's normal (mean, sd, box) is
   * then on the normal-scores scale z = Φ⁻¹(F(x)), F the piecewise-linear interpolation of these quantiles.
   */
  grid?: number[];
  /**
   * With `scores` and `heavyShare` < 1: the values held by more than that share of the column's present rows,
   * increasing. In every leaf they are point masses (any count), and the leaf's normal never draws them (its z
   * range minus theirs, `heavyBlocks`).
   */
  heavy?: number[];
  /** With `independent`: the column is drawn from its marginal in every leaf (set at fit time only). */
  marginal?: boolean;
  /**
   * With `derived`: the column is a function of the categorical or boolean column `from` (its index in `columns`)
   * and is not modelled — its value is `map[code]` of the source's drawn code (`map[K]`: the source missing).
   * Categorical / boolean: a code (-1 missing); numeric / datetime: a value (null missing). Its leaf entries are
   * empty.
   */
  from?: number;
  map?: (number | null)[];
}

/**
 * One tree's leaves (those reached by real rows). `count[l]`: real rows in leaf l. `leaves[l][j]`: column j's
 * statistics in leaf l, flat —
 * categorical / boolean: `[missing, code, count, code, count, …]`;
 * numeric / datetime: `[missing, nNormal, mean, sd, lo, hi, value, count, value, count, …]` (`nNormal` rows drawn
 * from the truncated normal, the pairs are point masses).
 */
interface TreeParams {
  count: number[];
  leaves: number[][][];
  /**
   * With `alpha` or `independent`: per leaf and column the leaf's own statistics where `leaves` holds smoothed
   * ones (an empty list where they are the same). Conditional sampling draws from these: a condition on a rare
   * category picks the leaves that hold it, not the ones the smoothing lent it to.
   */
  sharp?: number[][][];
}

interface Params {
  ids: Record<string, IdStyle>;
  columns: ColumnParams[];
  /** Out-of-bag accuracy of the forest of each round (the model keeps the lowest). */
  accuracy: number[];
  trees: TreeParams[];
  /** Leaves drawn by systematic sampling (each leaf ⌊n·share⌋ or ⌈n·share⌉ times, rows shuffled). */
  balanced?: boolean;
}

const NUM_HEAD = 6;

function isNumericKind(k: Kind): boolean {
  return k === 'numeric' || k === 'datetime';
}

/** Category codes of a categorical or boolean column (-1 missing) and the number of categories. */
function columnCodes(col: Column): { codes: Int32Array; K: number } {
  if (col.kind === 'categorical') return { codes: col.codes, K: col.categories.length };
  return { codes: Int32Array.from((col as { values: Int8Array }).values), K: 2 };
}

/** A forest of one round, with the leaves of the real rows per tree (leaf ids compacted to 0..nLeaves-1). */
interface Forest {
  trees: Tree[];
  acc: number;
  /** Per tree: leaf of every real row, rows grouped by leaf (`byLeaf` from `start[l]` to `start[l + 1]`). */
  leafOf: Int32Array[];
  start: Int32Array[];
  byLeaf: Int32Array[];
}

interface GrowSettings {
  nTrees: number;
  minSamplesLeaf: number;
  maxDepth: number;
  maxFeatures: number;
}

/**
 * Grow a classification forest on `comb` (real rows 0..n-1 labelled 1, synthetic rows n..2n-1 labelled 0):
 * bootstrap samples, out-of-bag accuracy (a row's vote is the mean of its out-of-bag trees' leaf shares; a tie
 * counts half).
 */
function growForest(
  data: BinnedData,
  comb: readonly BinCodes[],
  labels: Int32Array,
  n: number,
  g: GrowSettings,
  rng: Rng,
): Forest {
  const N = 2 * n;
  const { binning } = data;
  const mb = binning.missingBin;
  const votes = new Float64Array(N);
  const nVotes = new Int32Array(N);
  const inBag = new Uint8Array(N);
  const rows = new Int32Array(N);
  const trees: Tree[] = [];
  const leafOf: Int32Array[] = [];
  const starts: Int32Array[] = [];
  const byLeafs: Int32Array[] = [];
  const features = allFeatures(binning.features.length);
  for (let t = 0; t < g.nTrees; t++) {
    inBag.fill(0);
    for (let i = 0; i < N; i++) {
      const r = rng.int(N);
      rows[i] = r;
      inBag[r] = 1;
    }
    const { tree } = growTree(
      binning,
      comb,
      N,
      rows,
      { mode: 'class', K: 2, labels, weight: null },
      {
        maxDepth: g.maxDepth,
        minSamplesLeaf: g.minSamplesLeaf,
        minHessian: 0,
        l2: 0,
        catSmooth: 0,
        features,
        maxFeatures: g.maxFeatures,
        rng,
        untilValid: true,
      },
    );
    trees.push(tree);
    for (let r = 0; r < N; r++) {
      if (inBag[r]) continue;
      const node = leafIndex(tree, comb, mb, r);
      votes[r] += tree.value[node * 2 + 1];
      nVotes[r]++;
    }
    // leaves of the real rows, compacted, and the rows grouped by leaf (counting sort)
    const nNodes = tree.feature.length;
    const compact = new Int32Array(nNodes).fill(-1);
    let nLeaves = 0;
    for (let v = 0; v < nNodes; v++) if (tree.feature[v] < 0) compact[v] = nLeaves++;
    const lf = new Int32Array(n);
    for (let r = 0; r < n; r++) lf[r] = compact[leafIndex(tree, comb, mb, r)];
    const start = new Int32Array(nLeaves + 1);
    for (let r = 0; r < n; r++) start[lf[r] + 1]++;
    for (let l = 0; l < nLeaves; l++) start[l + 1] += start[l];
    const pos = start.slice(0, nLeaves);
    const byLeaf = new Int32Array(n);
    for (let r = 0; r < n; r++) byLeaf[pos[lf[r]]++] = r;
    leafOf.push(lf);
    starts.push(start);
    byLeafs.push(byLeaf);
  }
  let right = 0;
  let counted = 0;
  for (let r = 0; r < N; r++) {
    if (nVotes[r] === 0) continue;
    counted++;
    const p = votes[r] / nVotes[r];
    const isReal = labels[r] === 1;
    if (p === 0.5) right += 0.5;
    else if (p > 0.5 === isReal) right++;
  }
  return { trees, acc: counted ? right / counted : 1, leafOf, start: starts, byLeaf: byLeafs };
}

/** New synthetic rows from a forest: per row a tree, a leaf ∝ real rows, each column from a random real row of it. */
function regenerate(f: Forest, n: number, synthIdx: Int32Array[], rng: Rng): void {
  const T = f.trees.length;
  for (let i = 0; i < n; i++) {
    const t = rng.int(T);
    const l = f.leafOf[t][rng.int(n)];
    const s = f.start[t][l];
    const size = f.start[t][l + 1] - s;
    const byLeaf = f.byLeaf[t];
    for (let j = 0; j < synthIdx.length; j++) synthIdx[j][i] = byLeaf[s + rng.int(size)];
  }
}

/** Quantiles at i/G (i = 0..G) of the present values (linear between order statistics). */
function quantileGrid(values: Float64Array, G: number): number[] {
  const v = Float64Array.from(values.filter((x) => !Number.isNaN(x))).sort();
  const m = v.length;
  const out: number[] = [];
  for (let i = 0; i <= G; i++) {
    const t = (i / G) * (m - 1);
    const k = Math.floor(t);
    out.push(k + 1 < m ? v[k] + (t - k) * (v[k + 1] - v[k]) : v[m - 1]);
  }
  return out;
}

/** The probability scale's clamp: z stays within Φ⁻¹(1e-4) ≈ ±3.7. */
const U_EPS = 1e-4;

/** z = Φ⁻¹(F(x)), F: piecewise linear through (grid[i], i/G); a value tied over grid points takes their middle. */
function toScore(grid: readonly number[], x: number): number {
  const G = grid.length - 1;
  let u: number;
  if (x <= grid[0]) u = 0;
  else if (x >= grid[G]) u = 1;
  else {
    let lo = 0;
    let hi = G;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (grid[mid] <= x) lo = mid;
      else hi = mid;
    }
    // grid[lo] ≤ x < grid[hi]
    if (grid[lo] === x) {
      let a = lo;
      while (a > 0 && grid[a - 1] === x) a--;
      u = (a + lo) / 2 / G;
    } else u = (lo + (x - grid[lo]) / (grid[hi] - grid[lo])) / G;
  }
  return normalQuantile(Math.min(1 - U_EPS, Math.max(U_EPS, u)), 0, 1);
}

/** Normal-scores statistics are stored to 1/Z_ROUND. */
const Z_ROUND = 1e5;

/** x = F⁻¹(Φ(z)) (see `toScore`). */
function fromScore(grid: readonly number[], z: number): number {
  const G = grid.length - 1;
  const t = normalCdf(z) * G;
  const i = Math.min(G - 1, Math.max(0, Math.floor(t)));
  return grid[i] + Math.min(1, Math.max(0, t - i)) * (grid[i + 1] - grid[i]);
}

/** Per-leaf statistics of a numeric column from the values of the leaf's real rows (see `TreeParams`). */
function numericStats(
  vals: number[],
  missing: number,
  mode: 'normal' | 'empirical',
  atomShare: number,
  box: readonly [number, number],
  score?: {
    grid: readonly number[];
    integer: boolean;
    spread: number;
    heavy: ReadonlySet<number>;
  },
): number[] {
  vals.sort((a, b) => a - b);
  const v: number[] = [];
  const c: number[] = [];
  for (const x of vals) {
    if (v.length && v[v.length - 1] === x) c[c.length - 1]++;
    else {
      v.push(x);
      c.push(1);
    }
  }
  if (mode === 'empirical' || v.length === 0) {
    const out = [missing, 0, 0, 0, 0, 0];
    for (let k = 0; k < v.length; k++) out.push(v[k], c[k]);
    return out;
  }
  // a point mass needs a value held by at least two rows: one row's value is never kept exactly
  const m = vals.length;
  // a heavy value (common in the whole column) is a point mass at any count
  const isAtom = (k: number) => (c[k] >= 2 && c[k] > atomShare * m) || !!score?.heavy.has(v[k]);
  const atoms: number[] = [];
  let rest = 0;
  let s = 0;
  let lo = Infinity;
  let hi = -Infinity;
  let nd = 0;
  for (let k = 0; k < v.length; k++) {
    if (isAtom(k)) atoms.push(v[k], c[k]);
    else {
      rest += c[k];
      s += v[k] * c[k];
      nd++;
      if (v[k] < lo) lo = v[k];
      if (v[k] > hi) hi = v[k];
    }
  }
  // truncate to the leaf's split box (it holds every value of the leaf, so it is never narrower than [lo, hi])
  const a = Math.min(lo, box[0]);
  const b = Math.max(hi, box[1]);
  if (nd === 0 || (nd === 1 && !(b > a))) {
    // only recurring values, or one value in a box that holds nothing else: point masses
    const out = [missing, 0, 0, 0, 0, 0];
    for (let k = 0; k < v.length; k++) out.push(v[k], c[k]);
    return out;
  }
  if (score) {
    // the normal on the normal-scores scale: values, box (integers: widened by ½) and spread all as z
    const { grid, integer, spread } = score;
    // (stored to 1e-5: the box rounded outwards, the mean kept inside it)
    const zMax = normalQuantile(1 - U_EPS, 0, 1);
    const za0 = Math.max(-zMax, toScore(grid, a - (integer ? 0.5 : 0)) - 2 * spread);
    const zb0 = Math.min(zMax, toScore(grid, b + (integer ? 0.5 : 0)) + 2 * spread);
    const za = Math.floor(za0 * Z_ROUND) / Z_ROUND;
    const zb = Math.ceil(zb0 * Z_ROUND) / Z_ROUND;
    if (!(zb > za)) {
      // the box lies beyond the scale's clamp: the values as point masses
      const out = [missing, 0, 0, 0, 0, 0];
      for (let k = 0; k < v.length; k++) out.push(v[k], c[k]);
      return out;
    }
    let zs = 0;
    for (let k = 0; k < v.length; k++) if (!isAtom(k)) zs += c[k] * toScore(grid, v[k]);
    const zm = Math.min(zb, Math.max(za, Math.round((zs / rest) * Z_ROUND) / Z_ROUND));
    let zsd: number;
    if (nd === 1) zsd = (zb - za) / 2;
    else {
      let ss = 0;
      for (let k = 0; k < v.length; k++) if (!isAtom(k)) ss += c[k] * (toScore(grid, v[k]) - zm) ** 2;
      zsd = Math.sqrt(ss / (rest - 1));
    }
    zsd = Math.max(Math.round(Math.hypot(zsd, spread) * Z_ROUND) / Z_ROUND, 1 / Z_ROUND);
    return [missing, rest, zm, zsd, za, zb, ...atoms];
  }
  const mean = s / rest;
  let sd: number;
  if (nd === 1) {
    // one value and no spread to estimate: a normal around it as wide as half the box
    sd = (b - a) / 2;
  } else {
    let ss = 0;
    for (let k = 0; k < v.length; k++) if (!isAtom(k)) ss += c[k] * (v[k] - mean) ** 2;
    sd = Math.sqrt(ss / (rest - 1));
  }
  return [missing, rest, mean, sd, a, b, ...atoms];
}

/**
 * The split box of every leaf of a tree for numeric feature j: `lo[leaf] < x ≤ hi[leaf]` in value units, from the
 * thresholds on the path from the root; a side no split bounds is the column's observed minimum / maximum (ARF's
 * `finite_bounds = "global"`). Integer columns: the integers inside the box (lo rounded up, hi down). Indexed by
 * compacted leaf id (leaves in node order, as `growForest` numbers them).
 */
function leafBoxes(
  tree: Tree,
  j: number,
  edges: Float64Array,
  c: ColumnParams,
): { lo: Float64Array; hi: Float64Array } {
  const nNodes = tree.feature.length;
  let nLeaves = 0;
  const compact = new Int32Array(nNodes).fill(-1);
  for (let v = 0; v < nNodes; v++) if (tree.feature[v] < 0) compact[v] = nLeaves++;
  const lo = new Float64Array(nLeaves);
  const hi = new Float64Array(nLeaves);
  // bin thresholds: the node's rows of feature j have lowT < bin ≤ highT
  const lowT = new Int32Array(nNodes);
  const highT = new Int32Array(nNodes);
  lowT[0] = -1;
  highT[0] = edges.length;
  const stack = [0];
  while (stack.length) {
    const v = stack.pop()!;
    if (tree.feature[v] < 0) {
      const l = compact[v];
      let a = lowT[v] >= 0 ? edges[lowT[v]] : c.min!;
      let b = highT[v] < edges.length ? edges[highT[v]] : c.max!;
      if (c.integer) {
        a = lowT[v] >= 0 ? Math.floor(a) + 1 : a;
        b = Math.floor(b);
      }
      lo[l] = a;
      hi[l] = b;
      continue;
    }
    const L = tree.left[v];
    const R = tree.right[v];
    lowT[L] = lowT[R] = lowT[v];
    highT[L] = highT[R] = highT[v];
    if (tree.feature[v] === j && tree.catStart[v] < 0) {
      const t = tree.threshold[v];
      highT[L] = Math.min(highT[v], t);
      lowT[R] = Math.max(lowT[v], t);
    }
    stack.push(L, R);
  }
  return { lo, hi };
}

/**
 * The real rows each leaf's column densities are estimated from. A leaf holding at least `poolRows` real rows uses
 * its own rows for every column. A smaller leaf borrows from its nearest ancestor holding at least `poolRows` real
 * rows (the root if none): for column j, the ancestor's real rows that satisfy every split on column j between the
 * ancestor and the leaf — the rows of the leaf's own cell on column j, relaxed on the other columns. Their values of
 * column j therefore lie in the leaf's split box (numerics) or among the categories the leaf's path allows.
 * Returns, per compacted leaf, per column, a list of row indices (shared when no split below the ancestor uses j).
 */
function pooledRows(
  tree: Tree,
  start: Int32Array,
  byLeaf: Int32Array,
  codes: readonly BinCodes[],
  missingBin: Int32Array,
  p: number,
  poolRows: number,
): Int32Array[][] {
  const nNodes = tree.feature.length;
  const nLeaves = start.length - 1;
  const compact = new Int32Array(nNodes).fill(-1);
  const nodeOf = new Int32Array(nLeaves);
  let nl = 0;
  for (let v = 0; v < nNodes; v++)
    if (tree.feature[v] < 0) {
      nodeOf[nl] = v;
      compact[v] = nl++;
    }
  const parent = new Int32Array(nNodes).fill(-1);
  const order: number[] = [];
  const stack = [0];
  while (stack.length) {
    const v = stack.pop()!;
    order.push(v);
    if (tree.feature[v] >= 0) {
      parent[tree.left[v]] = v;
      parent[tree.right[v]] = v;
      stack.push(tree.left[v], tree.right[v]);
    }
  }
  const real = new Int32Array(nNodes);
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k];
    if (tree.feature[v] < 0) real[v] = start[compact[v] + 1] - start[compact[v]];
    if (v !== 0) real[parent[v]] += real[v];
  }
  const goesLeft = (u: number, r: number): boolean => {
    const f = tree.feature[u];
    const b = codes[f][r];
    const cs = tree.catStart[u];
    if (cs >= 0) return tree.catMask[cs + b] === 1;
    if (b === missingBin[f]) return tree.defaultLeft[u] === 1;
    return b <= tree.threshold[u];
  };
  const out: Int32Array[][] = [];
  for (let l = 0; l < nLeaves; l++) {
    const own = byLeaf.subarray(start[l], start[l + 1]);
    if (own.length === 0 || own.length >= poolRows) {
      out.push(new Array<Int32Array>(p).fill(own));
      continue;
    }
    const path = [nodeOf[l]];
    let a = nodeOf[l];
    while (real[a] < poolRows && a !== 0) {
      a = parent[a];
      path.push(a);
    }
    const rows: number[] = [];
    const st = [a];
    while (st.length) {
      const v = st.pop()!;
      if (tree.feature[v] < 0) {
        const c = compact[v];
        for (let i = start[c]; i < start[c + 1]; i++) rows.push(byLeaf[i]);
      } else st.push(tree.left[v], tree.right[v]);
    }
    const all = Int32Array.from(rows);
    const perCol: Int32Array[] = [];
    for (let j = 0; j < p; j++) {
      const checks: [number, boolean][] = [];
      for (let i = 1; i < path.length; i++)
        if (tree.feature[path[i]] === j) checks.push([path[i], tree.left[path[i]] === path[i - 1]]);
      if (checks.length === 0) perCol.push(all);
      else perCol.push(all.filter((r) => checks.every(([u, left]) => goesLeft(u, r) === left)));
    }
    out.push(perCol);
  }
  return out;
}

/** Intervals of a numeric column's quantile grid with `scores`. */
const SCORE_GRID = 512;

/**
 * Cramér's V of binned column j with every other column (numerics in 16 bins of their bin codes, missing a bin of
 * its own); returns the largest. Bins are the learner's quantile bins, so 16 groups of about equal mass.
 */
function maxCramersV(data: BinnedData, j: number, n: number): number {
  const { binning, codes } = data;
  const group = (f: number) => {
    const nb = binning.nBins[f];
    const numeric = binning.features[f].kind === 'numeric';
    const G = numeric ? Math.min(16, nb) : nb;
    const mb = binning.missingBin[f];
    const c = codes[f];
    const out = new Int32Array(n);
    for (let r = 0; r < n; r++)
      out[r] = !numeric ? c[r] : c[r] === mb ? G - 1 : Math.min(G - 2, Math.floor((c[r] * (G - 1)) / mb));
    return { g: out, G: Math.max(G, 1) };
  };
  const a = group(j);
  let best = 0;
  for (let f = 0; f < codes.length; f++) {
    if (f === j) continue;
    const b = group(f);
    const tab = new Float64Array(a.G * b.G);
    const ra = new Float64Array(a.G);
    const rb = new Float64Array(b.G);
    for (let r = 0; r < n; r++) {
      tab[a.g[r] * b.G + b.g[r]]++;
      ra[a.g[r]]++;
      rb[b.g[r]]++;
    }
    let chi = 0;
    let ka = 0;
    let kb = 0;
    for (const x of ra) if (x > 0) ka++;
    for (const x of rb) if (x > 0) kb++;
    for (let x = 0; x < a.G; x++)
      for (let y = 0; y < b.G; y++) {
        const e = (ra[x] * rb[y]) / n;
        if (e > 0) chi += (tab[x * b.G + y] - e) ** 2 / e;
      }
    const k = Math.min(ka, kb) - 1;
    if (k > 0) best = Math.max(best, Math.sqrt(chi / (n * k)));
  }
  return best;
}

/** Rows per value a source of `derived` holds on average, at least. */
const DERIVED_SUPPORT = 20;

/**
 * `derived`: the columns that are a function of a categorical or boolean column in the training rows — every value
 * of the source (missing included) goes with a single value of the column (missing included), e.g. Adult's
 * education-num of education. The column is then computed from the source's drawn value instead of being modelled,
 * so no leaf has to pin both to keep them consistent. A source holds at least `DERIVED_SUPPORT` rows per value on
 * average (a column of mostly unique values would make every other column a function of it), a derived column
 * takes at least two values, a source is never derived and a derived column never a source; a column derivable from
 * several sources takes the first. Returns per column its source's index and map, or null.
 */
function derivedColumns(
  table: Table,
  cols: readonly ColumnParams[],
): ({ from: number; map: (number | null)[] } | null)[] {
  const n = table.nRows;
  const p = cols.length;
  const out: ({ from: number; map: (number | null)[] } | null)[] = new Array(p).fill(null);
  const src = cols.map((c) => {
    if (isNumericKind(c.kind)) return null;
    const { codes, K } = columnCodes(table.column(c.name));
    const seen = new Uint8Array(K + 1);
    let distinct = 0;
    for (let r = 0; r < n; r++) {
      const k = codes[r] < 0 ? K : codes[r];
      if (!seen[k]) {
        seen[k] = 1;
        distinct++;
      }
    }
    return distinct >= 2 && n >= DERIVED_SUPPORT * distinct ? { codes, K } : null;
  });
  // every column's values as numbers (categorical / boolean codes with -1 missing, numerics with NaN missing)
  const values = cols.map((c) => {
    const col = table.column(c.name);
    return isNumericKind(c.kind) ? (col as { values: Float64Array }).values : columnCodes(col).codes;
  });
  const isSource = new Uint8Array(p);
  for (let b = 0; b < p; b++) {
    if (isSource[b]) continue;
    const v = values[b];
    let twoValues = false;
    for (let r = 1; r < n && !twoValues; r++) if (!Object.is(v[r], v[0])) twoValues = true;
    if (!twoValues) continue;
    for (let a = 0; a < p; a++) {
      const s = src[a];
      if (a === b || !s || out[a]) continue;
      const map = new Float64Array(s.K + 1);
      const set = new Uint8Array(s.K + 1);
      let ok = true;
      for (let r = 0; r < n && ok; r++) {
        const k = s.codes[r] < 0 ? s.K : s.codes[r];
        if (!set[k]) {
          set[k] = 1;
          map[k] = v[r];
        } else if (!Object.is(map[k], v[r])) ok = false;
      }
      if (!ok) continue;
      const numeric = isNumericKind(cols[b].kind);
      out[b] = {
        from: a,
        map: Array.from(map, (x, k) => (!set[k] ? (numeric ? null : -1) : Number.isNaN(x) ? null : x)),
      };
      isSource[a] = 1;
      break;
    }
  }
  return out;
}

/** Parent of every node (-1 at the root) and the nodes in pre-order (a parent before its children). */
function treeOrder(tree: Tree): { parent: Int32Array; order: Int32Array } {
  const nNodes = tree.feature.length;
  const parent = new Int32Array(nNodes).fill(-1);
  const order = new Int32Array(nNodes);
  let at = 0;
  const stack = [0];
  while (stack.length) {
    const v = stack.pop()!;
    order[at++] = v;
    if (tree.feature[v] >= 0) {
      parent[tree.left[v]] = v;
      parent[tree.right[v]] = v;
      stack.push(tree.left[v], tree.right[v]);
    }
  }
  return { parent, order: order.subarray(0, at) };
}
/**
 * `alpha`: smoothed categorical leaf entries of column j (codes 0..K-1, -1 missing). Every node's distribution is
 * its real rows' counts plus `alpha` pseudo-rows from its parent's (smoothed) distribution restricted to the
 * categories the split into the node allows — a hierarchical Dirichlet back-off from the root's marginal to the
 * leaf: p_node(k) = (n_node(k) + alpha · p_parent(k | allowed)) / (n_node + alpha). A leaf of 3 rows with alpha 3
 * draws half its values from its ancestors. The entry stores p_leaf × rows × CAT_SCALE rounded (integers, so the
 * format and the sampler are unchanged), categories under one unit dropped.
 */
function smoothedCategorical(
  tree: Tree,
  start: Int32Array,
  byLeaf: Int32Array,
  codes: Int32Array,
  K: number,
  j: number,
  alpha: number,
): number[][] {
  const ord = treeOrder(tree);
  const nNodes = tree.feature.length;
  const W = K + 1;
  const cnt = new Float64Array(nNodes * W);
  const tot = new Float64Array(nNodes);
  const compact = new Int32Array(nNodes).fill(-1);
  let nl = 0;
  for (let v = 0; v < nNodes; v++) if (tree.feature[v] < 0) compact[v] = nl++;
  for (let v = 0; v < nNodes; v++) {
    const l = compact[v];
    if (l < 0) continue;
    for (let i = start[l]; i < start[l + 1]; i++) {
      const k = codes[byLeaf[i]];
      cnt[v * W + (k < 0 ? K : k)]++;
    }
    tot[v] = start[l + 1] - start[l];
  }
  const { parent, order } = ord;
  for (let x = order.length - 1; x > 0; x--) {
    const v = order[x];
    const u = parent[v];
    tot[u] += tot[v];
    for (let k = 0; k < W; k++) cnt[u * W + k] += cnt[v * W + k];
  }
  const q = new Float64Array(nNodes * W);
  const prior = new Float64Array(W);
  for (let x = 0; x < order.length; x++) {
    const v = order[x];
    const u = parent[v];
    if (u < 0) {
      for (let k = 0; k < W; k++) q[k] = tot[0] > 0 ? cnt[k] / tot[0] : 1 / W;
      continue;
    }
    const cs = tree.feature[u] === j ? tree.catStart[u] : -1;
    const side = tree.left[u] === v ? 1 : 0;
    let z = 0;
    for (let k = 0; k < W; k++) {
      const ok = cs < 0 || tree.catMask[cs + k] === side;
      prior[k] = ok ? q[u * W + k] : 0;
      z += prior[k];
    }
    const d = tot[v] + alpha;
    for (let k = 0; k < W; k++) {
      const pk = z > 0 ? (alpha * prior[k]) / z : 0;
      q[v * W + k] = d > 0 ? (cnt[v * W + k] + pk) / d : 0;
    }
  }
  const out: number[][] = [];
  for (let v = 0; v < nNodes; v++) {
    const l = compact[v];
    if (l < 0 || start[l + 1] === start[l]) continue;
    const scale = tot[v] * CAT_SCALE;
    const e = [Math.round(q[v * W + K] * scale)];
    for (let k = 0; k < K; k++) {
      const w = Math.round(q[v * W + k] * scale);
      if (w >= 1) e.push(k, w);
    }
    out[l] = e;
  }
  return out;
}

/** Units per real row of an `alpha`-smoothed categorical leaf entry. */
const CAT_SCALE = 100;

/**
 * `alpha` is the pseudo-count of a table of at least this many rows; a smaller table's is scaled down in
 * proportion (`effectiveAlpha`).
 */
const ALPHA_FULL_ROWS = 10000;

/**
 * The pseudo-rows a node borrows from its parent in a table of n rows: alpha · min(1, n / ALPHA_FULL_ROWS). A leaf
 * holds a few real rows whatever the table's size (minSamplesLeaf), but a smaller table's trees are shallower
 * (depth ~ log2 n), so a leaf's parent is a coarser mixture of subgroups near the root; a fixed pseudo-count lends
 * a leaf as many rows of that coarse prior in 344 rows as in 32,561. Scaled, the prior every node gets is worth at
 * most alpha / 10,000 of the table (0.2 % at the default 20), and tables of ≥ 10,000 rows (Adult, California,
 * credit_default) keep the full alpha. On penguins (344 rows) the default's 20 becomes 0.69: the share of
 * synthetic Gentoo off Biscoe (none in the data) falls from 0.176 / 0.022 / 0.084 to 0.039 / 0.011 / 0.022 at fit
 * seeds 1 / 2 / 3 (10 trees, 500 rows at sample seed 7).
 */
function effectiveAlpha(alpha: number, n: number): number {
  return alpha * Math.min(1, n / ALPHA_FULL_ROWS);
}

/** FORDE: the leaves of every tree of the forest, from the real rows (see `pooledRows`). */
function densities(
  table: Table,
  cols: readonly ColumnParams[],
  f: Forest,
  data: BinnedData,
  mode: 'normal' | 'empirical',
  atomShare: number,
  poolRows: number,
  spread = 0,
  alpha = 0,
): TreeParams[] {
  const binning = data.binning;
  const colData = cols.map((c) => {
    const col = table.column(c.name);
    return isNumericKind(c.kind) ? { nums: (col as { values: Float64Array }).values } : columnCodes(col);
  });
  return f.trees.map((tree, t) => {
    const boxes = cols.map((c, j) => {
      const fb = binning.features[j];
      return isNumericKind(c.kind) && fb.kind === 'numeric' ? leafBoxes(tree, j, fb.edges, c) : null;
    });
    const start = f.start[t];
    const pooled = pooledRows(
      tree,
      start,
      f.byLeaf[t],
      data.codes,
      binning.missingBin,
      cols.length,
      poolRows,
    );
    const count: number[] = [];
    const leaves: number[][][] = [];
    const smoothCat = colData.map((d, j) =>
      alpha > 0 && !('nums' in d)
        ? smoothedCategorical(tree, start, f.byLeaf[t], d.codes, d.K, j, alpha)
        : null,
    );
    const marginalEntry = cols.map((c, j) => {
      if (!c.marginal) return null;
      const d = colData[j] as { nums: Float64Array };
      let miss = 0;
      for (const x of d.nums) if (Number.isNaN(x)) miss++;
      const zMax = Math.ceil(normalQuantile(1 - U_EPS, 0, 1) * Z_ROUND) / Z_ROUND;
      // the heavy values as point masses; the rest is N(0, 1) outside their z blocks
      const heavy = new Map<number, number>((c.heavy ?? []).map((v) => [v, 0]));
      for (const x of d.nums) if (heavy.has(x)) heavy.set(x, heavy.get(x)! + 1);
      let atoms = 0;
      const pairs: number[] = [];
      for (const [v, k] of heavy) {
        atoms += k;
        pairs.push(v, k);
      }
      return [miss, d.nums.length - miss - atoms, 0, 1, -zMax, zMax, ...pairs];
    });
    const sharp: number[][][] = [];
    const smoothed = cols.some((c, j) => c.marginal || smoothCat[j]);
    for (let l = 0; l + 1 < start.length; l++) {
      if (start[l + 1] === start[l]) continue;
      count.push(start[l + 1] - start[l]);
      const leaf: number[][] = [];
      const own: number[][] = [];
      for (let j = 0; j < colData.length; j++) {
        const d = colData[j];
        const rows = pooled[l][j];
        // independent of the other columns: the column's marginal (all its rows, the whole z range); alpha: the
        // categories smoothed towards the ancestors'
        const smooth = cols[j].marginal ? marginalEntry[j]! : smoothCat[j] ? smoothCat[j]![l] : null;
        if ('nums' in d) {
          const vals: number[] = [];
          let miss = 0;
          for (const r of rows) {
            const x = d.nums[r];
            if (Number.isNaN(x)) miss++;
            else vals.push(x);
          }
          const bx = boxes[j]!;
          own.push(
            numericStats(
              vals,
              miss,
              mode,
              atomShare,
              [bx.lo[l], bx.hi[l]],
              cols[j].grid
                ? {
                    grid: cols[j].grid!,
                    integer: !!cols[j].integer,
                    spread,
                    heavy: new Set(cols[j].heavy ?? []),
                  }
                : undefined,
            ),
          );
        } else {
          const counts = new Map<number, number>();
          let miss = 0;
          for (const r of rows) {
            const k = d.codes[r];
            if (k < 0) miss++;
            else counts.set(k, (counts.get(k) ?? 0) + 1);
          }
          const out = [miss];
          for (const k of [...counts.keys()].sort((a, b) => a - b)) out.push(k, counts.get(k)!);
          own.push(out);
        }
        leaf.push(smooth ?? own[j]);
        if (!smooth) own[j] = [];
      }
      leaves.push(leaf);
      sharp.push(own);
    }
    return smoothed ? { count, leaves, sharp } : { count, leaves };
  });
}

async function fitArf(table: Table, schema: Schema, fo: FitOptions): Promise<Model> {
  checkFitInput(table, schema, 'arf');
  const specs = modelledSpecs(schema);
  const o = optionValues(arfInfo.options, fo) as Required<ArfOptions>;
  const n = table.nRows;
  const need = Math.max(10, 2 * o.minSamplesLeaf);
  const p = new ProblemList();
  if (n < need)
    p.add(
      `the table has ${n} rows; arf needs at least ${need} (10, and 2 × minSamplesLeaf = ${2 * o.minSamplesLeaf})`,
    );
  // independent, spread and heavyShare act with scores and 'normal' only: an error when asked for without them
  const asked = (k: string) => isRecord(fo.options) && fo.options[k] !== undefined;
  if (asked('independent') && o.independent > 0 && !(o.scores && o.numeric === 'normal'))
    p.add(
      `independent (${o.independent}) draws a column from its normal-scores marginal: it needs scores: true and numeric: 'normal'`,
    );
  if (asked('spread') && o.spread > 0 && !(o.scores && o.numeric === 'normal'))
    p.add(
      `spread (${o.spread}) widens the normal-scores leaves: it needs scores: true and numeric: 'normal'`,
    );
  if (specs.length === 0)
    p.add('the schema has no numeric, datetime, categorical or boolean column to model');
  p.throwIfAny('arf cannot fit this table:');
  const all: ColumnParams[] = specs.map((s: ColumnSpec) => {
    const col = table.column(s.name);
    const c: ColumnParams = { name: s.name, kind: col.kind as Kind };
    if (col.kind === 'numeric') c.integer = col.integer;
    if (col.kind === 'datetime') c.format = col.format;
    if (col.kind === 'categorical') c.categories = [...col.categories];
    if (col.kind === 'numeric' || col.kind === 'datetime') {
      let lo = Infinity;
      let hi = -Infinity;
      for (const x of col.values) {
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      c.min = lo <= hi ? lo : 0;
      c.max = lo <= hi ? hi : 0;
      if (o.scores && lo < hi) c.grid = quantileGrid(col.values, SCORE_GRID);
    }
    return c;
  });
  // the forest and the leaves model the columns that are not derived from another
  if (o.derived)
    derivedColumns(table, all).forEach((d, j) => {
      if (!d) return;
      all[j].from = d.from;
      all[j].map = d.map;
      delete all[j].grid;
    });
  const cols = all.filter((c) => c.from === undefined);
  if (o.scores && o.numeric === 'normal' && o.heavyShare < 1)
    for (const c of cols) {
      if (!c.grid) continue;
      const counts = new Map<number, number>();
      let present = 0;
      for (const x of (table.column(c.name) as { values: Float64Array }).values)
        if (!Number.isNaN(x)) {
          present++;
          counts.set(x, (counts.get(x) ?? 0) + 1);
        }
      const heavy = [...counts].filter(([, k]) => k > o.heavyShare * present).map(([v]) => v);
      if (heavy.length) c.heavy = heavy.sort((a, b) => a - b);
    }
  const names = cols.map((c) => c.name);
  const data = makeLearnData(table, names, { maxBins: o.maxBins }) as BinnedData;
  const real = data.codes;
  const comb: BinCodes[] = real.map((c) => {
    const a = c instanceof Uint8Array ? new Uint8Array(2 * n) : new Uint16Array(2 * n);
    a.set(c);
    return a;
  });
  const labels = new Int32Array(2 * n);
  labels.fill(1, 0, n);
  const rng = new Rng(fo.seed ?? 0);
  const synthIdx = names.map(() => rng.permutation(n));
  if (o.independent > 0 && o.scores && o.numeric === 'normal')
    cols.forEach((c, j) => {
      if (c.grid && maxCramersV(data, j, n) < o.independent) c.marginal = true;
    });
  const grow: GrowSettings = {
    nTrees: o.nTrees,
    minSamplesLeaf: o.minSamplesLeaf,
    maxDepth: o.maxDepth,
    maxFeatures: Math.max(1, Math.floor(Math.sqrt(names.length))),
  };
  const accuracy: number[] = [];
  let best: Forest | null = null;
  for (let it = 0; ; it++) {
    for (let j = 0; j < names.length; j++) {
      const src = real[j];
      const dst = comb[j];
      const idx = synthIdx[j];
      for (let i = 0; i < n; i++) dst[n + i] = src[idx[i]];
    }
    const forest = growForest(data, comb, labels, n, grow, rng);
    accuracy.push(forest.acc);
    fo.onProgress?.({
      phase: 'arf',
      done: it + 1,
      total: o.maxIters + 1,
      message: `round ${it}: out-of-bag accuracy ${forest.acc.toFixed(4)}`,
    });
    const improved = best === null || forest.acc < best.acc;
    if (improved) best = forest;
    if (forest.acc <= 0.5 + o.delta || it >= o.maxIters || (o.earlyStop && !improved)) break;
    regenerate(forest, n, synthIdx, rng);
  }
  const forestTrees = densities(
    table,
    cols,
    best!,
    data,
    o.numeric,
    o.atomShare,
    o.poolRows,
    o.spread,
    effectiveAlpha(o.alpha, n),
  );
  fo.onProgress?.({ phase: 'arf', done: o.maxIters + 1, total: o.maxIters + 1 });
  for (const c of cols) delete c.marginal;
  // a derived column's leaf entries are empty
  const trees =
    cols.length === all.length
      ? forestTrees
      : forestTrees.map((t) => {
          const expand = (leaf: number[][]) => {
            let at = 0;
            return all.map((c) => (c.from === undefined ? leaf[at++] : []));
          };
          const out: TreeParams = { count: t.count, leaves: t.leaves.map(expand) };
          if (t.sharp) out.sharp = t.sharp.map(expand);
          return out;
        });
  return new ArfModel(schema, {
    ids: idStyles(table, schema),
    columns: all,
    accuracy,
    trees,
    ...(o.balanced ? { balanced: true } : {}),
  });
}

/** Total mass of a categorical leaf entry, and of its `allowed` codes (all when null). */
function catMass(e: readonly number[], allowed: ReadonlySet<number> | null): number {
  let s = 0;
  for (let k = 1; k < e.length; k += 2) if (allowed === null || allowed.has(e[k])) s += e[k + 1];
  return s;
}

function entryTotal(e: readonly number[], numeric: boolean): number {
  let s = e[0] + (numeric ? e[1] : 0);
  for (let k = numeric ? NUM_HEAD : 1; k < e.length; k += 2) s += e[k + 1];
  return s;
}

/**
 * Mass of the truncated normal of a numeric entry between a and b (rows, not a share); its support is the box
 * widened by `half`, or `ivs` (the box minus the heavy values' blocks) when given.
 */
function normalMass(
  e: readonly number[],
  a: number,
  b: number,
  half: number,
  ivs?: readonly (readonly [number, number])[],
): number {
  const nn = e[1];
  if (nn === 0) return 0;
  const [mean, sd] = [e[2], e[3]];
  const support = ivs ?? [[e[4] - half, e[5] + half] as const];
  const mass = (lo: number, hi: number) => normalCdf((hi - mean) / sd) - normalCdf((lo - mean) / sd);
  let Z = 0;
  let inside = 0;
  for (const [lo, hi] of support) {
    Z += mass(lo, hi);
    const A = Math.max(a, lo);
    const B = Math.min(b, hi);
    if (B > A) inside += mass(A, B);
  }
  if (!(Z > 0)) return 0;
  return (nn * inside) / Z;
}

/**
 * The z blocks of a column's heavy values: the z range that maps back to the value (an integer: to x within ½ of
 * it; a float: the grid points tied at it). Disjoint, increasing.
 */
function heavyBlocks(c: ColumnParams): [number, number][] {
  const g = c.grid;
  if (!g || !c.heavy?.length) return [];
  const G = g.length - 1;
  const zMax = normalQuantile(1 - U_EPS, 0, 1);
  const zOf = (u: number) => normalQuantile(Math.min(1 - U_EPS, Math.max(U_EPS, u)), 0, 1);
  const out: [number, number][] = [];
  for (const v of c.heavy) {
    let lo: number;
    let hi: number;
    if (c.integer) {
      lo = toScore(g, v - 0.5);
      hi = toScore(g, v + 0.5);
      if (v - 0.5 <= g[0]) lo = -zMax;
      if (v + 0.5 >= g[G]) hi = zMax;
    } else {
      const a = g.indexOf(v);
      const b = g.lastIndexOf(v);
      if (a < 0) continue;
      lo = a === 0 ? -zMax : zOf(a / G);
      hi = b === G ? zMax : zOf(b / G);
    }
    if (hi > lo) out.push([lo, hi]);
  }
  return out.sort((p, q) => p[0] - q[0]);
}

/** [lo, hi] minus the blocks (disjoint, increasing); [lo, hi] itself when nothing would be left. */
function minusBlocks(lo: number, hi: number, blocks: readonly [number, number][]): [number, number][] {
  if (blocks.length === 0) return [[lo, hi]];
  const out: [number, number][] = [];
  let at = lo;
  for (const [p, q] of blocks) {
    if (q <= at || p >= hi) continue;
    if (p > at) out.push([at, p]);
    at = Math.max(at, q);
  }
  if (hi > at) out.push([at, hi]);
  return out.length ? out : [[lo, hi]];
}

/** A conditioned column: the codes allowed (categorical/boolean) or the numeric window. */
interface Fixed {
  j: number;
  cond: ColumnCondition;
  allowed: Set<number> | null;
  /** numeric: the window [a, b] the value must fall in (integers: ±½ for the rounding). */
  a: number;
  b: number;
}

class ArfModel implements Model {
  readonly synthesizer = 'arf';
  readonly privacy = { type: 'none' } as const;
  /** Flattened leaves of all trees, in tree order; `weight` = real rows (coverage). */
  private readonly leafTree: Int32Array;
  private readonly leafIdx: Int32Array;
  private readonly weight: Float64Array;
  private alias: AliasTable | null = null;
  /** Per column: the z blocks of its heavy values (`heavyBlocks`). */
  private readonly blocks: [number, number][][];

  constructor(
    readonly schema: Schema,
    private readonly params: Params,
  ) {
    this.blocks = params.columns.map(heavyBlocks);
    let L = 0;
    for (const t of params.trees) L += t.count.length;
    this.leafTree = new Int32Array(L);
    this.leafIdx = new Int32Array(L);
    this.weight = new Float64Array(L);
    let at = 0;
    params.trees.forEach((t, ti) =>
      t.count.forEach((c, l) => {
        this.leafTree[at] = ti;
        this.leafIdx[at] = l;
        this.weight[at++] = c;
      }),
    );
  }

  /**
   * Unconditional: (tree, leaf) ∝ coverage, then every column from the leaf. Conditional (native, see the module
   * comment): (tree, leaf) ∝ coverage × Π P_leaf(condition), conditioned columns set, the others from the leaf.
   */
  sample(n: number, opts: SampleOptions = {}): Table {
    checkSampleSize(n);
    const plan = planConditions(this.schema, n, opts.conditions);
    if (plan)
      return sampleGroups(this.schema, plan, opts.seed ?? 0, (g, count, seed) =>
        this.draw(count, seed, g.conditions),
      );
    return this.draw(n, opts.seed ?? 0, []);
  }

  /**
   * The conditions as fixed columns of the model. A condition on a derived column becomes one on its source: the
   * source's codes whose mapped value satisfies it (intersected with a condition on the source itself).
   */
  private fixedOf(conds: readonly ColumnCondition[]): Fixed[] {
    const cols = this.params.columns;
    const byColumn = new Map<number, Fixed>();
    for (const cond of conds) {
      const j = cols.findIndex((c) => c.name === cond.column);
      const c = cols[j];
      let f: Fixed;
      if (!isNumericKind(c.kind)) {
        const vals = cond.oneOf ?? [cond.value];
        const codes = vals.map((v) =>
          c.kind === 'categorical' ? (c.categories ?? []).indexOf(String(v)) : (v as number),
        );
        f = { j, cond, allowed: new Set(codes), a: 0, b: 0 };
      } else {
        const v = cond.value as number;
        let tol = c.integer ? 0.5 : rejectionTolerance(this.schema, c.name);
        if (!(tol > 0) && !c.integer) tol = ((c.max ?? 0) - (c.min ?? 0)) / 100;
        f = { j, cond, allowed: null, a: v - tol, b: v + tol };
      }
      if (c.from !== undefined) {
        const map = c.map!;
        const ok = (x: number | null) => x !== null && (f.allowed ? f.allowed.has(x) : x >= f.a && x <= f.b);
        const codes: number[] = [];
        for (let k = 0; k + 1 < map.length; k++) if (ok(map[k])) codes.push(k);
        f = { j: c.from, cond, allowed: new Set(codes), a: 0, b: 0 };
      }
      const had = byColumn.get(f.j);
      if (had) had.allowed = new Set([...had.allowed!].filter((k) => f.allowed!.has(k)));
      else byColumn.set(f.j, f);
    }
    return [...byColumn.values()];
  }

  private draw(n: number, seed: number, conds: readonly ColumnCondition[]): Table {
    const rng = new Rng(seed);
    const cols = this.params.columns;
    const p = cols.length;
    const fixed = this.fixedOf(conds);
    const fixedAt = new Array<Fixed | null>(p).fill(null);
    for (const f of fixed) fixedAt[f.j] = f;
    let alias: AliasTable;
    let weights: Float64Array | null = null;
    if (fixed.length === 0) alias = this.alias ??= new AliasTable(this.weight);
    else {
      const w = Float64Array.from(this.weight);
      weights = w;
      for (let x = 0; x < w.length; x++) {
        const tree = this.params.trees[this.leafTree[x]];
        const leaf = tree.leaves[this.leafIdx[x]];
        const own = tree.sharp?.[this.leafIdx[x]];
        for (const f of fixed) {
          if (w[x] === 0) break;
          const e = own?.[f.j].length ? own[f.j] : leaf[f.j];
          const total = entryTotal(e, f.allowed === null);
          w[x] *= this.conditionMass(e, f, cols[f.j]) / total;
        }
      }
      let any = false;
      for (const x of w) if (x > 0) any = true;
      if (!any)
        throw new LookalikeError(`arf cannot sample rows with ${describeConditions(conds)}:`, [
          'no leaf of the model holds these values together (the model gives them probability 0)',
        ]);
      alias = new AliasTable(w);
    }
    const vals: (Float64Array | null)[] = cols.map((c) =>
      isNumericKind(c.kind) ? new Float64Array(n) : null,
    );
    const codes: (Int32Array | null)[] = vals.map((v) => (v ? null : new Int32Array(n)));
    let picks: Int32Array | null = null;
    if (this.params.balanced) {
      const w = fixed.length === 0 ? this.weight : weights!;
      let total = 0;
      for (const x of w) total += x;
      picks = new Int32Array(n);
      const step = total / n;
      let at = rng.float() * step;
      let acc = 0;
      let x = 0;
      for (let i = 0; i < n; i++, at += step) {
        while (x < w.length - 1 && acc + w[x] <= at) acc += w[x++];
        picks[i] = x;
      }
      rng.shuffle(picks);
    }
    for (let i = 0; i < n; i++) {
      const x = picks ? picks[i] : alias.sample(rng);
      const tree = this.params.trees[this.leafTree[x]];
      const leaf = tree.leaves[this.leafIdx[x]];
      // conditional: the leaves' own statistics (see `TreeParams.sharp`)
      const own = fixed.length ? tree.sharp?.[this.leafIdx[x]] : undefined;
      for (let j = 0; j < p; j++) {
        if (cols[j].from !== undefined) continue;
        const f = fixedAt[j];
        const e = own?.[j].length ? own[j] : leaf[j];
        if (vals[j])
          vals[j]![i] = f ? (f.cond.value as number) : drawNumeric(e, cols[j], rng, this.blocks[j]);
        else codes[j]![i] = drawCode(e, f ? f.allowed : null, rng);
      }
    }
    // derived columns: the map of the source's code (a numeric condition's value written exactly)
    cols.forEach((c, j) => {
      if (c.from === undefined) return;
      const src = codes[c.from]!;
      const map = c.map!;
      const miss = map.length - 1;
      const exact = conds.find((cd) => cd.column === c.name);
      if (vals[j]) {
        const v = vals[j]!;
        for (let i = 0; i < n; i++)
          v[i] = exact ? (exact.value as number) : (map[src[i] < 0 ? miss : src[i]] ?? NaN);
      } else {
        const out = codes[j]!;
        for (let i = 0; i < n; i++) out[i] = map[src[i] < 0 ? miss : src[i]]!;
      }
    });
    const out = new Map<string, Column>();
    cols.forEach((c, j) => {
      let col: Column;
      if (c.kind === 'numeric') {
        const spec = this.schema.columns.find((s) => s.name === c.name);
        const v = vals[j]!;
        if (!c.integer) roundDecimals(v, spec?.decimals);
        col = { kind: 'numeric', name: c.name, values: v, integer: c.integer ?? false };
      } else if (c.kind === 'datetime')
        col = { kind: 'datetime', name: c.name, values: vals[j]!, format: c.format ?? 'ISO' };
      else if (c.kind === 'categorical')
        col = { kind: 'categorical', name: c.name, codes: codes[j]!, categories: c.categories ?? [] };
      else col = { kind: 'boolean', name: c.name, values: Int8Array.from(codes[j]!) };
      out.set(c.name, col);
    });
    const columns = this.schema.columns.map(
      (spec) => out.get(spec.name) ?? unmodelledColumn(spec, n, this.params.ids),
    );
    return new Table(columns, n);
  }

  /** Rows of a leaf entry that satisfy a condition (the point masses in the window plus the normal's mass in it). */
  private conditionMass(e: readonly number[], f: Fixed, c: ColumnParams): number {
    if (f.allowed !== null) return catMass(e, f.allowed);
    let s = 0;
    for (let k = NUM_HEAD; k < e.length; k += 2) if (e[k] >= f.a && e[k] <= f.b) s += e[k + 1];
    if (c.grid)
      return (
        s +
        normalMass(
          e,
          toScore(c.grid, f.a),
          toScore(c.grid, f.b),
          0,
          minusBlocks(e[4], e[5], this.blocks[f.j]),
        )
      );
    return s + normalMass(e, f.a, f.b, c.integer ? 0.5 : 0);
  }

  toJSON(): ModelFile {
    return modelEnvelope(this.synthesizer, this.schema, this.privacy, this.params);
  }
}

/** A code drawn ∝ the leaf's counts (missing = -1), among `allowed` only when given. */
function drawCode(e: readonly number[], allowed: ReadonlySet<number> | null, rng: Rng): number {
  const total = allowed === null ? e[0] + catMass(e, null) : catMass(e, allowed);
  let u = rng.int(total);
  if (allowed === null) {
    if (u < e[0]) return -1;
    u -= e[0];
  }
  for (let k = 1; k < e.length; k += 2) {
    if (allowed !== null && !allowed.has(e[k])) continue;
    if (u < e[k + 1]) return e[k];
    u -= e[k + 1];
  }
  return e[e.length - 2];
}

/** A value drawn from a numeric leaf entry: missing, the truncated normal, or a point mass, ∝ their rows. */
function drawNumeric(
  e: readonly number[],
  c: ColumnParams,
  rng: Rng,
  blocks: readonly [number, number][],
): number {
  let u = rng.int(entryTotal(e, true));
  if (u < e[0]) return NaN;
  u -= e[0];
  if (u < e[1]) {
    if (c.grid) {
      const g = c.grid;
      const x = fromScore(g, truncatedNormal(e[2], e[3], minusBlocks(e[4], e[5], blocks), rng));
      if (!c.integer) return Math.min(g[g.length - 1], Math.max(g[0], x));
      const lo = Math.ceil(fromScore(g, e[4]) - 1e-9);
      const hi = Math.floor(fromScore(g, e[5]) + 1e-9);
      return lo <= hi ? Math.min(hi, Math.max(lo, Math.round(x))) : Math.round(x);
    }
    const half = c.integer ? 0.5 : 0;
    const lo = e[4];
    const hi = e[5];
    const x = truncatedNormal(e[2], e[3], [[lo - half, hi + half]], rng);
    return c.integer ? Math.min(hi, Math.max(lo, Math.round(x))) : Math.min(hi, Math.max(lo, x));
  }
  u -= e[1];
  for (let k = NUM_HEAD; k < e.length; k += 2) {
    if (u < e[k + 1]) return e[k];
    u -= e[k + 1];
  }
  return e[e.length - 2];
}

const KINDS = new Set(['numeric', 'datetime', 'categorical', 'boolean']);
const MAX_PROBLEMS = 20;

function isCount(x: unknown): x is number {
  return Number.isSafeInteger(x) && (x as number) >= 0;
}

/** Problems of one leaf entry of column c (flat statistics, see `TreeParams`) holding `rows` real rows. */
function entryProblem(e: unknown, c: ColumnParams, rows: number): string | null {
  if (!Array.isArray(e) || !e.every((x) => typeof x === 'number' && Number.isFinite(x)))
    return 'must be a list of finite numbers';
  const numeric = isNumericKind(c.kind);
  const head = numeric ? NUM_HEAD : 1;
  if (e.length < head || (e.length - head) % 2 !== 0)
    return `must hold ${head} numbers then (value, count) pairs`;
  if (!isCount(e[0])) return 'its missing count must be a whole number ≥ 0';
  const K = c.kind === 'categorical' ? (c.categories?.length ?? 0) : 2;
  for (let k = head; k < e.length; k += 2) {
    if (!isCount(e[k + 1]) || e[k + 1] === 0) return 'its counts must be whole numbers ≥ 1';
    if (!numeric && !(Number.isInteger(e[k]) && e[k] >= 0 && e[k] < K))
      return "it holds a code outside the column's categories";
  }
  if (numeric) {
    if (!isCount(e[1])) return 'its normal count must be a whole number ≥ 0';
    if (e[1] > 0 && !(e[3] > 0 && e[4] < e[5] && e[2] >= e[4] && e[2] <= e[5]))
      return 'its normal needs sd > 0 and lo ≤ mean ≤ hi with lo < hi';
  }
  const total = entryTotal(e as number[], numeric);
  // a leaf's own rows always count; a small leaf may also borrow rows of an ancestor (see `pooledRows`)
  if (total < rows) return `its counts add up to ${total}, fewer than the leaf's ${rows} rows`;
  return null;
}

/** Problems of a derived column's `from` and `map` (see `ColumnParams`). */
function derivedProblem(c: Record<string, unknown>, j: number, cols: readonly unknown[]): string | null {
  const a = c.from;
  if (!Number.isInteger(a) || (a as number) < 0 || (a as number) >= cols.length || a === j)
    return 'from must be the index of another column';
  const src = cols[a as number];
  if (!isRecord(src) || !(src.kind === 'categorical' || src.kind === 'boolean') || src.from !== undefined)
    return 'from must name a categorical or boolean column that is not derived itself';
  const K = src.kind === 'categorical' ? (Array.isArray(src.categories) ? src.categories.length : 0) : 2;
  const map = c.map;
  if (!Array.isArray(map) || map.length !== K + 1)
    return `map must list one value per category of its source, then one for missing (${K + 1})`;
  const numeric = c.kind === 'numeric' || c.kind === 'datetime';
  const KB = c.kind === 'categorical' ? (Array.isArray(c.categories) ? c.categories.length : 0) : 2;
  const okValue = (x: unknown) =>
    numeric
      ? x === null || (typeof x === 'number' && Number.isFinite(x))
      : Number.isInteger(x) && (x as number) >= -1 && (x as number) < KB;
  if (!map.every(okValue))
    return numeric
      ? 'map must hold finite numbers or null (missing)'
      : "map must hold codes of the column's categories or -1 (missing)";
  return null;
}

function checkParams(params: Record<string, unknown>, schema: Schema, p: ProblemList): void {
  const cols = params.columns as unknown[];
  const modelled = modelledSpecs(schema);
  if (cols.length !== modelled.length)
    p.add(`${cols.length} modelled columns in params, ${modelled.length} in the schema`);
  cols.forEach((c, j) => {
    if (!isRecord(c) || typeof c.name !== 'string' || typeof c.kind !== 'string' || !KINDS.has(c.kind)) {
      p.add(`columns[${j}] must have a name and a kind (numeric, datetime, categorical or boolean)`);
      return;
    }
    const spec = modelled[j];
    if (!spec || spec.name !== c.name || spec.kind !== c.kind)
      p.add(`column "${c.name}" (${c.kind}) does not match the schema's modelled column ${j + 1}`);
    if (
      c.kind === 'categorical' &&
      !(Array.isArray(c.categories) && c.categories.every((s) => typeof s === 'string'))
    )
      p.add(`column "${c.name}": categories must be a list of strings`);
  });
  cols.forEach((c) => {
    if (!isRecord(c) || c.grid === undefined) return;
    const g = c.grid as unknown;
    if (
      !(c.kind === 'numeric' || c.kind === 'datetime') ||
      !Array.isArray(g) ||
      g.length < 2 ||
      !g.every(
        (x, i) => typeof x === 'number' && Number.isFinite(x) && (i === 0 || x >= (g[i - 1] as number)),
      ) ||
      !((g[g.length - 1] as number) > (g[0] as number))
    )
      p.add(
        `column "${String(c.name)}": grid must be a non-decreasing list of at least 2 finite numbers, not all equal, on a numeric or datetime column`,
      );
  });
  cols.forEach((c) => {
    if (!isRecord(c) || c.heavy === undefined) return;
    const h = c.heavy as unknown;
    if (
      c.grid === undefined ||
      !Array.isArray(h) ||
      !h.every((x, i) => typeof x === 'number' && Number.isFinite(x) && (i === 0 || x > (h[i - 1] as number)))
    )
      p.add(
        `column "${String(c.name)}": heavy must be an increasing list of finite numbers, on a column with a grid`,
      );
  });
  cols.forEach((c, j) => {
    if (!isRecord(c) || (c.from === undefined && c.map === undefined)) return;
    const why = derivedProblem(c, j, cols);
    if (why) p.add(`column "${String(c.name)}": ${why}`);
  });
  if (params.balanced !== undefined && typeof params.balanced !== 'boolean')
    p.add('balanced must be true or false');
  if (!Array.isArray(params.accuracy) || !params.accuracy.every((a) => typeof a === 'number'))
    p.add('accuracy must be a list of numbers');
  if (p.size) return;
  const colsT = cols as ColumnParams[];
  const trees = params.trees as unknown[];
  let rowsTotal = -1;
  for (let t = 0; t < trees.length && p.size < MAX_PROBLEMS; t++) {
    const tr = trees[t];
    if (!isRecord(tr) || !Array.isArray(tr.count) || !Array.isArray(tr.leaves)) {
      p.add(`trees[${t}] must have lists "count" and "leaves"`);
      continue;
    }
    if (tr.count.length === 0 || tr.count.length !== tr.leaves.length) {
      p.add(
        `trees[${t}]: ${tr.count.length} leaf counts for ${tr.leaves.length} leaves (at least one needed)`,
      );
      continue;
    }
    let sum = 0;
    for (let l = 0; l < tr.count.length && p.size < MAX_PROBLEMS; l++) {
      const rows = tr.count[l] as unknown;
      const leaf = tr.leaves[l] as unknown;
      if (!isCount(rows) || rows === 0) {
        p.add(`trees[${t}] leaf ${l}: its count must be a whole number ≥ 1`);
        continue;
      }
      sum += rows;
      if (!Array.isArray(leaf) || leaf.length !== colsT.length) {
        p.add(`trees[${t}] leaf ${l}: needs one entry per column (${colsT.length})`);
        continue;
      }
      colsT.forEach((c, j) => {
        if (c.from !== undefined) {
          const e = leaf[j] as unknown;
          if (!Array.isArray(e) || e.length !== 0)
            p.add(`trees[${t}] leaf ${l}, column "${c.name}": a derived column's entry must be empty`);
          return;
        }
        const why = entryProblem(leaf[j], c, rows);
        if (why) p.add(`trees[${t}] leaf ${l}, column "${c.name}": ${why}`);
      });
    }
    if (tr.sharp !== undefined) {
      const sh = tr.sharp as unknown;
      if (!Array.isArray(sh) || sh.length !== tr.leaves.length)
        p.add(`trees[${t}]: sharp must list one entry list per leaf (${tr.leaves.length})`);
      else
        for (let l = 0; l < sh.length && p.size < MAX_PROBLEMS; l++) {
          const own = sh[l] as unknown;
          const rows = tr.count[l] as number;
          if (!Array.isArray(own) || own.length !== colsT.length) {
            p.add(`trees[${t}] sharp ${l}: needs one entry per column (${colsT.length})`);
            continue;
          }
          colsT.forEach((c, j) => {
            const e = own[j] as unknown;
            if (Array.isArray(e) && e.length === 0) return;
            const why = c.from !== undefined ? 'a derived column has no entry' : entryProblem(e, c, rows);
            if (why) p.add(`trees[${t}] sharp ${l}, column "${c.name}": ${why}`);
          });
        }
    }
    if (rowsTotal < 0) rowsTotal = sum;
    else if (sum !== rowsTotal)
      p.add(`trees[${t}]: its leaves hold ${sum} rows, the first tree's ${rowsTotal}`);
  }
}

export const arf: Synthesizer = defineSynthesizer(arfInfo, {
  fit(table: Table, schema: Schema, opts: FitOptions = {}): Promise<Model> {
    return fitArf(table, schema, opts);
  },
  load(file: ModelFile): Model {
    const params = file.params;
    if (
      !isRecord(params) ||
      !Array.isArray(params.columns) ||
      !isRecord(params.ids) ||
      !Array.isArray(params.trees) ||
      params.trees.length === 0
    ) {
      throw new LookalikeError('invalid arf model:', [
        'params must have a "columns" list, an "ids" object and a non-empty "trees" list',
      ]);
    }
    const p = new ProblemList();
    checkParams(params, file.schema, p);
    p.throwIfAny('invalid arf model:');
    return new ArfModel(file.schema, params as unknown as Params);
  },
});
