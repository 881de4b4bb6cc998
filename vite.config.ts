import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
});

const peers = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^node:/, /^sharp$/, /^vite$/];

/** Reads a stylesheet with its relative `@import`s inlined, so the theme ships as one file. */
function inlineCss(file: string): string {
  return readFileSync(file, 'utf8').replace(/@import\s+['"](\.[^'"]+)['"];?/g, (_, path: string) =>
    inlineCss(resolve(dirname(file), path)),
  );
}

/** Ships the optional theme as `dist/styles.css`. */
function emitStyles(): Plugin {
  return {
    name: 'hidream-edit:styles',
    apply: 'build',
    generateBundle() {
      const file = `${root}src/styles.css`;
      if (existsSync(file)) this.emitFile({ type: 'asset', fileName: 'styles.css', source: inlineCss(file) });
    },
  };
}

export default defineConfig({
  plugins: [react(), emitStyles()],
  // Found at runtime otherwise: Vite reloads the browser tests and React ends up loaded twice.
  optimizeDeps: {
    include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-dev-runtime', '@tanstack/react-query', '@testing-library/react'],
  },
  build: {
    target: 'es2022',
    minify: false,
    sourcemap: true,
    emptyOutDir: true,
    // public/ holds Storybook's service worker, not part of the library.
    copyPublicDir: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        'core/index': 'src/core/index.ts',
        'server/index': 'src/server/index.ts',
        'engine/index': 'src/engine/index.ts',
        cli: 'src/cli/main.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: peers,
      output: {
        banner: (chunk) =>
          chunk.name === 'index' ? "'use client';" : chunk.name === 'cli' ? '#!/usr/bin/env node' : '',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.browser.test.*', 'test/react/**', 'test/components/**', 'test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.browser.test.*'],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          browser: { enabled: true, headless: true, provider: chromium, instances: [{ browser: 'chromium' }] },
        },
      },
      {
        // Every story is a test: it renders, passes axe, and its play function runs, in real Chromium.
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          setupFiles: ['.storybook/vitest.setup.ts'],
          testTimeout: 60_000,
          browser: { enabled: true, headless: true, provider: chromium, instances: [{ browser: 'chromium' }] },
        },
      },
      {
        // Serves the static Storybook build on loopback and completes an edit in headless Chromium.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          env: { HIDREAM_E2E: '1' },
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
