import { PrivacyLedger } from '../privacy/ledger.js';
/** The model summary of a (validated) model file. A ledger that does not have the expected shape is dropped. */
export function modelSummary(file) {
    // issue 10: every total shown is recomputed from the ledger's entries, never the file's own claim or total; a
    // DP claim without a valid ledger is shown as no guarantee
    let ledger = null;
    try {
        if (file.ledger !== null && file.ledger !== undefined)
            ledger = PrivacyLedger.fromJSON(file.ledger);
    }
    catch {
        ledger = null;
    }
    return {
        synthesizer: file.synthesizer,
        privacy: ledger ? ledger.guarantee() : { type: 'none' },
        ledger: ledger ? asLedger(ledger.toJSON()) : null,
        createdAt: file.createdAt,
    };
}
export function asLedger(x) {
    if (typeof x !== 'object' || x === null)
        return null;
    const l = x;
    if (!Array.isArray(l.entries))
        return null;
    const entries = l.entries.filter((e) => typeof e === 'object' &&
        e !== null &&
        typeof e.query === 'string' &&
        typeof e.mechanism === 'string' &&
        typeof e.rho === 'number');
    const num = (v) => (typeof v === 'number' ? v : undefined);
    const b = l.budget;
    const t = l.total;
    return {
        ...(typeof l.accounting === 'string' ? { accounting: l.accounting } : {}),
        ...(b && num(b.epsilon) !== undefined && num(b.delta) !== undefined
            ? { budget: { epsilon: num(b.epsilon), delta: num(b.delta) } }
            : {}),
        entries,
        ...(t && num(t.epsilon) !== undefined && num(t.delta) !== undefined
            ? {
                total: {
                    epsilon: num(t.epsilon),
                    delta: num(t.delta),
                    ...(num(t.rho) !== undefined ? { rho: num(t.rho) } : {}),
                },
            }
            : {}),
    };
}
//# sourceMappingURL=model.js.map