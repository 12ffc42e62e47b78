import { formatTable } from '../format.js';
import { missingCount } from './column.js';
import { isCategoricalDomain, isDatetimeDomain, isNumericDomain, } from './schema.js';
/** A column's domain in words, with where it came from: "3 categories (inferred)", "[0, 120] in 12 bins (public)". */
export function domainText(c) {
    const d = c.domain;
    if (isCategoricalDomain(d))
        return `${d.categories.length} categories (${d.source})`;
    if (isNumericDomain(d))
        return `[${d.min}, ${d.max}]${d.bins ? ` in ${d.bins.length - 1} bins` : ''} (${d.source})`;
    if (isDatetimeDomain(d))
        return `[${d.min}, ${d.max}] (${d.source})`;
    return '';
}
/**
 * What was inferred of a table, as text (`lookalike inspect`, a page showing a schema): its size, then one line a
 * column — name, kind (integer or float, datetime format), role, missing values (count and share), domain.
 */
export function describeSchema(table, schema) {
    const rows = schema.columns.map((c) => {
        const miss = missingCount(table.column(c.name));
        const detail = c.kind === 'numeric'
            ? c.integer
                ? ' (integer)'
                : ' (float)'
            : c.kind === 'datetime'
                ? ` (${c.format})`
                : '';
        const missing = miss ? `${miss} (${((100 * miss) / table.nRows).toFixed(1)}%)` : '0';
        return [c.name, c.kind + detail, c.role ?? '', missing, domainText(c)];
    });
    const size = `${table.nRows.toLocaleString('en-US')} rows × ${table.nColumns} columns`;
    return `${size}\n${formatTable(['column', 'kind', 'role', 'missing', 'domain'], rows)}`;
}
//# sourceMappingURL=describe.js.map