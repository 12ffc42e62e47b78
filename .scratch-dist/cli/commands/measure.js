import { list, num, requireStr, str, usage } from '../args.js';
import { parseOptionPairs } from '../../synthesizers/registry.js';
import { readInput, outFile } from '../shared.js';
import { writeJsonFile } from '../../io/index.js';
import { formatSiteMeasurements, measureSite } from '../../synthesizers/federated/index.js';
export const command = {
    name: 'measure',
    positionals: ['table'],
    async run(args, ctx) {
        const out = outFile(args, 'json', 'where to write the measurements, e.g. --out site.json', 'the input table');
        requireStr(args, 'metadata', 'the metadata file every site shares, with public domains (lookalike inspect --public-domains)');
        const epsilon = num(args, 'epsilon');
        if (epsilon === undefined)
            throw usage("--epsilon is required: this site's privacy budget, e.g. --epsilon 1");
        const delta = num(args, 'delta');
        const site = str(args, 'site') ?? 'site';
        const { table, schema } = await readInput(args.positionals[0], args, ctx);
        const options = parseOptionPairs(list(args, 'option'));
        const t0 = Date.now();
        const withDelta = delta !== undefined ? { delta } : {};
        const file = await measureSite(table, schema, {
            epsilon,
            ...withDelta,
            site,
            options,
            onProgress: ctx.progress,
        });
        await writeJsonFile(out, file);
        const seconds = (Date.now() - t0) / 1000;
        const { schemaHash, measurements, privacy } = file;
        if (ctx.json)
            ctx.outJson({ out, site, schemaHash, measurements: measurements.length, privacy, seconds });
        else
            ctx.out(formatSiteMeasurements(file, out));
        return 0;
    },
};
//# sourceMappingURL=measure.js.map