/**
 * The app's local server (src/io/app-server.ts) and `lookalike app`: 127.0.0.1 only, the page's own files only,
 * the security headers on every response, a clear error for a port that is taken.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP, startAppServer, type AppServer } from '../../src/io/app-server.js';
import { LookalikeError } from '../../src/errors.js';

let root: string;
let server: AppServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lookalike-app-'));
  writeFileSync(join(root, 'index.html'), '<!DOCTYPE html><title>t</title>');
  writeFileSync(join(root, 'main.js'), 'export {};');
  writeFileSync(join(tmpdir(), 'outside-app-root.txt'), 'secret');
  server = await startAppServer({ root, port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the app server', () => {
  it('listens on 127.0.0.1 and serves the page with the security headers', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await fetch(server.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(APP_CSP).toContain("connect-src 'none'");
    expect(APP_CSP).toContain("default-src 'none'");
    expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(r.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const js = await fetch(`${server.url}main.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export {};');
  });

  it('serves nothing outside its folder, and only GET and HEAD', async () => {
    for (const p of ['../outside-app-root.txt', '%2e%2e/outside-app-root.txt', 'nope.js', '%00'])
      expect((await fetch(`${server.url}${p}`)).status, p).toBe(404);
    const post = await fetch(server.url, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(APP_CSP);
    const head = await fetch(`${server.url}main.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('says so when the port is taken, and when the app is not built', async () => {
    const e = await startAppServer({ root, port: server.port }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LookalikeError);
    expect((e as LookalikeError).message).toBe(
      `port ${server.port} on 127.0.0.1 is taken by another program; choose another with --port N (or --port 0 for any free port)`,
    );
    const empty = mkdtempSync(join(tmpdir(), 'lookalike-app-empty-'));
    try {
      await expect(startAppServer({ root: empty, port: 0 })).rejects.toThrow(/the app is not built/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

/** Runs `lookalike app` with `args` until it prints a line or exits; returns what it printed and its exit code. */
function runApp(args: string[]): Promise<{ out: string; err: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/lookalike.js', 'app', ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('exit', (code) => resolve({ out, err, code }));
  });
}

describe('lookalike app', () => {
  it('prints the address of the built app and stops cleanly on SIGTERM', async () => {
    const r = await runApp(['--port', '0']);
    expect(r.out).toMatch(
      /^lookalike app: open http:\/\/127\.0\.0\.1:\d+\/ in a browser \(Ctrl-C stops it\)\n$/,
    );
    expect(r.code).toBe(0);
  });

  it('exits 2 with the reason when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((res) => blocker.listen(0, '127.0.0.1', () => res()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await runApp(['--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`port ${port} on 127.0.0.1 is taken by another program`);
    } finally {
      blocker.close();
    }
  });
});
