/**
 * The fast tree learner and linear models (docs/learn.md). Features are binned once (`makeLearnData`); trees,
 * forests and boosting work on the bin codes. Used by the utility and detection metrics, the privacy attacks and
 * the `cart` synthesizer.
 */
export type { LearnData, FeatureBinning } from './data.js';
export { makeLearnData } from './data.js';
export type { Target } from './target.js';
export { makeTarget, presentRows } from './target.js';
export type { Predictor, BoostingOptions, ForestOptions, TreeOptions } from './ensemble.js';
export { fitBoosting, fitForest, fitTree } from './ensemble.js';
export { fitLogistic, fitLinear } from './linear.js';
export { rocAuc, accuracy, logLoss, predictedClass } from './scores.js';
