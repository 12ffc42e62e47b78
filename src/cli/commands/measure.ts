import type { Command } from '../command.js';
import { list, num, requireStr, str, usage } from '../args.js';
import { parseOptionPairs } from '../../synthesizers/registry.js';
import { hooks, readInput, outFile } from '../shared.js';
import { writeFileAtomic } from '../../io/index.js';
import { measureSite } from '../../synthesizers/federated/index.js';
import { formatEpsilon } from '../../format.js';

export const command: Command = {
  name: 'measure',
  positionals: ['table'],
  async run(args, ctx) {
    const out = outFile(
      args,
      'json',
      'where to write the measurements, e.g. --out site.json',
      'the input table',
    );
    requireStr(
      args,
      'metadata',
      'the metadata file every site shares, with public domains (lookalike inspect --public-domains)',
    );
    const epsilon = num(args, 'epsilon');
    if (epsilon === undefined)
      throw usage("--epsilon is required: this site's privacy budget, e.g. --epsilon 1");
    const delta = num(args, 'delta');
    const site = str(args, 'site') ?? 'site';
    const { table, schema } = await readInput(args.positionals[0], args, ctx);
    const options = parseOptionPairs(list(args, 'option'));
    const t0 = Date.now();
    const file = await measureSite(table, schema, {
      epsilon,
      ...(delta !== undefined ? { delta } : {}),
      site,
      options,
      onProgress: hooks(ctx).onProgress,
    });
    await writeFileAtomic(out, `${JSON.stringify(file)}\n`);
    const seconds = (Date.now() - t0) / 1000;
    if (ctx.json)
      ctx.outJson({
        out,
        site,
        schemaHash: file.schemaHash,
        measurements: file.measurements.length,
        privacy: file.privacy,
        seconds,
      });
    else
      ctx.out(
        [
          `measurements: ${out} (${file.measurements.length} noisy marginals)`,
          `site ${site}: (ε = ${formatEpsilon(file.privacy.epsilon)}, δ = ${file.privacy.delta})-differentially private for the rows of this site (its ledger)`,
          `schema hash: ${file.schemaHash} — every site of the federation must print the same`,
        ].join('\n'),
      );
    return 0;
  },
};
