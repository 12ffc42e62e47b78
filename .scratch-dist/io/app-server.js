/**
 * The local server of the browser app (issue 16; `lookalike app`): serves the built page (`dist/app/`) on
 * 127.0.0.1 only, GET and HEAD only, files of that folder only. Every response carries:
 * - a Content-Security-Policy that lets the page run its own scripts and worker and nothing from anywhere else, and
 *   make no network request at all (`connect-src 'none'`: no fetch, XHR, WebSocket or beacon; no fonts, no
 *   remote images, no forms);
 * - Cross-Origin-Opener-Policy / Cross-Origin-Embedder-Policy, so the page is cross-origin isolated and its worker
 *   may use shared memory (the two-thread training kernel);
 * - no caching, no referrer, no MIME sniffing.
 * The table a user drops never reaches this server: the page reads it from the file itself.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LookalikeError } from '../errors.js';
/**
 * The page's policy. 'wasm-unsafe-eval' lets the worker compile the WebAssembly training kernel (it is not
 * `eval`); 'unsafe-inline' styles let the embedded report (a self-contained HTML page with inline styles and SVG)
 * display; `connect-src 'none'` is what keeps every byte on the machine.
 */
export const APP_CSP = [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'none'",
    "frame-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
].join('; ');
/** Headers every response carries (see the module comment). */
export const APP_HEADERS = {
    'Content-Security-Policy': APP_CSP,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
};
const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.wasm': 'application/wasm',
    '.txt': 'text/plain; charset=utf-8',
};
/** The built app: `dist/app/` of this package (the same path from `src/io/` and from `dist/io/`). */
export function appRoot() {
    return fileURLToPath(new URL('../../dist/app/', import.meta.url));
}
/** Starts the server; throws a LookalikeError when the app is not built or the port is taken. */
export async function startAppServer(opts) {
    const root = normalize(opts.root ?? appRoot());
    const index = await stat(join(root, 'index.html')).catch(() => null);
    if (!index?.isFile())
        throw new LookalikeError(`the app is not built: ${join(root, 'index.html')} is missing — run \`npm run build\` in the package`);
    const server = createServer((req, res) => {
        const send = (status, text) => {
            res.writeHead(status, { ...APP_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
            res.end(req.method === 'HEAD' ? undefined : text);
        };
        if (req.method !== 'GET' && req.method !== 'HEAD')
            return send(405, 'method not allowed');
        let path;
        try {
            path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
        }
        catch {
            return send(400, 'bad request');
        }
        if (path.endsWith('/'))
            path += 'index.html';
        const file = normalize(join(root, path));
        if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || path.includes('\0'))
            return send(404, 'not found');
        stat(file).then((st) => {
            if (!st.isFile())
                return send(404, 'not found');
            res.writeHead(200, {
                ...APP_HEADERS,
                'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
                'Content-Length': String(st.size),
            });
            if (req.method === 'HEAD')
                return res.end();
            createReadStream(file)
                .on('error', () => res.destroy())
                .pipe(res);
        }, () => send(404, 'not found'));
    });
    await listen(server, opts.port);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    return {
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}
function listen(server, port) {
    return new Promise((resolve, reject) => {
        server.once('error', (e) => {
            if (e.code === 'EADDRINUSE')
                reject(new LookalikeError(`port ${port} on 127.0.0.1 is taken by another program; choose another with --port N (or --port 0 for ` +
                    'any free port)', [], 'usage'));
            else if (e.code === 'EACCES')
                reject(new LookalikeError(`port ${port} needs privileges; choose one above 1023 with --port N`, [], 'usage'));
            else
                reject(new LookalikeError(`cannot start the app's server: ${e.code ?? e.message}`));
        });
        server.listen(port, '127.0.0.1', () => resolve());
    });
}
/**
 * Resolves on the first SIGINT or SIGTERM (Ctrl-C, a service manager), its handlers then removed. Listen before
 * announcing the address: whoever reads it may stop the server at once.
 */
export function untilStopSignal() {
    return new Promise((resolve) => {
        const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
    });
}
//# sourceMappingURL=app-server.js.map