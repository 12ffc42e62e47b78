import { exp } from '../math.js';
import { vectorKernel } from './wasm.js';
/**
 * Element-wise exponentials for the training steps, in the kernel's float32 SIMD lanes (`expScaled` in
 * assembly/gemm.ts: relative error about 2 ulp of float32, the same bits on every machine, not those of ../math.ts —
 * for training, which needs only one machine's reproducibility; sampling keeps ../math.ts). Where WebAssembly SIMD
 * is unavailable: `referenceExpScaled`.
 */
let kernel;
let capacity = 0;
/** out[i] = e^{scale·x[i]} for i < n (out may be x). */
export function expScaled(x, n, scale, out) {
    if (n > capacity || kernel === undefined) {
        capacity = Math.max(n, Math.ceil(capacity * 1.5), 1 << 16);
        kernel = vectorKernel(capacity + 8);
    }
    if (!kernel) {
        referenceExpScaled(x, n, scale, out);
        return;
    }
    const { heap, base } = kernel;
    const at = base >> 2;
    heap.set(x.subarray(0, n), at);
    kernel.expScaled(base, base, n, scale, base - 16);
    out.set(heap.subarray(at, at + n));
}
/** The reference of `expScaled`: ../math.ts's exp, rounded to float32 (the kernel agrees to a few float32 ulp). */
export function referenceExpScaled(x, n, scale, out) {
    const s = Math.fround(scale);
    for (let i = 0; i < n; i++)
        out[i] = exp(Math.fround(s * x[i]));
}
//# sourceMappingURL=vector.js.map