/**
 * The differential-privacy engine: exact samplers, mechanisms, zCDP accounting, the privacy ledger and DP domain
 * release. See docs/privacy.md. An explicit list of exports (DESIGN.md: no `export *`).
 */
export { cdpDelta, cdpEpsilon, cdpRho, pureToRho, exponentialMechanismRho, ceilSignificant, floorSignificant, roundUpRel, roundDownRel, sumUp, } from './accountant.js';
export type { PrivacyGuarantee } from './guarantee.js';
export { PrivacyLedger, DEFAULT_DELTA, budgetProblems, formatLedger, privacyFromLedger, type LedgerEntry, type LedgerJSON, type PrivacyBudget, type DpGuarantee, type SubsampledGaussianParams, } from './ledger.js';
export { DEFAULT_RDP_ORDERS, subsampledGaussianRdp, subsampledGaussianRdpCurve, subsampledGaussianEpsilonRdp, rdpToEpsilon, } from './rdp.js';
export { subsampledGaussianPrv, type PrvOptions, type PrvResult } from './prv.js';
export { composeWithSubsampled, isSubsampled, type ComposedGuarantee } from './compose.js';
export { LatticeGaussian, gaussianTable, samplerSlack, SAMPLER_ETA_MAX, SAMPLER_DELTA0_MAX, type GaussianTable, type LatticeGaussianOptions, } from './lattice-gaussian.js';
export { DpSgdNoise, dyadicRate, poissonBatch, subsampledGaussianEntry, planNoiseMultiplier, type DpSgdNoiseOptions, type DpSgdPlanOptions, } from './dpsgd.js';
export { assignTeachers, pateAggregate, pateBinaryCounts, pateRho, type PateOptions, type PateAnswer, } from './pate.js';
export { auditDpSgdLogistic, auditEpsilonLowerBound, clopperPearsonBounds, type AuditBound, type LogisticAuditOptions, type LogisticAuditResult, } from './audit.js';
export { gaussianMechanism, laplaceMechanism, exponentialMechanism, sampleExponential, sigmaForRho, rhoForSigma, type MeasurementInfo, type NoisyCounts, type GaussianOptions, type LaplaceOptions, type ExponentialOptions, } from './mechanisms.js';
export { DiscreteGaussian, DiscreteLaplace, bernoulliExp, bernoulliRational, sampleDiscreteGaussian, sampleDiscreteLaplace, } from './samplers.js';
export { toFraction, fraction, roundUpToBits, type Fraction } from './rational.js';
export { requirePublicDomains, columnsNeedingDomains, parseDomainOption, releaseDomains, releaseNumericBounds, releaseDatetimeBounds, releaseCategories, remapCategories, dpQuantile, categoryThreshold, discreteGaussianTail, defaultNumericGrid, defaultDatetimeGrid, DP_DOMAINS_OPTION, DEFAULT_DOMAIN_FRACTION, type DomainReleaseOptions, type DomainRelease, type BoundsOptions, type CategoryReleaseOptions, type QuantileOptions, } from './domains.js';
export { planBudget, BudgetPlan, epsilonForRho, rhoForBudget, DEFAULT_MAX_SIGMA, type PlanStep, type PlannedStep, type BudgetPlanOptions, } from './budget.js';
