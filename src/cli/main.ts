import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliContext, Command, OptionSpec, ParsedArgs } from './command.js';
import type { ProgressEvent } from '../progress.js';
import { printable } from '../format.js';
import { LookalikeError } from '../errors.js';
import { COMMON, commandDoc, commandDocs, commandHelp, mainHelp, version } from './help.js';
import { useNodeThreads } from '../io/nn-threads.js';

// the CLI lets the nn engine start worker threads: the learned synthesizers' `threads` option (docs/nn.md)
useNodeThreads();

/**
 * Every command, in the order `lookalike --help` lists them: the sections of docs/cli.md (help.ts), each the module
 * of the same name in commands/. A command's module (and what it imports: DuckDB, vega, the synthesizers…) is
 * loaded only when that command runs or shows its help, so `lookalike --help` loads none of them (issue 9). The
 * import is left to the runtime (`@vite-ignore`: the tests run the TypeScript, where Node runs the build).
 */
export const COMMAND_INDEX = [...commandDocs().keys()].map((name) => ({
  name,
  load: async () =>
    ((await import(/* @vite-ignore */ `./commands/${name}.js`)) as { command: Command }).command,
}));

/** Loads every command (tests, documentation); the CLI itself loads only the one it runs. */
export const loadCommands = (): Promise<Command[]> => Promise.all(COMMAND_INDEX.map((c) => c.load()));

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

/**
 * The context of one command: results on stdout, messages, steps and progress on stderr (steps and progress not
 * with --json or --quiet), everything through `printable` so no control character of a name or value reaches the
 * terminal. On a terminal progress rewrites one line; elsewhere it prints a line per phase, every 2 s and at the end.
 */
function makeContext(streams: CliStreams, json: boolean, quiet: boolean): CliContext {
  let [lastPhase, lastTime, open] = ['', 0, false];
  const print = (to: 'stdout' | 'stderr', t: string) => {
    if (open) streams.stderr('\n');
    open = false;
    streams[to](printable(t.endsWith('\n') ? t : `${t}\n`));
  };
  const out = (t: string) => print('stdout', t);
  return {
    json,
    out,
    outJson: (value) => out(JSON.stringify(value, null, 2)),
    err: (t) => print('stderr', t),
    step: (t) => json || quiet || print('stderr', `${t}\n`),
    progress: (e: ProgressEvent) => {
      if (json || quiet) return;
      const [now, end] = [Date.now(), !!e.total && e.done === e.total];
      const msg = printable(
        `  ${e.phase}${e.total ? ` ${e.done ?? 0}/${e.total}` : ''}${e.message ? ` — ${e.message}` : ''}`,
      );
      if (streams.stderrIsTTY) {
        // the only control sequence lookalike prints itself: back to the start of the line, clear it
        streams.stderr(`\r\x1b[2K${msg}${end ? '\n' : ''}`);
        open = !end;
      } else if (e.phase !== lastPhase || now - lastTime > 2000 || end) {
        streams.stderr(`${msg}\n`);
        lastTime = now;
      }
      lastPhase = e.phase;
    },
  };
}

/** A value that is a negative number (`-1`, `-0.5`, `-.5`, `-1e3`, `-Infinity`), not an option. */
const NEGATIVE_NUMBER = /^-(?:\d|\.\d|inf)/i;

/**
 * `--rows -1` → `--rows=-1` (and `-n -1` likewise) for options that take a value: node's parseArgs refuses a
 * value that starts with a dash ("argument is ambiguous"), which hid the real problem (a negative number) from the
 * user; joined, the option's own check says what is wrong with the value.
 */
export function joinNegativeValues(
  argv: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [a, next] = [argv[i], argv[i + 1]];
    if (a === '--') return [...out, ...argv.slice(i)];
    const short = /^-[^-]$/.test(a) ? Object.keys(options).find((k) => options[k].short === a[1]) : undefined;
    const name = /^--[^=]+$/.test(a) ? a.slice(2) : short;
    const joined = next !== undefined && NEGATIVE_NUMBER.test(next) && options[name ?? '']?.type === 'string';
    out.push(joined ? `--${name}=${argv[++i]}` : a);
  }
  return out;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], streams: CliStreams = defaultStreams()): Promise<number> {
  const print = (to: 'stdout' | 'stderr', t: string) => streams[to](printable(t));
  const [name, ...rest] = argv;
  const entry = COMMAND_INDEX.find((c) => c.name === (name === 'help' ? rest[0] : name));
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    print(
      'stdout',
      name === 'help' && entry ? commandHelp(await entry.load()) : mainHelp(COMMAND_INDEX.map((c) => c.name)),
    );
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    print('stdout', `${version()}\n`);
    return 0;
  }
  if (!entry) {
    const names = COMMAND_INDEX.map((c) => c.name).join(', ');
    print('stderr', `lookalike: unknown command "${name}". Commands: ${names}. See lookalike --help.\n`);
    return 2;
  }
  const command = await entry.load();
  const { positionals: names, optionalPositionals = 0, variadic } = command;
  let parsed: ParsedArgs;
  try {
    const options = { ...commandDoc(command).options, ...COMMON };
    const p = parseArgs({
      args: joinNegativeValues(rest, options),
      options: options as ParseArgsConfig['options'],
      allowPositionals: true,
      strict: true,
    });
    parsed = { positionals: p.positionals, values: p.values as ParsedArgs['values'] };
  } catch (e) {
    const msg = (e as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    print('stderr', `lookalike ${name}: ${msg}\nSee lookalike ${name} --help.\n`);
    return 2;
  }
  if (parsed.values.help) {
    print('stdout', commandHelp(command));
    return 0;
  }
  const [need, got] = [names.length - optionalPositionals, parsed.positionals.length];
  if (got < need || (got > names.length && !variadic)) {
    const n = need === names.length ? need : `${need} to ${names.length}`;
    const why = `expected ${n} argument(s) (${names.join(', ')}), got ${got}`;
    print('stderr', `lookalike ${name}: ${why}\nUsage: ${commandDoc(command).usage}\n`);
    return 2;
  }
  const ctx = makeContext(streams, parsed.values.json === true, parsed.values.quiet === true);
  try {
    // the synthesizers the CLI offers, registered lazily (each loads its code when a command first needs it)
    if (command.needsSynthesizers !== false)
      (await import('../synthesizers/register-catalog.js')).registerBuiltinCatalog();
    return await command.run(parsed, ctx);
  } catch (e) {
    const usage = e instanceof LookalikeError && e.kind === 'usage';
    if (e instanceof LookalikeError) ctx.err(`lookalike ${name}: ${e.message}`);
    else {
      const err = e as Error;
      ctx.err(`lookalike ${name}: internal error: ${err?.message ?? String(e)}`);
      if (process.env.LOOKALIKE_DEBUG) ctx.err(err?.stack ?? '');
      else ctx.err('Set LOOKALIKE_DEBUG=1 for the stack trace, and please report it.');
    }
    if (usage) ctx.err(`See lookalike ${name} --help.`);
    return usage ? 2 : 1;
  }
}
