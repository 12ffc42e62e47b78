import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'bench/out/**', '.scratch-*'] },
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
  {
    files: ['src/**/*.ts'],
    ignores: ['src/io/**', 'src/cli/**', 'src/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'The core runs in a browser: only src/io and src/cli may import node modules.',
            },
            { group: ['**/io/*', '**/cli/*', '@duckdb/*'], message: 'The core may not import io/ or cli/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js', 'bench/**/*.js', 'bench/**/*.mjs', 'scripts/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
