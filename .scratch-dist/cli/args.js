import { LookalikeError } from '../errors.js';
/** Helpers that turn option strings into checked values; every failure is a usage error (exit code 2). */
export function usage(message) {
    return new LookalikeError(message, [], 'usage');
}
export function str(args, name) {
    const v = args.values[name];
    return typeof v === 'string' ? v : undefined;
}
export function requireStr(args, name, hint) {
    const v = str(args, name);
    if (v === undefined || v === '')
        throw usage(`--${name} is required: ${hint}`);
    return v;
}
export function flag(args, name) {
    return args.values[name] === true;
}
export function list(args, name) {
    const v = args.values[name];
    if (Array.isArray(v))
        return v.map(String);
    return typeof v === 'string' ? [v] : [];
}
/** A whole number option with bounds, e.g. --rows, --seed. */
export function int(args, name, opts = {}) {
    const v = str(args, name);
    if (v === undefined)
        return opts.default;
    const x = Number(v);
    if (v.trim() === '' || !Number.isSafeInteger(x))
        throw usage(`--${name} must be a whole number, got "${v}"`);
    if (opts.min !== undefined && x < opts.min)
        throw usage(`--${name} must be at least ${opts.min}, got ${x}`);
    if (opts.max !== undefined && x > opts.max)
        throw usage(`--${name} must be at most ${opts.max}, got ${x}`);
    return x;
}
/** A finite number option. */
export function num(args, name) {
    const v = str(args, name);
    if (v === undefined)
        return undefined;
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x))
        throw usage(`--${name} must be a number, got "${v}"`);
    return x;
}
//# sourceMappingURL=args.js.map