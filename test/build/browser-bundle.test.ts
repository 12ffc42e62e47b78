import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('browser entry', () => {
  it('bundles for a browser target with no Node built-in anywhere in its import graph', async () => {
    const result = await build({
      entryPoints: ['src/browser.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    }).catch((e: { errors?: { text: string }[] }) => {
      throw new Error(`the browser bundle failed:\n${(e.errors ?? []).map((x) => x.text).join('\n')}`);
    });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.some((p) => p.startsWith('src/io/') || p.startsWith('src/cli/'))).toBe(false);
    expect(inputs.some((p) => p.includes('@duckdb'))).toBe(false);
    const code = result.outputFiles![0].text;
    expect(code).not.toMatch(/from\s*["']node:/);
    expect(code).not.toMatch(/require\(["'](node:)?(fs|path|os|child_process|worker_threads|crypto)["']\)/);
    expect(code.length).toBeGreaterThan(10_000);
  });
});

describe('Node entry', () => {
  it('exports every name of the browser entry, plus files and the CLI', async () => {
    const node = await import('../../src/index.js');
    const core = await import('../../src/browser.js');
    for (const name of Object.keys(core)) expect(node, name).toHaveProperty(name);
    for (const name of ['readTable', 'writeTable', 'readSqlTable', 'main']) expect(node).toHaveProperty(name);
  });
});
