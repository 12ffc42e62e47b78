import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { removeStaleTemps, writeFileAtomic, writeTable } from '../../src/io/write.js';
import { tableFromRecords } from '../../src/table/infer.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lookalike-io-atomic-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const small = tableFromRecords([
  { x: 1, g: 'a' },
  { x: 2, g: 'b' },
]).table;

async function failure(p: Promise<unknown>): Promise<LookalikeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LookalikeError) return e;
    throw e;
  }
  throw new Error('expected a LookalikeError');
}

/** The id of a process that has ended (so no process has it, barring reuse within the test). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

const temps = (d: string) => readdirSync(d).filter((n) => n.endsWith('.tmp'));

describe('temporary files', () => {
  it('a SIGTERM or SIGINT during a large write removes the temporary file and still ends the process', async () => {
    const dist = resolve('dist/io/index.js');
    expect(existsSync(dist), 'npm test builds dist/ first').toBe(true);
    for (const [signal, format] of [
      ['SIGTERM', 'csv'],
      ['SIGINT', 'parquet'],
    ] as const) {
      const d = join(dir, `sig-${signal}`);
      mkdirSync(d);
      const script = `
        import { writeTable } from ${JSON.stringify(dist)};
        import { Table } from ${JSON.stringify(resolve('dist/table/table.js'))};
        const n = 3_000_000, v = new Float64Array(n);
        for (let i = 0; i < n; i++) v[i] = i * 0.5;
        const t = new Table([{ kind: 'numeric', name: 'x', values: v, integer: false }], n);
        await writeTable(t, ${JSON.stringify(join(d, `out.${format}`))});`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
      const ended = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_c, s) => res(s)));
      // wait for the temporary file to appear, then interrupt
      const t0 = Date.now();
      while (temps(d).length === 0 && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 20));
      expect(temps(d).length, 'the write started').toBe(1);
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(readdirSync(d)).toEqual([]);
    }
  });

  it('stale temporary files of dead processes are removed by the next write in that folder; live ones stay', async () => {
    const d = join(dir, 'stale');
    mkdirSync(d);
    const dead = `.synthetic.csv.${deadPid()}.0123456789ab.tmp`;
    const live = `.synthetic.csv.${process.pid}.0123456789ab.tmp`;
    const other = '.notes.tmp';
    for (const n of [dead, live, other]) writeFileSync(join(d, n), 'partial');
    await writeFileAtomic(join(d, 'model.json'), '{}');
    expect(readdirSync(d).sort()).toEqual([live, other, 'model.json'].sort());
    expect(await removeStaleTemps(d)).toEqual([]); // once per folder per process
  });

  it('a target name close to the 255-byte limit still gets a temporary file that fits', async () => {
    const name = `${'é'.repeat(120)}.csv`; // 244 bytes
    await writeTable(small, join(dir, name));
    expect(existsSync(join(dir, name))).toBe(true);
    const tooLong = join(dir, `${'x'.repeat(300)}.parquet`);
    const e = await failure(writeTable(small, tooLong));
    expect(e.message).toBe(`cannot write ${tooLong}: the file name is too long`);
  });

  it('DuckDB write errors (Parquet) name the target and the reason, never the temporary file', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const target = join(file, 'out.parquet'); // a file where a folder should be
    const e = await failure(writeTable(small, target));
    expect(e.message).toBe(`cannot write ${target}: a path component is not a directory`);
    expect(e.message).not.toContain('.tmp');
  });

  it('Parquet into a read-only file system is a clear error and leaves nothing (needs mount; skipped otherwise)', async (ctx) => {
    const mnt = join(dir, 'ro');
    mkdirSync(mnt);
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'none', mnt]);
    if (m.status !== 0) {
      ctx.skip('cannot mount a read-only tmpfs here (not root, or no mount permission)');
      return;
    }
    try {
      for (const ext of ['parquet', 'csv']) {
        const target = join(mnt, `out.${ext}`);
        const e = await failure(writeTable(small, target));
        expect(e.message).toBe(`cannot write ${target}: the file system is read-only`);
      }
      expect(readdirSync(mnt)).toEqual([]);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });
});
