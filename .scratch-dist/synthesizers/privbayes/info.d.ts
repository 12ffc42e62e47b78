import type { SynthesizerInfo } from '../types.js';
/** `privbayes`: what it is and its options (the code is in index.ts). */
export declare const privbayesInfo: SynthesizerInfo;
