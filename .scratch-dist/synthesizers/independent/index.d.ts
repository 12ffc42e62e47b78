import type { Synthesizer } from '../types.js';
export declare const independent: Synthesizer;
