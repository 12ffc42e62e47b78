/** The Cody–Waite exp above, kept to build the table of the fast one (and as its reference in tests). */
export declare function expSeries(x: number): number;
/** 2^(j/32) for j < 32: the table of `exp` (exported for the kernel's float64 exp, which reads the same values). */
export declare const EXP_TABLE: Float64Array<ArrayBuffer>;
export declare function exp(x: number): number;
export declare function log(x: number): number;
/** log(1 + x), accurate for small x. */
export declare function log1p(x: number): number;
export declare function sigmoid(x: number): number;
export declare function tanh(x: number): number;
/** log(1 + e^x) without overflow. */
export declare function softplus(x: number): number;
/** log Σ e^{x_i} over x[from, from + n). */
export declare function logSumExp(x: ArrayLike<number>, from: number, n: number): number;
