import { LookalikeError } from '../errors.js';
import { describeConditions } from './conditions.js';
function oneValueColumn(d, c, value) {
    const name = d.name;
    switch (c.kind) {
        case 'categorical':
            return { kind: 'categorical', name, codes: Int32Array.of(0), categories: [String(value)] };
        case 'boolean':
            return { kind: 'boolean', name, values: Int8Array.of(value) };
        case 'numeric':
            return { kind: 'numeric', name, values: Float64Array.of(value), integer: false };
        case 'datetime':
            return { kind: 'datetime', name, values: Float64Array.of(value), format: 'ISO' };
    }
}
export function pgmEvidence(conds, columns, discretizers, compression, modelSizes, synthesizer) {
    const evidence = columns.map(() => null);
    const allowed = columns.map(() => null);
    const problems = [];
    for (const c of conds) {
        const a = columns.indexOf(c.column);
        if (a < 0) {
            problems.push(`column "${c.column}" is not modelled by this ${synthesizer} model`);
            continue;
        }
        const d = discretizers[a];
        const values = c.oneOf ?? [c.value];
        const ok = allowed[a] ?? new Uint8Array(d.size);
        const mark = new Uint8Array(d.size);
        for (const v of values) {
            let code;
            try {
                code = d.encode(oneValueColumn(d, c, v))[0];
            }
            catch {
                code = -1;
            }
            if (code < 0 || code === d.missingCode)
                continue;
            mark[code] = 1;
        }
        // a column conditioned twice keeps the codes both conditions allow
        const had = allowed[a] !== null;
        let any = false;
        for (let k = 0; k < d.size; k++) {
            ok[k] = had ? ok[k] & mark[k] : mark[k];
            if (ok[k])
                any = true;
        }
        if (!any) {
            problems.push(`column "${c.column}": the condition is outside the domain the model was fitted on`);
            continue;
        }
        allowed[a] = ok;
    }
    if (problems.length)
        throw new LookalikeError(`cannot sample with ${describeConditions(conds)}:`, problems, 'input');
    allowed.forEach((ok, a) => {
        if (!ok)
            return;
        const map = compression[a];
        const w = new Float64Array(modelSizes[a]);
        if (!map)
            for (let k = 0; k < ok.length; k++)
                w[k] = ok[k];
        else {
            const members = new Float64Array(modelSizes[a]);
            for (let k = 0; k < map.length; k++) {
                members[map[k]]++;
                if (ok[k])
                    w[map[k]]++;
            }
            for (let m = 0; m < w.length; m++)
                w[m] = members[m] > 0 ? w[m] / members[m] : 0;
        }
        evidence[a] = w;
    });
    return { evidence, allowed };
}
//# sourceMappingURL=pgm-evidence.js.map