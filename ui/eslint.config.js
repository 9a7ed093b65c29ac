// ESLint for the UI: the recommended rules of ESLint, typescript-eslint and eslint-plugin-svelte.
// Formatting is Prettier's job (.prettierrc.json); eslint-config-prettier comes last so that no
// rule here argues with it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
  {
    // bindings.ts is generated from the Rust types, and a Rust test checks it for drift.
    ignores: ['dist/', 'node_modules/', 'src/api/bindings.ts'],
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser },
    },
  },
  {
    // The build and tool configs run in Node, not in the window.
    files: ['*.config.js', '*.config.ts'],
    languageOptions: {
      globals: { ...globals.node },
    },
  },
  {
    // `<script lang="ts">` in components, and runes in .svelte.ts modules: TypeScript inside.
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: ts.parser,
        extraFileExtensions: ['.svelte'],
        svelteConfig,
      },
    },
  },
  svelte.configs.prettier,
  prettier,
);
