import type { SynthesizerInfo } from '../types.js';
/** `ctgan`: what it is and its options (the code is in index.ts). */
export declare const ctganInfo: SynthesizerInfo;
