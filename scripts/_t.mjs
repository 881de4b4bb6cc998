import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from '/tmp/tt/node_modules/terser/main.js';
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'];
const coreExternal = { name: 'c', setup(b) { b.onResolve({ filter: /\/core\/index\.js$/ }, (a) => ({ path: a.path, external: true })); } };
const r = await build({ stdin: { contents: "export * from './src/react/index.ts'; export * from './src/components/index.ts';", resolveDir: process.cwd(), loader: 'ts' },
 bundle: true, minify: false, format: 'esm', platform: 'browser', target: 'es2022', write: false, jsx: 'automatic', external: peers, plugins: [coreExternal], logLevel: 'silent' });
const src = r.outputFiles[0].text;
const g = (s) => gzipSync(s, {level:9}).length;
const e = await build({stdin:{contents:src, loader:'js'}, minify:true, write:false, format:'esm', target:'es2022'});
console.log('esbuild', g(e.outputFiles[0].contents));
const t = await minify(src, { module: true, ecma: 2022, compress: { passes: 3, unsafe_arrows: true, unsafe: true, pure_getters: true }, mangle: { toplevel: true } });
console.log('terser', g(t.code), t.code.length);
const e2 = await build({stdin:{contents:t.code, loader:'js'}, minify:true, write:false, format:'esm', target:'es2022'});
console.log('terser then esbuild', g(e2.outputFiles[0].contents));
