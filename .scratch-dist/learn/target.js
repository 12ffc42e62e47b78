import { LookalikeError } from '../errors.js';
/** Indices of the rows where `column` is present (drop the others before building a Target). */
export function presentRows(column) {
    const n = column.kind === 'categorical' ? column.codes.length : column.values.length;
    const out = new Int32Array(n);
    let k = 0;
    switch (column.kind) {
        case 'numeric':
        case 'datetime':
            for (let i = 0; i < n; i++)
                if (!Number.isNaN(column.values[i]))
                    out[k++] = i;
            break;
        case 'categorical':
            for (let i = 0; i < n; i++)
                if (column.codes[i] >= 0)
                    out[k++] = i;
            break;
        case 'boolean':
            for (let i = 0; i < n; i++)
                if (column.values[i] >= 0)
                    out[k++] = i;
            break;
        case 'id':
        case 'text':
            for (let i = 0; i < n; i++)
                if (column.values[i] !== null)
                    out[k++] = i;
            break;
    }
    return out.slice(0, k);
}
/**
 * A Target from a column. Categorical and boolean columns give a classification target (binary with two classes,
 * else multiclass) whose class `k` is `classes[k]`: by default the column's categories (boolean: `false`, `true`),
 * or the `classes` given (categories not among them become -1, like missing values). Numeric and datetime columns
 * give a regression target, or with `task: 'classification'` one class per distinct value (as strings, in numeric
 * order). Missing cells give -1 / NaN: drop those rows first (`presentRows`).
 */
export function makeTarget(column, task, classes) {
    const numeric = column.kind === 'numeric' || column.kind === 'datetime';
    if (column.kind === 'id' || column.kind === 'text') {
        throw new LookalikeError(`target "${column.name}" is a ${column.kind} column; use a categorical, boolean or numeric column`, [], 'usage');
    }
    if (task === 'regression' && !numeric) {
        throw new LookalikeError(`target "${column.name}" is ${column.kind}; a regression target must be numeric`, [], 'usage');
    }
    if (numeric && task !== 'classification') {
        return { target: { task: 'regression', values: column.values } };
    }
    let own;
    let codes;
    if (column.kind === 'categorical') {
        own = [...column.categories];
        codes = column.codes;
    }
    else if (column.kind === 'boolean') {
        own = ['false', 'true'];
        codes = Int32Array.from(column.values);
    }
    else {
        const v = column.values;
        const distinct = [...new Set(Array.from(v).filter((x) => !Number.isNaN(x)))].sort((a, b) => a - b);
        const idx = new Map(distinct.map((x, i) => [x, i]));
        own = distinct.map(String);
        codes = Int32Array.from(v, (x) => (Number.isNaN(x) ? -1 : idx.get(x)));
    }
    const cls = classes ? [...classes] : own;
    if (new Set(cls).size !== cls.length)
        throw new LookalikeError(`the classes given for target "${column.name}" repeat a name`, [], 'usage');
    if (cls.length < 2) {
        throw new LookalikeError(`target "${column.name}" has ${cls.length} class(es); classification needs at least 2`, [], 'input');
    }
    let labels;
    if (cls === own)
        labels = Int32Array.from(codes);
    else {
        const lookup = new Map(cls.map((s, i) => [s, i]));
        const map = Int32Array.from(own, (s) => lookup.get(s) ?? -1);
        labels = Int32Array.from(codes, (k) => (k < 0 ? -1 : map[k]));
    }
    const target = cls.length === 2 ? { task: 'binary', labels } : { task: 'multiclass', labels, nClasses: cls.length };
    return { target, classes: cls };
}
/** Number of outputs a predictor gives per row: classes for multiclass, else 1. */
export function nOutputs(t) {
    return t.task === 'multiclass' ? t.nClasses : 1;
}
/** Validate a target against n rows; lists every problem. */
export function checkTarget(t, nRows) {
    const out = [];
    if (t.task === 'regression') {
        if (t.values.length !== nRows)
            out.push(`the target has ${t.values.length} values for ${nRows} rows`);
        let bad = 0;
        for (let i = 0; i < t.values.length; i++)
            if (!Number.isFinite(t.values[i]))
                bad++;
        if (bad)
            out.push(`${bad} target value(s) are missing or not finite; drop those rows first (presentRows)`);
        return out;
    }
    const k = t.task === 'binary' ? 2 : t.nClasses;
    if (t.task === 'multiclass' && !(Number.isInteger(k) && k >= 2))
        out.push(`nClasses must be an integer ≥ 2, got ${k}`);
    if (t.labels.length !== nRows)
        out.push(`the target has ${t.labels.length} labels for ${nRows} rows`);
    let missing = 0;
    let outside = 0;
    for (let i = 0; i < t.labels.length; i++) {
        const y = t.labels[i];
        if (y < 0)
            missing++;
        else if (y >= k)
            outside++;
    }
    if (missing)
        out.push(`${missing} target label(s) are missing; drop those rows first (presentRows)`);
    if (outside)
        out.push(`${outside} target label(s) are not in 0..${k - 1}`);
    return out;
}
//# sourceMappingURL=target.js.map