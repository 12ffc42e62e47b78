import type { Command, OptionSpec } from './command.js';
/**
 * Every command, in the order `lookalike --help` lists them: the sections of docs/cli.md (help.ts), each the module
 * of the same name in commands/. A command's module (and what it imports: DuckDB, vega, the synthesizers…) is
 * loaded only when that command runs or shows its help, so `lookalike --help` loads none of them (issue 9). The
 * import is left to the runtime (`@vite-ignore`: the tests run the TypeScript, where Node runs the build).
 */
export declare const COMMAND_INDEX: {
    name: string;
    load: () => Promise<Command>;
}[];
/** Loads every command (tests, documentation); the CLI itself loads only the one it runs. */
export declare const loadCommands: () => Promise<Command[]>;
export interface CliStreams {
    stdout: (s: string) => void;
    stderr: (s: string) => void;
    stderrIsTTY: boolean;
}
/**
 * `--rows -1` → `--rows=-1` (and `-n -1` likewise) for options that take a value: node's parseArgs refuses a
 * value that starts with a dash ("argument is ambiguous"), which hid the real problem (a negative number) from the
 * user; joined, the option's own check says what is wrong with the value.
 */
export declare function joinNegativeValues(argv: readonly string[], options: Readonly<Record<string, OptionSpec>>): string[];
/** Run the CLI; resolves to the exit code. */
export declare function main(argv: string[], streams?: CliStreams): Promise<number>;
