import type { Column } from '../table/column.js';
import type { Discretizer } from '../table/encode.js';
import { LookalikeError } from '../errors.js';
import type { Evidence } from '../pgm/sample.js';
import { describeConditions, type ColumnCondition } from './conditions.js';

/**
 * Conditions → evidence of a graphical model (the DP marginal synthesizers: mst, aim, privbayes, independent
 * with ε). A condition value becomes the discretised code of its bin (a category: its code; an integer of an
 * exact-integer column: its code; a float or datetime: the bin holding it); a set of allowed categories becomes a
 * set of codes. Through a domain compression (MST merges rare cells into one model code), a model code gets the
 * share of its members that are allowed, and decompression then picks among the allowed members only.
 *
 * Numeric conditions condition on the value's *bin*: the other columns follow the model given the bin, and the
 * conditioned column is written with the exact value. Costs no privacy: it reads the model only.
 */
export interface PgmEvidence {
  /** Weights per model code, per attribute (null: free). */
  readonly evidence: Evidence;
  /** Allowed discretised codes per attribute (null: free), for decompression. */
  readonly allowed: readonly (Uint8Array | null)[];
}

function oneValueColumn(d: Discretizer, c: ColumnCondition, value: number | string): Column {
  const name = d.name;
  switch (c.kind) {
    case 'categorical':
      return { kind: 'categorical', name, codes: Int32Array.of(0), categories: [String(value)] };
    case 'boolean':
      return { kind: 'boolean', name, values: Int8Array.of(value as number) };
    case 'numeric':
      return { kind: 'numeric', name, values: Float64Array.of(value as number), integer: false };
    case 'datetime':
      return { kind: 'datetime', name, values: Float64Array.of(value as number), format: 'ISO' };
  }
}

export function pgmEvidence(
  conds: readonly ColumnCondition[],
  columns: readonly string[],
  discretizers: readonly Discretizer[],
  compression: readonly (Int32Array | null)[],
  modelSizes: readonly number[],
  synthesizer: string,
): PgmEvidence {
  const evidence: (Float64Array | null)[] = columns.map(() => null);
  const allowed: (Uint8Array | null)[] = columns.map(() => null);
  const problems: string[] = [];
  for (const c of conds) {
    const a = columns.indexOf(c.column);
    if (a < 0) {
      problems.push(`column "${c.column}" is not modelled by this ${synthesizer} model`);
      continue;
    }
    const d = discretizers[a];
    const values = c.oneOf ?? [c.value];
    const ok = allowed[a] ?? new Uint8Array(d.size);
    const mark = new Uint8Array(d.size);
    for (const v of values) {
      let code: number;
      try {
        code = d.encode(oneValueColumn(d, c, v))[0];
      } catch {
        code = -1;
      }
      if (code < 0 || code === d.missingCode) continue;
      mark[code] = 1;
    }
    // a column conditioned twice keeps the codes both conditions allow
    const had = allowed[a] !== null;
    let any = false;
    for (let k = 0; k < d.size; k++) {
      ok[k] = had ? ok[k] & mark[k] : mark[k];
      if (ok[k]) any = true;
    }
    if (!any) {
      problems.push(`column "${c.column}": the condition is outside the domain the model was fitted on`);
      continue;
    }
    allowed[a] = ok;
  }
  if (problems.length)
    throw new LookalikeError(`cannot sample with ${describeConditions(conds)}:`, problems, 'input');
  allowed.forEach((ok, a) => {
    if (!ok) return;
    const map = compression[a];
    const w = new Float64Array(modelSizes[a]);
    if (!map) for (let k = 0; k < ok.length; k++) w[k] = ok[k];
    else {
      const members = new Float64Array(modelSizes[a]);
      for (let k = 0; k < map.length; k++) {
        members[map[k]]++;
        if (ok[k]) w[map[k]]++;
      }
      for (let m = 0; m < w.length; m++) w[m] = members[m] > 0 ? w[m] / members[m] : 0;
    }
    evidence[a] = w;
  });
  return { evidence, allowed };
}
