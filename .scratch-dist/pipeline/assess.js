import { LookalikeError } from '../errors.js';
import { evaluate } from '../metrics/evaluate.js';
import { evaluatePrivacy } from '../metrics/privacy/evaluate.js';
import { secondsSince } from './hooks.js';
import { getSynthesizer } from '../synthesizers/registry.js';
/** The attack list of a spec: undefined = the default set, [] = none. */
export function attackList(attacks) {
    return attacks === 'none' ? [] : attacks;
}
/**
 * Step `assess`: fidelity and utility of `synthetic` against `train` (with `holdout` as the unseen rows for utility),
 * then the privacy-risk attacks with `holdout` as the control, merged once into one `Evaluation`: its `privacy` slot
 * (metrics, aggregate, risks, attacks, timings, empirical ε lower bound), a `privacy` timing and the attacks'
 * warnings. Pure core code; `train` is the table the synthesizer was fitted on.
 */
export async function assess(train, synthetic, holdout, spec) {
    if (spec.privacy === true && !holdout)
        throw new LookalikeError('the privacy-risk attacks need a holdout: they compare the synthetic rows with real rows the synthesizer never saw', [], 'usage');
    const seed = spec.seed ?? 0;
    const attacks = attackList(spec.attacks);
    spec.onStep?.('evaluating fidelity and utility');
    const evaluation = await evaluate(train, synthetic, {
        schema: spec.schema,
        seed,
        ...(holdout ? { holdout } : {}),
        ...(spec.target !== undefined ? { target: spec.target } : {}),
        ...(spec.metrics ? { metrics: spec.metrics } : {}),
        ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
        ...(spec.maxRows !== undefined ? { maxRows: spec.maxRows } : {}),
        ...(spec.subsampled ? { subsampled: spec.subsampled } : {}),
    });
    if (!holdout || spec.privacy === false || attacks?.length === 0)
        return evaluation;
    spec.onStep?.('running the privacy-risk attacks');
    const t0 = performance.now();
    const claimed = spec.guarantee?.type === 'dp' ? spec.guarantee : null;
    const privacy = await evaluatePrivacy(train, synthetic, holdout, {
        schema: spec.schema,
        seed,
        ...(attacks ? { attacks } : {}),
        ...(spec.nAttacks !== undefined ? { nAttacks: spec.nAttacks } : {}),
        ...(spec.synthesizer ? { synthesizer: spec.synthesizer } : {}),
        ...(spec.synthesizerOptions ? { synthesizerOptions: spec.synthesizerOptions } : {}),
        ...(spec.search ? { search: spec.search } : {}),
        ...(claimed ? { claimedEpsilon: claimed.epsilon, claimedDelta: claimed.delta } : {}),
        ...(spec.onProgress ? { onProgress: spec.onProgress } : {}),
    });
    return {
        ...evaluation,
        privacy,
        timings: [...evaluation.timings, { phase: 'privacy', seconds: secondsSince(t0) }],
        warnings: [...evaluation.warnings, ...privacy.warnings],
    };
}
/**
 * The synthesizer the shadow attack re-fits when `attacks` asks for it, by `name` (the one that made the table);
 * undefined when the attack is not asked for, a usage error when there is no name.
 */
export function shadowSynthesizer(attacks, name) {
    if (attacks === 'none' || !attacks?.includes('shadow'))
        return undefined;
    if (!name)
        throw new LookalikeError('the shadow attack re-fits the synthesizer: give --model or --synthesizer', [], 'usage');
    return getSynthesizer(name);
}
//# sourceMappingURL=assess.js.map