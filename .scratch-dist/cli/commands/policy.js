import * as policies from '../../policy/index.js';
import { flag, str, usage } from '../args.js';
import { checkOutputFile } from '../../io/overwrite.js';
import { readPolicy, writeDefaultPolicy } from '../../io/documents.js';
const ACTIONS = ['init', 'check', 'show', 'ids'];
export const command = {
    name: 'policy',
    positionals: ['action', 'file'],
    optionalPositionals: 1,
    async run(args, ctx) {
        const [action, file] = args.positionals;
        if (!ACTIONS.includes(action)) {
            throw usage(`unknown action "${action}": use one of ${ACTIONS.join(', ')}`);
        }
        if (action === 'init') {
            if (file)
                throw usage('policy init takes no file argument; use --out FILE');
            const out = str(args, 'out');
            if (!out) {
                ctx.out(policies.DEFAULT_POLICY_YAML);
                return 0;
            }
            checkOutputFile(out, 'out', 'any');
            const targets = await writeDefaultPolicy(out, flag(args, 'force'));
            if (ctx.json)
                ctx.outJson({ policy: out, targets });
            else
                ctx.out(`policy: ${out} (${targets} targets; edit it, then use --policy ${out})`);
            return 0;
        }
        if (action === 'ids') {
            const catalogue = policies.targetCatalogue();
            if (ctx.json)
                ctx.outJson(catalogue);
            else
                ctx.out(policies.formatCatalogue(catalogue));
            return 0;
        }
        if (action === 'check' && !file)
            throw usage('policy check needs a policy file: lookalike policy check policy.yaml');
        const policy = file ? await readPolicy(file) : policies.DEFAULT_POLICY;
        if (ctx.json) {
            ctx.outJson(policy);
            return 0;
        }
        ctx.out(`${action === 'check' ? `${file}: valid. ` : ''}${policies.formatPolicy(policy)}`);
        return 0;
    },
};
//# sourceMappingURL=policy.js.map