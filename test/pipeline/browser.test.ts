/**
 * The README's whole-job example in a real browser page: the ```ts block that imports `runJob` from
 * `lookalike/browser` is bundled with esbuild (the package name resolved to src/browser.ts, as a bundler resolves it
 * for a page) and run as a module script in Debian's headless Chromium (/usr/bin/chromium) through playwright-core,
 * on the in-memory table the example builds. The page must finish with no error and no network request, and print
 * the evaluation summary, the guarantee and the report size. Skipped, with a message, when Chromium is absent.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const OUT = resolve('test-output');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`README browser test skipped: ${CHROMIUM} not found (apt-get install chromium)`);

const blocks = [...readFileSync('README.md', 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const example = blocks.find((b) => b.includes('runJob') && b.includes("from 'lookalike/browser'"));

describe('the README whole-job example', () => {
  it('is there, in at most 15 lines, on lookalike/browser', () => {
    expect(example).toBeDefined();
    expect(example!.trimEnd().split('\n').length).toBeLessThanOrEqual(15);
  });

  it.skipIf(!hasChromium)(
    'runs in a Chromium page: no error, no request, the summary, guarantee and report printed',
    async () => {
      const bundle = await build({
        stdin: {
          contents: `${example}\nglobalThis.__done = true;\n`,
          resolveDir: process.cwd(),
          sourcefile: 'readme-example.js',
        },
        alias: { 'lookalike/browser': './src/browser.ts' },
        bundle: true,
        platform: 'browser',
        format: 'esm',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      });
      mkdirSync(OUT, { recursive: true });
      const page = resolve(OUT, 'readme-example.html');
      writeFileSync(
        page,
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>example</title></head><body></body></html>',
      );
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
        ],
      });
      try {
        const tab = await browser.newPage();
        const logs: string[] = [];
        const errors: string[] = [];
        const requests: string[] = [];
        const url = pathToFileURL(page).href;
        tab.on('console', (m) => (m.type() === 'error' ? errors : logs).push(m.text()));
        tab.on('pageerror', (e) => errors.push(e.message));
        tab.on('request', (r) => {
          if (r.url() !== url) requests.push(r.url());
        });
        await tab.goto(url);
        await tab.addScriptTag({ content: bundle.outputFiles[0].text, type: 'module' });
        await tab
          .waitForFunction(() => (globalThis as { __done?: boolean }).__done === true, undefined, {
            timeout: 240_000,
            polling: 500,
          })
          .catch(() => {
            throw new Error(`the example did not finish in the page; errors: ${errors.join('\n') || 'none'}`);
          });
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        const out = logs.join('\n');
        expect(out).toMatch(/quality \(SDMetrics\)\s+0\.\d{3}/);
        expect(out).toMatch(/utility: predict "churned" \(binary\)/);
        expect(out).toContain('NOT differentially private');
        expect(out).toMatch(/targets met.*report: \d{5,} characters of HTML/s);
      } finally {
        await browser.close();
      }
    },
    300_000,
  );
});
