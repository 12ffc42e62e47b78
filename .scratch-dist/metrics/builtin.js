import * as fidelity from './fidelity/descriptors.js';
import * as utility from './utility/descriptors.js';
import * as privacy from './privacy/descriptors.js';
export { BUILTIN_AGGREGATES } from './aggregates.js';
export const BUILTIN_METRICS = [
    // fidelity — quality (always run)
    fidelity.quality,
    fidelity.columnShapes,
    fidelity.columnPairTrends,
    // fidelity — per column
    fidelity.ksComplement,
    fidelity.tvComplement,
    fidelity.wasserstein,
    fidelity.jsDistance,
    fidelity.missingSimilarity,
    fidelity.rangeCoverage,
    fidelity.categoryCoverage,
    fidelity.boundaryAdherence,
    fidelity.categoryAdherence,
    // fidelity — per pair
    fidelity.correlationSimilarity,
    fidelity.spearmanSimilarity,
    fidelity.contingencySimilarity,
    fidelity.cramersVDifference,
    fidelity.mutualInformationDifference,
    // fidelity — whole table
    fidelity.w3Err,
    fidelity.mmd,
    fidelity.precision,
    fidelity.recall,
    fidelity.density,
    fidelity.coverage,
    fidelity.alphaPrecision,
    fidelity.betaRecall,
    fidelity.detectionAuc,
    fidelity.pmse,
    fidelity.tailPreservation,
    fidelity.rareCategoryPreservation,
    // utility
    utility.utilityRatio,
    utility.featureImportanceAgreement,
    utility.minorityRecall,
    utility.subgroupGap,
    // privacy, by attack in the order they run
    privacy.dcrShare,
    privacy.nndr,
    privacy.exactMatchRate,
    privacy.nearDuplicateRate,
    privacy.miaDistance,
    privacy.miaDomias,
    privacy.miaClassifier,
    privacy.singlingOutUnivariate,
    privacy.singlingOutMultivariate,
    privacy.linkability,
    privacy.inference,
    privacy.kAnonymity,
    privacy.qiUniqueMatchRate,
    privacy.lDiversity,
    privacy.tCloseness,
    privacy.miaShadow,
];
export const BUILTIN_TARGET_GROUPS = privacy.PRIVACY_TARGET_GROUPS;
//# sourceMappingURL=builtin.js.map