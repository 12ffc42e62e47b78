import type { SynthesizerInfo } from '../types.js';
/** `independent`: what it is and its options (the code is in index.ts and ../independent-dp.ts). */
export declare const independentInfo: SynthesizerInfo;
