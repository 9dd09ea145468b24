import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** What the pure core may never import: UI frameworks, state libraries, or app code. */
const coreForbiddenImports = {
  paths: [
    { name: 'react', message: 'src/core is pure: no React.' },
    { name: 'react-dom', message: 'src/core is pure: no React.' },
    { name: 'zustand', message: 'src/core is pure: no stores.' },
    { name: 'zundo', message: 'src/core is pure: no stores.' },
  ],
  patterns: [
    { group: ['react/*', 'react-dom/*', '@xyflow/*', 'reactflow', 'zustand/*'], message: 'src/core is pure: no UI libraries.' },
    { group: ['**/app/**', '**/app', '**/cli/**', '**/cli'], message: 'src/core must not import app or CLI code.' },
    { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core runs in the browser too: no Node built-ins.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'playwright-report', 'test-results', 'docs/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/core/**/*.ts'],
    // Tests and their fixtures run in Node only.
    ignores: ['src/core/**/*.test.ts', 'src/core/**/__fixtures__/**'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', coreForbiddenImports],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'fetch', 'performance', 'setTimeout', 'setInterval', 'process', 'require', 'crypto'].map(
          (name) => ({ name, message: `src/core is pure and deterministic: no ${name}.` }),
        ),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'src/core is deterministic: no randomness.' },
        { object: 'Date', property: 'now', message: 'src/core has no clock.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'src/core has no clock.' }],
    },
  },
);
