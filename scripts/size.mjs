#!/usr/bin/env node
// Size budgets: bundles each entry as an app would (esbuild, minified, peers external), gzips it, and
// fails when a budget is exceeded. Run after `npm run build`: `node scripts/size.mjs`.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'];

/** Marks src/core as external, so a budget measures only the code above it. */
const coreExternal = {
  name: 'core-external',
  setup(b) {
    b.onResolve({ filter: /\/core\/index\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

const budgets = [
  { name: 'hidream-edit/core (everything)', contents: "export * from './dist/core/index.js';", limit: 5 * 1024 },
  {
    name: 'hidream-edit hooks alone (core and peers external)',
    contents: "export * from './src/react/index.ts';",
    plugins: [coreExternal],
    limit: 4 * 1024,
  },
  {
    name: 'hidream-edit React entry: hooks + components (core and peers external)',
    contents: "export * from './src/react/index.ts'; export * from './src/components/index.ts';",
    plugins: [coreExternal],
    limit: 12 * 1024,
  },
  { name: 'hidream-edit React entry, everything (core included, peers external)', contents: "export * from './dist/index.js';" },
];

let failed = false;
for (const budget of budgets) {
  const result = await build({
    stdin: { contents: budget.contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    jsx: 'automatic',
    external: peers,
    plugins: budget.plugins ?? [],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const ok = budget.limit === undefined || gzip <= budget.limit;
  failed ||= !ok;
  const limit = budget.limit === undefined ? 'no budget, reported' : `budget ${(budget.limit / 1024).toFixed(0)} KB`;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${budget.name}: ${(gzip / 1024).toFixed(2)} KB gzip (${(code.length / 1024).toFixed(1)} KB min), ${limit}`,
  );
}
if (failed) {
  console.error('\nA size budget is exceeded.');
  process.exit(1);
}
