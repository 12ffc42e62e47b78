/**
 * The browser app's bundle (dist/app, built by scripts/build-app.mjs, issue 16) holds no dependency that only
 * serves Node: no Node built-in, nothing of src/io or src/cli, no DuckDB, PostgreSQL client or Arrow reader; the
 * page and worker are plain ES modules. Reads esbuild's list of the bundle's inputs (dist/app.meta.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const META = 'dist/app.meta.json';
const built = existsSync(META);
if (!built) console.warn(`app bundle test skipped: ${META} not found (npm run build)`);

/** Packages the Node side uses that a page must never carry. */
const NODE_ONLY = [
  '@duckdb/',
  'pg',
  'pg-',
  'apache-arrow',
  'playwright-core',
  'vitest',
  'esbuild',
  'typescript',
];

describe.skipIf(!built)('the app bundle', () => {
  const meta = JSON.parse(readFileSync(META, 'utf8')) as {
    inputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
    outputs: Record<string, { bytes: number; entryPoint?: string }>;
  };
  const inputs = Object.keys(meta.inputs);

  it('is the page and its worker, each one file', () => {
    const entries = Object.values(meta.outputs)
      .map((o) => o.entryPoint)
      .filter(Boolean)
      .sort();
    expect(entries).toEqual(['app/main.ts', 'app/worker.ts']);
    expect(inputs).toContain('src/browser.ts');
    expect(inputs.some((p) => p.includes('node_modules/hyparquet/'))).toBe(true);
  });

  it('imports nothing of Node: no built-in, no io/ or cli/, no Node-only package', () => {
    const packages = new Set(
      inputs
        .filter((p) => p.includes('node_modules/'))
        .map((p) => {
          const parts = p.slice(p.lastIndexOf('node_modules/') + 13).split('/');
          return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
        }),
    );
    expect([...packages].filter((p) => NODE_ONLY.some((n) => p === n || p.startsWith(n)))).toEqual([]);
    expect(
      inputs.filter((p) => p.startsWith('node:') || p.startsWith('src/io/') || p.startsWith('src/cli/')),
    ).toEqual([]);
    // esbuild lists a TypeScript import used only as a type (and so dropped) as "external": those are relative
    // paths; a package or built-in left out of the bundle would be a bare name
    const external = Object.values(meta.inputs).flatMap((i) =>
      i.imports.filter((x) => x.external && !x.path.startsWith('.')).map((x) => x.path),
    );
    expect(external).toEqual([]);
    for (const f of ['dist/app/main.js', 'dist/app/worker.js']) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(/from\s*["']node:/);
      expect(code, f).not.toMatch(
        /require\(["'](node:)?(fs|path|os|child_process|worker_threads|crypto|http)["']\)/,
      );
    }
  });
});
