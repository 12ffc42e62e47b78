/**
 * The synthesizer registry and the contract in front of every `fit` (options.ts has the option schemas):
 * `defineSynthesizer` builds a synthesizer whose `fit` first runs `checkFitOptions`; `registerSynthesizer` and
 * `registerSynthesizerLoader` make synthesizers available by name; `loadModel` validates model files.
 */
import { LookalikeError, ProblemList } from '../errors.js';
import { optionProblems } from './options.js';
import { ledgerClaimProblems } from '../privacy/ledger.js';
import { validateSchema } from '../table/metadata.js';
import { loadConstrained } from '../constraints/model.js';
/** The names of the registered synthesizers that can be differentially private. */
function dpNames() {
    const names = listSynthesizers()
        .filter((s) => s.privacy !== 'none')
        .map((s) => s.name);
    return names.length ? names.join(', ') : '(none registered)';
}
/**
 * The contract's check of a fit, before any work: ε/δ on a synthesizer that is not DP, unknown options, bad
 * values — every problem at once, as one LookalikeError of kind 'usage' (a single problem is the whole message).
 */
export function checkFitOptions(info, opts = {}, schema) {
    const problems = [];
    if (info.privacy === 'none' && (opts.epsilon !== undefined || opts.delta !== undefined)) {
        problems.push(`${info.name} is not differentially private and takes no --epsilon; DP synthesizers: ${dpNames()}`);
    }
    problems.push(...optionProblems(info.name, info.options, opts.options, {
        dp: opts.epsilon !== undefined,
        ...(schema ? { schema } : {}),
    }));
    if (problems.length === 1)
        throw new LookalikeError(problems[0], [], 'usage');
    if (problems.length)
        throw new LookalikeError(`${info.name}: invalid options:`, problems, 'usage');
}
/** Synthesizers made by `defineSynthesizer` (their `fit` is already checked). */
const CHECKED = new WeakSet();
/**
 * A synthesizer from its info and implementation, with the contract in front of `fit`: `checkFitOptions` runs
 * first, so every caller gets the same refusals and messages.
 */
export function defineSynthesizer(info, impl) {
    const s = {
        name: info.name,
        description: info.description,
        privacy: info.privacy,
        options: info.options ?? [],
        ...(info.modelFileNote !== undefined ? { modelFileNote: info.modelFileNote } : {}),
        async fit(table, schema, opts = {}) {
            checkFitOptions(s, opts, schema);
            return impl.fit(table, schema, opts);
        },
        ...(impl.fitCounts
            ? {
                fitCounts(rows, schema, opts = {}) {
                    checkFitOptions(s, opts, schema);
                    return impl.fitCounts(rows, schema, opts);
                },
            }
            : {}),
        load: (file) => impl.load(file),
    };
    CHECKED.add(s);
    return s;
}
/** `s` itself when it was made by `defineSynthesizer`, else `s` wrapped by it (registerSynthesizer calls this). */
export function checkedSynthesizer(s) {
    return CHECKED.has(s) ? s : defineSynthesizer(s, s);
}
const registry = new Map();
/** Make a synthesizer available by name (to `getSynthesizer`, `loadModel` and the CLI); `fit` is checked (options.ts). */
export function registerSynthesizer(s) {
    const impl = checkedSynthesizer(s);
    registry.set(s.name, { info: impl, impl, facade: impl });
}
/**
 * Register a synthesizer by its info, its code loaded by `load` when first needed (`fit`, or `loadSynthesizer`
 * before `loadModel`). A synthesizer already registered with its code is left as it is.
 */
export function registerSynthesizerLoader(info, load) {
    if (registry.get(info.name)?.impl)
        return;
    const entry = {
        info,
        loader: load,
        facade: defineSynthesizer(info, {
            fit: async (table, schema, opts) => (await loadSynthesizer(info.name)).fit(table, schema, opts),
            fitCounts: async (rows, schema, opts) => {
                const s = await loadSynthesizer(info.name);
                if (!s.fitCounts)
                    throw notCountable(info.name, rows.label);
                return s.fitCounts(rows, schema, opts);
            },
            load: (file) => implementationOf(entry).load(file),
        }),
    };
    registry.set(info.name, entry);
}
/** The refusal of a fit over rows counted where they live by a synthesizer that reads rows (no `fitCounts`). */
export function notCountable(name, label) {
    return new LookalikeError(`${name} reads the rows themselves; counting ${label} where it lives works for the DP-marginal synthesizers (mst, aim, privbayes, independent with an epsilon)`, [], 'usage');
}
function implementationOf(e) {
    if (!e.impl) {
        throw new LookalikeError(`the code of synthesizer "${e.info.name}" is not loaded yet: await loadSynthesizer("${e.info.name}") first`, [], 'internal');
    }
    return e.impl;
}
/** Every registered synthesizer, in registration order (lazily registered ones load their code on first fit). */
export function listSynthesizers() {
    return [...registry.values()].map((e) => e.facade);
}
function entryOf(name) {
    const e = registry.get(name);
    if (!e) {
        throw new LookalikeError(`unknown synthesizer "${name}"; available: ${[...registry.keys()].sort().join(', ')}`, [], 'usage');
    }
    return e;
}
/** The synthesizer called `name` (a usage error naming the available ones otherwise). Its `fit` is checked. */
export function getSynthesizer(name) {
    return entryOf(name).facade;
}
/** The synthesizer called `name` with its code loaded (needed before `loadModel` of a lazily registered one). */
export async function loadSynthesizer(name) {
    const e = entryOf(name);
    if (!e.impl)
        e.impl = checkedSynthesizer(await e.loader());
    return e.impl;
}
/** Validate a parsed model file and rebuild the model. Every problem with the envelope is reported at once. */
export function loadModel(json, source = 'model file') {
    const p = new ProblemList();
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new LookalikeError(`${source} is not a lookalike model (expected a JSON object)`);
    }
    const f = json;
    if (f.format !== 'lookalike-model')
        p.add('"format" must be "lookalike-model"');
    if (f.version !== 1)
        p.add(`"version" must be 1 (this lookalike reads model files of version 1), got ${JSON.stringify(f.version)}`);
    if (typeof f.synthesizer !== 'string')
        p.add('"synthesizer" must be a string');
    else if (!registry.has(f.synthesizer))
        p.add(`unknown synthesizer "${f.synthesizer}"`);
    if (typeof f.privacy !== 'object' || f.privacy === null)
        p.add('"privacy" must be an object');
    if (!('params' in f))
        p.add('"params" is missing');
    const schemaProblems = validateSchema(f.schema, 'schema');
    for (const s of schemaProblems)
        p.add(s);
    const entry = registry.get(f.synthesizer);
    const synth = entry?.info;
    const stated = f.privacy;
    let privacy = stated;
    const hasLedger = f.ledger !== null && f.ledger !== undefined;
    if (synth?.privacy === 'none' && (hasLedger || stated?.type === 'dp')) {
        // a forged file: a ledger copied onto (or a claim written into) the model of a synthesizer that cannot be DP
        p.add(`${f.synthesizer} is not differentially private, yet the file ${hasLedger ? 'carries a privacy ledger' : 'claims differential privacy'}: it was altered`);
    }
    else if (synth?.privacy === 'dp' || stated?.type === 'dp' || hasLedger) {
        // DESIGN.md rule 3: the guarantee is whatever the ledger adds up to, never what the file says
        if (f.ledger === null || f.ledger === undefined)
            p.add('a differentially private model needs its privacy ledger ("ledger")');
        else {
            const checked = ledgerClaimProblems(stated, f.ledger);
            for (const m of checked.problems)
                p.add(m);
            if (checked.ledger)
                privacy = checked.ledger.guarantee();
        }
    }
    p.throwIfAny(`${source} is not a valid lookalike model:`);
    const impl = implementationOf(entry); // entry: an unknown name is a problem above
    const file = { ...json, privacy };
    // a model that keeps business rules: the synthesizer's model of the transformed table, wrapped
    if (file.constraints !== undefined)
        return loadConstrained(file, impl, (f) => impl.load(f));
    return impl.load(file);
}
/** `loadModel`, after loading the code of the model's synthesizer when it is registered lazily (catalog.ts). */
export async function openModel(json, source = 'model file') {
    const name = json?.synthesizer;
    if (typeof name === 'string' && registry.has(name))
        await loadSynthesizer(name);
    return loadModel(json, source);
}
/**
 * Synthesizer options written as text, `key=value` each (the CLI's repeatable `--option`, a form field): the value
 * is read as JSON when it parses (`epochs=300`, `columns=["a","b"]`), else kept as a string. A pair without a key
 * is a usage error naming `option`. The values are checked later, against the schema, by `checkFitOptions`.
 */
export function parseOptionPairs(pairs, option = '--option') {
    const out = {};
    for (const kv of pairs) {
        const i = kv.indexOf('=');
        if (i <= 0)
            throw new LookalikeError(`${option} takes key=value, got "${kv}"`, [], 'usage');
        const raw = kv.slice(i + 1);
        try {
            out[kv.slice(0, i)] = JSON.parse(raw);
        }
        catch {
            out[kv.slice(0, i)] = raw;
        }
    }
    return out;
}
//# sourceMappingURL=registry.js.map