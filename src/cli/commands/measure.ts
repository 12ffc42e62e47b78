import type { Command } from '../command.js';
import { list, num, requireStr, str, usage } from '../args.js';
import { parseOptionPairs } from '../../synthesizers/registry.js';
import { hooks, readInput } from '../shared.js';
import { checkOutputFile, refuseOverwrite } from '../../io/overwrite.js';
import { writeFileAtomic } from '../../io/index.js';
import { measureSite } from '../../synthesizers/federated/index.js';
import { formatEpsilon } from '../../format.js';

export const command: Command = {
  name: 'measure',
  positionals: ['table'],
  async run(args, ctx) {
    const out = requireStr(args, 'out', 'where to write the measurements, e.g. --out site.json');
    checkOutputFile(out, 'out', 'json');
    const metadata = requireStr(
      args,
      'metadata',
      'the metadata file every site shares, with public domains (lookalike inspect --public-domains)',
    );
    const epsilon = num(args, 'epsilon');
    if (epsilon === undefined)
      throw usage("--epsilon is required: this site's privacy budget, e.g. --epsilon 1");
    const delta = num(args, 'delta');
    const site = str(args, 'site') ?? 'site';
    refuseOverwrite(
      [
        { path: args.positionals[0], what: 'the input table' },
        { path: metadata, what: 'the metadata file' },
      ],
      [{ path: out, what: '--out' }],
    );
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
