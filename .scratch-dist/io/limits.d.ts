/** The most columns a table may have. */
export declare const MAX_COLUMNS = 10000;
export declare function columnsProblem(n: number): string;
/** Deepest nesting of arrays/objects in a JSON or JSONL data file (flat records need 2). */
export declare const MAX_JSON_DEPTH = 100;
/** Largest JSON side file (metadata, model, policy, evaluation) read whole into memory. */
export declare const MAX_JSON_FILE_BYTES: number;
/** Bytes one cell takes once read, by raw column type (strings: a pointer plus a short string on the JS heap). */
export declare const CELL_BYTES: {
    readonly number: 8;
    readonly datetime: 8;
    readonly boolean: 1;
    readonly dictionary: 4;
    readonly string: 64;
};
/**
 * The memory a table may use, in bytes: `LOOKALIKE_MEMORY_LIMIT` (e.g. `4GB`) when set, else the smaller of the
 * machine's memory and the process's cgroup limit. Typed columns live outside the JS heap; string columns live on
 * it, so they are held to the heap limit (raise it with NODE_OPTIONS=--max-old-space-size=MB).
 */
export declare function memoryBudget(): {
    total: number;
    heap: number;
    fromEnv: boolean;
};
/**
 * A problem text when `nRows` rows of columns of the given raw types would not fit in memory, else null.
 * Estimate: CELL_BYTES per cell, times HEADROOM for the copies inference and fitting make.
 */
export declare function memoryProblem(nRows: number, types: readonly (keyof typeof CELL_BYTES)[]): string | null;
