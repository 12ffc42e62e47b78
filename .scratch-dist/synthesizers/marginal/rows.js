import { ProblemList } from '../../errors.js';
import { countsInMemory } from './encode.js';
/**
 * The in-memory rows of a `Table`: counting is `CodeCounts` over the encoded columns (the hot path, DESIGN.md
 * "Scale"). The same refusals as a fit from the table (`checkFitInput`, the discretizers' domain checks).
 */
export function rowsInMemory(table, label = 'the table') {
    return {
        label,
        open(encoding) {
            const p = new ProblemList();
            if (table.nRows < 2)
                p.add(`${label} has ${table.nRows} rows; at least 2 are needed`);
            for (const s of encoding.specs) {
                if (!table.has(s.name))
                    p.add(`${label} has no column "${s.name}"`);
                else if (table.column(s.name).kind !== s.kind)
                    p.add(`column "${s.name}" is ${table.column(s.name).kind} in ${label} but ${s.kind} in the schema`);
            }
            try {
                p.throwIfAny(`cannot count ${label}:`, 'input');
                return Promise.resolve(countsInMemory(table, encoding));
            }
            catch (e) {
                return Promise.reject(e);
            }
        },
        close: () => Promise.resolve(),
    };
}
//# sourceMappingURL=rows.js.map