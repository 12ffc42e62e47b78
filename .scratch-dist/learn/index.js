export { makeLearnData } from './data.js';
export { makeTarget, presentRows } from './target.js';
export { fitBoosting, fitForest, fitTree } from './ensemble.js';
export { fitLogistic, fitLinear } from './linear.js';
export { rocAuc, accuracy, logLoss, predictedClass } from './scores.js';
//# sourceMappingURL=index.js.map