import { str, usage } from '../args.js';
import { getSynthesizer } from '../../synthesizers/registry.js';
import { runJobCommand } from './run.js';
import { demoTablePath } from '../../io/read.js';
export const command = {
    name: 'demo',
    positionals: [],
    async run(args, ctx) {
        const outDir = str(args, 'out-dir') ?? 'lookalike-demo';
        const name = str(args, 'synthesizer');
        if (name !== undefined && getSynthesizer(name).privacy === 'dp')
            throw usage(`demo takes no budget and no public domains, so it cannot run ${name}, which is differentially private; ` +
                'see the README: lookalike inspect --public-domains, then lookalike run --synthesizer ' +
                `${name} --epsilon 1 --metadata meta.json`);
        const table = demoTablePath();
        ctx.step(`demo: the Palmer penguins table from vega-datasets (${table})`);
        const code = await runJobCommand(table, outDir, args, ctx, { target: 'Species' });
        if (!ctx.json)
            ctx.out(`\nThe demo output is in ${outDir}/ — open ${outDir}/report.html in a browser.`);
        return code;
    },
};
//# sourceMappingURL=demo.js.map