import type { SynthesizerInfo } from '../types.js';
/** `tvae`: what it is and its options (the code is in index.ts). */
export declare const tvaeInfo: SynthesizerInfo;
