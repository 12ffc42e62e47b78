/**
 * The ε trade-off sweep, pure part: from evaluated points (one per synthesizer × ε) to the frontier chart, the
 * recommendation and the sweep page. The CLI (`lookalike sweep`) fits, evaluates and stores the points.
 *
 * Recommendation rule (docs/report.md): among the points whose scorecard passes every target of the policy, the one
 * with the smallest claimed ε (a non-DP point counts as ε = ∞); ties broken by higher ML utility, then higher
 * fidelity, then synthesizer name. When no point passes, nothing is recommended, and the point closest to passing
 * (fewest failing or unmeasured targets, then smallest ε, then utility) is named with what it misses.
 */
import type { Evaluation } from '../metrics/evaluation.js';
import type { Scorecard } from '../policy/types.js';
import type { PrivacyGuarantee } from '../privacy/guarantee.js';
import { type ChartSpec } from './charts.js';
export interface SweepScores {
    /** Statistical similarity (or the quality score when it is null). */
    readonly fidelity: number | null;
    readonly correlation: number | null;
    /** ML utility (TSTR / TRTR, capped at 1). */
    readonly utility: number | null;
    /**
     * 1 − privacy protection: the risk the attacks demonstrate after correcting for their number (the family-wise
     * lower bound of the largest risk; docs/privacy-risk.md). Points written before that correction hold the largest
     * estimate here.
     */
    readonly privacyRisk: number | null;
    /** The largest attack-risk estimate, and the simultaneous 95% interval of the largest true risk. */
    readonly privacyRiskLargest?: number | null;
    readonly privacyRiskInterval?: readonly [number, number] | null;
    /** Where the largest estimate stays (95%) when nothing leaks: the null reference of the maximum. */
    readonly privacyNoise?: number | null;
    /** The smallest risk the most sensitive attack could detect (80% power). */
    readonly privacyDetectable?: number | null;
    /** Largest empirical ε lower bound of the membership attacks. */
    readonly empiricalEpsilon: number | null;
    readonly quality: number | null;
}
export interface SweepPoint {
    readonly format: 'lookalike-sweep-point';
    readonly version: 1;
    readonly synthesizer: string;
    /** The ε budget asked for; null for a synthesizer that is not differentially private. */
    readonly epsilon: number | null;
    readonly delta: number | null;
    /** The guarantee of the fitted model (from its ledger). */
    readonly privacy: PrivacyGuarantee;
    readonly scores: SweepScores;
    readonly scorecard: Scorecard;
    readonly seconds: {
        readonly fit: number;
        readonly sample: number;
        readonly evaluate: number;
    };
    /** The full evaluation, next to the point file (relative name). */
    readonly evaluationFile?: string;
    /** Its HTML report, next to the point file (relative name). */
    readonly reportFile?: string;
    /** What the point was computed with (table, split, target, policy, …): a rerun reuses it only when equal. */
    readonly settings?: Readonly<Record<string, unknown>>;
    readonly createdAt: string;
}
/** The file stem of a point: `<synthesizer>-eps<ε>` or `<synthesizer>-nodp`. */
export declare function pointKey(synthesizer: string, epsilon: number | null): string;
/** The scores a sweep plots, read off an evaluation. */
export declare function sweepScores(ev: Evaluation): SweepScores;
/** Claimed ε of a point (∞ when not DP). */
export declare function claimedEpsilon(p: SweepPoint): number;
export interface Recommendation {
    /** The recommended point, or null when none meets the policy. */
    readonly point: SweepPoint | null;
    /** When nothing is recommended: the point closest to meeting the policy. */
    readonly closest: SweepPoint | null;
    readonly meeting: number;
    readonly reason: string;
}
export declare function recommend(points: readonly SweepPoint[]): Recommendation;
/** Where a point that is not differentially private sits on the log ε axis: right of the largest ε, labelled ∞. */
export declare function infinityPosition(points: readonly SweepPoint[]): number;
/**
 * Fidelity, utility and privacy risk against ε (log scale), one line per synthesizer; filled = meets the policy.
 * Points that are not differentially private (the baselines) sit at ε = ∞, right of the largest ε, so the whole
 * frontier shows. In the privacy panel, a bar is the simultaneous 95% interval of the largest true risk and a grey
 * tick the level the largest estimate reaches with no leak at all (the noise level).
 */
export declare function frontierSpec(points: readonly SweepPoint[], recommended: SweepPoint | null): ChartSpec;
export interface SweepFailure {
    readonly synthesizer: string;
    readonly epsilon: number | null;
    readonly error: string;
}
/** The sweep page: recommendation, frontier, the table of points. Self-contained like the report. */
export declare function renderSweepHtml(points: readonly SweepPoint[], opts?: {
    title?: string;
    failures?: readonly SweepFailure[];
    table?: string;
    /**
     * Whether each point's report sits in `points/` next to the page (as `lookalike sweep` writes it): links to
     * them and says so. false for a page downloaded on its own (the app), which holds no such folder.
     */
    pointReports?: boolean;
}): Promise<string>;
