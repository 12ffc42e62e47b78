import type { CliContext, Command, ParsedArgs } from '../command.js';
/**
 * The body of `run` and `demo`: read the table, call the pipeline's `runJob`, write the run folder `outDir`
 * (io/run-folder.ts), print the summary; returns the exit code.
 */
export declare function runJobCommand(path: string, outDir: string, args: ParsedArgs, ctx: CliContext, defaults?: {
    target?: string;
}): Promise<number>;
export declare const command: Command;
