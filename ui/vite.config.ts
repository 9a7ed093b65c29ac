/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';

/** The web view (WebKitGTK) reads WOFF2: the @fontsource style sheets' WOFF fallbacks are
 * dropped before bundling, so those files (340 KB, a twin of each face) are not carried in
 * the app. */
function woff2Only(): Plugin {
  return {
    name: 'desk-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@fontsource') || !id.endsWith('.css')) return null;
      return { code: code.replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, ''), map: null };
    },
  };
}

// The app is served by Tauri from ui/dist: everything (scripts, styles, fonts) is bundled;
// nothing is fetched from the network at run time.
export default defineConfig({
  plugins: [woff2Only(), svelte()],
  clearScreen: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'safari15',
    // Tauri's CSP forbids inline scripts; keep every asset a file.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
