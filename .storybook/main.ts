import type { StorybookConfig } from '@storybook/react-vite';
import type { InlineConfig, Plugin, PluginOption } from 'vite';

/**
 * The root vite.config.ts is the library build. Storybook merges it into its own config, so its library-only
 * parts are removed here: `build.lib` and `build.rolldownOptions` (peers external, banners) would turn the
 * Storybook build into a library build, and `test` (the Vitest projects) means nothing to Storybook.
 */
function withoutLibraryBuild(config: InlineConfig): InlineConfig {
  const { test: _test, ...rest } = config as InlineConfig & { test?: unknown };
  if (rest.build) {
    const { lib: _lib, rolldownOptions: _rolldown, emptyOutDir: _empty, ...build } = rest.build as Record<string, unknown>;
    rest.build = build;
  }
  // Storybook writes the manager and index.json into the same directory before the preview: never empty it (Vite's
  // default for an outDir inside the root). The preview bundles React, the docs renderer and axe: big chunks are fine.
  rest.build = { ...rest.build, emptyOutDir: false, chunkSizeWarningLimit: 4096 };
  rest.plugins = (rest.plugins ?? []).flat(Infinity as 1).filter((p) => {
    const name = p && typeof p === 'object' && 'name' in p ? p.name : '';
    return name !== 'hidream-edit:styles';
  }) as PluginOption[];
  return rest;
}

/**
 * Tells the stories that this server mounts the proxy (`import.meta.env.HIDREAM_DEV_PROXY`, a description of its
 * upstream), so they use it instead of the in-browser engine. A plugin rather than `define`, because the Vitest
 * addon keeps only the plugins of this config.
 */
function announceDevProxy(testing: boolean): Plugin {
  const upstream =
    process.env.WAVESPEED_API_KEY && !testing ? 'WaveSpeed (WAVESPEED_API_KEY is set)' : 'the local engine in Node (sharp)';
  return {
    name: 'hidream-edit:storybook-dev-proxy',
    config: () => ({ define: { 'import.meta.env.HIDREAM_DEV_PROXY': JSON.stringify(upstream) } }),
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // `mockServiceWorker.js` (MSW) lives here: the static build's in-browser backend.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Point the preview at Storybook's own favicon, so browsers do not ask for a missing /favicon.ico.
  previewHead: (head) => `${head ?? ''}<link rel="icon" type="image/svg+xml" href="./favicon.svg" />`,
  async viteFinal(config, { configType }) {
    const final = withoutLibraryBuild(config);
    // In development (`npm run dev`, and the Vitest run of the stories) the dev server also serves the proxy at
    // /api/hidream: WaveSpeed when WAVESPEED_API_KEY is set, otherwise the local engine (sharp). The static
    // build has no server; its stories use the engine inside the page (see stories/support/backend.ts).
    if (configType !== 'PRODUCTION') {
      const { hidreamVitePlugin } = await import('../src/server/index.js');
      // Tests never spend money or need a network: under Vitest the proxy's upstream is always the local engine,
      // even when WAVESPEED_API_KEY is set in the shell.
      const testing = process.env.VITEST !== undefined;
      const upstream = testing ? (await import('../src/engine/index.js')).createLocalEngine() : undefined;
      final.plugins = [...(final.plugins ?? []), hidreamVitePlugin(upstream ? { upstream } : {}), announceDevProxy(testing)];
    }
    return final;
  },
};

export default config;
