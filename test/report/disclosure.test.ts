import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/report/html.js';
import { applyDisclosureControl } from '../../src/constraints/disclosure.js';
import { tableFromRecords } from '../../src/table/infer.js';
import { reportInput, structureOf } from './helpers.js';

// The report's disclosure-control section (docs/constraints.md): shown only when disclosure control ran; a step
// that read the training data turns the DP banner into "not differentially private".

const rows = [
  { age: 23, city: 'Paris' },
  { age: 27, city: '<b>Lyon</b>' },
  { age: 35, city: 'Paris' },
];
const { table } = tableFromRecords(rows);
const training = tableFromRecords([rows[0], { age: 99, city: 'Nice' }]).table;

describe('HTML report: disclosure control', () => {
  it('no disclosure control: no section', async () => {
    const html = await renderHtmlReport(reportInput('evaluation-minimal.json', 'dp'));
    expect(structureOf(html).sections).not.toContain('disclosure');
  });

  it('post-processing steps: a section counting changed cells; the DP banner stands', async () => {
    const { report } = applyDisclosureControl(table, [
      { type: 'merge-rare-categories', minCount: 2 },
      { type: 'round', column: 'age', unit: 10 },
    ]);
    const html = await renderHtmlReport({
      ...reportInput('evaluation-minimal.json', 'dp'),
      disclosure: report,
    });
    expect(structureOf(html).sections).toContain('disclosure');
    expect(html).toMatch(/<tr data-step="merge-rare-categories">.*city: 1<\/td><td>0<\/td><td>no<\/td>/);
    expect(html).toMatch(/<tr data-step="round">.*age: 3<\/td>/);
    expect(html).toContain('<div class="banner dp" id="privacy-banner">Differentially private');
    expect(html).not.toContain('id="disclosure-warning"');
    expect(html).not.toContain('<b>Lyon</b>'); // the note is escaped, and a cell value never reaches it
  });

  it('a filter on the training data: the ReconSyn warning, and the banner says the release is not DP', async () => {
    const { report } = applyDisclosureControl(table, [{ type: 'remove-training-matches' }], training);
    expect(report.rowsOut).toBe(2);
    const html = await renderHtmlReport({
      ...reportInput('evaluation-minimal.json', 'dp'),
      disclosure: report,
    });
    expect(html).toContain('id="disclosure-warning"');
    expect(html).toMatch(/ReconSyn/);
    expect(html).toMatch(
      /<div class="banner nodp" id="privacy-banner">Not differentially private: .* filtered with the training data/,
    );
    expect(html).toMatch(/<tr data-step="remove-training-matches">.*<td>1<\/td><td><b>yes<\/b><\/td>/);
  });
});
