import type { Synthesizer } from '../types.js';
import { CART_MODEL_NOTE } from './info.js';
/**
 * `cart`: sequential synthesis with classification and regression trees, as synthpop's default method
 * (Nowok, Raab & Dibben 2016, "synthpop: Bespoke Creation of Synthetic Data in R", J. Stat. Softw. 74(11);
 * Reiter 2005, "Using CART to generate partially synthetic public use microdata").
 *
 * Columns are visited in order (the table's, or `order` first and then the rest). The first column is drawn from
 * its observed values; each next column from a tree fitted on the columns before it: a synthetic row is routed
 * down the tree by its already synthesized values and takes an observed value drawn at random from the training
 * rows of the leaf it reaches. Categorical and boolean columns use a Gini classification tree, numeric and datetime
 * columns a squared-error regression tree (with a second channel for "is missing" when the column has missing
 * values). Missing values are an outcome like any other, so missing rates and their dependence are kept.
 * Values drawn are observed values, so integers stay integers and categories stay in their domain; with
 * `smoothing: 'density'` numeric (not datetime) draws get Gaussian noise of the leaf's bandwidth (see `leafStats`),
 * then are clipped to the observed range and rounded for integer columns. Id columns get fresh ids, text columns
 * are written as missing (synthesizers/common.ts).
 *
 * Guarantee: NOT differentially private. The model file stores, in every leaf, the observed values of its training
 * rows (and their counts): it is as sensitive as the data and must not be shared in their place. Without
 * smoothing, synthetic rows can reproduce real rows; measure the privacy risk before release.
 *
 * Defaults follow synthpop's `syn.cart`: at least 5 rows per leaf (`cart.minbucket = 5`; rpart's minsplit is then
 * 15, here any node with ≥ 10 rows may split), depth ≤ 30 (rpart's limit), complexity threshold ≈ 0 (synthpop's
 * `cart.cp = 1e-8`), no smoothing. Splits use the learner's histogram bins (≤ `maxBins` per numeric column)
 * instead of rpart's exact thresholds.
 *
 * Runtime: fit O(p² · n · depth) (p trees on up to p − 1 features); sampling O(n · p · depth). The fit is
 * deterministic (`FitOptions.seed` is not used); sampling is reproducible from `SampleOptions.seed`.
 */
export { CART_MODEL_NOTE };
export interface CartOptions {
    /** Columns visited first, in this order; the other modelled columns follow in table order. */
    readonly order?: readonly string[];
    /** Minimum training rows per leaf (default 5, synthpop's `minbucket`). */
    readonly minSamplesLeaf?: number;
    /** Maximum tree depth (default 30). */
    readonly maxDepth?: number;
    /** `'density'`: Gaussian smoothing of numeric draws within each leaf (synthpop's `smoothing = "density"`). */
    readonly smoothing?: 'none' | 'density';
    /** Bins per numeric predictor (default 255). */
    readonly maxBins?: number;
}
export declare const cartSynthesizer: Synthesizer;
