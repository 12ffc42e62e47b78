import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { missingOptional } from '../../scripts/complete-lockfile.mjs';

describe('package-lock.json', () => {
  it('lists every optional dependency, so `npm ci` accepts it (node scripts/complete-lockfile.mjs fixes it)', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
    expect(missingOptional(lock)).toEqual([]);
  });
});
