import type { SynthesizerInfo } from '../types.js';
/** `pate-gan`: what it is and its options (the code is in index.ts). */
export declare const pateGanInfo: SynthesizerInfo;
