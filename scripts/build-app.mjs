// Builds the browser app (app/, issue 16) into static files in dist/app/: main.js (the page), worker.js (the
// work), index.html (with the Content-Security-Policy of src/io/app-server.ts as a <meta> tag, so the folder keeps
// it on any static host) and style.css. Runs after tsc (it reads the policy from dist/io/app-server.js).
// Writes dist/app.meta.json (esbuild's metafile: every input of the bundles; the tests read it) and prints the sizes.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { APP_CSP } from '../dist/io/app-server.js';

const OUT = 'dist/app';

export const APP_BUILD = {
  entryPoints: { main: 'app/main.ts', worker: 'app/worker.ts' },
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const result = await build({ ...APP_BUILD, outdir: OUT });
// frame-ancestors has no effect in a <meta> policy (browsers warn about it): the server sends it as a header
const metaCsp = APP_CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
writeFileSync(`${OUT}/index.html`, readFileSync('app/index.html', 'utf8').replace('__CSP__', metaCsp));
copyFileSync('app/style.css', `${OUT}/style.css`);
writeFileSync('dist/app.meta.json', JSON.stringify(result.metafile));
const rows = ['main.js', 'worker.js', 'index.html', 'style.css'].map((f) => {
  const bytes = readFileSync(`${OUT}/${f}`);
  return `${f} ${(bytes.length / 1024).toFixed(0)} KB (${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzipped)`;
});
console.log(`app built in ${OUT}: ${rows.join(', ')}`);
