import { readJsonFile, readTable } from '../io/index.js';
import { parseMetadata } from '../table/metadata.js';
import type { Schema } from '../table/schema.js';
import { parseRules } from '../constraints/parse.js';
import type { Rule } from '../constraints/types.js';
import type { ConditionRow } from '../synthesizers/types.js';
import { LookalikeError } from '../errors.js';
import type { CliContext, ParsedArgs } from './command.js';
import { str, usage } from './args.js';
import { parseRebalance, type RebalanceSpec } from '../constraints/rebalance.js';
import { parseDisclosureSteps, type DisclosureStep } from '../constraints/disclosure.js';

/**
 * What `sample`, `fit` and `run` share for business rules and conditional sampling (docs/constraints.md): the
 * `--condition` / `--conditions` flags turned into the library's `SampleOptions.conditions`, and the rules of a
 * metadata file fitted through `fitWithRules`.
 */

/** `--condition COL=VALUE` (repeatable) as one record; the first `=` splits, so a value may contain `=`. */
export function conditionFlags(list: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of list) {
    const i = kv.indexOf('=');
    if (i <= 0 || i === kv.length - 1)
      throw usage(`--condition takes COLUMN=VALUE, e.g. --condition "Species=Adelie"; got "${kv}"`);
    const col = kv.slice(0, i);
    if (Object.hasOwn(out, col) && out[col] !== kv.slice(i + 1))
      throw usage(`--condition: column "${col}" is given two different values`);
    out[col] = kv.slice(i + 1);
  }
  return out;
}

/**
 * The rows of a condition table file (any format lookalike reads); an empty cell leaves that column free in that
 * row. Fixed `--condition` values are added to every row; a row that gives the same column another value is an
 * input error (exit 1) naming the column and the rows.
 */
export async function readConditionRows(
  path: string,
  fixed: Readonly<Record<string, string>>,
  ctx: CliContext,
): Promise<ConditionRow[]> {
  const { table } = await readTable(path, { onWarning: (w) => ctx.err(`warning: ${path}: ${w}`) });
  const rows: Record<string, string | number | boolean | null>[] = table.toRecords();
  const clash = new Map<string, number[]>();
  for (const [r, row] of rows.entries()) {
    for (const [col, v] of Object.entries(fixed)) {
      const had = Object.hasOwn(row, col) ? row[col] : null;
      if (had !== null && String(had) !== v) {
        const list = clash.get(col) ?? [];
        list.push(r + 1);
        clash.set(col, list);
      }
      row[col] = v;
    }
  }
  if (clash.size)
    throw new LookalikeError(
      `${path}: condition rows contradict --condition:`,
      [...clash].map(
        ([col, list]) =>
          `column "${col}" has another value in condition row${list.length > 1 ? 's' : ''} ${list.slice(0, 10).join(', ')}${list.length > 10 ? `, … (${list.length} rows)` : ''}`,
      ),
      'input',
    );
  return rows;
}

/** The business rules of a metadata file (its `constraints`), validated against the schema the table was read with. */
export async function rulesFromMetadata(metadataPath: string | undefined, schema: Schema): Promise<Rule[]> {
  if (!metadataPath) return [];
  const md = parseMetadata(await readJsonFile(metadataPath, 'metadata file'), metadataPath);
  return md.constraints?.length ? parseRules(md.constraints, schema, `${metadataPath}: constraints`) : [];
}

/** The flags `run` adds for rules, rebalancing and disclosure control (rules come from --metadata). */
export const CONSTRAINT_RUN_OPTIONS = {
  rebalance: {
    type: 'string',
    placeholder: 'COL=V:SHARE',
    description: 'draw the synthetic table with exact shares of a column’s values, e.g. income=>50K:0.5',
  },
  disclosure: {
    type: 'string',
    placeholder: 'FILE',
    description:
      'post-hoc disclosure control steps (JSON list, see lookalike disclose) applied before the evaluation',
  },
} as const;

/**
 * What `run` passes to `runJob` for rules, rebalancing and disclosure control: the metadata's rules, `--rebalance`,
 * and the steps of `--disclosure` (a step that reads the training data is announced on stderr: it voids DP).
 */
export async function constraintJobSpec(
  args: ParsedArgs,
  metadataPath: string | undefined,
  schema: Schema,
  ctx: CliContext,
): Promise<{ rules?: Rule[]; rebalance?: RebalanceSpec; disclosure?: DisclosureStep[] }> {
  const rules = await rulesFromMetadata(metadataPath, schema);
  const rebalanceText = str(args, 'rebalance');
  const disclosurePath = str(args, 'disclosure');
  const disclosure = disclosurePath
    ? parseDisclosureSteps(await readJsonFile(disclosurePath, 'disclosure steps file'), disclosurePath)
    : undefined;
  if (disclosure?.some((s) => s.type === 'remove-training-matches'))
    ctx.err(
      'warning: the disclosure steps remove training matches: they read the training data and can leak it (ReconSyn); the release is not differentially private',
    );
  return {
    ...(rules.length ? { rules } : {}),
    ...(rebalanceText !== undefined ? { rebalance: parseRebalance(rebalanceText) } : {}),
    ...(disclosure?.length ? { disclosure } : {}),
  };
}
