#!/usr/bin/env node
// `npm run dev`: Storybook on http://localhost:6006, opened on the ImageEditor playground, with the hidream-edit
// proxy mounted in its dev server at /api/hidream (see .storybook/main.ts). Without WAVESPEED_API_KEY the proxy's
// upstream is the local engine (sharp, in this process): real edits, no key, no network. With the key set, the
// same command talks to the real WaveSpeed API. Extra arguments go to `storybook dev` (e.g. `-- --ci` to not
// open a browser, `-- -p 7007`).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const storybookBin = fileURLToPath(import.meta.resolve('storybook/internal/bin/dispatcher'));
const args = process.argv.slice(2);
const port = Number(args[args.indexOf('-p') + 1] || args[args.indexOf('--port') + 1]) || 6006;

const backend = process.env.WAVESPEED_API_KEY
  ? 'WaveSpeed API (https://api.wavespeed.ai) — WAVESPEED_API_KEY is set; every edit is billed ($0.02)'
  : 'local engine (sharp, in this process) — no key, no network; set WAVESPEED_API_KEY to use the real API';
console.log(`hidream-edit dev: proxy at http://localhost:${port}/api/hidream → ${backend}`);
console.log(`hidream-edit dev: playground at http://localhost:${port}/?path=/story/imageeditor--playground`);

const child = spawn(
  process.execPath,
  [
    storybookBin,
    'dev',
    ...(args.includes('-p') || args.includes('--port') ? [] : ['-p', String(port)]),
    '--initial-path=/story/imageeditor--playground',
    '--no-version-updates',
    '--disable-telemetry',
    ...(process.env.CI ? ['--ci'] : []),
    ...args,
  ],
  { stdio: 'inherit', env: { STORYBOOK_DISABLE_TELEMETRY: '1', ...process.env } },
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
