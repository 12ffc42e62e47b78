import { GEMM_WASM, GEMM_WASM_SHARED } from './gemm-wasm.generated.js';
import type { Gemm, PackedB, SharedAdam } from './gemm.js';
import { addBiasRows, addColumnSums, maskRows, referenceGemm, reluRows } from './reference.js';
import {
  JOB_ARGS,
  JOB_COUNTER,
  JOB_OP,
  MAX_WORKERS,
  OP_ADAM,
  OP_GEMM,
  OP_STOP,
  SLOT_WORDS,
  threadSpawner,
  type KernelWorkerHandle,
} from './threads.js';

/** Pages a shared kernel memory may grow to (1 GiB); scripts/build-wasm.mjs compiles the shared module with it. */
export const MAX_SHARED_PAGES = 16384;
const PAGE = 65536;
/** Bytes [0, 4096): control words of the worker slots; [4096, 8192): per-thread 128-byte tile scratch; heap after. */
const SCRATCH_BASE = 4096;
const HEAP_BASE = 65536;
const ALIGN = 64;
/** Products below this many multiply-adds stay on the calling thread (a hand-over costs a few microseconds). */
const MIN_PARALLEL_MACS = 1 << 18;

interface KernelExports {
  packA(
    src: number,
    lda: number,
    trans: number,
    m: number,
    k: number,
    dst: number,
    p0: number,
    p1: number,
  ): void;
  packB(
    src: number,
    ldb: number,
    trans: number,
    k: number,
    n: number,
    dst: number,
    q0: number,
    q1: number,
    sums: number,
  ): void;
  gemm(
    pa: number,
    pb: number,
    m: number,
    n: number,
    k: number,
    c: number,
    ldc: number,
    accumulate: number,
    p0: number,
    p1: number,
    scratch: number,
    bias: number,
    relu: number,
    mask: number,
    kpb: number,
  ): void;
  adam(
    w: number,
    g: number,
    m: number,
    v: number,
    n: number,
    b1: number,
    b2: number,
    c1: number,
    c2: number,
    lr: number,
    eps: number,
    wd: number,
    decay: number,
  ): void;
  expScaled(x: number, out: number, n: number, scale: number, t: number): void;
  // assembly/elementwise.ts (the VAE step)
  normals(out: number, n: number, state: number, tables: number): void;
  latentForward(
    enc: number,
    eps: number,
    std: number,
    z: number,
    dMu: number,
    dLv: number,
    B: number,
    E: number,
    scale: number,
    t: number,
  ): number;
  latentBackward(
    dz: number,
    dMu: number,
    dLv: number,
    eps: number,
    std: number,
    dEnc: number,
    B: number,
    E: number,
  ): void;
  gemmSparseA(
    a: number,
    m: number,
    k: number,
    pb: number,
    n: number,
    c: number,
    ldc: number,
    bias: number,
    relu: number,
    t: number,
    idx: number,
  ): void;
  gemmSparseAt(
    a: number,
    m: number,
    k: number,
    lda: number,
    k0: number,
    d: number,
    n: number,
    g: number,
    sums: number,
  ): void;
  gemmSparseTail(
    a: number,
    lda: number,
    m: number,
    k0: number,
    k: number,
    pb: number,
    kp: number,
    n: number,
    c: number,
    ldc: number,
    bias: number,
    relu: number,
    t: number,
    idx: number,
  ): void;
  softmaxSpans(
    rec: number,
    x: number,
    d: number,
    spans: number,
    ns: number,
    W: number,
    B: number,
    g: number,
    sh: number,
    t: number,
  ): number;
  // assembly/residual.ts (ctgan's residual block)
  residualForward(
    h: number,
    x: number,
    B: number,
    o: number,
    n: number,
    gamma: number,
    beta: number,
    rm: number,
    rv: number,
    training: number,
    momentum: number,
    eps: number,
    mean: number,
    vr: number,
    invStd: number,
    xh: number,
    yb: number,
    y: number,
  ): void;
  // assembly/span.ts (a generator's output activations)
  spanForward(
    x: number,
    noise: number,
    y: number,
    B: number,
    c: number,
    spans: number,
    ns: number,
    invTau: number,
    table: number,
  ): void;
  spanBackward(
    dy: number,
    y: number,
    dx: number,
    B: number,
    c: number,
    spans: number,
    ns: number,
    invTau: number,
  ): void;
  residualBackward(
    dy: number,
    B: number,
    o: number,
    w: number,
    yb: number,
    xh: number,
    gamma: number,
    invStd: number,
    trained: number,
    sumDy: number,
    sumDyXh: number,
    r: number,
    dbn: number,
  ): void;
}

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

let simdSupport: boolean | undefined;
/** Whether this platform runs WebAssembly SIMD (the kernel validates). */
export function wasmSimdSupported(): boolean {
  if (simdSupport === undefined) {
    try {
      simdSupport = typeof WebAssembly === 'object' && WebAssembly.validate(decodeBase64(GEMM_WASM));
    } catch {
      simdSupport = false;
    }
  }
  return simdSupport;
}

let plainModule: WebAssembly.Module | undefined;
let sharedModule: WebAssembly.Module | undefined;
function kernelModule(shared: boolean): WebAssembly.Module {
  if (shared) return (sharedModule ??= new WebAssembly.Module(decodeBase64(GEMM_WASM_SHARED)));
  return (plainModule ??= new WebAssembly.Module(decodeBase64(GEMM_WASM)));
}

/** First-fit allocator over the kernel heap, in bytes. */
class Arena {
  private free: { off: number; size: number }[] = [];
  private top = HEAP_BASE;
  constructor(private readonly memory: WebAssembly.Memory) {}

  alloc(bytes: number): number {
    const size = Math.ceil(Math.max(bytes, 1) / ALIGN) * ALIGN;
    for (let i = 0; i < this.free.length; i++) {
      const f = this.free[i];
      if (f.size >= size) {
        const off = f.off;
        if (f.size === size) this.free.splice(i, 1);
        else this.free[i] = { off: f.off + size, size: f.size - size };
        return off;
      }
    }
    const off = this.top;
    this.top += size;
    const need = Math.ceil(this.top / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (need > 0) {
      try {
        this.memory.grow(need);
      } catch {
        this.top -= size;
        throw new Error(`the nn kernel could not grow its memory to ${Math.ceil(this.top / 2 ** 20)} MiB`);
      }
    }
    return off;
  }

  release(off: number, bytes: number): void {
    const size = Math.ceil(Math.max(bytes, 1) / ALIGN) * ALIGN;
    this.free.push({ off, size });
    this.free.sort((a, b) => a.off - b.off);
    const merged: { off: number; size: number }[] = [];
    for (const f of this.free) {
      const last = merged[merged.length - 1];
      if (last && last.off + last.size === f.off) last.size += f.size;
      else merged.push({ ...f });
    }
    const last = merged[merged.length - 1];
    if (last && last.off + last.size === this.top) {
      this.top = last.off;
      merged.pop();
    }
    this.free = merged;
  }
}

interface WasmPacked extends PackedB {
  off: number;
  bytes: number;
  released: boolean;
}

const panels = (x: number, w: number): number => Math.ceil(x / w);

class WasmGemm implements Gemm {
  readonly backend = 'wasm-simd' as const;
  readonly threads: number;
  private readonly e: KernelExports;
  private readonly arena: Arena;
  private heap: Float32Array;
  private readonly ctl: Int32Array | null;
  private scratchOff = 0;
  private scratchBytes = 0;
  private canBlock = true;
  private closed = false;
  /** The last job number posted to the workers (even; see threads.ts). */
  private job = 0;

  constructor(
    private readonly memory: WebAssembly.Memory,
    instance: WebAssembly.Instance,
    private readonly workers: KernelWorkerHandle[],
  ) {
    this.e = instance.exports as unknown as KernelExports;
    this.arena = new Arena(memory);
    this.heap = new Float32Array(memory.buffer);
    this.threads = workers.length + 1;
    this.ctl = workers.length ? new Int32Array(memory.buffer, 0, SLOT_WORDS * (MAX_WORKERS + 1)) : null;
    if (this.ctl) {
      try {
        Atomics.wait(this.ctl, SLOT_WORDS * MAX_WORKERS, 1, 0); // throws where this thread may not block
      } catch {
        this.canBlock = false;
      }
    }
  }

  private view(): Float32Array {
    if (this.heap.buffer !== this.memory.buffer || this.heap.length * 4 !== this.memory.buffer.byteLength)
      this.heap = new Float32Array(this.memory.buffer);
    return this.heap;
  }

  private scratch(bytes: number): number {
    if (bytes > this.scratchBytes) {
      if (this.scratchBytes) this.arena.release(this.scratchOff, this.scratchBytes);
      this.scratchBytes = Math.max(bytes, this.scratchBytes * 1.5);
      this.scratchOff = this.arena.alloc(this.scratchBytes);
    }
    return this.scratchOff;
  }

  pack(k: number, n: number, b: Float32Array, transB: boolean): PackedB {
    const bytes = panels(n, 8) * 8 * k * 4;
    const p: WasmPacked = { k, n, transB, off: this.arena.alloc(bytes), bytes, released: false };
    this.repack(p, b);
    return p;
  }

  repack(p: PackedB, b: Float32Array): void {
    const w = p as WasmPacked;
    if (w.released) throw new Error('nn kernel: repack of a released matrix');
    const raw = this.scratch(p.k * p.n * 4);
    this.view().set(b.subarray(0, p.k * p.n), raw >> 2);
    this.e.packB(raw, p.transB ? p.k : p.n, p.transB ? 1 : 0, p.k, p.n, w.off, 0, panels(p.n, 8), 0);
  }

  release(p: PackedB): void {
    const w = p as WasmPacked;
    if (w.released) return;
    w.released = true;
    this.arena.release(w.off, w.bytes);
  }

  matmul(
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    transA: boolean,
    b: Float32Array | PackedB,
    transB: boolean,
    c: Float32Array,
    accumulate: boolean,
    bias?: Float32Array | null,
    bSums?: Float32Array | null,
    activation?: 'relu' | null,
    reluMask?: Float32Array | null,
    sparseA?: boolean | number,
    sparseCols?: number,
  ): void {
    if (m === 0 || n === 0) return;
    const packed = b instanceof Float32Array ? null : (b as WasmPacked);
    // the rows of A (as stored) from `from` on are mostly zero: all of them (true), from a row index, or none
    const from = sparseA === true ? 0 : typeof sparseA === 'number' ? Math.max(0, sparseA) : Infinity;
    // the sparse rows are rows of C (forward) or terms of the sum (weight gradient); the rest of the product is dense
    let md = m;
    let kd = k;
    if (from < Infinity && k > 0 && !reluMask) {
      if (!transA && packed && !accumulate && !bSums) {
        if (from === 0) {
          this.sparseForward(m, n, k, a, packed, c, bias ?? null, activation === 'relu');
          return;
        }
        md = Math.min(m, from);
      } else if (transA && !packed && !transB && accumulate && activation !== 'relu' && !bias) {
        if (from === 0) {
          this.sparseWeightGrad(m, n, k, a, b as Float32Array, c, bSums ?? null);
          return;
        }
        kd = Math.min(k, from);
      }
    }
    // A's stored columns from `sparseCols` on are mostly zero: the terms of the sum from there on (op(A)·B, added
    // after the dense ones by gemmSparseTail, which then does the epilogue), or the rows of C from there on (Aᵀ·B)
    let tail: 'none' | 'fwd' | 'grad' = 'none';
    if (from === Infinity && sparseCols !== undefined && !reluMask) {
      const s0 = Math.max(0, Math.floor(sparseCols));
      if (!transA && packed && !accumulate && !bSums && s0 < k) {
        tail = 'fwd';
        kd = s0;
      } else if (transA && !packed && !transB && accumulate && activation !== 'relu' && !bias && s0 < m) {
        tail = 'grad';
        md = s0;
      }
    }
    if (packed && (packed.k !== k || packed.n !== n || packed.released))
      throw new Error(`nn kernel: a packed ${packed.k}×${packed.n} matrix used as ${k}×${n}`);
    if (packed && bSums) throw new Error('nn kernel: column sums of B need an unpacked B');
    if (k === 0) {
      if (!accumulate) c.fill(0, 0, m * n);
      if (bias) addBiasRows(c, bias, m, n);
      if (activation === 'relu') reluRows(c, m * n);
      if (reluMask) maskRows(c, reluMask, m * n);
      return;
    }
    const np = panels(md, 4);
    const nq = panels(n, 8);
    const al = (x: number): number => Math.ceil(x / ALIGN) * ALIGN;
    const aBytes = al(m * k * 4);
    const paBytes = al(np * 4 * kd * 4);
    const bBytes = packed ? 0 : al(k * n * 4);
    const pbBytes = packed ? 0 : al(nq * 8 * kd * 4);
    const cBytes = al(m * n * 4);
    const vBytes = bias ? al(nq * 8 * 4) : 0;
    const sBytes = bSums ? al(n * 4) : 0;
    const mBytes = reluMask ? cBytes : 0;
    // the sparse forward rows' scratch: a row of C (16-aligned) and the nonzero indices of a row of A
    const tBytes = md < m || tail === 'fwd' ? al(nq * 8 * 4) + al(k * 4) : 0;
    const base = this.scratch(
      aBytes + paBytes + bBytes + pbBytes + cBytes + vBytes + sBytes + mBytes + tBytes,
    );
    const aOff = base;
    const paOff = aOff + aBytes;
    const bOff = paOff + paBytes;
    const pbOff = packed ? packed.off : bOff + bBytes;
    const cOff = bOff + bBytes + pbBytes;
    const vOff = cOff + cBytes;
    const sOff = vOff + vBytes;
    const mOff = reluMask ? sOff + sBytes : 0;
    const tOff = sOff + sBytes + mBytes;
    const heap = this.view();
    heap.set(a.subarray(0, m * k), aOff >> 2);
    if (bias) {
      heap.set(bias.subarray(0, n), vOff >> 2);
      heap.fill(0, (vOff >> 2) + n, (vOff >> 2) + nq * 8);
    }
    if (!packed) {
      if (bSums) heap.set(bSums.subarray(0, n), sOff >> 2);
      heap.set((b as Float32Array).subarray(0, k * n), bOff >> 2);
      // with sparse terms (kd < k), B's first kd rows only (transB is false then)
      this.e.packB(bOff, transB ? k : n, transB ? 1 : 0, kd, n, pbOff, 0, nq, bSums ? sOff : 0);
    }
    if (accumulate) heap.set(c.subarray(0, m * n), cOff >> 2);
    if (reluMask) heap.set(reluMask.subarray(0, m * n), mOff >> 2);
    const lda = transA ? m : k;
    const tA = transA ? 1 : 0;
    const acc = accumulate ? 1 : 0;
    const biasOff = bias ? vOff : 0;
    const relu = activation === 'relu' ? 1 : 0;
    // with a sparse tail of A's columns the tail does the epilogue; B's panels have the stride of its packing
    const gBias = tail === 'fwd' ? 0 : biasOff;
    const gRelu = tail === 'fwd' ? 0 : relu;
    const kpb = packed ? k : kd;
    const parts = md * n * kd >= MIN_PARALLEL_MACS ? Math.min(this.threads, np) : 1;
    // the sparse rows of C (forward): other rows than the GEMM's, so on two threads the calling thread computes them
    // while the workers start on the dense ones
    const sparseRows = (): void => {
      if (md < m && tail === 'none')
        this.e.gemmSparseA(
          aOff + md * k * 4,
          m - md,
          k,
          pbOff,
          n,
          cOff + md * n * 4,
          n,
          biasOff,
          relu,
          tOff,
          tOff + al(nq * 8 * 4),
        );
    };
    if (md === 0 || kd === 0) {
      sparseRows();
      if (tail === 'fwd') heap.fill(0, cOff >> 2, (cOff >> 2) + m * n);
    } else if (parts <= 1) {
      this.e.packA(aOff, lda, tA, md, kd, paOff, 0, np);
      this.e.gemm(paOff, pbOff, md, n, kd, cOff, n, acc, 0, np, SCRATCH_BASE, gBias, gRelu, mOff, kpb);
      sparseRows();
    } else {
      // chunks of row panels claimed from a shared counter by every thread that is running (see threads.ts)
      const ctl = this.ctl!;
      const chunk = Math.max(1, Math.ceil(np / (8 * parts)));
      const args = [
        aOff,
        lda,
        tA,
        md,
        kd,
        paOff,
        pbOff,
        n,
        cOff,
        n,
        acc,
        np,
        chunk,
        SCRATCH_BASE,
        gBias,
        gRelu,
        mOff,
        kpb,
      ];
      for (let i = 0; i < args.length; i++) ctl[JOB_ARGS + i] = args[i];
      ctl[JOB_OP] = OP_GEMM;
      Atomics.store(ctl, JOB_COUNTER, 0);
      const job = (this.job = (this.job + 2) | 0);
      for (let t = 1; t < parts; t++) {
        const s = (t - 1) * SLOT_WORDS;
        Atomics.store(ctl, s, job);
        Atomics.notify(ctl, s);
      }
      sparseRows();
      for (;;) {
        const p0 = Atomics.add(ctl, JOB_COUNTER, 1) * chunk;
        if (p0 >= np) break;
        const p1 = Math.min(p0 + chunk, np);
        this.e.packA(aOff, lda, tA, md, kd, paOff, p0, p1);
        this.e.gemm(paOff, pbOff, md, n, kd, cOff, n, acc, p0, p1, SCRATCH_BASE, gBias, gRelu, mOff, kpb);
      }
      let failed = false;
      for (let t = 1; t < parts; t++) {
        const s = (t - 1) * SLOT_WORDS;
        // a worker that has not taken the job yet never will: cancel its part instead of waiting for it to wake
        if (Atomics.compareExchange(ctl, s, job, (job + 1) | 0) === job) continue;
        this.waitDone(ctl, s, job);
        if (ctl[s + 2]) failed = true;
      }
      if (failed) throw new Error('nn kernel: a worker thread failed');
    }
    // the sparse terms of the sum, after the dense ones (weight gradient)
    if (tail === 'fwd')
      this.e.gemmSparseTail(
        aOff,
        k,
        m,
        kd,
        k,
        pbOff,
        kpb,
        n,
        cOff,
        n,
        biasOff,
        relu,
        tOff,
        tOff + al(nq * 8 * 4),
      );
    else if (tail === 'grad') this.e.gemmSparseAt(aOff, k, m, m, md, bOff, n, cOff, 0);
    else if (kd < k)
      this.e.gemmSparseAt(aOff + kd * m * 4, k - kd, m, m, 0, bOff + kd * n * 4, n, cOff, bSums ? sOff : 0);
    const h = this.view();
    if (bSums) bSums.set(h.subarray(sOff >> 2, (sOff >> 2) + n));
    c.set(h.subarray(cOff >> 2, (cOff >> 2) + m * n));
  }

  /** C (m×n) = A·B (+ bias, relu) for a mostly-zero A (m×k) and a packed B, on the calling thread (`gemmSparseA`). */
  private sparseForward(
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    packed: WasmPacked,
    c: Float32Array,
    bias: Float32Array | null,
    relu: boolean,
  ): void {
    const al = (x: number): number => Math.ceil(x / ALIGN) * ALIGN;
    const nq = panels(n, 8);
    const aBytes = al(m * k * 4);
    const cBytes = al(m * n * 4);
    const tBytes = al(nq * 8 * 4);
    const iBytes = al(k * 4);
    const base = this.scratch(aBytes + cBytes + 2 * tBytes + iBytes);
    const aOff = base;
    const cOff = aOff + aBytes;
    const tOff = cOff + cBytes;
    const vOff = tOff + tBytes;
    const iOff = vOff + tBytes;
    const heap = this.view();
    heap.set(a.subarray(0, m * k), aOff >> 2);
    if (bias) {
      heap.set(bias.subarray(0, n), vOff >> 2);
      heap.fill(0, (vOff >> 2) + n, (vOff >> 2) + nq * 8);
    }
    this.e.gemmSparseA(aOff, m, k, packed.off, n, cOff, n, bias ? vOff : 0, relu ? 1 : 0, tOff, iOff);
    c.set(heap.subarray(cOff >> 2, (cOff >> 2) + m * n));
  }

  /** G (k×n) += Aᵀ·D for a mostly-zero A (m×k) and D (m×n), and the column sums of D (`gemmSparseAt`). */
  private sparseWeightGrad(
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    d: Float32Array,
    g: Float32Array,
    sums: Float32Array | null,
  ): void {
    // here the product's m is A's columns (k of gemmSparseAt) and its k is the rows both share
    const al = (x: number): number => Math.ceil(x / ALIGN) * ALIGN;
    const aBytes = al(k * m * 4);
    const dBytes = al(k * n * 4);
    const gBytes = al(m * n * 4);
    const sBytes = sums ? al(n * 4) : 0;
    const base = this.scratch(aBytes + dBytes + gBytes + sBytes);
    const aOff = base;
    const dOff = aOff + aBytes;
    const gOff = dOff + dBytes;
    const sOff = gOff + gBytes;
    const heap = this.view();
    heap.set(a.subarray(0, k * m), aOff >> 2);
    heap.set(d.subarray(0, k * n), dOff >> 2);
    heap.set(g.subarray(0, m * n), gOff >> 2);
    if (sums) heap.set(sums.subarray(0, n), sOff >> 2);
    this.e.gemmSparseAt(aOff, k, m, m, 0, dOff, n, gOff, sums ? sOff : 0);
    g.set(heap.subarray(gOff >> 2, (gOff >> 2) + m * n));
    if (sums) sums.set(heap.subarray(sOff >> 2, (sOff >> 2) + n));
  }

  adamState(sizes: readonly number[]): SharedAdam | null {
    if (!this.ctl || this.closed) return null;
    // [w | g | m | v] of every parameter, each padded to 4 floats, then the 8 float64 arguments of a step
    const pad = (x: number): number => Math.ceil(x / 4) * 4;
    const offs: number[] = [];
    let total = 0;
    for (const n of sizes) {
      offs.push(total);
      total += pad(n);
    }
    const bytes = 16 * total + 64;
    const base = this.arena.alloc(bytes);
    const w = base,
      g = base + 4 * total,
      m = g + 4 * total,
      v = m + 4 * total,
      f = v + 4 * total;
    const buf = this.memory.buffer;
    new Float32Array(buf, base, 4 * total).fill(0);
    const view = (at: number, k: number): Float32Array => new Float32Array(buf, at + 4 * offs[k], sizes[k]);
    const ctl = this.ctl;
    let released = false;
    return {
      m: sizes.map((_, k) => view(m, k)),
      v: sizes.map((_, k) => view(v, k)),
      step: (values, grads, b1, b2, c1, c2, lr, eps, wd, decay) => {
        if (released || this.closed) throw new Error('nn kernel: Adam on a released or closed kernel');
        const heap = this.view();
        for (let k = 0; k < sizes.length; k++) {
          heap.set(values[k].subarray(0, sizes[k]), (w >> 2) + offs[k]);
          heap.set(grads[k].subarray(0, sizes[k]), (g >> 2) + offs[k]);
        }
        const args = new Float64Array(this.memory.buffer, f, 8);
        args.set([b1, b2, c1, c2, lr, eps, wd, decay]);
        // chunks of elements (a multiple of 4) claimed from the shared counter, as the GEMM's row panels; every
        // element's update is its own, so the split does not change a bit
        const parts = this.threads;
        const chunk = Math.min(8192, Math.max(1024, pad(Math.ceil(total / (8 * parts)))));
        const jobArgs = [w, g, m, v, total, chunk, f];
        for (let i = 0; i < jobArgs.length; i++) ctl[JOB_ARGS + i] = jobArgs[i];
        ctl[JOB_OP] = OP_ADAM;
        Atomics.store(ctl, JOB_COUNTER, 0);
        const job = (this.job = (this.job + 2) | 0);
        for (let t = 1; t < parts; t++) {
          const s = (t - 1) * SLOT_WORDS;
          Atomics.store(ctl, s, job);
          Atomics.notify(ctl, s);
        }
        for (;;) {
          const i0 = Atomics.add(ctl, JOB_COUNTER, 1) * chunk;
          if (i0 >= total) break;
          const o = 4 * i0;
          this.e.adam(
            w + o,
            g + o,
            m + o,
            v + o,
            Math.min(chunk, total - i0),
            b1,
            b2,
            c1,
            c2,
            lr,
            eps,
            wd,
            decay,
          );
        }
        let failed = false;
        for (let t = 1; t < parts; t++) {
          const s = (t - 1) * SLOT_WORDS;
          if (Atomics.compareExchange(ctl, s, job, (job + 1) | 0) === job) continue;
          this.waitDone(ctl, s, job);
          if (ctl[s + 2]) failed = true;
        }
        if (failed) throw new Error('nn kernel: a worker thread failed');
        const h = this.view();
        for (let k = 0; k < sizes.length; k++)
          values[k].set(h.subarray((w >> 2) + offs[k], (w >> 2) + offs[k] + sizes[k]));
      },
      release: () => {
        if (released || this.closed) return;
        released = true;
        this.arena.release(base, bytes);
      },
    };
  }

  private waitDone(ctl: Int32Array, s: number, seq: number): void {
    let spins = 0;
    for (;;) {
      const d = Atomics.load(ctl, s + 1);
      if (d === seq) return;
      if (++spins > 20000 && this.canBlock) {
        Atomics.wait(ctl, s + 1, d, 1000);
        spins = 0;
      }
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.ctl) {
      this.ctl[JOB_OP] = OP_STOP;
      const job = (this.job = (this.job + 2) | 0);
      for (let t = 0; t < this.workers.length; t++) {
        const s = t * SLOT_WORDS;
        Atomics.store(this.ctl, s, job);
        Atomics.notify(this.ctl, s);
      }
    }
    for (const w of this.workers) w.terminate();
  }
}

/** The scalar reference as a Gemm (no WebAssembly SIMD). */
class JsGemm implements Gemm {
  readonly backend = 'js' as const;
  readonly threads = 1;
  matmul(
    m: number,
    n: number,
    k: number,
    a: Float32Array,
    transA: boolean,
    b: Float32Array | PackedB,
    transB: boolean,
    c: Float32Array,
    accumulate: boolean,
    bias?: Float32Array | null,
    bSums?: Float32Array | null,
    activation?: 'relu' | null,
    reluMask?: Float32Array | null,
    _sparseA?: boolean | number,
    _sparseCols?: number,
  ): void {
    if (b instanceof Float32Array) {
      referenceGemm(m, n, k, a, transA, b, transB, c, accumulate);
      if (bSums) addColumnSums(b, transB, k, n, bSums);
    } else {
      const p = b as PackedB & { data: Float32Array };
      if (p.k !== k || p.n !== n)
        throw new Error(`nn kernel: a packed ${p.k}×${p.n} matrix used as ${k}×${n}`);
      if (bSums) throw new Error('nn kernel: column sums of B need an unpacked B');
      referenceGemm(m, n, k, a, transA, p.data, p.transB, c, accumulate);
    }
    if (bias) addBiasRows(c, bias, m, n);
    if (activation === 'relu') reluRows(c, m * n);
    if (reluMask) maskRows(c, reluMask, m * n);
  }
  pack(k: number, n: number, b: Float32Array, transB: boolean): PackedB {
    return { k, n, transB, data: b.slice(0, k * n) } as PackedB;
  }
  repack(p: PackedB, b: Float32Array): void {
    (p as PackedB & { data: Float32Array }).data.set(b.subarray(0, p.k * p.n));
  }
  release(): void {}
  close(): void {}
}

export type GemmBackend = 'auto' | 'wasm-simd' | 'js';

export interface GemmOptions {
  /** `auto` (default): WebAssembly SIMD where it validates, else the scalar reference. */
  readonly backend?: GemmBackend;
  /**
   * Threads sharing each product (default 1). More than 1 needs a thread spawner (Web Workers in a cross-origin
   * isolated page; Node after `useNodeThreads()`) and shared memory; without them the Gemm quietly uses one thread.
   */
  readonly threads?: number;
}

function chooseBackend(backend: GemmBackend): 'wasm-simd' | 'js' {
  if (backend === 'js') return 'js';
  if (wasmSimdSupported()) return 'wasm-simd';
  if (backend === 'wasm-simd') throw new Error('WebAssembly SIMD is not available on this platform');
  return 'js';
}

/** A one-thread Gemm, made synchronously (for sampling, which is synchronous). */
export function createGemmSync(opts: { readonly backend?: GemmBackend } = {}): Gemm {
  if (chooseBackend(opts.backend ?? 'auto') === 'js') return new JsGemm();
  const memory = new WebAssembly.Memory({ initial: 2 });
  const instance = new WebAssembly.Instance(kernelModule(false), { env: { memory, abort: kernelAbort } });
  return new WasmGemm(memory, instance, []);
}

function kernelAbort(): never {
  throw new Error('nn kernel aborted');
}

/**
 * The kernel's element-wise exports (Adam) on a private memory of its own, sized once (never grown, so views of it
 * stay valid): `floats` float32 values from byte `base`. Null where WebAssembly SIMD is unavailable.
 */
export function vectorKernel(floats: number): {
  readonly heap: Float32Array;
  readonly base: number;
  readonly adam: KernelExports['adam'];
  readonly expScaled: KernelExports['expScaled'];
} | null {
  if (!wasmSimdSupported()) return null;
  const pages = Math.ceil((HEAP_BASE + floats * 4) / PAGE) + 1;
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const instance = new WebAssembly.Instance(kernelModule(false), { env: { memory, abort: kernelAbort } });
  const e = instance.exports as unknown as KernelExports;
  return { heap: new Float32Array(memory.buffer), base: HEAP_BASE, adam: e.adam, expScaled: e.expScaled };
}

/** A Gemm with up to `threads` threads (see GemmOptions). Close it when done to stop its workers. */
export async function createGemm(opts: GemmOptions = {}): Promise<Gemm> {
  const threads = Math.max(1, Math.min(Math.floor(opts.threads ?? 1), MAX_WORKERS + 1));
  const backend = chooseBackend(opts.backend ?? 'auto');
  const spawner = threadSpawner();
  if (backend === 'js' || threads === 1 || !spawner || typeof SharedArrayBuffer === 'undefined')
    return createGemmSync({ backend });
  const memory = new WebAssembly.Memory({ initial: 2, maximum: MAX_SHARED_PAGES, shared: true });
  const module = kernelModule(true);
  const instance = new WebAssembly.Instance(module, { env: { memory, abort: kernelAbort } });
  const workers = await Promise.all(
    Array.from({ length: threads - 1 }, (_, i) => spawner.spawn({ memory, module, slot: i })),
  );
  return new WasmGemm(memory, instance, workers);
}

/** The element-wise exports of the kernel (assembly/elementwise.ts) on a private memory of `bytes` bytes from byte `base`. */
export interface ElementwiseKernel {
  readonly memory: WebAssembly.Memory;
  readonly base: number;
  readonly exports: Pick<
    KernelExports,
    | 'normals'
    | 'latentForward'
    | 'latentBackward'
    | 'softmaxSpans'
    | 'expScaled'
    | 'residualForward'
    | 'residualBackward'
    | 'spanForward'
    | 'spanBackward'
  >;
}

/**
 * A kernel instance on a private, never-grown memory with `bytes` bytes free from `base` (bytes [0, base) are the
 * kernel's own: 16-byte scratch words below 65536 are free for the caller). Null where WebAssembly SIMD is
 * unavailable.
 */
export function elementwiseKernel(bytes: number): ElementwiseKernel | null {
  if (!wasmSimdSupported()) return null;
  const pages = Math.ceil((HEAP_BASE + bytes) / PAGE) + 1;
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const instance = new WebAssembly.Instance(kernelModule(false), { env: { memory, abort: kernelAbort } });
  return { memory, base: HEAP_BASE, exports: instance.exports as unknown as KernelExports };
}

/**
 * A new element-wise kernel with named regions laid out one after another from its `base`, each rounded up to 64
 * bytes: the kernel and each region's absolute byte offset. Null where WebAssembly SIMD is unavailable.
 */
export function elementwiseRegions<K extends string>(
  bytes: Readonly<Record<K, number>>,
): { readonly k: ElementwiseKernel; readonly o: Record<K, number> } | null {
  const rel = {} as Record<K, number>;
  let at = 0;
  for (const key of Object.keys(bytes) as K[]) {
    rel[key] = at;
    at += Math.ceil(bytes[key] / ALIGN) * ALIGN;
  }
  const k = elementwiseKernel(at);
  if (!k) return null;
  for (const key of Object.keys(rel) as K[]) rel[key] += k.base;
  return { k, o: rel };
}
