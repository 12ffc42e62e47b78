import { formatSynthesizers, synthesizersJSON } from '../../synthesizers/catalog.js';
export const command = {
    name: 'synthesizers',
    positionals: [],
    needsSynthesizers: false,
    async run(_args, ctx) {
        // the CLI's synthesizers are the built-in catalog; read without the registry, which takes longer to load
        if (ctx.json)
            ctx.outJson(synthesizersJSON());
        else
            ctx.out(formatSynthesizers());
        return 0;
    },
};
//# sourceMappingURL=synthesizers.js.map