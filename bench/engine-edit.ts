// Times one local-engine edit end to end (submit in sync mode + fetch the output) at 1024 and 2048 output for
// each format, with the longest event-loop block during it (what other requests to the same server wait), then
// each operation alone on a 2048×2048 buffer. Prints figures; asserts nothing.
import sharp from 'sharp';
import { probeEventLoop } from './browser.helper.js';
import { applyEditStep, createLocalEngine, EDIT_VOCABULARY, parseEditPrompt } from '../src/engine/index.js';

const MODEL = 'wavespeed-ai/hidream-o1-image-dev/edit';
const RUNS = 3;

async function sourcePhoto(): Promise<string> {
  // A 3000×2000 JPEG with detail everywhere: noise under a subject on a plain backdrop.
  const noise = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } } })
    .png()
    .toBuffer();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="2000"><rect width="3000" height="2000" fill="#dcdcdc"/>
    <circle cx="1500" cy="1000" r="700" fill="#c83232"/></svg>`;
  const jpeg = await sharp(Buffer.from(svg)).composite([{ input: noise, blend: 'soft-light' }]).jpeg({ quality: 90 }).toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const photo = await sourcePhoto();
const prompt = 'Keep the subject. Change the background to a sunlit beach at golden hour, and sharpen it.';
console.log(`source: 3000×2000 JPEG (${Math.round((photo.length * 3) / 4 / 1024)} KiB); prompt: "${prompt}"`);
console.log(`median of ${RUNS} runs, sync submit + GET output, imaging: sharp\n`);
console.log('output       format   median ms   min ms   bytes     longest block ms (event loop)');
for (const side of [1024, 2048]) {
  const engine = createLocalEngine({ latency: 0, maxOutputSide: side === 2048 ? undefined : side, random: 1 });
  for (const format of ['jpeg', 'png', 'webp'] as const) {
    const times: number[] = [];
    const blocks: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const stop = probeEventLoop();
      const start = performance.now();
      const res = await engine(
        new Request(`http://bench.local/api/v3/${MODEL}`, {
          method: 'POST',
          body: JSON.stringify({ prompt, images: [photo], output_format: format, seed: 42 + i, enable_sync_mode: true }),
        }),
      );
      const { data } = await res.json();
      if (data.status !== 'completed') throw new Error(`edit ${data.status}: ${data.error}`);
      bytes = (await (await engine(new Request(data.outputs[0]))).arrayBuffer()).byteLength;
      times.push(performance.now() - start);
      blocks.push(stop());
    }
    console.log(
      `${`${side}×${side}`.padEnd(12)} ${format.padEnd(8)} ${median(times).toFixed(0).padStart(9)} ${Math.min(...times).toFixed(0).padStart(8)} ${String(bytes).padStart(9)} ${Math.max(...blocks).toFixed(0).padStart(13)}`,
    );
  }
  engine.close();
}

console.log('\neach operation alone on a 2048×2048 RGBA buffer (pure code, same in every backend)');
const size = 2048;
const buffer = new Uint8ClampedArray(size * size * 4);
for (let i = 0; i < buffer.length; i++) buffer[i] = (i * 2654435761) >>> 24;
for (const entry of EDIT_VOCABULARY) {
  const step = parseEditPrompt(`please ${entry.keywords[0]!.replace('<word>', 'beach')} now`)[0]!;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const image = { width: size, height: size, data: new Uint8ClampedArray(buffer) };
    const start = performance.now();
    applyEditStep(image, step);
    times.push(performance.now() - start);
  }
  console.log(`${entry.operation.padEnd(12)} ${median(times).toFixed(0).padStart(6)} ms`);
}
