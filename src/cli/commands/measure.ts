import type { Command } from '../command.js';
import { keyValues, num, requireStr, str, usage } from '../args.js';
import { hooks, printJson, readInput } from '../shared.js';
import { flags, READ_FLAGS } from '../flags.js';
import { checkOutputFile, refuseOverwrite } from '../../io/overwrite.js';
import { writeFileAtomic } from '../../io/index.js';
import { measureSite } from '../../synthesizers/federated/index.js';
import { formatEpsilon } from '../../format.js';

export const measureCommand: Command = {
  name: 'measure',
  summary: "federated synthesis, at one site: measure this site's table into a file of noisy marginals",
  usage:
    'lookalike measure <table> --metadata M --epsilon E [--delta D] [--site NAME] [--option bins=32] --out site.json',
  description:
    "Runs at each site of a federation, over that site's own rows with its own budget: MST's measure steps (every " +
    '1-way marginal, a spanning tree of 2-way marginals chosen on these rows, those 2-way marginals), each with ' +
    "discrete Gaussian noise charged to the site's ledger. Writes a versioned JSON file of noisy counts, the schema, " +
    'its hash and the ledger — no rows; it is what leaves the site. lookalike combine estimates one model from every ' +
    "site's file. Every site must use the same metadata file (declared public domains and schema facts for every " +
    'column) and options, and so print the same schema hash. The guarantee is per site: (ε, δ)-DP for the rows of ' +
    'this site (docs/federated.md).',
  positionals: ['table'],
  options: flags([...READ_FLAGS, 'metadata', 'epsilon', 'delta', 'option'], {
    site: { type: 'string', placeholder: 'NAME', description: "this site's name (default: site)" },
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'FILE',
      description: 'where to write the measurements (.json), required',
    },
  }),
  examples: [
    'npx lookalike inspect node_modules/vega-datasets/data/penguins.json --public-domains --out penguins-public.json',
    'npx lookalike measure node_modules/vega-datasets/data/penguins.json -m penguins-public.json --epsilon 1 --site north --out north.json',
  ],
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
    const options = keyValues(args, 'option');
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
      printJson(ctx, {
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
