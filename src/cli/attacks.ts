import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createWorkerSearch } from '../io/nn-workers.js';
import type { NeighborSearch } from '../metrics/privacy/distance-metrics.js';
import { PRIVACY_ATTACKS } from '../metrics/privacy/index.js';
import { int, usage } from './args.js';
import type { ParsedArgs } from './command.js';

// Kept apart from shared.ts: the privacy metrics take a while to load, and fit, sample and inspect need none.

/**
 * Nearest-neighbour search for the privacy attacks split across worker threads (src/io/nn-workers.ts), when the
 * compiled kernel is there to load (it is, when lookalike runs from its build); otherwise the in-thread search.
 * Call `close()` when done.
 */
export function neighbourSearch(): { search?: NeighborSearch; close(): Promise<void> } {
  const url = new URL('../metrics/privacy/neighbors.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return { close: async () => {} };
  const w = createWorkerSearch({ kernelUrl: url.href });
  return { search: w.search, close: () => w.close() };
}

/** `--attacks a,b` checked against the known attacks; undefined = the default set. */
export function attacksOption(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.filter((a) => !(PRIVACY_ATTACKS as readonly string[]).includes(a));
  if (bad.length || !list.length) {
    throw usage(
      `--attacks: unknown attack(s) ${bad.map((b) => `"${b}"`).join(', ') || '(none given)'}; known: ${PRIVACY_ATTACKS.join(', ')}`,
    );
  }
  return list;
}

/** `--attack-count N`, for every command that runs the privacy attacks. */
export const ATTACK_COUNT_OPTION = {
  'attack-count': {
    type: 'string',
    placeholder: 'N',
    description:
      'attacks per privacy evaluator (default 1000, at least 10): linkability and attribute inference make N ' +
      'attacks (at most the training and holdout rows), membership inference targets up to N rows per side, ' +
      'singling out makes min(N, 500) queries',
  },
} as const;

/** The value of `--attack-count` (a usage error below 10), or undefined for the default. */
export function attackCountOption(args: ParsedArgs): number | undefined {
  return int(args, 'attack-count', { min: 10, max: 10_000_000 });
}
