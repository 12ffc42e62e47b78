import type { TableTransform } from '../transforms/index.js';
import type { Synthesizer } from '../types.js';
/**
 * Mean total-variation distance between the 2-way frequencies of every pair of spans (modes, categories; each row's
 * largest entry in the span) of two encoded matrices — with one span, its 1-way distance. Pairs rather than single
 * spans because training-by-sampling matches the 1-way frequencies within a few epochs, long before the generator
 * has learnt how the columns depend on each other: a 1-way criterion keeps those early epochs.
 */
export declare function spanDistance(transform: TableTransform, a: Float32Array, na: number, b: Float32Array, nb: number): number;
export declare const ctgan: Synthesizer;
