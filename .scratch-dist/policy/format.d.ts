import type { Operator, Policy, Scorecard, TargetInfo } from './types.js';
/** The operator as people read it: ≥, >, ≤, <. */
export declare function opSymbol(op: Operator): string;
/** The number a scorecard row shows: claimed guarantees are rounded up, everything else to 4 digits. */
export declare function formatRowNumber(r: {
    kind: string;
}, x: number | null | undefined): string;
/**
 * The scorecard as a plain-text table for a terminal (and CI logs), then the verdict, then — when it fails — one line
 * per failing or unmeasured target saying what was compared.
 */
export declare function formatScorecard(sc: Scorecard): string;
/** One line per failing (or, under `missing: fail`, unmeasured) target: `  ✗ id: what was compared`. */
export declare function formatFailures(sc: Scorecard): string;
/** A policy in words: its name, its targets (id, columns, operator, value, how it is checked), what "not measured" does. */
export declare function formatPolicy(policy: Policy): string;
/** The target catalogue (`lookalike policy ids`): one line per id — kind, direction, description. */
export declare function formatCatalogue(catalogue: readonly TargetInfo[]): string;
