import { LookalikeError } from '../errors.js';
import { renderHtmlReport, type ReportInput } from '../report/html.js';
import { modelSummary, type ModelSummary } from '../report/model.js';
import { renderMarkdownReport, reportSummary } from '../report/summary.js';
import type { Model, ModelFile } from '../synthesizers/types.js';

export const REPORT_FORMATS = ['html', 'md', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The format asked for (`given`), else the one the output path's extension names (.md, .json), else html. */
export function reportFormat(given: string | undefined, out?: string): ReportFormat {
  const f = given ?? (out?.endsWith('.md') ? 'md' : out?.endsWith('.json') ? 'json' : 'html');
  if (!(REPORT_FORMATS as readonly string[]).includes(f))
    throw new LookalikeError(`--format must be one of ${REPORT_FORMATS.join(', ')}, got "${f}"`, [], 'usage');
  return f as ReportFormat;
}

export interface ReportSpec extends Omit<ReportInput, 'model'> {
  /** The model that made the synthetic table (a fitted model, its file or its summary); null/absent when unknown. */
  readonly model?: Model | ModelFile | ModelSummary | null;
  /** Default `html`: one self-contained page (inline CSS and SVG, no script); `md` Markdown; `json` a summary. */
  readonly format?: ReportFormat;
}

function summaryOf(m: ReportSpec['model']): ModelSummary | null {
  if (!m) return null;
  if ('toJSON' in m && typeof m.toJSON === 'function') return modelSummary(m.toJSON());
  if ('format' in m && m.format === 'lookalike-model') return modelSummary(m);
  return m as ModelSummary;
}

/** Step `renderReport`: the evaluation, its scorecard and the model as an HTML page, Markdown or JSON text. */
export async function renderReport(spec: ReportSpec): Promise<string> {
  const { format = 'html', model, ...rest } = spec;
  const input: ReportInput = { ...rest, model: summaryOf(model) };
  if (format === 'html') return renderHtmlReport(input);
  if (format === 'md') return renderMarkdownReport(input);
  return `${JSON.stringify(reportSummary(input), null, 2)}\n`;
}
