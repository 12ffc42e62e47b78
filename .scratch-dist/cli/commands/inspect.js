import { flag, usage } from '../args.js';
import { optionalOut, readInput } from '../shared.js';
import { schemaToMetadata } from '../../table/metadata.js';
import { describeSchema } from '../../table/describe.js';
import { writeJsonFile } from '../../io/index.js';
import { isDatabaseInput } from '../../io/relational.js';
import { inspectDatabase } from './relational.js';
export const command = {
    name: 'inspect',
    positionals: ['table'],
    async run(args, ctx) {
        const [path] = args.positionals;
        if (isDatabaseInput(path))
            return inspectDatabase(args, ctx);
        const out = optionalOut(args, 'json', 'the input table');
        const pub = flag(args, 'public-domains');
        if (pub && !out)
            throw usage('--public-domains marks the domains of the file written by --out; give --out metadata.json');
        const { table, schema } = await readInput(path, args, ctx);
        const meta = schemaToMetadata(schema, pub, table);
        if (out) {
            await writeJsonFile(out, meta, 2);
            ctx.step(`wrote ${out}${pub ? ' (every domain marked public: review it)' : ''}`);
        }
        if (ctx.json)
            ctx.outJson({ rows: table.nRows, ...meta });
        else
            ctx.out(describeSchema(table, schema));
        return 0;
    },
};
//# sourceMappingURL=inspect.js.map