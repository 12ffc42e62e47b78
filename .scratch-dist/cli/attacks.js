import { attackListProblem } from '../metrics/registry.js';
import { int, str, usage } from './args.js';
import { listFlag } from './flags.js';
// Kept apart from flags.ts: the privacy metrics take a while to load, and fit, sample and inspect need none.
/**
 * `--attacks`: undefined = the default set, `'none'`, or a list checked against the registered attacks (a usage
 * error, or with `collect` a problem added to it).
 */
export function attacksFlag(args, collect) {
    if (str(args, 'attacks')?.trim() === 'none')
        return 'none';
    const list = listFlag(args, 'attacks');
    const problem = list && attackListProblem(list);
    if (problem && collect)
        collect.push(problem);
    else if (problem)
        throw usage(problem);
    return list;
}
/** The value of `--attack-count` (a usage error below 10), or undefined for the default. */
export function attackCountFlag(args) {
    return int(args, 'attack-count', { min: 10, max: 10_000_000 });
}
//# sourceMappingURL=attacks.js.map