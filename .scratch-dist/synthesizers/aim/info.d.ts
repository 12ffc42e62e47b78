import type { SynthesizerInfo } from '../types.js';
/** `aim`: what it is and its options (the code is in index.ts). */
export declare const aimInfo: SynthesizerInfo;
