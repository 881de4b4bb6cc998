#!/usr/bin/env node
// Runs every benchmark in bench/ (or those named on the command line) one after another and prints their figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.ts') && !f.includes('.helper.'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== bench/${file} ===`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
if (failed) process.exit(1);
