/**
 * Node-only: starts the nn GEMM kernel's worker threads with `worker_threads` (the kernel and its shared-memory
 * protocol live in the core, src/nn/kernel/threads.ts, which imports nothing from Node). `useNodeThreads()` makes
 * `createGemm({ threads })` — and so every learned synthesizer's `threads` option — use them; the Node entry
 * (src/index.ts) and the CLI call it once.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { KERNEL_WORKER_SOURCE, setThreadSpawner, } from '../nn/kernel/threads.js';
const SOURCE = `${KERNEL_WORKER_SOURCE}
const { parentPort, workerData } = require('node:worker_threads');
lookalikeKernelWorker(workerData, () => parentPort.postMessage('ready'));
`;
export const nodeThreadSpawner = {
    available: availableParallelism(),
    spawn(init) {
        const w = new Worker(SOURCE, { eval: true, workerData: init });
        w.unref();
        return new Promise((resolve, reject) => {
            w.once('message', () => {
                w.removeAllListeners('error');
                resolve({ terminate: () => void w.terminate() });
            });
            w.once('error', (e) => reject(new Error(`nn kernel worker failed to start: ${e.message}`)));
        });
    },
};
/** Let the nn engine start worker threads in this Node process. */
export function useNodeThreads() {
    setThreadSpawner(nodeThreadSpawner);
}
//# sourceMappingURL=nn-threads.js.map