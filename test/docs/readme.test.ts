import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README stays true: every ```ts example runs as written against the built package (imported by its own
 * name, as a user would), from a scratch folder inside the repository so `lookalike` resolves to this package.
 */
const readme = readFileSync('README.md', 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('README examples', () => {
  it('has library examples', () => expect(blocks.length).toBeGreaterThanOrEqual(3));
  blocks.forEach((code, i) => {
    it(`example ${i + 1} runs: ${code.split('\n')[0].slice(0, 60)}`, () => {
      const dir = mkdtempSync(join(process.cwd(), '.readme-example-'));
      try {
        const file = join(dir, 'example.mjs');
        // paths in the README are relative to the repository root; the example runs in the scratch folder
        // (so whatever it writes goes away) with node_modules linked in
        writeFileSync(file, code);
        symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'));
        const out = execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        expect(out.length).toBeGreaterThan(0);
        expect(existsSync(join(process.cwd(), 'synthetic.parquet'))).toBe(false);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
