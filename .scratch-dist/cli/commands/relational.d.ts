import type { CliContext, ParsedArgs } from '../command.js';
/** `lookalike inspect <folder or .duckdb>`: propose keys, check them, write the metadata for review. */
export declare function inspectDatabase(args: ParsedArgs, ctx: CliContext): Promise<number>;
/** `lookalike fit <folder or .duckdb> --out model.json`. */
export declare function fitDatabase(args: ParsedArgs, ctx: CliContext): Promise<number>;
/** `lookalike sample <relational model.json> --out <folder or .duckdb> [--scale X]`. */
export declare function sampleDatabase(args: ParsedArgs, ctx: CliContext): Promise<number>;
/** `lookalike evaluate <real db> <synthetic db> [--metadata M] [--out evaluation.json]`. */
export declare function evaluateDatabase(args: ParsedArgs, ctx: CliContext): Promise<number>;
/** `lookalike run <folder or .duckdb> --out-dir DIR`: fit, sample, evaluate, report. */
export declare function runDatabase(args: ParsedArgs, ctx: CliContext): Promise<number>;
