import type { ProgressFn } from '../progress.js';
/** One option of a command, as shown in `--help` and parsed by `node:util` parseArgs. */
export interface OptionSpec {
    readonly type: 'string' | 'boolean';
    readonly short?: string;
    readonly multiple?: boolean;
    /** Shown after the option name in help, e.g. `N` for `--rows N`. */
    readonly placeholder?: string;
    readonly description: string;
}
export interface ParsedArgs {
    readonly positionals: string[];
    readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
}
export interface CliContext {
    /** Results (stdout). */
    out(text: string): void;
    /** A result as indented JSON (stdout), for `--json`. */
    outJson(value: unknown): void;
    /** Messages and warnings (stderr). */
    err(text: string): void;
    /** Progress of long steps (stderr; silent with --quiet or --json). */
    progress: ProgressFn;
    /** A one-line step announcement (stderr; silent with --quiet or --json). */
    step(text: string): void;
    readonly json: boolean;
}
/**
 * A CLI command: src/cli/commands/<name>.ts exporting `command`, with its section `## <name>` in docs/cli.md (summary, usage, description, options, examples: help.ts reads them). `run` returns the exit code
 * (0 ok, 1 error, 2 usage, 3 a policy target failed) or throws a LookalikeError (kind 'usage' → 2, else 1).
 */
export interface Command {
    readonly name: string;
    /** Names of the positional arguments, e.g. ['table']; all required unless `optionalPositionals`. */
    readonly positionals: readonly string[];
    readonly optionalPositionals?: number;
    /** The last positional may be repeated (e.g. `combine a.json b.json c.json`). */
    readonly variadic?: boolean;
    /** `false` for a command that uses no synthesizer: main.ts then skips registering them (start-up time). */
    readonly needsSynthesizers?: false;
    run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}
