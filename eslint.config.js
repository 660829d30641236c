import tseslint from 'typescript-eslint';

// Layering (ARCHITECTURE §1): core imports nothing of the others; app reaches server only
// from *.server.ts modules; collab and server never import app.
const layer = (patterns, message) => ({ 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group, message })) }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', '.react-router/', 'data/', 'bench/results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  { files: ['core/**'], rules: layer([['**/server/**', '**/collab/**', '**/app/**', '#server/*', '#collab/*', '#app/*']], 'core is isomorphic: it imports nothing of server, collab or app') },
  { files: ['server/**', 'collab/**'], rules: layer([['**/app/**', '#app/*']], 'server and collab never import the UI') },
  {
    files: ['app/**'],
    ignores: ['app/**/*.server.ts', 'app/**/*.server.tsx', 'app/load-context.ts'],
    rules: layer([['**/server/**', '#server/*']], 'app reaches server only through *.server.ts modules'),
  },
);
