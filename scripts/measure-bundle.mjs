// How every size in this repo is measured (scripts/size.mjs, the CI gate, and bench/bundle-size.ts): bundled by
// esbuild as an app would, minified, for browsers, React and TanStack Query external, then gzip -9.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The peer dependencies: never part of a measured bundle. */
export const PEERS = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'];

/** An esbuild plugin marking `.../core/index.js` external, so a measure leaves out hidream-edit/core. */
export const coreExternal = {
  name: 'core-external',
  setup(b) {
    b.onResolve({ filter: /\/core\/index\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** Bundles `contents` (a module, resolved from the working directory) and returns its minified and gzip sizes. */
export async function measureBundle(contents, plugins = []) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    jsx: 'automatic',
    external: PEERS,
    plugins,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { gzip: gzipSync(code, { level: 9 }).length, min: code.length };
}
