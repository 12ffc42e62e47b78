/**
 * The reports in a real browser: Debian's headless Chromium (/usr/bin/chromium, installed by .ci/run) driven by
 * playwright-core opens each generated file from a file:// URL and checks that there are no console errors, no
 * network requests (every request other than the file itself is counted), every chart is drawn (each SVG has marks
 * and a size), and the scorecard in the DOM is the one applied to the evaluation. Screenshots are saved to
 * test-output/ as artifacts. Skipped, with a message, when /usr/bin/chromium is absent.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { renderHtmlReport, type ReportInput } from '../../src/report/html.js';
import { renderSweepHtml, type SweepPoint } from '../../src/report/sweep.js';
import { applyPolicy, validatePolicy } from '../../src/policy/index.js';
import { formatNumber as fmt } from '../../src/format.js';
import { penguinsInput, reportInput } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve('test-output');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`browser test skipped: ${CHROMIUM} not found (install it with: apt-get install chromium)`);
}

interface PageCheck {
  consoleErrors: string[];
  requests: string[];
  charts: { marks: number; width: number; height: number }[];
  scorecard: { id: string; status: string; score: string; target: string }[];
  verdict: string;
}

async function openAndCheck(browser: Browser, file: string, screenshot: string): Promise<PageCheck> {
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  const result = await page.evaluate(() => {
    const charts = Array.from(document.querySelectorAll('figure.chart svg')).map((svg) => {
      const r = svg.getBoundingClientRect();
      return { marks: svg.querySelectorAll('.role-mark > *').length, width: r.width, height: r.height };
    });
    const scorecard = Array.from(document.querySelectorAll('#scorecard-table tbody tr')).map((tr) => ({
      id: tr.getAttribute('data-id') ?? '',
      status: tr.getAttribute('data-status') ?? '',
      score: (tr.querySelector('td.score')?.textContent ?? '').trim(),
      target: (tr.querySelector('td.target')?.textContent ?? '').trim(),
    }));
    return { charts, scorecard, verdict: (document.querySelector('#verdict')?.textContent ?? '').trim() };
  });
  await page.screenshot({ path: resolve(OUT, screenshot), fullPage: true });
  await page.close();
  return { consoleErrors, requests, ...result };
}

function expectScorecard(check: PageCheck, input: ReportInput): void {
  expect(check.verdict).toBe(input.scorecard.summary);
  expect(check.scorecard.map((r) => `${r.id}:${r.status}`)).toEqual(
    input.scorecard.rows.map((r) => `${r.id}:${r.status}`),
  );
  check.scorecard.forEach((r, i) => {
    const row = input.scorecard.rows[i];
    expect(r.score.startsWith(row.measured === null ? '—' : fmt(row.measured))).toBe(true);
    expect(r.target.endsWith(fmt(row.target))).toBe(true);
  });
}

describe.skipIf(!hasChromium)('reports in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, make, nCharts] of [
    ['full', () => reportInput('evaluation-full.json', 'dp'), 19],
    ['minimal', () => reportInput('evaluation-minimal.json', 'none'), 13],
    ['penguins', penguinsInput, 18],
  ] as const) {
    it(`${name} report: no console error, no request, every chart drawn, the scorecard as applied`, async () => {
      const input = make();
      const file = resolve(OUT, `report-${name}.html`);
      writeFileSync(file, await renderHtmlReport(input));
      const check = await openAndCheck(browser, file, `report-${name}.png`);
      expect(check.consoleErrors).toEqual([]);
      expect(check.requests).toEqual([]);
      expect(check.charts.length).toBe(nCharts);
      for (const c of check.charts) {
        expect(c.marks).toBeGreaterThan(0);
        expect(c.width).toBeGreaterThan(50);
        expect(c.height).toBeGreaterThan(30);
      }
      expectScorecard(check, input);
    });
  }

  it('sweep page: no console error, no request, the frontier drawn', async () => {
    const policy = validatePolicy({
      version: 1,
      name: 'p',
      targets: [{ id: 'statistical_similarity', op: '>=', value: 0.8 }],
    });
    const pts: SweepPoint[] = [0.3, 1, 3].map((epsilon, i) => {
      const privacy = { type: 'dp', epsilon, delta: 1e-9 } as const;
      const fidelity = 0.7 + 0.08 * i;
      return {
        format: 'lookalike-sweep-point',
        version: 1,
        synthesizer: 'mst',
        epsilon,
        delta: 1e-9,
        privacy,
        scores: {
          fidelity,
          correlation: fidelity,
          utility: fidelity,
          privacyRisk: 0.05,
          empiricalEpsilon: 0,
          quality: fidelity,
        },
        scorecard: applyPolicy(
          { aggregates: { statistical_similarity: fidelity }, metrics: [], privacy },
          policy,
        ),
        seconds: { fit: 1, sample: 0.1, evaluate: 1 },
        createdAt: '2026-11-23T00:00:00.000Z',
      };
    });
    const file = resolve(OUT, 'sweep.html');
    writeFileSync(file, await renderSweepHtml(pts));
    const check = await openAndCheck(browser, file, 'sweep.png');
    expect(check.consoleErrors).toEqual([]);
    expect(check.requests).toEqual([]);
    expect(check.charts.length).toBe(1);
    expect(check.charts[0].marks).toBeGreaterThan(10);
  });
});
