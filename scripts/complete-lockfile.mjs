// Adds lockfile entries for optional platform packages that this machine's npm registry mirror does not serve
// (e.g. @duckdb/node-bindings-darwin-arm64 answers 404 here), so that `npm ci` accepts the lockfile: npm ci refuses
// a lockfile in which a package's optionalDependencies are missing, even for other platforms. The entries carry
// os/cpu/libc, so npm skips them on any other platform without fetching them; on their own platform npm fetches
// them from the registry as usual. Run after `npm install` changes package-lock.json:
//   node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORMS = {
  'darwin-arm64': { os: 'darwin', cpu: 'arm64' },
  'darwin-x64': { os: 'darwin', cpu: 'x64' },
  'linux-arm64': { os: 'linux', cpu: 'arm64', libc: 'glibc' },
  'linux-arm64-musl': { os: 'linux', cpu: 'arm64', libc: 'musl' },
  'linux-x64': { os: 'linux', cpu: 'x64', libc: 'glibc' },
  'linux-x64-musl': { os: 'linux', cpu: 'x64', libc: 'musl' },
  'win32-arm64': { os: 'win32', cpu: 'arm64' },
  'win32-x64': { os: 'win32', cpu: 'x64' },
};

export function missingOptional(lock) {
  const out = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${key ? `${key}/` : ''}node_modules/${name}`;
      if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`]) out.push({ name, version });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('../package-lock.json', import.meta.url);
  const lock = JSON.parse(readFileSync(path, 'utf8'));
  const added = [];
  for (const { name, version } of missingOptional(lock)) {
    const suffix = Object.keys(PLATFORMS).find(
      (p) => name.endsWith(`-${p}`) && !name.endsWith(`-musl`) === !p.endsWith('musl'),
    );
    const plat = suffix && PLATFORMS[suffix];
    if (!plat) {
      console.error(`cannot tell the platform of ${name}; add its lockfile entry by hand`);
      process.exitCode = 1;
      continue;
    }
    lock.packages[`node_modules/${name}`] = {
      version,
      cpu: [plat.cpu],
      ...(plat.libc ? { libc: [plat.libc] } : {}),
      license: 'MIT',
      optional: true,
      os: [plat.os],
    };
    added.push(name);
  }
  const sorted = Object.fromEntries(
    Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)),
  );
  lock.packages = sorted;
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added.length ? `added ${added.join(', ')}` : 'the lockfile is complete');
}
