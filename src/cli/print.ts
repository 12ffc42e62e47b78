import type { CliContext } from './command.js';

/** Printing helpers with no heavy imports (the `synthesizers` command loads only these). */
export function printJson(ctx: CliContext, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2));
}

/** A plain-text table with aligned columns (src/format.ts). */
export { formatTable as textTable } from '../format.js';
