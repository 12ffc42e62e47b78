/**
 * The pipeline as library calls (docs/pipeline.md): named steps that a page, a script or the CLI call one by one —
 * `holdOut` → `release` (`fit` + `sample`) → (`disclose`) → `assess` → `gate` → `renderReport` — and the two jobs built from
 * them, `runJob` (the whole job) and `sweep` (synthesizers × ε, resumable through a `SweepStore`). Core code: no
 * file, no Node module; the CLI reads and writes files around these calls.
 */
export type { StepHooks } from './hooks.js';
export { holdOut, MIN_ROWS_TO_SPLIT, type HoldoutSpec, type HeldOut } from './holdout.js';
export { fit, fitCounted, sample, release, defaultSampleRows, privacyLabel, resolveSynthesizer, type FitSpec, type SampleSpec, type ReleaseSpec, type Fitted, type Release, } from './release.js';
export { disclose, formatDisclosure, type DiscloseSpec, type Disclosed } from './disclose.js';
export { assess, attackList, shadowSynthesizer, type AssessSpec } from './assess.js';
export { gate, type Gate } from './gate.js';
export { renderReport, reportFormat, REPORT_FORMATS, type ReportFormat, type ReportSpec } from './report.js';
export { runJob, jobSummary, formatJob, checkTarget, type JobSpec, type JobResult } from './job.js';
export { sweep, sweepPlan, sweepProblems, parseEpsilons, sweepBaselines, DEFAULT_SWEEP_BASELINES, memorySweepStore, sweepSummary, formatSweep, type SweepSpec, type SweepStore, type SweepRecord, type SweepResult, } from './sweep.js';
