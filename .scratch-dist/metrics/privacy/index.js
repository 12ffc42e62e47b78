/** Privacy-risk metrics: the public surface of src/metrics/privacy (see docs/privacy-risk.md). */
export { evaluatePrivacy, PRIVACY_ATTACKS, DEFAULT_PRIVACY_ATTACKS, } from './evaluate.js';
export { makeSpace, encode, project, takeRows, usableColumns } from './space.js';
export { nearestTwo, sortCandidates, distance, } from './neighbors.js';
export { distanceMetrics, localSearch, } from './distance-metrics.js';
export { membershipInference, miaSetup, miaMetric, classifierMia, } from './mia.js';
export { summarizeAttack, epsilonLowerBound } from './roc.js';
export { singlingOut, linkability, attributeInference, distinctRows, } from './anonymeter.js';
export { kAnonymityMetrics } from './kanonymity.js';
export { shadowModelAttack, outlyingRows, } from './shadow.js';
export { wilsonRate, residualSuccess, toRisk, clopperPearson, clopperPearsonOneSided, aucOf, aucInterval, } from './stats.js';
//# sourceMappingURL=index.js.map