import type { SynthesizerInfo } from '../types.js';
/** `mst`: what it is and its options (the code is in index.ts). */
export declare const mstInfo: SynthesizerInfo;
