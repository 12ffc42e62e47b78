import { boundValue, conditionMatches } from './parse.js';
/**
 * The forbidden regions of a constraint plan (`FitOptions.forbidden`), over the columns the synthesizer models:
 * a conditional rule `if C in S then lo ≤ X ≤ hi` forbids {C ∈ S, X < lo} and {C ∈ S, X > hi}. The DP-marginal
 * synthesizers make them structural zeros of their graphical model (synthesizers/structural-zeros.ts), so the
 * disallowed cells have probability 0 — a public fact: built from the rules and the schema, never from rows, and
 * costing no budget.
 *
 * An inequality `low ≤ high` between two columns forbids {low > high} (an `order` region: the pairs of bins wholly
 * past the diagonal become zeros, structural-zeros.ts), and a conditional one `if C in S then low ≤ high` forbids
 * {C ∈ S, low > high} — when neither side is rebuilt (planConstraints leaves inequalities unreparameterised for the
 * synthesizers that take zeros, `PlanOptions.orderZeros`).
 *
 * Only what maps onto modelled columns: the `then` column(s) modelled as they are (not a rebuilt side of an
 * inequality, not computed, not in a merged group), and the `if` column modelled as it is or inside a merged group
 * (its term is then the set of merged categories that match). Other rules stay checked and redrawn by the
 * constraints layer, as every rule is.
 */
export function forbiddenRegions(plan, schema) {
    const specs = new Map(schema.columns.map((s) => [s.name, s]));
    const rebuilt = new Set([...plan.gaps.map((g) => g.derived), ...plan.computed.map((c) => c.column)]);
    const merged = (c) => plan.merges.find((m) => m.columns.includes(c));
    const plain = (c) => !rebuilt.has(c) && !merged(c);
    const out = [];
    for (const r of plan.rules) {
        if (r.type === 'inequality') {
            if (plain(r.low) && plain(r.high))
                out.push({ terms: [], order: { low: r.low, high: r.high, ...(r.strict ? { strict: true } : {}) } });
            continue;
        }
        if (r.type !== 'conditional')
            continue;
        const ineq = r.then.type === 'inequality' ? r.then : null;
        if (ineq && !(plain(ineq.low) && plain(ineq.high)))
            continue;
        if (rebuilt.has(r.if.column))
            continue;
        if (r.then.type === 'range' && (rebuilt.has(r.then.column) || merged(r.then.column)))
            continue;
        const ifSpec = specs.get(r.if.column);
        let cond;
        const m = merged(r.if.column);
        if (m) {
            const j = m.columns.indexOf(r.if.column);
            const labels = m.categories.filter((label) => {
                const cell = m.kind === 'one-hot' ? label === r.if.column : JSON.parse(label)[j];
                return conditionMatches(ifSpec, r.if, cell);
            });
            cond = { column: m.name, in: labels };
        }
        else {
            const values = r.if.in ?? [r.if.equals ?? null];
            cond = {
                column: r.if.column,
                in: values.map((v) => ifSpec?.kind === 'datetime' && typeof v === 'string' ? boundValue(ifSpec, v) : v),
            };
        }
        if (cond.in.length === 0)
            continue;
        if (ineq) {
            out.push({
                terms: [cond],
                order: { low: ineq.low, high: ineq.high, ...(ineq.strict ? { strict: true } : {}) },
            });
            continue;
        }
        if (r.then.type !== 'range')
            continue;
        const x = r.then.column;
        const xSpec = specs.get(x);
        const lo = boundValue(xSpec, r.then.min);
        const hi = boundValue(xSpec, r.then.max);
        if (lo !== undefined)
            out.push({ terms: [cond, { column: x, max: lo, ...(r.then.strictMin ? {} : { maxOpen: true }) }] });
        if (hi !== undefined)
            out.push({ terms: [cond, { column: x, min: hi, ...(r.then.strictMax ? {} : { minOpen: true }) }] });
    }
    return out;
}
//# sourceMappingURL=zeros.js.map