import type { StructuralZero } from '../pgm/estimate.js';
import { cellCount } from '../pgm/factor.js';
import type { Discretizer } from '../table/encode.js';
import type { ForbiddenRegion, ForbiddenTerm } from './types.js';

/**
 * Forbidden regions (`FitOptions.forbidden`, public business rules) → structural zeros of a DP-marginal model.
 *
 * A cell of the marginal over a region's columns is a zero when *every* value its codes decode to lies in the
 * region: a category in the term's list, an exact integer or listed value in the interval, or a whole bin inside it
 * (a bin that straddles a bound is not a zero; the constraints layer checks and redraws the rows that land in its
 * forbidden part). Built from the encoding alone — the rules and the public domains — so it reads no row and costs
 * no budget; neighbouring tables get the same zeros.
 */
export interface EncodedRegion {
  /** Modelled attributes of the region, increasing. */
  readonly attrs: readonly number[];
  /** Per attribute (in `attrs` order): 1 for each encoded code lying wholly in the region's term. */
  readonly inside: readonly Uint8Array[];
}

/** What values a code of `d` decodes to lie wholly in `t`. */
export function codesInside(d: Discretizer, t: ForbiddenTerm): Uint8Array {
  const j = d.toJSON();
  const out = new Uint8Array(d.size);
  const miss = d.missingCode;
  if (t.in) {
    const set = new Set(t.in.map((v) => (v === null ? null : String(v))));
    if (miss >= 0 && set.has(null)) out[miss] = 1;
    for (let k = 0; k < d.valueCodes; k++) {
      let v: string | null = null;
      if (j.categories) v = j.categories[k];
      else if (j.kind === 'boolean') v = k === 1 ? 'true' : 'false';
      else if (j.values) v = String(j.values[k]);
      else if (j.offset !== null) v = String(j.offset + k);
      // a bin holds many values: never wholly in a list of values
      if (v !== null && set.has(v)) out[k] = 1;
    }
    return out;
  }
  const lo = t.min ?? -Infinity;
  const hi = t.max ?? Infinity;
  const inLo = (x: number): boolean => (t.minOpen ? x > lo : x >= lo);
  const inHi = (x: number): boolean => (t.maxOpen ? x < hi : x <= hi);
  const e = j.edges;
  for (let k = 0; k < d.valueCodes; k++) {
    if (j.values) out[k] = +(inLo(j.values[k]) && inHi(j.values[k]));
    else if (j.offset !== null) out[k] = +(inLo(j.offset + k) && inHi(j.offset + k));
    else if (e) {
      const a = e[k];
      const b = e[k + 1];
      const last = k + 2 === e.length;
      if (j.integer) {
        // the integers the bin decodes to (as Discretizer.decode draws them)
        const first = Math.ceil(a);
        const end = last ? Math.floor(b) : Math.ceil(b) - 1;
        out[k] = +(end < first || (inLo(first) && inHi(end)));
      } else {
        // [a, b) (the last bin [a, b]) within the interval
        const upper = last ? inHi(b) : b <= hi;
        out[k] = +(inLo(a) && upper);
      }
    }
  }
  return out;
}

/**
 * The regions over the modelled columns `names` (discretised by `discretizers`). A region naming a column the model
 * does not hold is left out (the constraints layer still checks it), as is one no cell lies wholly in.
 */
export function encodeRegions(
  regions: readonly ForbiddenRegion[] | undefined,
  names: readonly string[],
  discretizers: readonly Discretizer[],
): EncodedRegion[] {
  const out: EncodedRegion[] = [];
  for (const r of regions ?? []) {
    const byAttr = new Map<number, Uint8Array>();
    let ok = r.terms.length > 0;
    for (const t of r.terms) {
      const a = names.indexOf(t.column);
      if (a < 0) {
        ok = false;
        break;
      }
      const ins = codesInside(discretizers[a], t);
      const had = byAttr.get(a);
      if (had) for (let k = 0; k < ins.length; k++) ins[k] &= had[k];
      byAttr.set(a, ins);
    }
    if (!ok) continue;
    const attrs = [...byAttr.keys()].sort((x, y) => x - y);
    const inside = attrs.map((a) => byAttr.get(a)!);
    if (inside.some((ins) => !ins.some((f) => f === 1))) continue;
    out.push({ attrs, inside });
  }
  return out;
}

/**
 * Structural zeros over the model's codes. With a domain compression (MST), a model code is wholly in a term only
 * when every encoded code it merges is (`compressionClasses` keeps inside and outside codes apart, so they are).
 */
export function modelZeros(
  regions: readonly EncodedRegion[],
  modelSizes: readonly number[],
  compression: readonly (Int32Array | null)[] = modelSizes.map(() => null),
): StructuralZero[] {
  return regions.flatMap((r) => {
    const inside = r.attrs.map((a, i) => {
      const map = compression[a];
      if (!map) return r.inside[i];
      const all = new Uint8Array(modelSizes[a]).fill(1);
      for (let k = 0; k < map.length; k++) if (!r.inside[i][k]) all[map[k]] = 0;
      return all;
    });
    const shape = r.attrs.map((a) => modelSizes[a]);
    const n = cellCount(shape);
    const zero = new Uint8Array(n);
    let any = false;
    let all = true;
    // row-major, last attribute fastest
    const idx = new Array<number>(shape.length).fill(0);
    for (let c = 0; c < n; c++) {
      let z = 1;
      for (let i = 0; i < shape.length && z; i++) z = inside[i][idx[i]];
      zero[c] = z;
      if (z) any = true;
      else all = false;
      for (let i = shape.length - 1; i >= 0; i--) {
        if (++idx[i] < shape[i]) break;
        idx[i] = 0;
      }
    }
    return any && !all ? [{ attrs: r.attrs, zero }] : [];
  });
}

/**
 * Per attribute, a class for each encoded code such that codes of different classes lie in different sets of the
 * regions' terms (null when no region involves the attribute). A domain compression that merges rare codes only
 * within a class keeps every structural zero exact.
 */
export function compressionClasses(
  regions: readonly EncodedRegion[],
  sizes: readonly number[],
): (Int32Array | null)[] {
  const sig: (string[] | null)[] = sizes.map(() => null);
  for (const r of regions)
    r.attrs.forEach((a, i) => {
      const s = (sig[a] ??= new Array<string>(sizes[a]).fill(''));
      for (let k = 0; k < sizes[a]; k++) s[k] += r.inside[i][k] ? '1' : '0';
    });
  return sig.map((s) => {
    if (!s) return null;
    const ids = new Map<string, number>();
    return Int32Array.from(s, (x) => {
      let id = ids.get(x);
      if (id === undefined) ids.set(x, (id = ids.size));
      return id;
    });
  });
}
