import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATA, tempDir } from './helpers.js';
import { DEFAULT_POLICY_YAML } from '../../src/policy/index.js';

const FULL = 'test/report/fixtures/evaluation-full.json';
const MINIMAL = 'test/report/fixtures/evaluation-minimal.json';

const lenient = `version: 1
name: lenient
targets:
  - id: statistical_similarity
    op: ">="
    value: 0.5
  - id: membership_auc
    op: "<="
    value: 0.7
`;
const strict = `version: 1
name: strict
targets:
  - id: statistical_similarity
    op: ">="
    value: 0.95
  - id: singling_out_risk
    op: "<="
    value: 0.01
  - id: quality
    op: ">="
    value: 0.5
`;

describe('lookalike policy', () => {
  it('init writes the default policy, refuses to overwrite without --force; check validates it', async () => {
    const dir = tempDir();
    const out = join(dir, 'policy.yaml');
    const r = await cli('policy', 'init', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(DEFAULT_POLICY_YAML);
    expect((await cli('policy', 'init', '--out', out)).code).toBe(2);
    expect((await cli('policy', 'init', '--out', out, '--force')).code).toBe(0);
    const c = await cli('policy', 'check', out);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('valid. Policy "lookalike-default": 7 targets');
    expect((await cli('policy', 'init')).stdout).toBe(DEFAULT_POLICY_YAML);
    expect((await cli('policy', 'ids')).stdout).toMatch(/^membership_auc\s+metric\s+lower is better/m);
    // JSON flavour, and show without a file prints the default
    const js = join(dir, 'policy.json');
    expect((await cli('policy', 'init', '--out', js)).code).toBe(0);
    expect(JSON.parse(readFileSync(js, 'utf8')).name).toBe('lookalike-default');
    expect((await cli('policy', 'check', js)).code).toBe(0);
    const show = await cli('policy', 'show');
    expect(show.stdout).toContain('  singling_out_risk ≤ 0.05');
    expect(show.stdout).toContain('not measured counts as failing');
  });

  it('check lists every problem of a bad policy (exit 1); a bad action is a usage error (exit 2)', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'version: 1\nname: b\ntargets:\n  - {id: epsilonn, op: "=", value: x}\n');
    const r = await cli('policy', 'check', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unknown id "epsilonn" — did you mean "epsilon"?');
    expect(r.stderr).toContain('"op" must be one of');
    expect(r.stderr).toContain('"value" must be a finite number, got "x"');
    expect((await cli('policy', 'frob')).code).toBe(2);
    expect((await cli('policy', 'check')).code).toBe(2);
  });
});

describe('lookalike report', () => {
  it('writes a self-contained HTML report; md and json go to stdout without --out', async () => {
    const dir = tempDir();
    const out = join(dir, 'report.html');
    const r = await cli('report', FULL, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^report: .*report\.html \(\d+ KB/);
    expect(r.stderr).toContain('no --model given');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('id="scorecard-table"');
    const md = await cli('report', FULL, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('| Metric | Score | Target | Status |');
    const js = await cli('report', MINIMAL, '--format', 'json', '--quiet');
    expect(JSON.parse(js.stdout).format).toBe('lookalike-report');
    expect((await cli('report', FULL)).code).toBe(2); // html needs --out
    expect((await cli('report', FULL, '--format', 'pdf', '--out', out)).code).toBe(2);
  });

  it('gate: exit 3 with the failing targets on stderr when a policy target fails, after writing the report', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'strict.yaml'), strict);
    writeFileSync(join(dir, 'lenient.yaml'), lenient);
    const out = join(dir, 'r.md');
    const fail = await cli('report', FULL, '--policy', join(dir, 'strict.yaml'), '--out', out);
    expect(fail.code).toBe(3);
    expect(existsSync(out)).toBe(true);
    expect(fail.stderr).toContain('policy check failed (exit code 3)');
    expect(fail.stderr).toContain('✗ statistical_similarity: estimate 0.88 misses ≥ 0.95');
    expect(fail.stderr).toContain('✗ singling_out_risk: upper end of the 95% interval 0.021 misses ≤ 0.01');
    expect(fail.stderr).not.toContain('✗ quality');
    const pass = await cli(
      'report',
      FULL,
      '--policy',
      join(dir, 'lenient.yaml'),
      '--format',
      'md',
      '--out',
      join(dir, 'r.md'),
    );
    expect(pass.code).toBe(0);
    // not measured counts as failing under the default rule
    const missing = await cli('report', MINIMAL, '--policy', join(dir, 'lenient.yaml'), '--out', out);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('✗ membership_auc: not measured');
    // without --policy the default policy is shown but does not gate
    expect((await cli('report', MINIMAL, '--out', out)).code).toBe(0);
  });

  it('--model: a non-DP model fails an ε target and gets the banner', async () => {
    const dir = tempDir();
    const model = join(dir, 'model.json');
    expect(
      (await cli('fit', `${DATA}/penguins.json`, '--synthesizer', 'independent', '--out', model, '--quiet'))
        .code,
    ).toBe(0);
    const pol = join(dir, 'eps.yaml');
    writeFileSync(pol, 'version: 1\nname: e\ntargets:\n  - {id: epsilon, op: "<=", value: 10}\n');
    const out = join(dir, 'r.md');
    const r = await cli('report', MINIMAL, '--model', model, '--policy', pol, '--out', out);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the model is not differentially private');
    expect(readFileSync(out, 'utf8')).toContain(
      '> **Not differentially private.** `independent` gives no formal privacy guarantee',
    );
  });

  it('bad inputs: a file that is not an evaluation, a missing policy file (exit 1)', async () => {
    const dir = tempDir();
    const r = await cli('report', `${DATA}/penguins.json`, '--out', join(dir, 'r.html'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not a lookalike evaluation');
    const p = await cli('report', FULL, '--policy', join(dir, 'nope.yaml'), '--out', join(dir, 'r.html'));
    expect(p.code).toBe(1);
    expect(p.stderr).toContain('policy file not found');
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });
});

describe('lookalike evaluate --policy', () => {
  it('prints the scorecard and exits 3 when a target fails, 0 when all pass; a bad policy fails before any work', async () => {
    const dir = tempDir();
    expect(
      (await cli('run', `${DATA}/penguins.json`, '--synthesizer', 'independent', '--out-dir', dir, '--quiet'))
        .code,
    ).toBe(0);
    const real = `${DATA}/penguins.json`;
    const synth = join(dir, 'synthetic.csv');
    writeFileSync(
      join(dir, 'fail.yaml'),
      'version: 1\nname: f\ntargets:\n  - {id: correlation_preservation, op: ">=", value: 0.99}\n',
    );
    writeFileSync(
      join(dir, 'pass.yaml'),
      'version: 1\nname: p\ntargets:\n  - {id: quality, op: ">=", value: 0.1}\n',
    );
    const f = await cli(
      'evaluate',
      real,
      synth,
      '--policy',
      join(dir, 'fail.yaml'),
      '--out',
      join(dir, 'e.json'),
      '--quiet',
    );
    expect(f.code).toBe(3);
    expect(f.stdout).toMatch(/^Metric\s+Score\s+Target\s+Status$/m);
    expect(f.stderr).toContain('✗ correlation_preservation: estimate');
    expect(existsSync(join(dir, 'e.json'))).toBe(true);
    const p = await cli(
      'evaluate',
      real,
      synth,
      '--policy',
      join(dir, 'pass.yaml'),
      '--out',
      join(dir, 'e2.json'),
      '--quiet',
    );
    expect(p.code).toBe(0);
    expect(p.stdout).toContain('PASS: 1 of 1 targets met');
    writeFileSync(join(dir, 'bad.yaml'), 'version: 1\nname: b\ntargets: []\n');
    const b = await cli(
      'evaluate',
      real,
      synth,
      '--policy',
      join(dir, 'bad.yaml'),
      '--out',
      join(dir, 'e3.json'),
      '--quiet',
    );
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('"targets" is empty');
    expect(existsSync(join(dir, 'e3.json'))).toBe(false);
  });
});
