/**
 * Policies: what "useful enough" and "private enough" mean for one release, written down as targets, and the
 * scorecard that checks an evaluation against them (Metric | Score | Target | Status, and a verdict).
 *
 * A policy file is YAML or JSON (JSON is read as YAML):
 *
 * ```yaml
 * version: 1
 * name: my-release-policy
 * missing: fail            # a target whose metric was not measured fails the verdict (or: ignore)
 * targets:
 *   - id: statistical_similarity   # an aggregate score, a metric id, or epsilon / delta (the model's claim)
 *     op: ">="
 *     value: 0.85
 *   - id: singling_out_risk
 *     op: "<="
 *     value: 0.05
 *     bound: ci                     # compare the end of the 95% interval that is worst for the target (default)
 * ```
 *
 * Risks come with 95% intervals (DESIGN.md rule 9). By default (`bound: ci`) a target is compared with the end of
 * the interval that is *least favourable* to it — the upper bound for a `<=` target such as a risk, the lower bound
 * for a `>=` target — so "pass" means "passes even at the pessimistic end of what we measured". A metric without an
 * interval is compared by its estimate. `bound: estimate` compares the point estimate instead.
 *
 * Every problem in a policy file is reported at once (`LookalikeError`, kind `input`). Pure: no I/O; the CLI reads
 * the file and passes its text.
 */
import { parseDocument, LineCounter, isMap, isSeq } from 'yaml';
import { LookalikeError, ProblemList } from '../errors.js';
import { catalogueIds, targetInfo } from './catalogue.js';
import { OPERATORS, } from './types.js';
const TOP_KEYS = ['version', 'name', 'description', 'missing', 'targets'];
const TARGET_KEYS = ['id', 'op', 'value', 'label', 'bound', 'on', 'columns', 'over', 'why'];
/** Alias expansions a policy may use (the yaml library's default): enough for shared fragments, not for a bomb. */
const MAX_ALIAS_COUNT = 100;
/**
 * Parse and validate a policy file's text (YAML or JSON). Throws one `LookalikeError` listing every problem, with
 * line numbers where the file has them.
 */
export function parsePolicy(text, opts = {}) {
    const source = opts.source ?? 'policy';
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length) {
        const p = new ProblemList();
        for (const e of doc.errors) {
            const pos = lc.linePos(e.pos[0]);
            const reason = e.message
                .split('\n')[0]
                .replace(/^Maximum call stack size exceeded$/, 'nested too deeply');
            p.add(`${pos ? `line ${pos.line}, column ${pos.col}: ` : ''}${reason}`);
        }
        p.throwIfAny(`${source} is not valid YAML or JSON:`);
    }
    const lineOf = (path) => {
        const node = doc.getIn(path, true);
        const at = node && 'range' in node && node.range ? lc.linePos(node.range[0]).line : undefined;
        return at ? ` (line ${at})` : '';
    };
    // Accept only plain data: the YAML node tree must be maps, sequences and scalars.
    if (doc.contents && !isMap(doc.contents)) {
        throw new LookalikeError(`${source} is not a policy: expected a mapping with "version", "name" and "targets"`);
    }
    let data;
    try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    }
    catch (e) {
        // the yaml library refuses aliases that expand too much (a "billion laughs" bomb) and gives up on deep nesting
        const msg = e instanceof Error ? e.message : '';
        throw new LookalikeError(`${source} is not a usable policy: ` +
            (/alias/i.test(msg)
                ? `its YAML aliases expand too much (more than ${MAX_ALIAS_COUNT} alias uses, the shape of an "alias bomb"); write the targets out in full`
                : 'it is nested too deeply'));
    }
    return validatePolicy(data, {
        ...opts,
        source,
        lineOf,
        targetsIsSeq: isSeq(doc.get('targets', true)),
    });
}
/**
 * Validate an already-parsed policy object (e.g. built in code). Same rules and messages as `parsePolicy`.
 */
export function validatePolicy(raw, opts = {}) {
    const source = opts.source ?? 'policy';
    const lineOf = opts.lineOf ?? (() => '');
    const known = new Set([...catalogueIds(), ...(opts.knownIds ?? [])]);
    const p = new ProblemList();
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new LookalikeError(`${source} is not a policy: expected a mapping with "version", "name" and "targets"`);
    }
    const r = raw;
    for (const k of Object.keys(r)) {
        if (!TOP_KEYS.includes(k))
            p.add(`unknown key "${k}"${lineOf([k])} (allowed: ${TOP_KEYS.join(', ')})`);
    }
    if (r.version !== 1)
        p.add(`"version" must be 1, got ${describe(r.version)}${lineOf(['version'])}`);
    if (typeof r.name !== 'string' || !r.name.trim())
        p.add(`"name" must be a non-empty string${lineOf(['name'])}`);
    if (r.description !== undefined && typeof r.description !== 'string') {
        p.add(`"description" must be a string${lineOf(['description'])}`);
    }
    if (r.missing !== undefined && r.missing !== 'fail' && r.missing !== 'ignore') {
        p.add(`"missing" must be "fail" or "ignore", got ${describe(r.missing)}${lineOf(['missing'])}`);
    }
    const targets = [];
    if (!Array.isArray(r.targets)) {
        p.add(`"targets" must be a list of targets${lineOf(['targets'])}`);
    }
    else if (r.targets.length === 0) {
        p.add(`"targets" is empty: a policy needs at least one target`);
    }
    else {
        const seen = new Map();
        r.targets.forEach((t, i) => {
            const where = `targets[${i}]${lineOf(['targets', i])}`;
            if (typeof t !== 'object' || t === null || Array.isArray(t)) {
                p.add(`${where}: expected a mapping with "id", "op" and "value"`);
                return;
            }
            const x = t;
            const before = p.size;
            for (const k of Object.keys(x)) {
                if (!TARGET_KEYS.includes(k))
                    p.add(`${where}: unknown key "${k}" (allowed: ${TARGET_KEYS.join(', ')})`);
            }
            let info;
            if (typeof x.id !== 'string' || !x.id) {
                p.add(`${where}: "id" must be a string naming an aggregate score, a metric or epsilon/delta`);
            }
            else if (!known.has(x.id)) {
                const hint = suggest(x.id, known);
                p.add(`${where}: unknown id "${x.id}"${hint ? ` — did you mean "${hint}"?` : ''} (see docs/report.md for the list)`);
            }
            else {
                info = targetInfo(x.id);
            }
            if (typeof x.op !== 'string' || !OPERATORS.includes(x.op)) {
                p.add(`${where}: "op" must be one of ${OPERATORS.map((o) => `"${o}"`).join(', ')}, got ${describe(x.op)}`);
            }
            if (typeof x.value !== 'number' || !Number.isFinite(x.value)) {
                p.add(`${where}: "value" must be a finite number, got ${describe(x.value)}`);
            }
            else if (info && (info.kind === 'aggregate' || x.on === 'score') && (x.value < 0 || x.value > 1)) {
                p.add(`${where}: "value" ${x.value} is outside [0, 1], the range of a score`);
            }
            if (x.label !== undefined && typeof x.label !== 'string')
                p.add(`${where}: "label" must be a string`);
            if (x.why !== undefined && typeof x.why !== 'string')
                p.add(`${where}: "why" must be a string`);
            if (x.bound !== undefined && x.bound !== 'ci' && x.bound !== 'estimate') {
                p.add(`${where}: "bound" must be "ci" or "estimate", got ${describe(x.bound)}`);
            }
            const isMetric = info ? info.kind === 'metric' : true;
            if (x.on !== undefined) {
                if (x.on !== 'value' && x.on !== 'score')
                    p.add(`${where}: "on" must be "value" or "score", got ${describe(x.on)}`);
                else if (!isMetric)
                    p.add(`${where}: "on" applies to metric targets only, not to "${String(x.id)}"`);
            }
            if (x.over !== undefined) {
                if (x.over !== 'worst' && x.over !== 'mean')
                    p.add(`${where}: "over" must be "worst" or "mean", got ${describe(x.over)}`);
                else if (!isMetric)
                    p.add(`${where}: "over" applies to metric targets only, not to "${String(x.id)}"`);
            }
            if (x.columns !== undefined) {
                if (!Array.isArray(x.columns) ||
                    x.columns.length === 0 ||
                    !x.columns.every((c) => typeof c === 'string' && c)) {
                    p.add(`${where}: "columns" must be a non-empty list of column names`);
                }
                else if (!isMetric)
                    p.add(`${where}: "columns" applies to metric targets only, not to "${String(x.id)}"`);
            }
            if (p.size > before)
                return;
            const target = {
                id: x.id,
                op: x.op,
                value: x.value,
                ...(x.label !== undefined ? { label: x.label } : {}),
                ...(x.bound !== undefined ? { bound: x.bound } : {}),
                ...(x.on !== undefined ? { on: x.on } : {}),
                ...(x.columns !== undefined ? { columns: [...x.columns] } : {}),
                ...(x.over !== undefined ? { over: x.over } : {}),
                ...(x.why !== undefined ? { why: x.why } : {}),
            };
            const key = `${target.id}|${target.op}|${(target.columns ?? []).join(',')}|${target.on ?? ''}`;
            if (seen.has(key))
                p.add(`${where}: duplicates targets[${seen.get(key)}] (same id, op and columns)`);
            else
                seen.set(key, i);
            targets.push(target);
        });
    }
    p.throwIfAny(`${source} is not a valid policy (${p.size} problem${p.size === 1 ? '' : 's'}):`);
    return {
        version: 1,
        name: r.name,
        ...(r.description !== undefined ? { description: r.description } : {}),
        missing: r.missing ?? 'fail',
        targets,
    };
}
function describe(v) {
    if (v === undefined)
        return 'nothing';
    if (typeof v === 'string')
        return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
    if (typeof v === 'number' || typeof v === 'boolean' || v === null)
        return String(v);
    return Array.isArray(v) ? 'a list' : 'a mapping';
}
/** The closest known id by edit distance, if it is close. */
function suggest(id, known) {
    let best;
    let bestD = Infinity;
    for (const k of known) {
        const d = editDistance(id.toLowerCase(), k);
        if (d < bestD) {
            bestD = d;
            best = k;
        }
    }
    return bestD <= Math.max(2, Math.floor(id.length / 3)) ? best : undefined;
}
function editDistance(a, b) {
    const prev = new Array(b.length + 1);
    for (let j = 0; j <= b.length; j++)
        prev[j] = j;
    for (let i = 1; i <= a.length; i++) {
        let diag = prev[0];
        prev[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = prev[j];
            prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
            diag = tmp;
        }
    }
    return prev[b.length];
}
//# sourceMappingURL=parse.js.map