import type { Command } from '../command.js';
import { str, usage } from '../args.js';
import { gateExit, policyFlag, printJson } from '../shared.js';
import { readModelSummary } from '../../io/documents.js';
import { flags } from '../flags.js';
import { checkOutputFile, refuseOverwrite } from '../../io/overwrite.js';
import { readJsonFile, writeFileAtomic } from '../../io/index.js';
import { formatScorecard } from '../../policy/index.js';
import { asEvaluation } from '../../metrics/index.js';
import { gate, renderReport, REPORT_FORMATS, type ReportFormat } from '../../pipeline/index.js';

export const reportCommand: Command = {
  name: 'report',
  summary:
    'render an evaluation as a self-contained HTML report (or Markdown / JSON), checked against a policy',
  usage:
    'lookalike report <evaluation.json> [--policy P] [--model model.json] [--format html|md|json] [--title T] --out FILE',
  description:
    'Renders an evaluation (from lookalike evaluate or run) for people: the scorecard of the policy (Metric | Score | ' +
    'Target | Status) and its verdict, the data and the model with its privacy guarantee and DP ledger, per-column ' +
    'distributions, correlation heatmaps, a 2-D view of the rows, TSTR vs TRTR, and the privacy risks with their ' +
    'intervals. The HTML file is self-contained (inline CSS and SVG charts, no script, no network). Without --policy ' +
    'the default policy (lookalike policy show) is applied for display only; with --policy the command exits with ' +
    'code 3 when a target fails, after writing the report, so it can gate a release in CI. --format defaults to the ' +
    'extension of --out; md and json print to stdout when --out is not given. Pass the model file (--model) so the ' +
    'report can state the privacy guarantee; otherwise ε targets are "not measured".',
  positionals: ['evaluation'],
  options: flags(['policy', 'model'], {
    metadata: {
      type: 'string',
      short: 'm',
      placeholder: 'M',
      description: 'deprecated here: -m used to mean --model in this command (it means --metadata elsewhere)',
    },
    format: { type: 'string', short: 'f', placeholder: 'F', description: 'html (default), md or json' },
    title: {
      type: 'string',
      placeholder: 'T',
      description: 'title of the report (default "Synthetic data report")',
    },
    out: {
      type: 'string',
      short: 'o',
      placeholder: 'FILE',
      description: 'where to write the report (required for html)',
    },
  }),
  examples: [
    'npx lookalike report out/penguins/evaluation.json --model out/penguins/model.json --out out/penguins/report.html',
    'npx lookalike report out/penguins/evaluation.json --policy policy.yaml --format md',
  ],
  async run(args, ctx) {
    const out = str(args, 'out');
    const fmt =
      str(args, 'format') ?? (out?.endsWith('.md') ? 'md' : out?.endsWith('.json') ? 'json' : 'html');
    if (!(REPORT_FORMATS as readonly string[]).includes(fmt))
      throw usage(`--format must be one of ${REPORT_FORMATS.join(', ')}, got "${fmt}"`);
    const format = fmt as ReportFormat;
    if (format === 'html' && !out)
      throw usage('--out is required for an HTML report, e.g. --out report.html');
    if (out) checkOutputFile(out, 'out', 'any');
    let modelPath = str(args, 'model');
    if (modelPath === undefined && str(args, 'metadata') !== undefined) {
      modelPath = str(args, 'metadata');
      ctx.err(
        'note: report -m for the model file is deprecated (-m means --metadata elsewhere); use --model',
      );
    }
    const inputs = [
      { path: args.positionals[0], what: 'the evaluation file' },
      { path: str(args, 'policy'), what: 'the policy file' },
      { path: modelPath, what: 'the model file' },
    ];
    refuseOverwrite(inputs, [{ path: out, what: '--out' }]);
    const evaluation = asEvaluation(
      await readJsonFile(args.positionals[0], 'evaluation file'),
      args.positionals[0],
    );
    const policy = await policyFlag(args, evaluation);
    const model = modelPath ? await readModelSummary(modelPath) : null;
    const g = gate(evaluation, policy, model?.privacy ?? null);
    const title = str(args, 'title');
    ctx.step(`rendering the ${format} report`);
    const t0 = Date.now();
    const text = await renderReport({
      evaluation,
      scorecard: g.scorecard,
      model,
      format,
      ...(title ? { title } : {}),
    });
    const seconds = (Date.now() - t0) / 1000;
    const bytes = Buffer.byteLength(text);
    if (out) await writeFileAtomic(out, text);
    const { verdict, summary } = g.scorecard;
    if (ctx.json) printJson(ctx, { report: out ?? null, format, verdict, summary, seconds, bytes });
    else if (out) {
      if (policy) ctx.out(formatScorecard(g.scorecard));
      ctx.out(`report: ${out} (${(bytes / 1024).toFixed(0)} KB, ${seconds.toFixed(1)} s)\n${summary}`);
    } else ctx.out(text);
    if (!model && !ctx.json) ctx.err('note: no --model given: the report cannot state the privacy guarantee');
    return gateExit(g, policy !== undefined, ctx);
  },
};
