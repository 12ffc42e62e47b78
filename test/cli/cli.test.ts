import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_INDEX, loadCommands } from '../../src/cli/main.js';
import { commandDoc } from '../../src/cli/help.js';
import { readTable } from '../../src/io/index.js';
import { cli, DATA, tempDir } from './helpers.js';

describe('lookalike --help', () => {
  it('lists every command, and each command has help with an example', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    const commands = await loadCommands();
    expect(commands.map((c) => c.name)).toEqual(COMMAND_INDEX.map((c) => c.name));
    for (const c of commands) {
      // every command has its help in docs/cli.md (src/cli/help.ts), and the main help lists its summary
      const doc = commandDoc(c);
      for (const field of ['summary', 'usage', 'description'] as const)
        expect(doc[field], `${c.name}: ${field}`).not.toBe('');
      expect(doc.examples.length, c.name).toBeGreaterThan(0);
      expect(top.stdout).toContain(doc.summary);
      expect(top.stdout).toContain(c.name);
      const h = await cli(c.name, '--help');
      expect(h.code).toBe(0);
      expect(h.stdout).toMatch(/^Usage: lookalike /);
      expect(h.stdout).toMatch(/Examples?:\n {2}npx lookalike /);
    }
  });

  it('answers a bad command line with exit code 2', async () => {
    expect((await cli('frobnicate')).code).toBe(2);
    const r = await cli('fit', `${DATA}/penguins.json`, '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--bogus/);
    expect((await cli('fit')).code).toBe(2);
    expect((await cli()).code).toBe(2);
  });
});

describe('end to end on vega-datasets tables', () => {
  for (const [file, synth] of [
    ['penguins.json', 'gaussian-copula'],
    ['movies.json', 'gaussian-copula'],
    ['birdstrikes.csv', 'independent'],
    ['seattle-weather.csv', 'gaussian-copula'],
  ] as const) {
    it(`${file} with ${synth}: same columns, kinds and domains; requested rows; same bytes for the same seed`, async () => {
      const dir = tempDir();
      const input = `${DATA}/${file}`;
      const model = join(dir, 'model.json');
      const fit = await cli('fit', input, '--synthesizer', synth, '--seed', '3', '--out', model, '--quiet');
      expect(fit.code, fit.stderr).toBe(0);
      expect(fit.stderr).toMatch(/not differentially private/);
      const a = join(dir, 'a.csv');
      const b = join(dir, 'b.csv');
      const c = join(dir, 'c.csv');
      expect((await cli('sample', model, '--rows', '250', '--seed', '9', '--out', a)).code).toBe(0);
      expect((await cli('sample', model, '--rows', '250', '--seed', '9', '--out', b)).code).toBe(0);
      expect((await cli('sample', model, '--rows', '250', '--seed', '10', '--out', c)).code).toBe(0);
      expect(readFileSync(a)).toEqual(readFileSync(b));
      expect(readFileSync(a)).not.toEqual(readFileSync(c));
      const real = await readTable(input);
      // read the synthetic file back with the real schema's kinds (text columns are written empty)
      const kinds = {
        columns: real.schema.columns.map((c) => ({
          name: c.name,
          kind: c.kind,
          ...(c.format ? { format: c.format } : {}),
        })),
      };
      const syn = await readTable(a, { metadata: kinds });
      expect(syn.table.nRows).toBe(250);
      expect(syn.table.names).toEqual(real.table.names);
      for (const spec of real.schema.columns) {
        const s = syn.schema.columns.find((x) => x.name === spec.name)!;
        if (spec.kind === 'text' || spec.kind === 'id') continue; // not modelled: fresh ids, empty text
        expect(s.kind, spec.name).toBe(spec.kind);
        const rd = spec.domain as { categories?: string[]; min?: number | string; max?: number | string };
        const sd = s.domain as typeof rd;
        if (rd?.categories) for (const cat of sd.categories ?? []) expect(rd.categories).toContain(cat);
        if (typeof rd?.min === 'number') {
          expect(sd.min as number).toBeGreaterThanOrEqual(rd.min);
          expect(sd.max as number).toBeLessThanOrEqual(rd.max as number);
        }
        if (spec.kind === 'datetime') expect(s.format).toBe(spec.format);
        if (spec.kind === 'numeric' && spec.integer) expect(s.integer).toBe(true);
      }
    });
  }

  it('run writes metadata, model and synthetic table; --json is machine-readable', async () => {
    const dir = tempDir();
    const r = await cli(
      'run',
      `${DATA}/penguins.json`,
      '--rows',
      '100',
      '--out-dir',
      dir,
      '--json',
      '--format',
      'parquet',
      '--no-evaluate',
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rows).toEqual({ input: 344, fitted: 344, holdout: 0, synthetic: 100 });
    expect(out.privacy).toEqual({ type: 'none' });
    for (const f of ['metadata.json', 'model.json', 'synthetic.parquet'])
      expect(existsSync(join(dir, f))).toBe(true);
    const syn = await readTable(join(dir, 'synthetic.parquet'));
    expect(syn.table.nRows).toBe(100);
  });

  it('run with a failing --policy writes everything, then exits 3 naming the failed targets', async () => {
    const dir = tempDir();
    const policy = join(dir, 'policy.json');
    writeFileSync(
      policy,
      JSON.stringify({ version: 1, name: 'strict', targets: [{ id: 'quality', op: '>=', value: 0.999 }] }),
    );
    const r = await cli(
      'run',
      `${DATA}/penguins.json`,
      '--target',
      'Species',
      '--privacy',
      'off',
      '--policy',
      policy,
      '--out-dir',
      dir,
      '-q',
    );
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/quality/);
    for (const f of ['evaluation.json', 'report.html', 'synthetic.csv'])
      expect(existsSync(join(dir, f))).toBe(true);
  });

  it('demo runs on a table the npm package ships and says where the output is', async () => {
    const dir = join(tempDir(), 'demo');
    const r = await cli('demo', '--out-dir', dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`The demo output is in ${dir}/`);
    expect(readdirSync(dir).sort()).toEqual([
      'evaluation.json',
      'metadata.json',
      'model.json',
      'report.html',
      'synthetic.csv',
    ]);
    // held out 20%, evaluated with Species as the target, attacked, reported
    const ev = JSON.parse(readFileSync(join(dir, 'evaluation.json'), 'utf8'));
    expect(ev.format).toBe('lookalike-evaluation');
    expect(ev.inputs.real.rows).toBe(275);
    expect(ev.privacy.metrics.length).toBeGreaterThan(5);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/Not differentially private/);
  });

  it('demo refuses a DP synthesizer with a usage error that names a way that works (it has no --epsilon)', async () => {
    const dir = join(tempDir(), 'demo-mst');
    const r = await cli('demo', '--synthesizer', 'mst', '--out-dir', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot run mst.*lookalike run --synthesizer mst --epsilon 1 --metadata/s);
    expect(existsSync(dir)).toBe(false);
  });

  it('inspect shows the schema and writes an editable metadata file', async () => {
    const dir = tempDir();
    const out = join(dir, 'meta.json');
    const r = await cli('inspect', `${DATA}/movies.json`, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Release Date\s+datetime \(MMM D YYYY\)/);
    const meta = JSON.parse(readFileSync(out, 'utf8'));
    expect(meta.columns.find((c: { name: string }) => c.name === 'MPAA Rating').domain.source).toBe(
      'inferred',
    );
    const pub = join(dir, 'pub.json');
    expect((await cli('inspect', `${DATA}/movies.json`, '--out', pub, '--public-domains', '-q')).code).toBe(
      0,
    );
    const pmeta = JSON.parse(readFileSync(pub, 'utf8'));
    expect(
      pmeta.columns
        .filter((c: { domain?: { source: string } }) => c.domain)
        .every((c: { domain: { source: string } }) => c.domain.source === 'public'),
    ).toBe(true);
    // the written file is accepted back as metadata
    expect((await cli('inspect', `${DATA}/movies.json`, '--metadata', pub, '-q')).code).toBe(0);
  });
});

describe('bad input: a clear message, exit code 1 (data) or 2 (command line), nothing half-written', () => {
  const SECRET = 'Zebulon-Quartermaine';
  function write(dir: string, name: string, content: string | Buffer): string {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  }
  async function expectFailure(args: string[], code: number, pattern: RegExp, outFile?: string) {
    const r = await cli(...args);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toContain(SECRET);
    if (outFile) expect(existsSync(outFile)).toBe(false);
    return r;
  }

  it('rejects each bad input file with its name and the problem', async () => {
    const dir = tempDir();
    const out = join(dir, 'model.json');
    const fit = (p: string, ...more: string[]) => ['fit', p, '--out', out, ...more];
    const rows = (k: number, f: (i: number) => string) =>
      Array.from({ length: k }, (_, i) => f(i)).join('\n');
    await expectFailure(fit(join(dir, 'nope.csv')), 1, /nope\.csv/, out);
    await expectFailure(fit(write(dir, 'empty.csv', '')), 1, /empty\.csv.*empty/i, out);
    await expectFailure(fit(write(dir, 'header.csv', 'a,b\n')), 1, /header\.csv/, out);
    await expectFailure(
      fit(write(dir, 'ragged.csv', `a,b\n1,2\n3,4,${SECRET}\n5,6\n`)),
      1,
      /ragged\.csv/,
      out,
    );
    await expectFailure(
      fit(write(dir, 'allmissing.csv', `a,b\n${rows(20, (i) => `${i},`)}\n`)),
      1,
      /column "b" is missing in all 20 rows/,
      out,
    );
    await expectFailure(fit(write(dir, 'single.csv', 'a,b\n1,2\n')), 1, /only 1 data row/, out);
    await expectFailure(
      fit(write(dir, 'mixed.csv', `a,b\n${rows(40, (i) => `${i},x${i % 3}`)}\n${SECRET},x1\n`)),
      1,
      /column "a" mixes numbers \(40 rows\) and text \(1 rows/,
      out,
    );
    await expectFailure(
      fit(write(dir, 'nan.csv', `a\n${rows(10, (i) => String(i))}\nNaN\nInfinity\n`)),
      1,
      /"NaN".*"Infinity"|1 "NaN" and 1 "Infinity"/,
      out,
    );
    const bad = Buffer.concat([
      Buffer.from('a,b\n1,x\n2,y\n3,'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('\n4,z\n'),
    ]);
    await expectFailure(fit(write(dir, 'utf8.csv', bad)), 1, /utf8\.csv.*(UTF-8|utf-8|encoding)/is, out);
  });

  it('handles a 100,000-value column: an id when inferred, an error when declared categorical', async () => {
    const dir = tempDir();
    const p = write(
      dir,
      'wide.csv',
      `user,x\n${Array.from({ length: 100_000 }, (_, i) => `u${i},${i % 5}`).join('\n')}\n`,
    );
    const ok = await cli('inspect', p, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).columns[0].kind).toBe('id');
    const meta = write(
      dir,
      'meta.json',
      JSON.stringify({ columns: [{ name: 'user', kind: 'categorical' }] }),
    );
    await expectFailure(
      ['inspect', p, '--metadata', meta],
      1,
      /"user" is declared categorical but has 100000 distinct values/,
    );
  });

  it('rejects metadata that contradicts the data or is malformed, listing every problem', async () => {
    const dir = tempDir();
    const out = join(dir, 'model.json');
    const data = write(
      dir,
      'd.csv',
      `age,city\n${Array.from({ length: 20 }, (_, i) => `${20 + i},${i % 2 ? 'Oslo' : SECRET}`).join('\n')}\n`,
    );
    const meta = write(
      dir,
      'm.json',
      JSON.stringify({
        columns: [
          { name: 'age', kind: 'boolean' },
          { name: 'city', kind: 'categorical', domain: { categories: ['Oslo'] } },
          { name: 'ghost' },
        ],
      }),
    );
    await expectFailure(['fit', data, '--metadata', meta, '--out', out], 1, /ghost/, out);
    const meta2 = write(
      dir,
      'm2.json',
      JSON.stringify({
        columns: [
          { name: 'age', kind: 'boolean' },
          { name: 'city', kind: 'categorical', domain: { categories: ['Oslo'] } },
        ],
      }),
    );
    const r = await expectFailure(
      ['fit', data, '--metadata', meta2, '--out', out],
      1,
      /"age" is declared boolean/,
      out,
    );
    expect(r.stderr).toMatch(/"city": 10 values \(1 distinct\) are not in its declared categories/);
    const broken = write(dir, 'broken.json', '{ "columns": [ ');
    await expectFailure(['fit', data, '--metadata', broken, '--out', out], 1, /broken\.json/, out);
  });

  it('rejects an unknown synthesizer and bad --rows on the command line (exit 2)', async () => {
    const dir = tempDir();
    const out = join(dir, 'model.json');
    await expectFailure(
      ['fit', `${DATA}/penguins.json`, '--synthesizer', 'magic', '--out', out],
      2,
      /unknown synthesizer "magic"; available: .*gaussian-copula/,
      out,
    );
    expect((await cli('fit', `${DATA}/penguins.json`, '--out', out, '-q')).code).toBe(0);
    const csv = join(dir, 's.csv');
    await expectFailure(
      ['sample', out, '--rows', '0', '--out', csv],
      2,
      /--rows must be at least 1, got 0/,
      csv,
    );
    await expectFailure(['sample', out, '--rows', '-5', '--out', csv], 2, /--rows/, csv);
    await expectFailure(
      ['sample', out, '--rows', 'many', '--out', csv],
      2,
      /--rows must be a whole number/,
      csv,
    );
    await expectFailure(['sample', out, '--out', csv], 2, /--rows is required/, csv);
    await expectFailure(
      ['sample', out, '--rows', '5', '--out', join(dir, 's.xlsx')],
      2,
      /cannot tell the format/,
    );
    await expectFailure(
      ['fit', `${DATA}/penguins.json`, '--epsilon', '1', '--out', join(dir, 'x.json')],
      2,
      /not differentially private and takes no --epsilon/,
    );
    // a target that cannot be predicted is refused before anything is fitted or written
    for (const cmd of ['run', 'sweep']) {
      const more = cmd === 'sweep' ? ['--synthesizers', 'independent'] : [];
      const movies = `${DATA}/movies.json`;
      const o = join(dir, `${cmd}-title`);
      await expectFailure(
        [cmd, movies, ...more, '--target', 'Title', '--out-dir', o],
        2,
        /"Title" is an? text/,
        o,
      );
      await expectFailure(
        [cmd, movies, ...more, '--target', 'Nope', '--out-dir', o],
        2,
        /no column "Nope"/,
        o,
      );
    }
    // as in evaluate: the attacks asked for explicitly cannot run without a holdout
    await expectFailure(
      ['run', `${DATA}/penguins.json`, '--holdout', '0', '--privacy', 'on', '--out-dir', join(dir, 'h0')],
      2,
      /--privacy on needs a holdout/,
      join(dir, 'h0'),
    );
  });

  it('rejects a tampered model file', async () => {
    const dir = tempDir();
    const model = join(dir, 'model.json');
    expect((await cli('fit', `${DATA}/penguins.json`, '--out', model, '-q')).code).toBe(0);
    const json = JSON.parse(readFileSync(model, 'utf8'));
    json.version = 7;
    json.params.correlation = [1];
    writeFileSync(model, JSON.stringify(json));
    const csv = join(dir, 's.csv');
    await expectFailure(['sample', model, '--rows', '5', '--out', csv], 1, /version/, csv);
  });
});

describe('reading from SQL', () => {
  it('fits a table read by a query on a DuckDB database file (--sql)', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const dir = tempDir();
    const db = join(dir, 'shop.duckdb');
    const inst = await DuckDBInstance.create(db);
    const con = await inst.connect();
    await con.run(`CREATE TABLE p AS SELECT * FROM read_json_auto('${DATA}/penguins.json')`);
    con.closeSync();
    inst.closeSync();
    const model = join(dir, 'm.json');
    const r = await cli(
      'fit',
      db,
      '--sql',
      "SELECT * FROM p WHERE Species <> 'Gentoo'",
      '--out',
      model,
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rows).toBe(344 - 124);
  });
});

describe('independent with a budget', () => {
  it('is DP with --epsilon (public domains), not DP without; the ledger adds up', async () => {
    const dir = tempDir();
    const meta = join(dir, 'meta.json');
    expect(
      (await cli('inspect', `${DATA}/penguins.json`, '--public-domains', '--out', meta, '-q')).code,
    ).toBe(0);
    const model = join(dir, 'm.json');
    const r = await cli(
      'fit',
      `${DATA}/penguins.json`,
      '-s',
      'independent',
      '--epsilon',
      '0.5',
      '--metadata',
      meta,
      '--out',
      model,
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).privacy).toMatchObject({ type: 'dp', delta: 1e-9 });
    const l = await cli('ledger', model, '--json');
    expect(l.code, l.stderr).toBe(0);
    const ledger = JSON.parse(l.stdout);
    expect(ledger.epsilon).toBeLessThanOrEqual(0.5);
    // one 1-way marginal per column, and the adaptive DP bins of the three non-integer numeric columns (two
    // histograms each: blocks and cells)
    const queries = (ledger.entries as { query: string }[]).map((e) => e.query);
    expect(queries.filter((q) => q === 'marginal')).toHaveLength(7);
    expect(queries.filter((q) => q === 'bins:blocks')).toHaveLength(3);
    expect(queries.filter((q) => q === 'bins:cells')).toHaveLength(3);
    expect(queries).toHaveLength(13);
    const csv = join(dir, 's.csv');
    expect((await cli('sample', model, '--rows', '50', '--out', csv)).code).toBe(0);
    // without public domains a DP fit refuses, naming the columns
    const bad = await cli(
      'fit',
      `${DATA}/penguins.json`,
      '-s',
      'independent',
      '--epsilon',
      '0.5',
      '--out',
      join(dir, 'x.json'),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Species/);
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});

describe('CSV dialect options', () => {
  it('reads a semicolon file without a header when told so, and rejects a two-character delimiter', async () => {
    const dir = tempDir();
    const p = join(dir, 'semi.txt');
    writeFileSync(
      p,
      Array.from({ length: 30 }, (_, i) => `${i};${i % 3 ? 'a' : 'b'};${(i * 1.5).toFixed(1)}`).join('\n') +
        '\n',
    );
    const r = await cli('inspect', p, '--delimiter', ';', '--no-header', '--json');
    expect(r.code, r.stderr).toBe(0);
    const meta = JSON.parse(r.stdout);
    expect(meta.rows).toBe(30);
    expect(meta.columns.map((c: { name: string; kind: string }) => c.kind)).toEqual([
      'numeric',
      'categorical',
      'numeric',
    ]);
    const bad = await cli('inspect', p, '--delimiter', ';;');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--delimiter must be one character/);
  });
});

describe('option mistakes are usage errors', () => {
  it('unknown --option keys, --public-domains without --out, sampling over the model file', async () => {
    const dir = tempDir();
    const model = join(dir, 'm.json');
    const typo = await cli(
      'fit',
      `${DATA}/penguins.json`,
      '--option',
      'smothing=density',
      '-s',
      'cart',
      '--out',
      model,
    );
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/cart has no option "smothing"; its options: .*smoothing/);
    const none = await cli('fit', `${DATA}/penguins.json`, '--option', 'x=1', '--out', model);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/gaussian-copula has no option "x"; it takes no options/);
    expect(existsSync(model)).toBe(false);
    const pd = await cli('inspect', `${DATA}/penguins.json`, '--public-domains');
    expect(pd.code).toBe(2);
    expect(pd.stderr).toMatch(/--public-domains marks the domains of the file written by --out/);
    expect((await cli('fit', `${DATA}/penguins.json`, '--out', model, '-q')).code).toBe(0);
    const before = readFileSync(model, 'utf8');
    const self = await cli('sample', model, '--rows', '5', '--out', join(dir, '.', 'm.json'));
    expect(self.code).toBe(2);
    expect(readFileSync(model, 'utf8')).toBe(before);
  });
});

describe('no command writes over its inputs (exit 2, naming the input)', () => {
  it('fit, inspect, sample, evaluate, report, run and sweep refuse an output that is one of their inputs', async () => {
    const dir = tempDir();
    const table = join(dir, 'penguins.json');
    copyFileSync(`${DATA}/penguins.json`, table);
    const original = readFileSync(table);
    const link = join(dir, 'link.json');
    symlinkSync(table, link);
    const hard = join(dir, 'hard.json');
    linkSync(table, hard);
    const refused = async (pattern: RegExp, ...argv: string[]) => {
      const r = await cli(...argv);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).toMatch(/never writes over its inputs/);
      expect(readFileSync(table)).toEqual(original);
    };
    // the README's penguins table fitted onto itself: directly, through ./, a symbolic link and a hard link
    await refused(/--out ".*penguins\.json" would overwrite the input table/, 'fit', table, '--out', table);
    await refused(/the input table/, 'fit', table, '--out', join(dir, '.', 'penguins.json'));
    await refused(/--out ".*link\.json" would overwrite the input table/, 'fit', table, '--out', link);
    await refused(/--out ".*hard\.json" would overwrite the input table/, 'fit', link, '--out', hard);
    await refused(/the input table/, 'inspect', table, '--out', table);
    const meta = join(dir, 'meta.json');
    writeFileSync(meta, '{"columns": []}\n');
    await refused(/the metadata file/, 'inspect', table, '--metadata', meta, '--out', meta);
    expect(readFileSync(meta, 'utf8')).toBe('{"columns": []}\n');
    // report ev.json --format json --out ev.json keeps the evaluation
    const ev = join(dir, 'ev.json');
    writeFileSync(ev, '{"kept": true}\n');
    await refused(
      /--out ".*ev\.json" would overwrite the evaluation file/,
      'report',
      ev,
      '--format',
      'json',
      '--out',
      ev,
    );
    expect(readFileSync(ev, 'utf8')).toBe('{"kept": true}\n');
    await refused(/the model file/, 'report', ev, '--model', table, '--format', 'json', '--out', link);
    // evaluate: any of its tables, the model or the policy
    const syn = join(dir, 'syn.json');
    writeFileSync(syn, '[{"a": 1}]\n');
    await refused(/the synthetic table/, 'evaluate', table, syn, '--out', syn);
    await refused(/the real table/, 'evaluate', table, syn, '--out', hard);
    // run: a file that --out-dir would write
    const out = join(dir, 'out');
    mkdirSync(out);
    const inOut = join(out, 'synthetic.csv');
    copyFileSync(`${DATA}/seattle-weather.csv`, inOut);
    await refused(
      /--out-dir file ".*synthetic\.csv" would overwrite the input table/,
      'run',
      inOut,
      '--out-dir',
      out,
    );
    await refused(/the input table/, 'run', inOut, '--out-dir', out, '--no-evaluate');
    await refused(
      /the metadata file/,
      'run',
      table,
      '--metadata',
      join(out, 'synthetic.csv'),
      '--out-dir',
      out,
    );
    expect(readFileSync(inOut)).toEqual(readFileSync(`${DATA}/seattle-weather.csv`));
    // sweep: its summary files, and anything inside its points folder
    copyFileSync(table, join(out, 'sweep.json'));
    await refused(
      /--out-dir file ".*sweep\.json" would overwrite the input table/,
      'sweep',
      join(out, 'sweep.json'),
      '--synthesizers',
      'independent',
      '--out-dir',
      out,
    );
    mkdirSync(join(out, 'points'));
    copyFileSync(table, join(out, 'points', 'h.json'));
    await refused(
      /points folder .* holds the holdout table/,
      'sweep',
      table,
      '--holdout',
      join(out, 'points', 'h.json'),
      '--synthesizers',
      'independent',
      '--out-dir',
      out,
    );
    // disclose: its table, and its report onto the training table
    await refused(/the input table/, 'disclose', table, '--merge-rare', '5', '--out', hard);
    await refused(
      /--report ".*link\.json" would overwrite the training table/,
      'disclose',
      syn,
      '--remove-training-matches',
      table,
      '--out',
      join(dir, 'released.json'),
      '--report',
      link,
    );
    // a database folder is read whole: no file in it may be overwritten (fit and inspect of a folder)
    const db = join(dir, 'db');
    mkdirSync(db);
    copyFileSync(table, join(db, 'penguins.json'));
    await refused(
      /would overwrite a file of the input (database|table)/,
      'fit',
      db,
      '--out',
      join(db, 'penguins.json'),
    );
    await refused(
      /would overwrite a file of the input (database|table)/,
      'inspect',
      db,
      '--out',
      join(db, 'penguins.json'),
    );
    expect(readFileSync(join(db, 'penguins.json'))).toEqual(original);
    // a different file of the same name elsewhere is fine
    const other = join(dir, 'other');
    mkdirSync(other);
    const ok = await cli('fit', table, '--out', join(other, 'penguins.json'), '-q');
    expect(ok.code, ok.stderr).toBe(0);
  }, 300_000);
});

describe('weak messages made clear (issue 17, item 7)', () => {
  it('negative numbers are checked as numbers, not refused as "ambiguous" options', async () => {
    const dir = tempDir();
    const model = join(dir, 'm.json');
    const rows = await cli('run', `${DATA}/penguins.json`, '--rows', '-1', '--out-dir', dir);
    expect(rows.code).toBe(2);
    expect(rows.stderr).toMatch(/--rows must be at least 1, got -1/);
    expect(rows.stderr).not.toMatch(/ambiguous/);
    const short = await cli('run', `${DATA}/penguins.json`, '-n', '-5', '--out-dir', dir);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/--rows must be at least 1, got -5/);
    const eps = await cli('fit', `${DATA}/penguins.json`, '-s', 'mst', '--epsilon', '-1', '--out', model);
    expect(eps.code).toBe(2);
    expect(eps.stderr).toMatch(/ε|epsilon/);
    expect(eps.stderr).toMatch(/-1/);
    expect(eps.stderr).not.toMatch(/ambiguous/);
    const seed = await cli('fit', `${DATA}/penguins.json`, '--seed', '-.5', '--out', model);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toMatch(/--seed must be a whole number, got "-.5"/);
    expect(existsSync(model)).toBe(false);
    // a negative-looking value after "--" stays a positional
    const dash = await cli('inspect', '--', '-1.csv');
    expect(dash.code).toBe(1);
    expect(dash.stderr).toMatch(/file not found: -1\.csv/);
  }, 300_000);

  it('ε = 1e-300 says the noise is unbounded and the smallest usable ε, not "σ = Infinity"', async () => {
    const dir = tempDir();
    const meta = join(dir, 'meta.json');
    expect(
      (await cli('inspect', `${DATA}/penguins.json`, '--out', meta, '--public-domains', '-q')).code,
    ).toBe(0);
    const r = await cli(
      'fit',
      `${DATA}/penguins.json`,
      '-s',
      'mst',
      '--epsilon',
      '1e-300',
      '--metadata',
      meta,
      '--out',
      join(dir, 'm.json'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unbounded noise/);
    expect(r.stderr).toMatch(/needs at least ε = [\d.]+/);
    expect(r.stderr).not.toMatch(/Infinity|∞/);
  }, 300_000);

  it('a directory given as the table exits 1 with a message', async () => {
    const dir = tempDir();
    const r = await cli('fit', dir, '--out', join(dir, 'm.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/it is a directory, not a file/);
  }, 300_000);

  it('no control character of a column or file name reaches the terminal', async () => {
    const dir = tempDir();
    const evil = '\x1b[31mred\x1b]0;title\x07\u009b2J\u202eabc\rX';
    const p = join(dir, 'evil.csv');
    writeFileSync(p, `"${evil}",b\n${Array.from({ length: 30 }, (_, i) => `${i % 3},${i}`).join('\n')}\n`);
    const shown = await cli('inspect', p);
    expect(shown.code, shown.stderr).toBe(0);
    const json = await cli('inspect', p, '--json');
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { columns: { name: string }[] }).columns[0].name).toBe(evil);
    const missing = await cli('fit', join(dir, `no\x1b[2Jfile.csv`), '--out', join(dir, 'm.json'));
    expect(missing.code).toBe(1);
    const bad = await cli('frob\x1b[2J');
    expect(bad.code).toBe(2);
    for (const r of [shown, json, missing, bad]) {
      // eslint-disable-next-line no-control-regex
      const controls = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
      expect(r.stdout).not.toMatch(controls);
      expect(r.stderr).not.toMatch(controls);
    }
    expect(shown.stdout).toContain('\\u001b[31mred');
    expect(missing.stderr).toContain('no\\u001b[2Jfile.csv');
  }, 300_000);
});

describe('an output folder that cannot be written (issue 17, item 4)', () => {
  it('run --out-dir onto a file, under a file, or on a read-only file system: exit 1, a clear message', async (ctx) => {
    const dir = tempDir();
    const file = join(dir, 'taken');
    writeFileSync(file, 'x\n');
    const expectClean = (r: { code: number; stderr: string }, pattern: RegExp) => {
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/internal error|\.tmp/);
    };
    const args = [`${DATA}/penguins.json`, '--no-evaluate', '-q'];
    expectClean(
      await cli('run', ...args, '--out-dir', file),
      /--out-dir: cannot write into the folder ".*taken": it is a file, not a folder/,
    );
    expectClean(
      await cli('run', ...args, '--out-dir', join(file, 'sub')),
      /--out-dir: cannot write into the folder ".*taken\/sub": a part of its path is a file/,
    );
    expectClean(
      await cli('sweep', `${DATA}/penguins.json`, '--synthesizers', 'independent', '--out-dir', file),
      /--out-dir: cannot write into the folder ".*taken\/points": a part of its path is a file/,
    );
    expect(readFileSync(file, 'utf8')).toBe('x\n');
    const mnt = join(dir, 'ro');
    mkdirSync(mnt);
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'none', mnt]);
    if (m.status !== 0) {
      ctx.skip('cannot mount a read-only tmpfs here (not root, or no mount permission)');
      return;
    }
    try {
      expectClean(await cli('run', ...args, '--out-dir', mnt), /the file system is read-only/);
      expectClean(await cli('run', ...args, '--out-dir', join(mnt, 'sub')), /the file system is read-only/);
      expect(readdirSync(mnt)).toEqual([]);
    } finally {
      spawnSync('umount', [mnt]);
    }
  }, 300_000);
});

describe('--attack-count (issue 17)', () => {
  it('sets the number of linkability/inference attacks from the command line, in run and evaluate', async () => {
    const dir = tempDir();
    const help = await cli('run', '--help');
    expect(help.stdout).toMatch(/--attack-count N +attacks per privacy evaluator \(default 1000/);
    expect((await cli('evaluate', '--help')).stdout).toMatch(/--attack-count N/);
    expect((await cli('sweep', '--help')).stdout).toMatch(/--attack-count N/);
    const bad = await cli('run', `${DATA}/penguins.json`, '--attack-count', '5', '--out-dir', dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--attack-count must be at least 10, got 5/);
    const counts = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/"nAttacks":(\d+)/g)].map((m) => Number(m[1]));
    const r = await cli(
      'run',
      `${DATA}/penguins.json`,
      '--attacks',
      'linkability,inference',
      '--attack-count',
      '40',
      '--out-dir',
      dir,
      '-q',
    );
    expect(r.code, r.stderr).toBe(0);
    const ran = counts(join(dir, 'evaluation.json'));
    expect(ran.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ran)).toEqual(new Set([40]));
    const ev = join(dir, 'ev.json');
    const e = await cli(
      'evaluate',
      `${DATA}/penguins.json`,
      join(dir, 'synthetic.csv'),
      '--holdout',
      `${DATA}/penguins.json`,
      '--attacks',
      'linkability',
      '--attack-count',
      '25',
      '--out',
      ev,
      '-q',
    );
    expect(e.code, e.stderr).toBe(0);
    expect(new Set(counts(ev))).toEqual(new Set([25]));
  }, 300_000);
});
