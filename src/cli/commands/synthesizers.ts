import type { Command } from '../command.js';
import { printJson, textTable } from '../shared.js';
import { listSynthesizers } from '../../synthesizers/registry.js';

export const synthesizersCommand: Command = {
  name: 'synthesizers',
  summary: 'list the synthesizers, their privacy guarantee and options',
  usage: 'lookalike synthesizers',
  description:
    'Lists every synthesizer by name with its guarantee: "DP" synthesizers take --epsilon (and --delta) and are ' +
    'differentially private; the others are NOT differentially private and say so wherever their output goes.',
  positionals: [],
  options: {},
  examples: ['npx lookalike synthesizers'],
  async run(_args, ctx) {
    const all = listSynthesizers();
    if (ctx.json) {
      printJson(
        ctx,
        all.map((s) => ({
          name: s.name,
          privacy: s.privacy,
          description: s.description,
          options: s.optionsHelp ?? {},
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
    const withOpts = all.filter((s) => s.optionsHelp && Object.keys(s.optionsHelp).length);
    for (const s of withOpts) {
      ctx.out(`\n${s.name} options (--option key=value):`);
      for (const [k, v] of Object.entries(s.optionsHelp!)) ctx.out(`  ${k}: ${v}`);
    }
    return 0;
  },
};
