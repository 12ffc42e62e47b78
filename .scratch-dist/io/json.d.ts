/**
 * Reads and parses the JSON file at `path`; `kind` names it in messages (e.g. "metadata", "model").
 * Throws `LookalikeError` for a missing file, a directory, an empty file, invalid UTF-8 or invalid JSON.
 */
export declare function readJsonFile(path: string, kind: string): Promise<unknown>;
/**
 * Throws a `LookalikeError` when the JSON (or JSONL) data file at `path` nests arrays or objects more than `max`
 * levels deep. DuckDB's JSON reader recurses per level and crashes the process (a segmentation fault, no message)
 * somewhere past ten thousand levels; flat records need two. One streaming pass over the bytes (gzip is
 * decompressed), counting brackets outside strings; anything else malformed is left for the reader to report.
 */
export declare function checkJsonDepth(path: string, max: number): Promise<void>;
