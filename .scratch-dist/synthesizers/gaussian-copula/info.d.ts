import type { SynthesizerInfo } from '../types.js';
/** `gaussian-copula`: what it is (the code is in index.ts). It takes no options. */
export declare const gaussianCopulaInfo: SynthesizerInfo;
