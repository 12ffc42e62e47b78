export { holdOut, MIN_ROWS_TO_SPLIT } from './holdout.js';
export { fit, fitCounted, sample, release, defaultSampleRows, privacyLabel, resolveSynthesizer, } from './release.js';
export { disclose, formatDisclosure } from './disclose.js';
export { assess, attackList, shadowSynthesizer } from './assess.js';
export { gate } from './gate.js';
export { renderReport, reportFormat, REPORT_FORMATS } from './report.js';
export { runJob, jobSummary, formatJob, checkTarget } from './job.js';
export { sweep, sweepPlan, sweepProblems, parseEpsilons, sweepBaselines, DEFAULT_SWEEP_BASELINES, memorySweepStore, sweepSummary, formatSweep, } from './sweep.js';
//# sourceMappingURL=index.js.map