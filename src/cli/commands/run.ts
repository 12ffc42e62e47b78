import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliContext, Command, ParsedArgs } from '../command.js';
import { int, requireStr, str, usage } from '../args.js';
import { fitModel, printJson, privacyLabel, readInput, writeModel } from '../shared.js';
import { FIT_OPTIONS, fitOptionsFrom } from './fit.js';
import { getSynthesizer } from '../../synthesizers/registry.js';
import { writeFileAtomic, writeTable, WRITE_FORMATS } from '../../io/index.js';
import { schemaToMetadata } from '../../table/metadata.js';

export const RUN_OPTIONS = {
  ...FIT_OPTIONS,
  rows: {
    type: 'string',
    short: 'n',
    placeholder: 'N',
    description: 'synthetic rows to draw (default: as many as the fitted rows)',
  },
  format: {
    type: 'string',
    placeholder: 'F',
    description: `synthetic file format: ${WRITE_FORMATS.join(', ')} (default csv)`,
  },
} as const;

export interface RunSummary {
  outDir: string;
  synthesizer: string;
  privacy: unknown;
  rows: { input: number; synthetic: number };
  files: Record<string, string>;
  seconds: { fit: number; sample: number };
}

/** The body of `run` (shared with `demo`). */
export async function runPipeline(
  path: string,
  outDir: string,
  args: ParsedArgs,
  ctx: CliContext,
): Promise<RunSummary> {
  const format = str(args, 'format') ?? 'csv';
  if (!(WRITE_FORMATS as readonly string[]).includes(format))
    throw usage(`--format must be one of ${WRITE_FORMATS.join(', ')}, got "${format}"`);
  const rowsOpt = int(args, 'rows', { min: 1, max: 100_000_000 });
  const { name, opts } = fitOptionsFrom(args);
  const synth = getSynthesizer(name);
  const { table, schema } = await readInput(path, str(args, 'metadata'), ctx);
  await mkdir(outDir, { recursive: true });
  const { model, seconds: fitSeconds } = await fitModel(table, schema, synth, opts, ctx);
  const files: Record<string, string> = {
    metadata: join(outDir, 'metadata.json'),
    model: join(outDir, 'model.json'),
    synthetic: join(outDir, `synthetic.${format}`),
  };
  await writeFileAtomic(files.metadata, `${JSON.stringify(schemaToMetadata(schema), null, 2)}\n`);
  await writeModel(model, files.model);
  const n = rowsOpt ?? table.nRows;
  ctx.step(`sampling ${n.toLocaleString('en-US')} rows`);
  const t0 = Date.now();
  const synthetic = model.sample(n, { seed: opts.seed ?? 0, onProgress: ctx.progress });
  await writeTable(synthetic, files.synthetic);
  const sampleSeconds = (Date.now() - t0) / 1000;
  return {
    outDir,
    synthesizer: name,
    privacy: model.privacy,
    rows: { input: table.nRows, synthetic: n },
    files,
    seconds: { fit: fitSeconds, sample: sampleSeconds },
  };
}

export function printRunSummary(s: RunSummary, ctx: CliContext): void {
  if (ctx.json) {
    printJson(ctx, s);
    return;
  }
  ctx.out(
    [
      `synthesizer: ${s.synthesizer} — ${privacyLabel(s.privacy as never)}`,
      `rows: ${s.rows.input.toLocaleString('en-US')} in, ${s.rows.synthetic.toLocaleString('en-US')} synthetic`,
      ...Object.entries(s.files).map(([k, v]) => `${k}: ${v}`),
    ].join('\n'),
  );
}

export const runCommand: Command = {
  name: 'run',
  summary: 'the main job: fit a synthesizer, sample a synthetic table, write everything to a folder',
  usage:
    'lookalike run <table> [--synthesizer NAME] [--rows N] [--seed S] [--metadata M] [--epsilon E] --out-dir DIR',
  description:
    'Reads a table, fits the synthesizer (gaussian-copula unless --synthesizer says otherwise), draws a synthetic table ' +
    'and writes into DIR: metadata.json (the schema used), model.json and synthetic.<format>. ' +
    'Everything is reproducible from --seed, except the noise of DP synthesizers, which comes from a secure source.',
  positionals: ['table'],
  options: {
    ...RUN_OPTIONS,
    'out-dir': {
      type: 'string',
      short: 'o',
      placeholder: 'DIR',
      description: 'output folder (created if missing), required',
    },
  },
  examples: [
    'npx lookalike run node_modules/vega-datasets/data/penguins.json --out-dir out/penguins',
    'npx lookalike run node_modules/vega-datasets/data/birdstrikes.csv --synthesizer independent --rows 5000 --out-dir out/birds',
  ],
  async run(args, ctx) {
    const outDir = requireStr(args, 'out-dir', 'the folder to write into, e.g. --out-dir out/');
    const summary = await runPipeline(args.positionals[0], outDir, args, ctx);
    printRunSummary(summary, ctx);
    return 0;
  },
};
