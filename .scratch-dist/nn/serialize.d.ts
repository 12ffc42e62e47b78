import type { Param } from './tensor.js';
/**
 * Weights in a model file: one entry per parameter (name, shape, float32 values as little-endian base64). Exact:
 * a round trip restores every bit. `readWeights` checks the entries against the parameters a model of the declared
 * architecture has — names, shapes, byte lengths, finiteness — and reports every mismatch at once.
 */
export interface WeightEntry {
    readonly name: string;
    readonly shape: readonly number[];
    readonly data: string;
}
export declare function bytesToBase64(b: Uint8Array): string;
/** Decode base64; null when the text is not valid base64. */
export declare function base64ToBytes(s: string): Uint8Array | null;
/** The parameters' current values as model-file entries. */
export declare function writeWeights(params: readonly Param[]): WeightEntry[];
/**
 * Fill `params` from model-file entries. Returns the problems found (empty = loaded); on any problem no parameter
 * is changed.
 */
export declare function readWeights(entries: unknown, params: readonly Param[], where?: string): string[];
