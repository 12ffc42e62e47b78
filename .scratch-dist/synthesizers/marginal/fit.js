import { LookalikeError, ProblemList } from '../../errors.js';
import { DP_DOMAINS_OPTION, parseDomainOption, releaseDomains, requireDeclaredFacts, requirePublicDomains, } from '../../privacy/domains.js';
import { budgetProblems, DEFAULT_DELTA, PrivacyLedger } from '../../privacy/ledger.js';
import { SecureRng } from '../../random/secure.js';
import { checkFitInput, declaredIdStyles, modelledSpecs } from '../common.js';
import { CachedCounts } from './counts.js';
import { countsInMemory, encodingOf, wantsAdaptiveBins } from './encode.js';
import { releaseAdaptiveBins } from '../../privacy/bins.js';
export function startMarginalFit(table0, schema0, opts, synthesizer, 
/** The adaptive-bins share when the option is not given (the DP start of a learned synthesizer passes 0). */
defaultAdaptiveShare = DEFAULT_ADAPTIVE_SHARE) {
    checkFitInput(table0, schema0, synthesizer);
    const { budget, bins, maxExactIntegers, adaptiveShare, fraction } = fitSettings(opts, synthesizer, defaultAdaptiveShare);
    const specs0 = modelledSpecs(schema0);
    if (specs0.length === 0)
        throw new LookalikeError(`${synthesizer}: the schema has no column to model (only id/text columns)`, [], 'usage');
    const ledger = new PrivacyLedger(budget);
    const rng = opts.secureRng ?? new SecureRng();
    let table = table0;
    let schema = schema0;
    let released = [];
    if (fraction !== null) {
        const r = releaseDomains(table, schema, ledger, rng, { fraction, columns: specs0.map((s) => s.name) });
        table = r.table;
        schema = r.schema;
        released = r.released;
    }
    requirePublicDomains(schema, modelledSpecs(schema).map((s) => s.name), `${synthesizer} (differentially private)`);
    // kind, integer, decimals, format, nullable, id style: declared, or refused (nullable assumed with dpDomains)
    schema = requireDeclaredFacts(table, schema, modelledSpecs(schema).map((s) => s.name), `${synthesizer} (differentially private)`, { assumeNullable: fraction !== null });
    const specs = modelledSpecs(schema);
    // adaptive DP bins for the numeric columns that would be binned equal-width (privacy/bins.ts): a share of what is
    // left of ρ, split equally; the number of bins adapts to the noisy size of the table, ρ and the columns
    const adaptive = new Map();
    const binned = specs.filter((s) => wantsAdaptiveBins(s, maxExactIntegers));
    const rho = binned.length ? (ledger.rhoRemaining * adaptiveShare) / binned.length : 0;
    const rhoLeft = ledger.rhoRemaining * (1 - adaptiveShare);
    if (adaptiveShare > 0 && rho > 0) {
        for (const s of binned) {
            const d = s.domain;
            const col = table.column(s.name);
            if (col.kind !== 'numeric')
                continue;
            adaptive.set(s.name, releaseAdaptiveBins(col.values, s.name, {
                rho,
                min: d.min,
                max: d.max,
                integer: s.integer ?? false,
                bins: (total) => adaptiveBinCount(total, rhoLeft, specs.length, bins),
            }, ledger, rng));
        }
    }
    const encoding = encodingOf(specs, { bins, maxExactIntegers }, adaptive);
    return {
        table,
        schema,
        ledger,
        rng,
        encoding,
        names: specs.map((s) => s.name),
        source: countsInMemory(table, encoding),
        ids: declaredIdStyles(schema),
        released,
    };
}
/**
 * The start of a DP-marginal fit over rows counted where they live (`CountableRows`: a database, files through
 * DuckDB, in memory), issue 15. The same steps as `startMarginalFit` without a table: the budget and options
 * (the same refusals), then every modelled column must have a **public** domain and declared schema facts —
 * `dpDomains` and `adaptiveBins` read values of the private columns, so they need the rows in memory and are
 * refused here (kind 'usage'). The encoding comes from the domains only (binning in the engine follows it
 * exactly), and `rows.open(encoding)` checks the columns and counts the rows' problems where they live (missing
 * values in a column not declared nullable, categories outside the list). The source it returns is wrapped in a
 * `CachedCounts` (tables up to `COUNT_CACHE_CELLS` cells), since one SQL round trip or scan of the rows costs more
 * than holding a table.
 */
export async function startCountFit(rows, schema0, opts, synthesizer) {
    // adaptive bins need the rows in memory: here they are off unless asked for (and then refused)
    const { budget, bins, maxExactIntegers, adaptiveShare, fraction } = fitSettings(opts, synthesizer, 0);
    const p = new ProblemList();
    if (fraction !== null)
        p.add(`option ${DP_DOMAINS_OPTION} releases domains from the column values, which needs the rows in memory; declare the domains in the metadata instead (${rows.label} is counted where it lives)`);
    if (adaptiveShare > 0)
        p.add(`option adaptiveBins reads the values of the numeric columns, which needs the rows in memory; declare bins in the metadata instead (${rows.label} is counted where it lives)`);
    p.throwIfAny(`${synthesizer}: invalid options:`, 'usage');
    if (modelledSpecs(schema0).length === 0)
        throw new LookalikeError(`${synthesizer}: the schema has no column to model (only id/text columns)`, [], 'usage');
    const what = `${synthesizer} (differentially private)`;
    requirePublicDomains(schema0, modelledSpecs(schema0).map((s) => s.name), what);
    const schema = requireDeclaredFacts(null, schema0, modelledSpecs(schema0).map((s) => s.name), what);
    const specs = modelledSpecs(schema);
    const encoding = encodingOf(specs, { bins, maxExactIntegers });
    const ledger = new PrivacyLedger(budget);
    const rng = opts.secureRng ?? new SecureRng();
    const source = await rows.open(encoding);
    return {
        schema,
        ledger,
        rng,
        encoding,
        names: specs.map((s) => s.name),
        source: new CachedCounts(source, COUNT_CACHE_CELLS),
        ids: declaredIdStyles(schema),
        released: [],
    };
}
/**
 * Largest table a count fit's cache keeps (2^20 cells, 8 MB): a scan of 100M rows costs about a CPU minute
 * (docs/scale.md), so AIM's larger 3-way candidates (74,752 cells in bench/scale.mjs's table) are held rather
 * than counted again in every round.
 */
export const COUNT_CACHE_CELLS = 1 << 20;
/** The budget and the encoding options every DP-marginal start reads: all problems at once (kind 'usage'). */
function fitSettings(opts, synthesizer, defaultAdaptiveShare) {
    if (opts.epsilon === undefined) {
        throw new LookalikeError(`${synthesizer} is differentially private and needs a privacy budget: pass epsilon (e.g. --epsilon 1) and optionally delta (default ${DEFAULT_DELTA})`, [], 'usage');
    }
    const budget = { epsilon: opts.epsilon, delta: opts.delta ?? DEFAULT_DELTA };
    const o = opts.options ?? {};
    const p = new ProblemList();
    for (const m of budgetProblems(budget))
        p.add(m);
    const bins = numberOption(o, 'bins', 32, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1', p);
    const maxExactIntegers = numberOption(o, 'maxExactIntegers', 128, (v) => Number.isInteger(v) && v >= 0, 'a whole number ≥ 0', p);
    const adaptiveShare = numberOption(o, 'adaptiveBins', defaultAdaptiveShare, (v) => v >= 0 && v < 1, 'a share of the budget in [0, 1) (0: equal-width bins)', p);
    let fraction = null;
    try {
        fraction = parseDomainOption(o[DP_DOMAINS_OPTION]);
    }
    catch (e) {
        p.add(e.message);
    }
    p.throwIfAny(`${synthesizer}: invalid options:`, 'usage');
    return { budget, bins, maxExactIntegers, adaptiveShare, fraction };
}
/**
 * Share of what is left of ρ that adaptive DP bins spend by default in a DP-marginal fit over rows in memory (option
 * `adaptiveBins`; 0 = equal-width bins). On by default since bench/dp-real.mjs measured them (issue 10): at ε = 1
 * MST's 3-way error on credit_default fell from 0.554 (equal-width) to 0.274–0.280 with the log-spaced public grid
 * and point cells of privacy/bins.ts (exact quantile bins, not private: 0.260), on california_housing from 0.373 to
 * 0.355–0.361 (quantile bins 0.359; bench/RESULTS-dp-real.md). Only columns without declared bins or a value list, and not a small integer
 * range, are binned this way; declared (public) bins always win.
 */
export const DEFAULT_ADAPTIVE_SHARE = 0.1;
/**
 * How many adaptive bins a column gets: the b for which a 2-way marginal of two such columns, b² cells, holds about
 * 2σ rows per cell, b = √(n̂ / 2σ), clamped to [4, maxBins] — where σ is the noise of a 2-way marginal measured with
 * a 1/(3(d − 1)) share of the ρ left for the synthesizer (MST's split: a third of ρ over its d − 1 tree edges), and
 * n̂ the noisy total of the bins' histogram (post-processing). Fewer, wider bins when the table is small, ε is small
 * or there are many columns, so that the 2- and 3-way marginals over them are not pure noise (issue 10). Measured
 * (bench/RESULTS-dp-real.md, MST, ε = 1): california_housing with 32 bins 3-way error 0.36 and judge.py quality
 * 0.945, with 16 bins 0.330 and 0.953, with 12 bins 0.332 and 0.955; this formula gives 14 there, 32 at ε = 10.
 */
export function adaptiveBinCount(noisyTotal, rhoLeft, columns, maxBins) {
    const sigma = Math.sqrt((3 * Math.max(1, columns - 1)) / (2 * rhoLeft));
    const b = Math.round(Math.sqrt(Math.max(0, noisyTotal) / (2 * sigma)));
    return Math.max(Math.min(4, maxBins), Math.min(maxBins, b));
}
/** A numeric option from `FitOptions.options`: its default when absent, a problem when invalid. */
export function numberOption(o, key, def, ok, what, p) {
    const v = o[key];
    if (v === undefined)
        return def;
    if (typeof v !== 'number' || !ok(v)) {
        p.add(`option ${key} must be ${what} (got ${JSON.stringify(v)})`);
        return def;
    }
    return v;
}
//# sourceMappingURL=fit.js.map