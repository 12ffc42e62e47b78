/**
 * Worker threads for the GEMM, with no Node import: the protocol (a few Int32 words per worker in the shared
 * wasm memory, signalled with Atomics), the worker's source as a string, and the Web Worker spawner. A Node caller
 * registers a `worker_threads` spawner from outside the core (`src/io/nn-threads.ts`, `useNodeThreads()`).
 *
 * Protocol, per worker slot s (Int32 words at 32·s): [0] seq — the caller bumps it to hand over a job; [1] done —
 * the worker sets it to seq when finished; [2] op (1 = pack A and multiply row panels, 2 = stop); [3..16] the
 * arguments of `packA` and `gemm`; [17] 1 when the job threw. Both sides spin briefly, then sleep in Atomics.wait.
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

export const SLOT_WORDS = 32;
export const MAX_WORKERS = 15;
export const OP_GEMM = 1;
export const OP_STOP = 2;

/**
 * The worker's code: a function declaration `lookalikeKernelWorker(init, ready)` that instantiates the kernel on
 * the shared memory, calls `ready()`, and then serves jobs until told to stop. A spawner wraps it with the
 * platform's message plumbing.
 */
export const KERNEL_WORKER_SOURCE = `function lookalikeKernelWorker(init, ready) {
  const memory = init.memory;
  const inst = new WebAssembly.Instance(init.module, { env: { memory, abort() { throw new Error('kernel abort'); } } });
  const e = inst.exports;
  const ctl = new Int32Array(memory.buffer, 0, ${SLOT_WORDS * (MAX_WORKERS + 1)});
  const b = init.slot * ${SLOT_WORDS};
  let seen = Atomics.load(ctl, b);
  ready();
  for (;;) {
    let spins = 0;
    while (Atomics.load(ctl, b) === seen) {
      if (++spins > 20000) { Atomics.wait(ctl, b, seen); spins = 0; }
    }
    seen = Atomics.load(ctl, b);
    if (ctl[b + 2] === ${OP_STOP}) return;
    let failed = 0;
    try {
      e.packA(ctl[b + 3], ctl[b + 4], ctl[b + 5], ctl[b + 6], ctl[b + 7], ctl[b + 8], ctl[b + 14], ctl[b + 15]);
      e.gemm(ctl[b + 8], ctl[b + 9], ctl[b + 6], ctl[b + 10], ctl[b + 7], ctl[b + 11], ctl[b + 12], ctl[b + 13], ctl[b + 14], ctl[b + 15], ctl[b + 16]);
    } catch (x) {
      failed = 1;
    }
    ctl[b + 17] = failed;
    Atomics.store(ctl, b + 1, seen);
    Atomics.notify(ctl, b + 1);
  }
}`;

interface BrowserGlobals {
  Worker?: typeof Worker;
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
}

/** Web Workers from a Blob URL, where the page is cross-origin isolated (shared memory needs it); else null. */
function webWorkerSpawner(): ThreadSpawner | null {
  const g = globalThis as BrowserGlobals;
  if (typeof g.Worker !== 'function' || g.crossOriginIsolated !== true || typeof Blob === 'undefined')
    return null;
  const WorkerCtor = g.Worker;
  const source = `${KERNEL_WORKER_SOURCE}\nself.onmessage = (e) => lookalikeKernelWorker(e.data, () => self.postMessage('ready'));\n`;
  return {
    available: g.navigator?.hardwareConcurrency ?? 1,
    spawn(init) {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const w = new WorkerCtor(url);
      return new Promise((resolve, reject) => {
        w.onmessage = () => {
          URL.revokeObjectURL(url);
          resolve({ terminate: () => w.terminate() });
        };
        w.onerror = (e) => {
          URL.revokeObjectURL(url);
          reject(new Error(`kernel worker failed to start: ${e.message}`));
        };
        w.postMessage(init);
      });
    },
  };
}

let spawner: ThreadSpawner | null | undefined;

/**
 * Set how kernel workers are started (`null`: never — one thread). The browser default is Web Workers when the
 * page is cross-origin isolated; Node's entry registers `worker_threads` (`useNodeThreads` in src/io).
 */
export function setThreadSpawner(s: ThreadSpawner | null): void {
  spawner = s;
}

export function threadSpawner(): ThreadSpawner | null {
  if (spawner === undefined) spawner = webWorkerSpawner();
  return spawner;
}
