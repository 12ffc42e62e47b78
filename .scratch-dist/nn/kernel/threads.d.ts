/**
 * Worker threads for the GEMM, with no Node import: the protocol (a few Int32 words in the shared wasm memory,
 * signalled with Atomics), the worker's source as a string, and the Web Worker spawner. A Node caller registers a
 * `worker_threads` spawner from outside the core (`src/io/nn-threads.ts`, `useNodeThreads()`).
 *
 * Protocol. Words of worker slot s (at 32·s): [0] job — the caller posts a job by writing an even number (2, 4, …);
 * whoever first changes it to the odd number after it decides the worker's part: the worker, when it takes the job
 * (compare-exchange), or the caller, when it has run out of work before the worker woke up (it cancels, and does
 * not wait for a worker that is asleep or descheduled); [1] done — the worker writes the job number it took when it
 * has finished; [2] 1 when the job threw. The job itself, in the words of the shared area at 32·MAX_WORKERS: [1]
 * the next chunk of row panels to claim (Atomics.add: every thread, the caller included, claims chunks until none
 * is left — work goes to whichever thread is running, so a thread the OS is slow to schedule costs nothing); [2]
 * op (1 = pack A and multiply, 2 = stop); [3..] the arguments of `packA` and `gemm`. Both sides spin briefly, then
 * sleep in Atomics.wait.
 */
/** What a worker needs: the shared memory, the compiled kernel and its slot. */
export interface KernelWorkerInit {
    readonly memory: WebAssembly.Memory;
    readonly module: WebAssembly.Module;
    readonly slot: number;
}
export interface KernelWorkerHandle {
    terminate(): void;
}
/** Starts kernel workers on one platform (Web Workers, Node's worker_threads). */
export interface ThreadSpawner {
    /** Hardware threads available. */
    readonly available: number;
    /** Start a worker running `KERNEL_WORKER_SOURCE`'s function on `init`; resolve once it reports ready. */
    spawn(init: KernelWorkerInit): Promise<KernelWorkerHandle>;
}
export declare const SLOT_WORDS = 32;
export declare const MAX_WORKERS = 15;
export declare const OP_GEMM = 1;
export declare const OP_STOP = 2;
/** The shared job area (word offset): [1] chunk counter, [2] op, [3 + i] argument i (see ARG_*). */
export declare const JOB: number;
export declare const JOB_COUNTER: number;
export declare const JOB_OP: number;
export declare const JOB_ARGS: number;
/**
 * The worker's code: a function declaration `lookalikeKernelWorker(init, ready)` that instantiates the kernel on
 * the shared memory, calls `ready()`, and then serves jobs until told to stop. A spawner wraps it with the
 * platform's message plumbing. Arguments: a, lda, transA, m, k, packedA, packedB, n, c, ldc, accumulate, panels,
 * chunk, scratch, bias, relu, mask.
 */
export declare const KERNEL_WORKER_SOURCE = "function lookalikeKernelWorker(init, ready) {\n  const memory = init.memory;\n  const inst = new WebAssembly.Instance(init.module, { env: { memory, abort() { throw new Error('kernel abort'); } } });\n  const e = inst.exports;\n  const ctl = new Int32Array(memory.buffer, 0, 512);\n  const b = init.slot * 32;\n  const J = 483;\n  let last = Atomics.load(ctl, b);\n  ready();\n  for (;;) {\n    let v = Atomics.load(ctl, b);\n    let spins = 0;\n    while (v === last) {\n      if (++spins > 100000) { Atomics.wait(ctl, b, last); spins = 0; }\n      v = Atomics.load(ctl, b);\n    }\n    if ((v & 1) !== 0) { last = v; continue; } // a job the caller cancelled\n    last = (v + 1) | 0;\n    if (Atomics.compareExchange(ctl, b, v, last) !== v) continue; // the caller finished without this worker\n    if (Atomics.load(ctl, 482) === 2) return;\n    let failed = 0;\n    try {\n      const np = ctl[J + 11], chunk = ctl[J + 12];\n      for (;;) {\n        const p0 = Atomics.add(ctl, 481, 1) * chunk;\n        if (p0 >= np) break;\n        const p1 = Math.min(p0 + chunk, np);\n        e.packA(ctl[J], ctl[J + 1], ctl[J + 2], ctl[J + 3], ctl[J + 4], ctl[J + 5], p0, p1);\n        e.gemm(ctl[J + 5], ctl[J + 6], ctl[J + 3], ctl[J + 7], ctl[J + 4], ctl[J + 8], ctl[J + 9], ctl[J + 10], p0, p1, ctl[J + 13] + 128 * (init.slot + 1), ctl[J + 14], ctl[J + 15], ctl[J + 16]);\n      }\n    } catch (x) {\n      failed = 1;\n    }\n    ctl[b + 2] = failed;\n    Atomics.store(ctl, b + 1, v);\n    Atomics.notify(ctl, b + 1);\n  }\n}";
/**
 * Set how kernel workers are started (`null`: never — one thread). The browser default is Web Workers when the
 * page is cross-origin isolated; Node's entry registers `worker_threads` (`useNodeThreads` in src/io).
 */
export declare function setThreadSpawner(s: ThreadSpawner | null): void;
export declare function threadSpawner(): ThreadSpawner | null;
