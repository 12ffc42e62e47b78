import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATA, tempDir } from './helpers.js';
import { listSynthesizers } from '../../src/synthesizers/registry.js';

const lenient =
  'version: 1\nname: lenient\ntargets:\n  - {id: ml_utility, op: ">=", value: 0.5}\n  - {id: epsilon, op: "<=", value: 5}\n';

describe('lookalike sweep', () => {
  it('fits and evaluates each synthesizer × ε, writes resumable points, the frontier page and a recommendation', async () => {
    const dir = tempDir();
    // penguins with its inferred domains declared public (a test-only assumption) so the DP fits may use them
    expect(
      (await cli('inspect', `${DATA}/penguins.json`, '--out', join(dir, 'meta.json'), '--quiet')).code,
    ).toBe(0);
    writeFileSync(
      join(dir, 'public.json'),
      readFileSync(join(dir, 'meta.json'), 'utf8').replace(/"inferred"/g, '"public"'),
    );
    writeFileSync(join(dir, 'policy.yaml'), lenient);
    expect(listSynthesizers().find((s) => s.name === 'mst')?.privacy).toBe('dp');
    const out = join(dir, 'sweep');
    const args = [
      'sweep',
      `${DATA}/penguins.json`,
      '--synthesizers',
      'mst,gaussian-copula',
      '--epsilons',
      '1,10',
      '--baselines',
      'independent',
      '--metadata',
      join(dir, 'public.json'),
      '--target',
      'Species',
      '--policy',
      join(dir, 'policy.yaml'),
      '--attacks',
      'mia,singling-out',
      '--out-dir',
      out,
    ];
    const r = await cli(...args);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\[1\/4\] mst ε = 1: fitting/);
    expect(r.stderr).toMatch(/\[3\/4\] gaussian-copula \(not DP\): fitting/);
    // the baseline: fitted once without a budget, last
    expect(r.stderr).toMatch(/\[4\/4\] independent \(not DP\): fitting/);
    const files = ['mst-eps1', 'mst-eps10', 'gaussian-copula-nodp', 'independent-nodp'];
    for (const f of files) {
      const p = JSON.parse(readFileSync(join(out, 'points', `${f}.json`), 'utf8'));
      expect(p.format).toBe('lookalike-sweep-point');
      const ev = JSON.parse(readFileSync(join(out, 'points', `${f}.evaluation.json`), 'utf8'));
      expect(ev.privacy.metrics.length).toBeGreaterThan(0);
      // the whole privacy block, as in run and evaluate (the sweep goes through the pipeline's assess)
      expect(ev.privacy.attacks).toEqual(['mia', 'singling-out']);
      expect(Object.keys(ev.privacy.timings)).toEqual(['mia', 'singling-out']);
      expect(Object.keys(ev.privacy.risks).length).toBeGreaterThan(0);
      expect(ev.privacy.family.comparisons).toBe(Object.keys(ev.privacy.risks).length);
      expect(ev.privacy.aggregate).toBeCloseTo(1 - ev.privacy.family.demonstrated, 12);
      expect(ev.privacy.empiricalEpsilonLower).toBeGreaterThanOrEqual(0);
      expect(ev.timings.filter((t: { phase: string }) => t.phase === 'privacy')).toHaveLength(1);
    }
    const summary = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
    expect(summary.points.map((p: { key: string }) => p.key)).toEqual(files);
    // the non-DP point can never meet ε ≤ 5; the recommendation is a DP point or none, with a reason
    const indep = summary.points.find((p: { key: string }) => p.key === 'gaussian-copula-nodp');
    expect(indep.verdict).toBe('fail');
    expect(summary.recommendation.reason.length).toBeGreaterThan(20);
    if (summary.recommendation.point) expect(summary.recommendation.point).toMatch(/^mst-eps/);
    const html = readFileSync(join(out, 'sweep.html'), 'utf8');
    expect(html).toContain('id="recommendation"');
    expect(html.match(/<tr data-point=/g)?.length).toBe(4);
    // the non-DP points are drawn at ε = ∞
    expect(html).toContain('∞ = not DP');
    expect(html).toContain('<a href="points/mst-eps1.report.html">report</a>');
    expect(r.stdout).toMatch(/^synthesizer\s+ε\s+fidelity\s+utility\s+privacy risk/);

    // rerun: every point is skipped, files untouched
    const before = statSync(join(out, 'points', 'mst-eps1.json')).mtimeMs;
    const again = await cli(...args);
    expect(again.code).toBe(0);
    expect(again.stderr.match(/done before, skipped/g)?.length).toBe(4);
    expect(statSync(join(out, 'points', 'mst-eps1.json')).mtimeMs).toBe(before);
  });

  it('a rerun with another target, seed or policy recomputes the points instead of reusing stale ones', async () => {
    const dir = tempDir();
    const out = join(dir, 'sweep');
    const base = ['sweep', `${DATA}/penguins.json`, '--synthesizers', 'independent', '--attacks', 'none'];
    const first = await cli(...base, '--target', 'Species', '--out-dir', out);
    expect(first.code).toBe(0);
    const key = (r: { stderr: string }) => (r.stderr.match(/done before, skipped/g) ?? []).length;
    expect(key(await cli(...base, '--target', 'Species', '--out-dir', out))).toBe(1);
    const other = await cli(...base, '--target', 'Island', '--out-dir', out);
    expect(other.code).toBe(0);
    expect(key(other)).toBe(0);
    const ev = JSON.parse(readFileSync(join(out, 'points', 'independent-nodp.evaluation.json'), 'utf8')) as {
      utility?: { target?: string };
    };
    expect(JSON.stringify(ev)).toContain('"Island"');
    expect(key(await cli(...base, '--target', 'Island', '--seed', '1', '--out-dir', out))).toBe(0);
    writeFileSync(join(dir, 'policy.yaml'), lenient);
    const withPolicy = await cli(
      ...base,
      '--target',
      'Island',
      '--seed',
      '1',
      '--policy',
      join(dir, 'policy.yaml'),
      '--out-dir',
      out,
    );
    expect(key(withPolicy)).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')).policy).toBe('lenient');
  });

  it('usage errors are listed together (exit 2)', async () => {
    const r = await cli(
      'sweep',
      `${DATA}/penguins.json`,
      '--synthesizers',
      'mst,nope',
      '--attacks',
      'x',
      '--out-dir',
      tempDir(),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown synthesizer "nope"');
    expect(r.stderr).toContain('--epsilons is required for the DP synthesizers');
    expect(r.stderr).toContain('--attacks: unknown attack "x"');
  });
});
