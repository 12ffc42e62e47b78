/** Privacy-risk metrics: the public surface of src/metrics/privacy (see docs/privacy-risk.md). */
export { evaluatePrivacy, PRIVACY_ATTACKS, DEFAULT_PRIVACY_ATTACKS, type PrivacyAttack, type PrivacyOptions, type PrivacyEvaluation, } from './evaluate.js';
export { makeSpace, encode, project, takeRows, usableColumns, type Space, type Encoded } from './space.js';
export { nearestTwo, sortCandidates, distance, type TopTwo, type NeighborOptions, type SortedCandidates, } from './neighbors.js';
export { distanceMetrics, localSearch, type NeighborSearch, type DistanceResults, } from './distance-metrics.js';
export { membershipInference, miaSetup, miaMetric, classifierMia, type MiaSetup, type MiaResult, } from './mia.js';
export { summarizeAttack, epsilonLowerBound, type AttackSummary } from './roc.js';
export { singlingOut, linkability, attributeInference, distinctRows, type AnonymeterResult, type SinglingOutOptions, type LinkabilityOptions, type InferenceOptions, } from './anonymeter.js';
export { kAnonymityMetrics } from './kanonymity.js';
export { shadowModelAttack, outlyingRows, type ShadowOptions, type ShadowResult, type ShadowSynthesizer, } from './shadow.js';
export { wilsonRate, residualSuccess, toRisk, clopperPearson, clopperPearsonOneSided, aucOf, aucInterval, type Risk, type SuccessRate, } from './stats.js';
