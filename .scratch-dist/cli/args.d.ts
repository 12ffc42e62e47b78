import { LookalikeError } from '../errors.js';
import type { ParsedArgs } from './command.js';
/** Helpers that turn option strings into checked values; every failure is a usage error (exit code 2). */
export declare function usage(message: string): LookalikeError;
export declare function str(args: ParsedArgs, name: string): string | undefined;
export declare function requireStr(args: ParsedArgs, name: string, hint: string): string;
export declare function flag(args: ParsedArgs, name: string): boolean;
export declare function list(args: ParsedArgs, name: string): string[];
/** A whole number option with bounds, e.g. --rows, --seed. */
export declare function int(args: ParsedArgs, name: string, opts?: {
    min?: number;
    max?: number;
    default?: number;
}): number | undefined;
/** A finite number option. */
export declare function num(args: ParsedArgs, name: string): number | undefined;
