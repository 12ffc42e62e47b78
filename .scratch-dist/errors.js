export class LookalikeError extends Error {
    kind;
    problems;
    constructor(summary, problems = [], kind = 'input') {
        super(problems.length ? `${summary}\n${problems.map((p) => `  - ${p}`).join('\n')}` : summary);
        this.name = 'LookalikeError';
        this.kind = kind;
        this.problems = problems;
    }
}
/** Collects problems and throws them all at once. */
export class ProblemList {
    items = [];
    add(problem) {
        this.items.push(problem);
    }
    get size() {
        return this.items.length;
    }
    throwIfAny(summary, kind = 'input') {
        if (this.items.length)
            throw new LookalikeError(summary, this.items, kind);
    }
}
//# sourceMappingURL=errors.js.map