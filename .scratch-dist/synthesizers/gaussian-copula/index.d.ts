import type { Synthesizer } from '../types.js';
export declare const gaussianCopula: Synthesizer;
