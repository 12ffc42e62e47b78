import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { registerBuiltinCatalog } from '../synthesizers/catalog.js';
import { LookalikeError } from '../errors.js';
import type { CliContext, Command, ParsedArgs } from './command.js';
import type { ProgressEvent } from '../progress.js';
import { inspectCommand } from './commands/inspect.js';
import { fitCommand } from './commands/fit.js';
import { sampleCommand } from './commands/sample.js';
import { discloseCommand } from './commands/disclose.js';
import { runCommand } from './commands/run.js';
import { demoCommand } from './commands/demo.js';
import { synthesizersCommand } from './commands/synthesizers.js';
import { evaluateCommand } from './commands/evaluate.js';
import { reportCommand } from './commands/report.js';
import { policyCommand } from './commands/policy.js';
import { sweepCommand } from './commands/sweep.js';
import { ledgerCommand } from './commands/ledger.js';

registerBuiltinCatalog();

/** Every command, in the order `lookalike --help` lists them. */
export const COMMANDS: Command[] = [
  demoCommand,
  runCommand,
  inspectCommand,
  fitCommand,
  sampleCommand,
  discloseCommand,
  synthesizersCommand,
  evaluateCommand,
  reportCommand,
  policyCommand,
  sweepCommand,
  ledgerCommand,
];

/** Options every command takes. */
const COMMON = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  json: { type: 'boolean', description: 'print the result as JSON on stdout (for machines)' },
  quiet: { type: 'boolean', short: 'q', description: 'no progress on stderr' },
} as const;

export interface CliStreams {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stderrIsTTY: boolean;
}

const defaultStreams = (): CliStreams => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTTY: !!process.stderr.isTTY,
});

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return 'unknown';
  }
}

function wrap(text: string, width = 100, indent = ''): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && (indent + line + ' ' + word).length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out.join('\n');
}

export function commandHelp(c: Command): string {
  const opts = { ...c.options, ...COMMON };
  const rows = Object.entries(opts).map(([name, o]) => {
    const left = `${'short' in o && o.short ? `-${o.short}, ` : '    '}--${name}${'placeholder' in o && o.placeholder ? ` ${o.placeholder}` : ''}`;
    return [left, o.description] as const;
  });
  const w = Math.max(...rows.map((r) => r[0].length)) + 2;
  return [
    `Usage: ${c.usage}`,
    '',
    wrap(c.description),
    '',
    'Options:',
    ...rows.map(([l, d]) => `  ${l.padEnd(w)}${d}`),
    '',
    c.examples.length > 1 ? 'Examples:' : 'Example:',
    ...c.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

export function mainHelp(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    `lookalike ${version()} — private synthetic lookalikes of sensitive tables, with the evidence of what they are worth.`,
    '',
    'Usage: lookalike <command> [options]     (lookalike <command> --help for details)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(w)}${c.summary}`),
    '',
    'Exit codes: 0 ok, 1 error (bad input data or files), 2 usage (bad command line), 3 a policy target failed.',
    '',
    'Start here:',
    '  npx lookalike demo',
    '  npx lookalike run data.csv --out-dir out/',
    '',
  ].join('\n');
}

function makeContext(streams: CliStreams, json: boolean, quiet: boolean): CliContext {
  const silent = json || quiet;
  let lastPhase = '';
  let lastTime = 0;
  let open = false;
  const closeLine = () => {
    if (open) {
      streams.stderr('\n');
      open = false;
    }
  };
  return {
    json,
    out: (t) => {
      closeLine();
      streams.stdout(t.endsWith('\n') ? t : `${t}\n`);
    },
    err: (t) => {
      closeLine();
      streams.stderr(t.endsWith('\n') ? t : `${t}\n`);
    },
    step: (t) => {
      if (silent) return;
      closeLine();
      streams.stderr(`${t}\n`);
    },
    progress: (e: ProgressEvent) => {
      if (silent) return;
      const now = Date.now();
      const frac = e.total ? ` ${e.done ?? 0}/${e.total}` : '';
      const msg = `  ${e.phase}${frac}${e.message ? ` — ${e.message}` : ''}`;
      if (streams.stderrIsTTY) {
        streams.stderr(`\r\x1b[2K${msg}`);
        open = true;
        if (e.total && e.done === e.total) closeLine();
      } else if (e.phase !== lastPhase || now - lastTime > 2000 || (e.total && e.done === e.total)) {
        streams.stderr(`${msg}\n`);
        lastTime = now;
      }
      lastPhase = e.phase;
    },
  };
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], streams: CliStreams = defaultStreams()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && rest[0]) {
      const c = COMMANDS.find((x) => x.name === rest[0]);
      if (c) {
        streams.stdout(commandHelp(c));
        return 0;
      }
    }
    streams.stdout(mainHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    streams.stdout(`${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    streams.stderr(
      `lookalike: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See lookalike --help.\n`,
    );
    return 2;
  }
  let parsed: ParsedArgs;
  try {
    const p = parseArgs({
      args: rest,
      options: { ...command.options, ...COMMON } as Parameters<typeof parseArgs>[0] extends infer T
        ? T extends { options?: infer O }
          ? O
          : never
        : never,
      allowPositionals: true,
      strict: true,
    });
    parsed = { positionals: p.positionals, values: p.values as ParsedArgs['values'] };
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    streams.stderr(`lookalike ${name}: ${msg}\nSee lookalike ${name} --help.\n`);
    return 2;
  }
  if (parsed.values.help) {
    streams.stdout(commandHelp(command));
    return 0;
  }
  const need = command.positionals.length - (command.optionalPositionals ?? 0);
  if (parsed.positionals.length < need || parsed.positionals.length > command.positionals.length) {
    streams.stderr(
      `lookalike ${name}: expected ${need === command.positionals.length ? need : `${need} to ${command.positionals.length}`} argument(s) (${command.positionals.join(', ')}), got ${parsed.positionals.length}\nUsage: ${command.usage}\n`,
    );
    return 2;
  }
  const ctx = makeContext(streams, parsed.values.json === true, parsed.values.quiet === true);
  try {
    return await command.run(parsed, ctx);
  } catch (e) {
    if (e instanceof LookalikeError) {
      ctx.err(`lookalike ${name}: ${e.message}`);
      if (e.kind === 'usage') {
        ctx.err(`See lookalike ${name} --help.`);
        return 2;
      }
      return 1;
    }
    const err = e as Error;
    ctx.err(`lookalike ${name}: internal error: ${err?.message ?? String(e)}`);
    if (process.env.LOOKALIKE_DEBUG) ctx.err(err?.stack ?? '');
    else ctx.err('Set LOOKALIKE_DEBUG=1 for the stack trace, and please report it.');
    return 1;
  }
}
