/**
 * Reading many privacy risks at once, honestly about multiple comparisons (docs/privacy-risk.md, "Privacy protection
 * score"). The suite estimates k risks (≈ 10–30: one per attack, one per inference secret); the largest of k noisy
 * estimates is biased upwards even when nothing leaks, so on a small table the plain maximum measures the noise of
 * the estimates more than the release. Here, from each risk's estimate r̂ᵢ, its standard error sᵢ and its standard
 * error under "no leak" s⁰ᵢ (normal approximations):
 *
 * - a family-wise one-sided lower bound per risk, Lᵢ = r̂ᵢ − z(1 − α/k)·sᵢ (Bonferroni); with probability ≥ 1 − α every
 *   true risk is ≥ its Lᵢ at once, so the largest true risk is ≥ max Lᵢ: the **demonstrated risk** D = max(0, maxᵢ Lᵢ);
 * - a simultaneous two-sided interval for the largest true risk, [maxᵢ(r̂ᵢ − z(1 − α/2k)·sᵢ), maxᵢ(r̂ᵢ + z(1 − α/2k)·sᵢ)]
 *   clipped to [0, 1] (every true risk in its interval at once ⇒ their maximum between the maxima of the ends);
 * - the **noise level**: maxᵢ z(1 − α/k)·s⁰ᵢ over the attacks that can show a risk (finite s⁰ᵢ), a level the largest
 *   estimate exceeds with probability ≤ α when no attack has any advantage (the null reference of the maximum,
 *   Bonferroni);
 * - per risk, the **detectable risk**: (z(1 − α/k) + z(power))·s⁰ᵢ, the smallest true risk the family-wise test finds
 *   with the given power (the usual minimum-detectable-effect formula), capped at 1 (1: this attack cannot show any
 *   risk at these sizes);
 * - one-sided p-values of "no leak", 1 − Φ(r̂ᵢ/s⁰ᵢ), with Holm's step-down adjustment.
 *
 * Pure functions; no table is read here.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
const clamp01 = (x) => (x !== x ? 0 : Math.min(1, Math.max(0, x)));
/** z with P(Z ≤ z) = q for a standard normal Z. */
export function zQuantile(q) {
    return normalQuantile(q, 0, 1);
}
/**
 * The family of risks: family-wise bounds, the demonstrated risk, the noise level, detectable risks and Holm
 * p-values at family-wise level `level` (default 0.95) and power `power` (default 0.8). Throws on a bad level/power.
 */
export function riskFamily(stats, opts = {}) {
    const level = opts.level ?? 0.95;
    const power = opts.power ?? 0.8;
    if (!(level > 0 && level < 1))
        throw new RangeError(`level must be in (0, 1), got ${level}`);
    if (!(power > 0 && power < 1))
        throw new RangeError(`power must be in (0, 1), got ${power}`);
    const keys = Object.keys(stats);
    const k = keys.length;
    const alpha = 1 - level;
    const z1 = zQuantile(1 - alpha / Math.max(k, 1));
    const z2 = zQuantile(1 - alpha / (2 * Math.max(k, 1)));
    const zb = zQuantile(power);
    const p = keys.map((key) => {
        const s = stats[key];
        if (s.nullSe === 0)
            return s.estimate > 0 ? 0 : 1;
        return Number.isFinite(s.nullSe) ? 1 - normalCdf(s.estimate / s.nullSe, 0, 1) : 1;
    });
    // Holm: the i-th smallest p times (k − i), made monotone
    const order = keys.map((_, i) => i).sort((a, b) => p[a] - p[b]);
    const adjusted = new Array(k).fill(1);
    let run = 0;
    order.forEach((i, rank) => {
        run = Math.max(run, Math.min(1, (k - rank) * p[i]));
        adjusted[i] = run;
    });
    const risks = {};
    let lo = 0, hi = 0, demonstrated = 0, noise = 0, detectable = 1;
    let largest = null;
    keys.forEach((key, i) => {
        const s = stats[key];
        const se = Number.isFinite(s.se) ? s.se : Infinity;
        const entry = {
            estimate: s.estimate,
            se: s.se,
            nullSe: s.nullSe,
            lower: clamp01(s.estimate - z1 * se),
            upper: se === Infinity ? 1 : clamp01(s.estimate + z1 * se),
            detectable: Math.min(1, (z1 + zb) * s.nullSe),
            p: p[i],
            pAdjusted: adjusted[i],
        };
        risks[key] = entry;
        const est = clamp01(s.estimate);
        if (!largest || est > largest.estimate)
            largest = { key, estimate: est };
        lo = Math.max(lo, clamp01(s.estimate - z2 * se));
        hi = Math.max(hi, se === Infinity ? 1 : clamp01(s.estimate + z2 * se));
        demonstrated = Math.max(demonstrated, entry.lower);
        // an attack that cannot show any risk has its estimate pinned at 0: it adds no noise to the maximum
        if (Number.isFinite(s.nullSe))
            noise = Math.max(noise, Math.min(1, z1 * s.nullSe));
        detectable = Math.min(detectable, entry.detectable);
    });
    return {
        comparisons: k,
        level,
        power,
        largest,
        interval: [lo, hi],
        demonstrated,
        noiseLevel: noise,
        detectable: k ? detectable : 1,
        significant: keys.filter((_, i) => adjusted[i] < alpha),
        risks,
    };
}
const f2 = (x) => (x >= 1 ? '1 (none)' : x.toFixed(2));
/**
 * The smallest detectable risk of each metric id (a range over its columns when it has several), in `family.risks`
 * order: `[["dcr_share", "0.05"], ["inference", "0.12–0.45 (14 columns)"], …]`. An attack that cannot detect any
 * risk at these sizes reads "1 (none)".
 */
export function detectableByMetric(f) {
    const by = new Map();
    for (const [key, r] of Object.entries(f.risks)) {
        const id = key.split(':')[0];
        by.set(id, [...(by.get(id) ?? []), r.detectable]);
    }
    return [...by].map(([id, xs]) => {
        const lo = Math.min(...xs), hi = Math.max(...xs);
        return [id, xs.length > 1 ? `${f2(lo)}–${f2(hi)} (${xs.length} columns)` : f2(lo)];
    });
}
/**
 * The family in words, for the text summary and the report: the largest estimate and its simultaneous interval, the
 * demonstrated risk, the noise level, the attacks shown beyond noise (one phrase each; `describeRiskFamily` joins
 * them).
 */
export function riskFamilyPhrases(f) {
    if (!f.comparisons || !f.largest)
        return ['no risk was scored'];
    const pct = Math.round(f.level * 100);
    return [
        `largest of ${f.comparisons} risk estimates ${f.largest.estimate.toFixed(3)} (${f.largest.key})`,
        `simultaneous ${pct}% interval for the largest true risk ${f.interval[0].toFixed(3)}–${f.interval[1].toFixed(3)}`,
        `demonstrated risk ${f.demonstrated.toFixed(3)}`,
        `with no leak at all the largest estimate stays below ${f.noiseLevel.toFixed(3)} (${pct}%)`,
        f.significant.length
            ? `beyond noise (Holm, family-wise ${pct}%): ${f.significant.join(', ')}`
            : 'no risk is beyond noise after the correction',
    ];
}
export function describeRiskFamily(f) {
    return riskFamilyPhrases(f).join('; ');
}
//# sourceMappingURL=multiplicity.js.map