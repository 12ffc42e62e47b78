import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rules that keep the dependency arrows pointing down (eslint.config.js, DESIGN.md): a probe file placed
 * on each floor imports one module above it (refused) and one below it (allowed). `npm run lint` checks the real
 * code; this checks that the rules have teeth, including for folders that do not exist yet.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(file: string, source: string): Promise<string[]> {
  const [r] = await eslint.lintText(source, { filePath: file });
  return r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: [file: string, up: string, down: string][] = [
  ['src/errors.ts', './table/table.js', ''],
  ['src/progress.ts', './privacy/guarantee.js', ''],
  ['src/format.ts', './table/table.js', ''],
  ['src/table/probe.ts', '../privacy/guarantee.js', '../errors.js'],
  ['src/random/probe.ts', '../pgm/model.js', '../progress.js'],
  ['src/privacy/probe.ts', '../synthesizers/types.js', '../table/table.js'],
  ['src/pgm/probe.ts', '../metrics/types.js', '../random/rng.js'],
  ['src/nn/layers/probe.ts', '../../constraints/rules.js', '../../random/rng.js'],
  ['src/synthesizers/marginal/probe.ts', '../../pipeline/release.js', '../../privacy/ledger.js'],
  ['src/synthesizers/probe.ts', '../metrics/types.js', '../pgm/model.js'],
  ['src/metrics/privacy/probe.ts', '../../synthesizers/registry.js', '../../learn/index.js'],
  ['src/metrics/probe.ts', '../policy/index.js', '../format.js'],
  ['src/metrics/utility/probe.ts', '../../report/html.js', '../../learn/index.js'],
  ['src/policy/probe.ts', '../report/html.js', '../metrics/evaluation.js'],
  ['src/policy/probe.ts', '../synthesizers/registry.js', '../privacy/guarantee.js'],
  ['src/report/probe.ts', '../pipeline/index.js', '../policy/index.js'],
  ['src/relational/probe.ts', '../pipeline/index.js', '../synthesizers/types.js'],
  ['src/constraints/probe.ts', '../app/main.js', '../table/schema.js'],
  ['src/pipeline/probe.ts', '../cli/main.js', '../report/html.js'],
  ['src/pipeline/probe.ts', '../io/read.js', '../metrics/types.js'],
  ['src/io/probe.ts', '../pipeline/index.js', '../metrics/privacy/neighbors.js'],
];

describe('dependency arrows (no-restricted-imports)', () => {
  it.each(cases)('%s may not import %s', async (file, up, down) => {
    expect(
      (await restricted(file, `import { x } from '${up}';\nexport const y = x;\n`)).length,
    ).toBeGreaterThan(0);
    if (down)
      expect(await restricted(file, `import { x } from '${down}';\nexport const y = x;\n`)).toEqual([]);
  });

  it('keeps Node modules out of the core and allows them in cli/', async () => {
    expect(
      (await restricted('src/pgm/probe.ts', `import { x } from 'node:fs';\nexport const y = x;\n`)).length,
    ).toBe(1);
    expect(
      await restricted('src/cli/probe.ts', `import { x } from 'node:fs';\nexport const y = x;\n`),
    ).toEqual([]);
  });
});
