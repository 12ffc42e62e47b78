import type { Command, OptionSpec } from './command.js';
/**
 * The help of the commands is data: docs/cli.md, one section per command (`## name`, a `> summary` line, the usage
 * as indented lines, the description, `Options:` as a list of `` - `-s, --flag VALUE`: help `` items and
 * `Examples:` as indented lines). The options listed there are the ones the command accepts: a flag with a value
 * placeholder takes a string, one without is a switch, a placeholder ending in `...` makes it repeatable (parseArgs
 * reads these declarations). Markdown escapes (`\<`) are undone.
 */
export interface CommandDoc {
    readonly summary: string;
    readonly usage: string;
    /** Paragraphs, separated by a line break. */
    readonly description: string;
    readonly options: Readonly<Record<string, OptionSpec>>;
    readonly examples: readonly string[];
}
/** Options every command takes. */
export declare const COMMON: Readonly<Record<string, OptionSpec>>;
/** The sections of a CLI reference page, by command name. */
export declare function parseCommandDocs(md: string): Map<string, CommandDoc>;
/** docs/cli.md, read once (it sits two folders above this module in the source tree and in the package). */
export declare function commandDocs(): Map<string, CommandDoc>;
/** A command's help and options: its section of docs/cli.md. */
export declare function commandDoc(c: Command): CommandDoc;
export declare function version(): string;
/** `lookalike <command> --help`. */
export declare function commandHelp(c: Command): string;
/** `lookalike --help`: every command with its summary, in the order of `names`. */
export declare function mainHelp(names: readonly string[]): string;
