import { LookalikeError } from '../errors.js';
import { renderHtmlReport } from '../report/html.js';
import { modelSummary } from '../report/model.js';
import { renderMarkdownReport, reportSummary } from '../report/summary.js';
export const REPORT_FORMATS = ['html', 'md', 'json'];
/** The format asked for (`given`), else the one the output path's extension names (.md, .json), else html. */
export function reportFormat(given, out) {
    const f = given ?? (out?.endsWith('.md') ? 'md' : out?.endsWith('.json') ? 'json' : 'html');
    if (!REPORT_FORMATS.includes(f))
        throw new LookalikeError(`--format must be one of ${REPORT_FORMATS.join(', ')}, got "${f}"`, [], 'usage');
    return f;
}
function summaryOf(m) {
    if (!m)
        return null;
    if ('toJSON' in m && typeof m.toJSON === 'function')
        return modelSummary(m.toJSON());
    if ('format' in m && m.format === 'lookalike-model')
        return modelSummary(m);
    return m;
}
/** Step `renderReport`: the evaluation, its scorecard and the model as an HTML page, Markdown or JSON text. */
export async function renderReport(spec) {
    const { format = 'html', model, ...rest } = spec;
    const input = { ...rest, model: summaryOf(model) };
    if (format === 'html')
        return renderHtmlReport(input);
    if (format === 'md')
        return renderMarkdownReport(input);
    return `${JSON.stringify(reportSummary(input), null, 2)}\n`;
}
//# sourceMappingURL=report.js.map