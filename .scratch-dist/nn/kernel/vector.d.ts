/** out[i] = e^{scale·x[i]} for i < n (out may be x). */
export declare function expScaled(x: Float32Array, n: number, scale: number, out: Float32Array): void;
/** The reference of `expScaled`: ../math.ts's exp, rounded to float32 (the kernel agrees to a few float32 ulp). */
export declare function referenceExpScaled(x: Float32Array, n: number, scale: number, out: Float32Array): void;
