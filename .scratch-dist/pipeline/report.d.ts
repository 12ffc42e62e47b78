import { type ReportInput } from '../report/html.js';
import { type ModelSummary } from '../report/model.js';
import type { Model, ModelFile } from '../synthesizers/types.js';
export declare const REPORT_FORMATS: readonly ["html", "md", "json"];
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** The format asked for (`given`), else the one the output path's extension names (.md, .json), else html. */
export declare function reportFormat(given: string | undefined, out?: string): ReportFormat;
export interface ReportSpec extends Omit<ReportInput, 'model'> {
    /** The model that made the synthetic table (a fitted model, its file or its summary); null/absent when unknown. */
    readonly model?: Model | ModelFile | ModelSummary | null;
    /** Default `html`: one self-contained page (inline CSS and SVG, no script); `md` Markdown; `json` a summary. */
    readonly format?: ReportFormat;
}
/** Step `renderReport`: the evaluation, its scorecard and the model as an HTML page, Markdown or JSON text. */
export declare function renderReport(spec: ReportSpec): Promise<string>;
