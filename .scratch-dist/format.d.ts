/**
 * How lookalike prints numbers, in one place (ground floor: imports nothing).
 *
 * - `formatNumber`: scores, shares, distances, timings — round to nearest, `digits` significant digits (default 4),
 *   exponent form outside [1e-3, 1e6), `—` for a missing value, `∞` for Infinity.
 * - `formatEpsilon`: a claimed privacy parameter (ε, δ, ρ) — the same layout, but rounded **up**: the printed
 *   decimal, read back as a number, is never below the number printed, so printing can only overstate the privacy
 *   loss (DESIGN.md rule 3). The rounding works on the double's exact binary value (BigInt), not on a float
 *   product that may round the wrong way.
 */
/** `digits`: significant digits (default 4); `fixed`: a fixed number of decimals instead (e.g. 3 → "0.960"). */
export interface NumberFormat {
    readonly digits?: number;
    readonly fixed?: number;
}
/** A number as tables and messages show it (round to nearest). See the module comment. */
export declare function formatNumber(x: number | null | undefined, opts?: NumberFormat): string;
/**
 * A privacy parameter (ε, δ, ρ) rounded **up** to `digits` significant digits (default 4; in exponent form, outside
 * [1e-3, 1e6), `digits − 1`, like `formatNumber`). Contract: `Number(formatEpsilon(x)) >= x` for every finite x.
 * The printed decimal is x's exact value cut to `digits` digits when that decimal reads back as x itself (so the
 * δ = 1e-9 a user typed prints as 1.00e-9), else the next decimal up. Negatives round towards zero. `∞` for a
 * model without a finite guarantee.
 */
export declare function formatEpsilon(x: number | null | undefined, digits?: number): string;
/** A plain-text table with aligned columns: the header, a rule of dashes, the rows (for terminals and logs). */
export declare function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string;
/**
 * `text` with every such character written as a visible `\uXXXX` escape. Every message and result the CLI prints
 * goes through it (column names, file names and values come from the user's files). In JSON output the escape is
 * JSON's own, so printed JSON parses to the same strings.
 */
export declare function printable(text: string): string;
