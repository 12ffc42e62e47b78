import type { SynthesizerInfo } from '../types.js';
/** `ddpm`: what it is and its options (the code is in index.ts). */
export declare const ddpmInfo: SynthesizerInfo;
