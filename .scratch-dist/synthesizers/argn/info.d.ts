import type { SynthesizerInfo } from '../types.js';
/** `argn`: what it is and its options (the code is in index.ts). */
export declare const argnInfo: SynthesizerInfo;
