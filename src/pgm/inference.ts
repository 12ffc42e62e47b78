import type { Factor } from './factor.js';
import { cellCount, indexMap, isSubset, logProduct, logSumExpTo, sortedAttrs, sumTo } from './factor.js';
import type { JunctionTree } from './junction-tree.js';

/**
 * Belief propagation on a junction tree (Shafer–Shenoy collect / Hugin distribute; Koller & Friedman 2009,
 * ch. 10). The index maps between each clique and its separators are computed once per tree and reused by every
 * calibration — mirror descent calibrates hundreds of times on the same tree.
 */
export class CalibrationPlan {
  readonly jt: JunctionTree;
  /** Clique i → its parent separator (index map over clique i's cells). */
  readonly childMaps: Int32Array[];
  /** Parent of clique i → separator i (index map over the parent's cells). */
  readonly parentMaps: Int32Array[];
  readonly sepCells: number[];
  private readonly cache = new Map<string, Int32Array>();

  constructor(jt: JunctionTree) {
    this.jt = jt;
    const m = jt.cliques.length;
    this.childMaps = new Array<Int32Array>(m);
    this.parentMaps = new Array<Int32Array>(m);
    this.sepCells = new Array<number>(m).fill(1);
    for (let i = 1; i < m; i++) {
      const p = jt.parent[i];
      const s = jt.separators[i];
      this.childMaps[i] = indexMap(jt.cliques[i], jt.shapes[i], s);
      this.parentMaps[i] = indexMap(jt.cliques[p], jt.shapes[p], s);
      this.sepCells[i] = cellCount(s.map((a) => jt.sizes[a]));
    }
  }

  /** Cached index map from clique `c`'s cells to the cells of `sub` (⊆ clique c). */
  map(c: number, sub: readonly number[]): Int32Array {
    const key = `${c}:${sub.join(',')}`;
    let m = this.cache.get(key);
    if (!m) {
      m = indexMap(this.jt.cliques[c], this.jt.shapes[c], sub);
      this.cache.set(key, m);
    }
    return m;
  }

  /**
   * Calibrated clique beliefs in probability space, each summing to `total`, from log potentials over the
   * tree's cliques. Messages are kept in probability space, rescaled to max 1 at every step; each clique's
   * potential is exponentiated once after subtracting its maximum. Runtime O(Σ cells × (1 + degree)).
   * Throws if the potentials are so extreme that a belief underflows entirely (not met in estimation, where
   * potentials move by small steps from 0); `calibrateLog` is the slow log-space reference.
   */
  calibrate(logPotentials: readonly Float64Array[], total: number, out?: Float64Array[]): Float64Array[] {
    const jt = this.jt;
    const m = jt.cliques.length;
    const B = out ?? jt.cells.map((n) => new Float64Array(n));
    for (let c = 0; c < m; c++) {
      const t = logPotentials[c];
      const b = B[c];
      let mx = -Infinity;
      for (let i = 0; i < t.length; i++) if (t[i] > mx) mx = t[i];
      for (let i = 0; i < t.length; i++) b[i] = Math.exp(t[i] - mx);
    }
    const up: Float64Array[] = new Array<Float64Array>(m);
    // collect: leaves to root
    for (let c = m - 1; c >= 1; c--) {
      const msg = new Float64Array(this.sepCells[c]);
      sumTo(B[c], this.childMaps[c], msg);
      rescale(msg);
      up[c] = msg;
      const pm = this.parentMaps[c];
      const bp = B[jt.parent[c]];
      for (let i = 0; i < bp.length; i++) bp[i] *= msg[pm[i]];
    }
    // distribute: root to leaves (Hugin: parent's separator marginal / the child's upward message, 0/0 = 0)
    for (let c = 1; c < m; c++) {
      const sep = new Float64Array(this.sepCells[c]);
      sumTo(B[jt.parent[c]], this.parentMaps[c], sep);
      const u = up[c];
      for (let j = 0; j < sep.length; j++) sep[j] = u[j] > 0 ? sep[j] / u[j] : 0;
      rescale(sep);
      const cm = this.childMaps[c];
      const bc = B[c];
      for (let i = 0; i < bc.length; i++) bc[i] *= sep[cm[i]];
    }
    for (let c = 0; c < m; c++) {
      const b = B[c];
      let s = 0;
      for (let i = 0; i < b.length; i++) s += b[i];
      if (!(s > 0) || !Number.isFinite(s))
        throw new Error('calibrate: a clique belief underflowed (potentials too extreme)');
      const f = total / s;
      for (let i = 0; i < b.length; i++) b[i] *= f;
    }
    return B;
  }
}

function rescale(v: Float64Array): void {
  let mx = 0;
  for (let i = 0; i < v.length; i++) if (v[i] > mx) mx = v[i];
  if (mx > 0 && mx !== 1) {
    const f = 1 / mx;
    for (let i = 0; i < v.length; i++) v[i] *= f;
  }
}

/**
 * Reference calibration in log space with factor algebra (slow; for tests): clique log-beliefs normalised to
 * log `total`.
 */
export function calibrateLog(
  jt: JunctionTree,
  logPotentials: readonly Float64Array[],
  total: number,
): Factor[] {
  const m = jt.cliques.length;
  const pot: Factor[] = jt.cliques.map((c, i) => ({
    attrs: c,
    shape: jt.shapes[i],
    values: logPotentials[i],
  }));
  const up: Factor[] = new Array<Factor>(m);
  const partial: Factor[] = pot.map((f) => ({ ...f, values: Float64Array.from(f.values) }));
  for (let c = m - 1; c >= 1; c--) {
    up[c] = logSumExpTo(partial[c], jt.separators[c]);
    const p = jt.parent[c];
    partial[p] = logProduct(partial[p], up[c]);
  }
  const belief: Factor[] = new Array<Factor>(m);
  belief[0] = partial[0];
  for (let c = 1; c < m; c++) {
    const s = logSumExpTo(belief[jt.parent[c]], jt.separators[c]);
    const down = {
      ...s,
      values: s.values.map((v, j) => (v === -Infinity ? -Infinity : v - up[c].values[j])),
    };
    belief[c] = logProduct(partial[c], down);
  }
  return belief.map((b) => {
    let mx = -Infinity;
    for (const v of b.values) mx = Math.max(mx, v);
    let s = 0;
    for (const v of b.values) s += Math.exp(v - mx);
    const z = mx + Math.log(s) - Math.log(total);
    return { ...b, values: b.values.map((v) => v - z) };
  });
}

/**
 * The marginal (counts summing to `total`) over `attrs` of the distribution whose calibrated clique beliefs are
 * `beliefs`, in the order of sorted attrs. When one clique contains attrs this is one pass over it; otherwise
 * variable elimination over the smallest subtree whose cliques hold attrs, using p = Π μ_C / Π μ_S (the
 * junction-tree factorisation), eliminating the variable whose product is smallest first.
 */
export function marginalFromBeliefs(
  plan: CalibrationPlan,
  beliefs: readonly Float64Array[],
  attrs: readonly number[],
  total: number,
): Float64Array {
  const jt = plan.jt;
  const q = sortedAttrs(attrs);
  const qCells = cellCount(q.map((a) => jt.sizes[a]));
  let host = -1;
  for (let c = 0; c < jt.cliques.length; c++) {
    if (isSubset(q, jt.cliques[c]) && (host < 0 || jt.cells[c] < jt.cells[host])) host = c;
  }
  if (host >= 0) return sumTo(beliefs[host], plan.map(host, q), new Float64Array(qCells));

  // Steiner subtree of the cliques that hold the query attributes
  const m = jt.cliques.length;
  const needed = new Uint8Array(m);
  for (const a of q) {
    let best = -1;
    for (let c = 0; c < m; c++)
      if (jt.cliques[c].includes(a) && (best < 0 || jt.cells[c] < jt.cells[best])) best = c;
    needed[best] = 1;
  }
  const K = needed.reduce((s, x) => s + x, 0);
  const count = Int32Array.from(needed);
  for (let c = m - 1; c >= 1; c--) count[jt.parent[c]] += count[c];
  let lca = 0;
  for (let c = 0; c < m; c++) if (count[c] === K) lca = c;
  const inTree: number[] = [];
  for (let c = 0; c < m; c++) if (c === lca || (count[c] >= 1 && count[c] < K)) inTree.push(c);

  const factors: Factor[] = [];
  for (const c of inTree) {
    const b = beliefs[c];
    factors.push({ attrs: jt.cliques[c], shape: jt.shapes[c], values: b.map((v) => Math.log(v / total)) });
    if (c !== lca) {
      const s = jt.separators[c];
      const sv = sumTo(b, plan.childMaps[c], new Float64Array(plan.sepCells[c]));
      // divide by the separator marginal: −log μ_S, with 0 where μ_S = 0 (the numerator is 0 there too)
      factors.push({
        attrs: s,
        shape: s.map((a) => jt.sizes[a]),
        values: sv.map((v) => (v > 0 ? -Math.log(v / total) : 0)),
      });
    }
  }
  const result = eliminateTo(factors, q);
  const out = new Float64Array(qCells);
  for (let i = 0; i < qCells; i++) out[i] = Math.exp(result.values[i]) * total;
  return out;
}

/** Log-space variable elimination: sum out every attribute not in `keep`, return the product over `keep`. */
export function eliminateTo(factors: Factor[], keep: readonly number[]): Factor {
  const keepSet = new Set(keep);
  let fs = factors.slice();
  for (;;) {
    const vars = new Set<number>();
    for (const f of fs) for (const a of f.attrs) if (!keepSet.has(a)) vars.add(a);
    if (vars.size === 0) break;
    let best = -1;
    let bestCells = Infinity;
    for (const v of vars) {
      const attrs = new Map<number, number>();
      for (const f of fs) if (f.attrs.includes(v)) f.attrs.forEach((a, i) => attrs.set(a, f.shape[i]));
      let cells = 1;
      for (const s of attrs.values()) cells *= s;
      if (cells < bestCells) {
        bestCells = cells;
        best = v;
      }
    }
    const touching = fs.filter((f) => f.attrs.includes(best));
    fs = fs.filter((f) => !f.attrs.includes(best));
    let prod = touching[0];
    for (let i = 1; i < touching.length; i++) prod = logProduct(prod, touching[i]);
    fs.push(
      logSumExpTo(
        prod,
        prod.attrs.filter((a) => a !== best),
      ),
    );
  }
  let prod: Factor = { attrs: [], shape: [], values: new Float64Array(1) };
  for (const f of fs) prod = logProduct(prod, f);
  // attributes of keep that no factor mentions are uniform — never happens for queries built from a tree
  const missing = keep.filter((a) => !prod.attrs.includes(a));
  if (missing.length) throw new Error(`eliminateTo: no factor holds attributes ${missing.join(', ')}`);
  return prod;
}
