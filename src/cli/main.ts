import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import type { CliContext, Command, ParsedArgs } from './command.js';
import type { ProgressEvent } from '../progress.js';
import { printable } from './printable.js';
import { LookalikeError } from '../errors.js';

/**
 * Every command, in the order `lookalike --help` lists them: its name, its one-line summary and how to load it.
 * A command's module (and what it imports: DuckDB, vega, the synthesizers…) is loaded only when that command
 * runs or shows its help, so `lookalike --help` loads none of them (issue 9: a CLI that starts fast). A test keeps
 * each summary equal to the loaded command's own.
 */
export const COMMAND_INDEX: readonly { name: string; summary: string; load: () => Promise<Command> }[] = [
  {
    name: 'demo',
    summary: 'run the whole job on a real table shipped with lookalike (Palmer penguins)',
    load: async () => (await import('./commands/demo.js')).demoCommand,
  },
  {
    name: 'run',
    summary: 'the main job: fit, sample, evaluate and report, everything written to one folder',
    load: async () => (await import('./commands/run.js')).runCommand,
  },
  {
    name: 'inspect',
    summary: 'show the inferred schema of a table (kinds, roles, domains) and write it as a metadata file',
    load: async () => (await import('./commands/inspect.js')).inspectCommand,
  },
  {
    name: 'fit',
    summary: 'fit a synthesizer to a table and save the model (JSON)',
    load: async () => (await import('./commands/fit.js')).fitCommand,
  },
  {
    name: 'sample',
    summary: 'draw synthetic rows from a saved model, optionally conditioned or rebalanced',
    load: async () => (await import('./commands/sample.js')).sampleCommand,
  },
  {
    name: 'disclose',
    summary: 'post-hoc disclosure control of a synthetic table: merge, code, round, k-anonymise, filter',
    load: async () => (await import('./commands/disclose.js')).discloseCommand,
  },
  {
    name: 'synthesizers',
    summary: 'list the synthesizers, their privacy guarantee and options',
    load: async () => (await import('./commands/synthesizers.js')).synthesizersCommand,
  },
  {
    name: 'evaluate',
    summary: 'measure the fidelity and utility of a synthetic table against the real one',
    load: async () => (await import('./commands/evaluate.js')).evaluateCommand,
  },
  {
    name: 'report',
    summary:
      'render an evaluation as a self-contained HTML report (or Markdown / JSON), checked against a policy',
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
  {
    name: 'policy',
    summary: 'write, check or show a policy: the targets a synthetic table must meet',
    load: async () => (await import('./commands/policy.js')).policyCommand,
  },
  {
    name: 'sweep',
    summary:
      'fit and evaluate synthesizers across privacy budgets ε; plot the trade-off and recommend a point',
    load: async () => (await import('./commands/sweep.js')).sweepCommand,
  },
  {
    name: 'app',
    summary: 'start the browser app on 127.0.0.1: drop a table, choose the trade-off, download the results',
    load: async () => (await import('./commands/app.js')).appCommand,
  },
  {
    name: 'measure',
    summary: "federated synthesis, at one site: measure this site's table into a file of noisy marginals",
    load: async () => (await import('./commands/measure.js')).measureCommand,
  },
  {
    name: 'combine',
    summary: "federated synthesis: one model from several sites' measurement files, sampled",
    load: async () => (await import('./commands/combine.js')).combineCommand,
  },
  {
    name: 'ledger',
    summary: 'print the privacy ledger of a model: every measurement and the total (ε, δ)',
    load: async () => (await import('./commands/ledger.js')).ledgerCommand,
  },
];

/** Loads every command (tests, documentation); the CLI itself loads only the one it runs. */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(COMMAND_INDEX.map((c) => c.load()));
}

/** The synthesizers the CLI offers, registered lazily (each loads its code when a command first needs it). */
async function registerSynthesizers(): Promise<void> {
  const { registerBuiltinCatalog } = await import('../synthesizers/register-catalog.js');
  registerBuiltinCatalog();
}

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
  const w = Math.max(...COMMAND_INDEX.map((c) => c.name.length)) + 2;
  return [
    `lookalike ${version()} — private synthetic lookalikes of sensitive tables, with the evidence of what they are worth.`,
    '',
    'Usage: lookalike <command> [options]     (lookalike <command> --help for details)',
    '',
    'Commands:',
    ...COMMAND_INDEX.map((c) => `  ${c.name.padEnd(w)}${c.summary}`),
    '',
    'Exit codes: 0 ok, 1 error (bad input data or files), 2 usage (bad command line), 3 a policy target failed.',
    '',
    'Start here:',
    '  npx lookalike demo',
    '  npx lookalike run data.csv --out-dir out/',
    '',
  ].join('\n');
}

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
  return {
    json,
    out: (t) => {
      closeLine();
      safe.stdout(t.endsWith('\n') ? t : `${t}\n`);
    },
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
export function joinNegativeValues(argv: readonly string[], options: Command['options']): string[] {
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
    streams.stdout(mainHelp());
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
    const options = { ...command.options, ...COMMON };
    const p = parseArgs({
      args: joinNegativeValues(rest, options),
      options: options as Parameters<typeof parseArgs>[0] extends infer T
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
  if (
    parsed.positionals.length < need ||
    (parsed.positionals.length > command.positionals.length && !command.variadic)
  ) {
    streams.stderr(
      `lookalike ${name}: expected ${need === command.positionals.length ? need : `${need} to ${command.positionals.length}`} argument(s) (${command.positionals.join(', ')}), got ${parsed.positionals.length}\nUsage: ${command.usage}\n`,
    );
    return 2;
  }
  const ctx = makeContext(rawStreams, parsed.values.json === true, parsed.values.quiet === true);
  try {
    if (command.needsSynthesizers !== false) await registerSynthesizers();
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
