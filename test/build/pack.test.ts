import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The CLI's help is docs/cli.md, read at run time (src/cli/help.ts): the packed package must carry it where the
 * built CLI looks. Packs the package as npm would publish it, unpacks it, and runs the CLI from there (its
 * dependencies from this checkout's node_modules, so no registry is asked). Needs the build (npm test builds first).
 */
describe('the packed package', () => {
  const built = existsSync('dist/cli/main.js');
  it.skipIf(!built)(
    'prints the main help and a command help from an unpacked tarball',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'lookalike-pack-'));
      try {
        const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
          encoding: 'utf8',
        });
        expect(pack.status, pack.stderr).toBe(0);
        const [{ filename, files }] = JSON.parse(pack.stdout) as {
          filename: string;
          files: { path: string }[];
        }[];
        expect(files.map((f) => f.path)).toContain('docs/cli.md');
        expect(spawnSync('tar', ['-xzf', join(dir, filename), '-C', dir]).status).toBe(0);
        symlinkSync(resolve('node_modules'), join(dir, 'package', 'node_modules'), 'dir');
        const bin = join(dir, 'package', 'bin', 'lookalike.js');
        const top = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
        expect(top.status, top.stderr).toBe(0);
        expect(top.stdout).toMatch(/fit\s+fit a synthesizer to a table and save the model/);
        const fit = spawnSync(process.execPath, [bin, 'fit', '--help'], { encoding: 'utf8' });
        expect(fit.status, fit.stderr).toBe(0);
        expect(fit.stdout).toMatch(/^Usage: lookalike fit <table>/);
        expect(fit.stdout).toMatch(/-o, --out FILE\s+where to write the model/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
