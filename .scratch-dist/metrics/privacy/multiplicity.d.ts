/** One risk's statistics, in risk units (0 = the attack does no better on training rows than on unseen rows). */
export interface RiskStat {
    /** The estimate, not clipped at 0. */
    readonly estimate: number;
    /** Its standard error (0 = known exactly). */
    readonly se: number;
    /** Its standard error when there is no leak (the null); Infinity when the attack cannot show any risk. */
    readonly nullSe: number;
}
export interface RiskFamilyEntry extends RiskStat {
    /** Family-wise one-sided lower bound (Bonferroni), clipped to [0, 1]. */
    readonly lower: number;
    /** Family-wise one-sided upper bound (Bonferroni), clipped to [0, 1]. */
    readonly upper: number;
    /** Smallest true risk the family-wise test detects with the family's power, capped at 1. */
    readonly detectable: number;
    /** One-sided p-value of "no leak". */
    readonly p: number;
    /** Holm-adjusted p-value (family-wise). */
    readonly pAdjusted: number;
}
/** The risks of one evaluation read as a family (`PrivacyEvaluation.family`). */
export interface RiskFamily {
    /** Number of risks compared (k). */
    readonly comparisons: number;
    /** Family-wise confidence level (0.95). */
    readonly level: number;
    /** Power of the detectable risks (0.8). */
    readonly power: number;
    /** The largest risk estimate (clipped to [0, 1]) and its key in `risks`; null without risks. */
    readonly largest: {
        readonly key: string;
        readonly estimate: number;
    } | null;
    /** Simultaneous interval for the largest true risk. */
    readonly interval: readonly [number, number];
    /** Family-wise lower bound of the largest true risk: what the attacks demonstrate after the correction. */
    readonly demonstrated: number;
    /** Where the largest estimate stays, with probability ≥ level, when nothing leaks (Bonferroni null reference). */
    readonly noiseLevel: number;
    /** Smallest detectable risk over the attacks (the suite's most sensitive attack). */
    readonly detectable: number;
    /** Keys whose Holm-adjusted p-value is below 1 − level: the risks shown beyond noise. */
    readonly significant: readonly string[];
    readonly risks: Readonly<Record<string, RiskFamilyEntry>>;
}
/** z with P(Z ≤ z) = q for a standard normal Z. */
export declare function zQuantile(q: number): number;
/**
 * The family of risks: family-wise bounds, the demonstrated risk, the noise level, detectable risks and Holm
 * p-values at family-wise level `level` (default 0.95) and power `power` (default 0.8). Throws on a bad level/power.
 */
export declare function riskFamily(stats: Readonly<Record<string, RiskStat>>, opts?: {
    level?: number;
    power?: number;
}): RiskFamily;
/**
 * The smallest detectable risk of each metric id (a range over its columns when it has several), in `family.risks`
 * order: `[["dcr_share", "0.05"], ["inference", "0.12–0.45 (14 columns)"], …]`. An attack that cannot detect any
 * risk at these sizes reads "1 (none)".
 */
export declare function detectableByMetric(f: RiskFamily): [string, string][];
/**
 * The family in words, for the text summary and the report: the largest estimate and its simultaneous interval, the
 * demonstrated risk, the noise level, the attacks shown beyond noise (one phrase each; `describeRiskFamily` joins
 * them).
 */
export declare function riskFamilyPhrases(f: RiskFamily): string[];
export declare function describeRiskFamily(f: RiskFamily): string;
