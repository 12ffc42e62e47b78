/**
 * Errors that reach a user. Every public entry point validates its input once and throws a `LookalikeError`
 * that lists *every* problem found (DESIGN.md rules 6–7). Messages name columns, kinds, files, lines and counts —
 * never a cell value of the private table.
 */
export type ErrorKind = 'input' | 'usage' | 'privacy' | 'internal';
export declare class LookalikeError extends Error {
    readonly kind: ErrorKind;
    readonly problems: readonly string[];
    constructor(summary: string, problems?: readonly string[], kind?: ErrorKind);
}
/** Collects problems and throws them all at once. */
export declare class ProblemList {
    readonly items: string[];
    add(problem: string): void;
    get size(): number;
    throwIfAny(summary: string, kind?: ErrorKind): void;
}
