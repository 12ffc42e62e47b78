import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, DATA, tempDir } from './helpers.js';
import { parseArgs } from 'node:util';
import { COMMON, commandDoc } from '../../src/cli/help.js';
import { PRIVACY_ATTACKS } from '../../src/metrics/privacy/index.js';
import { loadCommands } from '../../src/cli/main.js';

const SHARED = [
  ...['delimiter', 'quote', 'no-header', 'metadata', 'epsilon', 'delta', 'sql', 'option', 'holdout'],
  ...['holdout-fraction', 'target', 'privacy', 'policy', 'attacks', 'attack-count'],
];

/** One meaning per flag across the commands (src/cli/flags.ts), and the old spellings kept with a note. */
describe('flags', () => {
  it('a flag name has one type everywhere, and a short letter one flag name (-m is --metadata)', async () => {
    const commands = await loadCommands();
    const shorts = new Map<string, Set<string>>();
    const types = new Map<string, string>();
    const helps = new Map<string, string>();
    for (const c of commands)
      for (const [name, spec] of Object.entries(commandDoc(c).options)) {
        const first = types.get(name) ?? spec.type;
        types.set(name, first);
        expect({ command: c.name, name, type: spec.type }).toEqual({ command: c.name, name, type: first });
        // the flags of reading, fitting, holding out and attacking mean one thing, said in one help line
        if (SHARED.includes(name) && !(c.name === 'report' && name === 'metadata')) {
          const said = helps.get(name) ?? spec.description;
          helps.set(name, said);
          expect({ command: c.name, name, help: spec.description }).toEqual({
            command: c.name,
            name,
            help: said,
          });
        }
        if (spec.short && !(c.name === 'report' && name === 'metadata'))
          // report's deprecated -m (read as --model)
          shorts.set(spec.short, new Set([...(shorts.get(spec.short) ?? []), name]));
      }
    // -o names where the command writes (a file or a folder), -s the synthesizer(s) it runs
    const allowed: Record<string, string[]> = { o: ['out', 'out-dir'], s: ['synthesizer', 'synthesizers'] };
    for (const [letter, names] of shorts)
      for (const n of names) expect(allowed[letter] ?? [[...names][0]], `-${letter}`).toContain(n);
    expect([...(shorts.get('m') ?? [])]).toEqual(['metadata']);
  });

  it('every example in docs/cli.md parses with the options of the command it runs; --attacks lists every attack', async () => {
    const commands = await loadCommands();
    const docs = new Map(commands.map((c) => [c.name, commandDoc(c)]));
    for (const doc of docs.values()) {
      for (const example of doc.examples) {
        const line = example.split(/ && | {2}#/)[0];
        const words = (line.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((w) => w.replace(/^["']|["']$/g, ''));
        expect(words.slice(0, 2), example).toEqual(['npx', 'lookalike']);
        const options = { ...docs.get(words[2])?.options, ...COMMON } as NonNullable<
          Parameters<typeof parseArgs>[0]
        >['options'];
        expect(docs.has(words[2]), example).toBe(true);
        expect(
          () => parseArgs({ args: words.slice(3), options, allowPositionals: true, strict: true }),
          example,
        ).not.toThrow();
      }
      const attacks = doc.options.attacks?.description;
      if (attacks) for (const a of PRIVACY_ATTACKS) expect(attacks).toContain(a);
    }
  });

  it('--holdout is a file, --holdout-fraction a share; run --holdout 0.2 still works with a note', async () => {
    const dir = tempDir();
    const base = ['run', `${DATA}/penguins.json`, '--attacks', 'none', '--json', '-q'];
    const frac = await cli(...base, '--holdout-fraction', '0.5', '--out-dir', join(dir, 'a'));
    expect(frac.code, frac.stderr).toBe(0);
    expect(JSON.parse(frac.stdout).rows).toEqual({ input: 344, fitted: 172, holdout: 172, synthetic: 172 });
    const old = await cli(...base, '--holdout', '0.5', '--out-dir', join(dir, 'b'));
    expect(old.code, old.stderr).toBe(0);
    expect(old.stderr).toMatch(/--holdout 0\.5 as a fraction is deprecated; use --holdout-fraction 0\.5/);
    expect(JSON.parse(old.stdout).rows).toEqual(JSON.parse(frac.stdout).rows);
    // a holdout file: every row of the table is fitted on; the file's rows are the control
    const hold = join(dir, 'holdout.csv');
    writeFileSync(hold, readFileSync(join(dir, 'a', 'synthetic.csv'), 'utf8'));
    const file = await cli(...base.slice(0, -2), '--holdout', hold, '--json', '--out-dir', join(dir, 'c'));
    expect(file.code, file.stderr).toBe(0);
    expect(JSON.parse(file.stdout).rows).toMatchObject({ input: 344, fitted: 344, holdout: 172 });
    const both = await cli(
      ...base,
      '--holdout',
      hold,
      '--holdout-fraction',
      '0.1',
      '--out-dir',
      join(dir, 'd'),
    );
    expect(both.code).toBe(2);
    expect(existsSync(join(dir, 'd'))).toBe(false);
  });

  it('--attacks none skips the attacks in run and evaluate; an unknown attack is a usage error everywhere', async () => {
    const dir = tempDir();
    const r = await cli('run', `${DATA}/penguins.json`, '--attacks', 'none', '-q', '--out-dir', dir);
    expect(r.code, r.stderr).toBe(0);
    const ev = JSON.parse(readFileSync(join(dir, 'evaluation.json'), 'utf8'));
    expect(ev.privacy).toBeUndefined();
    expect(ev.inputs.holdout.rows).toBe(69);
    const syn = join(dir, 'synthetic.csv');
    const e = await cli(
      'evaluate',
      `${DATA}/penguins.json`,
      syn,
      '--holdout',
      syn,
      '--attacks',
      'none',
      '--json',
      '-q',
    );
    expect(e.code, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout).privacy).toBeUndefined();
    for (const cmd of [
      ['run', `${DATA}/penguins.json`, '--out-dir', join(dir, 'x')],
      ['sweep', `${DATA}/penguins.json`, '--synthesizers', 'independent', '--out-dir', join(dir, 'y')],
      ['evaluate', `${DATA}/penguins.json`, syn, '--json'],
    ]) {
      const bad = await cli(...cmd, '--attacks', 'telepathy');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--attacks: unknown attack "telepathy"/);
    }
  });

  it('report -m model.json still reads the model, with a deprecation note', async () => {
    const dir = tempDir();
    expect(
      (await cli('run', `${DATA}/penguins.json`, '--attacks', 'none', '-q', '--out-dir', dir)).code,
    ).toBe(0);
    const r = await cli(
      'report',
      join(dir, 'evaluation.json'),
      '-m',
      join(dir, 'model.json'),
      '--format',
      'json',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/report -m for the model file is deprecated/);
    expect(r.stderr).not.toMatch(/no --model given/);
    expect(JSON.parse(r.stdout).model.synthesizer).toBe('gaussian-copula');
  });
});
