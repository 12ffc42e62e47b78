/**
 * The bad-input suite (issue 17): every input kind of `cases.ts` × every command that reads that kind of file, run
 * in-process through the CLI's `main(argv, streams)`. Each run must give the expected exit code, a message that
 * names the problem, no "internal error", no planted cell value (SECRET) in any message, and — when it fails — no
 * file at its output path and no temporary file left beside it.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Table as ArrowTable, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlString, withDuck } from '../../src/io/duck.js';
import { cli } from '../cli/helpers.js';
import {
  ALL_CASES,
  type Expect,
  type FuzzCase,
  type Fixtures,
  type InputRole,
  SECRET,
  goodCsv,
} from './cases.js';

let root: string;
let good: string; // a valid table
let goodEvaluation: string; // an evaluation of it
let fixtures: Fixtures;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lookalike-fuzz-'));
  good = join(root, 'good.csv');
  writeFileSync(good, goodCsv());
  const fx = join(root, 'fixtures');
  mkdirSync(fx);
  const must = async (...argv: string[]) => {
    const r = await cli(...argv, '--quiet');
    if (r.code !== 0) throw new Error(`fixture: lookalike ${argv.join(' ')} failed: ${r.stderr}`);
  };
  await must('fit', good, '--synthesizer', 'independent', '--out', join(fx, 'model.json'));
  await must('inspect', good, '--public-domains', '--out', join(fx, 'public.json'));
  await must(
    'fit',
    good,
    '--synthesizer',
    'mst',
    '--epsilon',
    '1',
    '--metadata',
    join(fx, 'public.json'),
    '--out',
    join(fx, 'dp.json'),
  );
  goodEvaluation = join(fx, 'evaluation.json');
  await must('evaluate', good, good, '--out', goodEvaluation);
  let n = 0;
  fixtures = {
    model: JSON.parse(readFileSync(join(fx, 'model.json'), 'utf8')) as Record<string, unknown>,
    dpModel: JSON.parse(readFileSync(join(fx, 'dp.json'), 'utf8')) as Record<string, unknown>,
    parquet: async (select) => {
      const p = join(fx, `made-${n++}.parquet`);
      await withDuck((con) => con.run(`COPY (${select}) TO ${sqlString(p)} (FORMAT parquet)`));
      return readFileSync(p);
    },
    emptyArrow: tableToIPC(new ArrowTable(), 'file'),
  };
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

interface Run {
  readonly command: string;
  readonly argv: string[];
  /** Paths a failed run must not leave behind. */
  readonly outputs: string[];
}

/** The commands that read an input of this role, with `input` in its place and outputs under `out`. */
function runsFor(role: InputRole, input: string, out: string): Run[] {
  const o = (name: string) => join(out, name);
  switch (role) {
    case 'table':
      return [
        {
          command: 'inspect',
          argv: ['inspect', input, '--out', o('metadata.json')],
          outputs: [o('metadata.json')],
        },
        {
          command: 'fit',
          argv: ['fit', input, '--synthesizer', 'independent', '--out', o('model.json')],
          outputs: [o('model.json')],
        },
        {
          command: 'run',
          argv: ['run', input, '--no-evaluate', '--out-dir', o('run')],
          outputs: [o('run/model.json'), o('run/synthetic.csv')],
        },
        {
          command: 'evaluate',
          argv: ['evaluate', input, input, '--out', o('ev.json')],
          outputs: [o('ev.json')],
        },
      ];
    case 'metadata':
      return [
        {
          command: 'inspect',
          argv: ['inspect', good, '--metadata', input, '--out', o('metadata.json')],
          outputs: [o('metadata.json')],
        },
        {
          command: 'fit',
          argv: ['fit', good, '--metadata', input, '--synthesizer', 'independent', '--out', o('model.json')],
          outputs: [o('model.json')],
        },
        {
          command: 'evaluate',
          argv: ['evaluate', good, good, '--metadata', input, '--out', o('ev.json')],
          outputs: [o('ev.json')],
        },
      ];
    case 'model':
      return [
        {
          command: 'sample',
          argv: ['sample', input, '--rows', '5', '--out', o('s.csv')],
          outputs: [o('s.csv')],
        },
        { command: 'ledger', argv: ['ledger', input], outputs: [] },
        {
          command: 'report',
          argv: ['report', goodEvaluation, '--model', input, '--out', o('r.html')],
          outputs: [o('r.html')],
        },
      ];
    case 'policy':
      return [
        { command: 'policy', argv: ['policy', 'check', input], outputs: [] },
        {
          command: 'report',
          argv: ['report', goodEvaluation, '--policy', input, '--out', o('r.html')],
          outputs: [o('r.html')],
        },
      ];
    case 'evaluation':
      return [
        { command: 'report', argv: ['report', input, '--out', o('r.html')], outputs: [o('r.html')] },
        {
          command: 'report',
          argv: ['report', input, '--format', 'json', '--out', o('r.json')],
          outputs: [o('r.json')],
        },
      ];
  }
}

/** Valid inputs run through `run` and `evaluate` only when marked `downstream` (keeps the suite fast). */
function skipped(c: FuzzCase, command: string): boolean {
  if (c.only) return !c.only.includes(command);
  return c.expect.code === 0 && !c.downstream && (command === 'evaluate' || command === 'run');
}

async function check(c: FuzzCase): Promise<string[]> {
  const dir = join(root, c.name.replace(/[^a-z0-9]+/gi, '-'));
  mkdirSync(dir);
  const files = { ...(c.files ?? {}), ...(c.make ? await c.make(fixtures) : {}) };
  const names = Object.keys(files);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const input = join(dir, names[0]);
  const failures: string[] = [];
  for (const run of runsFor(c.role, input, join(dir, 'out'))) {
    if (skipped(c, run.command)) continue;
    const out = join(dir, 'out');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const want: Expect = c.byCommand?.[run.command] ?? c.expect;
    const r = await cli(...run.argv);
    const all = `${r.stdout}\n${r.stderr}`;
    const where = `lookalike ${run.argv.join(' ').replaceAll(root, '…')}`;
    if (r.code !== want.code)
      failures.push(`${where}: exit ${r.code}, expected ${want.code}\n${r.stderr.slice(0, 400)}`);
    if (want.message && !want.message.test(r.stderr))
      failures.push(`${where}: stderr does not match ${want.message}\n${r.stderr.slice(0, 400)}`);
    if (/internal error/i.test(all)) failures.push(`${where}: internal error\n${r.stderr.slice(0, 400)}`);
    if (r.stderr.includes(SECRET) || (r.code !== 0 && r.stdout.includes(SECRET)))
      failures.push(`${where}: a cell value reached the output`);
    if (r.code !== 0) {
      for (const p of run.outputs) if (existsSync(p)) failures.push(`${where}: left ${p.replace(dir, '')}`);
      const leftovers = readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.tmp'));
      if (leftovers.length) failures.push(`${where}: left temporary files ${leftovers.join(', ')}`);
    }
  }
  return failures;
}

describe('bad and unusual inputs × the commands that read them', () => {
  it('the catalogue covers at least 40 input kinds', () => {
    expect(new Set(ALL_CASES.map((c) => c.name)).size).toBe(ALL_CASES.length);
    expect(ALL_CASES.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of ALL_CASES) {
    it(c.name, async () => {
      expect(await check(c)).toEqual([]);
    });
  }
});
