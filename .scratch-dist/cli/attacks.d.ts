import type { ParsedArgs } from './command.js';
/**
 * `--attacks`: undefined = the default set, `'none'`, or a list checked against the registered attacks (a usage
 * error, or with `collect` a problem added to it).
 */
export declare function attacksFlag(args: ParsedArgs, collect?: string[]): string[] | 'none' | undefined;
/** The value of `--attack-count` (a usage error below 10), or undefined for the default. */
export declare function attackCountFlag(args: ParsedArgs): number | undefined;
