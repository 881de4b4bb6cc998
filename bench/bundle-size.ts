// What each public piece of hidream-edit weighs, beside the single-purpose packages an app would otherwise add
// for the same jobs (the issues forbid depending on the React ones). Every figure is the same measure as
// scripts/size.mjs: bundled by esbuild as an app would, minified, gzip -9, React and TanStack Query external.
// "core external" leaves out hidream-edit/core, which the React entry shares with the other entries.
// Run after `npm run build`: node --import tsx bench/bundle-size.ts
import { coreExternal, measureBundle } from '../scripts/measure-bundle.mjs';

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
const row = (name: string, s: { gzip: number; min: number }, note = '') =>
  console.log(`${name.padEnd(78)} ${kb(s.gzip).padStart(9)} gzip ${kb(s.min).padStart(9)} min${note && `  ${note}`}`);

const hooks = "export * from './src/react/index.ts';";
const component = (name: string) => `export * from './src/components/${name}/index.ts';`;

console.log('hidream-edit (core external unless said)');
const hooksSize = await measureBundle(hooks, [coreExternal]);
row('hooks: HidreamProvider, useEdit, usePrediction', hooksSize);
let sum = 0;
for (const name of ['reference-picker', 'size-selector', 'result-viewer']) {
  const alone = await measureBundle(component(name), [coreExternal]);
  sum += alone.gzip;
  row(`${name}, alone`, alone);
}
const all = await measureBundle(hooks + ['reference-picker', 'size-selector', 'result-viewer', 'image-editor'].map(component).join(''), [coreExternal]);
const threeAndHooks = await measureBundle(hooks + ['reference-picker', 'size-selector', 'result-viewer'].map(component).join(''), [coreExternal]);
row('image-editor, on top of the hooks and the three components', { gzip: all.gzip - threeAndHooks.gzip, min: all.min - threeAndHooks.min });
row('React entry: hooks + all four components', all, '(issue 5 budget: 12 KB)');
row('React entry with core included', await measureBundle("export * from './src/index.ts';"));
row('hidream-edit/core, everything', await measureBundle("export * from './src/core/index.ts';"), '(issue 2 budget: 5 KB)');
row('hidream-edit/core, createClient only (what a typical app imports)', await measureBundle("export { createClient } from './src/core/index.ts';"));
console.log(`(the three components measured alone add up to ${kb(sum)}: they share the part utilities)`);

console.log('\nWhat an app pays for what it imports from the built package (dist/, core included, tree-shaken)');
for (const names of ['HidreamProvider, useEdit', 'HidreamProvider, useEdit, ResultViewer', 'HidreamProvider, ReferencePicker', 'HidreamProvider, ImageEditor']) {
  row(`import { ${names} } from 'hidream-edit'`, await measureBundle(`export { ${names} } from './dist/index.js';`));
}

console.log('\nSingle-purpose packages doing one job each (same measure)');
const others: [string, string, string][] = [
  ['react-dropzone (drop + file dialog; no magic bytes, downscale, URL, reorder)', "export * from 'react-dropzone';", 'cf. reference-picker'],
  ['react-compare-slider (before/after slider only)', "export * from 'react-compare-slider';", 'cf. part of result-viewer'],
  ['browser-image-compression (downscale only)', "export { default } from 'browser-image-compression';", 'cf. part of reference-picker'],
  ['wavespeed (official SDK: run, upload, retries; no input validation)', "export * from 'wavespeed';", 'cf. core'],
  ['@fal-ai/client (fal client: queue, storage, streaming)', "export * from '@fal-ai/client';", 'cf. core'],
];
let dropzoneAndSlider = 0;
for (const [name, contents, note] of others) {
  const size = await measureBundle(contents);
  if (/dropzone|compare/.test(name)) dropzoneAndSlider += size.gzip;
  row(name, size, note);
}
console.log(
  `\nreact-dropzone + react-compare-slider alone: ${kb(dropzoneAndSlider)}, ${((dropzoneAndSlider / (12 * 1024)) * 100).toFixed(0)}% of the` +
    ` 12 KB issue 5 allows for the hooks and all four components (hooks alone: ${kb(hooksSize.gzip)}).`,
);
