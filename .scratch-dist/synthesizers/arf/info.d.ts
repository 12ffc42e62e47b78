import type { SynthesizerInfo } from '../types.js';
export declare const ARF_MODEL_NOTE = "the arf model file stores per-leaf statistics of the training rows (counts, means, observed values that recur): keep it as confidential as the data";
/** `arf`: what it is and its options (the code is in index.ts). */
export declare const arfInfo: SynthesizerInfo;
