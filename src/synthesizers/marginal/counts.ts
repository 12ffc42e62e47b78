import { cellCount, shapeOf } from '../../pgm/factor.js';

/**
 * Where the counts of a DP-marginal fit come from. The measure step of every marginal synthesizer asks a
 * `CountSource` for contingency tables over *encoded* attributes (attribute a takes codes 0..sizes[a]−1, as the
 * fit's `Encoding` defines them) and nothing else: it never sees rows. So the same synthesizer can count
 *
 * - in memory, over typed arrays of codes (`CodeCounts`, the default and the hot path: 0.5–0.9 G row-updates/s per
 *   core, DESIGN.md "Scale");
 * - in a database (SQL pushdown: `GROUP BY` over the same binning, issue 15), where only counts leave the engine;
 * - at several parties (federated), each answering the same sets over its rows, the answers added.
 *
 * Contract: `counts(sets)` returns, in order, one table per set: the exact counts of rows per cell of the marginal
 * over `set` (attribute indices strictly increasing), row-major with the last attribute fastest (the layout of
 * `pgm/factor.ts`), each as a `Float64Array` of `cells(set)` whole numbers. Every table of one source sums to the
 * same n (its number of rows). The result may be shared: callers must not write into it.
 *
 * Privacy: the counts are exact and private; they go to a mechanism (which charges the ledger) or into a score
 * that a mechanism consumes, never anywhere else.
 */
export interface CountSource {
  /** Domain size of every encoded attribute (public: it comes from the domains). */
  readonly sizes: readonly number[];
  counts(sets: readonly (readonly number[])[]): Promise<Float64Array[]>;
  /**
   * A hint that `sets` will be asked soon (optional to implement and to call). A source that counts several sets
   * per pass over the rows (a scan of a file) counts them together with the next `counts` call and holds them
   * until asked, so a fit that knows its next questions (MST: every pair after the 1-ways) pays one pass, not
   * two. The counts stay inside the source: nothing is released until a mechanism measures a table.
   */
  prefetch?(sets: readonly (readonly number[])[]): void;
}

/**
 * Counts over in-memory code columns (one `Int32Array` per attribute, every code in 0..sizes[a]−1). Tables are
 * computed on demand, one pass over the rows per set; no caching (callers that reuse a table keep it).
 */
export class CodeCounts implements CountSource {
  constructor(
    readonly sizes: readonly number[],
    private readonly codes: readonly Int32Array[],
    private readonly n: number,
  ) {}

  counts(sets: readonly (readonly number[])[]): Promise<Float64Array[]> {
    return Promise.resolve(sets.map((s) => this.countNow(s)));
  }

  /** The same, synchronously (for code that holds a `CodeCounts` and counts in a loop). */
  countNow(attrs: readonly number[]): Float64Array {
    return marginalCounts(this.codes, this.sizes, attrs, this.n);
  }
}

/**
 * A source whose attribute a is `base`'s attribute a with its codes merged by `maps[a]` (code k → maps[a][k], null:
 * unchanged) — MST's domain compression. Counts are asked of `base` over the original codes and summed into the
 * merged cells, so it works over any source.
 */
export class MergedCounts implements CountSource {
  constructor(
    private readonly base: CountSource,
    private readonly maps: readonly (Int32Array | null)[],
    readonly sizes: readonly number[],
  ) {}

  prefetch(sets: readonly (readonly number[])[]): void {
    this.base.prefetch?.(sets);
  }

  async counts(sets: readonly (readonly number[])[]): Promise<Float64Array[]> {
    const raw = await this.base.counts(sets);
    return raw.map((x, i) => this.merge(x, sets[i]));
  }

  private merge(x: Float64Array, attrs: readonly number[]): Float64Array {
    if (attrs.every((a) => !this.maps[a])) return x;
    const from = shapeOf(attrs, this.base.sizes);
    const to = shapeOf(attrs, this.sizes);
    const out = new Float64Array(cellCount(to));
    const digit = new Array<number>(attrs.length).fill(0);
    for (let i = 0; i < x.length; i++) {
      if (x[i] !== 0) {
        let j = 0;
        for (let k = 0; k < attrs.length; k++) {
          const map = this.maps[attrs[k]];
          j = j * to[k] + (map ? map[digit[k]] : digit[k]);
        }
        out[j] += x[i];
      }
      for (let k = attrs.length - 1; k >= 0; k--) {
        if (++digit[k] < from[k]) break;
        digit[k] = 0;
      }
    }
    return out;
  }
}

/**
 * A source that keeps every table of at most `maxCells` cells it has counted (larger ones are counted again when
 * asked: one pass over the rows costs less than holding them). For fits that score the same candidates round after
 * round (AIM, PrivBayes).
 */
export class CachedCounts implements CountSource {
  private readonly cache = new Map<string, Float64Array>();
  constructor(
    private readonly base: CountSource,
    private readonly maxCells = 65536,
  ) {}

  get sizes(): readonly number[] {
    return this.base.sizes;
  }

  prefetch(sets: readonly (readonly number[])[]): void {
    const missing = sets.filter((s) => !this.cache.has(s.join(',')));
    if (missing.length) this.base.prefetch?.(missing);
  }

  async counts(sets: readonly (readonly number[])[]): Promise<Float64Array[]> {
    const missing = sets.filter((s) => !this.cache.has(s.join(',')));
    const fresh = new Map<string, Float64Array>();
    if (missing.length) {
      const got = await this.base.counts(missing);
      got.forEach((x, i) => {
        const key = missing[i].join(',');
        fresh.set(key, x);
        if (x.length <= this.maxCells) this.cache.set(key, x);
      });
    }
    return sets.map((s) => this.cache.get(s.join(',')) ?? fresh.get(s.join(','))!);
  }
}

/** Counts of the marginal over `attrs` (increasing), row-major; one pass over the codes. */
export function marginalCounts(
  codes: readonly Int32Array[],
  sizes: readonly number[],
  attrs: readonly number[],
  n: number,
): Float64Array {
  const shape = shapeOf(attrs, sizes);
  const out = new Float64Array(cellCount(shape));
  if (attrs.length === 0) {
    out[0] = n;
    return out;
  }
  if (attrs.length === 1) {
    const c = codes[attrs[0]];
    for (let r = 0; r < n; r++) out[c[r]]++;
    return out;
  }
  if (attrs.length === 2) {
    const a = codes[attrs[0]];
    const b = codes[attrs[1]];
    const s = shape[1];
    for (let r = 0; r < n; r++) out[a[r] * s + b[r]]++;
    return out;
  }
  const idx = new Int32Array(n);
  for (let j = 0; j < attrs.length; j++) {
    const c = codes[attrs[j]];
    const s = shape[j];
    for (let r = 0; r < n; r++) idx[r] = idx[r] * s + c[r];
  }
  for (let r = 0; r < n; r++) out[idx[r]]++;
  return out;
}

/** The total of a count table (n, for any table of a source). */
export function tableTotal(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/**
 * Counts of several marginals over code columns that arrive in chunks (a streamed scan): `add` each chunk (one
 * `Int32Array` of codes per attribute, the first `n` entries used), then `tables` holds one row-major count table
 * per set, as `marginalCounts` would give over all the rows. One pass over each chunk per set; the kernel assumes
 * codes in 0..sizes[a]−1, as `codesQuery` produces them (`checkTotals` catches an index outside a table).
 */
export class ChunkCounts {
  readonly tables: Float64Array[];
  /** Rows added so far. */
  total = 0;
  private idx = new Int32Array(0);
  constructor(
    private readonly sizes: readonly number[],
    readonly sets: readonly (readonly number[])[],
  ) {
    this.tables = sets.map((s) => new Float64Array(cellCount(shapeOf(s, sizes))));
  }

  add(codes: readonly Int32Array[], n: number): void {
    if (this.idx.length < n) this.idx = new Int32Array(n);
    const idx = this.idx;
    for (let t = 0; t < this.sets.length; t++) {
      const set = this.sets[t];
      const out = this.tables[t];
      if (set.length === 0) out[0] += n;
      else if (set.length === 1) {
        const a = codes[set[0]];
        for (let r = 0; r < n; r++) out[a[r]]++;
      } else if (set.length === 2) {
        const a = codes[set[0]];
        const b = codes[set[1]];
        const s = this.sizes[set[1]];
        for (let r = 0; r < n; r++) out[a[r] * s + b[r]]++;
      } else {
        const a = codes[set[0]];
        for (let r = 0; r < n; r++) idx[r] = a[r];
        for (let j = 1; j < set.length; j++) {
          const c = codes[set[j]];
          const s = this.sizes[set[j]];
          for (let r = 0; r < n; r++) idx[r] = idx[r] * s + c[r];
        }
        for (let r = 0; r < n; r++) out[idx[r]]++;
      }
    }
    this.total += n;
  }

  /** Whether every table sums to the rows added (false: a code was out of range). */
  checkTotals(): boolean {
    return this.tables.every((x) => tableTotal(x) === this.total);
  }
}
