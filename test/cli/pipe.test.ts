import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the installed command in a pipe', () => {
  it('ends quietly when the reader closes the pipe early (`lookalike synthesizers | head -1`)', () => {
    // the shell's `head -1` exits after one line, so the CLI's later writes hit a closed pipe (EPIPE)
    const r = spawnSync('bash', ['-c', 'set -o pipefail; node bin/lookalike.js synthesizers | head -1'], {
      encoding: 'utf8',
    });
    expect(r.stdout.split('\n')[0]).toMatch(/^name\s+privacy/);
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(r.status).toBe(0);
  });
});
