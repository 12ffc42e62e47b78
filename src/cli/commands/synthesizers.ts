import type { Command } from '../command.js';
import { printJson, textTable } from '../print.js';
import { BUILTIN_CATALOG } from '../../synthesizers/catalog.js';
import { optionHelp, optionSchemaJSON } from '../../synthesizers/options.js';

export const command: Command = {
  name: 'synthesizers',
  positionals: [],
  needsSynthesizers: false,
  async run(_args, ctx) {
    // the CLI's synthesizers are the built-in catalog; read without the registry, which takes longer to load
    const all = BUILTIN_CATALOG.map((c) => c.info);
    if (ctx.json) {
      printJson(
        ctx,
        all.map((s) => ({
          name: s.name,
          privacy: s.privacy,
          description: s.description,
          options: Object.fromEntries(s.options.map((o) => [o.name, optionHelp(o)])),
          optionSchema: optionSchemaJSON(s.options),
        })),
      );
      return 0;
    }
    ctx.out(
      textTable(
        ['name', 'privacy', 'description'],
        all.map((s) => [
          s.name,
          s.privacy === 'dp' ? 'DP' : s.privacy === 'either' ? 'DP with --epsilon' : 'not DP',
          s.description,
        ]),
      ),
    );
    for (const s of all.filter((x) => x.options.length)) {
      ctx.out(`\n${s.name} options (--option key=value):`);
      for (const o of s.options) ctx.out(`  ${o.name}: ${optionHelp(o)}`);
    }
    return 0;
  },
};
