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
 * op (1 = pack A and multiply, 2 = stop, 3 = Adam); [3..] the arguments of `packA` and `gemm`, or of `adam` (w, g,
 * m, v, n, chunk of elements, the byte offset of its 8 float64 arguments). Both sides spin briefly, then sleep in
 * Atomics.wait.
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
export const OP_ADAM = 3;
/** The shared job area (word offset): [1] chunk counter, [2] op, [3 + i] argument i (see ARG_*). */
export const JOB = SLOT_WORDS * MAX_WORKERS;
export const JOB_COUNTER = JOB + 1;
export const JOB_OP = JOB + 2;
export const JOB_ARGS = JOB + 3;
/** Iterations a waiting worker spins before it sleeps (about 0.1–0.3 ms: the gap between two products of a step). */
const WORKER_SPINS = 100000;

/**
 * The worker's code: a function declaration `lookalikeKernelWorker(init, ready)` that instantiates the kernel on
 * the shared memory, calls `ready()`, and then serves jobs until told to stop. A spawner wraps it with the
 * platform's message plumbing. Arguments: a, lda, transA, m, k, packedA, packedB, n, c, ldc, accumulate, panels,
 * chunk, scratch, bias, relu, mask.
 */
export const KERNEL_WORKER_SOURCE = `function lookalikeKernelWorker(init, ready) {
  const memory = init.memory;
  const inst = new WebAssembly.Instance(init.module, { env: { memory, abort() { throw new Error('kernel abort'); } } });
  const e = inst.exports;
  const ctl = new Int32Array(memory.buffer, 0, ${SLOT_WORDS * (MAX_WORKERS + 1)});
  const b = init.slot * ${SLOT_WORDS};
  const J = ${JOB_ARGS};
  let last = Atomics.load(ctl, b);
  ready();
  for (;;) {
    let v = Atomics.load(ctl, b);
    let spins = 0;
    while (v === last) {
      if (++spins > ${WORKER_SPINS}) { Atomics.wait(ctl, b, last); spins = 0; }
      v = Atomics.load(ctl, b);
    }
    if ((v & 1) !== 0) { last = v; continue; } // a job the caller cancelled
    last = (v + 1) | 0;
    if (Atomics.compareExchange(ctl, b, v, last) !== v) continue; // the caller finished without this worker
    if (Atomics.load(ctl, ${JOB_OP}) === ${OP_STOP}) return;
    let failed = 0;
    try {
      if (Atomics.load(ctl, ${JOB_OP}) === ${OP_ADAM}) {
        const n = ctl[J + 4], chunk = ctl[J + 5];
        const f = new Float64Array(memory.buffer, ctl[J + 6], 8);
        for (;;) {
          const i0 = Atomics.add(ctl, ${JOB_COUNTER}, 1) * chunk;
          if (i0 >= n) break;
          const o = 4 * i0;
          e.adam(ctl[J] + o, ctl[J + 1] + o, ctl[J + 2] + o, ctl[J + 3] + o, Math.min(chunk, n - i0), f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
        }
      } else {
      const np = ctl[J + 11], chunk = ctl[J + 12];
      for (;;) {
        const p0 = Atomics.add(ctl, ${JOB_COUNTER}, 1) * chunk;
        if (p0 >= np) break;
        const p1 = Math.min(p0 + chunk, np);
        e.packA(ctl[J], ctl[J + 1], ctl[J + 2], ctl[J + 3], ctl[J + 4], ctl[J + 5], p0, p1);
        e.gemm(ctl[J + 5], ctl[J + 6], ctl[J + 3], ctl[J + 7], ctl[J + 4], ctl[J + 8], ctl[J + 9], ctl[J + 10], p0, p1, ctl[J + 13] + 128 * (init.slot + 1), ctl[J + 14], ctl[J + 15], ctl[J + 16], ctl[J + 17]);
      }
      }
    } catch (x) {
      failed = 1;
    }
    ctl[b + 2] = failed;
    Atomics.store(ctl, b + 1, v);
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
