import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
const peers = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query'];
const coreExternal = { name: 'c', setup(b) { b.onResolve({ filter: /\/core\/index\.js$/ }, (a) => ({ path: a.path, external: true })); } };
const r = await build({ stdin: { contents: process.argv[2] ?? "export * from './src/react/index.ts'; export * from './src/components/index.ts';", resolveDir: process.cwd(), loader: 'ts' },
 bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, jsx: 'automatic', external: peers, plugins: process.argv[3]==='core'?[]:[coreExternal], metafile: true, logLevel: 'silent' });
const out = Object.values(r.metafile.outputs)[0];
const rows = Object.entries(out.inputs).map(([k, v]) => [k, v.bytesInOutput]).sort((a, b) => b[1] - a[1]);
let t=0; for (const [k, v] of rows) { t+=v; console.log(String(v).padStart(7), k); }
console.log('total min', t, 'gzip', gzipSync(r.outputFiles[0].contents, {level:9}).length);
