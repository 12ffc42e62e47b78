import { readFile } from 'node:fs/promises';
import type { CliContext, Command, ParsedArgs } from '../command.js';
import { str, usage } from '../args.js';
import { checkOutputFile, printJson } from '../shared.js';
import { readJsonFile, writeFileAtomic } from '../../io/index.js';
import { LookalikeError } from '../../errors.js';
import { openModel } from '../../synthesizers/registry.js';
import type { ModelFile } from '../../synthesizers/types.js';
import {
  applyPolicy,
  evaluationMetricIds,
  formatFailures,
  formatScorecard,
  gateExitCode,
  parsePolicy,
  policySubject,
  type Policy,
  type Scorecard,
  DEFAULT_POLICY,
} from '../../policy/index.js';
import { asEvaluation, type Evaluation } from '../../metrics/index.js';
import { renderHtmlReport } from '../../report/html.js';
import { renderMarkdownReport, reportSummary } from '../../report/summary.js';
import { modelSummary, type ModelSummary } from '../../report/model.js';
import { refuseOverwrite } from '../overwrite.js';

export const REPORT_FORMATS = ['html', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Read a text file for the CLI, with the same kind of messages as readJsonFile. */
export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new LookalikeError(`${what} not found: ${path}`);
    if (code === 'EISDIR')
      throw new LookalikeError(`cannot read ${what} ${path}: it is a directory, not a file`);
    throw new LookalikeError(`cannot read ${what} ${path}: ${code ?? 'unknown error'}`);
  }
}

/** Read and validate a policy file; ids of metrics present in `evaluation` are accepted besides the catalog's. */
export async function readPolicy(path: string, evaluation?: Evaluation): Promise<Policy> {
  const text = await readTextFile(path, 'policy file');
  return parsePolicy(text, {
    source: path,
    ...(evaluation ? { knownIds: evaluationMetricIds(evaluation) } : {}),
  });
}

/** Read a model file for its guarantee and ledger (validated like any model file). */
export async function readModelSummary(path: string): Promise<ModelSummary> {
  const json = await readJsonFile(path, 'model file');
  await openModel(json, path);
  return modelSummary(json as ModelFile);
}

/**
 * The gate for `report` and `evaluate`: with a policy given, print the scorecard on stderr when a target fails and
 * return 3; otherwise 0. Commands call it last, after writing their outputs.
 */
export function gate(scorecard: Scorecard, policyGiven: boolean, ctx: CliContext): number {
  const code = gateExitCode(scorecard);
  if (!policyGiven) return 0;
  if (code !== 0)
    ctx.err(`policy check failed (exit code 3): ${scorecard.summary}\n${formatFailures(scorecard)}`);
  return code;
}

/** The options `evaluate` shares with `report` for the release gate. */
export const POLICY_OPTIONS = {
  policy: {
    type: 'string',
    short: 'p',
    placeholder: 'P',
    description: 'policy file (YAML or JSON); exit code 3 when a target fails',
  },
  model: {
    type: 'string',
    placeholder: 'M',
    description: 'the model file, for its privacy guarantee (ε targets) and ledger',
  },
} as const;

/** `--policy` read and validated before any long work; null when not given. */
export async function policyFromArgs(args: ParsedArgs): Promise<Policy | null> {
  const path = str(args, 'policy');
  return path ? readPolicy(path) : null;
}

/**
 * The gate of `evaluate --policy P [--model M]`: applies the policy to the evaluation, prints the scorecard (stdout,
 * unless --json) and returns 3 when a target fails (the failing ones on stderr), else 0. Returns 0 without a policy.
 */
export async function gateEvaluation(
  evaluation: Evaluation,
  policy: Policy | null,
  args: ParsedArgs,
  ctx: CliContext,
): Promise<number> {
  if (!policy) return 0;
  const modelPath = str(args, 'model');
  const model = modelPath ? await readModelSummary(modelPath) : null;
  const scorecard = applyPolicy(policySubject(evaluation, model?.privacy ?? null), policy);
  if (!ctx.json) ctx.out(formatScorecard(scorecard));
  return gate(scorecard, true, ctx);
}

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
  options: {
    policy: {
      type: 'string',
      short: 'p',
      placeholder: 'P',
      description: 'policy file (YAML or JSON); exit code 3 when a target fails',
    },
    model: {
      type: 'string',
      short: 'm',
      placeholder: 'M',
      description: 'the model file, for its privacy guarantee and ledger',
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
  },
  examples: [
    'npx lookalike report out/penguins/evaluation.json --model out/penguins/model.json --out out/penguins/report.html',
    'npx lookalike report out/penguins/evaluation.json --policy policy.yaml --format md',
  ],
  async run(args, ctx) {
    const out = str(args, 'out');
    const fmtOpt = str(args, 'format');
    let format: ReportFormat;
    if (fmtOpt !== undefined) {
      if (!(REPORT_FORMATS as readonly string[]).includes(fmtOpt)) {
        throw usage(`--format must be one of ${REPORT_FORMATS.join(', ')}, got "${fmtOpt}"`);
      }
      format = fmtOpt as ReportFormat;
    } else if (out?.endsWith('.md')) format = 'md';
    else if (out?.endsWith('.json')) format = 'json';
    else format = 'html';
    if (format === 'html' && !out)
      throw usage('--out is required for an HTML report, e.g. --out report.html');
    if (out) checkOutputFile(out, 'out', 'any');
    refuseOverwrite(
      [
        { path: args.positionals[0], what: 'the evaluation file' },
        { path: str(args, 'policy'), what: 'the policy file' },
        { path: str(args, 'model'), what: 'the model file' },
      ],
      [{ path: out, what: '--out' }],
    );
    const evaluation = asEvaluation(
      await readJsonFile(args.positionals[0], 'evaluation file'),
      args.positionals[0],
    );
    const policyPath = str(args, 'policy');
    const policy = policyPath ? await readPolicy(policyPath, evaluation) : DEFAULT_POLICY;
    const modelPath = str(args, 'model');
    const model = modelPath ? await readModelSummary(modelPath) : null;
    const scorecard = applyPolicy(policySubject(evaluation, model?.privacy ?? null), policy);
    const title = str(args, 'title');
    const input = { evaluation, scorecard, model, ...(title ? { title } : {}) };
    ctx.step(`rendering the ${format} report`);
    const t0 = Date.now();
    let text: string;
    if (format === 'html') text = await renderHtmlReport(input);
    else if (format === 'md') text = renderMarkdownReport(input);
    else text = `${JSON.stringify(reportSummary(input), null, 2)}\n`;
    const seconds = (Date.now() - t0) / 1000;
    if (out) await writeFileAtomic(out, text);
    if (ctx.json) {
      printJson(ctx, {
        report: out ?? null,
        format,
        verdict: scorecard.verdict,
        summary: scorecard.summary,
        seconds,
        bytes: Buffer.byteLength(text),
      });
    } else if (out) {
      if (policyPath) ctx.out(formatScorecard(scorecard));
      ctx.out(
        `report: ${out} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB, ${seconds.toFixed(1)} s)\n${scorecard.summary}`,
      );
    } else {
      ctx.out(text);
    }
    if (!model && !ctx.json) ctx.err('note: no --model given: the report cannot state the privacy guarantee');
    return gate(scorecard, policyPath !== undefined, ctx);
  },
};
