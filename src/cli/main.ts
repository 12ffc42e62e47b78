import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliContext, Command, OptionSpec, ParsedArgs } from './command.js';
import type { ProgressEvent } from '../progress.js';
import { printable } from './printable.js';
import { LookalikeError } from '../errors.js';
import { COMMON, commandDoc, commandDocs, commandHelp, mainHelp, version } from './help.js';

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
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(COMMAND_INDEX.map((c) => c.load()));
}

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

/** Streams that pass everything through `printable`: no control character of a name or value reaches a terminal. */
function safeStreams(streams: CliStreams): CliStreams {
  return {
    stdout: (t) => streams.stdout(printable(t)),
    stderr: (t) => streams.stderr(printable(t)),
    stderrIsTTY: streams.stderrIsTTY,
  };
}

function makeContext(streams: CliStreams, json: boolean, quiet: boolean): CliContext {
  const silent = json || quiet;
  const safe = safeStreams(streams);
  let lastPhase = '';
  let lastTime = 0;
  let open = false;
  const closeLine = () => {
    if (open) {
      streams.stderr('\n');
      open = false;
    }
  };
  const out = (t: string) => {
    closeLine();
    safe.stdout(t.endsWith('\n') ? t : `${t}\n`);
  };
  return {
    json,
    out,
    outJson: (value) => out(JSON.stringify(value, null, 2)),
    err: (t) => {
      closeLine();
      safe.stderr(t.endsWith('\n') ? t : `${t}\n`);
    },
    step: (t) => {
      if (silent) return;
      closeLine();
      safe.stderr(`${t}\n`);
    },
    progress: (e: ProgressEvent) => {
      if (silent) return;
      const now = Date.now();
      const frac = e.total ? ` ${e.done ?? 0}/${e.total}` : '';
      const msg = printable(`  ${e.phase}${frac}${e.message ? ` — ${e.message}` : ''}`);
      if (streams.stderrIsTTY) {
        // the only control sequence lookalike prints itself: back to the start of the line, clear it
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
    const a = argv[i];
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (next !== undefined && NEGATIVE_NUMBER.test(next)) {
      let name: string | undefined;
      if (/^--[^=]+$/.test(a)) name = a.slice(2);
      else if (/^-[^-]$/.test(a)) name = Object.keys(options).find((k) => options[k].short === a.slice(1));
      if (name !== undefined && options[name]?.type === 'string') {
        out.push(`--${name}=${next}`);
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], rawStreams: CliStreams = defaultStreams()): Promise<number> {
  const streams = safeStreams(rawStreams);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name === 'help' && rest[0]) {
      const c = COMMAND_INDEX.find((x) => x.name === rest[0]);
      if (c) {
        streams.stdout(commandHelp(await c.load()));
        return 0;
      }
    }
    streams.stdout(mainHelp(COMMAND_INDEX.map((c) => c.name)));
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    streams.stdout(`${version()}\n`);
    return 0;
  }
  const entry = COMMAND_INDEX.find((c) => c.name === name);
  if (!entry) {
    streams.stderr(
      `lookalike: unknown command "${name}". Commands: ${COMMAND_INDEX.map((c) => c.name).join(', ')}. See lookalike --help.\n`,
    );
    return 2;
  }
  const command = await entry.load();
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
    streams.stderr(`lookalike ${name}: ${msg}\nSee lookalike ${name} --help.\n`);
    return 2;
  }
  if (parsed.values.help) {
    streams.stdout(commandHelp(command));
    return 0;
  }
  const need = command.positionals.length - (command.optionalPositionals ?? 0);
  if (
    parsed.positionals.length < need ||
    (parsed.positionals.length > command.positionals.length && !command.variadic)
  ) {
    streams.stderr(
      `lookalike ${name}: expected ${need === command.positionals.length ? need : `${need} to ${command.positionals.length}`} argument(s) (${command.positionals.join(', ')}), got ${parsed.positionals.length}\nUsage: ${commandDoc(command).usage}\n`,
    );
    return 2;
  }
  const ctx = makeContext(rawStreams, parsed.values.json === true, parsed.values.quiet === true);
  try {
    // the synthesizers the CLI offers, registered lazily (each loads its code when a command first needs it)
    if (command.needsSynthesizers !== false)
      (await import('../synthesizers/register-catalog.js')).registerBuiltinCatalog();
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
