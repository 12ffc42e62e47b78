/**
 * Golden tests of the report's structure. Fixtures (test/report/fixtures/):
 * - evaluation-full.json: every section filled (utility, privacy with a DCR histogram and ROC points, projection).
 * - evaluation-minimal.json: no holdout, so no utility, privacy or projection.
 * - model-dp.json: a DP model file with a ledger.
 * They were written by hand in the shape of `Evaluation` (src/metrics/evaluation.ts) with numbers in the range of an
 * evaluation of vega-datasets' penguins.json; `asEvaluation` and the type-level check below keep them honest.
 * To replace them by real output once `lookalike evaluate` exists:
 *   npx lookalike run node_modules/vega-datasets/data/penguins.json --out-dir /tmp/p   (then copy evaluation.json)
 * and update the golden structure files with `npx vitest run test/report -u`.
 */
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.js';
import { renderMarkdownReport, reportSummary } from '../../src/report/summary.js';
import { asEvaluation } from '../../src/metrics/index.js';
import { LookalikeError } from '../../src/errors.js';
import { penguinsInput, reportInput, structureOf } from './helpers.js';

/** One line per item, so the golden files diff well (and no formatter rewrites them). */
function asText(s: Record<string, unknown>): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(s)) {
    if (Array.isArray(v)) for (const x of v) out.push(`${k}: ${x}`);
    else out.push(`${k}: ${v}`);
  }
  return `${out.join('\n')}\n`;
}

describe('HTML report', () => {
  it('full evaluation, DP model: every section, every chart drawn, scorecard as applied', async () => {
    const input = reportInput('evaluation-full.json', 'dp');
    const html = await renderHtmlReport(input);
    const s = structureOf(html);
    await expect(asText(s)).toMatchFileSnapshot('./fixtures/report-full.structure.txt');
    expect(s.chartsWithoutMarks).toBe(0);
    expect(s.scorecard.map((r) => r.split(' ').slice(0, 2).join(' '))).toEqual(
      input.scorecard.rows.map((r) => `${r.id} ${r.status}`),
    );
    expect(html).toContain('id="ledger-total"');
    expect(html).toContain('Total: ε = 0.6584, δ = 1.00e-9, ρ = 0.006713');
    expect(html).toMatch(/Consistent: the attacks demonstrate at most ε ≈ 0.12/);
  });

  it('is self-contained and escapes every string', async () => {
    const html = await renderHtmlReport(reportInput('evaluation-full.json', 'dp'));
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(http/i);
    // the only URLs are SVG/XML namespaces
    const urls = [...html.matchAll(/https?:\/\/[^\s"'<>)]+/g)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink']));
    expect(html).toContain('default-src &#39;none&#39;'.replace(/&#39;/g, "'"));
    // a category label "<script>alert(1)</script>" in the fixture comes out escaped, in HTML and in SVG text
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.length).toBeLessThan(1_000_000);
  });

  it('minimal evaluation, non-DP model: the banner says so and missing sections are explained', async () => {
    const input = reportInput('evaluation-minimal.json', 'none');
    const html = await renderHtmlReport(input);
    const s = structureOf(html);
    await expect(asText(s)).toMatchFileSnapshot('./fixtures/report-minimal.structure.txt');
    expect(s.banner).toBe('nodp');
    expect(s.verdict).toBe('fail');
    expect(html).toContain('Not differentially private');
    expect(html).toContain('id="privacy-missing"');
    expect(html).toContain('This evaluation carries no projection.');
    expect(input.scorecard.rows.find((r) => r.id === 'epsilon')?.status).toBe('fail');
  });

  it('real evaluation of penguins (gaussian-copula): every section, every chart drawn', async () => {
    const input = penguinsInput();
    const html = await renderHtmlReport(input);
    const s = structureOf(html);
    await expect(asText(s)).toMatchFileSnapshot('./fixtures/report-penguins.structure.txt');
    expect(s.chartsWithoutMarks).toBe(0);
    expect(s.banner).toBe('nodp');
    expect(html).not.toContain('This evaluation carries no projection.');
  });

  it('unknown model: guarantee targets are not measured and the banner says the model is unknown', async () => {
    const input = reportInput('evaluation-full.json', null);
    const html = await renderHtmlReport(input);
    expect(structureOf(html).banner).toBe('unknown');
    expect(input.scorecard.rows.find((r) => r.id === 'epsilon')?.status).toBe('missing');
  });
});

describe('text forms', () => {
  it('Markdown summary: verdict, scorecard table and escaped labels', () => {
    const text = renderMarkdownReport(reportInput('evaluation-full.json', 'dp'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Synthetic data report');
    expect(lines[2]).toBe('**✅ PASS: 7 of 7 targets met**');
    expect(text).toContain('| Metric | Score | Target | Status |');
    expect(text).toContain('| Singling-out risk (worst mode) | 0.004 [0, 0.021] | ≤ 0.05 | ✅ pass |');
    expect(text).toContain(
      '> **Differentially private:** `mst` guarantees (ε = 0.6584, δ = 1.00e-9) over 3 ledger entries.',
    );
    expect(text).not.toContain('<');
  });

  it('Markdown: ids in code spans are not backslash-escaped (a backslash shows literally inside backticks)', () => {
    const text = renderMarkdownReport(reportInput('evaluation-minimal.json', 'none'));
    const failed = text.split('\n').filter((l) => l.startsWith('- `'));
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.some((l) => /^- `[a-z0-9]+_[a-z0-9_]+`: /.test(l))).toBe(true);
    for (const l of failed) expect(l.slice(0, l.indexOf('`:'))).not.toContain('\\');
  });

  it('JSON summary carries the scorecard and the guarantee', () => {
    const input = reportInput('evaluation-minimal.json', 'none');
    const j = reportSummary(input);
    expect(j.format).toBe('lookalike-report');
    expect(j.verdict).toBe('fail');
    expect(j.model).toEqual({
      synthesizer: 'gaussian-copula',
      differentiallyPrivate: false,
      epsilon: null,
      delta: null,
      ledgerEntries: null,
    });
    expect(j.scorecard.rows.map((r) => r.status)).toEqual([
      'pass',
      'pass',
      'missing',
      'missing',
      'missing',
      'missing',
      'fail',
    ]);
    // non-finite numbers (the ∞ of a non-DP model) become null in JSON; the status and note keep the meaning
    expect(j.scorecard.rows[6]).toMatchObject({ measured: null, compared: null, status: 'fail' });
    expect(j.scorecard.rows[6].note).toContain('not differentially private');
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });

  it('asEvaluation lists every problem of a file that is not an evaluation', () => {
    try {
      asEvaluation({ format: 'lookalike-model', version: 2, inputs: {}, metrics: {} }, 'e.json');
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(LookalikeError);
      expect((e as LookalikeError).problems).toEqual([
        '"format" must be "lookalike-evaluation", got "lookalike-model"',
        '"version" must be 1 (this lookalike reads evaluation files of version 1), got 2',
        '"aggregates" must be an object',
        '"pairs" must be an object',
        '"metrics" must be a list',
        '"columns" must be a list',
        '"timings" must be a list',
        '"warnings" must be a list',
        '"inputs.real" must have numeric "rows" and "columns"',
        '"inputs.synthetic" must have numeric "rows" and "columns"',
        '"inputs.columns" must be a list',
        '"inputs.sensitive" must be a list',
      ]);
    }
  });
});
