/**
 * A file a command reads or writes, with the words that name it in a message (e.g. `the input table`); no path
 * (an option not given) is skipped.
 */
export interface FileRole {
    readonly path: string | undefined;
    readonly what: string;
}
/**
 * Refuse, before any work, to write over a file the command reads: each output that exists is compared with each
 * input by device and inode (so a symbolic link, a hard link, `./x` or a different spelling of the same file is
 * caught), and an input lying inside one of `outputDirs` (folders whose whole content the command may rewrite) is
 * refused too. Throws a usage error (exit code 2) naming the option and the input. Inputs or outputs that are
 * `undefined` (options not given) are skipped.
 */
export declare function refuseOverwrite(inputs: readonly (FileRole | undefined)[], outputs: readonly (FileRole | undefined)[], outputDirs?: readonly (FileRole | undefined)[]): void;
/** The files a command writes into an output folder, as outputs for `refuseOverwrite`. */
export declare function filesIn(dir: string, option: string, names: readonly string[]): FileRole[];
/**
 * Create the output folder of `--<option>` (and its parents) and check that it can be written into, before any
 * work: an existing file in its place, a file among its parents, a read-only file system or a folder without write
 * permission are input errors (exit 1) naming the folder and the reason — never an internal error.
 */
export declare function makeOutputDir(dir: string, option: string): Promise<void>;
/** Fail before any work when an output file's format is unknown or its folder is missing (usage errors). */
export declare function checkOutputFile(path: string, option: string, kind: 'table' | 'json' | 'html' | 'any'): void;
/** Fail before any work when an output folder's path is taken by a file (usage error). */
export declare function checkOutputDir(dir: string, option: string): void;
/**
 * The files a command line reads, for `refuseOverwrite`: its positional arguments (`what` names each, in order)
 * and the value of every input-file flag given (`--metadata`, `--policy`, `--holdout`, `--model`…).
 */
export declare function inputFiles(positionals: readonly string[], values: Readonly<Record<string, unknown>>, ...what: string[]): FileRole[];
