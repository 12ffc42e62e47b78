/**
 * Node-only: exact nearest-neighbour search (src/metrics/privacy/neighbors.ts) split across worker threads.
 * The kernel stays in the core (it runs in a browser too); this wrapper only cuts the queries into one range per
 * thread (the calling thread takes one, `threads − 1` workers the others), sends each worker the rows once per call
 * (structured clone) and joins the results, which are identical to a single-threaded search. Small searches (fewer
 * than 4 M row pairs) run in the calling thread.
 *
 * Usage: `const pool = createWorkerSearch(); await evaluatePrivacy(..., { search: pool.search }); pool.close();`
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { nearestTwo, sortCandidates } from '../metrics/privacy/neighbors.js';
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const kernel = import(workerData.kernelUrl);
parentPort.on('message', async (m) => {
  try {
    const { nearestTwo } = await kernel;
    const r = nearestTwo(m.queries, m.candidates, { from: m.from, to: m.to });
    parentPort.postMessage({ d1: r.d1, d2: r.d2, i1: r.i1 }, [r.d1.buffer, r.d2.buffer, r.i1.buffer]);
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.stack || e) });
  }
});
`;
const bare = (e) => ({
    n: e.n,
    nNum: e.nNum,
    nCat: e.nCat,
    num: e.num,
    cat: e.cat,
    numCols: [],
    catCols: [],
});
export function createWorkerSearch(opts = {}) {
    const threads = Math.max(1, Math.min(opts.threads ?? availableParallelism(), 8));
    const kernelUrl = opts.kernelUrl ?? new URL('../metrics/privacy/neighbors.js', import.meta.url).href;
    const minPairs = opts.minPairs ?? 4e6;
    let workers = null;
    const pool = () => {
        if (!workers) {
            workers = Array.from({ length: threads - 1 }, () => {
                const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { kernelUrl } });
                w.unref();
                return w;
            });
        }
        return workers;
    };
    const run = (w, msg) => new Promise((resolve, reject) => {
        const onMessage = (r) => {
            w.off('error', onError);
            if (r.error)
                reject(new Error(`nearest-neighbour worker failed: ${r.error}`));
            else
                resolve(r);
        };
        const onError = (e) => {
            w.off('message', onMessage);
            reject(e);
        };
        w.once('message', onMessage);
        w.once('error', onError);
        w.postMessage(msg);
    });
    const search = async (queries, candidates) => {
        if (threads === 1 || queries.n * candidates.n < minPairs || queries.n < threads)
            return nearestTwo(queries, candidates);
        const sorted = sortCandidates(candidates);
        const c = {
            rows: bare(sorted.rows),
            order: sorted.order,
            packed: sorted.packed,
            runEnd: sorted.runEnd,
            runEnd2: sorted.runEnd2,
        };
        const q = bare(queries);
        const ws = pool();
        // the calling thread takes the first range itself while threads − 1 workers take the others
        const step = Math.ceil(queries.n / threads);
        const pending = ws.map((w, t) => run(w, { queries: q, candidates: c, from: (t + 1) * step, to: Math.min(queries.n, (t + 2) * step) }));
        const own = nearestTwo(queries, sorted, { from: 0, to: Math.min(queries.n, step) });
        const parts = [own, ...(await Promise.all(pending))];
        const d1 = new Float64Array(queries.n), d2 = new Float64Array(queries.n), i1 = new Int32Array(queries.n);
        parts.forEach((p, t) => {
            d1.set(p.d1, t * step);
            d2.set(p.d2, t * step);
            i1.set(p.i1, t * step);
        });
        return { d1, d2, i1 };
    };
    return {
        search,
        threads,
        async close() {
            if (workers)
                await Promise.all(workers.map((w) => w.terminate()));
            workers = null;
        },
    };
}
/**
 * Run `f` with the nearest-neighbour search of the privacy attacks split across worker threads when the compiled
 * kernel is there to load (it is, when lookalike runs from its build); otherwise with undefined (the attacks search
 * in-thread). The workers are closed afterwards.
 */
export async function withWorkerSearch(f) {
    const url = new URL('../metrics/privacy/neighbors.js', import.meta.url);
    if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url)))
        return f(undefined);
    const w = createWorkerSearch({ kernelUrl: url.href });
    try {
        return await f(w.search);
    }
    finally {
        await w.close();
    }
}
//# sourceMappingURL=nn-workers.js.map