import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The floors of the house (DESIGN.md "Dependency direction"); each arrow points down:
 *   cli, app → pipeline → report, policy, metrics, synthesizers, constraints, relational → pgm, learn, nn,
 *   privacy → table, random → errors (and progress, format: the other ground-floor modules).
 * A file may import its own floor and the floors below, never a floor above. Folders that do not exist yet are
 * listed too, so the rule holds from their first file. `policy/` (the scorecard and the gate) sits with metrics and
 * report: report → policy → metrics. `io/` is a Node adapter beside the core: it may use any core floor up to the
 * metrics/synthesizers one, and only cli/ (and the Node entry) may import it.
 */
const FLOORS = [
  ['errors', 'progress', 'format'],
  ['table', 'random'],
  ['pgm', 'learn', 'nn', 'privacy'],
  ['report', 'policy', 'metrics', 'synthesizers', 'constraints', 'relational'],
  ['pipeline'],
  ['cli', 'app'],
];

/**
 * Same-floor arrows that must not exist either: a metric never reaches into synthesizers, the policy or the
 * report; a policy never into the report; a synthesizer never into metrics, policy or report.
 */
const SIBLING_BANS = {
  metrics: ['synthesizers', 'policy', 'report'],
  policy: ['report', 'synthesizers'],
  synthesizers: ['metrics', 'policy', 'report'],
};

/**
 * Files that still break a sibling ban and are being moved by another change; remove each line when its move lands.
 */
const PENDING_MOVES = [];

/**
 * An import path that climbs out of its folder into a top-level folder (or module) of `src/` named in `names`;
 * `root`: the importing file sits in `src/` itself (errors.ts, progress.ts), so the path starts with `./`.
 */
const into = (names, root = false) => `^${root ? '\\./' : '(\\.\\./)+'}(${names.join('|')})(/|\\.js$)`;

const nodeBan = {
  group: ['node:*'],
  message: 'The core runs in a browser: only src/io and src/cli may import node modules.',
};
const ioBan = {
  group: ['**/io/*', '**/cli/*', '@duckdb/*'],
  message: 'The core may not import io/ or cli/.',
};

function layerRules() {
  const configs = [];
  FLOORS.forEach((floor, k) => {
    const above = FLOORS.slice(k + 1).flat();
    for (const folder of floor) {
      const banned = [...above, ...(SIBLING_BANS[folder] ?? [])];
      if (folder !== 'cli' && folder !== 'app') banned.push('io');
      const isModule = folder === 'errors' || folder === 'progress' || folder === 'format';
      const patterns = [];
      if (banned.length)
        patterns.push({
          regex: into(banned, isModule),
          message: `Imports point down the floors (DESIGN.md): ${folder}/ may not import ${banned.join(', ')}.`,
        });
      if (folder !== 'cli') patterns.push(nodeBan, ioBan);
      configs.push({
        files: isModule ? [`src/${folder}.ts`] : [`src/${folder}/**/*.ts`],
        ignores: PENDING_MOVES,
        rules: { 'no-restricted-imports': ['error', { patterns }] },
      });
    }
  });
  // io/: a Node adapter; may read any core floor below pipeline, never pipeline/, cli/ or app/
  configs.push({
    files: ['src/io/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: into(['pipeline', 'cli', 'app']),
              message: 'io/ is an adapter below the pipeline: it may not import pipeline/, cli/ or app/.',
            },
          ],
        },
      ],
    },
  });
  // the browser app (app/, issue 16): a page and its worker on the browser entry — nothing Node, no io/ or cli/
  configs.push({
    files: ['app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBan, ioBan] }] },
  });
  // the browser entry: the whole core, nothing Node
  configs.push({
    files: ['src/browser.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [nodeBan, ioBan] }] },
  });
  // pending moves keep the floor rule without the sibling ban
  for (const file of PENDING_MOVES) {
    const folder = file.split('/')[1];
    const k = FLOORS.findIndex((f) => f.includes(folder));
    const banned = [...FLOORS.slice(k + 1).flat(), 'io'];
    configs.push({
      files: [file],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { regex: into(banned), message: `${folder}/ may not import ${banned.join(', ')}.` },
              nodeBan,
              ioBan,
            ],
          },
        ],
      },
    });
  }
  return configs;
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-output/**',
      'bench/out/**',
      '.scratch-*',
      // AssemblyScript (compiled by scripts/build-wasm.mjs, not by tsc) and the kernel it generates
      'src/nn/kernel/assembly/**',
      'src/nn/kernel/*.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'Math',
          property: 'random',
          message: 'Randomness is passed in: use Rng or SecureRng (DESIGN.md rule 2).',
        },
      ],
    },
  },
  ...layerRules(),
  {
    files: ['bin/**/*.js', 'bench/**/*.js', 'bench/**/*.mjs', 'scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
