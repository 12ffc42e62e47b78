/**
 * The differential-privacy engine: exact samplers, mechanisms, zCDP accounting, the privacy ledger and DP domain
 * release. See docs/privacy.md. An explicit list of exports (DESIGN.md: no `export *`).
 */
export { cdpDelta, cdpEpsilon, cdpRho, pureToRho, exponentialMechanismRho, ceilSignificant, floorSignificant, roundUpRel, roundDownRel, sumUp, } from './accountant.js';
export { PrivacyLedger, DEFAULT_DELTA, budgetProblems, formatLedger, privacyFromLedger, } from './ledger.js';
export { DEFAULT_RDP_ORDERS, subsampledGaussianRdp, subsampledGaussianRdpCurve, subsampledGaussianEpsilonRdp, rdpToEpsilon, } from './rdp.js';
export { subsampledGaussianPrv } from './prv.js';
export { composeWithSubsampled, isSubsampled } from './compose.js';
export { LatticeGaussian, gaussianTable, samplerSlack, SAMPLER_ETA_MAX, SAMPLER_DELTA0_MAX, } from './lattice-gaussian.js';
export { DpSgdNoise, dyadicRate, poissonBatch, subsampledGaussianEntry, planNoiseMultiplier, } from './dpsgd.js';
export { assignTeachers, pateAggregate, pateBinaryCounts, pateRho, } from './pate.js';
export { auditDpSgdLogistic, auditEpsilonLowerBound, clopperPearsonBounds, } from './audit.js';
export { gaussianMechanism, laplaceMechanism, exponentialMechanism, sampleExponential, sigmaForRho, rhoForSigma, } from './mechanisms.js';
export { DiscreteGaussian, DiscreteLaplace, bernoulliExp, bernoulliRational, sampleDiscreteGaussian, sampleDiscreteLaplace, } from './samplers.js';
export { toFraction, fraction, roundUpToBits } from './rational.js';
export { requirePublicDomains, columnsNeedingDomains, parseDomainOption, releaseDomains, releaseNumericBounds, releaseDatetimeBounds, releaseCategories, remapCategories, dpQuantile, categoryThreshold, discreteGaussianTail, defaultNumericGrid, defaultDatetimeGrid, DP_DOMAINS_OPTION, DEFAULT_DOMAIN_FRACTION, } from './domains.js';
export { planBudget, BudgetPlan, epsilonForRho, rhoForBudget, DEFAULT_MAX_SIGMA, } from './budget.js';
//# sourceMappingURL=index.js.map