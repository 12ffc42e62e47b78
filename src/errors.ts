/**
 * Errors that reach a user. Every public entry point validates its input once and throws a `LookalikeError`
 * that lists *every* problem found (DESIGN.md rules 6–7). Messages name columns, kinds, files, lines and counts —
 * never a cell value of the private table.
 */
export type ErrorKind = 'input' | 'usage' | 'privacy' | 'internal';

export class LookalikeError extends Error {
  readonly kind: ErrorKind;
  readonly problems: readonly string[];

  constructor(summary: string, problems: readonly string[] = [], kind: ErrorKind = 'input') {
    super(problems.length ? `${summary}\n${problems.map((p) => `  - ${p}`).join('\n')}` : summary);
    this.name = 'LookalikeError';
    this.kind = kind;
    this.problems = problems;
  }
}

/** Collects problems and throws them all at once. */
export class ProblemList {
  readonly items: string[] = [];
  add(problem: string): void {
    this.items.push(problem);
  }
  get size(): number {
    return this.items.length;
  }
  throwIfAny(summary: string, kind: ErrorKind = 'input'): void {
    if (this.items.length) throw new LookalikeError(summary, this.items, kind);
  }
}
