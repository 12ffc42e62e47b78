import { readFileSync } from 'node:fs';
/** Options every command takes. */
export const COMMON = {
    help: { type: 'boolean', short: 'h', description: 'show this help' },
    json: { type: 'boolean', description: 'print the result as JSON on stdout (for machines)' },
    quiet: { type: 'boolean', short: 'q', description: 'no progress on stderr' },
};
const unescape = (t) => t.replace(/\\([<>*_`\\[\]])/g, '$1').replace(/\s*\n\s*/g, ' ');
const OPTION = /^- `(?:-(\w), )?--([\w-]+)(?: ([^`]+?)(\.\.\.)?)?`: ([\s\S]*)$/;
function parseOption(item, section) {
    const m = OPTION.exec(item);
    if (!m)
        throw new Error(`docs/cli.md, ${section}: cannot read the option "${item.slice(0, 40)}"`);
    const [, short, name, placeholder, dots, description] = m;
    const spec = { type: placeholder ? 'string' : 'boolean', description: unescape(description) };
    return [
        name,
        {
            ...spec,
            ...(short ? { short } : {}),
            ...(placeholder ? { placeholder } : {}),
            ...(dots ? { multiple: true } : {}),
        },
    ];
}
/** The sections of a CLI reference page, by command name. */
export function parseCommandDocs(md) {
    const docs = new Map();
    for (const section of md.split(/^## /m).slice(1)) {
        const [head, ...rest] = section.split('\n');
        const doc = { summary: '', usage: '', options: {}, examples: [] };
        const [name, description] = [head.trim(), []];
        let mode = 'text';
        for (const para of rest.join('\n').split(/\n[ \t]*\n/)) {
            const p = para.replace(/^\n+|\s+$/g, '');
            if (!p)
                continue;
            if (/^(Options|Examples?):$/.test(p))
                mode = p;
            else if (p.startsWith('> '))
                doc.summary = unescape(p.replace(/^> ?/gm, ''));
            else if (mode === 'Options:')
                doc.options = Object.fromEntries(p.split(/\n(?=- `)/).map((o) => parseOption(o, name)));
            else if (mode !== 'text')
                doc.examples = p.split('\n').map((l) => l.trim());
            else if (!doc.usage && p.startsWith('    '))
                doc.usage = p.trim().replace(/\s*\n\s*/g, '\n       ');
            else
                description.push(unescape(p));
        }
        docs.set(name, { ...doc, description: description.join('\n') });
    }
    return docs;
}
let cached;
/** docs/cli.md, read once (it sits two folders above this module in the source tree and in the package). */
export function commandDocs() {
    cached ??= parseCommandDocs(readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8'));
    return cached;
}
/** A command's help and options: its section of docs/cli.md. */
export function commandDoc(c) {
    const d = commandDocs().get(c.name);
    if (!d)
        throw new Error(`docs/cli.md has no section for the command ${c.name}`);
    return d;
}
export function version() {
    const pkg = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    return JSON.parse(pkg).version;
}
/** Words of each line of `text` joined up to `width` characters (a longer word stands alone). */
function wrap(text, width = 100) {
    const line = (para) => para.split(' ').reduce((ls, w) => {
        const last = ls[ls.length - 1];
        if (last && `${last} ${w}`.length > width)
            ls.push(w);
        else
            ls[ls.length - 1] = last ? `${last} ${w}` : w;
        return ls;
    }, ['']);
    return text.split('\n').flatMap(line).join('\n');
}
/** `lookalike <command> --help`. */
export function commandHelp(c) {
    const d = commandDoc(c);
    const rows = Object.entries({ ...d.options, ...COMMON }).map(([name, o]) => [
        `${o.short ? `-${o.short}, ` : '    '}--${name}${o.placeholder ? ` ${o.placeholder}` : ''}`,
        o.description,
    ]);
    const w = Math.max(...rows.map((r) => r[0].length)) + 2;
    const examples = [d.examples.length > 1 ? 'Examples:' : 'Example:', ...d.examples.map((e) => `  ${e}`)];
    const options = rows.map(([l, text]) => `  ${l.padEnd(w)}${text}`);
    return [`Usage: ${d.usage}`, '', wrap(d.description), '', 'Options:', ...options, '', ...examples, ''].join('\n');
}
/** `lookalike --help`: every command with its summary, in the order of `names`. */
export function mainHelp(names) {
    const w = Math.max(...names.map((n) => n.length)) + 2;
    return [
        `lookalike ${version()} — private synthetic lookalikes of sensitive tables, with the evidence of what they are worth.`,
        '',
        'Usage: lookalike <command> [options]     (lookalike <command> --help for details)',
        '',
        'Commands:',
        ...names.map((n) => `  ${n.padEnd(w)}${commandDocs().get(n)?.summary ?? ''}`),
        '',
        'Exit codes: 0 ok, 1 error (bad input data or files), 2 usage (bad command line), 3 a policy target failed.',
        '',
        'Start here:',
        '  npx lookalike demo',
        '  npx lookalike run data.csv --out-dir out/',
        '',
    ].join('\n');
}
//# sourceMappingURL=help.js.map