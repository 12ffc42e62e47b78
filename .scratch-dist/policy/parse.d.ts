import { type Policy } from './types.js';
export interface ParsePolicyOptions {
    /** Name of the file for messages. */
    readonly source?: string;
    /** Extra ids a target may name (metric ids present in an evaluation, for instance). */
    readonly knownIds?: Iterable<string>;
}
/**
 * Parse and validate a policy file's text (YAML or JSON). Throws one `LookalikeError` listing every problem, with
 * line numbers where the file has them.
 */
export declare function parsePolicy(text: string, opts?: ParsePolicyOptions): Policy;
/**
 * Validate an already-parsed policy object (e.g. built in code). Same rules and messages as `parsePolicy`.
 */
export declare function validatePolicy(raw: unknown, opts?: ParsePolicyOptions & {
    lineOf?: (path: (string | number)[]) => string;
    targetsIsSeq?: boolean;
}): Policy;
