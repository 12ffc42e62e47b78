import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './write.js';
/**
 * The sweep's store on disk (the `SweepStore` of src/pipeline/sweep.ts, declared here by shape: io/ sits below the
 * pipeline). A finished point `key` is four files in `dir`: `<key>.evaluation.json`, `<key>.model.json`,
 * `<key>.report.html`, then `<key>.json` (the point) — written last, atomically, so its presence means the point is
 * finished. `load` returns null for a missing or unreadable point file; the sweep checks that it is a point of the
 * same settings before reusing it.
 */
export function fileSweepStore(dir) {
    return {
        async load(key) {
            const file = join(dir, `${key}.json`);
            if (!existsSync(file))
                return null;
            try {
                return JSON.parse(await readFile(file, 'utf8'));
            }
            catch {
                return null;
            }
        },
        async save(key, r) {
            await mkdir(dir, { recursive: true });
            await writeFileAtomic(join(dir, `${key}.evaluation.json`), `${JSON.stringify(r.evaluation)}\n`);
            await writeFileAtomic(join(dir, `${key}.model.json`), `${JSON.stringify(r.model)}\n`);
            await writeFileAtomic(join(dir, `${key}.report.html`), r.report);
            await writeFileAtomic(join(dir, `${key}.json`), `${JSON.stringify(r.point, null, 2)}\n`);
        },
    };
}
//# sourceMappingURL=sweep-store.js.map