import type { Command } from '../command.js';
import { int, requireStr, usage } from '../args.js';
import { hooks, printJson } from '../shared.js';
import { checkOutputFile, refuseOverwrite } from '../../io/overwrite.js';
import { readJsonFile, writeTable } from '../../io/index.js';
import { combineSites, formatSiteGuarantees } from '../../synthesizers/federated/index.js';

export const combineCommand: Command = {
  name: 'combine',
  summary: "federated synthesis: one model from several sites' measurement files, sampled",
  usage: 'lookalike combine <site.json> <site.json>… [--rows N] [--seed S] [--iters N] --out synthetic.csv',
  description:
    'Reads the files lookalike measure wrote at each site, checks that they share one schema (a file measured over ' +
    'another schema is an error naming it and what differs) and that each ledger is valid and backs every ' +
    'measurement (a forged or edited ledger is refused), pools the noisy marginals and estimates one graphical ' +
    'model (Private-PGM), then samples it. Reads no rows: no budget is spent. Prints the guarantee of each site — ' +
    '(ε, δ)-DP for the rows held at that site — and of the release as a whole (docs/federated.md).',
  positionals: ['site files'],
  variadic: true,
  options: {
    rows: {
      type: 'string',
      short: 'n',
      placeholder: 'N',
      description: "rows to draw (default: the sites' pooled noisy row count)",
    },
    seed: { type: 'string', placeholder: 'S', description: 'sampling seed (default 0)' },
    iters: {
      type: 'string',
      placeholder: 'N',
      description: 'mirror-descent iterations of the estimation (default 2000)',
    },
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'FILE',
      description: 'output file: .csv, .tsv, .parquet, .json or .jsonl, required',
    },
  },
  examples: ['npx lookalike combine north.json south.json --rows 1000 --seed 1 --out synthetic-penguins.csv'],
  async run(args, ctx) {
    const out = requireStr(args, 'out', 'where to write the synthetic rows, e.g. --out synthetic.csv');
    checkOutputFile(out, 'out', 'table');
    const rowsOpt = int(args, 'rows', { min: 1, max: 100_000_000 });
    const seed = int(args, 'seed', { default: 0 })!;
    const iters = int(args, 'iters', { min: 1, default: 2000 })!;
    const paths = args.positionals;
    if (new Set(paths).size !== paths.length) throw usage('a site file is named twice');
    refuseOverwrite(
      paths.map((p) => ({ path: p, what: 'a site file' })),
      [{ path: out, what: '--out' }],
    );
    const files = [];
    for (const p of paths) files.push({ label: p, json: await readJsonFile(p, 'site measurements') });
    ctx.step(`combining ${paths.length} site file(s)`);
    const model = await combineSites(files, { iters, onProgress: hooks(ctx).onProgress });
    const rows = rowsOpt ?? model.defaultRows;
    ctx.step(`sampling ${rows.toLocaleString('en-US')} rows (seed ${seed})`);
    const table = model.sample(rows, { seed });
    await writeTable(table, out);
    if (ctx.json)
      printJson(ctx, {
        out,
        rows,
        seed,
        schemaHash: model.schemaHash,
        sites: model.sites.map((s) => ({ site: s.site, file: s.label, privacy: s.guarantee })),
        privacy: model.privacy,
        pairs: model.pairs,
        droppedPairs: model.droppedPairs,
      });
    else
      ctx.out(
        [
          `wrote ${rows.toLocaleString('en-US')} rows to ${out} — federated mst over ${model.sites.length} site(s)`,
          ...formatSiteGuarantees(model),
        ].join('\n'),
      );
    return 0;
  },
};
