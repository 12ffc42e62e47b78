import type { Synthesizer } from '../types.js';
import { ARF_MODEL_NOTE } from './info.js';
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
 * (`pooledRows`); its coverage stays its own.
 *
 * Sampling (ARF's `forge`): a (tree, leaf) pair with probability ∝ coverage (a tree uniformly, then a leaf ∝ its
 * real rows), then each column independently from the leaf's density. Floats are rounded to the input's decimals.
 *
 * Conditional sampling is native: the (tree, leaf) pair is drawn with probability ∝ coverage × Π P_leaf(condition)
 * — the leaf's probability of each conditioned value (of the allowed set for `oneOf`) — and the unconditioned
 * columns from that leaf. Because columns are independent within a leaf, this is the model's exact conditional for
 * categorical, boolean and integer conditions, with the cost of an unconditional sample. A float or datetime
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
}
export declare const arf: Synthesizer;
