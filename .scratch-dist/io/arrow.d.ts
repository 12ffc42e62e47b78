import { type Table as ArrowTable } from 'apache-arrow';
import type { RawColumn } from '../table/raw.js';
/** Column-type problems (nested or binary columns), thrown together before any value is converted. */
export declare class ArrowTypeProblems extends Error {
    readonly problems: string[];
    constructor(problems: string[]);
}
/** Parses Arrow IPC bytes; throws whatever apache-arrow throws for bytes that are not Arrow IPC. */
export declare function readArrowFile(path: string): Promise<ArrowTable>;
/** Converts the columns of an Arrow table to raw columns (Int64 beyond 2^53 is rounded, with a warning). */
export declare function arrowToRaw(t: ArrowTable, warn: (m: string) => void): RawColumn[];
