import { type Binning, type LearnData } from './data.js';
import { type Target } from './target.js';
import { type Tree } from './tree.js';
/** A fitted model. Rows of `predict`'s data must be binned like the training data (`makeLearnData(…, { reference })`). */
export interface Predictor {
    /** binary: P(class 1); multiclass: nRows × nClasses row-major probabilities; regression: values. */
    predict(data: LearnData): Float64Array;
    /** Gain-based, one per feature, sums to 1 (all zeros when no split was made). */
    featureImportance(): Float64Array;
}
export interface BoostingOptions {
    /** Boosting rounds (default 100; with multiclass, one tree per class per round). */
    nTrees?: number;
    maxDepth?: number;
    learningRate?: number;
    minSamplesLeaf?: number;
    /** L2 regularisation λ of leaf values (default 1). */
    l2?: number;
    /** Minimum sum of hessians per leaf (default 1e-3, as LightGBM's min_sum_hessian_in_leaf). */
    minHessian?: number;
    /** Used only when the data are binned here; LearnData carries its own binning. */
    maxBins?: number;
    seed?: number;
    /** Hold out 10% of the rows (seeded) and stop after 10 rounds without improvement of the validation loss. */
    earlyStopping?: boolean;
}
export interface ForestOptions {
    nTrees?: number;
    maxDepth?: number;
    minSamplesLeaf?: number;
    /** Features tried per split: a count, or 'sqrt' (default for classification; regression defaults to p/3). */
    maxFeatures?: number | 'sqrt';
    seed?: number;
}
export interface TreeOptions {
    maxDepth?: number;
    minSamplesLeaf?: number;
}
type Kind = 'binary' | 'multiclass' | 'regression';
/** A boosted ensemble: raw score = init + Σ tree values, then the link (sigmoid / softmax / identity). */
export declare class BoostedPredictor implements Predictor {
    readonly kind: Kind;
    readonly K: number;
    readonly init: Float64Array;
    readonly trees: readonly Tree[];
    readonly binning: Binning;
    constructor(kind: Kind, K: number, init: Float64Array, trees: readonly Tree[], binning: Binning);
    /** Raw scores (log-odds, logits, or values), n × K. */
    rawScores(data: LearnData): Float64Array;
    predict(data: LearnData): Float64Array;
    featureImportance(): Float64Array;
}
/** Mean of tree outputs (forest, single tree); classification outputs are class proportions. */
export declare class AveragePredictor implements Predictor {
    readonly kind: Kind;
    readonly K: number;
    readonly trees: readonly Tree[];
    readonly binning: Binning;
    constructor(kind: Kind, K: number, trees: readonly Tree[], binning: Binning);
    predict(data: LearnData): Float64Array;
    featureImportance(): Float64Array;
}
/**
 * Gradient boosting of histogram trees (Friedman 2001; second-order leaves as XGBoost / LightGBM): binary log-loss,
 * multiclass softmax (one tree per class per round, hessian p(1−p) as scikit-learn), or squared error.
 * Leaf value −G/(H+λ)·learningRate; splits need ≥ minSamplesLeaf rows and hessian ≥ 1e-3 per side.
 * Runtime O(nTrees · K · n · p · maxDepth). Deterministic (the seed only draws the early-stopping split).
 */
export declare function fitBoosting(data: LearnData, target: Target, opts?: BoostingOptions): Predictor;
/**
 * Random forest (Breiman 2001): bootstrap rows (with replacement, n draws) and `maxFeatures` features drawn per
 * split; classification trees grow on Gini, regression trees on squared error; predictions average leaf class
 * proportions / leaf means. Runtime O(nTrees · n · p · depth).
 */
export declare function fitForest(data: LearnData, target: Target, opts?: ForestOptions): Predictor;
/**
 * One CART tree (Breiman et al. 1984) on the histogram bins: Gini for classification (leaves hold class
 * proportions), squared error for regression (leaves hold means). Defaults: unlimited depth (64), 1 row per leaf.
 */
export declare function fitTree(data: LearnData, target: Target, opts?: TreeOptions): Predictor;
export {};
