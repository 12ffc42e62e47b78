import { LookalikeError, ProblemList } from '../errors.js';
import { ceilSignificant, cdpEpsilon, floorSignificant, sumUp } from './accountant.js';
import { formatEpsilon, formatNumber } from '../format.js';
import { composeWithSubsampled, isSubsampled } from './compose.js';
/**
 * The δ of a DP fit given ε only — the one default of the whole project (synthesizers, pipeline, CLI read it from
 * here). 1e-9 is far below 1/n for any table lookalike can hold, as δ must be.
 */
export const DEFAULT_DELTA = 1e-9;
/** Problems with a budget; empty when it is valid. Shared by the ledger and by synthesizers' option checks. */
export function budgetProblems(budget) {
    const out = [];
    const { epsilon, delta } = budget;
    if (typeof epsilon !== 'number' || !Number.isFinite(epsilon) || epsilon <= 0) {
        out.push(`epsilon must be a finite number > 0 (got ${describe(epsilon)}); typical values are 0.1 (strong privacy) to 10 (weak)`);
    }
    if (typeof delta !== 'number' || !Number.isFinite(delta) || delta <= 0 || delta >= 1) {
        out.push(`delta must be a number with 0 < delta < 1 (got ${describe(delta)}); use much less than 1/n, e.g. ${DEFAULT_DELTA}`);
    }
    return out;
}
function describe(v) {
    if (typeof v === 'number')
        return String(v);
    if (v === undefined)
        return 'nothing';
    if (v === null)
        return 'null';
    return typeof v;
}
/** Largest ρ whose ledger guarantee at conversion δ `deltaConv` is ≤ ε (bisection, rounded down). */
function rhoAllowed(epsilon, deltaConv) {
    if (!(deltaConv > 0))
        return 0;
    let lo = 0;
    let hi = epsilon + 1;
    while (guaranteeEpsilon(hi, deltaConv) <= epsilon)
        hi *= 2;
    for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (mid <= lo || mid >= hi)
            break;
        if (guaranteeEpsilon(mid, deltaConv) <= epsilon)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}
/** The ε the ledger reports for a total ρ at conversion δ: the tight conversion, rounded up to 10 digits. */
function guaranteeEpsilon(rho, deltaConv) {
    if (rho === 0)
        return 0;
    if (!(deltaConv > 0))
        return Infinity;
    return ceilSignificant(cdpEpsilon(rho, deltaConv), 10);
}
export class PrivacyLedger {
    budget;
    list = [];
    allowedCache = new Map();
    /**
     * @param budget the (ε, δ) the whole fit may spend. Throws a LookalikeError (kind 'usage') listing every
     * problem: ε must be finite and > 0, δ in (0, 1).
     */
    constructor(budget) {
        const problems = budgetProblems(budget ?? {});
        if (problems.length)
            throw new LookalikeError('invalid privacy budget', problems, 'usage');
        this.budget = { epsilon: budget.epsilon, delta: budget.delta };
    }
    /** The entries, in the order they were charged. */
    get entries() {
        return this.list;
    }
    /** ρ the whole budget allows when no δ is set aside for approximate steps (rounded down). */
    get rhoBudget() {
        return this.allowed(0);
    }
    /** Σρ of the entries (rounded up). */
    get rhoSpent() {
        return sumUp(this.list.map((e) => e.rho));
    }
    /**
     * When every entry so far is a pure-ε step: the ε still available under basic composition (rounded down);
     * otherwise 0. Pure-DP synthesizers (PrivBayes) plan with this; zCDP ones with `rhoRemaining`.
     */
    get pureEpsilonRemaining() {
        if (!this.list.every((e) => e.epsilon !== undefined && !e.delta))
            return 0;
        const spent = sumUp(this.list.map((e) => e.epsilon));
        return Math.max(0, floorSignificant((this.budget.epsilon - spent) * (1 - 1e-9), 12));
    }
    /** Σδ of approximate steps (rounded up). */
    get deltaSpent() {
        return sumUp(this.list.map((e) => e.delta ?? 0));
    }
    /**
     * ρ that can still be charged, given the δ already set aside (rounded down, with a 1e-9 relative margin so
     * that charging exactly `rhoRemaining` succeeds).
     */
    get rhoRemaining() {
        return Math.max(0, this.rhoRemainingAfter(0));
    }
    /** ρ that could still be charged if a further `delta` were set aside for an approximate step. */
    rhoRemainingAfter(delta) {
        if (this.list.some(isSubsampled))
            return this.rhoRemainingWithSubsampled(delta);
        const allowed = this.allowed(sumUp([this.deltaSpent, delta]));
        return floorSignificant(allowed * (1 - 1e-9), 12) - this.rhoSpent;
    }
    /** With DP-SGD entries: the largest further ρ (at δ set aside) the composed guarantee still allows (bisection). */
    rhoRemainingWithSubsampled(delta) {
        const fits = (rho) => computeGuarantee([...this.list, { query: '', columns: [], mechanism: '', noiseScale: 0, rho, delta }], this.budget.delta).epsilon <= this.budget.epsilon;
        if (!fits(0))
            return -1;
        let lo = 0;
        let hi = this.budget.epsilon + 1;
        if (fits(hi))
            return hi;
        for (let i = 0; i < 80; i++) {
            const mid = (lo + hi) / 2;
            if (mid <= lo || mid >= hi)
                break;
            if (fits(mid))
                lo = mid;
            else
                hi = mid;
        }
        return floorSignificant(lo * (1 - 1e-9), 12);
    }
    /** True when a step costing `rho` (and optionally δ) fits in what is left. */
    canAfford(rho, delta = 0) {
        return this.check({ query: '', columns: [], mechanism: '', noiseScale: 0, rho, delta }).length === 0;
    }
    /** True when `entry` (of any kind, e.g. a DP-SGD run) could be charged without exceeding the budget. */
    wouldAllow(entry) {
        return entryProblems(entry, 'entry').length === 0 && this.check(entry).length === 0;
    }
    /**
     * The guarantee the ledger would report after charging `entry` (nothing is recorded). `rdpOnly` skips the PRV
     * bound for ledgers with DP-SGD entries (a cheaper, larger ε: for planning searches).
     */
    guaranteeWith(entry, opts = {}) {
        return computeGuarantee([...this.list, entry], this.budget.delta, opts);
    }
    /**
     * Record a measurement. Throws a LookalikeError (kind 'privacy') — and records nothing — when the entry is
     * malformed or when the guarantee computed after adding it would exceed the budget. Call *before* releasing
     * anything computed from private data.
     */
    charge(entry) {
        const p = new ProblemList();
        for (const e of entryProblems(entry, 'entry'))
            p.add(e);
        p.throwIfAny('invalid privacy ledger entry', 'internal');
        const problems = this.check(entry);
        if (problems.length) {
            throw new LookalikeError(`privacy budget exhausted: cannot measure ${entry.query} on [${entry.columns.join(', ')}] (${entry.mechanism})`, problems, 'privacy');
        }
        this.list.push(freezeEntry(entry));
    }
    /** Alias of `charge`. */
    record(entry) {
        this.charge(entry);
    }
    /** The guarantee of everything charged so far: (ε, δ) with ε computed from the entries, rounded up. */
    guarantee() {
        return computeGuarantee(this.list, this.budget.delta);
    }
    toJSON() {
        const g = this.guarantee();
        const sg = this.list.some(isSubsampled);
        return {
            format: 'lookalike-ledger',
            version: sg ? 2 : 1,
            accounting: sg ? 'zcdp+subsampled' : 'zcdp',
            budget: { ...this.budget },
            entries: this.list.map((e) => ({ ...e, columns: [...e.columns] })),
            total: { epsilon: g.epsilon, delta: g.delta, rho: g.rho },
        };
    }
    /**
     * Rebuild a ledger from its JSON. Validates every field (LookalikeError, kind 'input', listing every problem),
     * ignores the stored `total` and recomputes it from the entries, and refuses a ledger whose entries spend more
     * than its budget.
     */
    static fromJSON(json, source = 'privacy ledger') {
        const p = new ProblemList();
        if (!json || typeof json !== 'object' || Array.isArray(json)) {
            throw new LookalikeError(`${source} is not an object`, [], 'input');
        }
        const o = json;
        if (o.format !== 'lookalike-ledger')
            p.add(`format must be "lookalike-ledger"`);
        if (o.version !== 1 && o.version !== 2)
            p.add(`version must be 1 or 2 (got ${describe(o.version)})`);
        if (o.accounting !== undefined && o.accounting !== 'zcdp' && o.accounting !== 'zcdp+subsampled')
            p.add(`accounting must be "zcdp" or "zcdp+subsampled"`);
        if (Array.isArray(o.entries)) {
            const sg = o.entries.some((e) => e && typeof e === 'object' && e.mechanism === 'subsampled-gaussian');
            if (sg && o.version !== 2)
                p.add('a ledger with "subsampled-gaussian" (DP-SGD) entries must be version 2');
        }
        const b = o.budget;
        if (!b || typeof b !== 'object')
            p.add('budget is missing');
        else
            for (const e of budgetProblems(b))
                p.add(`budget: ${e}`);
        if (!Array.isArray(o.entries))
            p.add('entries must be an array');
        else
            o.entries.forEach((e, i) => {
                const bad = entryProblems(e, `entries[${i}]`);
                bad.forEach((m) => p.add(m));
                if (!bad.length)
                    costProblems(e, `entries[${i}]`).forEach((m) => p.add(m));
            });
        p.throwIfAny(`${source} is invalid`, 'input');
        const ledger = new PrivacyLedger(b);
        for (const e of o.entries)
            ledger.list.push(freezeEntry(e));
        const g = ledger.guarantee();
        if (!(g.epsilon <= ledger.budget.epsilon) || !(ledger.deltaSpent < ledger.budget.delta)) {
            throw new LookalikeError(`${source} is invalid`, [
                `its entries spend ε = ${g.epsilon} at δ = ${g.delta}, more than its budget ε = ${ledger.budget.epsilon}`,
            ], 'input');
        }
        return ledger;
    }
    allowed(deltaSetAside) {
        const deltaConv = this.budget.delta - deltaSetAside;
        let v = this.allowedCache.get(deltaConv);
        if (v === undefined) {
            v = rhoAllowed(this.budget.epsilon, deltaConv);
            this.allowedCache.set(deltaConv, v);
        }
        return v;
    }
    check(step) {
        const out = [];
        if (!(step.rho >= 0) || !Number.isFinite(step.rho))
            return [`the step's cost ρ = ${step.rho} is not a finite ρ ≥ 0`];
        const deltaAfter = sumUp([this.deltaSpent, step.delta ?? 0]);
        if (!(deltaAfter < this.budget.delta)) {
            out.push(`the δ set aside for approximate steps would reach ${deltaAfter}, not below the budget δ = ${this.budget.delta}`);
            return out;
        }
        // the contract: refuse iff the guarantee computed after the step (exactly as `guarantee()` computes it) would
        // exceed the budget ε
        const g = computeGuarantee([...this.list, step], this.budget.delta);
        if (!(g.epsilon <= this.budget.epsilon)) {
            const left = Math.max(0, this.allowed(deltaAfter) - this.rhoSpent);
            out.push(`this step costs ρ = ${formatEpsilon(step.rho, 6)}${step.epsilon !== undefined ? ` (ε = ${formatEpsilon(step.epsilon, 6)})` : ''}; ` +
                `ρ = ${formatNumber(left, { digits: 6 })} is left of ρ = ${formatNumber(this.rhoBudget, { digits: 6 })} (ε = ${this.budget.epsilon}, δ = ${this.budget.delta}); ` +
                `spending it would give ε = ${formatEpsilon(g.epsilon, 6)}`);
        }
        return out;
    }
}
function freezeEntry(e) {
    const out = {
        query: e.query,
        columns: Object.freeze([...e.columns]),
        mechanism: e.mechanism,
        noiseScale: e.noiseScale,
        rho: e.rho,
        ...(e.epsilon !== undefined ? { epsilon: e.epsilon } : {}),
        ...(e.delta !== undefined && e.delta !== 0 ? { delta: e.delta } : {}),
        ...(e.subsampled !== undefined ? { subsampled: Object.freeze({ ...e.subsampled }) } : {}),
        ...(e.sensitivity !== undefined && e.sensitivity !== 1 ? { sensitivity: e.sensitivity } : {}),
    };
    return Object.freeze(out);
}
function entryProblems(e, where) {
    if (!e || typeof e !== 'object')
        return [`${where} is not an object`];
    const o = e;
    const out = [];
    if (typeof o.query !== 'string')
        out.push(`${where}.query must be a string`);
    if (!Array.isArray(o.columns) || !o.columns.every((c) => typeof c === 'string')) {
        out.push(`${where}.columns must be an array of column names`);
    }
    if (typeof o.mechanism !== 'string')
        out.push(`${where}.mechanism must be a string`);
    if (typeof o.noiseScale !== 'number' || !(o.noiseScale >= 0))
        out.push(`${where}.noiseScale must be a number ≥ 0`);
    if (typeof o.rho !== 'number' || !(o.rho >= 0) || !Number.isFinite(o.rho))
        out.push(`${where}.rho must be a finite number ≥ 0`);
    if (o.epsilon !== undefined &&
        (typeof o.epsilon !== 'number' || !(o.epsilon >= 0) || !Number.isFinite(o.epsilon))) {
        out.push(`${where}.epsilon must be a finite number ≥ 0 when present`);
    }
    if (o.delta !== undefined && (typeof o.delta !== 'number' || !(o.delta >= 0 && o.delta < 1))) {
        out.push(`${where}.delta must be a number in [0, 1) when present`);
    }
    if (o.sensitivity !== undefined &&
        (typeof o.sensitivity !== 'number' || !(o.sensitivity >= 1) || !Number.isFinite(o.sensitivity)))
        out.push(`${where}.sensitivity must be a finite number ≥ 1 when present`);
    if (o.mechanism === 'subsampled-gaussian')
        out.push(...subsampledProblems(o, where));
    else if (o.subsampled !== undefined)
        out.push(`${where}.subsampled is only allowed on a "subsampled-gaussian" entry`);
    return out;
}
/** The mechanisms a ledger entry may name; `costProblems` knows the cost of each. */
export const LEDGER_MECHANISMS = [
    'discrete-gaussian',
    'thresholded-discrete-gaussian',
    'discrete-laplace',
    'exponential',
    'subsampled-gaussian',
];
/** Relative slack for the consistency checks: the mechanisms round costs up by a few ulps, never down. */
const COST_SLACK = 1 - 1e-9;
/**
 * Problems with an entry's cost given its mechanism and noise scale (DESIGN.md rule 3, issue 10: a tampered model
 * file must not load as DP). With Δ = the entry's `sensitivity` (default 1, never below 1):
 * - discrete Gaussian (also thresholded): ρ ≥ Δ²/(2σ²), σ = noiseScale > 0; the thresholded one has a δ > 0;
 * - discrete Laplace: ε ≥ Δ/b with b = noiseScale > 0, ρ ≥ ε²/2;
 * - exponential: ε ≥ 2Δ/noiseScale, ρ ≥ ε²/8;
 * - subsampled Gaussian (DP-SGD): its cost is recomputed from its parameters (checked by `entryProblems`).
 * Any other mechanism is refused: the ledger cannot say what it costs.
 */
export function costProblems(e, where) {
    const m = e.mechanism;
    if (!LEDGER_MECHANISMS.includes(m))
        return [
            `${where}.mechanism "${m}" is not one lookalike knows the cost of (${LEDGER_MECHANISMS.join(', ')})`,
        ];
    if (m === 'subsampled-gaussian')
        return [];
    const sens = e.sensitivity ?? 1;
    const s = e.noiseScale;
    if (!(s > 0) || !Number.isFinite(s))
        return [`${where}.noiseScale must be a finite number > 0 for ${m}`];
    const out = [];
    const need = (what, have, min) => {
        if (!(typeof have === 'number' && have >= min * COST_SLACK))
            out.push(`${where}: ${m} with noise scale ${s}${sens !== 1 ? ` and sensitivity ${sens}` : ''} costs ${what} ≥ ${min}, but the entry says ${have ?? 'nothing'}`);
    };
    if (m === 'discrete-gaussian' || m === 'thresholded-discrete-gaussian') {
        need('ρ', e.rho, (sens * sens) / (2 * s * s));
        if (m === 'thresholded-discrete-gaussian' && !(typeof e.delta === 'number' && e.delta > 0))
            out.push(`${where}: a thresholded-discrete-gaussian step needs its δ > 0`);
    }
    else if (m === 'discrete-laplace') {
        need('ε', e.epsilon, sens / s);
        need('ρ', e.rho, (e.epsilon ?? sens / s) ** 2 / 2);
    }
    else {
        need('ε', e.epsilon, (2 * sens) / s);
        need('ρ', e.rho, (e.epsilon ?? (2 * sens) / s) ** 2 / 8);
    }
    return out;
}
/**
 * A DP-SGD entry carries its parameters and no ρ: its cost is recomputed from them (compose.ts), never read from
 * the file. Each parameter must be in range, the sensitivity at least the clipping norm, and the recorded noise
 * scale consistent with z·Δ.
 */
function subsampledProblems(o, where) {
    const out = [];
    const s = o.subsampled;
    if (!s || typeof s !== 'object')
        return [`${where}.subsampled (the DP-SGD parameters) is missing`];
    const num = (k) => (typeof s[k] === 'number' ? s[k] : NaN);
    const z = num('noiseMultiplier');
    const q = num('samplingRate');
    const steps = num('steps');
    const c = num('clippingNorm');
    const sens = num('sensitivity');
    const d = num('coordinates');
    if (!(z > 0) || !Number.isFinite(z))
        out.push(`${where}.subsampled.noiseMultiplier must be a finite number > 0`);
    if (!(q > 0 && q <= 1))
        out.push(`${where}.subsampled.samplingRate must be in (0, 1]`);
    if (!Number.isInteger(steps) || steps < 1)
        out.push(`${where}.subsampled.steps must be a whole number ≥ 1`);
    if (!(c > 0) || !Number.isFinite(c))
        out.push(`${where}.subsampled.clippingNorm must be a finite number > 0`);
    if (!(sens >= c) || !Number.isFinite(sens))
        out.push(`${where}.subsampled.sensitivity must be a finite number ≥ the clipping norm`);
    if (!Number.isInteger(d) || d < 1)
        out.push(`${where}.subsampled.coordinates must be a whole number ≥ 1`);
    if (o.rho !== 0)
        out.push(`${where}.rho must be 0 for a DP-SGD entry (its cost is computed from its parameters)`);
    if (typeof o.noiseScale === 'number' &&
        Number.isFinite(z * sens) &&
        !(o.noiseScale >= z * sens * (1 - 1e-9))) {
        out.push(`${where}.noiseScale is smaller than noiseMultiplier × sensitivity`);
    }
    return out;
}
function computeGuarantee(entries, delta, opts = {}) {
    if (entries.some(isSubsampled)) {
        const g = composeWithSubsampled(entries, delta, opts);
        return { type: 'dp', epsilon: g.epsilon, delta, rho: g.rho };
    }
    const rho = sumUp(entries.map((e) => e.rho));
    const deltaSetAside = sumUp(entries.map((e) => e.delta ?? 0));
    const epsilon = guaranteeEpsilon(rho, delta - deltaSetAside);
    if (entries.length && entries.every((e) => e.epsilon !== undefined && !e.delta)) {
        // basic composition of pure steps: (Σε, 0)-DP — a stronger statement, reported with δ = 0
        const pure = ceilSignificant(sumUp(entries.map((e) => e.epsilon)), 10);
        if (pure <= epsilon)
            return { type: 'dp', epsilon: pure, delta: 0, rho };
    }
    return { type: 'dp', epsilon, delta, rho };
}
/**
 * The check every file that carries a ledger goes through when it is read (a model file, a federated site's
 * measurements): the ledger is validated (`PrivacyLedger.fromJSON`: every entry's cost against its mechanism and
 * noise scale, the total against the budget), must list at least one measurement (a file computed from data has
 * read it), and the file's stated guarantee `stated` may not be smaller than what the ledger adds up to. Returns
 * the ledger (null when invalid) and every problem found; the guarantee to use is always `ledger.guarantee()`.
 */
export function ledgerClaimProblems(stated, ledgerJson) {
    const problems = [];
    let ledger = null;
    try {
        ledger = PrivacyLedger.fromJSON(ledgerJson);
    }
    catch (e) {
        problems.push(`the privacy ledger is invalid: ${e.message}`);
        return { ledger: null, problems };
    }
    const g = ledger.guarantee();
    if (!ledger.entries.length)
        problems.push('the privacy ledger lists no measurement, but a fitted model has read its data: the ledger was emptied');
    const s = stated;
    if (s?.type !== 'dp')
        problems.push('"privacy" says the model is not DP but it carries a ledger');
    else if (typeof s.epsilon !== 'number' ||
        typeof s.delta !== 'number' ||
        s.epsilon < g.epsilon * (1 - 1e-9) ||
        s.delta < g.delta * (1 - 1e-9))
        problems.push(`"privacy" states ε = ${String(s.epsilon)}, δ = ${String(s.delta)} but the ledger adds up to ε = ${g.epsilon}, δ = ${g.delta}`);
    return { ledger, problems };
}
/** The guarantee recorded by a ledger JSON (validated, recomputed from its entries). */
export function privacyFromLedger(json) {
    return PrivacyLedger.fromJSON(json).guarantee();
}
/**
 * The ledger as a plain-text table: one line per entry (query, columns, mechanism, noise scale, ρ, ε, δ) and the
 * total (ε, δ, ρ) computed from the entries. For the CLI (`lookalike ledger`) and reports.
 */
export function formatLedger(ledger) {
    const l = ledger instanceof PrivacyLedger ? ledger : PrivacyLedger.fromJSON(ledger);
    const g = l.guarantee();
    const head = ['#', 'query', 'columns', 'mechanism', 'noise scale', 'rho', 'epsilon', 'delta'];
    const rows = l.entries.map((e, i) => [
        String(i + 1),
        e.query,
        e.columns.join(', '),
        e.mechanism,
        formatNumber(e.noiseScale, { digits: 6 }),
        isSubsampled(e) ? '—' : formatEpsilon(e.rho, 6),
        e.epsilon === undefined ? '' : formatEpsilon(e.epsilon, 6),
        e.delta ? formatEpsilon(e.delta, 6) : '',
    ]);
    const widths = head.map((h, j) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[j].length))));
    const line = (cells) => cells
        .map((c, j) => {
        const s = c.length > widths[j] ? c.slice(0, widths[j] - 1) + '…' : c;
        return j >= 4 || j === 0 ? s.padStart(widths[j]) : s.padEnd(widths[j]);
    })
        .join('  ')
        .trimEnd();
    const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  ')];
    for (const r of rows)
        out.push(line(r));
    if (!rows.length)
        out.push('(no measurements)');
    l.entries.forEach((e, i) => {
        if (!isSubsampled(e))
            return;
        const p = e.subsampled;
        out.push(`#${i + 1} DP-SGD: noise multiplier ${formatNumber(p.noiseMultiplier, { digits: 6 })}, sampling rate ` +
            `${formatNumber(p.samplingRate, { digits: 6 })}, ${p.steps} steps, clipping norm ${formatNumber(p.clippingNorm, { digits: 6 })} ` +
            `(sensitivity ${formatNumber(p.sensitivity, { digits: 7 })}), ${p.coordinates} noisy coordinates per step`);
    });
    const sg = l.entries.some(isSubsampled);
    out.push('');
    out.push(`total: (ε = ${formatEpsilon(g.epsilon)}, δ = ${g.delta})-differentially private; ` +
        (sg
            ? `DP-SGD composed with ρ = ${formatEpsilon(g.rho, 6)} of zCDP steps (Rényi DP and PRV accountants, the smaller), `
            : `ρ = ${formatEpsilon(g.rho, 6)} (zCDP), `) +
        `ε rounded up from ${g.epsilon}` +
        (l.deltaSpent ? `, of which δ = ${formatEpsilon(l.deltaSpent, 6)} from approximate steps` : ''));
    out.push(`budget: ε = ${l.budget.epsilon}, δ = ${l.budget.delta}; ${l.entries.length} measurement(s)`);
    return out.join('\n');
}
/**
 * What `lookalike ledger` shows of a model's ledger (`null` for a model of a non-DP synthesizer): `json` — the
 * entries and the total recomputed from them, or `privacy: 'none'` — and the same as `text`.
 */
export function ledgerSummary(synthesizer, ledger) {
    const g = ledger?.guarantee();
    const total = { epsilon: g?.epsilon ?? null, delta: g?.delta ?? null, rho: g?.rho ?? null };
    return {
        json: { privacy: ledger ? 'dp' : 'none', entries: ledger?.entries ?? [], ...total },
        text: ledger
            ? `${synthesizer} model — privacy ledger\n\n${formatLedger(ledger)}`
            : `${synthesizer} model: NOT differentially private — it has no privacy ledger and no formal privacy guarantee.`,
    };
}
//# sourceMappingURL=ledger.js.map