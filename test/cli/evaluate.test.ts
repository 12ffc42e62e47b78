import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATA, tempDir } from '../cli/helpers.js';
import { Rng } from '../../src/random/rng.js';
import type { Evaluation } from '../../src/metrics/index.js';

/** penguins.json with every column shuffled independently (seeded), as CSV. */
function shuffledPenguinsCsv(dir: string): string {
  const rows = JSON.parse(readFileSync(join(DATA, 'penguins.json'), 'utf8')) as Record<string, unknown>[];
  const names = Object.keys(rows[0]);
  const rng = new Rng(7);
  const perms = names.map(() => rng.permutation(rows.length));
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const lines = rows.map((_, i) => names.map((n, j) => cell(rows[perms[j][i]][n])).join(','));
  const path = join(dir, 'synthetic.csv');
  writeFileSync(path, [names.join(','), ...lines].join('\n') + '\n');
  return path;
}

describe('lookalike evaluate', () => {
  const dir = tempDir();
  const synth = shuffledPenguinsCsv(dir);

  it('prints the summary on stdout, progress on stderr, and writes the evaluation JSON', async () => {
    const out = join(dir, 'evaluation.json');
    const r = await cli(
      'evaluate',
      join(DATA, 'penguins.json'),
      synth,
      '--target',
      'Species',
      '--seed',
      '3',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/quality \(SDMetrics\)\s+0\.\d{3}/);
    expect(r.stdout).toMatch(/utility: predict "Species" \(multiclass\)/);
    expect(r.stderr).toMatch(/evaluating/);
    const ev = JSON.parse(readFileSync(out, 'utf8')) as Evaluation;
    expect(ev.format).toBe('lookalike-evaluation');
    expect(ev.seed).toBe(3);
    expect(ev.inputs.target).toEqual({ name: 'Species', task: 'multiclass' });
    expect(ev.aggregates.columnShapes).toBe(1);
    expect(ev.aggregates.columnPairTrends).toBeLessThan(0.9);
  });

  it('runs the privacy-risk suite when a holdout is given (--privacy off skips it, --attacks chooses)', async () => {
    const noHoldout = await cli('evaluate', join(DATA, 'penguins.json'), synth, '--privacy', 'on', '--json');
    expect(noHoldout.code).toBe(2);
    expect(noHoldout.stderr).toMatch(/--privacy on needs --holdout/);
    const base = ['evaluate', join(DATA, 'penguins.json'), synth, '--holdout', synth, '--json', '--quiet'];
    const r = await cli(...base);
    expect(r.code).toBe(0);
    const ev = JSON.parse(r.stdout) as Evaluation;
    expect(ev.privacy!.metrics.length).toBeGreaterThan(0);
    expect(ev.privacy!.aggregate).toBeGreaterThanOrEqual(0);
    expect(ev.timings.map((t) => t.phase)).toContain('privacy');
    const off = JSON.parse((await cli(...base, '--privacy', 'off')).stdout) as Evaluation;
    expect(off.privacy).toBeUndefined();
    const some = JSON.parse((await cli(...base, '--attacks', 'distance')).stdout) as Evaluation;
    expect(some.privacy!.metrics.every((m) => !m.id.startsWith('singling'))).toBe(true);
    const bad = await cli(...base, '--attacks', 'telepathy');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--attacks: unknown attack "telepathy"/);
  });

  it('--json prints the evaluation; bad arguments exit 2 and bad data 1, writing nothing', async () => {
    const j = await cli('evaluate', join(DATA, 'penguins.json'), synth, '--json', '--quiet');
    expect(j.code).toBe(0);
    expect((JSON.parse(j.stdout) as Evaluation).version).toBe(1);
    const noOut = await cli('evaluate', join(DATA, 'penguins.json'), synth);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
    const out = join(dir, 'never.json');
    const bad = await cli('evaluate', join(DATA, 'penguins.json'), synth, '--target', 'nope', '--out', out);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"nope"/);
    expect(existsSync(out)).toBe(false);
  });
});
