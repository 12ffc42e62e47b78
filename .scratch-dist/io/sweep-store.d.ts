import type { Evaluation } from '../metrics/evaluation.js';
import type { SweepPoint } from '../report/sweep.js';
import type { ModelFile } from '../synthesizers/types.js';
/**
 * The sweep's store on disk (the `SweepStore` of src/pipeline/sweep.ts, declared here by shape: io/ sits below the
 * pipeline). A finished point `key` is four files in `dir`: `<key>.evaluation.json`, `<key>.model.json`,
 * `<key>.report.html`, then `<key>.json` (the point) — written last, atomically, so its presence means the point is
 * finished. `load` returns null for a missing or unreadable point file; the sweep checks that it is a point of the
 * same settings before reusing it.
 */
export declare function fileSweepStore(dir: string): {
    load(key: string): Promise<SweepPoint | null>;
    save(key: string, r: {
        point: SweepPoint;
        evaluation: Evaluation;
        model: ModelFile;
        report: string;
    }): Promise<void>;
};
