import { existsSync } from 'node:fs';
import { int, list, num, str, usage } from './args.js';
import { csvDialectOptions } from '../io/read.js';
import { checkFitOptions, getSynthesizer, parseOptionPairs } from '../synthesizers/registry.js';
/**
 * Readers of the flags of the commands that run the pipeline: each turns flags into a checked pipeline spec. The
 * flags themselves — one name, one meaning and one help line across commands (`-m` is `--metadata` everywhere,
 * `--holdout` a file everywhere) — are declared in docs/cli.md (help.ts). Nothing heavy is imported here.
 */
/** A comma-separated list flag, empty items dropped; a usage error when nothing is left. */
export function listFlag(args, name) {
    const raw = str(args, name);
    if (raw === undefined)
        return undefined;
    const items = raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    if (!items.length)
        throw usage(`--${name} needs a comma-separated list`);
    return items;
}
/** `--privacy on|off`: undefined when not given. */
export function privacyFlag(args) {
    const v = str(args, 'privacy');
    if (v !== undefined && v !== 'on' && v !== 'off')
        throw usage(`--privacy must be on or off, got "${v}"`);
    return v === undefined ? undefined : v === 'on';
}
/**
 * Where the holdout comes from: `--holdout FILE` (read by `read`), else `--holdout-fraction` (default `fraction`).
 * The old `run --holdout 0.2` (a number, and no such file) still means a fraction, with a deprecation note.
 */
export async function holdoutFlags(args, ctx, read, fraction = 0.2) {
    const seed = int(args, 'seed', { default: 0 });
    let path = str(args, 'holdout');
    let f = num(args, 'holdout-fraction');
    if (path !== undefined && f !== undefined)
        throw usage('give --holdout FILE or --holdout-fraction F, not both');
    if (path !== undefined && /^\s*[\d.]+\s*$/.test(path) && !existsSync(path)) {
        ctx.err(`note: --holdout ${path} as a fraction is deprecated; use --holdout-fraction ${path} (--holdout takes a file)`);
        f = Number(path);
        path = undefined;
    }
    if (path !== undefined)
        return { table: await read(path) };
    f ??= fraction;
    if (!(f >= 0 && f < 1))
        throw usage(`--holdout-fraction must be in [0, 1), got ${f}`);
    return { fraction: f, seed };
}
/** The fit flags as given (no synthesizer when none is named): seed, ε, δ and `--option key=value` pairs. */
export function fitValues(args) {
    const [epsilon, delta] = [num(args, 'epsilon'), num(args, 'delta')];
    const options = parseOptionPairs(list(args, 'option'));
    const synthesizer = str(args, 'synthesizer');
    return {
        ...(synthesizer !== undefined ? { synthesizer } : {}),
        seed: int(args, 'seed', { default: 0 }),
        ...(epsilon !== undefined ? { epsilon } : {}),
        ...(delta !== undefined ? { delta } : {}),
        ...(Object.keys(options).length ? { options } : {}),
    };
}
/** The fit flags as a pipeline `FitSpec`, checked against the synthesizer's contract before any file is read. */
export function fitFlags(args) {
    const spec = { ...fitValues(args), synthesizer: str(args, 'synthesizer') ?? 'gaussian-copula' };
    checkFitOptions(getSynthesizer(spec.synthesizer), spec); // before any file is read (fit checks again)
    return spec;
}
/** The CSV flags (`--delimiter`, `--quote`, `--no-header`) as read options. */
export function readFlags(args) {
    return csvDialectOptions({
        delimiter: str(args, 'delimiter'),
        quote: str(args, 'quote'),
        noHeader: args.values['no-header'] === true,
    });
}
//# sourceMappingURL=flags.js.map