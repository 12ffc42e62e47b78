import type { ProgressFn } from '../progress.js';
/**
 * What every pipeline step may tell its caller while it works: fine-grained progress of a long phase
 * (`onProgress`, the metrics' and synthesizers' own events), a one-line announcement of each phase (`onStep`), and
 * notes the reader should see (`onNote`: a guarantee that is not DP, a holdout too small to take). All optional;
 * the CLI prints them on stderr, a page may show them.
 */
export interface StepHooks {
    readonly onProgress?: ProgressFn;
    readonly onStep?: (message: string) => void;
    readonly onNote?: (message: string) => void;
}
/** Wall-clock seconds since `t0` (a `performance.now()` reading); browser and Node alike. */
export declare function secondsSince(t0: number): number;
