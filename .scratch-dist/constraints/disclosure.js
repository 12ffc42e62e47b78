import { cellValue } from '../table/table.js';
import { LookalikeError, ProblemList } from '../errors.js';
export const TRAINING_FILTER_WARNING = 'a filter that reads the training data (here: removing synthetic rows that match a training row) can itself leak it — which rows are removed depends on private rows (Ganev & De Cristofaro 2023, ReconSyn); the release is not differentially private';
/** Apply the steps in order; `training` is needed by (and only read by) `remove-training-matches`. */
export function applyDisclosureControl(table, steps, training) {
    const p = new ProblemList();
    for (const s of steps)
        checkStep(s, table, training, p);
    p.throwIfAny('disclosure control: invalid steps:', 'usage');
    let t = table;
    const reports = [];
    for (const s of steps) {
        const r = runStep(t, s, training);
        t = r.table;
        reports.push(r.report);
    }
    const reads = reports.some((r) => r.readsTrainingData);
    return {
        table: t,
        report: {
            steps: reports,
            rowsIn: table.nRows,
            rowsOut: t.nRows,
            readsTrainingData: reads,
            warning: reads ? TRAINING_FILTER_WARNING : null,
        },
    };
}
const STEP_FIELDS = {
    'merge-rare-categories': ['columns', 'minCount', 'label'],
    'top-bottom-code': ['column', 'lower', 'upper'],
    round: ['column', 'unit'],
    'k-anonymise': ['quasiIdentifiers', 'k', 'maxSuppression'],
    'remove-training-matches': [],
};
/**
 * Disclosure-control steps from JSON (a file, a pipeline spec): a list of `{ "type": …, …fields }` as in
 * `DisclosureStep`. Every problem — an unknown type or field, a field of the wrong type — is listed at once in one
 * LookalikeError (kind `input`); whether the columns exist is checked against the table by
 * `applyDisclosureControl`.
 */
export function parseDisclosureSteps(json, source = 'disclosure steps') {
    if (!Array.isArray(json))
        throw new LookalikeError(`${source} must be a list of steps, e.g. [{ "type": "round", … }]`, [], 'input');
    const p = new ProblemList();
    const out = [];
    json.forEach((raw, i) => {
        const at = `${source}[${i}]`;
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
            p.add(`${at} must be an object with a "type"`);
            return;
        }
        const r = raw;
        const type = r.type;
        if (typeof type !== 'string' || !Object.hasOwn(STEP_FIELDS, type)) {
            p.add(`${at}: "type" must be one of ${Object.keys(STEP_FIELDS).join(', ')}`);
            return;
        }
        const fields = STEP_FIELDS[type];
        for (const k of Object.keys(r))
            if (k !== 'type' && !fields.includes(k))
                p.add(`${at} (${type}): unknown field "${k}"`);
        const bad = (k, what) => p.add(`${at} (${type}): "${k}" must be ${what}`);
        const num = (k, required) => {
            if (r[k] === undefined) {
                if (required)
                    bad(k, 'given');
            }
            else if (typeof r[k] !== 'number' || !Number.isFinite(r[k]))
                bad(k, 'a finite number');
        };
        const str = (k, required) => {
            if (r[k] === undefined) {
                if (required)
                    bad(k, 'given');
            }
            else if (typeof r[k] !== 'string' || r[k] === '')
                bad(k, 'a column name');
        };
        const strs = (k, required) => {
            if (r[k] === undefined) {
                if (required)
                    bad(k, 'given');
            }
            else if (!Array.isArray(r[k]) || !r[k].every((x) => typeof x === 'string'))
                bad(k, 'a list of column names');
        };
        const before = p.size;
        switch (type) {
            case 'merge-rare-categories':
                strs('columns', false);
                num('minCount', true);
                if (r.label !== undefined && typeof r.label !== 'string')
                    bad('label', 'a string');
                break;
            case 'top-bottom-code':
                str('column', true);
                num('lower', false);
                num('upper', false);
                break;
            case 'round':
                str('column', true);
                num('unit', true);
                break;
            case 'k-anonymise':
                strs('quasiIdentifiers', true);
                num('k', true);
                num('maxSuppression', false);
                break;
        }
        if (p.size === before)
            out.push(r);
    });
    p.throwIfAny(`${source}: invalid steps:`, 'input');
    return out;
}
/**
 * The steps as a command line or a form writes them (the CLI's `disclose` flags), in the fixed order merge, code,
 * round, k-anonymise, remove training matches. `topCode` items are `COLUMN=LOWER:UPPER` (either may be empty),
 * `round` items `COLUMN=UNIT`; `quasiIdentifiers` is a comma-separated list, by default the columns whose role in
 * `schema` is quasi-identifier. Usage errors name the flag and show the expected form; asking for no step is one.
 */
export function disclosureStepsFromText(o, schema) {
    const usage = (m) => new LookalikeError(m, [], 'usage');
    const steps = [];
    if (o.mergeRare !== undefined)
        steps.push({ type: 'merge-rare-categories', minCount: o.mergeRare });
    for (const kv of o.topCode ?? []) {
        const m = /^(.+)=([^:]*):([^:]*)$/.exec(kv);
        const lower = m?.[2] === '' ? undefined : Number(m?.[2]);
        const upper = m?.[3] === '' ? undefined : Number(m?.[3]);
        if (!m || (lower === undefined && upper === undefined) || [lower, upper].some((x) => Number.isNaN(x)))
            throw usage(`--top-code takes COLUMN=LOWER:UPPER (either may be empty), e.g. age=:85; got "${kv}"`);
        const bounds = { ...(lower !== undefined ? { lower } : {}), ...(upper !== undefined ? { upper } : {}) };
        steps.push({ type: 'top-bottom-code', column: m[1], ...bounds });
    }
    for (const kv of o.round ?? []) {
        const i = kv.lastIndexOf('=');
        const unit = Number(kv.slice(i + 1));
        if (i <= 0 || !(unit > 0))
            throw usage(`--round takes COLUMN=UNIT with UNIT > 0, e.g. fnlwgt=1000; got "${kv}"`);
        steps.push({ type: 'round', column: kv.slice(0, i), unit });
    }
    if (o.kAnonymise !== undefined) {
        const quasiIdentifiers = o.quasiIdentifiers
            ? o.quasiIdentifiers
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean)
            : (schema?.columns.filter((c) => c.role === 'quasi-identifier').map((c) => c.name) ?? []);
        if (!quasiIdentifiers.length)
            throw usage('--k-anonymise needs the quasi-identifiers: --quasi-identifiers a,b, or a --model whose schema marks them (role "quasi-identifier")');
        const max = o.maxSuppression;
        steps.push({
            type: 'k-anonymise',
            quasiIdentifiers,
            k: o.kAnonymise,
            ...(max !== undefined ? { maxSuppression: max } : {}),
        });
    }
    else if (o.quasiIdentifiers !== undefined)
        throw usage('--quasi-identifiers goes with --k-anonymise K');
    if (o.removeTrainingMatches)
        steps.push({ type: 'remove-training-matches' });
    if (o.fromFile) {
        if (steps.some((s) => s.type !== 'remove-training-matches'))
            throw usage('give the steps either in --steps or as flags, not both');
        const hasFilter = o.fromFile.some((s) => s.type === 'remove-training-matches');
        steps.splice(0, steps.length, ...o.fromFile, ...(hasFilter ? [] : steps));
    }
    if (!steps.length)
        throw usage('no step asked for: give --merge-rare, --top-code, --round, --k-anonymise, --remove-training-matches or --steps');
    return steps;
}
/** The guarantee of a release after disclosure control: a DP guarantee does not survive a filter on private data. */
export function guaranteeAfter(privacy, report) {
    return report.readsTrainingData ? { type: 'none' } : privacy;
}
function checkStep(s, table, training, p) {
    const has = (c, what) => {
        if (!table.has(c))
            p.add(`${s.type}: ${what} "${c}" is not a column of the table`);
    };
    const numeric = (c) => {
        if (table.has(c) && table.column(c).kind !== 'numeric')
            p.add(`${s.type}: column "${c}" is not numeric`);
    };
    switch (s.type) {
        case 'merge-rare-categories':
            for (const c of s.columns ?? [])
                has(c, 'column');
            if (!(Number.isInteger(s.minCount) && s.minCount >= 1))
                p.add('merge-rare-categories: minCount must be a whole number ≥ 1');
            break;
        case 'top-bottom-code':
            has(s.column, 'column');
            numeric(s.column);
            if (s.lower === undefined && s.upper === undefined)
                p.add('top-bottom-code: give lower, upper or both');
            if (s.lower !== undefined && s.upper !== undefined && s.lower > s.upper)
                p.add('top-bottom-code: lower is above upper');
            break;
        case 'round':
            has(s.column, 'column');
            numeric(s.column);
            if (!(s.unit > 0))
                p.add('round: unit must be positive');
            break;
        case 'k-anonymise':
            if (!s.quasiIdentifiers.length)
                p.add('k-anonymise: name at least one quasi-identifier');
            for (const c of s.quasiIdentifiers)
                has(c, 'quasi-identifier');
            if (!(Number.isInteger(s.k) && s.k >= 2))
                p.add('k-anonymise: k must be a whole number ≥ 2');
            if (s.maxSuppression !== undefined && !(s.maxSuppression >= 0 && s.maxSuppression <= 1))
                p.add('k-anonymise: maxSuppression must be a share between 0 and 1');
            break;
        case 'remove-training-matches':
            if (!training)
                p.add('remove-training-matches needs the training table');
            break;
    }
}
function changedCount(a, b) {
    let k = 0;
    for (let i = 0; i < Math.min(columnLength(a), columnLength(b)); i++)
        if (cellValue(a, i) !== cellValue(b, i))
            k++;
    return k;
}
function columnLength(c) {
    return c.kind === 'categorical' ? c.codes.length : c.values.length;
}
function runStep(t, s, training) {
    const base = { step: s.type, rows: 0, readsTrainingData: false };
    switch (s.type) {
        case 'merge-rare-categories': {
            const label = s.label ?? 'Other';
            const cols = (s.columns ?? t.names).filter((c) => t.column(c).kind === 'categorical');
            const changed = {};
            let out = t;
            for (const name of cols) {
                const c = t.column(name);
                if (c.kind !== 'categorical')
                    continue;
                const counts = new Array(c.categories.length).fill(0);
                for (const k of c.codes)
                    if (k >= 0)
                        counts[k]++;
                const rare = counts.map((n) => n > 0 && n < s.minCount);
                if (!rare.some(Boolean))
                    continue;
                const categories = c.categories.filter((_, k) => !rare[k]);
                let other = categories.indexOf(label);
                if (other < 0)
                    other = categories.push(label) - 1;
                const remap = c.categories.map((cat, k) => (rare[k] ? other : categories.indexOf(cat)));
                const codes = Int32Array.from(c.codes, (k) => (k < 0 ? -1 : remap[k]));
                const next = { ...c, codes, categories };
                changed[name] = changedCount(c, next);
                out = out.withColumn(next);
            }
            return {
                table: out,
                report: {
                    ...base,
                    cellsChanged: changed,
                    note: `categories seen fewer than ${s.minCount} times merged into "${label}"`,
                },
            };
        }
        case 'top-bottom-code': {
            const c = t.column(s.column);
            if (c.kind !== 'numeric')
                throw new LookalikeError(`top-bottom-code: column "${s.column}" is not numeric`);
            const lo = s.lower ?? -Infinity;
            const hi = s.upper ?? Infinity;
            const values = Float64Array.from(c.values, (v) => (v < lo ? lo : v > hi ? hi : v));
            const next = { ...c, values };
            return {
                table: t.withColumn(next),
                report: {
                    ...base,
                    cellsChanged: { [s.column]: changedCount(c, next) },
                    note: `values below ${s.lower ?? '–'} / above ${s.upper ?? '–'} set to the bound`,
                },
            };
        }
        case 'round': {
            const c = t.column(s.column);
            if (c.kind !== 'numeric')
                throw new LookalikeError(`round: column "${s.column}" is not numeric`);
            const values = Float64Array.from(c.values, (v) => (v === v ? s.unit * Math.round(v / s.unit) : v));
            const next = { ...c, values, integer: c.integer && Number.isInteger(s.unit) };
            return {
                table: t.withColumn(next),
                report: {
                    ...base,
                    cellsChanged: { [s.column]: changedCount(c, next) },
                    note: `rounded to multiples of ${s.unit}`,
                },
            };
        }
        case 'k-anonymise':
            return kAnonymise(t, s.quasiIdentifiers, s.k, s.maxSuppression ?? 0.05);
        case 'remove-training-matches': {
            const tr = training;
            const names = t.names.filter((n) => tr.has(n) && t.column(n).kind !== 'id' && t.column(n).kind !== 'text');
            const key = (tab, i) => JSON.stringify(names.map((n) => cellValue(tab.column(n), i)));
            const real = new Set();
            for (let i = 0; i < tr.nRows; i++)
                real.add(key(tr, i));
            const keep = [];
            for (let i = 0; i < t.nRows; i++)
                if (!real.has(key(t, i)))
                    keep.push(i);
            return {
                table: keep.length === t.nRows ? t : t.take(Int32Array.from(keep)),
                report: {
                    step: s.type,
                    cellsChanged: {},
                    rows: t.nRows - keep.length,
                    readsTrainingData: true,
                    note: 'synthetic rows equal to a training row (over every modelled column) removed — this filter reads the training data',
                },
            };
        }
    }
}
/**
 * k-anonymity of the quasi-identifiers (Sweeney 2002; Samarati 2001) by global recoding and local suppression:
 * numeric quasi-identifiers are generalised to the midpoint of equal-width intervals (the width doubling level by
 * level, so the column keeps its kind), categorical ones by merging their rarest categories into "Other"; the
 * quasi-identifier with the most distinct values is coarsened first, until the rows in equivalence classes smaller
 * than k are at most `maxSuppression` of the table; those rows then have their quasi-identifiers suppressed
 * (set missing). Reads only the table it changes.
 */
export function kAnonymise(t, qis, k, maxSuppression) {
    const n = t.nRows;
    const level = new Map(qis.map((q) => [q, 0]));
    const generalise = (q, lv) => {
        const c = t.column(q);
        if (lv === 0)
            return c;
        if (c.kind === 'numeric') {
            let lo = Infinity;
            let hi = -Infinity;
            for (const v of c.values) {
                if (v !== v)
                    continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            const bins = Math.max(1, Math.floor(64 / 2 ** lv));
            const w = (hi - lo) / bins || 1;
            const values = Float64Array.from(c.values, (v) => {
                if (v !== v)
                    return v;
                const b = Math.min(bins - 1, Math.floor((v - lo) / w));
                const mid = lo + (b + 0.5) * w;
                return c.integer ? Math.round(mid) : mid;
            });
            return { ...c, values };
        }
        if (c.kind === 'categorical') {
            // keep the most frequent categories; each level halves how many are kept
            const counts = new Array(c.categories.length).fill(0);
            for (const x of c.codes)
                if (x >= 0)
                    counts[x]++;
            const present = counts.filter((x) => x > 0).length;
            const keepN = Math.max(1, Math.floor(present / 2 ** lv));
            const order = counts
                .map((x, i) => [x, i])
                .sort((a, b) => b[0] - a[0] || a[1] - b[1])
                .slice(0, keepN)
                .map(([, i]) => i);
            const keep = new Set(order);
            const categories = [...order.map((i) => c.categories[i]), 'Other'];
            const other = categories.length - 1;
            const remap = c.categories.map((_, i) => (keep.has(i) ? order.indexOf(i) : other));
            return { ...c, categories, codes: Int32Array.from(c.codes, (x) => (x < 0 ? -1 : remap[x])) };
        }
        return c;
    };
    const classes = (cols) => {
        const key = new Map();
        const id = new Int32Array(n);
        for (let i = 0; i < n; i++) {
            const s = JSON.stringify(cols.map((c) => cellValue(c, i)));
            let v = key.get(s);
            if (v === undefined)
                key.set(s, (v = key.size));
            id[i] = v;
        }
        return id;
    };
    const small = (id) => {
        const size = new Map();
        for (const v of id)
            size.set(v, (size.get(v) ?? 0) + 1);
        return Uint8Array.from(id, (v) => ((size.get(v) ?? 0) < k ? 1 : 0));
    };
    let cols = qis.map((q) => generalise(q, 0));
    let flagged = small(classes(cols));
    const distinct = (c) => new Set(Array.from({ length: n }, (_, i) => cellValue(c, i))).size;
    for (let guard = 0; guard < 64; guard++) {
        const count = flagged.reduce((a, b) => a + b, 0);
        if (count <= maxSuppression * n)
            break;
        // coarsen the quasi-identifier with the most distinct values that can still be coarsened
        const cand = qis
            .map((q, j) => ({ q, j, d: distinct(cols[j]) }))
            .filter((x) => x.d > 1 && (t.column(x.q).kind === 'numeric' || t.column(x.q).kind === 'categorical'))
            .sort((a, b) => b.d - a.d);
        if (!cand.length)
            break;
        const { q, j } = cand[0];
        level.set(q, level.get(q) + 1);
        cols = cols.map((c, i) => (i === j ? generalise(q, level.get(q)) : c));
        flagged = small(classes(cols));
    }
    // suppression: the quasi-identifiers of rows still in small classes become missing
    const suppressed = flagged.reduce((a, b) => a + b, 0);
    const final = cols.map((c) => suppress(c, flagged));
    const changed = {};
    let out = t;
    qis.forEach((q, j) => {
        changed[q] = changedCount(t.column(q), final[j]);
        out = out.withColumn(final[j]);
    });
    return {
        table: out,
        report: {
            step: 'k-anonymise',
            cellsChanged: changed,
            rows: suppressed,
            readsTrainingData: false,
            note: `${k}-anonymous over ${qis.join(', ')}: generalisation levels ${qis.map((q) => `${q} ${level.get(q)}`).join(', ')}; ${suppressed} rows suppressed`,
        },
    };
}
function suppress(c, rows) {
    switch (c.kind) {
        case 'numeric':
        case 'datetime':
            return { ...c, values: Float64Array.from(c.values, (v, i) => (rows[i] ? NaN : v)) };
        case 'categorical':
            return { ...c, codes: Int32Array.from(c.codes, (v, i) => (rows[i] ? -1 : v)) };
        case 'boolean':
            return { ...c, values: Int8Array.from(c.values, (v, i) => (rows[i] ? -1 : v)) };
        default:
            return { ...c, values: c.values.map((v, i) => (rows[i] ? null : v)) };
    }
}
//# sourceMappingURL=disclosure.js.map