import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createWorkerSearch } from '../io/nn-workers.js';
import type { NeighborSearch } from '../metrics/privacy/distance-metrics.js';
import { privacyAttacks } from '../metrics/registry.js';
import { int, str, usage } from './args.js';
import type { ParsedArgs } from './command.js';
import { listFlag } from './flags.js';

// Kept apart from flags.ts and shared.ts: the privacy metrics take a while to load, and fit, sample and inspect
// need none. The flags are declared in docs/cli.md.

/**
 * `--attacks`: undefined = the default set, `'none'`, or a list checked against the registered attacks (a usage
 * error, or with `collect` a problem added to it).
 */
export function attacksFlag(args: ParsedArgs, collect?: string[]): string[] | 'none' | undefined {
  if (str(args, 'attacks')?.trim() === 'none') return 'none';
  const list = listFlag(args, 'attacks');
  const known = privacyAttacks();
  const bad = (list ?? []).filter((a) => !known.includes(a));
  const problem = `--attacks: unknown attack ${bad.map((b) => `"${b}"`).join(', ')} (known: ${known.join(', ')}, or none)`;
  if (bad.length && collect) collect.push(problem);
  else if (bad.length) throw usage(problem);
  return list;
}

/** The value of `--attack-count` (a usage error below 10), or undefined for the default. */
export function attackCountFlag(args: ParsedArgs): number | undefined {
  return int(args, 'attack-count', { min: 10, max: 10_000_000 });
}

/**
 * Run `f` with the nearest-neighbour search of the privacy attacks split across worker threads
 * (src/io/nn-workers.ts) when the compiled kernel is there to load (it is, when lookalike runs from its build);
 * otherwise with undefined (the attacks search in-thread). The workers are closed afterwards.
 */
export async function withWorkerSearch<T>(f: (search: NeighborSearch | undefined) => Promise<T>): Promise<T> {
  const url = new URL('../metrics/privacy/neighbors.js', import.meta.url);
  if (url.protocol !== 'file:' || !existsSync(fileURLToPath(url))) return f(undefined);
  const w = createWorkerSearch({ kernelUrl: url.href });
  try {
    return await f(w.search);
  } finally {
    await w.close();
  }
}
