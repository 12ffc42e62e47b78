import { formatEpsilon } from '../format.js';
/** A guarantee in words; ε and δ rounded up (src/format.ts: printing may only overstate them). */
export function privacyLabel(p) {
    if (p.type === 'none')
        return 'NOT differentially private';
    return `(ε = ${formatEpsilon(p.epsilon)}, δ = ${formatEpsilon(p.delta)})-differentially private`;
}
//# sourceMappingURL=guarantee.js.map