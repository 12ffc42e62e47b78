import { LookalikeError, ProblemList } from '../errors.js';
/** Check the envelope of a parsed evaluation file (every problem at once); the report trusts the rest. */
export function asEvaluation(json, source = 'evaluation file') {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new LookalikeError(`${source} is not a lookalike evaluation (expected a JSON object)`);
    }
    const e = json;
    const p = new ProblemList();
    if (e.format !== 'lookalike-evaluation')
        p.add(`"format" must be "lookalike-evaluation", got ${JSON.stringify(e.format) ?? 'nothing'}`);
    if (e.version !== 1)
        p.add(`"version" must be 1 (this lookalike reads evaluation files of version 1), got ${JSON.stringify(e.version) ?? 'nothing'}`);
    const obj = (k) => {
        if (typeof e[k] !== 'object' || e[k] === null || Array.isArray(e[k]))
            p.add(`"${k}" must be an object`);
    };
    const arr = (k) => {
        if (!Array.isArray(e[k]))
            p.add(`"${k}" must be a list`);
    };
    obj('inputs');
    obj('aggregates');
    obj('pairs');
    arr('metrics');
    arr('columns');
    arr('timings');
    arr('warnings');
    if (e.privacy !== undefined) {
        const pv = e.privacy;
        if (typeof pv !== 'object' || pv === null || !Array.isArray(pv.metrics))
            p.add('"privacy" must be an object with a "metrics" list');
    }
    if (typeof e.inputs === 'object' && e.inputs !== null) {
        const i = e.inputs;
        for (const k of ['real', 'synthetic']) {
            const t = i[k];
            if (!t || typeof t.rows !== 'number' || typeof t.columns !== 'number')
                p.add(`"inputs.${k}" must have numeric "rows" and "columns"`);
        }
        if (!Array.isArray(i.columns))
            p.add('"inputs.columns" must be a list');
        if (!Array.isArray(i.sensitive))
            p.add('"inputs.sensitive" must be a list');
    }
    p.throwIfAny(`${source} is not a valid lookalike evaluation:`);
    const ev = json;
    if (!ev.privacy)
        return ev;
    // files whose privacy block carries only `metrics` and `aggregate` (written by the sweep before it kept the rest)
    const pv = ev.privacy;
    const privacy = {
        ...pv,
        metrics: pv.metrics,
        aggregate: typeof pv.aggregate === 'number' ? pv.aggregate : NaN,
        risks: pv.risks ?? {},
        attacks: pv.attacks ?? [],
        timings: pv.timings ?? {},
        warnings: pv.warnings ?? [],
    };
    return { ...ev, privacy };
}
//# sourceMappingURL=evaluation.js.map