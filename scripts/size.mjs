#!/usr/bin/env node
// Size budgets: bundles each entry as an app would (esbuild, minified, peers external) and gzips it.
// `target` is the budget the issues set; `ceiling` is what CI enforces: the size measured when the target
// could not (yet) be met without dropping required behaviour, so that nothing grows unnoticed.
// Run after `npm run build`: `node scripts/size.mjs`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { PEERS, coreExternal, measureBundle } from './measure-bundle.mjs';

const KB = 1024;

const budgets = [
  {
    name: 'hidream-edit/core (everything)',
    contents: "export * from './dist/core/index.js';",
    target: 5 * KB,
    ceiling: 5.75 * KB,
  },
  {
    name: 'hidream-edit hooks alone (core and peers external)',
    contents: "export * from './src/react/index.ts';",
    plugins: [coreExternal],
    target: 4 * KB,
  },
  {
    name: 'hidream-edit React entry: hooks + components (core and peers external)',
    contents: "export * from './src/react/index.ts'; export * from './src/components/index.ts';",
    plugins: [coreExternal],
    target: 12 * KB,
    ceiling: 20.5 * KB,
  },
  { name: 'hidream-edit React entry, everything (core included, peers external)', contents: "export * from './dist/index.js';" },
  // What apps really pay: the built package, tree-shaken to what they import (core included). Ceilings, no targets.
  {
    name: "import { HidreamProvider, useEdit } from 'hidream-edit'",
    contents: "export { HidreamProvider, useEdit } from './dist/index.js';",
    ceiling: 5.5 * KB,
  },
  {
    name: "import { HidreamProvider, useEdit, ResultViewer } from 'hidream-edit'",
    contents: "export { HidreamProvider, useEdit, ResultViewer } from './dist/index.js';",
    ceiling: 9 * KB,
  },
];

const kb = (bytes) => `${(bytes / KB).toFixed(2)} KB`;
let failed = false;

// Tree-shaking needs every module of the built entries to be free of top-level side effects. Checked on a copy
// outside the package, so that its "sideEffects" field cannot hide one: importing an entry and using nothing
// must leave nothing but the peers' import statements.
const copy = mkdtempSync(join(tmpdir(), 'hidream-size-'));
cpSync('dist', copy, { recursive: true });
for (const entry of ['index.js', 'core/index.js']) {
  const result = await build({
    stdin: { contents: `import ${JSON.stringify(join(copy, entry))};`, resolveDir: copy },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external: PEERS,
    logLevel: 'silent',
  });
  const left = result.outputFiles[0].text.replace(/import\s*(?:[^;]*?from\s*)?"[^"]+";/g, '').trim();
  if (left) failed = true;
  console.log(left ? `FAIL dist/${entry} has top-level side effects, kept by every bundle:\n${left.slice(0, 500)}` : `ok   dist/${entry} has no top-level side effects (tree-shakes)`);
}
rmSync(copy, { recursive: true, force: true });

for (const budget of budgets) {
  const { gzip, min } = await measureBundle(budget.contents, budget.plugins);
  const ceiling = budget.ceiling ?? budget.target ?? Infinity;
  let verdict = 'ok  ';
  let note = budget.target ? `target ${kb(budget.target)}` : budget.ceiling ? `ceiling ${kb(budget.ceiling)}` : 'reported';
  if (gzip > ceiling) {
    failed = true;
    verdict = 'FAIL';
    note += `, ceiling ${kb(ceiling)} exceeded`;
  } else if (budget.target && gzip > budget.target) {
    verdict = 'over';
    note += ` missed by ${kb(gzip - budget.target)}; ceiling ${kb(ceiling)}`;
  }
  console.log(`${verdict} ${budget.name}: ${kb(gzip)} gzip (${(min / KB).toFixed(1)} KB min), ${note}`);
}
if (failed) {
  console.error('\nA size ceiling is exceeded, or an entry no longer tree-shakes.');
  process.exit(1);
}
