import type { NeighborSearch } from '../metrics/privacy/distance-metrics.js';
export interface WorkerSearch {
    readonly search: NeighborSearch;
    readonly threads: number;
    close(): Promise<void>;
}
export interface WorkerSearchOptions {
    /** Worker threads (default: available parallelism, at most 8). */
    readonly threads?: number;
    /** URL of the compiled kernel module (default: neighbors.js next to this module's compiled location). */
    readonly kernelUrl?: string;
    /** Below this many row pairs the search runs in the calling thread. Default 4e6. */
    readonly minPairs?: number;
}
export declare function createWorkerSearch(opts?: WorkerSearchOptions): WorkerSearch;
/**
 * Run `f` with the nearest-neighbour search of the privacy attacks split across worker threads when the compiled
 * kernel is there to load (it is, when lookalike runs from its build); otherwise with undefined (the attacks search
 * in-thread). The workers are closed afterwards.
 */
export declare function withWorkerSearch<T>(f: (search: NeighborSearch | undefined) => Promise<T>): Promise<T>;
